"""The ontology's competency questions: the questions it must answer, each a SPARQL query with
its expected answer. Two suites: ``competency`` on the seed article (``queries/competency/``)
and ``corpus`` on the news corpus of ``tests/corpus/`` (``queries/corpus/``), each question a
``NN-name.rq`` with its answer in ``NN-name.csv``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Literal

__all__ = ["SUITES", "Question", "competency_questions"]

Suite = Literal["competency", "corpus"]
SUITES: tuple[Suite, ...] = ("competency", "corpus")


@dataclass(frozen=True)
class Question:
    """One competency question: its name, the question in plain English, a note on how the
    query answers it, the query, and its expected answer (W3C SPARQL CSV results)."""

    name: str
    question: str
    note: str
    query: str
    expected_csv: str


def _comments(query: str) -> list[str]:
    lines = []
    for line in query.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.removeprefix("#").strip())
    return lines


def competency_questions(*, suite: Suite = "competency") -> list[Question]:
    """Every question of ``suite``, in order of name: ``competency`` (answered on the seed
    article) or ``corpus`` (answered on the news corpus)."""
    if suite not in SUITES:
        raise ValueError(f"unknown suite {suite!r}: use one of {', '.join(SUITES)}")
    folder = files("mapper.data") / "queries" / suite
    found = []
    for resource in sorted(folder.iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".rq"):
            continue
        query = resource.read_text(encoding="utf-8")
        head = " ".join(_comments(query))
        match = re.match(r"Question: (.+?\?)\s*(.*)$", head)
        if not match:
            raise ValueError(f"{suite}/{resource.name} must open with '# Question: ...?'")
        answer = folder / resource.name.replace(".rq", ".csv")
        found.append(
            Question(
                name=resource.name.removesuffix(".rq"),
                question=match[1],
                note=match[2],
                query=query,
                expected_csv=answer.read_text(encoding="utf-8"),
            )
        )
    return found
