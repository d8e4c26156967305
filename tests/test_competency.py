"""The competency questions: each query gives its expected answer on the seed article with
the inferred graphs that ``defrel build --infer`` writes; some need those graphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from mapper.checks.competency import competency_questions
from mapper.checks.infer import add_inferences
from mapper.rdf.read import read_rdf
from mapper.stores.query import run_query

QUESTIONS = {q.name: q for q in competency_questions()}


def article_graphs(dataset: Dataset) -> dict:
    return {str(g.identifier).rsplit("/", 1)[1]: g.identifier for g in dataset.graphs() if len(g)}


@pytest.fixture(scope="module")
def asserted(seed_dist: Path) -> Dataset:
    return read_rdf([seed_dist / "dataset.nq"])


@pytest.fixture(scope="module")
def inferred(seed_dist: Path) -> Dataset:
    dataset = read_rdf([seed_dist / "dataset.nq"])
    add_inferences(dataset, article_graphs(dataset))
    return dataset


def answer(name: str, dataset: Dataset) -> str:
    return run_query(QUESTIONS[name].query, dataset, fmt="csv").text.replace("\r\n", "\n")


def test_there_are_at_least_twelve_plain_english_questions() -> None:
    assert len(QUESTIONS) >= 12
    for q in QUESTIONS.values():
        assert q.question[0].isupper() and q.question.endswith("?"), q.name
        assert q.expected_csv.count("\n") >= 2, f"{q.name}: an empty expected answer proves little"
    asked = {q.question for q in QUESTIONS.values()}
    assert {
        "Which countries supply arms to India, with share and year?",
        "Who held which post at the time of the visit?",
        "What did Raheel Sharif say, where, and with which words of the article?",
    } <= asked


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_each_question_gets_its_expected_answer(inferred: Dataset, name: str) -> None:
    assert answer(name, inferred) == QUESTIONS[name].expected_csv


def test_the_answers_are_the_article_s_own(inferred: Dataset) -> None:
    from conftest import SEED_SLUG, SEEDS

    text = (SEEDS / f"{SEED_SLUG}.txt").read_text(encoding="utf-8")
    for name in ("03-what-raheel-sharif-said", "16-evidence-for-russian-supply"):
        rows = [line.rsplit(",", 2) for line in answer(name, inferred).splitlines()[1:]]
        for head, start, end in rows:
            quote = text[int(start) : int(end)]
            assert head.endswith((quote, f'"{quote}"')), (name, quote)


@pytest.mark.parametrize(
    "name", ["04-government-officials", "12-at-the-same-time", "14-events-in-the-united-states"]
)
def test_some_questions_need_the_inferred_graph(asserted: Dataset, inferred: Dataset, name) -> None:
    without, with_ = answer(name, asserted), answer(name, inferred)
    assert len(without.splitlines()) < len(with_.splitlines()), name
