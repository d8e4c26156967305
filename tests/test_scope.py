"""Format 0.3.2: ``scope: article``, an entity that is its article's own (an unnamed source, a
group the story describes), minted under the article: the same id in two articles is two
nodes, and the archive's entity of that id is left alone. Cheap: no build of a corpus."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import write_article
from rdflib import RDF, Literal, URIRef

from mapper.checks.consistency import Locator
from mapper.cli.main import main
from mapper.draft.make.drafter import draft_text
from mapper.draft.names.archive import archive_entities
from mapper.facts.corpus import summary_of
from mapper.facts.load import load_corpus
from mapper.publish.render.describe import Catalogue
from mapper.rdf.mapping import map_articles

DATA = "https://w3id.org/defrel/data/"
SCHEMA_NAME = URIRef("https://schema.org/name")
SPEAKER = URIRef("https://w3id.org/defrel/ontology#speaker")

TEXT = "Talks\n\nA Western diplomat said the talks in Lisbon had stalled.\n"


def facts(label: str, scope: str | None = "article", extra: str = "") -> str:
    line = f"\n    scope: {scope}" if scope else ""
    return f"""\
article:
  headline: Talks
  date_published: 2025-03-05
entities:
  - id: western-diplomat
    type: Person{line}
    label: {label}
    evidence: ["A Western diplomat"]{extra}
facts:
  - id: stalled
    kind: statement
    speaker: western-diplomat
    content: the talks in Lisbon had stalled
    evidence: ["said the talks in Lisbon had stalled"]
"""


def objects(data, s, p) -> set:
    return {o for _, _, o, _ in data.quads((s, p, None, None))}


def three(folder: Path) -> list:
    """Two articles with their own western-diplomat, a third with the archive's."""
    write_article(folder, facts("Western diplomat in Lisbon"), TEXT, slug="lisbon")
    write_article(folder, facts("Western diplomat at the talks"), TEXT, slug="talks")
    write_article(folder, facts("a Western diplomat", scope=None), TEXT, slug="plain")
    return load_corpus([folder])


def test_the_same_local_id_in_two_articles_is_two_nodes_and_the_archive_s_is_untouched(tmp_path):
    articles = three(tmp_path / "in")  # no "one entity, one label" error: they are not one
    assert [sorted(a.local_ids) for a in articles] == [
        ["western-diplomat"],
        [],
        ["western-diplomat"],
    ]
    assert [e.id for e in summary_of(articles[0]).entities] == []  # nothing for others to check
    data = map_articles(articles)
    people = {
        str(s): str(o)
        for s, _, o, _ in data.quads((None, SCHEMA_NAME, None, None))
        if str(s).endswith("/western-diplomat")
    }
    assert people == {
        f"{DATA}article/lisbon/entity/western-diplomat": "Western diplomat in Lisbon",
        f"{DATA}article/talks/entity/western-diplomat": "Western diplomat at the talks",
        f"{DATA}entity/western-diplomat": "a Western diplomat",
    }
    for slug in ("lisbon", "talks"):  # every reference inside the article: its own node
        said = URIRef(f"{DATA}article/{slug}/fact/stalled")
        assert objects(data, said, SPEAKER) == {
            URIRef(f"{DATA}article/{slug}/entity/western-diplomat")
        }
    plain = URIRef(f"{DATA}article/plain/fact/stalled")
    assert objects(data, plain, SPEAKER) == {URIRef(f"{DATA}entity/western-diplomat")}
    # the consistency check's locator names the same node, with its file and line
    where = Locator(articles, base=DATA).source(
        URIRef(f"{DATA}graph/talks"), URIRef(f"{DATA}article/talks/entity/western-diplomat")
    )
    assert where is not None and where.startswith(f"{tmp_path / 'in' / 'talks.facts.yaml'}:5:")


def test_a_local_entity_is_a_resource_of_its_own_with_its_evidence(tmp_path):
    data = map_articles(three(tmp_path / "in"))
    cat = Catalogue.of_quads(data.quads((None, None, None, None)))
    own = URIRef(f"{DATA}article/lisbon/entity/western-diplomat")
    assert own in cat.resources and own not in cat.details
    assert URIRef("https://schema.org/Person") in objects(data, own, RDF.type)
    assert cat.below(own) and all(str(d).startswith(f"{own}/evidence/") for d in cat.below(own))
    assert cat.label(own) == "Western diplomat in Lisbon"


def _refused(runner, folder: Path, tmp_path: Path) -> str:
    result = runner.invoke(main, ["build", str(folder), "--out", str(tmp_path / "dist")])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "dist").exists()
    return result.output


REGISTRY = """\
entities:
  - id: western-diplomat
    type: Person
    label: Western diplomat
"""


def test_a_registry_entity_cannot_be_an_article_s_own(runner, tmp_path):
    folder = tmp_path / "in"
    write_article(folder, facts("a Western diplomat", scope=None), TEXT, slug="plain")
    (folder / "entities.yaml").write_text(
        REGISTRY.replace("    type: Person\n", "    type: Person\n    scope: article\n"),
        encoding="utf-8",
    )
    out = _refused(runner, folder, tmp_path)
    assert f"{folder / 'entities.yaml'}:4" in out
    assert "a registry entity is the archive's, it cannot have scope: article" in out


def test_a_local_id_the_registry_declares_is_refused_saying_which_to_rename(runner, tmp_path):
    folder = tmp_path / "in"
    write_article(folder, facts("Western diplomat"), TEXT, slug="lisbon")
    (folder / "entities.yaml").write_text(REGISTRY, encoding="utf-8")
    out = _refused(runner, folder, tmp_path)
    assert f"{folder / 'lisbon.facts.yaml'}:5" in out
    assert "is this article's own (scope: article) but the registry declares the id" in out
    assert f"{folder / 'entities.yaml'}:2" in out and "give the article's entity another id" in out


def test_an_unknown_scope_and_a_wikidata_item_on_a_local_entity_are_refused(runner, tmp_path):
    folder = tmp_path / "in"
    write_article(folder, facts("Western diplomat", scope="global"), TEXT, slug="lisbon")
    out = _refused(runner, folder, tmp_path)
    assert "lisbon.facts.yaml:7" in out and "'global' is not a value 'scope' takes" in out
    assert "use one of: archive, article" in out
    write_article(
        folder, facts("Western diplomat", extra="\n    same_as: wd:Q42"), TEXT, slug="lisbon"
    )
    out = _refused(runner, folder, tmp_path)
    assert "lisbon.facts.yaml:10" in out and "is no Wikidata item" in out


def test_defrel_entities_and_the_drafter_s_archive_skip_an_article_s_own(runner, tmp_path):
    folder = tmp_path / "in"
    three(folder)
    listed = runner.invoke(main, ["entities", "--in", str(folder), "--json", "western"])
    assert listed.exit_code == 0, listed.output
    assert '"declared_in"' in listed.output and "plain.facts.yaml" in listed.output
    assert "lisbon.facts.yaml" not in listed.output and "talks.facts.yaml" not in listed.output
    known, _ = archive_entities(folder)
    assert [(k.id, k.label) for k, _ in known] == [("western-diplomat", "a Western diplomat")]
    (folder / "plain.facts.yaml").unlink()
    assert archive_entities(folder)[0] == ()  # the two left are their articles' own


def test_the_drafter_writes_the_scope_of_an_unnamed_speaker_not_of_a_named_person(runner, tmp_path):
    from mapper.draft.make.writer import without_marks
    from mapper.facts.load import load_facts

    text = (
        "Talks stall\n\nLISBON — A Western diplomat said on Monday that the talks had stalled. "
        "Defence Minister Ana Ribeiro said Portugal would keep talking.\n"
    )
    drafted = {e["id"]: e for e in draft_text(text, text_name="x.txt").entities}
    assert drafted["western-diplomat"]["scope"] == "article"
    spoke = "Talks\n\nA State Department spokesperson said on Monday that the talks had stalled.\n"
    by_body = {e["id"]: e for e in draft_text(spoke, text_name="x.txt").entities}
    assert by_body["state-department-spokesperson"]["scope"] == "article"
    assert "scope" not in by_body["us-state-department"]
    assert list(drafted["western-diplomat"])[:3] == ["id", "type", "scope"]
    assert drafted["ana-ribeiro"]["type"] == "Person" and "scope" not in drafted["ana-ribeiro"]
    article = tmp_path / "talks.txt"
    article.write_text(text, encoding="utf-8")
    assert runner.invoke(main, ["draft", str(article)]).exit_code == 0
    out = tmp_path / "talks.facts.yaml"
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    scopes = {e["id"]: e.get("scope") for e in written["entities"]}
    assert scopes["western-diplomat"] == "article" and scopes["ana-ribeiro"] is None
    out.write_text(without_marks(out.read_text(encoding="utf-8")), encoding="utf-8")
    loaded = load_facts(out)
    assert "western-diplomat" in loaded.local_ids and "ana-ribeiro" not in loaded.local_ids


def test_the_drafter_declares_no_local_entity_of_an_id_the_registry_has(tmp_path):
    from mapper.facts.registry import load_registry

    (tmp_path / "entities.yaml").write_text(REGISTRY, encoding="utf-8")
    registry = load_registry((tmp_path / "entities.yaml",))
    text = "Talks\n\nA Western diplomat said on Monday that the talks had stalled.\n"
    alone = draft_text(text, text_name="x.txt")
    assert "western-diplomat" in {e["id"] for e in alone.entities}
    drafted = draft_text(text, text_name="x.txt", registry=registry)
    assert "western-diplomat" not in {e["id"] for e in drafted.entities}


def test_an_archive_entity_may_say_its_scope_and_is_unchanged(tmp_path):
    folder = tmp_path / "in"
    write_article(folder, facts("a Western diplomat", scope="archive"), TEXT, slug="plain")
    (article,) = load_corpus([folder])
    assert article.local_ids == frozenset()
    data = map_articles([article])
    names = objects(data, URIRef(f"{DATA}entity/western-diplomat"), SCHEMA_NAME)
    assert names == {Literal("a Western diplomat", lang="en")}


def test_the_site_gives_a_local_entity_its_own_page_under_its_article(seed_site: Path):
    # the seed's "critics in the United States" are its article's own (scope: article)
    here = seed_site / "article" / "pakistan-courts-us-and-russia-on-defense" / "entity"
    page = (here / "critics-in-the-united-states.html").read_text(encoding="utf-8")
    assert "critics in the United States" in page
    assert (here / "critics-in-the-united-states.ttl").is_file()
    assert not (seed_site / "entity" / "critics-in-the-united-states.html").exists()
    assert (seed_site / "entity" / "pakistan.html").is_file()  # the archive's stay where they were
