"""The corpus competency questions (``queries/corpus/``): each query gives its expected answer
on the news corpus of ``tests/corpus/`` with the inferred graphs that ``defrel build --infer``
adds, and every kind of format 0.3.0 that the corpus uses is asked about."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT
from rdflib import Dataset

from mapper.builder.pipeline import build_dataset
from mapper.checks.competency import competency_questions
from mapper.checks.infer import add_inferences
from mapper.facts.kinds import KINDS
from mapper.stores.query import run_query

CORPUS = ROOT / "tests" / "corpus"
QUESTIONS = {q.name: q for q in competency_questions(suite="corpus")}


@pytest.fixture(scope="module")
def corpus() -> Dataset:
    """The corpus loaded, mapped and inferred once. Conformance is not asked here (the corpus
    test builds and validates it): a question is about what the data says."""
    dataset, graphs = build_dataset([CORPUS])
    add_inferences(dataset, graphs)
    return dataset


def answer(name: str, dataset: Dataset) -> str:
    return run_query(QUESTIONS[name].query, dataset, fmt="csv").text.replace("\r\n", "\n")


def test_the_questions_are_plain_english_and_match_entities_by_iri() -> None:
    assert QUESTIONS
    for q in QUESTIONS.values():
        assert re.match(r"^\d{2}-[a-z0-9-]+$", q.name), q.name
        assert q.question[0].isupper() and q.question.endswith("?"), q.name
        assert q.expected_csv.count("\n") >= 2, f"{q.name}: an empty expected answer proves little"
        assert "PREFIX data: <https://w3id.org/defrel/data/>" in q.query, q.name
        assert re.search(r"\bdata:[a-z]+\\/", q.query), f"{q.name} names no entity or article"
        # entities are matched by IRI, never by label
        assert not re.search(r"(rdfs:label|skos:altLabel|schema:name)\s+\"", q.query), q.name


def test_every_new_kind_the_corpus_uses_is_asked_about() -> None:
    used = {
        fact["kind"]
        for path in CORPUS.glob("*.facts.yaml")
        for fact in yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]
    }
    new = {name for name in used if KINDS[name].since == "0.3.0"}
    asked = " ".join(q.query for q in QUESTIONS.values())
    missing = sorted(n for n in new if not re.search(rf"{KINDS[n].cls}\b", asked))
    assert not missing, f"no corpus question asks about the kinds {missing}"


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_each_question_gets_its_expected_answer(corpus: Dataset, name: str) -> None:
    assert answer(name, corpus) == QUESTIONS[name].expected_csv
