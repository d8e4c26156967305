"""The ``defrel`` command line: each command parses options, calls one library function and
prints the result.  Exit codes: 0 ok, 1 data does not conform, 2 bad input or usage."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import click

from ..checks.options import ENGINES
from ..errors import DefrelError, InputError
from ..facts.chars import escaped
from ..rdf.options import RDF_SUFFIXES, SYNTAXES, rdf_syntax
from .common import DEFAULT_OUT, DEFAULT_SEEDS, base_option, root_option
from .inputs import STDIN, FormatName, rdf_inputs, syntax_option
from .ontology import ontology_group
from .progress import Bar, bar_line
from .query import example_queries, query_cmd
from .store import load_cmd
from .summary import build_summary, json_errors, stop_unless_ok

__all__ = ["example_queries", "main"]

EXIT_OK, EXIT_NONCONFORMING, EXIT_BAD_INPUT = 0, 1, 2

# The stages a command needs are imported inside it: `defrel query` must start in well under
# a second, and pySHACL, jsonschema, httpx and the reasoner's owlready2 would double that.
QUIET_LOGGERS = ("rdflib", "pyshacl", "owlready2")


class DefrelGroup(click.Group):
    """Turns every DefrelError into one message on stderr and its exit code, in one place."""

    def invoke(self, ctx: click.Context):
        # Libraries' log records (rdflib's "Failed to convert Literal lexical form" for an
        # ill-typed literal, which SHACL reports as a result) are theirs, not the user's:
        # the CLI says what matters in its own messages, so they go nowhere.
        for name in QUIET_LOGGERS:
            logging.getLogger(name).addHandler(logging.NullHandler())
            logging.getLogger(name).propagate = False
        try:
            return super().invoke(ctx)
        except DefrelError as err:
            # escaped: a file name or value from an untrusted file must not drive the terminal
            click.secho(f"Error: {escaped(str(err))}", fg="red", err=True)
            sys.exit(err.exit_code)


_base = base_option()
_paths = click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))


@click.group(cls=DefrelGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="defrel", prog_name="defrel")
def main() -> None:
    """defrel: publish what news articles say about defence relations as linked data.

    \b
    Example:
      defrel build seeds/ --out dist/
      defrel query --example who-visited-whom
    """


@main.command("build")
@_paths
@click.option(
    "--out",
    default=DEFAULT_OUT,
    show_default=True,
    type=click.Path(path_type=Path),
    help="Output folder (new, empty or an earlier output), replaced whole on success.",
)
@_base
@click.option(
    "--infer",
    is_flag=True,
    help="Also write what the ontology entails (inferred types and super-properties) into "
    "a graph <article graph>/inferred beside each article's graph.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes validating articles in parallel (default: one per core from 8 articles).",
)
@root_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary (keys in the README).")
def build_cmd(
    paths: tuple[Path, ...],
    out: Path,
    base: str,
    infer: bool,
    jobs: int | None,
    root: Path | None,
    as_json: bool,
) -> None:
    """Load, map, validate, check consistency and write Turtle, JSON-LD and N-Quads.

    PATHS are facts files (*.facts.yaml) or folders of them; default seeds/.
    If the data does not conform to the shapes, or contradicts the ontology (an
    entity that is both a Person and a Country), the problems are printed with
    their facts file and line, nothing is written and the exit code is 1.
    On a terminal a progress bar runs on stderr.  --json prints one object
    (status, conforms, consistent, articles, reused, triples, inferred_graphs,
    inferred_triples, out, files, seconds, results, conflicts), on failure too.

    \b
    Example:
      defrel build seeds/ --out dist/ --base https://example.org/defrel/
      defrel build --infer
      defrel build --json | jq .triples
    """
    from ..builder.pipeline import build

    started, bar = time.monotonic(), Bar(sys.stderr, build_line)
    with json_errors(as_json), bar:
        outcome = build(list(paths) or [DEFAULT_SEEDS], out=out, base=base, infer=infer,
                        jobs=jobs, root=root, on_progress=bar)  # fmt: skip
    if as_json:
        summary = build_summary(outcome, out, time.monotonic() - started)
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        sys.exit(EXIT_OK if outcome.ok else EXIT_NONCONFORMING)
    stop_unless_ok(outcome, out)
    reused = getattr(outcome, "reused", 0)
    again = f" ({reused} unchanged, reused)" if reused else ""
    click.echo(f"Built {outcome.articles} article(s){again}, {outcome.triples} triples; conforms.")
    if infer:
        click.echo(
            f"Inferred {outcome.inferred_triples} triples into "
            f"{len(outcome.inferred)} graph(s) named <article graph>/inferred."
        )
    listed = outcome.written if len(outcome.written) <= LIST_AT_MOST else outcome.written[:4]
    for path in listed:
        click.echo(f"  {path}")
    if len(listed) < len(outcome.written):
        click.echo(f"  and {len(outcome.written) - len(listed)} files under {out / 'articles'}")


LIST_AT_MOST = 24  # files listed by name after a build; a corpus's are counted


def build_line(p) -> str:
    """The build's progress bar: articles, triples, rate (and how many were reused)."""
    rate = p.articles / p.seconds if p.seconds > 0 else 0
    reused = f" ({p.reused:,} reused)" if p.reused else ""
    return bar_line(
        p.articles, p.articles_total, f"{p.triples:,} triples  {rate:,.1f} articles/s{reused}"
    )


def _split_inputs(paths: list[Path], syntax: str | None) -> tuple[list[Path], list[Path]]:
    """Separate RDF files (by suffix; with --syntax, every file not a facts file; ``-``, stdin)
    from facts files and folders."""
    from ..facts.load import FACTS_SUFFIX

    facts_names = (FACTS_SUFFIX, ".yaml", ".yml")

    def rdf_file(p: Path) -> bool:
        if str(p) == STDIN:
            return True
        if not p.is_file():
            return False
        return p.suffix.lower() in RDF_SUFFIXES or (
            syntax is not None and not p.name.endswith(facts_names)
        )

    rdf = [p for p in paths if rdf_file(p)]
    facts = [p for p in paths if p not in rdf]
    for p in facts:
        if p.is_file() and not p.name.endswith(facts_names):
            raise InputError(
                "not a facts file or an RDF file",
                path=p,
                hint=f"facts files end in {FACTS_SUFFIX}; RDF files in {', '.join(RDF_SUFFIXES)} "
                "(or name the syntax with --syntax)",
            )
    return rdf, facts


REPORT_FORMATS = ("text", "json", *(s.name for s in SYNTAXES))


def _report_format(value: str) -> str:
    """text, json, or the RDF syntax of the SHACL report graph, by any of its names."""
    syntax = rdf_syntax(value)
    return value.lower() if value.lower() in ("text", "json") else syntax.name  # type: ignore[union-attr]


@main.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=FormatName(
        lambda v: v.lower() in ("text", "json") or rdf_syntax(v) is not None,
        ", ".join(REPORT_FORMATS),
    ),  # fmt: skip
    default="text",
    show_default=True,
    help="Report format: text, json, or the SHACL report graph in an RDF syntax "
    f"({', '.join(REPORT_FORMATS[2:])}; Jena's and Oxigraph's names and media types too).",
)
@click.option("--json", "as_json", is_flag=True, help="The report as JSON: --format json.")
@syntax_option("RDF files among PATHS")
@_base
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="compiled",
    show_default=True,
    help="SHACL engine: the compiled one (as build) or pySHACL (the reference).",
)
@root_option
def validate_cmd(
    paths: tuple[Path, ...],
    fmt: str,
    as_json: bool,
    syntax: str | None,
    base: str,
    engine: str,
    root: Path | None,
) -> None:
    """Check facts files or RDF files against the shapes; print a report.

    PATHS are facts files, folders of them, or RDF files (.ttl .nt .nq .trig
    .jsonld .rdf, or any name with --syntax; - for stdin); default seeds/.  Exit 0
    if everything conforms, 1 if not.  --json prints {"conforms": bool, "results":
    [{"focus", "path", "message", "severity", "where", ...}]}.
    --engine pyshacl validates with pySHACL, the reference the compiled engine
    (the default, as in build) is tested against; same verdicts, ~100x slower.

    \b
    Example:
      defrel validate seeds/ --format json
      curl -s https://example.org/their-data.nt | defrel validate - --syntax ntriples
    """
    from ..builder.pipeline import check_inputs

    if as_json:
        fmt = "json"
    with json_errors(fmt.lower() == "json"):
        rdf, facts = _split_inputs(list(paths) or [DEFAULT_SEEDS], syntax)
        with rdf_inputs(rdf, syntax) as rdf_files:
            report = check_inputs(facts=facts, rdf=rdf_files, base=base, engine=engine, root=root)
    fmt = _report_format(fmt)
    if fmt in ("text", "json"):
        text = report.text() if fmt == "text" else report.json()
    else:
        from ..stores.query import graph_text

        text = graph_text(report.graph, fmt)
    click.echo(text, nl=False)
    sys.exit(EXIT_OK if report.conforms else EXIT_NONCONFORMING)


@main.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of facts files (for editors and other tools).

    \b
    Example:
      defrel schema > facts.schema.json
    """
    import json

    from ..facts.schema import published_schema

    click.echo(json.dumps(published_schema(), indent=2, ensure_ascii=False))


main.add_command(query_cmd)
main.add_command(load_cmd)

main.add_command(ontology_group)

from .drafting import draft_cmd, entities_cmd, review_cmd  # noqa: E402 - an analyst's commands

main.add_command(entities_cmd)
main.add_command(draft_cmd)
main.add_command(review_cmd)

from .site import embed_cmd, serve_cmd, site_cmd  # noqa: E402 - commands of the site

main.add_command(site_cmd)
main.add_command(embed_cmd)
main.add_command(serve_cmd)

if __name__ == "__main__":  # pragma: no cover
    main()
