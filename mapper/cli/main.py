"""The ``defrel`` command line: each command parses options, calls one library function and
prints the result.  Exit codes: 0 ok, 1 data does not conform, 2 bad input or usage."""

from __future__ import annotations

import logging
import sys
from importlib.resources import files
from pathlib import Path

import click

from ..checks.options import ENGINES
from ..errors import DefrelError, InputError
from ..facts.chars import escaped
from ..rdf.options import RDF_SUFFIXES
from ..stores.options import DEFAULT_TIMEOUT, GRAPH_FORMATS, TABLE_FORMATS
from .common import DEFAULT_DATASET, DEFAULT_OUT, DEFAULT_SEEDS, base_option, root_option
from .ontology import ontology_group
from .store import load_cmd

EXIT_OK, EXIT_NONCONFORMING, EXIT_BAD_INPUT = 0, 1, 2

# The stages a command needs are imported inside it: `defrel query` must start in well under
# a second, and pySHACL, jsonschema, httpx and the reasoner's owlready2 would double that.
QUIET_LOGGERS = ("rdflib", "pyshacl", "owlready2")


def example_queries() -> dict[str, str]:
    """Bundled example queries (``queries/*.rq``) by name."""
    folder = files("mapper.data") / "queries"
    return {
        r.name.removesuffix(".rq"): r.read_text(encoding="utf-8")
        for r in sorted(folder.iterdir(), key=lambda r: r.name)
        if r.name.endswith(".rq")
    }


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
def build_cmd(
    paths: tuple[Path, ...], out: Path, base: str, infer: bool, jobs: int | None, root: Path | None
) -> None:
    """Load, map, validate, check consistency and write Turtle, JSON-LD and N-Quads.

    PATHS are facts files (*.facts.yaml) or folders of them; default seeds/.
    If the data does not conform to the shapes, or contradicts the ontology (an
    entity that is both a Person and a Country), the problems are printed with
    their facts file and line, nothing is written and the exit code is 1.

    \b
    Example:
      defrel build seeds/ --out dist/ --base https://example.org/defrel/
      defrel build --infer
    """
    from ..builder.pipeline import build

    outcome = build(
        list(paths) or [DEFAULT_SEEDS], out=out, base=base, infer=infer, jobs=jobs, root=root
    )
    if not outcome.report.conforms:
        click.echo(outcome.report.text(), nl=False)
    if outcome.conflicts:
        click.echo(f"Inconsistent with the ontology: {len(outcome.conflicts)} problem(s).")
        click.echo("\n".join(map(str, outcome.conflicts)))
    if not outcome.ok:
        problems = ["does not conform"] * (not outcome.report.conforms)
        problems += ["contradicts the ontology"] * bool(outcome.conflicts)
        click.secho(f"Not built: the data {' and '.join(problems)}; {out} is unchanged.", err=True)
        sys.exit(EXIT_NONCONFORMING)
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


def _split_inputs(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Separate RDF files (by suffix) from facts files and folders."""
    from ..facts.load import FACTS_SUFFIX

    rdf = [p for p in paths if p.is_file() and p.suffix.lower() in RDF_SUFFIXES]
    facts = [p for p in paths if p not in rdf]
    for p in facts:
        if p.is_file() and not p.name.endswith((FACTS_SUFFIX, ".yaml", ".yml")):
            raise InputError(
                "not a facts file or an RDF file",
                path=p,
                hint=f"facts files end in {FACTS_SUFFIX}; RDF files in {', '.join(RDF_SUFFIXES)}",
            )
    return rdf, facts


@main.command("validate")
@_paths
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
    help="Report format.",
)
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
    paths: tuple[Path, ...], fmt: str, base: str, engine: str, root: Path | None
) -> None:
    """Check facts files or RDF files against the shapes; print a report.

    PATHS are facts files, folders of them, or RDF files (.ttl .nt .nq .trig
    .jsonld); default seeds/.  Exit 0 if everything conforms, 1 if not.
    --engine pyshacl validates with pySHACL, the reference the compiled engine
    (the default, as in build) is tested against; same verdicts, ~100x slower.

    \b
    Example:
      defrel validate seeds/ --format json
    """
    from ..builder.pipeline import check_inputs

    rdf, facts = _split_inputs(list(paths) or [DEFAULT_SEEDS])
    report = check_inputs(facts=facts, rdf=rdf, base=base, engine=engine, root=root)
    click.echo({"text": report.text, "json": report.json, "turtle": report.turtle}[fmt](), nl=False)
    sys.exit(EXIT_OK if report.conforms else EXIT_NONCONFORMING)


@main.command("query")
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the query from a file.",
)
@click.option(
    "--example",
    type=click.Choice(sorted(example_queries())),
    help="Run one of the bundled example queries.",
)
@click.option(
    "--data",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="RDF files to query (repeatable); default dist/dataset.nq.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(TABLE_FORMATS + GRAPH_FORMATS),
    help="Result format: table|csv|tsv|json|xml for SELECT/ASK, "
    "turtle|nt|jsonld for CONSTRUCT/DESCRIBE.",
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
    fmt: str | None,
    allow_remote: bool,
    store: Path | None,
    endpoint: str | None,
    timeout: float,
) -> None:
    """Run a SPARQL query over the built dataset, the given files, or a store.

    Give the query inline, with -f FILE, or with --example NAME.  Named graphs
    are kept (GRAPH ?g works); the default graph is the union of all graphs.
    Files are queried with Oxigraph's engine, as a store is; a query on files
    is stopped after --timeout seconds (exit 2).

    \b
    Example:
      defrel query 'SELECT ?s WHERE { ?s a defrel:Visit }'
      defrel query --example arms-suppliers-of-india --format csv
      defrel query --store store/ --example posts-held
      defrel query --endpoint http://127.0.0.1:7878/query --example posts-held
    """
    given = [q for q in (query, query_file, example) if q is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, -f FILE or --example NAME")
    if query_file is not None:
        query = query_file.read_text(encoding="utf-8")
    elif example is not None:
        query = example_queries()[example]
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

    outcome = query_files(query, paths, fmt=fmt, allow_remote=allow_remote, timeout=timeout)
    click.echo(outcome.text, nl=False)


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


@main.command("entities")
@click.argument("query", required=False, default="")
@click.option(
    "--in",
    "paths",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Facts files or folders of the archive (repeatable; default: seeds).",
)
@click.option("--type", "entity_type", metavar="TYPE", help="Only entities of this type.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@root_option
def entities_cmd(
    query: str, paths: tuple[Path, ...], entity_type: str | None, as_json: bool, root: Path | None
) -> None:
    """List the archive's entities, or find them by id, label, alias or Wikidata item.

    Reads the entity registry (entities.yaml or entities/ beside the facts files, or above
    them up to --root) and the facts files' own entities. Use it before writing a facts
    file, to reuse an existing id. Exit 0 if something matched, 1 if nothing did, 2 on a
    file that cannot be read.

    \b
    Examples:
      defrel entities --in archive/ pakistan
      defrel entities --in archive/ Q843 --json
      defrel entities --in archive/ --type Person
    """
    import json

    from ..facts.kinds import ENTITY_TYPES
    from ..facts.lookup import find_entities

    if entity_type is not None and entity_type not in ENTITY_TYPES:
        raise click.BadParameter(
            f"{entity_type!r} is not an entity type; use one of {', '.join(ENTITY_TYPES)}",
            param_hint="--type",
        )
    found, problems = find_entities(
        list(paths) or [DEFAULT_SEEDS], query, root=root, entity_type=entity_type
    )
    for problem in problems:
        click.secho(f"Error: {escaped(str(problem))}", fg="red", err=True)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in found], indent=2, ensure_ascii=False))
    else:
        for r in found:
            where = r.registry or (r.declared_in[0] if r.declared_in else "")
            extra = f"  [{', '.join(r.wikidata)}]" if r.wikidata else ""
            click.echo(
                escaped(f"{r.id}\t{r.type}\t{r.label}{extra}\t{r.articles} article(s)\t{where}")
            )
        if not found:
            click.echo(f"No entity matches {query!r}." if query else "No entities.", err=True)
    if problems:
        sys.exit(EXIT_BAD_INPUT)
    if not found:
        sys.exit(EXIT_NONCONFORMING)


@main.command("draft")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--published",
    metavar="DATE",
    help="Publication date (YYYY-MM-DD): resolves 'last year', 'on Monday'.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    metavar="FACTS.yaml",
    help="Where to write the draft (default: <slug>.facts.yaml beside the article).",
)
@click.option(
    "--model",
    "model_url",
    metavar="URL",
    help="An OpenAI-compatible chat endpoint "
    "(llama.cpp server, Ollama, vLLM) to draft with, instead of the offline rules.",
)
@click.option(
    "--model-name", default="default", show_default=True, help="The model to ask for at --model."
)
@click.option("--model-timeout", type=float, default=300, show_default=True, metavar="SECONDS")
@root_option
def draft_cmd(
    article: Path,
    published: str | None,
    out: Path | None,
    model_url: str | None,
    model_name: str,
    model_timeout: float,
    root: Path | None,
) -> None:
    """Draft the facts of ARTICLE (a .txt file) for a person to confirm.

    Writes <slug>.facts.yaml beside the article: the article block, the entities (reusing the
    registry's ids) and the facts the rules (or --model) find, each quoting the text verbatim
    and marked with a draft: block. `defrel build` refuses the file until a person has
    checked each entry and deleted its draft: block. Never overwrites a facts file a person
    has edited. Deterministic offline: the same text gives the same draft.

    \b
    Examples:
      defrel draft archive/kenya-loi.txt --published 2024-03-07
      defrel draft article.txt --model http://127.0.0.1:8080/v1 --out draft.facts.yaml
    """
    from ..draft.drafter import write_draft
    from ..facts.when import parse_when

    if published is not None:
        try:
            when = parse_when(published)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--published") from None
        if when.day is None:
            raise click.BadParameter(
                f"{published!r} is not a day: write YYYY-MM-DD", param_hint="--published"
            )
    model = None
    if model_url is not None:
        from ..draft.model import ChatModel

        model = ChatModel(model_url, model=model_name, timeout=model_timeout)
    path, draft = write_draft(article, out=out, published=published, root=root, model=model)
    click.echo(
        f"Drafted {len(draft.entities)} entities and {len(draft.facts)} facts into {path}"
        f" ({draft.by}); every entry is unconfirmed."
    )
    for dropped in draft.dropped:
        click.echo(f"  dropped: {escaped(dropped)}", err=True)
    click.echo(f"Next: defrel review {path}, then delete each confirmed entry's draft: block.")


@main.command("review")
@click.argument("facts", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    metavar="PAGE.html",
    help="Where to write the page (default: <slug>.review.html beside the facts file).",
)
@click.option("--serve", is_flag=True, help="Also serve the page on 127.0.0.1 until Ctrl-C.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port for --serve (0: any free one)."
)
def review_cmd(facts: Path, out: Path | None, serve: bool, port: int) -> None:
    """Write one HTML page to confirm FACTS by: the article with every quote highlighted in
    the colour of its fact's kind, each entry's fields beside it, unconfirmed entries marked,
    and the line of the facts file to edit.

    \b
    Examples:
      defrel review archive/kenya-loi.facts.yaml
      defrel review draft.facts.yaml --serve
    """
    import os
    import tempfile

    from ..draft.review import review_page

    page = review_page(facts)
    out = out or facts.with_name(facts.name.removesuffix(".facts.yaml") + ".review.html")
    if out.is_symlink() or (out.exists() and not out.is_file()):
        raise InputError(f"{out} is not a regular file", hint="name another --out")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent or ".")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(page)
    os.chmod(tmp, 0o644)
    os.replace(tmp, out)
    click.echo(f"Wrote {out}")
    if serve:
        from ..draft.serve_review import serve_page

        serve_page(page.encode("utf-8"), port=port, announce=click.echo)


main.add_command(load_cmd)

main.add_command(ontology_group)

from .site import embed_cmd, serve_cmd, site_cmd  # noqa: E402 - commands of the site

main.add_command(site_cmd)
main.add_command(embed_cmd)
main.add_command(serve_cmd)

if __name__ == "__main__":  # pragma: no cover
    main()
