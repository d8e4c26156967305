"""``defrel load``: put the built dataset into the embedded store or a remote SPARQL store.

A progress bar (articles, triples, rate) on a terminal, nothing in pipes; ``--json`` prints a
machine-readable summary, on failure too (with the articles loaded and not loaded).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError, PartialLoadError
from ..rdf.options import DEFAULT_BASE
from ..stores.options import DEFAULT_STORE, PROTOCOLS
from .common import DEFAULT_DATASET
from .inputs import rdf_inputs, syntax_option
from .progress import Bar, bar_line
from .summary import json_errors

if TYPE_CHECKING:  # the stores (pyoxigraph, httpx) are imported when `load` runs
    from ..stores.loading import LoadOutcome, Progress

__all__ = ["load_cmd", "progress_line"]


def progress_line(p: Progress, *, width: int = 24) -> str:
    """One line of the progress bar: ``[####----]  3/8 articles  7,035 triples  9,210 t/s``."""
    rate = p.triples / p.seconds if p.seconds > 0 else 0
    rest = f"{p.triples:,}/{p.triples_total:,} triples  {rate:,.0f} triples/s"
    return bar_line(p.articles, p.articles_total, rest, width=width)


def _report(outcome: LoadOutcome, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(outcome.summary(), indent=2))
        return
    inferred = f" and {outcome.inferred} inferred graph(s)" if outcome.inferred else ""
    click.echo(
        f"Loaded {outcome.articles} article(s){inferred}, {outcome.triples:,} triples into "
        f"{outcome.target} in {outcome.seconds:.2f} s ({outcome.rate:,.0f} triples/s)."
    )
    if outcome.dropped:
        from ..stores.loading import article_name

        names = ", ".join(article_name(g) for g in outcome.dropped)
        click.echo(f"Dropped {len(outcome.dropped)} graph(s) no longer in the input: {names}")


def _failure_json(err: PartialLoadError) -> str:
    from ..stores.loading import article_name

    names = lambda iris: [article_name(i) for i in iris]  # noqa: E731
    return json.dumps(
        {
            "status": "failed",
            "error": err.message,
            "loaded": names(err.loaded),
            "missing": names(err.missing),
            "in_flight": names(err.in_flight),
        },
        indent=2,
    )


def _dataset_of(path: Path) -> Path:
    """A build folder stands for its ``dataset.nq``; a file for itself."""
    if str(path) == "-" or not path.is_dir():
        return path
    dataset = path / "dataset.nq"
    if not dataset.is_file():
        raise InputError(
            "a folder with no dataset.nq",
            path=path,
            hint=f"name a build's folder (defrel build --out {path}) or an .nq/.trig/.jsonld file",
        )
    return dataset


@click.command("load")
@click.argument(
    "paths",
    nargs=-1,
    type=click.Path(exists=True, allow_dash=True, path_type=Path),
)
@syntax_option("PATHS (one with named graphs: nq, trig, jsonld)")
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Embedded store folder, made if new (the default: {DEFAULT_STORE}/).",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="A remote store's Graph Store endpoint (with --protocol update: its SPARQL Update "
    "endpoint).  Credentials: DEFREL_STORE_USER/DEFREL_STORE_PASSWORD or netrc.",
)
@click.option("--protocol", type=click.Choice(PROTOCOLS), default="gsp", show_default=True)
@click.option(
    "--query-endpoint",
    metavar="URL",
    help="The remote store's SPARQL query endpoint, to list its graphs (--drop-missing, --replace).",
)
@click.option(
    "--append", "mode", flag_value="append", default=True, help="Keep graphs not in the input."
)
@click.option(
    "--drop-missing",
    "mode",
    flag_value="drop-missing",
    help="Drop article graphs under --base that are not in the input.",
)
@click.option(
    "--replace",
    "mode",
    flag_value="replace",
    help="Drop every other graph and the default graph: the store holds exactly the input.",
)
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the data.")
@click.option(
    "--batch-triples",
    type=click.IntRange(1),
    default=10_000,
    show_default=True,
    help="--protocol update: triples per request (graphs are never split).",
)
@click.option("--retries", type=click.IntRange(0), default=4, show_default=True)
@click.option("--timeout", type=click.FloatRange(0.1), default=60.0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary.")
def load_cmd(
    paths: tuple[Path, ...],
    syntax: str | None,
    store: Path | None,
    endpoint: str | None,
    protocol: str,
    query_endpoint: str | None,
    mode: str,
    base: str,
    batch_triples: int,
    retries: int,
    timeout: float,
    as_json: bool,
) -> None:
    """Load article graphs into a store: each graph replaced whole, so loading twice is the
    same as once.  PATHS are .nq/.trig/.jsonld files, build folders (their dataset.nq), or -
    for stdin with --syntax; default dist/dataset.nq.  Exit 3 if the store cannot be reached
    or the load stops part-way (the message names the articles).

    \b
    Example:
      defrel load --store store/
      zcat dump.nq.gz | defrel load - --syntax nquads --store store/
      defrel load --endpoint http://127.0.0.1:7878/store --drop-missing \\
          --query-endpoint http://127.0.0.1:7878/query
    """
    if store is not None and endpoint is not None:
        raise click.UsageError("give --store PATH or --endpoint URL, not both")
    if not paths and not DEFAULT_DATASET.exists():
        raise InputError(f"{DEFAULT_DATASET} not found", hint="run `defrel build` first")
    paths = tuple(_dataset_of(p) for p in paths)
    bar = Bar(sys.stderr, progress_line)
    try:
        with json_errors(as_json), rdf_inputs(list(paths) or [DEFAULT_DATASET], syntax) as inputs:
            if endpoint is None:
                from ..stores.embedded import load_store

                outcome = load_store(
                    inputs, store=store or DEFAULT_STORE, mode=mode, base=base, on_progress=bar
                )
            else:
                from ..stores.remote import load_endpoint

                outcome = load_endpoint(
                    inputs,
                    url=endpoint,
                    protocol=protocol,
                    query_url=query_endpoint,
                    mode=mode,
                    base=base,
                    batch_triples=batch_triples,
                    retries=retries,
                    timeout=timeout,
                    on_progress=bar,
                )
    except PartialLoadError as err:
        if as_json:
            click.echo(_failure_json(err))
        raise
    finally:
        bar.close()
    _report(outcome, as_json)
