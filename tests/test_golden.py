"""Golden cases: each folder under tests/cases/ holds input/ (facts files and texts) and
expected.nq; the build must give the same graphs (compared with rdflib.compare.isomorphic).

A new case is a new folder.  After a deliberate change of output, regenerate with
``DEFREL_REGEN_GOLDEN=1 pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from mapper.builder.pipeline import build

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())


def _graphs(path: Path) -> dict[str, Dataset]:
    ds = Dataset()
    ds.parse(path, format="nquads")
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, tmp_path: Path) -> None:
    outcome = build([case / "input"], out=tmp_path / "dist")
    assert outcome.report.conforms, outcome.report.text()
    actual = tmp_path / "dist" / "dataset.nq"
    expected = case / "expected.nq"
    if os.environ.get("DEFREL_REGEN_GOLDEN"):
        expected.write_bytes(actual.read_bytes())
    want, got = _graphs(expected), _graphs(actual)
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
