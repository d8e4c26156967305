"""Tests of the SHACL shapes (``shapes/defrel-shapes.ttl``).

* the shapes parse and conform to the W3C SHACL-for-SHACL shapes graph;
* a small article that covers every entity type, fact kind, date and quantity flavour and
  every field of the facts format (``tests/data/shapes/all-kinds.*``) maps to a graph that
  conforms without a single result;
* one negative case per constraint: each case mutates that valid graph and expects a result
  with the right focus node, source shape, path, constraint component (and, for SPARQL
  constraints, source constraint); a meta-test lists every constraint the shapes declare and
  fails if one has no case, so a constraint cannot be added without a test that can fail;
* the shapes agree with the facts format in ``mapper/facts/kinds/`` (a node shape per class, the
  choices, the required and single-valued fields, the entity types a field accepts, the fields
  of one entity type, the one-of requirements) and constrain every defrel property the mapper
  writes.

The negative cases themselves are a table in ``shape_cases.py``; ``shape_groups.py`` packs
them into groups, each group one full validation by the pipeline's own ``validate_graph``; the
validations are cached for the session, and ``test_fastshacl.py`` compares the compiled engine
with pySHACL on the same group graphs.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from shape_cases import CASES, VALID_FACTS, Case, term
from shape_groups import alone_validation, base_graph, case_groups, group_validation

from mapper.checks.validate import ontology_graph, shapes_graph, validate_dataset
from mapper.facts.kinds import (
    ARTICLE_FIELDS,
    COMMON_FIELDS,
    ENTITY_FIELDS,
    ENTITY_TYPES,
    KINDS,
    Field,
)
from mapper.facts.load import load_facts
from mapper.rdf.mapping import map_articles
from mapper.rdf.vocab import DEFAULT_BASE, NS, expand

HERE = Path(__file__).resolve().parent
SHAPES_FILE = files("mapper.data") / "shapes" / "defrel-shapes.ttl"
SHACL_SHACL = HERE / "data" / "shacl-shacl.ttl"
DSH = "https://w3id.org/defrel/shapes#"
DEFREL = NS["defrel"]

# Every constraint parameter the shapes may use, and its constraint component.
COMPONENTS = {
    SH["class"]: "Class", SH.datatype: "Datatype", SH.nodeKind: "NodeKind",
    SH.minCount: "MinCount", SH.maxCount: "MaxCount",
    SH.minInclusive: "MinInclusive", SH.maxInclusive: "MaxInclusive",
    SH.minExclusive: "MinExclusive", SH.maxExclusive: "MaxExclusive",
    SH.minLength: "MinLength", SH.maxLength: "MaxLength", SH.pattern: "Pattern",
    SH.languageIn: "LanguageIn", SH.uniqueLang: "UniqueLang", SH.equals: "Equals",
    SH.disjoint: "Disjoint", SH.lessThan: "LessThan", SH.lessThanOrEquals: "LessThanOrEquals",
    SH["not"]: "Not", SH["and"]: "And", SH["or"]: "Or", SH.xone: "Xone", SH.node: "Node",
    SH.hasValue: "HasValue", SH["in"]: "In", SH.closed: "Closed",
    SH.qualifiedMinCount: "QualifiedMinCount", SH.qualifiedMaxCount: "QualifiedMaxCount",
}  # fmt: skip
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)

# The classes the mapper writes nodes of (besides entity and fact classes), per the mapper.
OTHER_CLASSES = [
    "defrel:Article", "schema:ImageObject", "org:Post", "time:Instant", "time:DateTimeDescription",
    "schema:QuantitativeValue", "schema:MonetaryAmount", "defrel:Evidence", "oa:SpecificResource",
    "oa:TextQuoteSelector", "oa:TextPositionSelector", "schema:PostalAddress",
]  # fmt: skip


# --------------------------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shapes_graph()


@pytest.fixture(scope="module")
def valid_dataset() -> Dataset:
    return map_articles([load_facts(VALID_FACTS)])


@pytest.fixture(scope="module")
def valid_graph(valid_dataset: Dataset) -> Graph:
    graphs = [g for g in valid_dataset.graphs() if len(g)]
    assert len(graphs) == 1
    return base_graph()


def path_key(graph: Graph, path) -> str | None:
    """A readable, comparable form of a SHACL path: ``defrel:visitor`` or ``^defrel:evidence``."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return _curie(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _curie(inverse)
    raise AssertionError(f"unexpected complex path {path!r}: teach path_key about it")


def _curie(iri: URIRef) -> str:
    for prefix, ns in [*NS.items(), ("dsh", DSH), ("sh", str(SH))]:
        if str(iri).startswith(str(ns)):
            return f"{prefix}:{str(iri)[len(str(ns)) :]}"
    return str(iri)


# --------------------------------------------------------------------------------------------
# 1. The shapes graph itself
# --------------------------------------------------------------------------------------------


def test_shapes_parse_and_declare_shapes(shapes: Graph) -> None:
    own = Graph().parse(data=SHAPES_FILE.read_text(encoding="utf-8"), format="turtle")
    assert len(own) > 500
    assert set(own.subjects(RDF.type, SH.NodeShape)) <= set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(set(own.subjects(RDF.type, SH.NodeShape))) >= 40


def test_shapes_conform_to_shacl_shacl(shapes: Graph) -> None:
    meta = Graph().parse(SHACL_SHACL, format="turtle")
    conforms, _, text = pyshacl_validate(shapes, shacl_graph=meta, inference="none")
    assert conforms, text


def test_shacl_shacl_catches_a_malformed_shape(shapes: Graph) -> None:
    """The meta-check can fail: a property shape with two paths does not conform.  The shape's
    own description is checked (the test above checks the whole shapes graph, the costliest
    pySHACL run here): as it is, it conforms; given a second path, it does not, and the result
    names it."""
    meta = Graph().parse(SHACL_SHACL, format="turtle")
    shape = term("dsh:Visit-visitor")
    alone = shapes.cbd(shape)
    assert (shape, SH.path, term("defrel:visitor")) in alone
    conforms, _, text = pyshacl_validate(alone, shacl_graph=meta, inference="none")
    assert conforms, text
    alone.add((shape, SH.path, term("defrel:host")))
    conforms, report, _ = pyshacl_validate(alone, shacl_graph=meta, inference="none")
    assert not conforms
    assert set(report.objects(None, SH.focusNode)) == {shape}


def node_shapes(shapes: Graph) -> set:
    return {s for t in TARGETS for s in shapes.subjects(t, None)}


def property_shapes(shapes: Graph) -> set:
    return {p for n in node_shapes(shapes) for p in shapes.objects(n, SH.property)}


def test_every_shape_explains_itself(shapes: Graph) -> None:
    """Node shapes have a label and a description and no sh:message (it would repeat on every
    result); property shapes have a name, a message and a severity; SPARQL constraints have a
    label and a message."""
    problems = []
    for n in node_shapes(shapes):
        if shapes.value(n, RDFS.label) is None or shapes.value(n, SH.description) is None:
            problems.append(f"{_curie(n)}: needs rdfs:label and sh:description")
        own_rule = any(shapes.value(n, c) is not None for c in COMPONENTS)
        if own_rule and (shapes.value(n, SH.property) or shapes.value(n, SH.sparql)):
            problems.append(f"{_curie(n)}: a node-level rule is a node shape of its own")
        if own_rule != (shapes.value(n, SH.message) is not None):
            problems.append(
                f"{_curie(n)}: a node shape carries a sh:message if and only if it holds a "
                "node-level rule"
            )
        for c in shapes.objects(n, SH.sparql):
            if shapes.value(c, SH.message) is None or shapes.value(c, RDFS.label) is None:
                problems.append(f"{_curie(c)}: needs rdfs:label and sh:message")
    for p in property_shapes(shapes):
        if not isinstance(p, URIRef):
            problems.append(f"a property shape has no IRI: {p}")
            continue
        for needed in (SH.name, SH.message, SH.severity):
            if shapes.value(p, needed) is None:
                problems.append(f"{_curie(p)}: needs {_curie(needed)}")
        if shapes.value(p, SH.severity) not in (SH.Violation, SH.Warning):
            problems.append(f"{_curie(p)}: severity is sh:Violation or (advice) sh:Warning")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 2. The valid article conforms
# --------------------------------------------------------------------------------------------


def test_valid_article_covers_everything(valid_graph: Graph) -> None:
    types = set(valid_graph.objects(None, RDF.type))
    wanted = {expand(c) for c, _ in ENTITY_TYPES.values()} | {expand(k.cls) for k in KINDS.values()}
    wanted |= {expand(c) for c in OTHER_CLASSES}
    assert wanted <= types, sorted(map(str, wanted - types))
    units = set(valid_graph.objects(None, term("time:unitType")))
    assert units == {term("time:unitYear"), term("time:unitMonth"), term("time:unitDay")}
    for prop in ("time:dayOfWeek", "time:day", "defrel:qualifier", "schema:value",
                 "schema:minValue", "schema:maxValue", "defrel:approximate", "schema:currency",
                 "defrel:accordingTo", "schema:startDate", "schema:endDate"):  # fmt: skip
        assert any(valid_graph.triples((None, term(prop), None))), prop
    used = {p for _, p, _ in valid_graph}
    fields = [*ARTICLE_FIELDS, *ENTITY_FIELDS, *COMMON_FIELDS]
    fields += [f for k in KINDS.values() for f in k.fields]
    unused = {f.prop for f in fields if expand(f.prop) not in used}
    assert not unused, f"the valid article never uses {sorted(unused)}"


def test_valid_article_conforms_without_any_result(valid_dataset: Dataset) -> None:
    report = validate_dataset(valid_dataset, base=DEFAULT_BASE)
    assert report.conforms, report.text()
    assert report.results == [], report.text()  # not even a warning


def test_seed_articles_conform(seed_dist: Path) -> None:
    from mapper.rdf.read import read_rdf

    report = validate_dataset(read_rdf([seed_dist / "dataset.nq"]), base=DEFAULT_BASE)
    assert report.conforms, report.text()


# --------------------------------------------------------------------------------------------
# 3. A negative case for every constraint (the table: shape_cases.py)
# --------------------------------------------------------------------------------------------


def declared_constraints(shapes: Graph) -> dict[tuple, str]:
    """Every constraint the shapes declare, keyed like Case.key, with a readable name."""
    found: dict[tuple, str] = {}
    for shape in node_shapes(shapes) | property_shapes(shapes):
        name = _curie(shape)
        assert name.startswith("dsh:"), f"every shape needs a dsh: IRI, not {shape!r}"
        local = name[4:]
        path = path_key(shapes, shapes.value(shape, SH.path))
        for parameter, component in COMPONENTS.items():
            for value in shapes.objects(shape, parameter):
                if parameter == SH.uniqueLang and value != Literal(True):
                    continue
                found[(local, component, path)] = f"{name} {path} sh:{component}"
        for constraint in shapes.objects(shape, SH.sparql):
            found[(local, "SPARQL", _curie(constraint)[4:])] = f"{name} {_curie(constraint)}"
    return found


def test_every_constraint_has_a_negative_case(shapes: Graph) -> None:
    declared = declared_constraints(shapes)
    covered = {case.key for case in CASES}
    missing = sorted(name for key, name in declared.items() if key not in covered)
    assert not missing, "constraints without a negative case:\n" + "\n".join(missing)
    stale = sorted(str(key) for key in covered - declared.keys())
    assert not stale, "cases for constraints the shapes do not declare:\n" + "\n".join(stale)
    keys = [case.key for case in CASES]
    assert len(keys) == len(set(keys)), "two cases for one constraint"


def matching_results(report: Graph, case: Case) -> list:
    found = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        if (
            report.value(r, SH.focusNode) == term(case.focus)
            and report.value(r, SH.sourceShape) == term(f"dsh:{case.shape}")
            and report.value(r, SH.sourceConstraintComponent)
            == SH[f"{case.component}ConstraintComponent"]
            and path_key(report, report.value(r, SH.resultPath)) == case.path
            and report.value(r, SH.resultSeverity) == SH[case.severity]
            and (
                case.constraint is None
                or report.value(r, SH.sourceConstraint) == term(f"dsh:{case.constraint}")
            )
        ):
            found.append(r)
    return found


def case_report(case: Case) -> Graph:
    """The report in which the case's own result shows: its group's, or its own alone."""
    index = next(i for i, group in enumerate(case_groups()) if any(c == case for c, _, _ in group))
    outcome = group_validation(index)
    if outcome is not None and matching_results(outcome[2], case):
        return outcome[2]
    outcome = alone_validation(case)
    assert outcome is not None, f"pySHACL could not validate {case.id} on its own"
    return outcome[2]


def describe(report: Graph) -> str:
    lines = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        lines.append(
            " ".join(
                str(_curie(x) if isinstance(x, URIRef) else x)
                for x in (
                    report.value(r, SH.focusNode),
                    report.value(r, SH.sourceShape),
                    path_key(report, report.value(r, SH.resultPath)),
                    report.value(r, SH.sourceConstraintComponent),
                    report.value(r, SH.sourceConstraint),
                )
            )
        )
    return "\n".join(sorted(lines)) or "(no results)"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_negative_case(case: Case) -> None:
    report = case_report(case)
    found = matching_results(report, case)
    assert found, f"expected {case.key} on {case.focus}; got:\n{describe(report)}"
    message = report.value(found[0], SH.resultMessage)
    assert message is not None and len(str(message)) > 20


def test_cases_are_grouped_tightly() -> None:
    """Few groups (the cost of the negative cases), and few cases masked by their group."""
    groups = case_groups()
    assert sum(len(g) for g in groups) == len(CASES)
    assert len(groups) <= len(CASES) // 15, len(groups)
    masked = [
        c.id
        for i, group in enumerate(groups)
        for c, _, _ in group
        if (outcome := group_validation(i)) is None or not matching_results(outcome[2], c)
    ]
    assert len(masked) < len(CASES) // 10, masked


def test_a_warning_alone_does_not_break_conformance() -> None:
    case = next(c for c in CASES if c.severity == "Warning")
    outcome = alone_validation(case)
    assert outcome is not None
    conforms, results, _ = outcome
    assert conforms
    assert [r.severity for r in results] == ["Warning"]


# --------------------------------------------------------------------------------------------
# 4. The shapes and the facts format agree
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


def superclasses(ontology: Graph, cls: URIRef) -> set[URIRef]:
    return set(ontology.transitive_objects(cls, RDFS.subClassOf))


def shapes_for(shapes: Graph, ontology: Graph, cls: URIRef) -> set:
    """Node shapes whose sh:targetClass includes ``cls`` (directly or via the ontology)."""
    classes = superclasses(ontology, cls)
    return {s for s in node_shapes(shapes) if set(shapes.objects(s, SH.targetClass)) & classes}


def property_shapes_for(shapes: Graph, ontology: Graph, cls: URIRef, prop: URIRef) -> list:
    return [
        p
        for s in shapes_for(shapes, ontology, cls)
        for p in shapes.objects(s, SH.property)
        if shapes.value(p, SH.path) == prop
    ]


def owner_classes() -> list[tuple[str, URIRef, Field]]:
    """(owner, class, field) for every field of the facts format the mapper writes."""
    rows = [("article", expand("defrel:Article"), f) for f in ARTICLE_FIELDS]
    for name, (entity_cls, _) in ENTITY_TYPES.items():
        fields = [f for f in ENTITY_FIELDS if not f.types or name in f.types]
        rows += [(entity_cls, expand(entity_cls), f) for f in fields]
    for kind in KINDS.values():
        rows += [(kind.name, expand(kind.cls), f) for f in COMMON_FIELDS + kind.fields]
    return rows


def test_a_node_shape_targets_every_class_the_mapper_writes(shapes: Graph) -> None:
    classes = [c for c, _ in ENTITY_TYPES.values()] + [k.cls for k in KINDS.values()]
    targeted = set(shapes.objects(None, SH.targetClass))
    missing = [c for c in classes + OTHER_CLASSES if expand(c) not in targeted]
    assert not missing, missing


def test_every_field_is_constrained_where_it_is_written(shapes: Graph, ontology: Graph) -> None:
    problems = []
    for owner, cls, field in owner_classes():
        if field.name == "language" and owner == "article":
            continue  # written as a plain code, checked by dsh:Article-inLanguage
        props = property_shapes_for(shapes, ontology, cls, expand(field.prop))
        if field.name in ("image_credit", "image_url"):  # on the image node, not the article
            props = property_shapes_for(
                shapes, ontology, expand("schema:ImageObject"), expand(field.prop)
            )
        if not props:
            problems.append(f"{owner}.{field.name} ({field.prop}): no property shape")
            continue
        value_type = [SH.datatype, SH["class"], SH.nodeKind, SH["or"], SH["in"], SH.hasValue]
        if not any(shapes.value(p, t) is not None for p in props for t in value_type):
            problems.append(f"{owner}.{field.name}: neither datatype nor class")
        mins = [int(m) for p in props for m in shapes.objects(p, SH.minCount)]
        if field.required and not any(m >= 1 for m in mins):
            problems.append(f"{owner}.{field.name} is required but has no sh:minCount")
        single = field.shape in ("entity", "fact", "text", "when", "duration", "quantity",
                                 "integer", "boolean", "choice")  # fmt: skip
        one = any(shapes.value(p, SH.maxCount) == Literal(1) for p in props)
        per_language = any(shapes.value(p, SH.uniqueLang) == Literal(True) for p in props)
        if single and not (one or per_language):
            problems.append(f"{owner}.{field.name} is single-valued but has no sh:maxCount 1")
        if field.shape == "choice":
            lists = [shapes.value(p, SH["in"]) for p in props if shapes.value(p, SH["in"])]
            values = [set(shapes.items(lst)) for lst in lists]
            if values != [{Literal(c) for c in field.choices}]:
                problems.append(f"{owner}.{field.name}: sh:in is not {field.choices}")
    assert not problems, "\n".join(problems)


def test_entity_fields_accept_exactly_their_target_types(shapes: Graph, ontology: Graph) -> None:
    """The sh:class of an entity field, read through the ontology's subclass axioms, admits
    exactly the entity types ``kinds.py`` allows for it (any type when it lists none)."""
    types = {name: expand(cls) for name, (cls, _) in ENTITY_TYPES.items()}

    def admitted(prop_shape) -> set[str]:
        classes = set(shapes.objects(prop_shape, SH["class"]))
        alternatives = shapes.value(prop_shape, SH["or"])
        exact = set()  # [ sh:path rdf:type ; sh:hasValue C ]: entities of type C itself
        if alternatives is not None:
            for a in shapes.items(alternatives):
                classes.add(shapes.value(a, SH["class"]))
                if shapes.value(a, SH.path) == RDF.type:
                    exact.add(shapes.value(a, SH.hasValue))
        return {n for n, c in types.items() if superclasses(ontology, c) & classes or c in exact}

    problems = []
    for owner, cls, field in owner_classes():
        if field.shape not in ("entity", "entities"):
            continue
        props = property_shapes_for(shapes, ontology, cls, expand(field.prop))
        got = set().union(*(admitted(p) for p in props)) if props else set()
        expected = set(field.targets or ENTITY_TYPES)
        if got != expected:
            problems.append(
                f"{owner}.{field.name}: shapes admit {sorted(got)}, kinds.py {sorted(expected)}"
            )
    assert not problems, "\n".join(problems)


def test_every_defrel_property_in_the_valid_graph_is_a_path(
    shapes: Graph, valid_graph: Graph
) -> None:
    paths = set(shapes.objects(None, SH.path))
    emitted = {p for _, p, _ in valid_graph if str(p).startswith(str(DEFREL))}
    assert len(emitted) > 60
    unconstrained = sorted(_curie(p) for p in emitted - paths)
    assert not unconstrained, unconstrained


def test_every_property_in_the_valid_graph_is_a_path(shapes: Graph, valid_graph: Graph) -> None:
    """Not only defrel: every property the mapper writes is constrained somewhere."""
    paths = set(shapes.objects(None, SH.path))
    emitted = {p for _, p, _ in valid_graph}
    unconstrained = sorted(_curie(p) for p in emitted - paths)
    assert not unconstrained, unconstrained


def test_code_lists_match_the_mapper(shapes: Graph) -> None:
    """The sh:in lists that are not fields of kinds.py follow the mapper's own tables."""
    from mapper.facts.kinds import QUANTITY_UNITS
    from mapper.facts.when import QUALIFIERS

    def listed(shape: str) -> set:
        return set(shapes.items(shapes.value(term(f"dsh:{shape}"), SH["in"])))

    assert listed("DateTimeDescription-qualifier") == {Literal(q) for q in QUALIFIERS}
    assert listed("QuantitativeValue-unitCode") == {Literal(c) for c, _ in QUANTITY_UNITS.values()}
    assert listed("QuantitativeValue-unitText") == {Literal(t) for _, t in QUANTITY_UNITS.values()}
    units = {term(f"time:{u}") for u in ("unitYear", "unitMonth", "unitDay")}
    assert listed("DateTimeDescription-unitType") == units


def test_every_one_of_requirement_is_a_node_shape(shapes: Graph) -> None:
    """Kind.one_of: a node shape targeting the kind's class whose sh:or lists exactly one
    [sh:path P ; sh:minCount 1] per field of the group."""
    problems = []
    for kind in KINDS.values():
        fields = {f.name: f for f in kind.fields}
        for group in kind.one_of:
            wanted = {expand(fields[name].prop) for name in group}
            found = False
            for shape in shapes.subjects(SH.targetClass, expand(kind.cls)):
                alternatives = shapes.value(shape, SH["or"])
                if alternatives is None:
                    continue
                members = list(shapes.items(alternatives))
                paths = {shapes.value(m, SH.path) for m in members}
                mins = {shapes.value(m, SH.minCount) for m in members}
                found |= paths == wanted and len(members) == len(wanted) and mins == {Literal(1)}
            if not found:
                problems.append(f"{kind.name}: no node shape requires one of {group}")
    assert not problems, "\n".join(problems)


def test_every_count_field_is_a_count(shapes: Graph) -> None:
    """Count fields are quantities with unit C62 and whole numbers (dsh:CountShape)."""
    counted = set(shapes.objects(term("dsh:CountShape"), SH.targetObjectsOf))
    fields = [f for k in KINDS.values() for f in k.fields if f.shape == "count"]
    assert fields
    assert {expand(f.prop) for f in fields} == counted


def test_covers_admits_exactly_the_kinds_under_an_agreement(shapes: Graph) -> None:
    """covers: (defrel:covers) points at facts of the kinds that have under_agreement:, its
    inverse."""
    covered = {
        expand(k.cls)
        for k in KINDS.values()
        if any(f.prop == "defrel:underAgreement" for f in k.fields)
    }
    alternatives = shapes.value(term("dsh:Agreement-covers"), SH["or"])
    assert {shapes.value(a, SH["class"]) for a in shapes.items(alternatives)} == covered
