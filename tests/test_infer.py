"""``defrel build --infer``: what the ontology entails, materialised into a graph of its own
beside each article's graph, agreeing with a reference OWL 2 RL engine."""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from conftest import MINI_FACTS, write_article
from rdflib import OWL, RDF, BNode, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from mapper.checks.infer import add_inferences, inferred_graph_iri, inferred_triples, rules
from mapper.checks.validate import ontology_graph
from mapper.cli.main import main
from mapper.rdf.read import read_rdf
from mapper.rdf.vocab import NS

DEFREL, SCHEMA, PROV, ORG = NS["defrel"], NS["schema"], NS["prov"], NS["org"]
BASE = "https://example.org/news/"
DATA = "https://w3id.org/defrel/data/"

# The mini article with a post: Raheel Sharif, Pakistan's army chief, and a news desk job.
FACTS_WITH_POSTS = (
    MINI_FACTS.replace(
        "  - id: russia\n",
        "  - id: pakistan\n    type: Country\n    label: Pakistan\n"
        "  - id: dawn\n    type: NewsOrganization\n    label: Dawn\n"
        "  - id: reporter\n    type: Person\n    label: A reporter\n"
        "  - id: russia\n",
    )
    + """\
  - id: army-chief
    kind: post
    holder: raheel-sharif
    title: Chief of Army Staff
    organization: pakistan
    evidence: ["Gen.\u00a0Raheel Sharif"]
  - id: desk
    kind: post
    holder: reporter
    title: Editor
    organization: dawn
    evidence: ["Big News"]
"""
)


@pytest.fixture(scope="module")
def mini_built(tmp_path_factory, runner_module) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("infer")
    facts = write_article(folder / "in", FACTS_WITH_POSTS)
    out = folder / "dist"
    result = runner_module.invoke(
        main, ["build", str(facts), "--out", str(out), "--base", BASE, "--infer"]
    )
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def runner_module():
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture(scope="module")
def seed(seed_dist: Path) -> Dataset:
    dataset = read_rdf([seed_dist / "dataset.nq"])
    graphs = {str(g.identifier).rsplit("/", 1)[1]: g.identifier for g in dataset.graphs() if len(g)}
    add_inferences(dataset, graphs)
    return dataset


def graph(dataset: Dataset, name: str) -> Graph:
    return dataset.graph(URIRef(name))


# --- the rules ------------------------------------------------------------------------------


def test_the_rules_come_from_the_ontology() -> None:
    r = rules()
    assert {SCHEMA.Event, PROV.Activity, DEFREL.Fact} <= r.superclasses(DEFREL.Visit)
    assert ORG.member in r.super_props[DEFREL.holder]
    assert SCHEMA.location in r.super_props[DEFREL.place]
    assert DEFREL.concurrentWith in r.symmetric
    assert ORG.holds in r.inverses[ORG.heldBy]
    assert {c for c, _ in r.defined} == {DEFREL.GovernmentPost, DEFREL.GovernmentOfficial}


# --- on the seed ----------------------------------------------------------------------------


def test_a_defence_minister_is_a_government_official(seed: Dataset) -> None:
    shoigu = URIRef(DATA + "entity/sergei-shoigu")
    article = URIRef(DATA + "graph/pakistan-courts-us-and-russia-on-defense")
    assert (shoigu, RDF.type, DEFREL.GovernmentOfficial) not in graph(seed, article)
    assert (shoigu, RDF.type, DEFREL.GovernmentOfficial) in seed.graph(inferred_graph_iri(article))
    officials = set(seed.subjects(RDF.type, DEFREL.GovernmentOfficial))
    assert {str(o).rsplit("/", 1)[1] for o in officials} == {
        "sergei-shoigu", "nawaz-sharif", "raheel-sharif", "sartaj-aziz",
    }  # fmt: skip


def test_every_event_is_a_schema_event_and_a_prov_activity(seed: Dataset) -> None:
    events = set(seed.subjects(RDF.type, DEFREL.Event))
    assert len(events) >= 15
    for event in events:
        assert (event, RDF.type, SCHEMA.Event) in seed
        assert (event, RDF.type, PROV.Activity) in seed


def test_asserted_and_inferred_triples_stay_apart(seed: Dataset, seed_dist: Path) -> None:
    asserted = read_rdf([seed_dist / "dataset.nq"])
    for name in {g.identifier for g in asserted.graphs() if len(g)}:
        own, entailed = graph(seed, name), seed.graph(inferred_graph_iri(name))
        assert len(own) == len(graph(asserted, name))
        assert len(entailed) > 100
        assert not set(own) & set(entailed)


def test_super_properties_and_symmetry_are_materialised(seed: Dataset) -> None:
    shoigu_visit = URIRef(
        DATA + "article/pakistan-courts-us-and-russia-on-defense/fact/shoigu-visit-pakistan"
    )
    sharif_visit = URIRef(
        DATA
        + "article/pakistan-courts-us-and-russia-on-defense/fact/raheel-sharif-visit-united-states"
    )
    assert (shoigu_visit, DEFREL.concurrentWith, sharif_visit) in seed
    washington = URIRef(DATA + "entity/washington")
    assert (washington, SCHEMA.containedInPlace, URIRef(DATA + "entity/united-states")) in seed
    holding = URIRef(
        DATA + "article/pakistan-courts-us-and-russia-on-defense/fact/shoigu-defense-minister"
    )
    assert (holding, ORG.member, URIRef(DATA + "entity/sergei-shoigu")) in seed


# --- defrel build --infer -------------------------------------------------------------------


def test_build_infer_writes_the_inferred_graph_into_the_datasets(mini_built) -> None:
    out, output = mini_built
    assert "Inferred " in output and "into 1 graph(s) named <article graph>/inferred." in output
    nq = read_rdf([out / "dataset.nq"])
    inferred = nq.graph(URIRef(BASE + "graph/mini/inferred"))
    sharif, reporter = URIRef(BASE + "entity/raheel-sharif"), URIRef(BASE + "entity/reporter")
    assert (sharif, RDF.type, DEFREL.GovernmentOfficial) in inferred
    # An editor at a newspaper holds a post, but not a government one.
    assert (reporter, RDF.type, DEFREL.GovernmentOfficial) not in nq
    assert BASE + "graph/mini/inferred" in (out / "dataset.jsonld").read_text(encoding="utf-8")
    # Turtle has no graphs: dataset.ttl and the article files keep to what the article says.
    assert (sharif, RDF.type, DEFREL.GovernmentOfficial) not in Graph().parse(out / "dataset.ttl")
    assert "inferred" not in (out / "articles" / "mini.ttl").read_text(encoding="utf-8")


def test_the_built_dataset_with_inferences_still_validates(runner, mini_built) -> None:
    out, _ = mini_built
    result = runner.invoke(main, ["validate", str(out / "dataset.nq"), "--base", BASE])
    assert result.exit_code == 0, result.output


def test_inference_is_deterministic(runner, tmp_path, mini_built) -> None:
    out, _ = mini_built
    facts = write_article(tmp_path / "in", FACTS_WITH_POSTS)
    again = tmp_path / "again"
    result = runner.invoke(
        main, ["build", str(facts), "--out", str(again), "--base", BASE, "--infer"]
    )
    assert result.exit_code == 0, result.output
    assert (again / "dataset.nq").read_bytes() == (out / "dataset.nq").read_bytes()


# --- against a reference OWL 2 RL engine ---------------------------------------------------


def test_agrees_with_owlrl_on_every_named_class_and_property(mini_built) -> None:
    out, _ = mini_built
    data = read_rdf([out / "dataset.nq"]).graph(URIRef(BASE + "graph/mini"))
    ours = inferred_triples(data)
    closure = Graph()
    closure += data
    closure += ontology_graph()
    # improved_datatypes=False: owlrl would otherwise swap rdflib's literal parsers for the
    # whole process (and break xsd:gMonth for every later test).
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, improved_datatypes=False
    ).expand(closure)
    nodes = set(data.subjects())  # the individuals (classes are only objects of rdf:type)
    aliases = set(data.objects(None, OWL.sameAs))  # equality is not copied across individuals
    theirs = {
        (s, p, o)
        for s, p, o in closure
        if s in nodes and (s, p, o) not in data and not isinstance(o, BNode)
        and o != OWL.Thing and p != OWL.sameAs and o not in aliases and o != s
    }  # fmt: skip
    assert set(ours) <= theirs, set(ours) - theirs
    missing = theirs - set(ours)
    assert not missing, sorted(missing)[:10]


# --- the per-article build against the reference pipeline ---------------------------------


def _graphs(path: Path, fmt: str) -> dict:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def test_inferred_graphs_are_the_reference_pipelines(tmp_path: Path) -> None:
    """Inference runs per article in the build's workers: the same graphs, graph by graph,
    as the in-memory pipeline's ``add_inferences`` over the whole dataset."""
    import shutil

    from conftest import SEEDS
    from reference_pipeline import classic_build

    from mapper.builder.fastbuild import fast_build

    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    write_article(inputs, FACTS_WITH_POSTS)
    fast = fast_build([inputs], out=tmp_path / "fast", base=BASE, jobs=2, infer=True)
    classic = classic_build([inputs], out=tmp_path / "classic", base=BASE, infer=True)
    assert fast.ok and classic.ok
    assert fast.inferred == classic.inferred and len(fast.inferred) == 2
    assert fast.inferred_triples == classic.inferred_triples > 200
    for name, fmt in (("dataset.nq", "nquads"), ("dataset.jsonld", "json-ld")):
        ours, theirs = (
            _graphs(tmp_path / "fast" / name, fmt),
            _graphs(tmp_path / "classic" / name, fmt),
        )
        assert sorted(ours) == sorted(theirs) and len(ours) == 4, name
        for iri in ours:
            assert isomorphic(ours[iri], theirs[iri]), (name, iri)


def test_an_inferring_rebuild_is_incremental(tmp_path: Path) -> None:
    from mapper.builder.fastbuild import fast_build

    inputs, out = tmp_path / "in", tmp_path / "dist"
    write_article(inputs, FACTS_WITH_POSTS, slug="one")
    write_article(inputs, FACTS_WITH_POSTS, slug="two")
    assert fast_build([inputs], out=out, base=BASE, jobs=1, infer=True).reused == 0
    write_article(inputs, FACTS_WITH_POSTS.replace("max: 75", "max: 60"), slug="two")
    again = fast_build([inputs], out=out, base=BASE, jobs=1, infer=True)
    assert again.ok and again.reused == 1 and len(again.inferred) == 2
    full = fast_build([inputs], out=tmp_path / "full", base=BASE, jobs=1, infer=True)
    for name in ("dataset.nq", "dataset.jsonld", "dataset.ttl"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    assert again.inferred_triples == full.inferred_triples
    # without --infer the recipe differs: everything is built again, with no inferred graph
    plain = fast_build([inputs], out=out, base=BASE, jobs=1)
    assert plain.ok and plain.reused == 0 and not plain.inferred
    assert b"/inferred>" not in (out / "dataset.nq").read_bytes()
