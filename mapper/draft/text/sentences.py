"""Sentences of an article body with their character offsets, numbered as the corpus's
STATEMENTS.md numbers them: ``P2.3`` is the third sentence of the second paragraph
(paragraphs are separated by blank lines)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

# Abbreviations after which a full stop does not end a sentence
ABBREVIATIONS = {
    "gen", "lt", "col", "maj", "brig", "adm", "capt", "cmdr", "sgt", "mr", "mrs", "ms", "dr",
    "prof", "sen", "rep", "gov", "st", "no", "vs", "jr", "sr", "inc", "ltd", "co", "corp",
    "u.s", "u.k", "u.n", "e.g", "i.e", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
    "oct", "nov", "dec", "approx", "est", "fig",
}  # fmt: skip
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str


def _ends_sentence(text: str, at: int) -> bool:
    """Whether the full stop at ``at`` ends a sentence (not ``Gen.`` or ``U.S.`` inside one)."""
    if text[at] != ".":
        return True
    word = re.search(r"([A-Za-z.]+)$", text[:at])
    if not word:
        return True
    token = word.group(1).lower().strip(".")
    if token in ABBREVIATIONS:
        return False
    return not (len(token) == 1 and token.isalpha())  # an initial: "J. Smith"


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, paragraph by paragraph, with offsets into ``text``."""
    sentences: list[Sentence] = []
    number = 0
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if not para.group().strip():
            continue
        number += 1
        start, count = para.start(), 0
        body = para.group()
        for end in _END.finditer(body):
            if not _ends_sentence(body, end.start()):
                continue
            count += 1
            stop = para.start() + end.end()
            lead = len(text[start:stop]) - len(text[start:stop].lstrip())
            sentences.append(
                Sentence(f"P{number}.{count}", start + lead, stop, text[start + lead : stop])
            )
            start = para.start() + end.end()
        rest = text[start : para.end()]
        if rest.strip():
            count += 1
            lead = len(rest) - len(rest.lstrip())
            trail = len(rest) - len(rest.rstrip())
            s, e = start + lead, para.end() - trail
            sentences.append(Sentence(f"P{number}.{count}", s, e, text[s:e]))
    return sentences
