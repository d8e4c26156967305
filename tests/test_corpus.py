"""The benchmark corpus generator: deterministic from its seed, and every article it writes
is a valid facts file whose quotes occur in its text."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT

from mapper.facts.load import load_corpus

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402


def test_corpus_is_deterministic_and_loads(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", articles=20, seed=3)
    second = generate(tmp_path / "b", articles=20, seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    articles = load_corpus([tmp_path / "a"])
    assert len(articles) == 20
    assert all(3 <= len(a.facts) <= 10 for a in articles)
    kinds = {f.kind for a in articles for f in a.facts}
    assert len(kinds) >= 6
    shared = [e.id for a in articles for e in a.entities]
    assert len(shared) > len(set(shared))  # entities recur across articles, one id each
