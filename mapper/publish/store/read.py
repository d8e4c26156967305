"""Read one resource's description out of a store, so that a server renders its page and
documents on request with the static site's own code (``render/describe.py``, ``render/views.py``,
``render/pages.py``) and the same bytes, without holding the dataset in memory.

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
  links, which is what a description states of it (``render/describe.py``), and once from the
  union, which is all a page shows of it and classifies it (resource or detail) as in the
  whole dataset;
- for every detail, the types of the IRIs its own IRI starts with, where its owner is.

Quads are read from the named graphs; only the union's names come from the default graph,
which holds the union of the named graphs (see ``defrel load``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

import pyoxigraph as ox
from rdflib import RDF, Literal, URIRef
from rdflib.term import Node

from ...rdf.vocab import NS
from ..render.describe import (
    DETAIL_TYPES,
    LABELS,
    LINKED,
    PAGE_SIZE,
    Catalogue,
    Quad,
    Window,
    referrer_keys,
    window,
)
from ..render.pages import WITH_TEXT
from .terms import iri_term, to_oxigraph, to_rdflib

__all__ = [
    "EmbeddedSource", "QuadSource", "fits_a_query", "neighbourhood", "neighbourhood_quads",
    "resource_of",
]  # fmt: skip

EVIDENCE = NS["defrel"].evidence
ADDRESS = NS[
    "schema"
].address  # a linked place's address travels with the link (render/describe.py)
TYPE = RDF.type  # rdflib resolves namespace attributes on every access: looked up once here
_TYPE_TEXT = str(TYPE)  # compared with str.__eq__, in C (rdflib's __eq__ is Python)
_same = str.__eq__
_EVIDENCE_TEXT = str(EVIDENCE)


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
        """The rdf:type, label, url and address quads (``describe.CARRIED``) of each (node,
        graph) of ``pairs``, in that graph."""
        ...

    def out_in(self, pairs: set[tuple[Node, Node]]) -> list[Quad]:
        """Every quad of each (node, graph) of ``pairs`` with the node as subject, in that
        graph."""
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
# (a FILTER on ?p, not a VALUES: joining two VALUES, Oxigraph scans the store)
_NAMING_IN = "FILTER(?p IN (" + ", ".join(f"<{p}>" for p in (RDF.type, *LABELS)) + "))"
NAMES = "SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {nodes} }} GRAPH ?g {{ ?s ?p ?o }} _F }}"
NAMES_IN = "SELECT ?s ?p ?o ?g WHERE {{ VALUES (?s ?g) {{ {pairs} }} GRAPH ?g {{ ?s ?p ?o }} _F }}"
UNION_NAMES = "SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {nodes} }} ?s ?p ?o _F }}"
# a link also carries what it points at's url and address (describe.CARRIED)
_CARRIED_IN = "FILTER(?p IN (" + ", ".join(f"<{p}>" for p in (RDF.type, *LABELS, *LINKED)) + "))"
NAMES, UNION_NAMES = (q.replace("_F", _NAMING_IN) for q in (NAMES, UNION_NAMES))
NAMES_IN = NAMES_IN.replace("_F", _CARRIED_IN)
BATCH = 500  # nodes per VALUES of the embedded store's queries


# What an IRI may hold to be written into a query: a request's path can hold anything, and
# what does not fit is no IRI of a store (Oxigraph refuses it), so it has no names anyway.
_UNFIT = re.compile(r'[\x00-\x20\x7f<>"{}|^`\\]')
_SURE = re.compile(r"[a-z][a-z0-9+.-]*://[A-Za-z0-9._~:/@!$&'()*+,;=-]*")  # no ? # % [ ]


def _plain(node: Node) -> bool:
    return isinstance(node, URIRef) and fits_a_query(node)


def fits_a_query(iri: str) -> bool:
    """Can ``iri`` be written as ``<iri>`` in a query? A remote store may hold IRIs that
    SPARQL cannot name (with spaces, braces, quotes), and a request's path may be no IRI at
    all (``%ZZ``, a control character): Oxigraph's parser says."""
    if _UNFIT.search(iri):
        return False
    if _SURE.fullmatch(iri):  # (most: nothing in it the parser could refuse)
        return True
    try:
        ox.NamedNode(iri)
    except (ValueError, UnicodeEncodeError):
        return False
    return True


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
                iri_term(q.graph_name.value),
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
        o = iri_term(str(iri))
        return [
            (iri_term(r["s"].value), iri_term(r["p"].value), o, iri_term(r["g"].value))
            for r in self.store.query(INTO_BELOW.format(iri=iri))
        ]

    def _rows(self, template: str, values: list[str]) -> Iterable[Quad]:
        """The (s, p, o[, g]) rows of ``template`` for ``values``, a batch at a time: one
        query does in the engine what a pattern call per node and property does in Python."""
        for start in range(0, len(values), BATCH):
            text = " ".join(values[start : start + BATCH])
            for row in self.store.query(template.format(nodes=text, pairs=text)):
                p = row[1].value
                g = iri_term(row[3].value) if len(row) > 3 else None
                yield (iri_term(row[0].value), iri_term(p), to_rdflib(row[2], p), g)

    def names(self, nodes: set[Node]) -> list[Quad]:
        # from the default graph, the union: once per triple, not once per article graph
        iris = sorted(f"<{n}>" for n in nodes if _plain(n))
        return list(self._rows(UNION_NAMES, iris))

    def names_in(self, pairs: set[tuple[Node, Node]]) -> list[Quad]:
        wanted = sorted(f"(<{n}> <{g}>)" for n, g in pairs if _plain(n) and _plain(g))
        return list(self._rows(NAMES_IN, wanted))

    def out_in(self, pairs: set[tuple[Node, Node]]) -> list[Quad]:
        found = []
        for node, graph in pairs:
            if isinstance(node, URIRef) and isinstance(graph, URIRef):
                found.extend(self._quads((to_oxigraph(node), None, None, to_oxigraph(graph))))
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
        seen, out, into = self.quads, self.out, self.into
        for quad in quads:
            count = len(seen)
            seen.add(quad)  # (a quad hashed once: a Literal's hash is Python code)
            if len(seen) != count:
                out[quad[0]].append(quad)
                if type(quad[2]) is not Literal:  # (walks go into IRIs only: see walk_below)
                    into[quad[2]].append(quad)

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
            # (IRIs only, and as str: a Literal's hash and rdflib's startswith are Python)
            linked = {q[2] for n in frontier for q in self.out[n] if isinstance(q[2], URIRef)}
            linked |= {q[0] for n in frontier for q in self.into[n] if isinstance(q[0], URIRef)}
            frontier = {n for n in linked if str.startswith(n, prefixes) and n not in self.out_done}


@lru_cache(maxsize=1 << 14)  # (asked again for every detail, for each resource it shares)
def _prefixes(iri: str) -> tuple[URIRef, ...]:
    found, cut = [], iri.rfind("/")
    while cut > iri.find("//") + 1:
        iri = iri[:cut]
        found.append(iri_term(iri))  # (the same few prefixes, for every detail: made once)
        cut = iri.rfind("/")
    return tuple(found)


def _evidence(got: _Gathered, nodes: Iterable[Node]) -> set[URIRef]:
    return {
        q[2]
        for n in nodes
        for q in got.out.get(n, ())
        if _same(_EVIDENCE_TEXT, q[1]) and isinstance(q[2], URIRef)
    }


def neighbourhood(
    source: QuadSource, iri: URIRef, page: int | None = 1, size: int = PAGE_SIZE
) -> Catalogue | None:
    """A Catalogue of the quads page ``page`` of ``iri``'s page and documents need (see the
    module docstring), None past its last page; ``describe``, ``resource_view`` and
    ``article_text`` give what they give on the whole.  ``page`` None: every page's (what
    ``defrel site`` gathers of a shared resource from each article, to page it itself)."""
    gathered = _gather(source, iri, page, size)
    if gathered is None:
        return None
    quads, found = gathered
    cat = Catalogue.of_quads(quads)
    cat.page_size = size
    if page is not None:
        cat.windows[iri] = found
    return cat


def neighbourhood_quads(source: QuadSource, iri: URIRef) -> set[Quad]:
    """The quads of ``neighbourhood(source, iri, None)``, without the Catalogue (what
    ``defrel site`` keeps of each article for a shared page)."""
    return _gather(source, iri, None, PAGE_SIZE)[0]


def _gather(source: QuadSource, iri: URIRef, page: int | None, size: int):
    keys = referrer_keys(iri, source.subjects_into(iri))
    found = window(keys, page, size) if page is not None else Window(1, 1, frozenset(keys))
    if found is None:
        return None
    got = _Gathered(source)
    if found.page > 1:  # its names and types, as a later page shows them
        got.load_names([iri])
    if found.page == 1 or WITH_TEXT in {q[2] for q in got.out[iri] if _same(_TYPE_TEXT, q[1])}:
        # its own quads, its details' and evidence's: on its first page only (an article's
        # text, with its quotes marked, is on each of its pages)
        got.load_out([iri])
        got._add(source.into_below(iri))  # what points at it from elsewhere: the page's keys
        got.into_done.add(iri)
        got.walk_below([iri])
    # (a later page names it as it names its other links, below: a state's own quads are
    # restated in each of the thousands of article graphs that name it, and read for nothing)
    got._add(source.pointing(iri, set(found.keys)))
    got.walk_below(_evidence(got, [iri, *found.keys]))
    done = got.out_done
    linked = {(q[0], q[3]) for q in got.quads if isinstance(q[0], URIRef) and q[0] not in done}
    linked |= {(q[2], q[3]) for q in got.quads if isinstance(q[2], URIRef) and q[2] not in done}
    got._add(source.names_in(linked))  # a link is named in its own graph (render/describe.py)
    got.load_names({t for t, _ in linked})  # and classified as the whole dataset does
    # carried with a link, in the graphs that link to it: a state's address is in every
    # article's graph that names the state, and a page needs the copies of its own links only
    # (``Catalogue.describe``), not those of every article (5,000 quads a page at 100,000)
    address = str(ADDRESS)
    carried = {
        (q[2], q[3])
        for q in got.quads
        if _same(address, q[1]) and isinstance(q[2], URIRef) and q[2] not in got.out_done
    }
    got._add(source.out_in(carried))
    known, typed = got.out_done | got.names_done | {n for n, _ in carried}, defaultdict(set)
    for q in got.quads:  # (every node's types in one pass: a pass a node cost more)
        if _same(_TYPE_TEXT, q[1]):
            typed[q[0]].add(q[2])
    details = [n for n, types in typed.items() if types <= DETAIL_TYPES and n in known]
    got.load_names(iri_term(p) for p in _all_prefixes(details))
    return got.quads, found


def _all_prefixes(nodes: Iterable[Node]) -> set[str]:
    """The IRIs every one of ``nodes`` starts with (as ``_prefixes``), each once, as strings:
    a fact's details share most of theirs, and each is new to the article (so ``_prefixes``'
    memo missed: a tenth of a neighbourhood's time); a prefix already found has its own."""
    found: set[str] = set()
    for node in nodes:
        iri = str(node)
        start, cut = iri.find("//") + 1, iri.rfind("/")
        while cut > start:
            iri = iri[:cut]
            if iri in found:
                break
            found.add(iri)
            cut = iri.rfind("/")
    return found


def resource_of(source: QuadSource, iri: URIRef) -> URIRef | None:
    """The resource ``iri`` names: itself if it is one, else the nearest IRI it starts with
    that is (a detail's owner); None if neither."""
    for candidate in [iri, *_prefixes(str(iri))]:  # (its names: not a state's every quad)
        types = {q[2] for q in source.names({candidate}) if q[1] == TYPE}
        if types and not types <= DETAIL_TYPES:
            return candidate
    return None
