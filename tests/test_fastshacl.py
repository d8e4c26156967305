"""Differential tests of ``mapper.checks.shacl.FastValidator`` against pySHACL (the reference).

For every graph below both engines validate the same triples in full (no focusing), and the
multisets of results must be identical: severity, focus, path, value, component, shape,
message, graph and location, and the verdict.

1. the seed article and the all-kinds article (no results);
2. every negative case of ``shape_cases.py``, in its groups (``shape_groups.case_groups``; the
   pySHACL validations of the groups are shared with ``test_shapes.py``);
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
from shape_cases import CASES, GRAPH_NAME, VALID_FACTS, Case, term
from shape_groups import (
    alone_validation,
    apply_cases,
    base_graph,
    case_groups,
    group_validation,
    mutated,
)

from mapper.checks.shacl import FastValidator, ShaclCompileError
from mapper.checks.validate import ontology_graph, shapes_graph, validate_graph
from mapper.errors import DefrelError
from mapper.facts.load import load_corpus, load_facts
from mapper.rdf.mapping import map_articles
from mapper.rdf.vocab import DEFAULT_BASE, NS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def fast() -> FastValidator:
    return FastValidator()


def key(results) -> Counter:
    return Counter(astuple(r) for r in results)


def _pyshacl(name: str, g: Graph):
    try:
        return validate_graph(g, graph_name=name, base=DEFAULT_BASE)
    except DefrelError:
        return None


def compare(fast: FastValidator, graphs: list[tuple[str, Graph]], outcomes=None) -> list:
    """Validate each graph with both engines; assert identical outcomes; return pySHACL's
    (None where pySHACL cannot run: rdflib raises on, say, SUBSTR of an ill-typed decimal).
    ``outcomes``: pySHACL's (conforms, results, report) for the graphs, if already known."""
    batch = [(name, list(g)) for name, g in graphs]
    mine = fast.validate_many(batch, base=DEFAULT_BASE)
    if outcomes is None:
        outcomes = [_pyshacl(name, g) for name, g in graphs]
    reference = []
    for (name, _), (ok, found), outcome in zip(graphs, mine, outcomes, strict=True):
        if outcome is None:
            reference.append(None)
            continue
        ref_ok, ref_found, _ = outcome
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
    return base_graph()


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


def test_every_negative_case_agrees(fast: FastValidator) -> None:
    """Both engines on every group graph of shape_groups (pySHACL's validations are shared), and
    on each case its group masks, alone."""
    groups = case_groups()
    assert sum(len(g) for g in groups) == len(CASES)
    graphs = [(GRAPH_NAME, apply_cases(g)) for g in groups]
    reference = compare(fast, graphs, [group_validation(i) for i in range(len(groups))])
    alone = []
    for group, outcome in zip(groups, reference, strict=True):
        alone += [c for c, _, _ in group if outcome is None or not expected_found(c, outcome[1])]
    if alone:
        singles = [(GRAPH_NAME, mutated(base_graph(), c)) for c in alone]
        outcomes = [alone_validation(c) for c in alone]
        for c, outcome in zip(alone, compare(fast, singles, outcomes), strict=True):
            assert outcome is not None and expected_found(c, outcome[1]), c.id
    assert len(alone) < len(CASES) // 10, [c.id for c in alone]


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
    assert len(again.constraints) == 20
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


def test_the_shipped_reach_table_is_what_the_proof_gives() -> None:
    """``mapper/data/reach.json`` spares each process the parse of every bundled query; were it
    stale, a constraint could be run on too few triples. Run scripts/reach_table.py to mend."""
    import json
    from importlib.resources import files

    from mapper.checks.shacl.reach import TABLE, bundled_table

    shipped = json.loads((files("mapper.data") / TABLE).read_text(encoding="utf-8"))
    assert shipped == bundled_table()


def test_a_query_not_in_the_reach_table_is_proved(monkeypatch) -> None:
    from mapper.checks.shacl import reach

    monkeypatch.setattr(reach, "_shipped", lambda: {reach.table_key("x"): ["http://e/a"]})
    assert reach.reachable_predicates("x") == frozenset({"http://e/a"})
    query = _P + "SELECT $this WHERE { $this ?p ?v }"
    assert reach.reachable_predicates(query) is None  # proved: a variable predicate
