"""Read one resource's description out of a store, so that a server renders its page and
documents on request with the static site's own code (``describe.py``, ``views.py``,
``pages.py``) and the same bytes, without holding the dataset in memory.

The site indexes the whole dataset in a ``Catalogue``; a page needs only a neighbourhood of
its resource.  ``neighbourhood`` gathers it level by level (so a remote store answers a few
batched queries, not one per node), loading every node's outgoing quads whole, so that each
node it holds is classified (resource or detail) as in the whole dataset:

- the resource, and every IRI below it (``{iri}/…``) connected to it: its details, and for an
  article its facts' evidence, which the article's text marks; their incoming quads too;
- the resources that point at it, and the evidence annotations (targets, selectors) of each;
- every node those quads link to (its types and labels name the link);
- for every detail, the IRIs its own IRI starts with, where its owning resource is.

Only named graphs are read: a store's default graph holds their union (see ``defrel load``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import RDF, XSD, BNode, Literal, URIRef
from rdflib.term import Node

from ..rdf.vocab import NS
from .describe import DETAIL_TYPES, Catalogue, Quad

__all__ = ["EmbeddedSource", "QuadSource", "neighbourhood", "resource_of", "to_rdflib"]

_STRING = str(XSD.string)
EVIDENCE = NS["defrel"].evidence
ADDRESS = NS["schema"].address  # a linked place's address travels with the link (describe.py)
TYPE = RDF.type  # rdflib resolves namespace attributes on every access: looked up once here
# An IRI's rdflib term, made once: validating and building URIRefs was a third of the time
# of reading a neighbourhood.  Bounded, so the server's memory does not grow with the archive.
_iri = lru_cache(maxsize=1 << 14)(URIRef)


# Oxigraph keeps numbers by value: an xsd:nonNegativeInteger comes back as xsd:integer, and
# the decimal "75.0" as "75".  What defrel wrote is known: each integer property's datatype
# is the one its SHACL shape requires, and decimals are written in the canonical form of
# ``rdf.nodes.decimal_literal`` (always with a point).
_INTEGER = str(XSD.integer)
_DECIMAL = str(XSD.decimal)
_DERIVED = {
    str(XSD[n])
    for n in (
        "positiveInteger",
        "nonNegativeInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}


@cache
def integer_types() -> dict[str, str]:
    """Property IRI -> the integer datatype its shape requires (derived types only)."""
    from rdflib import Graph
    from rdflib.namespace import SH

    shapes = files("mapper.data") / "shapes" / "defrel-shapes.ttl"
    graph = Graph().parse(data=shapes.read_text(encoding="utf-8"), format="turtle")
    found: dict[str, set[str]] = defaultdict(set)
    for shape, datatype in graph.subject_objects(SH.datatype):
        path = graph.value(shape, SH.path)
        if isinstance(path, URIRef) and str(datatype) in _DERIVED:
            found[str(path)].add(str(datatype))
    return {path: next(iter(types)) for path, types in found.items() if len(types) == 1}


def restore_literal(
    value: str, *, language: str | None, datatype: str | None, predicate: str
) -> Literal:
    """The literal defrel wrote, from what a store gives back (see ``integer_types``)."""
    if language:
        return Literal(value, lang=language)
    if datatype is None or datatype == _STRING:
        return Literal(value)
    if datatype == _INTEGER:
        datatype = integer_types().get(predicate, datatype)
    elif datatype == _DECIMAL and "." not in value and "E" not in value.upper():
        value += ".0"
    return Literal(value, datatype=URIRef(datatype))


def to_rdflib(term, predicate: str = "") -> Node:
    """A pyoxigraph term as the rdflib term the site's parser makes of the same text (for a
    literal, ``predicate`` says which datatype defrel wrote)."""
    if isinstance(term, ox.Literal):
        return restore_literal(
            term.value,
            language=term.language,
            datatype=term.datatype.value,
            predicate=predicate,
        )
    if isinstance(term, ox.NamedNode):
        return _iri(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not an RDF term: {term!r}")


def to_oxigraph(node: Node):
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if node.language:
        return ox.Literal(str(node), language=node.language)
    datatype = ox.NamedNode(str(node.datatype)) if node.datatype else None
    return ox.Literal(str(node), datatype=datatype)


class QuadSource(Protocol):
    """Where descriptions are read from: the named-graph quads around a set of nodes."""

    def out(self, nodes: set[Node]) -> list[Quad]: ...

    def into(self, nodes: set[Node]) -> list[Quad]: ...


class EmbeddedSource:
    """An Oxigraph store (opened read-only by the server), read by pattern: an index lookup
    per node, tens of microseconds each."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def _quads(self, pattern) -> Iterable[Quad]:
        for q in self.store.quads_for_pattern(*pattern):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue  # the union of the named graphs, kept by `defrel load`
            yield (
                to_rdflib(q.subject),
                to_rdflib(q.predicate),
                to_rdflib(q.object, q.predicate.value),
                _iri(q.graph_name.value),
            )

    def out(self, nodes: set[Node]) -> list[Quad]:
        found = []
        for node in nodes:
            if not isinstance(node, Literal):
                found.extend(self._quads((to_oxigraph(node), None, None, None)))
        return found

    def into(self, nodes: set[Node]) -> list[Quad]:
        found = []
        for node in nodes:
            found.extend(self._quads((None, None, to_oxigraph(node), None)))
        return found


class _Gathered:
    """The quads read so far, and which nodes' outgoing and incoming quads are whole."""

    def __init__(self, source: QuadSource) -> None:
        self.source = source
        self.quads: set[Quad] = set()
        self.out: dict[Node, list[Quad]] = defaultdict(list)
        self.into: dict[Node, list[Quad]] = defaultdict(list)
        self.out_done: set[Node] = set()
        self.into_done: set[Node] = set()

    def _add(self, quads: list[Quad]) -> None:
        for quad in quads:
            if quad not in self.quads:
                self.quads.add(quad)
                self.out[quad[0]].append(quad)
                self.into[quad[2]].append(quad)

    def load_out(self, nodes: Iterable[Node]) -> None:
        todo = {n for n in nodes if n not in self.out_done and not isinstance(n, Literal)}
        if todo:
            self._add(self.source.out(todo))
            self.out_done |= todo

    def load_into(self, nodes: Iterable[Node]) -> None:
        todo = {n for n in nodes if n not in self.into_done}
        if todo:
            self._add(self.source.into(todo))
            self.into_done |= todo

    def walk_below(self, roots: Iterable[URIRef]) -> None:
        """Each root, and every IRI below it reached by a link in either direction."""
        frontier = set(roots)
        prefixes = tuple(f"{r}/" for r in frontier)
        while frontier:
            self.load_out(frontier)
            self.load_into(frontier)
            linked = {q[2] for n in frontier for q in self.out[n]}
            linked |= {q[0] for n in frontier for q in self.into[n]}
            frontier = {
                n
                for n in linked
                if isinstance(n, URIRef) and str(n).startswith(prefixes) and n not in self.out_done
            }

    def types(self, node: Node) -> set[Node]:
        return {q[2] for q in self.out.get(node, ()) if q[1] == TYPE}


def _prefixes(iri: str) -> list[URIRef]:
    found, cut = [], iri.rfind("/")
    while cut > iri.find("//") + 1:
        iri = iri[:cut]
        found.append(URIRef(iri))
        cut = iri.rfind("/")
    return found


def _evidence(got: _Gathered, nodes: Iterable[Node]) -> set[URIRef]:
    return {
        q[2]
        for n in nodes
        for q in got.out.get(n, ())
        if q[1] == EVIDENCE and isinstance(q[2], URIRef)
    }


def neighbourhood(source: QuadSource, iri: URIRef) -> Catalogue:
    """A Catalogue of the quads ``iri``'s page and documents need (see the module docstring);
    ``describe``, ``resource_view`` and ``article_text`` give what they give on the whole."""
    got = _Gathered(source)
    got.walk_below([iri])
    referrers = {q[0] for q in got.into[iri]}
    got.load_out(referrers)
    got.walk_below(_evidence(got, [iri, *referrers]))
    linked = {t for q in list(got.quads) for t in (q[0], q[2]) if isinstance(t, URIRef)}
    got.load_out(linked)
    got.load_out({q[2] for q in list(got.quads) if q[1] == ADDRESS})
    details = [n for n in got.out_done if got.types(n) and got.types(n) <= DETAIL_TYPES]
    got.load_out({p for d in details for p in _prefixes(str(d))})
    return Catalogue.of_quads(got.quads)


def resource_of(source: QuadSource, iri: URIRef) -> URIRef | None:
    """The resource ``iri`` names: itself if it is one, else the nearest IRI it starts with
    that is (a detail's owner); None if neither."""
    for candidate in [iri, *_prefixes(str(iri))]:
        types = {q[2] for q in source.out({candidate}) if q[1] == TYPE}
        if types and not types <= DETAIL_TYPES:
            return candidate
    return None


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
    from .dcat import dumps_in
    from .describe import LABELS
    from .site import dataset_pages, overview_of

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
