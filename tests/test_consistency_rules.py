"""The ontology's property characteristics, as ``defrel build`` checks them (OWL 2 RL prp-irp,
prp-asyp, prp-fp): within one article and across two (where only the union of the articles
contradicts the ontology, which the fast build sees in the articles' summaries). Each is
refused with exit code 1, naming the facts file and line of every statement involved, and
nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI_FACTS, MINI_TEXT, triples_of, write_article
from rdflib import OWL, Dataset, Literal, URIRef

from mapper import load_corpus, map_articles
from mapper.checks.consistency import Locator, find_conflicts
from mapper.checks.reasoner import check_graph, parse_axiom
from mapper.checks.validate import ontology_graph
from mapper.cli.main import main
from mapper.rdf.vocab import DEFAULT_BASE, NS

ARTICLE = f"{DEFAULT_BASE}article/"
CAPITAL = "  - id: capital\n    type: City\n    label: the capital\n"  # a second name for a city
# The capital is said to be Washington through Washington's own IRI (one Wikidata item may
# name only one entity: the loader refuses wd:Q61 on both before any rule could run).
IS_WASHINGTON = f"    same_as: {DEFAULT_BASE}entity/washington\n"


def add(facts: str, label: str, lines: str) -> str:
    """``facts`` with ``lines`` added to the entity labelled ``label``."""
    old = f"    label: {label}\n"
    assert facts.count(old) == 1
    return facts.replace(old, old + lines)


def capital(facts: str, lines: str) -> str:
    """``facts`` with an entity 'capital' (a City) carrying ``lines``."""
    return facts.replace("  - id: united-states\n", CAPITAL + lines + "  - id: united-states\n")


def line_of(facts: Path, text: str) -> int:
    return facts.read_text(encoding="utf-8").splitlines().index(text) + 1


def build(runner, folder: Path, out: Path, code: int) -> str:
    result = runner.invoke(main, ["build", str(folder), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def refused(runner, tmp_path: Path, *, alone_builds: bool) -> str:
    """Build the articles of tmp_path/in: refused with exit code 1, nothing written; with
    ``alone_builds``, each article on its own builds."""
    folder = tmp_path / "in"
    if alone_builds:
        for facts in sorted(folder.glob("*.facts.yaml")):
            build(runner, facts, tmp_path / f"alone-{facts.name}", 0)
    output = build(runner, folder, tmp_path / "dist", 1)
    assert "Inconsistent with the ontology" in output
    assert "Not built: the data contradicts the ontology" in output
    assert not (tmp_path / "dist").exists()
    return output


def test_reciprocal_located_in_within_one_article(runner, tmp_path: Path) -> None:
    facts = add(MINI_FACTS, "Washington", "    located_in: united-states\n")
    facts = write_article(
        tmp_path / "in", add(facts, "United States", "    located_in: washington\n")
    )
    output = refused(runner, tmp_path, alone_builds=False)
    assert (
        "data:entity/united-states and data:entity/washington are defrel:locatedIn each other "
        "(defrel:locatedIn a owl:AsymmetricProperty):" in output
    )
    us, dc = line_of(facts, "  - id: united-states"), line_of(facts, "  - id: washington")
    assert f"  {facts}:{us}: entity 'united-states' (type: Country): " in output
    assert f"  {facts}:{dc}: entity 'washington' (type: City): " in output


def reciprocal_located_in(folder: Path) -> tuple[Path, Path]:
    """One article puts Washington in the United States, the other the reverse."""
    one = add(MINI_FACTS, "Washington", "    located_in: united-states\n")
    two = add(MINI_FACTS, "United States", "    located_in: washington\n")
    return write_article(folder, one, slug="one"), write_article(folder, two, slug="two")


def located_in_itself(folder: Path) -> tuple[Path, Path]:
    """One article puts the capital in Washington, the other says they are one place."""
    one = capital(MINI_FACTS, "    located_in: washington\n")
    two = capital(MINI_FACTS, IS_WASHINGTON)
    return write_article(folder, one, slug="one"), write_article(folder, two, slug="two")


def two_digests(folder: Path) -> tuple[Path, Path]:
    """Each article names the other's IRI as Russia's: the two articles, with two texts, are
    then one individual with two digests."""
    one = add(MINI_FACTS, "Russia", f"    same_as: {ARTICLE}two\n")
    two = add(MINI_FACTS, "Russia", f"    same_as: {ARTICLE}one\n")
    return (
        write_article(folder, one, slug="one"),
        write_article(folder, two, MINI_TEXT + "More.\n", slug="two"),
    )


def test_reciprocal_located_in_across_two_articles(runner, tmp_path: Path) -> None:
    one, two = reciprocal_located_in(tmp_path / "in")
    output = refused(runner, tmp_path, alone_builds=True)
    assert "(defrel:locatedIn a owl:AsymmetricProperty):" in output
    assert (
        f"  {one}:{line_of(one, '  - id: washington')}: entity 'washington' (type: City): "
        "data:entity/washington defrel:locatedIn data:entity/united-states" in output
    )
    assert (
        f"  {two}:{line_of(two, '  - id: united-states')}: entity 'united-states' "
        "(type: Country): data:entity/united-states defrel:locatedIn data:entity/washington"
        in output
    )


def test_located_in_itself_through_same_as_within_one_article(runner, tmp_path: Path) -> None:
    # Not `located_in: capital` on capital (the loader refuses that, exit 2), but a place
    # located in another name of itself.
    facts = capital(MINI_FACTS, IS_WASHINGTON + "    located_in: washington\n")
    facts = write_article(tmp_path / "in", facts)
    output = refused(runner, tmp_path, alone_builds=False)
    assert (
        "data:entity/capital, the same individual as data:entity/washington, is "
        "defrel:locatedIn itself (defrel:locatedIn a owl:IrreflexiveProperty):" in output
    )
    cap = line_of(facts, "  - id: capital")
    for where, statement in [
        (cap, "data:entity/capital defrel:locatedIn data:entity/washington"),
        (cap, "data:entity/capital owl:sameAs data:entity/washington"),
    ]:
        assert f"  {facts}:{where}: entity " in output and statement in output


def test_located_in_itself_across_two_articles(runner, tmp_path: Path) -> None:
    one, two = located_in_itself(tmp_path / "in")
    output = refused(runner, tmp_path, alone_builds=True)
    assert "is defrel:locatedIn itself (defrel:locatedIn a owl:IrreflexiveProperty):" in output
    assert (
        f"  {one}:{line_of(one, '  - id: capital')}: entity 'capital' (type: City): "
        "data:entity/capital defrel:locatedIn data:entity/washington" in output
    )
    assert (
        f"  {two}:{line_of(two, '  - id: capital')}: entity 'capital' (type: City): "
        "data:entity/capital owl:sameAs data:entity/washington" in output
    )


def digest_conflict(output: str, one: Path, two: Path) -> None:
    assert (
        "data:article/one, the same individual as data:article/two, has 2 values of "
        "defrel:sha256 (defrel:sha256 a owl:FunctionalProperty):" in output
    )
    assert f"  {one}:1: article 'one': data:article/one defrel:sha256 " in output
    assert f"  {two}:1: article 'two': data:article/two defrel:sha256 " in output


def test_two_digests_of_one_article_joined_within_one_article(runner, tmp_path: Path) -> None:
    # A facts file can state a functional value only once (an article has one digest), but
    # its same_as can make two articles, with two texts, one individual.
    same = f"    same_as: [{ARTICLE}one, {ARTICLE}two]\n"
    one = write_article(tmp_path / "in", add(MINI_FACTS, "Russia", same), slug="one")
    two = write_article(tmp_path / "in", MINI_FACTS, MINI_TEXT + "More.\n", slug="two")
    output = refused(runner, tmp_path, alone_builds=False)
    digest_conflict(output, one, two)
    russia = line_of(one, "  - id: russia")
    for other in ("one", "two"):
        assert (
            f"  {one}:{russia}: entity 'russia' (type: Country): "
            f"data:entity/russia owl:sameAs data:article/{other}" in output
        )


def test_two_digests_of_one_article_joined_across_two_articles(runner, tmp_path: Path) -> None:
    one, two = two_digests(tmp_path / "in")
    output = refused(runner, tmp_path, alone_builds=True)
    digest_conflict(output, one, two)
    assert f"  {one}:{line_of(one, '  - id: russia')}: entity 'russia' " in output
    assert f"  {two}:{line_of(two, '  - id: russia')}: entity 'russia' " in output


@pytest.mark.parametrize("same", [False, True])
def test_two_values_of_a_functional_property_in_one_graph(same: bool) -> None:
    # Data read from RDF can say it directly: one node, or two names of one node.
    article = URIRef(f"{ARTICLE}x")
    other = URIRef(f"{ARTICLE}y") if same else article
    dataset = Dataset()
    graph = dataset.graph(URIRef(f"{DEFAULT_BASE}graph/x"))
    graph.add((article, NS["defrel"].sha256, Literal("a" * 64)))
    graph.add((other, NS["defrel"].sha256, Literal("b" * 64)))
    graph.add((article, NS["defrel"].sha256, Literal("a" * 64)))
    if same:
        graph.add((article, OWL.sameAs, other))
    for other in ("a", "b", "c"):  # articles with one digest each, before and after it
        graph.add((URIRef(f"{ARTICLE}{other}"), NS["defrel"].sha256, Literal(other * 64)))
    (conflict,) = find_conflicts(dataset, Locator([], base=DEFAULT_BASE))
    assert conflict.axiom == "defrel:sha256 a owl:FunctionalProperty"
    assert conflict.message == (
        "data:article/x, the same individual as data:article/y, has 2 values of defrel:sha256"
        if same
        else "data:article/x has 2 values of defrel:sha256"
    )
    assert [s for _, s in conflict.statements][:2] == [
        f'data:article/x defrel:sha256 "{"a" * 64}"',
        f'data:article/{"y" if same else "x"} defrel:sha256 "{"b" * 64}"',
    ]


# --- an independent oracle: HermiT ----------------------------------------------------------


def _statement(text: str) -> object:
    """A statement as written in a conflict, owl:sameAs read both ways."""
    left, same, right = text.partition(" owl:sameAs ")
    return frozenset((left, right)) if same else text


@pytest.mark.parametrize("case", [reciprocal_located_in, located_in_itself, two_digests])
def test_hermit_finds_the_union_inconsistent_for_the_same_statements(case, tmp_path) -> None:
    # HermiT (OWL 2 DL, not our OWL 2 RL rules) on the ontology and the two articles' triples:
    # inconsistent, and the assertions of its justification are the statements of one of the
    # conflicts defrel reports. (The two digests have several justifications, one by the
    # disjointness of an article and a country that the same join causes: only the verdict
    # is compared there.)
    case(tmp_path / "in")
    articles = load_corpus([tmp_path / "in"])
    dataset = map_articles(articles, base=DEFAULT_BASE)
    locator = Locator(articles, base=DEFAULT_BASE)
    graph = triples_of(dataset)
    for triple in ontology_graph():
        graph.add(triple)
    report = check_graph(graph, classify=False)
    conflicts = find_conflicts(dataset, locator)
    assert not report.consistent and conflicts
    if case is two_digests:
        assert "defrel:sha256 a owl:FunctionalProperty" in {c.axiom for c in conflicts}
        return
    hermit = {
        _statement(locator.statement(t))
        for axiom in report.inconsistency
        for t in parse_axiom(axiom)
    }
    ours = [{_statement(s) for _, s in c.statements} for c in conflicts]
    assert hermit in ours, (report.inconsistency, ours)


def test_two_values_of_a_functional_object_property_are_one_individual() -> None:
    # prp-fp on an object property: a fact taken from two articles makes them one article,
    # which then has two digests. Three values: each joined to the first.
    fact = URIRef(f"{ARTICLE}x/fact/f")
    dataset = Dataset()
    graph = dataset.graph(URIRef(f"{DEFAULT_BASE}graph/x"))
    for name, digest in (("x", "a"), ("y", "b"), ("z", "b")):
        graph.add((fact, NS["defrel"].article, URIRef(f"{ARTICLE}{name}")))
        graph.add((URIRef(f"{ARTICLE}{name}"), NS["defrel"].sha256, Literal(digest * 64)))
    (conflict,) = find_conflicts(dataset, Locator([], base=DEFAULT_BASE))
    assert conflict.message == (
        "data:article/x, the same individual as data:article/y, data:article/z, "
        "has 2 values of defrel:sha256"
    )
    statements = [s for _, s in conflict.statements]
    assert statements[3:] == [
        "data:article/x/fact/f defrel:article data:article/y",
        "data:article/x/fact/f defrel:article data:article/z",
    ]


@pytest.mark.parametrize(
    ("prop", "axioms"),
    [
        # irreflexive only: a fact given as its own motive
        ("motivatedBy", ["defrel:motivatedBy a owl:IrreflexiveProperty"]),
        # irreflexive and asymmetric: a self-loop is one contradiction, not also a reciprocal
        ("partOfFact", ["defrel:partOfFact a owl:IrreflexiveProperty"]),
    ],
)
def test_a_self_loop_read_from_rdf_is_one_conflict(prop: str, axioms: list[str]) -> None:
    # The loader refuses a fact that names itself; data read from RDF can still say it.
    fact = URIRef(f"{ARTICLE}x/fact/f")
    dataset = Dataset()
    dataset.graph(URIRef(f"{DEFAULT_BASE}graph/x")).add((fact, NS["defrel"][prop], fact))
    conflicts = find_conflicts(dataset, Locator([], base=DEFAULT_BASE))
    assert [c.axiom for c in conflicts] == axioms
    assert conflicts[0].message == f"data:article/x/fact/f is defrel:{prop} itself"
