"""The ``--json`` summaries of ``build`` and ``site``: one JSON object on stdout, whatever the
outcome, with the keys the README lists (``load`` and ``ontology check`` have theirs from the
library: ``LoadOutcome.summary``, ``OntologyCheck.summary``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from ..errors import DefrelError, PartialLoadError

__all__ = ["build_summary", "json_errors", "site_summary"]


@contextmanager
def json_errors(as_json: bool) -> Iterator[None]:
    """With ``--json``, an error too gives one object on stdout (``status`` "error", the
    message, its place and hint, the exit code) before the usual message on stderr."""
    try:
        yield
    except DefrelError as err:
        if as_json and not isinstance(err, PartialLoadError):  # load prints its own
            error = {"status": "error", **_problem(err)}
            if err.more:  # every problem of the run, the first among them
                error["problems"] = [_problem(p) for p in (err, *err.more)]
            click.echo(json.dumps({**error, "exit_code": err.exit_code}, indent=2))
        raise


def _problem(err: DefrelError) -> dict[str, Any]:
    found = {"error": err.message, "where": err.where() or None, "hint": err.hint}
    return {**found, "fact_id": err.fact_id} if err.fact_id else found


def _status(outcome) -> str:
    """built, or why not: not_conforming (SHACL) or inconsistent (the ontology)."""
    if outcome.ok:
        return "built"
    return "not_conforming" if not outcome.report.conforms else "inconsistent"


def _results(report) -> list[dict[str, Any]]:
    return [asdict(r) for r in report.results]


def stop_unless_ok(outcome, out: Path) -> None:
    """Say why a build or site that did not conform, or contradicts the ontology, wrote
    nothing, and exit 1 (``out`` is unchanged); return when it is fine."""
    if not outcome.report.conforms:
        click.echo(outcome.report.text(), nl=False)
    if outcome.conflicts:
        click.echo(f"Inconsistent with the ontology: {len(outcome.conflicts)} problem(s).")
        click.echo("\n".join(map(str, outcome.conflicts)))
    if not outcome.ok:
        problems = ["does not conform"] * (not outcome.report.conforms)
        problems += ["contradicts the ontology"] * bool(outcome.conflicts)
        click.secho(f"Not built: the data {' and '.join(problems)}; {out} is unchanged.", err=True)
        raise SystemExit(1)


def build_summary(outcome, out: Path, seconds: float) -> dict[str, Any]:
    """``defrel build --json``: status (built|not_conforming|inconsistent), the counts, the
    folder, the number of files written, the SHACL results and ontology conflicts."""
    return {
        "status": _status(outcome),
        "conforms": outcome.report.conforms,
        "consistent": not outcome.conflicts,
        "articles": outcome.articles,
        "reused": getattr(outcome, "reused", 0),
        "triples": outcome.triples,
        "inferred_graphs": len(outcome.inferred),
        "inferred_triples": outcome.inferred_triples,
        "out": str(out),
        "files": len(outcome.written),
        "seconds": round(seconds, 3),
        "results": _results(outcome.report),
        "conflicts": [str(c) for c in outcome.conflicts],
    }


def site_summary(outcome, out: Path, seconds: float) -> dict[str, Any]:
    """``defrel site --json``: status (built|not_conforming|inconsistent), the counts (articles
    reused from the last build, pages, files in the folder, pages and documents written
    anew: the others were unchanged), the folder, the SHACL results and ontology conflicts."""
    return {
        "status": _status(outcome),
        "conforms": outcome.report.conforms,
        "consistent": not outcome.conflicts,
        "articles": outcome.articles,
        "reused": outcome.reused,
        "triples": outcome.triples,
        "pages": outcome.pages,
        "out": str(out),
        "files": outcome.files,
        "files_written": outcome.rendered,
        "seconds": round(seconds, 3),
        "results": _results(outcome.report),
        "conflicts": [str(c) for c in outcome.conflicts],
    }
