"""The ontology's competency questions: the questions it must answer, each a SPARQL query
with its expected answer on the seed article (``queries/competency/NN-name.rq`` and ``.csv``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

__all__ = ["Question", "competency_questions"]


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


def competency_questions() -> list[Question]:
    """Every competency question, in order of name."""
    folder = files("mapper.data") / "queries" / "competency"
    found = []
    for resource in sorted(folder.iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".rq"):
            continue
        query = resource.read_text(encoding="utf-8")
        head = " ".join(_comments(query))
        match = re.match(r"Question: (.+?\?)\s*(.*)$", head)
        if not match:
            raise ValueError(f"{resource.name} must open with '# Question: ...?'")
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
