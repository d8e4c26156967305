"""Which nodes of a dataset are resources with a page of their own, and which triples describe
each one: what a resource's HTML page embeds and what its .ttl, .jsonld, .nt and .nq hold.

A *resource* is a typed IRI that is not only a detail of another (articles, entities, facts,
posts).  Evidence annotations and their selectors, OWL-Time instants and quantities are
*details*: each belongs to the resource whose IRI is its longest prefix, as ``mint.py`` mints
them (``.../fact/visit/evidence/1/quote`` belongs to ``.../fact/visit``).

The description of a resource is: its own triples and those of its details; the full evidence
(annotation, target, selectors) of every ``defrel:evidence`` link it has, wherever that
annotation lives; the triples of other resources that point at it; and for every resource it
links to or is linked from, that resource's types and labels in the graphs of those links,
so that a consumer sees what a link is without fetching it (and a page that links to a
state named by thousands of articles does not carry thousands of copies of its name); and
its URL and postal address in those graphs (``LINKED``: Google reads an article's
``author.url`` and an event's ``location.address`` on that page, and follows no link).

A description too long for one page (``PAGE_SIZE`` resources pointing at it) is split: each
page holds its share of what points at the resource; the resource's own triples (and its
details' and evidence's) are on the first page only. A later page still names the resource,
as it names every linked resource: its types and labels in the graphs of that page's links.
(A state named by 1,000 articles says its types, label and address once per article: 60 % of
each later page, when every page repeated them.)
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from ...rdf.mapping import bind_prefixes
from ...rdf.vocab import NS

__all__ = [
    "CARRIED",
    "DETAIL_TYPES",
    "LABELS",
    "LINKED",
    "PAGE_SIZE",
    "Catalogue",
    "Quad",
    "Window",
    "as_dataset",
    "as_graph",
    "iri_label",
    "page_count",
    "pick_label",
    "window",
]

SCHEMA, OA, TIME, DEFREL = NS["schema"], NS["oa"], NS["time"], NS["defrel"]
EVIDENCE = DEFREL.evidence
_TYPE_TEXT = str(RDF.type)
# Predicates compared as strings, in C: rdflib's term equality is Python code, and comparing
# every quad's predicate with it was a fifth of the time of rendering a page from a store.
_same = str.__eq__

# Types of nodes that only exist as part of another resource's description.
DETAIL_TYPES = frozenset(
    {
        OA.Annotation,
        OA.SpecificResource,
        OA.TextQuoteSelector,
        OA.TextPositionSelector,
        DEFREL.Evidence,
        TIME.Instant,
        TIME.DateTimeDescription,
        SCHEMA.QuantitativeValue,
        SCHEMA.MonetaryAmount,
        SCHEMA.ImageObject,
        SCHEMA.PostalAddress,
    }
)
# Properties that name a node for people, most preferred first.
LABELS = (SCHEMA.name, SCHEMA.headline, RDFS.label, NS["skos"].prefLabel, OA.exact)
NAMING = frozenset((RDF.type, *LABELS))
# What else a link carries of the resource it points at: its URL, and its postal address
# (with the address's own triples): Google follows no link.
LINKED = (SCHEMA.url, SCHEMA.address)
CARRIED = NAMING | frozenset(LINKED)

Quad = tuple[Node, Node, Node, URIRef | None]

# A resource that many others point at (a state named in thousands of articles) is described
# in pages: each lists at most PAGE_SIZE of the IRIs pointing at it (its *referrer keys*: the
# subjects of triples whose object it is, other than itself and its own details), in IRI
# order; page 1 is the resource's own documents, page n its ``{path}.page{n}.*``.
PAGE_SIZE = 100


@dataclass(frozen=True)
class Window:
    """Which referrer keys page ``page`` of ``pages`` of a description covers."""

    page: int
    pages: int
    keys: frozenset[URIRef]


def page_count(count: int, size: int) -> int:
    """How many pages list ``count`` items, ``size`` a page (one, if there are none)."""
    return max(1, -(-count // size))


def window(keys: list[URIRef], page: int, size: int = PAGE_SIZE) -> Window | None:
    """The ``page``-th window of ``keys`` (sorted), None past the last page."""
    pages = page_count(len(keys), size)
    if not 1 <= page <= pages:
        return None
    return Window(page, pages, frozenset(keys[(page - 1) * size : page * size]))


def referrer_keys(iri: URIRef, subjects: Iterable[Node]) -> list[URIRef]:
    """The referrer keys of ``iri`` among the ``subjects`` of triples pointing at it, sorted."""
    text, below = str(iri), f"{iri}/"
    # compared and sorted as strings, in C: for IRIs alone that is rdflib's order, and its
    # __ne__ and __lt__ are Python (a state's keys are thousands, on each of its pages)
    found = {
        s
        for s in subjects
        if isinstance(s, URIRef) and not _same(text, s) and not str.startswith(s, below)
    }
    return sorted(found, key=str)


def pick_label(found: list[Node]) -> str:
    """The label of a node among the values of its first label property (``LABELS``), as
    ``Catalogue.values`` gives them: in English if one is."""
    english = [v for v in found if isinstance(v, Literal) and v.language == "en"]
    return str((english or found)[0])


def iri_label(text: str) -> str:
    """A label for a node that has none: its IRI's last part."""
    return text.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or text


@dataclass
class Catalogue:
    """An index of a dataset by subject and by object, and its resources and details."""

    out: dict[Node, list[Quad]] = field(default_factory=lambda: defaultdict(list))
    into: dict[Node, list[Quad]] = field(default_factory=lambda: defaultdict(list))  # no literal
    resources: set[URIRef] = field(default_factory=set)
    details: dict[URIRef, URIRef] = field(default_factory=dict)  # detail -> its resource
    _triples: int | None = field(default=None, repr=False)  # see triples
    # memos of types() and values(): a Catalogue is not changed once made (``of_quads``)
    _types: dict = field(default_factory=dict, repr=False)
    _values: dict = field(default_factory=dict, repr=False)
    page_size: int = PAGE_SIZE
    # set by a reader of one neighbourhood (``store.read``), which holds one page's referrers
    windows: dict[URIRef, Window] = field(default_factory=dict)
    # memo of each resource's referrer keys: every page of it asks for its window, often
    _keys: dict = field(default_factory=dict, repr=False)
    # memos of label() and evidence(), and of below() and subtree() (made on first use)
    _labels: dict = field(default_factory=dict, repr=False)
    _evidence: dict = field(default_factory=dict, repr=False)
    _below: dict | None = field(default=None, repr=False)
    _sorted: tuple | None = field(default=None, repr=False)

    @classmethod
    def of(cls, dataset: Dataset) -> Catalogue:
        def quads() -> Iterator[Quad]:
            for s, p, o, g in dataset.quads((None, None, None, None)):
                name = g.identifier if isinstance(g, Graph) else g
                yield (s, p, o, None if name == DATASET_DEFAULT_GRAPH_ID else name)

        return cls.of_quads(quads())

    @classmethod
    def of_quads(cls, quads: Iterable[Quad]) -> Catalogue:
        """The Catalogue of ``quads`` (the default graph named None), in any order: every
        view of a Catalogue sorts what it shows.  A dataset's, or what a store gave."""
        cat = cls()
        out, into, typed = cat.out, cat.into, defaultdict(set)
        for quad in quads:
            out[quad[0]].append(quad)
            if type(quad[2]) is not Literal:  # (a Literal's hash is Python; none is asked for)
                into[quad[2]].append(quad)
            if _same(_TYPE_TEXT, quad[1]):
                typed[quad[0]].add(quad[2])
        cat._types.update(typed)  # types()'s memo, filled as the quads are read
        for s, types in typed.items():
            if isinstance(s, URIRef) and not types <= DETAIL_TYPES:
                cat.resources.add(s)
        by_text = {str(r): r for r in cat.resources}
        for s in typed.keys() - cat.resources:
            owner = _owner(str(s), by_text) if isinstance(s, URIRef) else None
            if owner is not None:
                cat.details[s] = owner
        return cat

    @property
    def triples(self) -> int:
        """How many triples (each once, the graphs merged): counted when first asked (only
        the dataset's own Catalogue is), or as set by a store that counts them."""
        if self._triples is None:
            self._triples = len({q[:3] for quads in self.out.values() for q in quads})
        return self._triples

    @triples.setter
    def triples(self, count: int) -> None:
        self._triples = count

    def types(self, node: Node) -> set[Node]:
        found = self._types.get(node)
        if found is None:
            found = self._types[node] = {
                o for _, p, o, _ in self.out.get(node, ()) if _same(_TYPE_TEXT, p)
            }
        return found

    def values(self, node: Node, prop: URIRef) -> list[Node]:
        by_prop = self._values.get(node)
        if by_prop is None:  # every property's values of the node at once: a page asks for
            found: dict[str, list] = {}  # several of a node (a selector's start, end, exact…)
            for _, p, o, _ in self.out.get(node, ()):
                objects = found.get(p)  # (no new list made for each quad, as setdefault does)
                if objects is None:
                    found[p] = [o]
                else:
                    objects.append(o)
            # most properties have one value: no set, no sort (a Literal hashes in Python)
            by_prop = self._values[node] = {
                str(p): objects if len(objects) == 1 else sorted(set(objects))
                for p, objects in found.items()
            }
        return by_prop.get(str(prop), [])

    def value(self, node: Node, prop: URIRef) -> Node | None:
        found = self.values(node, prop)
        return found[0] if found else None

    def label(self, node: Node) -> str:
        """A name for people: schema:name, headline, rdfs:label, … or the IRI's last part."""
        found = self._labels.get(node)
        if found is None:
            found = self._labels[node] = self._label(node)
        return found

    def _label(self, node: Node) -> str:
        for prop in LABELS:
            found = self.values(node, prop)
            if found:
                return pick_label(found)
        return iri_label(str(node))

    def below(self, iri: URIRef) -> list[URIRef]:
        """The details that belong to resource ``iri``."""
        if self._below is None:  # every detail by its resource, once
            self._below = defaultdict(list)
            for d in sorted(self.details, key=str):  # details are IRIs: rdflib's order
                self._below[self.details[d]].append(d)
        return self._below.get(iri, [])

    def subtree(self, node: URIRef) -> list[URIRef]:
        """``node`` and every detail whose IRI lies below it."""
        if self._sorted is None:  # the details in IRI order, to find a prefix's by bisection
            ordered = sorted(self.details, key=str)
            self._sorted = ([str(d) for d in ordered], ordered)
        (texts, details), prefix = self._sorted, f"{node}/"
        start = end = bisect_left(texts, prefix)
        while end < len(texts) and texts[end].startswith(prefix):
            end += 1
        return [node, *details[start:end]]

    def evidence(self, iri: URIRef) -> list[URIRef]:
        """The evidence annotations of ``iri``, in the order of the text."""
        found = self._evidence.get(iri)
        if found is None:
            anns = [o for o in self.values(iri, EVIDENCE) if isinstance(o, URIRef)]
            found = self._evidence[iri] = sorted(
                anns, key=lambda a: (self.span(a) or (0, 0), str(a))
            )
        return found

    def span(self, annotation: URIRef) -> tuple[int, int] | None:
        """(start, end) of an annotation's TextPositionSelector, in characters."""
        for target in self.values(annotation, OA.hasTarget):
            for selector in self.values(target, OA.hasSelector):
                start, end = self.value(selector, OA.start), self.value(selector, OA.end)
                if isinstance(start, Literal) and isinstance(end, Literal):
                    try:
                        return int(start), int(end)
                    except ValueError:  # ill-typed ("zz"): a store may hold any data
                        continue
        return None

    def window(self, iri: URIRef, page: int = 1) -> Window | None:
        """The referrer keys on page ``page`` of ``iri``'s description (None: no such page)."""
        found = self.windows.get(iri)
        if found is not None:
            return found if found.page == page else None
        keys = self._keys.get(iri)
        if keys is None:
            keys = self._keys[iri] = referrer_keys(iri, (q[0] for q in self.into.get(iri, ())))
        return window(keys, page, self.page_size)

    def referrers(self, iri: URIRef, page: int = 1) -> list[tuple[URIRef, URIRef]]:
        """(resource, property) for every resource on page ``page`` with a triple pointing
        at ``iri``."""
        keys = self.window(iri, page).keys
        found = {
            (s, p)
            for s, p, _, _ in self.into.get(iri, ())
            if s in keys and s in self.resources and isinstance(p, URIRef)
        }
        return sorted(found, key=_texts)  # IRIs only: rdflib's order, compared in C

    def describe(self, iri: URIRef, page: int = 1) -> list[Quad]:
        """The quads of page ``page`` of ``iri``'s description (see the module docstring),
        sorted."""
        keys = self.window(iri, page).keys
        subjects: set = set()  # its own triples, its details' and evidence's: page 1 only
        if page == 1:
            subjects = set(self.subtree(iri)) | set(self.below(iri))
            for ann in self.evidence(iri):
                subjects.update(self.subtree(ann))
        quads = {q for s in subjects for q in self.out.get(s, ())}
        quads.update(q for q in self.into.get(iri, ()) if q[0] in keys and q[0] in self.resources)
        linked: dict[Node, set] = defaultdict(set)  # resource -> graphs that link to it
        resources = self.resources
        for s, _, o, g in quads:
            if s in resources and s not in subjects:
                linked[s].add(g)
            # (a resource is an IRI: a literal, whose hash is Python, is not looked up)
            if type(o) is not Literal and o in resources and o not in subjects:
                linked[o].add(g)
        for other, graphs in linked.items():
            quads.update(q for q in self.out.get(other, ()) if q[1] in CARRIED and q[3] in graphs)
            for address in self.values(other, SCHEMA.address):
                quads.update(q for q in self.out.get(address, ()) if q[3] in graphs)
        return sorted(quads, key=_quad_texts)


def _texts(pair: tuple) -> tuple[str, str]:
    """A sort key of a pair of terms: their texts."""
    return str(pair[0]), str(pair[1])


def _quad_texts(q: Quad) -> tuple[str, str, str, str]:
    """A sort key of a quad: its terms' texts (the default graph's None: "None")."""
    return str(q[0]), str(q[1]), str(q[2]), str(q[3])


def _owner(text: str, by_text: dict[str, URIRef]) -> URIRef | None:
    """The resource (in ``by_text``, by IRI) whose IRI is ``text`` or its longest prefix:
    looked up as strings, in C, and the very resource objects returned."""
    while True:
        found = by_text.get(text)
        if found is not None:
            return found
        cut = text.rfind("/")
        if cut <= text.find("//") + 1:
            return None
        text = text[:cut]


def as_graph(quads: Iterable[Quad]) -> Graph:
    """The triples of ``quads`` in one graph, with our prefixes bound."""
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _ in quads:
        graph.add((s, p, o))
    return graph


def as_dataset(quads: Iterable[Quad]) -> Dataset:
    """The quads kept in their named graphs (for N-Quads)."""
    dataset = Dataset()
    bind_prefixes(dataset)
    for s, p, o, g in quads:
        dataset.add((s, p, o, g) if g is not None else (s, p, o))
    return dataset
