"""The home page and the VoID documents of the data a store holds, as ``defrel site`` writes
them, read from the store (its types and labels, and counts) by a server that has no site."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, URIRef
from rdflib.term import Node

from ..render.describe import Catalogue
from ..store.terms import to_rdflib

__all__ = ["dataset_files", "embedded_dataset_files", "embedded_select"]

_TYPES_AND_LABELS = """
SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} VALUES ?p {{ {props} }} }}
"""
_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # the default graph: the union, a set
_PREDICATES = "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } }"


def embedded_select(store_path: str):
    """A function running a SELECT in the embedded store, rows as rdflib terms."""
    store = ox.Store.read_only(store_path)

    def select(query: str) -> list[dict[str, Node]]:
        answer = store.query(query)
        names = [v.value for v in answer.variables]
        rows = []
        for row in answer:
            p = row["p"].value if "p" in names and row["p"] is not None else ""
            rows.append({n: to_rdflib(row[n], p) for n in names if row[n] is not None})
        return rows

    return select


_DISTINCT_TRIPLES = (
    "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
)


def dataset_files(
    select,
    *,
    base: str,
    license: str,
    union_is_a_set: bool = True,
    publisher=None,
    dumps: Path | None = None,
) -> dict[str, str]:
    """The home page and the VoID documents of the data a store holds, as ``defrel site``
    writes them: from its types and labels (what the home page lists) and counts.
    ``select`` runs a SELECT (rows as rdflib terms); ``union_is_a_set``: the store's default
    graph holds each triple once (the embedded store), so counting it is enough.
    ``publisher``: a ``dcat.Publisher``; ``dumps``: the folder of the dumps served, if any."""
    from ..render.dcat import dumps_in
    from ..render.describe import LABELS
    from ..site.static import dataset_pages, overview_of

    props = " ".join(f"<{p}>" for p in (RDF.type, *LABELS))
    rows = select(_TYPES_AND_LABELS.format(props=props))
    cat = Catalogue.of_quads((r["s"], r["p"], r["o"], r["g"]) for r in rows)
    del rows
    cat.triples = int(select(_TRIPLES if union_is_a_set else _DISTINCT_TRIPLES)[0]["n"])
    prefix = f"{base}graph/"
    sizes = {str(r["g"]): int(r["n"]) for r in select(_GRAPH_SIZES)}
    graphs = {g[len(prefix) :]: URIRef(g) for g in sizes if g.startswith(prefix)}
    triples = {slug: sizes[str(g)] for slug, g in graphs.items()}
    predicates = {str(r["p"]) for r in select(_PREDICATES)}
    overview = overview_of(cat, base, predicates)
    return dataset_pages(
        overview,
        base=base,
        license=license,
        graphs=graphs,
        triples=triples,
        publisher=publisher,
        dumps=dumps_in(dumps),
    )


def embedded_dataset_files(
    store_path: str, *, base: str, license: str, publisher=None, dumps: Path | None = None
) -> dict[str, str]:
    """``dataset_files`` of an embedded store (run in a child process by the server)."""
    return dataset_files(
        embedded_select(store_path),
        base=base,
        license=license,
        publisher=publisher,
        dumps=dumps,
    )
