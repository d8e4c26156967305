"""Check mapped data against the ontology's OWL 2 RL consistency rules, and say where each
statement that takes part in a contradiction came from (facts file and line).

Rules (OWL 2 RL names): cax-dw and cax-adc (an individual in two disjoint classes), eq-diff1
(owl:sameAs and owl:differentFrom on one pair), prp-irp (irreflexive), prp-asyp (asymmetric),
prp-fp (functional: object values become one individual; two datatype values contradict).
owl:sameAs is followed across the whole dataset, so two entities that name the same Wikidata
item are one individual. Linear in the data, no Java: cheap enough to run on every build.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from rdflib import OWL, RDF, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection

from ..facts.model import Article
from ..rdf.mint import Minter
from ..rdf.vocab import curie
from .infer import Closure, close
from .report import ontology_graph

__all__ = ["Conflict", "Locator", "conflicts_of", "find_conflicts", "functional_properties"]


@dataclass(frozen=True)
class Conflict:
    """A contradiction: what, the ontology axiom it breaks, and the statements involved."""

    message: str
    axiom: str
    statements: tuple[tuple[str, str], ...]  # (where: "file:line: entity 'x'", statement)
    hint: str

    def __str__(self) -> str:
        lines = [f"{self.message} ({self.axiom}):"]
        lines += [f"  {where}: {statement}" for where, statement in self.statements]
        return "\n".join([*lines, f"  hint: {self.hint}"])


class Locator:
    """Finds the facts file and line behind a node of the mapped data."""

    def __init__(self, articles: list[Article], *, base: str) -> None:
        self.base = base
        self.m = Minter(base)
        self.by_graph = {self.m.graph(a.slug): a for a in articles}
        self.nodes: dict[tuple[URIRef, URIRef], str] = {}  # (graph, node) -> "file:line: ..."
        for a in articles:
            graph = self.m.graph(a.slug)
            local = a.local_ids
            entity, post_iri = self.m.entities_of(a.slug, local), self.m.posts_of(a.slug, local)
            self.nodes[graph, self.m.article(a.slug)] = f"{a.facts_path}:1: article {a.slug!r}"
            for e in a.entities:
                where = f"{a.facts_path}:{e.line}: entity {e.id!r} (type: {e.type})"
                self.nodes[graph, entity(e.id)] = where
            for f in a.facts:
                where = f"{a.facts_path}:{f.line}: fact {f.id!r} (kind: {f.kind})"
                self.nodes[graph, self.m.fact(a.slug, f.id)] = where
                if f.kind == "post":
                    post = post_iri(str(f.values["organization"]), str(f.values["title"]))
                    self.nodes.setdefault((graph, post), where)

    def source(self, graph: URIRef, node) -> str | None:
        """``file:line: fact 'x' (kind: …)`` for a node of ``graph`` (or the fact, entity or
        article an evidence, time or quantity node belongs to), or None if it is not ours."""
        while isinstance(node, URIRef):
            found = self.nodes.get((graph, node))
            if found:
                return found
            parent = str(node).rsplit("/", 1)[0]  # evidence, time and quantity nodes
            node = URIRef(parent) if parent != str(node) and "/" in parent else None
        return None

    def where(self, dataset: Dataset, triple: tuple) -> str:
        """Where ``triple`` was stated: the first article graph that holds it."""
        for _, _, _, graph in sorted(dataset.quads(triple), key=lambda q: str(q[3])):
            return self.source(graph, triple[0]) or f"graph {graph}"
        return "the ontology"

    def short(self, node) -> str:
        """``data:entity/x`` for a node under the base IRI, a curie or the IRI otherwise."""
        if isinstance(node, Literal):
            return node.n3()
        text = str(node)
        return f"data:{text[len(self.base) :]}" if text.startswith(self.base) else curie(text)

    def statement(self, triple: tuple) -> str:
        return " ".join(self.short(t) for t in triple)


@cache
def _disjoint_pairs() -> dict[frozenset, str]:
    """Every pair of disjoint named classes, with the axiom that says so."""
    g = ontology_graph()
    pairs: dict[frozenset, str] = {}
    for a, b in g.subject_objects(OWL.disjointWith):
        pairs.setdefault(frozenset((a, b)), f"{curie(str(a))} owl:disjointWith {curie(str(b))}")
    for node in g.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(g, g.value(node, OWL.members)))
        text = f"owl:AllDisjointClasses ({' '.join(curie(str(m)) for m in members)})"
        for a, b in combinations(members, 2):
            pairs.setdefault(frozenset((a, b)), text)
    return pairs


class _Same:
    """Union-find over owl:sameAs (and functional object properties), with the links kept."""

    def __init__(self) -> None:
        self.parent: dict = {}
        self.links: dict = defaultdict(list)  # node -> [(other, triple)]

    def find(self, x):
        while self.parent.get(x, x) != x:
            x = self.parent[x] = self.parent.get(self.parent[x], self.parent[x])
        return x

    def join(self, a, b, triple: tuple) -> None:
        self.links[a].append((b, triple))
        self.links[b].append((a, triple))
        self.parent[self.find(a)] = self.find(b)

    def path(self, a, b) -> list[tuple]:
        """The triples linking ``a`` to ``b`` (breadth first)."""
        before: dict = {a: None}
        todo = deque([a])
        while todo:
            node = todo.popleft()
            if node == b:
                break
            for other, triple in self.links[node]:
                if other not in before:
                    before[other] = (node, triple)
                    todo.append(other)
        steps, node = [], b
        while before.get(node):
            node, triple = before[node]
            steps.append(triple)
        return steps[::-1]


def find_conflicts(dataset: Dataset, locator: Locator) -> list[Conflict]:
    """Every contradiction between the data (all graphs together) and the ontology."""
    union = Graph()
    for graph in dataset.graphs():
        union += graph

    def says(triple: tuple) -> tuple[str, str]:
        return locator.where(dataset, triple), locator.statement(triple)

    return conflicts_of(close(union), says, locator.short)


@cache
def functional_properties() -> frozenset:
    return _characteristic(OWL.FunctionalProperty)


@cache
def _characteristic(kind: URIRef) -> frozenset:
    return frozenset(ontology_graph().subjects(RDF.type, kind))


def conflicts_of(c: Closure, says, name) -> list[Conflict]:
    """The contradictions in closed data ``c``; ``says(triple)`` gives (where, statement) and
    ``name(node)`` a short name for the messages."""
    same = _Same()
    functional = functional_properties()
    same_as = OWL.sameAs
    for s, p, o in sorted(t for t in c.edges if t[1] == same_as):
        same.join(s, o, (s, p, o))
    for s, props in c.out.items():
        for p in functional & props.keys():
            values = sorted(v for v in props[p] if not isinstance(v, Literal))
            for v in values[1:]:
                same.join(values[0], v, (s, p, v))
    return sorted(
        [
            *_disjoint(c, same, says, name),
            *_different(c, same, says, name),
            *_property_rules(c, same, functional, says, name),
        ],
        key=str,
    )


def _disjoint(c: Closure, same: _Same, says, name) -> list[Conflict]:
    groups: dict = defaultdict(list)
    for node in c.types:
        groups[same.find(node)].append(node)
    found = []
    for nodes in groups.values():
        typed = {cls: n for n in sorted(nodes) for cls in c.types[n]}
        for a, b in combinations(sorted(typed), 2):  # the pairs present, not every pair
            axiom = _disjoint_pairs().get(frozenset((a, b)))
            if axiom is None:
                continue
            na, nb = typed[a], typed[b]
            statements = [says(c.why[na, a][0]), says(c.why[nb, b][0])]
            statements += [says(t) for t in same.path(na, nb)]
            who = name(na) if na == nb else f"{name(na)}, the same individual as {name(nb)},"
            found.append(
                Conflict(
                    message=f"{who} is both {curie(str(a))} and {curie(str(b))}, "
                    "which the ontology says are disjoint",
                    axiom=axiom,
                    statements=tuple(dict.fromkeys(statements)),
                    hint="fix the type of one entity; if same_as joins two entities, "
                    "give each its own Wikidata id",
                )
            )
    return found


def _different(c: Closure, same: _Same, says, name) -> list[Conflict]:
    found = []
    different = OWL.differentFrom
    for s, p, o in sorted(t for t in c.edges if t[1] == different):
        if str(s) < str(o) and same.find(s) == same.find(o):
            found.append(
                Conflict(
                    message=f"{name(s)} and {name(o)} are said to be different "
                    "and the same individual",
                    axiom="owl:differentFrom, owl:sameAs",
                    statements=(says((s, p, o)), *(says(t) for t in same.path(s, o))),
                    hint="different_from and same_as contradict each other: drop one",
                )
            )
    return found


def _property_rules(c: Closure, same: _Same, functional: set, says, name) -> list[Conflict]:
    irreflexive = _characteristic(OWL.IrreflexiveProperty)
    asymmetric = _characteristic(OWL.AsymmetricProperty)
    found = []
    for s, p, o in sorted(t for t in c.edges if t[1] in irreflexive or t[1] in asymmetric):
        if p in irreflexive and not isinstance(o, Literal) and same.find(s) == same.find(o):
            # s and o may be two names of one individual: the owl:sameAs links say why
            who = name(s) if s == o else f"{name(s)}, the same individual as {name(o)},"
            found.append(
                Conflict(
                    message=f"{who} is {curie(str(p))} itself",
                    axiom=f"{curie(str(p))} a owl:IrreflexiveProperty",
                    statements=(says((s, p, o)), *(says(t) for t in same.path(s, o))),
                    hint="point it at something else; if same_as joins two entities, "
                    "give each its own Wikidata id",
                )
            )
        if p in asymmetric and (o, p, s) in c.edges and str(s) < str(o):
            found.append(
                Conflict(
                    message=f"{name(s)} and {name(o)} are {curie(str(p))} each other",
                    axiom=f"{curie(str(p))} a owl:AsymmetricProperty",
                    statements=(says((s, p, o)), says((o, p, s))),
                    hint="keep one direction",
                )
            )
    found += _functional_values(c, same, functional, says, name)
    return found


def _functional_values(c: Closure, same: _Same, functional: set, says, name) -> list[Conflict]:
    """prp-fp for datatype properties: one individual (all its owl:sameAs names together)
    with two values of a functional property."""
    values: dict = defaultdict(set)  # (individual, property) -> {(name, value)}
    for s, props in c.out.items():
        for p in functional & props.keys():
            values[same.find(s), p].update((s, v) for v in props[p] if isinstance(v, Literal))
    found = []
    for (_, p), pairs in values.items():
        if len({v for _, v in pairs}) < 2:
            continue
        pairs = sorted(pairs)
        nodes = sorted({s for s, _ in pairs})
        who = name(nodes[0])
        if len(nodes) > 1:
            who += f", the same individual as {', '.join(name(n) for n in nodes[1:])},"
        links = [t for n in nodes[1:] for t in same.path(nodes[0], n)]
        found.append(
            Conflict(
                message=f"{who} has {len({v for _, v in pairs})} values of {curie(str(p))}",
                axiom=f"{curie(str(p))} a owl:FunctionalProperty",
                statements=tuple(
                    dict.fromkeys([*(says((s, p, v)) for s, v in pairs), *(says(t) for t in links)])
                ),
                hint="it takes one value; two articles may share a slug or an IRI, "
                "or same_as may join two different things",
            )
        )
    return found
