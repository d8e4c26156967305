"""Find evidence quotes in an article's text, verbatim, and say why when they are not there.

Offsets are in characters (Unicode code points) of the text as written, which is
what Web Annotation's TextPositionSelector counts.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from ..errors import EvidenceError

__all__ = ["CONTEXT_CHARS", "Span", "locate"]

CONTEXT_CHARS = 32  # characters of prefix and suffix kept in a TextQuoteSelector

# Characters that look alike to a person typing a quote: typed form -> what the text may hold
_LOOKALIKES = {
    "\u00a0": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
}


@dataclass(frozen=True)
class Span:
    """Where a quote sits in the text: [start, end) in characters, with context."""

    exact: str
    start: int
    end: int
    prefix: str
    suffix: str


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _fold(s: str) -> str:
    return "".join(_LOOKALIKES.get(c, c) for c in s)


def _lookalike_hint(text: str, quote: str) -> str | None:
    """If the quote matches once look-alike characters are folded, name the differences."""
    at = _fold(text).find(_fold(quote))
    if at == -1:
        return None
    diffs = [
        f"offset {at + i}: the text has U+{ord(t):04X} {unicodedata.name(t, '?')}"
        f" where the quote has {q!r}"
        for i, (t, q) in enumerate(zip(text[at : at + len(quote)], quote, strict=True))
        if t != q
    ]
    return "copy the characters exactly; " + "; ".join(diffs[:3])


def _nearest(text: str, quote: str) -> tuple[int, str]:
    """The passage of the text most like the quote (same length, anchored on the longest match)."""
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(quote))
    start = max(0, block.a - block.b)
    return start, text[start : start + len(quote)]


def _span(text: str, start: int, quote: str) -> Span:
    end = start + len(quote)
    return Span(
        exact=quote,
        start=start,
        end=end,
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def locate(text: str, quote: str, *, occurrence: int | None = None) -> Span:
    """Find ``quote`` in ``text``: exactly once, or its ``occurrence``-th time (1-based).

    >>> locate("Gen. Sharif said so.", "Sharif").start
    5
    """
    found = _occurrences(text, quote)
    if not found:
        hint = _lookalike_hint(text, quote)
        if hint is None:
            at, near = _nearest(text, quote)
            hint = f"the nearest passage (offset {at}) is {near!r}"
        raise EvidenceError(f"quote not found in the article text: {quote!r}", hint=hint)
    if occurrence is not None:
        if occurrence > len(found):
            raise EvidenceError(
                f"quote {quote!r} occurs {len(found)} time(s), not {occurrence}",
                hint=f"use an occurrence between 1 and {len(found)}",
            )
        return _span(text, found[occurrence - 1], quote)
    if len(found) > 1:
        raise EvidenceError(
            f"quote {quote!r} is ambiguous: it occurs {len(found)} times "
            f"(at offsets {', '.join(map(str, found[:5]))})",
            hint="lengthen the quote until it is unique, or write "
            "{quote: ..., occurrence: N} to pick one",
        )
    return _span(text, found[0], quote)
