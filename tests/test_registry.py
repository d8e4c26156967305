"""The archive's entity registry (``entities.yaml`` / ``entities/``) and ``defrel entities``."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import write_article
from rdflib import Dataset, Literal, URIRef

from mapper.cli.main import main
from mapper.errors import FactsError
from mapper.facts.load import load_corpus, load_facts

DATA = "https://w3id.org/defrel/data/"

REGISTRY = """\
entities:
  - id: pakistan
    type: Country
    label: Pakistan
    same_as: wd:Q843
  - id: islamabad
    type: City
    label: Islamabad
    located_in: pakistan
  - id: pakistan-army
    type: MilitaryOrganization
    label: Pakistan Army
    aliases: [the army]
    part_of: pakistan
"""

TEXT = "Parade\n\nThe Pakistan Army held a parade in Islamabad on Monday. Pakistan said so.\n"

FACTS = """\
article:
  headline: Parade
  date_published: 2025-03-05
facts:
  - id: parade
    kind: conference
    event_type: parade
    host: pakistan-army
    places: islamabad
    evidence: ["held a parade in Islamabad"]
"""


def archive(tmp_path: Path, registry: str = REGISTRY, facts: str = FACTS, **kw) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir(exist_ok=True)
    (folder / "entities.yaml").write_text(textwrap.dedent(registry), encoding="utf-8")
    write_article(folder, facts, TEXT, slug=kw.get("slug", "parade"))
    return folder


def test_a_facts_file_refers_to_registry_entities_without_declaring_them(tmp_path):
    folder = archive(tmp_path)
    article = load_facts(folder / "parade.facts.yaml")
    by_id = {e.id: e for e in article.entities}
    # the referenced ones, and what they refer to in turn (islamabad -> pakistan)
    assert set(by_id) == {"pakistan-army", "islamabad", "pakistan"}
    assert by_id["islamabad"].origin == str(folder / "entities.yaml")
    assert by_id["pakistan-army"].values["aliases"] == ("the army",)


def test_a_registry_entity_is_published_in_the_article_graph(tmp_path, runner):
    folder = archive(tmp_path)
    out = tmp_path / "dist"
    result = runner.invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = Dataset()
    data.parse(out / "dataset.nq", format="nquads")
    army = URIRef(DATA + "entity/pakistan-army")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    labels = {o for _, _, o, _ in data.quads((army, label, None, None))}
    assert labels == {Literal("Pakistan Army", lang="en")}


def test_an_unknown_id_is_still_an_error(tmp_path):
    folder = archive(tmp_path, facts=FACTS.replace("host: pakistan-army", "host: pakistan-navy"))
    with pytest.raises(FactsError, match="unknown entity 'pakistan-navy'"):
        load_facts(folder / "parade.facts.yaml")


def test_an_inline_label_that_contradicts_the_registry_names_both_places(tmp_path):
    facts = FACTS + textwrap.dedent("""\
        entities:
          - id: pakistan-army
            type: MilitaryOrganization
            label: Pak Army
            evidence: ["Pakistan Army"]
        """)
    folder = archive(tmp_path, facts=facts)
    with pytest.raises(FactsError) as caught:
        load_facts(folder / "parade.facts.yaml")
    message = str(caught.value)
    assert "'Pak Army' here but 'Pakistan Army' in the registry" in message
    assert f"{folder / 'entities.yaml'}:10" in message  # the registry's place
    assert "parade.facts.yaml:" in message  # and the facts file's


def test_an_inline_declaration_that_agrees_adds_evidence(tmp_path):
    facts = FACTS + textwrap.dedent("""\
        entities:
          - id: pakistan-army
            type: MilitaryOrganization
            label: Pakistan Army
            evidence: ["Pakistan Army"]
        """)
    article = load_facts(archive(tmp_path, facts=facts) / "parade.facts.yaml")
    army = next(e for e in article.entities if e.id == "pakistan-army")
    assert army.origin is None and len(army.evidence) == 1


def test_an_inline_wikidata_id_owned_by_another_registry_id_is_refused(tmp_path):
    facts = FACTS + textwrap.dedent("""\
        entities:
          - id: islamic-republic-of-pakistan
            type: Country
            label: Islamic Republic of Pakistan
            same_as: wd:Q843
        """)
    folder = archive(tmp_path, facts=facts)
    with pytest.raises(
        FactsError,
        match=r"Q843 names entity 'islamic-republic-of-pakistan' here "
        r"but 'pakistan' in the registry \(.*entities.yaml:2\)",
    ):
        load_facts(folder / "parade.facts.yaml")


@pytest.mark.parametrize(
    "registry, message",
    [
        (
            REGISTRY + "  - id: pakistan\n    type: Country\n    label: Pakistan\n",
            "duplicate id 'pakistan'",
        ),
        (
            REGISTRY + "  - id: islamic-republic\n    type: Country\n    label: IRP\n"
            "    same_as: wd:Q843\n",
            "Q843 names both 'pakistan'",
        ),
        (
            REGISTRY
            + "  - id: lahore\n    type: City\n    label: Lahore\n    located_in: punjab\n",
            "unknown entity 'punjab'",
        ),
        (
            REGISTRY + "  - id: lahore\n    type: City\n    label: Lahore\n"
            "    evidence: [Lahore]\n",
            "a registry entity has no evidence",
        ),
        (REGISTRY + "  - id: lahore\n    type: Town\n    label: Lahore\n", "Town"),
        ("- pakistan\n", "a mapping with one key, entities:"),
    ],
)
def test_a_bad_registry_is_refused_with_its_file_and_line(tmp_path, registry, message):
    folder = archive(tmp_path, registry=registry)
    with pytest.raises(FactsError) as caught:
        load_facts(folder / "parade.facts.yaml")
    assert message in str(caught.value)
    assert "entities.yaml" in str(caught.value)


def test_a_registry_folder_of_files(tmp_path):
    folder = tmp_path / "archive"
    (folder / "entities").mkdir(parents=True)
    (folder / "entities" / "states.yaml").write_text(
        "entities:\n  - id: pakistan\n    type: Country\n    label: Pakistan\n"
    )
    (folder / "entities" / "places.yaml").write_text(
        "entities:\n  - id: islamabad\n    type: City\n    label: Islamabad\n"
        "    located_in: pakistan\n"
        "  - id: pakistan-army\n    type: MilitaryOrganization\n    label: Pakistan Army\n"
    )
    write_article(folder, FACTS, TEXT, slug="parade")
    article = load_facts(folder / "parade.facts.yaml")
    assert {e.id for e in article.entities} == {"pakistan-army", "islamabad", "pakistan"}


def test_the_registry_is_found_above_only_up_to_root(tmp_path):
    folder = archive(tmp_path)
    nested = folder / "2025" / "03"
    write_article(nested, FACTS, TEXT, slug="nested")
    with pytest.raises(FactsError, match="unknown entity"):
        load_facts(nested / "nested.facts.yaml")  # no root: only its own folder
    article = load_facts(nested / "nested.facts.yaml", root=folder)
    assert "pakistan-army" in {e.id for e in article.entities}


def test_articles_that_use_one_registry_agree(tmp_path):
    folder = archive(tmp_path)
    write_article(folder, FACTS, TEXT, slug="parade-again")
    articles = load_corpus([folder])
    assert sorted(a.slug for a in articles) == ["parade", "parade-again"]


def test_editing_the_registry_rebuilds_the_articles_that_use_it(tmp_path, runner):
    folder = archive(tmp_path)
    out = tmp_path / "dist"
    assert runner.invoke(main, ["build", str(folder), "--out", str(out)]).exit_code == 0
    registry = folder / "entities.yaml"
    registry.write_text(REGISTRY.replace("label: Pakistan Army", "label: Army of Pakistan"))
    result = runner.invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Army of Pakistan" in (out / "dataset.nq").read_text(encoding="utf-8")


def test_defrel_entities_finds_by_label_alias_id_and_wikidata(tmp_path, runner):
    folder = archive(tmp_path)
    by_label = runner.invoke(main, ["entities", "--in", str(folder), "islam"])
    assert by_label.exit_code == 0
    assert by_label.output.startswith("islamabad\tCity\tIslamabad")
    by_alias = runner.invoke(main, ["entities", "--in", str(folder), "THE ARMY"])
    assert by_alias.output.split("\t")[0] == "pakistan-army"
    assert "1 article(s)" in by_alias.output
    by_item = runner.invoke(main, ["entities", "--in", str(folder), "--json", "wd:Q843"])
    rows = json.loads(by_item.output)
    assert [r["id"] for r in rows] == ["pakistan"]
    assert rows[0]["registry"].endswith("entities.yaml:2")
    everything = runner.invoke(main, ["entities", "--in", str(folder), "--type", "City"])
    assert [line.split("\t")[0] for line in everything.output.splitlines()] == ["islamabad"]


def test_defrel_entities_exit_codes(tmp_path, runner):
    folder = archive(tmp_path)
    none = runner.invoke(main, ["entities", "--in", str(folder), "narnia"])
    assert none.exit_code == 1
    assert "No entity matches 'narnia'" in none.output
    bad_type = runner.invoke(main, ["entities", "--in", str(folder), "--type", "Town"])
    assert bad_type.exit_code == 2
    (folder / "broken.facts.yaml").write_text("facts: [\n")
    broken = runner.invoke(main, ["entities", "--in", str(folder), "pakistan"])
    assert broken.exit_code == 2  # reported, and the rest still listed
    assert "broken.facts.yaml" in broken.output
    assert "pakistan\tCountry" in broken.output
