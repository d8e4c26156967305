"""Materialise what the ontology entails about the data, OWL 2 RL style, in plain Python.

The rules are compiled once from the ontology into tables (every class's superclasses, every
property's super-properties, domains, ranges, inverses, the defined classes), then applied to
a graph in passes linear in its size, so an article of a few hundred triples takes
milliseconds and a corpus shards by article. The rules (names from the OWL 2 RL rule tables,
https://www.w3.org/TR/owl2-profiles/#Reasoning_in_OWL_2_RL_and_RDF_Graphs_using_Rules):
cax-sco, cax-eqc (types up the class hierarchy), scm-* (the hierarchy closed first),
prp-spo1, prp-eqp (super-properties), prp-inv, prp-symp, prp-dom, prp-rng (named classes
only), cls-avf (allValuesFrom on a superclass), cls-int1, cls-uni, cls-svf1 (membership of a
defined class such as defrel:GovernmentOfficial). Equality (owl:sameAs) is not copied across
individuals: the consistency check in ``consistency.py`` follows it instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection

from ..rdf.mint import Minter
from .report import ontology_graph

__all__ = [
    "Closure",
    "Rules",
    "add_inferences",
    "close",
    "compile_rules",
    "inferred_graph_iri",
    "inferred_triples",
    "rules",
]

Triple = tuple
_TYPE, _THING = RDF.type, OWL.Thing  # looked up once: a Namespace attribute is a call


def inferred_graph_iri(graph_iri: URIRef) -> URIRef:
    """``{base}graph/{slug}`` -> ``{base}graph/{slug}/inferred``: beside the article's graph, so
    reloading an article replaces both and nothing else."""
    return Minter.below(graph_iri, "inferred")


@dataclass
class Rules:
    """The ontology compiled into lookup tables."""

    supers: dict[URIRef, set]  # named class -> named superclasses (transitive, not itself)
    restrictions: dict[URIRef, set]  # named class -> allValuesFrom (property, class) it implies
    super_props: dict[URIRef, set]  # property -> super-properties (transitive, not itself)
    inverses: dict[URIRef, set]
    symmetric: set
    domains: dict[URIRef, set]  # property -> named classes (own and inherited)
    ranges: dict[URIRef, set]
    defined: list[tuple[URIRef, object]]  # (class, compiled class expression sufficient for it)
    graph: Graph  # the ontology

    def superclasses(self, cls: URIRef) -> set:
        return self.supers.get(cls, set())


def _closure(edges: dict) -> dict:
    """Transitive closure of a relation given as node -> set of nodes (small: the ontology)."""
    closed = {}
    for start in edges:
        seen, todo = set(), list(edges[start])
        while todo:
            node = todo.pop()
            if node not in seen and node != start:
                seen.add(node)
                todo.extend(edges.get(node, ()))
        closed[start] = seen
    return closed


def _members(g: Graph, node, key) -> list:
    head = g.value(node, key)
    return list(Collection(g, head)) if head is not None else []


@cache
def rules() -> Rules:
    """The bundled ontology's rules (compiled once per process)."""
    return compile_rules(ontology_graph())


def _class_tables(g: Graph) -> tuple[dict, dict, list]:
    """Superclasses (cax-sco, cax-eqc), allValuesFrom restrictions (cls-avf), and the class
    expressions sufficient for a named class (cls-int1, cls-uni, cls-svf1)."""
    sub: dict = defaultdict(set)
    restrictions: dict = defaultdict(set)
    defined: list = []
    for c, d in g.subject_objects(RDFS.subClassOf):
        if isinstance(c, URIRef) and isinstance(d, URIRef):
            sub[c].add(d)
        elif isinstance(c, URIRef) and g.value(d, OWL.allValuesFrom) is not None:
            restrictions[c].add((g.value(d, OWL.onProperty), g.value(d, OWL.allValuesFrom)))
        elif isinstance(c, BNode) and isinstance(d, URIRef):
            defined.append((d, c))
    for c, d in g.subject_objects(OWL.equivalentClass):
        if isinstance(c, URIRef) and isinstance(d, URIRef):
            sub[c].add(d)
            sub[d].add(c)
        elif isinstance(c, URIRef):
            defined.append((c, d))
    supers = _closure(sub)
    for cls in list(supers):  # a class inherits its superclasses' allValuesFrom restrictions
        for sup in supers[cls]:
            restrictions[cls] |= restrictions.get(sup, set())
    return supers, dict(restrictions), defined


def _property_tables(g: Graph) -> tuple[dict, dict, dict, dict]:
    """Super-properties (prp-spo1, prp-eqp), inverses (prp-inv), and domains and ranges
    (prp-dom, prp-rng: named classes only, inherited from super-properties)."""
    subp: dict = defaultdict(set)
    for p, q in g.subject_objects(RDFS.subPropertyOf):
        subp[p].add(q)
    for p, q in g.subject_objects(OWL.equivalentProperty):
        subp[p].add(q)
        subp[q].add(p)
    super_props = _closure(subp)
    inverses: dict = defaultdict(set)
    for p, q in g.subject_objects(OWL.inverseOf):
        inverses[p].add(q)
        inverses[q].add(p)
    domains, ranges = defaultdict(set), defaultdict(set)
    for table, key in ((domains, RDFS.domain), (ranges, RDFS.range)):
        for p, c in g.subject_objects(key):
            if isinstance(c, URIRef) and c != OWL.Thing and (c, RDF.type, OWL.Class) in g:
                table[p].add(c)
    for table in (domains, ranges):  # prp-dom/rng apply to the values of sub-properties too
        for p in list(super_props):
            for q in super_props[p]:
                table[p] |= table.get(q, set())
    return super_props, dict(inverses), dict(domains), dict(ranges)


def _expression(g: Graph, expr) -> object:
    """A class expression as nested tuples, read from the ontology once: a named class,
    ("and", parts), ("or", parts), ("some", property, filler), or None (never holds)."""
    if isinstance(expr, URIRef):
        return expr
    if g.value(expr, OWL.intersectionOf) is not None:
        return ("and", tuple(_expression(g, e) for e in _members(g, expr, OWL.intersectionOf)))
    if g.value(expr, OWL.unionOf) is not None:
        return ("or", tuple(_expression(g, e) for e in _members(g, expr, OWL.unionOf)))
    some = g.value(expr, OWL.someValuesFrom)
    if some is not None:
        return ("some", g.value(expr, OWL.onProperty), _expression(g, some))
    return None


def compile_rules(g: Graph) -> Rules:
    """The rule tables of an ontology graph."""
    supers, restrictions, defined = _class_tables(g)
    defined = [(cls, _expression(g, expr)) for cls, expr in defined]
    super_props, inverses, domains, ranges = _property_tables(g)
    return Rules(
        supers=supers,
        restrictions=restrictions,
        super_props=super_props,
        inverses=inverses,
        symmetric=set(g.subjects(RDF.type, OWL.SymmetricProperty)),
        domains=domains,
        ranges=ranges,
        defined=defined,
        graph=g,
    )


@dataclass
class Closure:
    """A graph's triples closed under the rules, with a reason for every type found."""

    types: dict = field(default_factory=lambda: defaultdict(set))  # node -> classes
    edges: set = field(default_factory=set)  # (s, p, o), p not rdf:type
    out: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    why: dict = field(default_factory=dict)  # (node, class) -> (asserted triple, rule text)

    def add_type(self, node, cls, reason: tuple) -> bool:
        if isinstance(node, Literal) or cls in self.types[node] or cls == _THING:
            return False
        self.types[node].add(cls)
        self.why.setdefault((node, cls), reason)
        return True

    def add_edge(self, triple: Triple) -> None:
        self.edges.add(triple)
        self.out[triple[0]][triple[1]].add(triple[2])


def close(triples: Iterable[Triple], r: Rules | None = None, *, ordered: bool = False) -> Closure:
    """Apply the rules to ``triples`` until nothing new follows. The triples are sorted
    first (the same reasons whatever a store's order) unless ``ordered`` says that their
    order is already fixed."""
    r = r or rules()
    c = Closure()
    typed = []
    for s, p, o in triples if ordered else sorted(triples):
        if p == _TYPE:
            typed.append((s, o, (s, p, o)))
            c.why[s, o] = ((s, p, o), "asserted")  # an asserted type is its own reason
        else:
            _edge(c, r, (s, p, o))
    for s, cls, triple in typed:
        _typed(c, r, s, cls, (triple, "asserted"))
    for s, p, o in list(c.edges):
        for d in r.domains.get(p, ()):
            _typed(c, r, s, d, ((s, p, o), f"rdfs:domain of {p}"))
        if not isinstance(o, Literal):
            for d in r.ranges.get(p, ()):
                _typed(c, r, o, d, ((s, p, o), f"rdfs:range of {p}"))
    changed = True
    while changed:  # defined classes: membership may depend on other defined classes
        changed = False
        for cls, expr in r.defined:
            for node in list(c.types):
                if cls not in c.types[node] and _holds(c, r, node, expr):
                    _typed(c, r, node, cls, ((node, RDF.type, cls), f"definition of {cls}"))
                    changed = True
    return c


def _edge(c: Closure, r: Rules, triple: Triple) -> None:
    todo = [triple]
    while todo:
        s, p, o = todo.pop()
        if (s, p, o) in c.edges:
            continue
        c.add_edge((s, p, o))
        todo += [(s, q, o) for q in r.super_props.get(p, ())]
        if not isinstance(o, Literal):
            todo += [(o, q, s) for q in r.inverses.get(p, ())]
            if p in r.symmetric:
                todo.append((o, p, s))


def _typed(c: Closure, r: Rules, node, cls, reason: tuple) -> None:
    todo = [(node, cls, reason)]
    while todo:
        n, k, why = todo.pop()
        if not c.add_type(n, k, why):
            continue
        todo += [(n, sup, (why[0], f"{k} rdfs:subClassOf {sup}")) for sup in r.superclasses(k)]
        for p, target in r.restrictions.get(k, ()):
            for value in c.out[n].get(p, ()):
                todo.append(
                    (value, target, ((n, p, value), f"{k}: {p} owl:allValuesFrom {target}"))
                )


def _holds(c: Closure, r: Rules, node, expr) -> bool:
    """Is ``node`` known to be a member of the class expression (cls-int1, cls-uni, cls-svf1)?"""
    if isinstance(expr, URIRef):
        return expr == _THING or expr in c.types.get(node, ())
    if expr is None:
        return False
    op = expr[0]
    if op == "and":
        return all(_holds(c, r, node, e) for e in expr[1])
    if op == "or":
        return any(_holds(c, r, node, e) for e in expr[1])
    values = c.out[node].get(expr[1], ()) if node in c.out else ()
    return any(_holds(c, r, v, expr[2]) for v in values)


def inferred_triples(graph: Graph, r: Rules | None = None) -> Graph:
    """The triples the rules add to ``graph`` (and none that it states itself)."""
    c = close(graph, r)
    new = Graph()
    for node, classes in c.types.items():
        for cls in classes:
            if (node, RDF.type, cls) not in graph:
                new.add((node, RDF.type, cls))
    for triple in c.edges:
        if triple not in graph:
            new.add(triple)
    return new


def add_inferences(dataset: Dataset, graphs: dict[str, URIRef]) -> dict[str, URIRef]:
    """Add to ``dataset`` one graph of inferred triples per article graph; return slug -> IRI."""
    added = {}
    for slug, iri in graphs.items():
        target = dataset.graph(inferred_graph_iri(iri))
        for triple in inferred_triples(dataset.graph(iri)):
            target.add(triple)
        added[slug] = target.identifier
    return added
