"""The reasoner: ``defrel ontology check`` (HermiT) on the ontology, on broken copies of it and
on data; how dates reach HermiT; and the OWL 2 RL consistency check that ``defrel build`` runs
on every build, reporting both statements of a contradiction with their facts file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import MINI_FACTS, ROOT, SEEDS, write_article
from rdflib import RDF, XSD, Graph, Literal, URIRef

from mapper import load_corpus, map_articles
from mapper.checks import hermit
from mapper.checks.consistency import Locator, find_conflicts
from mapper.checks.reasoner import check_graph, parse_axiom, reasoner_input
from mapper.checks.validate import ontology_graph
from mapper.cli.main import main
from mapper.errors import ReasonerError
from mapper.rdf.vocab import DEFAULT_BASE

DEFREL = "https://w3id.org/defrel/ontology#"
ONTOLOGY = ROOT / "ontology" / "defrel.ttl"


def broken_copy(tmp_path: Path, extra: str) -> Path:
    """A copy of the ontology with ``extra`` Turtle appended."""
    path = tmp_path / "broken" / "defrel.ttl"
    path.parent.mkdir()
    path.write_text(ONTOLOGY.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    return path


# --- defrel ontology check ------------------------------------------------------------------


def test_the_ontology_is_consistent_and_every_class_satisfiable(runner) -> None:
    result = runner.invoke(main, ["ontology", "check", "--timing"])
    assert result.exit_code == 0, result.output
    head, verdict = result.stdout.splitlines()[:2]
    assert re.fullmatch(
        r"Ontology <https://w3id.org/defrel/ontology> version 0\.3\.1: 66 classes, "
        r"113 object properties, 66 datatype properties; \d+ axioms \(\d+ logical\)\.",
        head,
    ), head
    assert verdict == "Consistent; every class is satisfiable."
    assert re.search(r"HermiT: \d+\.\d\d s to load, \d+\.\d\d s to reason", result.stderr)


def test_an_individual_in_two_disjoint_classes_fails_with_the_axioms(runner, tmp_path) -> None:
    broken = broken_copy(
        tmp_path,
        "<https://example.org/sharif> a owl:NamedIndividual , defrel:Person , defrel:Country .",
    )
    result = runner.invoke(main, ["ontology", "check", str(broken)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[1:] == [
        "Inconsistent: no interpretation satisfies these axioms together:",
        "    DisjointClasses(defrel:City defrel:Country defrel:Facility defrel:Group "
        "defrel:LegalInstrument defrel:Organization defrel:Person defrel:Programme "
        "defrel:Region defrel:WaterBody defrel:WeaponSystem)",
        "    ClassAssertion(defrel:Country <https://example.org/sharif>)",
        "    ClassAssertion(defrel:Person <https://example.org/sharif>)",
        "  hint: remove or correct one of them",
    ]


def test_each_unsatisfiable_class_is_listed_with_its_axioms(runner, tmp_path) -> None:
    broken = broken_copy(
        tmp_path,
        "defrel:Chimera a owl:Class ; rdfs:subClassOf defrel:Person , defrel:Country .\n"
        "defrel:Cub a owl:Class ; rdfs:subClassOf defrel:Chimera .\n",
    )
    result = runner.invoke(main, ["ontology", "check", str(broken.parent)])  # a folder works too
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "Unsatisfiable class defrel:Chimera: nothing can be one, because of" in out
    assert "Unsatisfiable class defrel:Cub: nothing can be one, because of" in out
    cub = out.split("defrel:Cub:")[1]
    for axiom in (
        "SubClassOf(defrel:Cub defrel:Chimera)",
        "SubClassOf(defrel:Chimera defrel:Person)",
        "SubClassOf(defrel:Chimera defrel:Country)",
        "DisjointClasses(defrel:City defrel:Country",
    ):
        assert axiom in cub, axiom
    assert "Inconsistent" not in out  # classes can be empty in a consistent ontology


def test_bad_input_exits_2(runner, tmp_path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("defrel:X a owl:Class", encoding="utf-8")
    result = runner.invoke(main, ["ontology", "check", str(bad)])
    assert result.exit_code == 2 and "bad.ttl" in result.output, result.output
    shapes = ROOT / "shapes" / "defrel-shapes.ttl"
    shapes_copy = tmp_path / "shapes.ttl"
    shutil.copy(shapes, shapes_copy)
    graph = Graph().parse(shapes_copy)
    graph.remove((None, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")))
    graph.serialize(shapes_copy, format="turtle")
    result = runner.invoke(main, ["ontology", "check", str(shapes_copy)])
    assert result.exit_code == 2 and "expected one owl:Ontology, found 0" in result.output


def test_no_java_is_a_clear_error(runner, monkeypatch) -> None:
    monkeypatch.setattr(hermit.owlready2, "JAVA_EXE", "/nonexistent/java")
    monkeypatch.setenv("PATH", "/nonexistent")
    result = runner.invoke(main, ["ontology", "check"])
    assert result.exit_code == 2
    assert "needs a Java development kit" in result.output and "scripts/setup.sh" in result.output


# --- data with the ontology -----------------------------------------------------------------


def test_the_mapped_seed_is_consistent_under_hermit(runner, seed_dist: Path) -> None:
    result = runner.invoke(main, ["ontology", "check", "--data", str(seed_dist / "dataset.nq")])
    assert result.exit_code == 0, result.output
    assert "individuals of data." in result.stdout


def test_hermit_traces_a_contradiction_in_data_to_its_graph(runner, tmp_path) -> None:
    data = tmp_path / "data.trig"
    data.write_text(
        "@prefix defrel: <https://w3id.org/defrel/ontology#> .\n"
        "<https://example.org/g1> { <https://example.org/x> a defrel:Person . }\n"
        "<https://example.org/g2> { <https://example.org/x> a defrel:WeaponSystem . }\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["ontology", "check", "--data", str(data)])
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert (
        "ClassAssertion(defrel:Person <https://example.org/x>)\n      from graph <https://example.org/g1>"
        in out
    )
    assert (
        "ClassAssertion(defrel:WeaponSystem <https://example.org/x>)\n      from graph <https://example.org/g2>"
        in out
    )


def test_parse_axiom_gives_the_triples_of_assertions() -> None:
    x, y = URIRef("https://e.org/x"), URIRef("https://e.org/y")
    p = URIRef(DEFREL + "visitor")
    assert parse_axiom(f"ClassAssertion(<{DEFREL}Person> <{x}>)") == [
        (x, RDF.type, URIRef(DEFREL + "Person"))
    ]
    assert parse_axiom(f"ObjectPropertyAssertion(<{p}> <{x}> <{y}>)") == [(x, p, y)]
    assert parse_axiom(f"SubClassOf(<{x}> <{y}>)") == []


# --- dates and other datatypes outside the OWL 2 datatype map --------------------------------

VISIT = URIRef("https://example.org/visit")
OUTSIDE = {
    XSD.date: "2014-11-20",
    XSD.gYear: "2014",
    XSD.gYearMonth: "2014-08",
    XSD.gMonth: "--08",
    XSD.gDay: "---20",
    XSD.duration: "P1D",
}
INSIDE = {
    XSD.nonNegativeInteger: "10",
    XSD.positiveInteger: "4",
    XSD.decimal: "75.0",
    XSD.boolean: "true",
    XSD.anyURI: "https://example.org/a",
    XSD.string: "text",
    XSD.dateTime: "2014-11-20T10:00:00Z",
}


def dated_visit() -> Graph:
    g = Graph()
    g.add((VISIT, RDF.type, URIRef(DEFREL + "Visit")))
    for n, (datatype, text) in enumerate({**OUTSIDE, **INSIDE}.items()):
        g.add((VISIT, URIRef(f"https://example.org/p{n}"), Literal(text, datatype=datatype)))
    g.add((VISIT, URIRef("https://schema.org/name"), Literal("a visit", lang="en")))
    return g


def test_dates_are_kept_out_of_the_reasoners_input_and_nothing_else() -> None:
    kept, left_out = reasoner_input(ontology_graph() + dated_visit())
    datatypes = {o.datatype for o in kept.objects() if isinstance(o, Literal)}
    assert not datatypes & OUTSIDE.keys()
    assert INSIDE.keys() <= datatypes
    assert any(o.language == "en" for o in kept.objects(VISIT, None) if isinstance(o, Literal))
    assert left_out == {
        "xsd:date": 1, "xsd:gYear": 1, "xsd:gYearMonth": 1, "xsd:gMonth": 1, "xsd:gDay": 1,
        "xsd:duration": 1,
        "rdfs:range xsd:duration": 2,  # defrel:duration and defrel:period
    }  # fmt: skip


def test_hermit_accepts_dated_data_once_dates_are_kept_out() -> None:
    report = check_graph(ontology_graph() + dated_visit(), classify=False)
    assert report.consistent and report.counts["individuals"] >= 1


def test_hermit_refuses_xsd_date_which_is_why_dates_are_kept_out(tmp_path) -> None:
    g = Graph()
    g.add((VISIT, URIRef("https://schema.org/startDate"), Literal("2014-11-20", datatype=XSD.date)))
    g.add(
        (
            URIRef("https://schema.org/startDate"),
            RDF.type,
            URIRef("http://www.w3.org/2002/07/owl#DatatypeProperty"),
        )
    )
    raw = tmp_path / "raw.nt"
    g.serialize(raw, format="nt", encoding="utf-8")
    with pytest.raises(ReasonerError, match="XMLSchema#date"):
        hermit.run_driver([str(raw), "consistency", "explain"])


# --- the OWL 2 RL check of every build ------------------------------------------------------


def mini_with(tmp_path: Path, **extra: str) -> Path:
    """The small article of conftest, with lines added after an entity's label."""
    facts = MINI_FACTS
    for label, lines in extra.items():
        old = f"    label: {label}\n"
        assert facts.count(old) == 1
        facts = facts.replace(old, old + lines)
    return write_article(tmp_path / "in", facts)


def line_of(facts: Path, text: str) -> int:
    return facts.read_text(encoding="utf-8").splitlines().index(text) + 1


SAME = "https://example.org/id/159"  # one IRI two entities are said to be the same as


def test_build_reports_a_person_who_is_also_a_country_with_both_sources(runner, tmp_path) -> None:
    # Raheel Sharif given Russia's same_as IRI: owl:sameAs makes him the same individual.
    # (Not a Wikidata item: two entities with one item are refused before any reasoning.)
    facts = mini_with(tmp_path, **{"Raheel Sharif": f"    same_as: {SAME}\n"})
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace("    label: Russia\n", f"    label: Russia\n    same_as: {SAME}\n"),
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    result = runner.invoke(main, ["build", str(facts), "--out", str(out)])
    assert result.exit_code == 1, result.output
    sharif, russia = line_of(facts, "  - id: raheel-sharif"), line_of(facts, "  - id: russia")
    assert result.stdout.splitlines() == [
        "Inconsistent with the ontology: 1 problem(s).",
        "data:entity/russia, the same individual as data:entity/raheel-sharif, is both "
        "defrel:Country and defrel:Person, which the ontology says are disjoint "
        "(owl:AllDisjointClasses (defrel:Person defrel:Country defrel:City defrel:Region "
        "defrel:Organization defrel:Group defrel:WeaponSystem defrel:Facility defrel:WaterBody "
        "defrel:Programme defrel:LegalInstrument)):",
        f"  {facts}:{russia}: entity 'russia' (type: Country): "
        "data:entity/russia rdf:type defrel:Country",
        f"  {facts}:{sharif}: entity 'raheel-sharif' (type: Person): "
        "data:entity/raheel-sharif rdf:type defrel:Person",
        f"  {facts}:{russia}: entity 'russia' (type: Country): "
        f"data:entity/russia owl:sameAs {SAME}",
        f"  {facts}:{sharif}: entity 'raheel-sharif' (type: Person): "
        f"data:entity/raheel-sharif owl:sameAs {SAME}",
        "  hint: fix the type of one entity; if same_as joins two entities, give each its own "
        "Wikidata id",
    ]
    assert "Not built: the data contradicts the ontology" in result.output
    assert not out.exists()


def test_build_reports_same_as_against_different_from(runner, tmp_path) -> None:
    facts = mini_with(
        tmp_path,
        **{
            "United States": f"    same_as: {SAME}\n",
            "Russia": f"    same_as: {SAME}\n    different_from: [united-states]\n",
        },
    )
    result = runner.invoke(main, ["build", str(facts), "--out", str(tmp_path / "d")])
    assert result.exit_code == 1, result.output
    assert "Inconsistent with the ontology: 1 problem(s)." in result.stdout
    assert (
        "data:entity/russia and data:entity/united-states are said to be different and "
        "the same individual (owl:differentFrom, owl:sameAs):" in result.stdout
    )
    russia = line_of(facts, "  - id: russia")
    assert f"{facts}:{russia}: entity 'russia' (type: Country): " in result.stdout


def test_the_rl_check_finds_the_seed_consistent() -> None:
    articles = load_corpus([SEEDS])
    dataset = map_articles(articles, base=DEFAULT_BASE)
    assert find_conflicts(dataset, Locator(articles, base=DEFAULT_BASE)) == []
