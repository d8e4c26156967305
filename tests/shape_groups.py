"""The negative cases of ``shape_cases`` packed into groups, each group one mutated graph that
one full pySHACL validation checks; the validations are cached for the session, so that
``test_shapes.py`` and ``test_fastshacl.py`` share them."""

from __future__ import annotations

import functools

from rdflib import Graph
from rdflib.namespace import RDF
from shape_cases import CASES, GRAPH_NAME, VALID_FACTS, Case

from mapper.checks.validate import validate_graph
from mapper.errors import DefrelError
from mapper.facts.load import load_facts
from mapper.rdf.mapping import map_articles
from mapper.rdf.vocab import DEFAULT_BASE


def mutated(valid_graph: Graph, case: Case) -> Graph:
    graph = Graph()
    for triple in valid_graph:
        graph.add(triple)
    snapshot = set(graph)
    for op in case.ops:
        op(graph)
    assert set(graph) != snapshot, "the mutation changed nothing"
    return graph


# The negative cases are validated in groups: a full pySHACL validation of the all-kinds
# article takes about six seconds, too long to run once per case. A case's mutations are
# recorded as the triples it removes and adds; cases share a group when no two of them touch
# the same (subject, predicate) nor the type of a subject the other touches, up to GROUP_SIZE
# cases. Grouping cannot hide a result that should be absent (each case checks only its own
# expected result, and test_fastshacl compares every result of every group graph with the
# compiled engine), but one mutation could mask another's result (a node that lost its type is
# no longer a focus node): a case whose result does not show in its group is validated again
# on its own. The validations are cached for the session: test_fastshacl reuses them.
GROUP_SIZE = 40


class _Recorder(Graph):
    """A graph that records what the ops of a case remove and add, so that they can be undone:
    a case's delta costs its ops, not two copies of the article's graph."""

    def __init__(self) -> None:
        super().__init__()
        self.removed: set = set()
        self.added: set = set()

    def add(self, triple):
        if triple not in self:
            if triple in self.removed:
                self.removed.discard(triple)
            else:
                self.added.add(triple)
        return super().add(triple)

    def remove(self, triple):
        for found in list(self.triples(triple)):
            if found in self.added:
                self.added.discard(found)
            else:
                self.removed.add(found)
        return super().remove(triple)

    def delta(self, case: Case) -> tuple[set, set]:
        self.removed, self.added = set(), set()
        for op in case.ops:
            op(self)
        removed, added = self.removed, self.added
        for t in added:
            Graph.remove(self, t)
        for t in removed:
            Graph.add(self, t)
        assert removed or added, f"{case.id}: the mutation changed nothing"
        return removed, added


def _touches(removed: set, added: set) -> tuple[set, set]:
    pairs = {(t[0], t[1]) for t in removed | added}
    typed = {s for s, p in pairs if p == RDF.type}
    return pairs, typed


@functools.cache
def base_graph() -> Graph:
    """The all-kinds article as one plain graph (module fixtures and test_fastshacl share it)."""
    (graph,) = [g for g in map_articles([load_facts(VALID_FACTS)]).graphs() if len(g)]
    plain_graph = Graph()
    for triple in graph:
        plain_graph.add(triple)
    return plain_graph


@functools.cache
def case_groups() -> tuple[tuple[tuple[Case, frozenset, frozenset], ...], ...]:
    """The negative cases, packed into groups validated as one mutated graph each."""
    recorder = _Recorder()
    for triple in base_graph():
        Graph.add(recorder, triple)
    groups: list[list] = []
    for case in CASES:
        removed, added = recorder.delta(case)
        pairs, typed = _touches(removed, added)
        subjects = {s for s, _ in pairs}
        for group in groups:
            if len(group) < GROUP_SIZE and all(
                not (pairs & other_pairs)
                and not (typed & other_subjects)
                and not (other_typed & subjects)
                for _, other_pairs, other_subjects, other_typed, _, _ in group
            ):
                group.append((case, pairs, subjects, typed, removed, added))
                break
        else:
            groups.append([(case, pairs, subjects, typed, removed, added)])
    return tuple(
        tuple((c, frozenset(r), frozenset(a)) for c, _, _, _, r, a in group) for group in groups
    )


def apply_cases(cases) -> Graph:
    triples = set(base_graph())
    for _, removed, added in cases:
        triples = (triples - removed) | added
    graph = Graph()
    for t in triples:
        graph.add(t)
    return graph


@functools.cache
def group_validation(index: int):
    """pySHACL's (conforms, results, report graph) for one group's graph; None where pySHACL
    cannot run on it (rdflib raises on, say, SUBSTR of an ill-typed decimal)."""
    try:
        return validate_graph(
            apply_cases(case_groups()[index]), graph_name=GRAPH_NAME, base=DEFAULT_BASE
        )
    except DefrelError:
        return None


@functools.cache
def alone_validation(case: Case):
    try:
        return validate_graph(mutated(base_graph(), case), graph_name=GRAPH_NAME, base=DEFAULT_BASE)
    except DefrelError:
        return None
