"""Differential tests of ``mapper.checks.shacl.FastValidator`` against pySHACL (the reference).

For every graph below both engines validate the same triples in full (no focusing), and the
multisets of results must be identical: severity, focus, path, value, component, shape,
message, graph and location, and the verdict.

1. the seed article and the all-kinds article (no results);
2. every negative case of ``test_shapes.py``, grouped (see :func:`case_groups`);
3. a generated corpus with deterministic random damage;
4. compile errors: an unsupported SHACL feature raises instead of being skipped.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import astuple
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from test_shapes import CASES, VALID_FACTS, Case, mutated, term

from mapper.checks.shacl import FastValidator, ShaclCompileError
from mapper.checks.validate import ontology_graph, shapes_graph, validate_graph
from mapper.errors import DefrelError
from mapper.facts.load import load_corpus, load_facts
from mapper.rdf.mapping import map_articles
from mapper.rdf.vocab import DEFAULT_BASE, NS

ROOT = Path(__file__).resolve().parents[1]
GROUP_SIZE = 12


@pytest.fixture(scope="module")
def fast() -> FastValidator:
    return FastValidator()


def key(results) -> Counter:
    return Counter(astuple(r) for r in results)


def compare(fast: FastValidator, graphs: list[tuple[str, Graph]]) -> list:
    """Validate each graph with both engines; assert identical outcomes; return pySHACL's
    (None where pySHACL cannot run: rdflib raises on, say, SUBSTR of an ill-typed decimal)."""
    batch = [(name, list(g)) for name, g in graphs]
    mine = fast.validate_many(batch, base=DEFAULT_BASE)
    reference = []
    for (name, g), (ok, found) in zip(graphs, mine, strict=True):
        try:
            ref_ok, ref_found, _ = validate_graph(g, graph_name=name, base=DEFAULT_BASE)
        except DefrelError:
            reference.append(None)
            continue
        missing, extra = key(ref_found) - key(found), key(found) - key(ref_found)
        assert not missing and not extra, f"{name}: pySHACL only {missing}; fast only {extra}"
        assert ok == ref_ok, name
        reference.append((ref_ok, ref_found))
    return reference


# --- 1. valid graphs --------------------------------------------------------------------------


def test_seed_and_all_kinds_conform_in_both(fast: FastValidator) -> None:
    seed = map_articles(load_corpus([ROOT / "seeds"]))
    valid = map_articles([load_facts(VALID_FACTS)])
    graphs = [(str(g.identifier), g) for ds in (seed, valid) for g in ds.graphs() if len(g)]
    assert len(graphs) == 2
    for ok, found in compare(fast, graphs):  # type: ignore[misc]
        assert ok and not found


# --- 2. every negative case -------------------------------------------------------------------


@pytest.fixture(scope="module")
def valid_graph() -> Graph:
    (graph,) = [g for g in map_articles([load_facts(VALID_FACTS)]).graphs() if len(g)]
    plain = Graph()
    for triple in graph:
        plain.add(triple)
    return plain


def _delta(valid: Graph, case: Case) -> tuple[set, set]:
    after = set(mutated(valid, case))
    before = set(valid)
    return before - after, after - before


def case_groups(valid: Graph) -> list[list[tuple[Case, set, set]]]:
    """The negative cases, packed into groups validated as one mutated graph each.

    A full pySHACL validation of the all-kinds article takes about two seconds, too long to
    run once per case.  The mutations of a case are recorded as the triples it removes and
    adds; cases go into the same group when no two of them touch the same subject (so that no
    mutation undoes or duplicates another) nor share a focus node, up to GROUP_SIZE cases.
    Grouping cannot make the comparison weaker — both engines see the same combined graph and
    must agree on every result — but one mutation could mask another's result (say, a node
    that lost its type is no longer a focus node); so each case's own expected result must
    appear in the combined graph's results, and a case whose result does not is validated
    again on its own."""
    groups: list[list] = []
    for case in CASES:
        removed, added = _delta(valid, case)
        subjects = {t[0] for t in removed | added}
        for group in groups:
            if len(group) < GROUP_SIZE and all(
                not (subjects & other_subjects) and term(case.focus) != term(other.focus)
                for other, other_subjects, _, _ in group
            ):
                group.append((case, subjects, removed, added))
                break
        else:
            groups.append([(case, subjects, removed, added)])
    return [[(c, r, a) for c, _, r, a in group] for group in groups]


def _apply(valid: Graph, cases) -> Graph:
    graph = Graph()
    triples = set(valid)
    for _, removed, added in cases:
        triples = (triples - removed) | added
    for t in triples:
        graph.add(t)
    return graph


def expected_found(case: Case, results) -> bool:
    shape = str(term(f"dsh:{case.shape}"))
    for r in results:
        if (
            r.focus == str(term(case.focus))
            and (r.shape == shape or r.shape.endswith(f":{case.shape}"))
            and r.component == f"sh:{case.component}ConstraintComponent"
            and r.severity == case.severity
        ):
            return True
    return False


def test_every_negative_case_agrees(fast: FastValidator, valid_graph: Graph) -> None:
    groups = case_groups(valid_graph)
    assert sum(len(g) for g in groups) == len(CASES)
    graphs = [(f"{DEFAULT_BASE}article/all-kinds", _apply(valid_graph, g)) for g in groups]
    reference = compare(fast, graphs)
    alone = []
    for group, (_, found) in zip(groups, reference, strict=True):
        alone += [c for c in group if not expected_found(c[0], found)]
    if alone:
        singles = [(f"{DEFAULT_BASE}article/all-kinds", _apply(valid_graph, [c])) for c in alone]
        for c, (_, found) in zip(alone, compare(fast, singles), strict=True):
            assert expected_found(c[0], found), c[0].id
    assert len(alone) < len(CASES) // 10, [c[0].id for c in alone]


# --- 3. a generated corpus, damaged at random ---------------------------------------------------


OA = URIRef("http://www.w3.org/ns/oa#")


def damage(graph: Graph, rng: random.Random) -> None:
    """0-3 deterministic mutations of the kinds that real mistakes make."""
    triples = sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    nodes = sorted({t[0] for t in triples}, key=str)
    for _ in range(rng.randint(0, 3)):
        s, p, o = rng.choice(triples)
        kind = rng.randrange(7)
        if kind == 0:  # delete a triple
            graph.remove((s, p, o))
        elif kind == 1 and isinstance(o, Literal):  # a second value
            graph.add((s, p, Literal(str(o) + " bis", lang=o.language, datatype=o.datatype)))
        elif kind == 2 and isinstance(o, Literal):  # a wrong or ill-typed datatype
            dt = rng.choice([XSD.integer, XSD.date, XSD.string, XSD.decimal, XSD.gYear])
            graph.set((s, p, Literal(str(o), datatype=dt)))
        elif kind == 3:  # an offset or number off by some
            offsets = [t for t in triples if t[1] in (URIRef(f"{OA}start"), URIRef(f"{OA}end"))]
            if offsets:
                s2, p2, o2 = rng.choice(offsets)
                graph.set((s2, p2, Literal(int(o2) + rng.choice([-2, 1, 5]), datatype=o2.datatype)))
        elif kind == 4 and isinstance(o, URIRef):  # a link to the wrong node
            graph.set((s, p, rng.choice(nodes)))
        elif kind == 5:  # a node gains a type
            cls = rng.choice(sorted({t[2] for t in triples if str(t[1]).endswith("#type")}))
            graph.add((rng.choice(nodes), URIRef(str(NS["rdf"]) + "type"), cls))
        else:  # a text changes
            texts = [t for t in triples if isinstance(t[2], Literal) and t[2].language]
            if texts:
                s2, p2, o2 = rng.choice(texts)
                graph.set((s2, p2, Literal(str(o2)[::-1], lang=o2.language)))


def test_generated_corpus_with_damage_agrees(fast: FastValidator, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from corpus import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    generate(tmp_path, articles=30, seed=7)
    dataset = map_articles(load_corpus([tmp_path]))
    graphs = []
    for i, g in enumerate(sorted(dataset.graphs(), key=lambda g: str(g.identifier))):
        if not len(g):
            continue
        plain = Graph()
        for t in g:
            plain.add(t)
        damage(plain, random.Random(1000 + i))
        graphs.append((str(g.identifier), plain))
    reference = compare(fast, graphs)
    assert sum(r is None for r in reference) <= 3  # pySHACL could not run
    assert sum(r is not None and not r[0] for r in reference) >= 10  # the damage shows


# --- 4. compile errors --------------------------------------------------------------------------

SHAPES_HEAD = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
"""


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .", "sh:closed"),
        ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:T .", "sh:node"),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:P . "
            "ex:P a sh:PropertyShape ; sh:path ( ex:a ex:b ) ; sh:minCount 1 ; sh:message 'm' .",
            "inversePath",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:P . "
            "ex:P a sh:PropertyShape ; sh:path ex:a ; sh:minCount 1 .",
            "no sh:message",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql ex:Q . ex:Q sh:message 'm' ; "
            "sh:select 'SELECT $this WHERE { $this ex:p ?v } LIMIT 1' .",
            "limit",
        ),
        (
            "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql ex:Q . ex:Q sh:message 'm' ; "
            "sh:select 'SELECT $this WHERE { { SELECT $this WHERE { $this ex:p ?v } } }' .",
            "sub-SELECT",
        ),
    ],
)
def test_unsupported_shapes_raise(body: str, fragment: str) -> None:
    shapes = Graph().parse(data=SHAPES_HEAD + body, format="turtle")
    with pytest.raises(ShaclCompileError, match=fragment):
        FastValidator(shapes=shapes, ontology=ontology_graph())


def test_bundled_shapes_compile_and_pickle(fast: FastValidator) -> None:
    import pickle

    again = pickle.loads(pickle.dumps(fast))
    assert len(again.constraints) == 18
    assert len(shapes_graph()) > 0


def test_report_graph(fast: FastValidator, valid_graph: Graph) -> None:
    case = next(c for c in CASES if c.component == "SPARQL")
    graph = mutated(valid_graph, case)
    ((ok, found),) = fast.validate_many([("g", list(graph))], base=DEFAULT_BASE)
    report = fast.report_graph(found)
    sh = URIRef("http://www.w3.org/ns/shacl#")
    assert not ok
    assert (None, URIRef(f"{sh}conforms"), Literal(False)) in report
    assert len(list(report.subjects(URIRef(f"{sh}sourceConstraint"), None))) >= 1
    assert len(set(report.subjects(URIRef(f"{sh}focusNode"), None))) == len(found)


_P = "PREFIX ex: <http://example.org/>\n"


@pytest.mark.parametrize(
    ("where", "safe"),
    [
        ("$this ex:a ?v . ?v ex:b/ex:c|^ex:d ?w", True),
        ("$this ?p ?v . FILTER (?p IN (ex:a, ex:b))", True),
        ("$this ?p ?v . FILTER ((?p = ex:a && ?v > 1) || (ex:b = ?p))", True),
        ("{ $this ?p ?v } UNION { ?v ?p $this } FILTER (?p = ex:a && BOUND(?v))", True),
        ("$this ?p ?v", False),
        ("$this ?p ?v . FILTER (?p IN (ex:a, ?v))", False),
        ("$this ?p ?v . FILTER (?p = ex:a || ?v = ex:b)", False),
        ("$this ?p ?v . FILTER (!(?p IN (ex:a)))", False),
        ("$this ex:a ?v . OPTIONAL { ?v ?p ?w } FILTER (?p = ex:a)", False),
        ("$this ex:a ?v . FILTER NOT EXISTS { ?v ?p ?w }", False),
        ("$this !ex:a ?v", False),
    ],
)
def test_reachable_predicates(where: str, safe: bool) -> None:
    """Only the triples a query can match are loaded into Oxigraph: the proof must refuse a
    variable predicate that no enclosing filter pins to named IRIs."""
    from mapper.checks.shacl.reach import reachable_predicates

    found = reachable_predicates(_P + f"SELECT $this ?v WHERE {{ {where} }}")
    assert (found is not None) == safe
    if safe:
        assert "http://example.org/a" in found


def test_bundled_queries_load_only_named_predicates(fast: FastValidator) -> None:
    assert fast.reach is not None
    assert str(NS["schema"]["articleBody"]) in fast.reach
    assert str(NS["rdfs"]["label"]) not in fast.reach
