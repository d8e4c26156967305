"""``defrel ontology``: check the ontology with a reasoner, and write its reference pages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import InputError
from .common import DEFAULT_SEEDS
from .inputs import rdf_inputs, syntax_option
from .summary import json_errors

__all__ = ["ontology_group"]

DEFAULT_EXAMPLES = DEFAULT_SEEDS


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
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
    help="RDF files (.ttl .nt .nq .trig .jsonld .rdf) to check with the ontology (repeatable; "
    "- for stdin, with --syntax).",
)
@syntax_option("--data files")
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Follow owl:imports: http(s) ones over the network, file: ones only from inside the "
    "folder of the file that names them.",
)
@click.option("--timing", is_flag=True, help="Also say how long HermiT took (on stderr).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary instead of text.")
def check_cmd(
    ontology: tuple[Path, ...],
    data: tuple[Path, ...],
    syntax: str | None,
    allow_remote: bool,
    timing: bool,
    as_json: bool,
) -> None:
    """Prove the ontology consistent and every class satisfiable with HermiT.

    ONTOLOGY is a Turtle file or a folder of them; default the bundled ontology.
    Each problem is listed with the axioms that cause it (and, for --data, the
    graphs that state them).  Exit 0 if all is well, 1 if not.  Needs Java.
    --json prints one object: status (ok|problems), ontology, version, terms,
    axioms, logical_axioms, individuals, consistent, inconsistency, unsatisfiable,
    literals_kept_out, seconds.
    An owl:imports of an ontology not given is refused (exit 2) unless
    --allow-remote; the reasoner itself never follows one.

    \b
    Example:
      defrel ontology check --timing
      defrel ontology check --data dist/dataset.nq --json
      curl -s https://example.org/their-data.ttl | defrel ontology check --data - --syntax ttl
    """
    from ..checks.reasoner import check_ontology  # owlready2: only when a check runs

    with json_errors(as_json), rdf_inputs(data, syntax) as data_files:
        outcome = check_ontology(
            ontology=list(ontology) or None, data=data_files, allow_remote=allow_remote
        )
    report = outcome.report
    if as_json:
        click.echo(json.dumps(outcome.summary(), indent=2, ensure_ascii=False))
        sys.exit(0 if report.ok else 1)
    click.echo(outcome.text(), nl=False)
    if timing:
        ms = report.times_ms
        click.echo(
            f"HermiT: {ms.get('load', 0) / 1000:.2f} s to load, {ms.get('reason', 0) / 1000:.2f} s "
            f"to reason, {ms.get('explain', 0) / 1000:.2f} s to explain; "
            f"{ms.get('wall', 0) / 1000:.2f} s with Java's start.",
            err=True,
        )
    sys.exit(0 if report.ok else 1)


@ontology_group.command("docs")
@click.option(
    "--out",
    default=Path("docs/ontology"),
    show_default=True,
    type=click.Path(path_type=Path),
    help="Output folder (new, empty or an earlier output), replaced whole.",
)
@click.option(
    "--examples",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Facts files or folders to draw the examples from (repeatable); default seeds/.",
)
def docs_cmd(out: Path, examples: tuple[Path, ...]) -> None:
    """Write the ontology's HTML reference: every class and property, a class
    diagram, the competency questions, and the ontology as Turtle, JSON-LD and
    RDF/XML.

    \b
    Example:
      defrel ontology docs --out site/ontology
      defrel ontology docs --out docs/ --examples seeds/
    """
    if not examples and not DEFAULT_EXAMPLES.is_dir():
        raise InputError(
            f"{DEFAULT_EXAMPLES}/ not found: the examples are drawn from facts files",
            hint="run in the checkout, or name facts files or folders with --examples",
        )
    from ..publish.docs.reference import write_docs

    outcome = write_docs(out=out, examples=list(examples) or [DEFAULT_EXAMPLES])
    click.echo(f"Documented {outcome.terms} terms.")
    for path in outcome.written:
        click.echo(f"  {path}")
