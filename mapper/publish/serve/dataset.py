"""The home page, its lists, the VoID documents and the sitemap of the data a store holds, as
``defrel site`` writes them, read from the store (``store/overview.py``) by a server that has
no site."""

from __future__ import annotations

import zlib
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from ..store.overview import store_overview
from ..store.terms import to_rdflib

__all__ = [
    "dataset_files", "embedded_dataset_files", "embedded_select", "packed", "remote_dataset_files",
]  # fmt: skip

_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # the default graph: the union, a set
_DISTINCT_TRIPLES = (
    "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
)


def embedded_select(store_path: str):
    """A function running a SELECT in the embedded store, rows (read as they are asked
    for) as rdflib terms."""
    store = ox.Store.read_only(store_path)

    def select(query: str):
        answer = store.query(query)
        names = [v.value for v in answer.variables]
        for row in answer:
            p = row["p"].value if "p" in names and row["p"] is not None else ""
            yield {n: to_rdflib(row[n], p) for n in names if row[n] is not None}

    return select


def _one(rows) -> dict[str, Node]:
    return next(iter(rows))


def dataset_files(
    select,
    *,
    base: str,
    license: str,
    union_is_a_set: bool = True,
    publisher=None,
    dumps: Path | None = None,
) -> dict[str, str]:
    """The home page, its list pages, the VoID documents and the sitemap of the data a store
    holds, as ``defrel site`` writes them (the sitemap lists each resource's first page: the
    site's also lists the later pages of long descriptions). ``select`` runs a SELECT
    (rows as rdflib terms); ``union_is_a_set``: the store's default graph holds each triple
    once (the embedded store), so it is read instead of the named graphs.
    ``publisher``: a ``dcat.Publisher``; ``dumps``: the folder of the dumps served, if any."""
    from ..render.dcat import dumps_in
    from ..render.void import VOID_SUBSETS, sitemap_files
    from ..site.static import dataset_pages

    triples = int(_one(select(_TRIPLES if union_is_a_set else _DISTINCT_TRIPLES))["n"])
    overview = store_overview(select, base, union_is_a_set=union_is_a_set, triples=triples)
    prefix = f"{base}graph/"
    names = [str(r["g"]) for r in select(_GRAPHS)]
    graphs = {g[len(prefix) :]: URIRef(g) for g in names if g.startswith(prefix)}
    sizes = {}
    if len(graphs) <= VOID_SUBSETS:  # VoID describes each graph (render/void.py)
        sizes = {str(r["g"]): int(r["n"]) for r in select(_GRAPH_SIZES)}
    files = dataset_pages(
        overview,
        base=base,
        license=license,
        graphs=graphs,
        triples={slug: sizes.get(str(g), 0) for slug, g in graphs.items()},
        publisher=publisher,
        dumps=dumps_in(dumps),
    )
    urls = [row[0] + ".html" for row in overview.rows]  # (every row's resource is under base)
    files.update(sitemap_files([*urls, base + "ontology.html", base], base))
    return files


def packed(files: dict[str, str]) -> dict[str, bytes]:
    """``files`` compressed, as a server keeps them (at 100,000 articles 228 MB of text, most
    of it list pages and the sitemap's parts, are 7.5 MB)."""
    return {name: zlib.compress(text.encode("utf-8"), 6) for name, text in files.items()}


def embedded_dataset_files(
    store_path: str, *, base: str, license: str, publisher=None, dumps: Path | None = None
) -> dict[str, bytes]:
    """``dataset_files`` of an embedded store, ``packed`` (run in a child process by the
    server)."""
    files = dataset_files(
        embedded_select(store_path),
        base=base,
        license=license,
        publisher=publisher,
        dumps=dumps,
    )
    return packed(files)


def remote_dataset_files(
    url: str, timeout: float, *, base: str, license: str, publisher=None, dumps=None
) -> dict[str, bytes]:
    """``dataset_files`` of the remote store whose SPARQL query endpoint is ``url``, over
    its named graphs, ``packed`` (run in a child process by the server)."""
    import httpx

    from .remote import RemoteSource

    source = RemoteSource(httpx.URL(url), timeout=timeout)
    with source.http:
        files = dataset_files(
            source.select,
            base=base,
            license=license,
            union_is_a_set=False,
            publisher=publisher,
            dumps=dumps,
        )
    return packed(files)
