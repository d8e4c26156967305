"""``defrel ontology``: check the ontology with a reasoner, and write its reference pages."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .reasoner import check_ontology

__all__ = ["ontology_group"]


@click.group("ontology")
def ontology_group() -> None:
    """Check the ontology with HermiT, or write its HTML reference.

    \b
    Example:
      defrel ontology check
      defrel ontology docs --out site/ontology
    """


@ontology_group.command("check")
@click.argument("ontology", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--data",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="RDF files (.ttl .nt .nq .trig .jsonld) to check with the ontology (repeatable).",
)
def check_cmd(ontology: tuple[Path, ...], data: tuple[Path, ...]) -> None:
    """Prove the ontology consistent and every class satisfiable with HermiT.

    ONTOLOGY is a Turtle file or a folder of them; default the bundled ontology.
    Each problem is listed with the axioms that cause it (and, for --data, the
    graphs that state them).  Exit 0 if all is well, 1 if not.  Needs Java.

    \b
    Example:
      defrel ontology check
      defrel ontology check --data dist/dataset.nq
    """
    outcome = check_ontology(ontology=list(ontology) or None, data=list(data))
    click.echo(outcome.text(), nl=False)
    report = outcome.report
    click.echo(f"HermiT: {report.seconds:.2f} s to load and reason.", err=True)
    sys.exit(0 if report.ok else 1)
