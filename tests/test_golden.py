"""Golden cases: each folder under tests/cases/ holds input/ (facts files and texts) and
expected.nq, hand-checked; the build must give the same graphs (compared with
rdflib.compare.isomorphic). Both builds are held to them: the fast one (``defrel build``)
and the rdflib pipeline it is tested against elsewhere, so a bug they share shows here.

A new case is a new folder. After a deliberate change of output, regenerate the expected
graphs with ``.venv/bin/python scripts/regen_golden.py`` and review the diff (``git diff
tests/cases``); this test only ever compares.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT
from rdflib import Dataset
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from reference_pipeline import classic_build

from mapper.builder.fastbuild import fast_build
from mapper.rdf.vocab import DEFAULT_BASE

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())
BUILDS = {
    "fast": lambda inputs, out: fast_build([inputs], out=out, base=DEFAULT_BASE, jobs=1),
    "classic": lambda inputs, out: classic_build([inputs], out=out, base=DEFAULT_BASE, jobs=1),
}


def _graphs(path: Path) -> dict[str, Dataset]:
    ds = Dataset()
    ds.parse(path, format="nquads")
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.mark.parametrize("build", sorted(BUILDS))
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, build: str, tmp_path: Path) -> None:
    outcome = BUILDS[build](case / "input", tmp_path / "dist")
    assert outcome.report.conforms and not outcome.conflicts, outcome.report.text()
    want, got = _graphs(case / "expected.nq"), _graphs(tmp_path / "dist" / "dataset.nq")
    assert sorted(got) == sorted(want)
    for name in want:
        if not isomorphic(got[name], want[name]):
            _, only_got, only_want = graph_diff(to_isomorphic(got[name]), to_isomorphic(want[name]))
            pytest.fail(
                f"{name}: unexpected {sorted(only_got)[:5]}; missing {sorted(only_want)[:5]}"
            )


def test_there_are_golden_cases() -> None:
    assert len(CASES) >= 2
    for case in CASES:
        assert (case / "expected.nq").is_file() and list((case / "input").glob("*.facts.yaml"))
        assert (case / "README.md").is_file()  # what the case is for, in a sentence


def test_regenerating_writes_what_the_build_writes(tmp_path: Path) -> None:
    # The regeneration script, on a copy of one case: expected.nq becomes the build's dataset.
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from regen_golden import regenerate
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    case = tmp_path / "cases" / "one"
    (case / "input").mkdir(parents=True)
    for path in (CASES[0] / "input").iterdir():
        (case / "input" / path.name).write_bytes(path.read_bytes())
    (case / "expected.nq").write_text("stale\n", encoding="utf-8")
    assert regenerate(tmp_path / "cases") == [case / "expected.nq"]
    outcome = fast_build([case / "input"], out=tmp_path / "dist", base=DEFAULT_BASE, jobs=1)
    assert outcome.ok
    assert (case / "expected.nq").read_bytes() == (tmp_path / "dist" / "dataset.nq").read_bytes()
    assert not [p for p in case.iterdir() if p.name not in ("input", "expected.nq")]
