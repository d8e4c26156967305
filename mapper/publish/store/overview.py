"""The ``Overview`` of the data a store holds (what the home page, its lists and VoID say of
the whole), read with a few queries, each resource's row made from its types and one label.

``site.static.overview_of`` makes the same from a ``Catalogue`` of the whole dataset; at
100,000 articles that meant 4.8 million types and 2.1 million labels as rdflib terms in one
index (381 s, past 6.8 GB). Here a resource is what the catalogue calls one (an IRI with a
type that is not a detail's), read from the types that are not a detail's; its label from
the first label property it has (``LABELS``, asked for in order, each only for the nodes
without the ones before), its kind and group from its types (``views.kind_text``,
``pages.group_of``). Only the rows are kept: 755,000 of them at 100,000 articles.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from rdflib import RDF, BNode, URIRef
from rdflib.term import Node

from ..render.describe import DETAIL_TYPES, LABELS, iri_label, pick_label
from ..render.pages import group_of
from ..render.views import ONTOLOGY, kind_text, page_link
from ..render.void import EXAMPLE_CLASSES, Overview
from .read import fits_a_query

__all__ = ["store_overview"]

Select = Callable[[str], Iterable[dict[str, Node]]]

_DETAILS = ", ".join(f"<{t}>" for t in sorted(DETAIL_TYPES))
_NEWS = "https://schema.org/NewsArticle"


class _Queries:
    """The overview's queries, over the union default graph (a store where it holds each
    triple once), or over the named graphs with DISTINCT (any other store)."""

    def __init__(self, union_is_a_set: bool) -> None:
        self.set = union_is_a_set

    def pattern(self, triples: str, graph: str = "?g") -> str:
        return triples if self.set else f"GRAPH {graph} {{ {triples} }}"

    def select(self, names: str, where: str) -> str:
        distinct = "" if self.set else "DISTINCT "
        return f"SELECT {distinct}{names} WHERE {{ {where} }}"

    def classes(self) -> str:  # nodes of each class, each node once
        count = "COUNT(*)" if self.set else "COUNT(DISTINCT ?s)"
        where = self.pattern(f"?s <{RDF.type}> ?t")
        return f"SELECT ?t ({count} AS ?n) WHERE {{ {where} }} GROUP BY ?t"

    def typed(self) -> str:  # the types of every node that is a resource, but a detail's
        where = self.pattern(f"?s <{RDF.type}> ?t") + f" FILTER(?t NOT IN ({_DETAILS}))"
        return self.select("?s ?t", where)

    def labels(self, n: int) -> str:  # the values of LABELS[n] of nodes without one before
        where = self.pattern(f"?s <{LABELS[n]}> ?o")
        for earlier in LABELS[:n]:
            before = self.pattern(f"?s <{earlier}> ?x", "?h")  # in any graph, not ?g only
            where += f" FILTER NOT EXISTS {{ {before} }}"
        return self.select("?s ?p ?o", f"{where} BIND(<{LABELS[n]}> AS ?p)")

    def labels_of(self, n: int, nodes: list[str]) -> str:  # LABELS[n] of ``nodes``
        values = " ".join(f"<{node}>" for node in nodes)
        where = f"VALUES ?s {{ {values} }} " + self.pattern(f"?s <{LABELS[n]}> ?o")
        return self.select("?s ?p ?o", f"{where} BIND(<{LABELS[n]}> AS ?p)")

    def all_types(self, nodes: list[str]) -> str:
        values = " ".join(f"<{n}>" for n in nodes)
        return self.select("?s ?t", f"VALUES ?s {{ {values} }} " + self.pattern("?s a ?t"))

    def predicates(self) -> str:
        return f"SELECT DISTINCT ?p WHERE {{ {self.pattern('?s ?p ?o')} }}"


BATCH = 100  # resources a VALUES query asks the types or labels of
ASKED = 20 * BATCH  # resources still without a label asked for by name, not by a scan


def store_overview(select: Select, base: str, *, union_is_a_set: bool, triples: int) -> Overview:
    """The ``Overview`` of the data ``select`` reads (rows of rdflib terms; see the module
    docstring); ``triples``: how many the dataset holds, each once."""
    q = _Queries(union_is_a_set)
    types: dict[str, list[str]] = defaultdict(list)
    named: dict[str, tuple] = {}  # a set of types -> the same tuple (a few dozen sets)
    for row in select(q.typed()):
        s = row["s"]
        if isinstance(s, URIRef):
            types[str(s)].append(sys.intern(str(row["t"])))
    # a resource with no defrel class is named by all its types, a detail's too (kind_text)
    # (a node SPARQL cannot name, which a remote store may hold, is not asked about: its row
    # has the types read so far, and the last part of its IRI for a label)
    plain = sorted(
        r
        for r, ts in types.items()
        if not any(t.startswith(ONTOLOGY) for t in ts) and fits_a_query(r)
    )
    for start in range(0, len(plain), BATCH):
        for row in select(q.all_types(plain[start : start + BATCH])):
            if str(row["t"]) in DETAIL_TYPES:
                types[str(row["s"])].append(str(row["t"]))
    labels: dict[str, str] = {}
    for n in range(len(LABELS)):
        missing = types.keys() - labels.keys()
        if len(missing) > ASKED:  # most of them: every node with the property, but those
            rows = select(q.labels(n))  # with one before
        else:  # a few, or none (at 100,000 articles each has a name or headline: the next
            asked = sorted(r for r in missing if fits_a_query(r))  # properties' 730,000
            rows = (  # values, on evidence and selectors, are not read)
                row
                for start in range(0, len(asked), BATCH)
                for row in select(q.labels_of(n, asked[start : start + BATCH]))
            )
        values: dict[str, list[Node]] = {}  # of the nodes this property names first
        for row in rows:
            s = str(row["s"])
            if s in missing and not isinstance(row["s"], BNode):
                values.setdefault(s, []).append(row["o"])
        for s, found in values.items():  # as Catalogue.values gives them (its label)
            labels[s] = pick_label(found if len(found) == 1 else sorted(set(found)))
    found = Overview(triples=triples, resources=len(types))
    found.classes = Counter({str(r["t"]): int(r["n"]) for r in select(q.classes())})
    found.predicates = {str(r["p"]) for r in select(q.predicates())}
    firsts = {str(c): None for c in EXAMPLE_CLASSES}
    for resource, kinds in types.items():
        for kind in kinds:
            if kind in firsts and (firsts[kind] is None or resource < firsts[kind]):
                firsts[kind] = resource
            if kind == _NEWS:
                found.articles.append(resource)
        if resource.startswith(base):
            label = labels[resource] if resource in labels else iri_label(resource)
            href = page_link("index.html", resource[len(base) :])
            key = frozenset(kinds)
            shown = named.get(key)
            if shown is None:
                shown = named[key] = (kind_text(key), group_of(key))
            found.rows.append((resource, label, *shown, href))
    found.firsts = {c: r for c, r in firsts.items() if r is not None}
    found.rows.sort()
    return found
