"""Validating articles in parallel processes gives the same verdicts, results and report
as validating them one after the other (the differential test of the parallel path)."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import yaml
from conftest import ROOT
from rdflib.compare import isomorphic

from mapper.builder.pipeline import build_dataset
from mapper.checks.validate import validate_dataset
from mapper.cli.main import main

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402


def _corpus(folder: Path, *, articles: int, broken: int) -> Path:
    """A generated corpus in which ``broken`` articles have a state supplying itself."""
    files = generate(folder, articles=articles, seed=11)
    for path in files[:broken]:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        state = next(e["id"] for e in doc["entities"] if e["type"] == "Country")
        doc["facts"].append(
            {
                "id": "self-supply",
                "kind": "arms_supply",
                "supplier": state,
                "recipient": state,
                "evidence": ["(item 0)"],
            }
        )
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def test_parallel_validation_agrees_with_serial(tmp_path: Path) -> None:
    dataset, _ = build_dataset([_corpus(tmp_path / "c", articles=6, broken=2)])
    serial = validate_dataset(dataset, jobs=1)
    parallel = validate_dataset(dataset, jobs=2)
    assert serial.conforms is False and parallel.conforms is False
    assert len(serial.results) >= 2
    assert [asdict(r) for r in serial.results] == [asdict(r) for r in parallel.results]
    assert isomorphic(serial.graph, parallel.graph)


def test_parallel_agrees_on_conforming_data(tmp_path: Path) -> None:
    dataset, _ = build_dataset([_corpus(tmp_path / "c", articles=4, broken=0)])
    serial, parallel = validate_dataset(dataset, jobs=1), validate_dataset(dataset, jobs=2)
    assert serial.conforms and parallel.conforms and not parallel.results


def test_build_jobs_option(tmp_path: Path, runner) -> None:
    folder = _corpus(tmp_path / "c", articles=3, broken=1)
    result = runner.invoke(
        main, ["build", str(folder), "--out", str(tmp_path / "d"), "--jobs", "2"]
    )
    assert result.exit_code == 1 and "fact 'self-supply' (kind: arms_supply)" in result.output
    bad = runner.invoke(main, ["build", str(folder), "--jobs", "0"])
    assert bad.exit_code == 2 and "--jobs" in bad.output
