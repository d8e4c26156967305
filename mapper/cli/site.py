"""The ``site``, ``embed`` and ``serve`` commands: publish the data as a static site, print a
resource's embeddable JSON-LD, and serve the site with content negotiation and SPARQL."""

from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path

import click

from ..errors import InputError
from ..rdf.options import DEFAULT_BASE
from .common import DEFAULT_DATASET, DEFAULT_SEEDS, base_option, root_option
from .inputs import rdf_inputs, syntax_option
from .summary import json_errors, site_summary, stop_unless_ok

DEFAULT_SITE = Path("site")


def publisher_options(command):
    """``--publisher``, ``--publisher-url`` and ``--contact``: who the DCAT-AP catalogue says
    publishes the data, and whom to ask (default: the base IRI's host, and its home page)."""
    for option in reversed(
        [
            click.option(
                "--publisher",
                metavar="NAME",
                help="Who publishes the data, for the DCAT-AP catalogue [default: the base "
                "IRI's host].",
            ),
            click.option(
                "--publisher-url",
                metavar="URL",
                help="The publisher's home page [default: the base IRI's host].",
            ),
            click.option(
                "--contact",
                metavar="EMAIL|URL",
                help="Whom to ask about the data: an e-mail address or a web page [default: "
                "the publisher's home page].",
            ),
        ]
    ):
        command = option(command)
    return command


def _publisher(base: str, name: str | None, url: str | None, contact: str | None):
    from ..publish.render.dcat import Publisher

    return Publisher.of(base=base, name=name, url=url, contact=contact)


@click.command("site")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    default=DEFAULT_SITE,
    show_default=True,
    type=click.Path(path_type=Path),
    help="Site folder (new, empty or an earlier output): replaced whole on success, or, if "
    "it is an earlier site, updated in place file by file.",
)
@base_option("Base IRI; the site's home.")
@click.option(
    "--license",
    "license_",
    default="https://creativecommons.org/licenses/by/4.0/",
    show_default=True,
    help="IRI of the data's licence, stated in the VoID description and on every page.",
)
@root_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per core from 8 changed articles).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary (keys in the README).")
@publisher_options
def site_cmd(
    paths: tuple[Path, ...],
    out: Path,
    base: str,
    license_: str,
    root: Path | None,
    jobs: int | None,
    as_json: bool,
    publisher: str | None,
    publisher_url: str | None,
    contact: str | None,
) -> None:
    """Build a static site: a page per resource with embedded JSON-LD, and beside each
    page its .ttl, .jsonld, .nt and .nq; dumps, VoID, context, ontology and a sitemap.

    PATHS are facts files or folders of them (default seeds/).  Host the folder at
    the base IRI; every link in it is relative.  Exit 1 if the data does not conform
    or contradicts the ontology.  A rebuild renders only what changed: the pages of
    edited articles and of the entities they mention, updating an earlier site in
    place (the folder is the one a full build writes).  Progress on a terminal (stderr).  --json prints one object (keys in
    the README), on failure too.

    \b
    Example:
      defrel site seeds/ --out site/ --base https://example.org/defrel/
      defrel site --json | jq .pages
    """
    from ..publish.site.static import build_site

    started = time.monotonic()
    with json_errors(as_json):
        outcome = build_site(
            list(paths) or [DEFAULT_SEEDS],
            out=out,
            base=base,
            license=license_,
            root=root,
            publisher=_publisher(base, publisher, publisher_url, contact),
            jobs=jobs,
            on_progress=progress_line() if sys.stderr.isatty() else None,
        )
    if as_json:
        click.echo(
            json.dumps(
                site_summary(outcome, out, time.monotonic() - started), indent=2, ensure_ascii=False
            )
        )
        sys.exit(0 if outcome.ok else 1)
    stop_unless_ok(outcome, out)
    click.echo(
        f"Built a site of {outcome.pages} pages for {outcome.articles} article(s), "
        f"{outcome.triples} triples, in {out}/."
    )


def progress_line():
    """A progress callback that rewrites one line of stderr (for a terminal only)."""
    shown = {"stage": None}

    def show(stage: str, done: int, total: int) -> None:
        if stage != shown["stage"] and shown["stage"] is not None:
            sys.stderr.write("\n")
        shown["stage"] = stage
        sys.stderr.write(f"\r{stage}: {done:,}/{total:,}")
        if done == total:
            sys.stderr.write("\n")
            shown["stage"] = None
        sys.stderr.flush()

    return show


@click.command("embed")
@click.argument("iri")
@click.option(
    "--data",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
    help="RDF files to read (repeatable; - for stdin, with --syntax); default dist/dataset.nq.",
)
@click.option(
    "--profile",
    type=click.Choice(["schema", "full"]),
    default="schema",
    show_default=True,
    help="schema: the compact schema.org object the resource's page embeds (plain names and "
    "strings, evidence as links to the article page); full: its whole description, as its "
    ".jsonld document (Web Annotation selectors and all).",
)
@base_option(help="The base IRI the data was built with (a slug is looked up under it).")
@syntax_option("--data files")
def embed_cmd(
    iri: str, data: tuple[Path, ...], profile: str, base: str, syntax: str | None
) -> None:
    """Print a resource's JSON-LD as a <script> element to paste into another page.
    IRI is the resource's IRI, or its slug (russia, entity/russia, article/SLUG).

    \b
    Example:
      defrel embed https://w3id.org/defrel/data/entity/russia > russia-jsonld.html
      defrel embed russia --profile full
    """
    from ..publish.site.static import embed_snippet

    if not data and not DEFAULT_DATASET.exists():
        raise InputError(
            f"{DEFAULT_DATASET} not found", hint="run `defrel build` first, or pass --data"
        )
    from ..rdf.read import read_rdf

    with rdf_inputs(list(data) or [DEFAULT_DATASET], syntax) as files:
        dataset = read_rdf(files)
    click.echo(embed_snippet(dataset, iri, profile=profile, base=base), nl=False)


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt


@click.command("serve")
@click.option(
    "--site",
    "site_dir",
    default=DEFAULT_SITE,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder `defrel site` built.",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Serve from this embedded store (`defrel load`) instead of a site: every page, "
    "document and answer rendered on request; the home page, VoID and sitemap it makes are "
    "kept in the store's folder (defrel-described.json) for the next start.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="Serve from a remote store's SPARQL query endpoint (Oxigraph /query, Virtuoso "
    "/sparql, QLever) instead of a site, as --store does.",
)
@base_option(help="With --store or --endpoint: the base IRI the data was built with.")
@click.option(
    "--license",
    "license_",
    default="https://creativecommons.org/licenses/by/4.0/",
    show_default=True,
    help="With --store: the data's licence, as `defrel site --license`.",
)
@click.option(
    "--dumps",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="With --store: the folder `defrel build` wrote, whose dataset files are served.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1, 3600),
    help="Seconds a SPARQL query may run before it is stopped.",
)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--store-memory",
    default=128,
    show_default=True,
    type=click.IntRange(0, 1 << 20),
    metavar="MIB",
    help="With --store: MiB a process reading the store may grow by before it opens the "
    "store again (Oxigraph keeps the indexes of what it read; 0: never).",
)
@click.option(
    "--request-timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0.1, 3600),
    help="Seconds a client has to send its whole request (line, headers, body).",
)
@publisher_options
def serve_cmd(
    site_dir: Path,
    store_dir: Path | None,
    endpoint: str | None,
    base: str,
    license_: str,
    dumps: Path | None,
    host: str,
    port: int,
    timeout: float,
    workers: int,
    store_memory: int,
    request_timeout: float,
    publisher: str | None,
    publisher_url: str | None,
    contact: str | None,
) -> None:
    """Serve a built site with content negotiation (303 from a resource's IRI to the
    document the Accept header wants), CORS, and a read-only SPARQL endpoint.

    Build the site first with `defrel site`, or serve a store that `defrel load` filled
    with --store (no site needed).  --port 0 picks a free port.

    \b
    Example:
      defrel site && defrel serve --port 8000
      defrel load && defrel serve --store store --dumps dist
    """
    from ..publish.serve.files import serve

    ctx = click.get_current_context()
    site_given = ctx.get_parameter_source("site_dir") == click.core.ParameterSource.COMMANDLINE
    if sum([site_given, store_dir is not None, endpoint is not None]) > 1:
        raise click.UsageError("give one of --site, --store or --endpoint")
    from_store = store_dir is not None or endpoint is not None
    described = (publisher, publisher_url, contact)
    if not from_store and (dumps is not None or base != DEFAULT_BASE or any(described)):
        raise click.UsageError(
            "--base, --dumps and the publisher options go with --store or --endpoint "
            "(a site states them as `defrel site` was given them)"
        )
    memory_given = (
        ctx.get_parameter_source("store_memory") == click.core.ParameterSource.COMMANDLINE
    )
    if memory_given and store_dir is None:
        raise click.UsageError("--store-memory goes with --store (the embedded store)")
    signal.signal(signal.SIGTERM, _stop)
    what = endpoint or store_dir or site_dir

    def ready(url: str) -> None:
        click.echo(f"Serving {what} at {url} (SPARQL: {url}sparql); Ctrl-C stops.")
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.secho(f"Warning: listening on {host}, reachable from other machines.", err=True)
        sys.stdout.flush()

    try:
        if from_store:
            from ..publish.serve.run import serve_store

            serve_store(
                store=store_dir,
                endpoint=endpoint,
                base=base,
                license=license_,
                dumps=dumps,
                host=host,
                port=port,
                timeout=timeout,
                workers=workers,
                request_timeout=request_timeout,
                ready=ready,
                publisher=_publisher(base, *described),
                store_memory=store_memory << 20,
            )
            return
        serve(
            site_dir=site_dir,
            host=host,
            port=port,
            timeout=timeout,
            workers=workers,
            request_timeout=request_timeout,
            ready=ready,
        )
    except KeyboardInterrupt:
        click.echo("Stopped.")
