"""``defrel query``: SPARQL over files (stdin too), the embedded store or an endpoint, the
query typed as Jena's and Oxigraph's users type it (``-``, ``--query FILE``, format names)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from ..errors import InputError
from ..stores.options import DEFAULT_TIMEOUT, GRAPH_FORMATS, TABLE_FORMATS, known_format
from .common import DEFAULT_DATASET
from .inputs import STDIN, FormatName, rdf_inputs, read_stdin_text, stdin_is_free, syntax_option

__all__ = ["example_queries", "query_cmd"]


def example_queries() -> dict[str, str]:
    """Bundled example queries (``queries/*.rq``) by name."""
    folder = files("mapper.data") / "queries"
    return {
        r.name.removesuffix(".rq"): r.read_text(encoding="utf-8")
        for r in sorted(folder.iterdir(), key=lambda r: r.name)
        if r.name.endswith(".rq")
    }


QUERY_SUFFIXES = (".rq", ".sparql", ".ru", ".txt")  # what a query file is called


def _looks_like_a_file(query: str) -> bool:
    """A QUERY argument that names a file rather than being SPARQL: one word, and an existing
    file or a query file's suffix (SPARQL always has a space or a brace)."""
    word = query.strip()
    if not word or any(c.isspace() or c in "{}" for c in word):
        return False
    return word.lower().endswith(QUERY_SUFFIXES) or Path(word).is_file()


def _the_query(query: str | None, query_file: Path | None, example: str | None) -> str:
    """The query text from whichever of QUERY, -f FILE and --example was given (- is stdin)."""
    given = [q for q in (query, query_file, example) if q is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, -f/--query FILE or --example NAME")
    if query is not None and query != STDIN and _looks_like_a_file(query):
        raise click.UsageError(
            f"QUERY {query!r} looks like a file name, not SPARQL: "
            f"did you mean --query {query} / -f {query}?"
        )
    if example is not None:
        return example_queries()[example]
    if query == STDIN or str(query_file) == STDIN:
        return read_stdin_text("the query")
    if query_file is not None:
        return query_file.read_text(encoding="utf-8")
    return query


@click.command("query")
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    "--query",
    "query_file",
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
    help="Read the query from a file (- for stdin, as QUERY - is).",
)
@click.option(
    "--example",
    type=click.Choice(sorted(example_queries())),
    help="Run one of the bundled example queries.",
)
@click.option(
    "--data",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
    help="RDF files to query (repeatable; - for stdin, with --syntax); default dist/dataset.nq.",
)
@syntax_option("--data files")
@click.option(
    "--format",
    "--results",
    "--results-format",
    "fmt",
    type=FormatName(known_format, ", ".join(TABLE_FORMATS + GRAPH_FORMATS)),
    help=f"Result format: {'|'.join(TABLE_FORMATS)} for SELECT/ASK, "
    f"{'|'.join(GRAPH_FORMATS)} for CONSTRUCT/DESCRIBE; Jena's and Oxigraph's names "
    "(ttl, ntriples, nquads, rdf/xml, json-ld, srj, srx) and media types work too.",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Let SERVICE and remote JSON-LD contexts reach the network, and FROM name graphs "
    "of the data (Oxigraph fetches nothing for FROM).",
)
@click.option(
    "--store",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Query the embedded store in this folder (see defrel load) instead of files.",
)
@click.option("--endpoint", metavar="URL", help="Query this SPARQL endpoint instead of files.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Stop a query on files after this long, reading them included (0: no limit).",
)
def query_cmd(
    query: str | None,
    query_file: Path | None,
    example: str | None,
    data: tuple[Path, ...],
    syntax: str | None,
    fmt: str | None,
    allow_remote: bool,
    store: Path | None,
    endpoint: str | None,
    timeout: float,
) -> None:
    """Run a SPARQL query over the built dataset, the given files, or a store.

    Give the query inline, with -f/--query FILE, with --example NAME, or as - to
    read it from stdin.  Named graphs are kept (GRAPH ?g works); the default graph
    is the union of all graphs.  Files are queried with Oxigraph's engine, as a
    store is; a query on files is stopped after --timeout seconds (exit 2).
    CONSTRUCT and DESCRIBE print any RDF syntax: Turtle, N-Triples, N-Quads,
    TriG, JSON-LD, RDF/XML.

    \b
    Example:
      defrel query 'SELECT ?s WHERE { ?s a defrel:Visit }'
      defrel query --example arms-suppliers-of-india --format csv
      defrel query --query visits.rq --format application/sparql-results+json
      echo 'ASK { ?s ?p ?o }' | defrel query - --data dist/dataset.ttl
      curl -s https://example.org/data.ttl | defrel query -f q.rq --data - --syntax ttl
      defrel query --store store/ --example posts-held
      defrel query --endpoint http://127.0.0.1:7878/query --example posts-held
    """
    stdin_is_free(STDIN in (query, str(query_file)), any(str(d) == STDIN for d in data))
    query = _the_query(query, query_file, example)
    if sum(map(bool, (data, store, endpoint))) > 1:
        raise click.UsageError("give one of --data, --store or --endpoint")
    if store is not None:
        from ..stores.embedded import query_store

        outcome = query_store(query, store=store, fmt=fmt, allow_remote=allow_remote)
        return click.echo(outcome.text, nl=False)
    if endpoint is not None:
        from ..stores.remote import query_endpoint

        return click.echo(query_endpoint(query, url=endpoint, fmt=fmt).text, nl=False)
    paths = list(data) or [DEFAULT_DATASET]
    if not data and not paths[0].exists():
        raise InputError(f"{paths[0]} not found", hint="run `defrel build` first, or pass --data")
    from ..stores.memory import query_files

    with rdf_inputs(paths, syntax) as files:
        outcome = query_files(query, files, fmt=fmt, allow_remote=allow_remote, timeout=timeout)
    click.echo(outcome.text, nl=False)
