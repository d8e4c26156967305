"""Read one resource's description out of a store, so that a server renders its page and
documents on request with the static site's own code (``describe.py``, ``views.py``,
``pages.py``) and the same bytes, without holding the dataset in memory.

The site indexes the whole dataset in a ``Catalogue``; a page needs only a neighbourhood of
its resource, and one page of what points at it (``describe.PAGE_SIZE``: a state named in
100,000 articles is not read whole for one page).  ``neighbourhood`` gathers it level by
level (so a remote store answers a few batched queries, not one per node):

- the sorted IRIs of what points at the resource (one query, strings only), cut to the page;
- the resource, and every IRI below it (``{iri}/…``) connected to it: its details, and for an
  article its facts' evidence, which the article's text marks; their incoming quads too;
- the page's referrers: their quads pointing at it, which article states them, and the
  evidence annotations (targets, selectors) of each;
- the types and labels (only) of every node those quads link to: in the graphs of those
  links, which is what a description states of it (``describe.py``), and once from the
  union, which is all a page shows of it and classifies it (resource or detail) as in the
  whole dataset;
- for every detail, the types of the IRIs its own IRI starts with, where its owner is.

Quads are read from the named graphs; only the union's names come from the default graph,
which holds the union of the named graphs (see ``defrel load``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.resources import files
from typing import Protocol

import pyoxigraph as ox
from rdflib import RDF, XSD, BNode, Literal, URIRef
from rdflib.term import Node

from ..rdf.vocab import NS
from .describe import (
    DETAIL_TYPES,
    LABELS,
    PAGE_SIZE,
    Catalogue,
    Quad,
    Window,
    referrer_keys,
    window,
)

__all__ = ["EmbeddedSource", "QuadSource", "neighbourhood", "resource_of", "to_rdflib"]

_STRING = str(XSD.string)
EVIDENCE = NS["defrel"].evidence
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

    def subjects_into(self, iri: URIRef) -> list[URIRef]:
        """The IRIs with a triple whose object is ``iri``, each once, in any order."""
        ...

    def into_below(self, iri: URIRef) -> list[Quad]:
        """The quads whose object is ``iri`` and whose subject lies below it (``{iri}/…``)."""
        ...

    def pointing(self, iri: URIRef, subjects: set[URIRef]) -> list[Quad]:
        """The quads of ``subjects`` that point at ``iri``, and their ``defrel:article`` and
        ``defrel:evidence`` quads (what a page shows of what points at it)."""
        ...

    def names(self, nodes: set[Node]) -> list[Quad]:
        """The rdf:type and label triples (``describe.LABELS``) of ``nodes``, each once, as
        quads of the default graph (graph None)."""
        ...

    def names_in(self, pairs: set[tuple[Node, Node]]) -> list[Quad]:
        """The rdf:type and label quads of each (node, graph) of ``pairs``, in that graph."""
        ...


# The queries behind ``subjects_into``, ``into_below`` and ``names`` (IRIs hold no ``"``, ``\``,
# ``<``, ``>`` or spaces: ``rdf.mint`` refuses them, and so does Oxigraph's parser).
SUBJECTS_INTO = (
    "SELECT (GROUP_CONCAT(DISTINCT STR(?s); separator=' ') AS ?all) "
    "WHERE {{ GRAPH ?g {{ ?s ?p <{iri}> }} FILTER(isIRI(?s)) }}"
)
SUBJECTS_INTO_ROWS = "SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s ?p <{iri}> }} FILTER(isIRI(?s)) }}"
INTO_BELOW = (
    "SELECT ?s ?p ?g WHERE {{ GRAPH ?g {{ ?s ?p <{iri}> }} "
    'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{iri}/")) }}'
)
NAMES = (
    "SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {nodes} }} VALUES ?p {{ "
    + " ".join(f"<{p}>" for p in (RDF.type, *LABELS))
    + " }} GRAPH ?g {{ ?s ?p ?o }} }}"
)
NAMES_IN = (
    "SELECT ?s ?p ?o ?g WHERE {{ VALUES (?s ?g) {{ {pairs} }} VALUES ?p {{ "
    + " ".join(f"<{p}>" for p in (RDF.type, *LABELS))
    + " }} GRAPH ?g {{ ?s ?p ?o }} }}"
)


_NAMING = [ox.NamedNode(str(p)) for p in (RDF.type, *LABELS)]
_DEFAULT = ox.DefaultGraph()
_POINTING = [ox.NamedNode(str(NS["defrel"][p])) for p in ("article", "evidence")]


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

    def subjects_into(self, iri: URIRef) -> list[URIRef]:
        # one string made by the engine: a row per referrer costs ten times as much in Python
        (row,) = self.store.query(SUBJECTS_INTO.format(iri=iri))
        text = row["all"].value if row["all"] is not None else ""
        return [URIRef(s) for s in text.split(" ") if s]

    def into_below(self, iri: URIRef) -> list[Quad]:
        o = _iri(str(iri))
        return [
            (_iri(r["s"].value), _iri(r["p"].value), o, _iri(r["g"].value))
            for r in self.store.query(INTO_BELOW.format(iri=iri))
        ]

    def names(self, nodes: set[Node]) -> list[Quad]:
        # from the default graph, the union: once per triple, not once per article graph;
        # an index lookup per node and property (a VALUES join makes Oxigraph scan the store)
        found = []
        for node in nodes:
            if isinstance(node, URIRef):
                subject = ox.NamedNode(str(node))
                for prop in _NAMING:
                    for q in self.store.quads_for_pattern(subject, prop, None, _DEFAULT):
                        found.append(
                            (node, _iri(prop.value), to_rdflib(q.object, prop.value), None)
                        )
        return found

    def names_in(self, pairs: set[tuple[Node, Node]]) -> list[Quad]:
        found = []
        for node, graph in pairs:
            if isinstance(node, URIRef) and isinstance(graph, URIRef):
                for prop in _NAMING:
                    pattern = (ox.NamedNode(str(node)), prop, None, ox.NamedNode(str(graph)))
                    found.extend(self._quads(pattern))
        return found

    def pointing(self, iri: URIRef, subjects: set[URIRef]) -> list[Quad]:
        found, target = [], to_oxigraph(iri)
        for s in subjects:
            subject = ox.NamedNode(str(s))
            found.extend(self._quads((subject, None, target, None)))
            for prop in _POINTING:
                found.extend(self._quads((subject, prop, None, None)))
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
        self.names_done: set[Node] = set()

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

    def load_names(self, nodes: Iterable[Node]) -> None:
        todo = {
            n
            for n in nodes
            if isinstance(n, URIRef) and n not in self.out_done and n not in self.names_done
        }
        if todo:
            self._add(self.source.names(todo))
            self.names_done |= todo

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


def neighbourhood(
    source: QuadSource, iri: URIRef, page: int | None = 1, size: int = PAGE_SIZE
) -> Catalogue | None:
    """A Catalogue of the quads page ``page`` of ``iri``'s page and documents need (see the
    module docstring), None past its last page; ``describe``, ``resource_view`` and
    ``article_text`` give what they give on the whole.  ``page`` None: every page's (what
    ``defrel site`` gathers of a shared resource from each article, to page it itself)."""
    keys = referrer_keys(iri, source.subjects_into(iri))
    found = window(keys, page, size) if page is not None else Window(1, 1, frozenset(keys))
    if found is None:
        return None
    got = _Gathered(source)
    got.load_out([iri])
    got._add(source.into_below(iri))  # what points at it from elsewhere: the page's keys
    got.into_done.add(iri)
    got.walk_below([iri])
    got._add(source.pointing(iri, set(found.keys)))
    got.walk_below(_evidence(got, [iri, *found.keys]))
    linked = {
        (t, q[3])
        for q in list(got.quads)
        for t in (q[0], q[2])
        if isinstance(t, URIRef) and t not in got.out_done
    }
    got._add(source.names_in(linked))  # a link is named in its own graph (describe.py)
    got.load_names({t for t, _ in linked})  # and classified as the whole dataset does
    known = got.out_done | got.names_done
    details = [n for n in known if got.types(n) and got.types(n) <= DETAIL_TYPES]
    got.load_names({p for d in details for p in _prefixes(str(d))})
    cat = Catalogue.of_quads(got.quads)
    cat.page_size = size
    if page is not None:
        cat.windows[iri] = found
    return cat


def resource_of(source: QuadSource, iri: URIRef) -> URIRef | None:
    """The resource ``iri`` names: itself if it is one, else the nearest IRI it starts with
    that is (a detail's owner); None if neither."""
    for candidate in [iri, *_prefixes(str(iri))]:
        types = {q[2] for q in source.out({candidate}) if q[1] == TYPE}
        if types and not types <= DETAIL_TYPES:
            return candidate
    return None
