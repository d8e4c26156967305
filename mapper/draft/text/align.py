"""Place a proposed quote on the article's own characters: exactly, or by an alignment that
tolerates what a model or a person typing changes without meaning to (curly and straight
quotes, dashes, no-break and repeated spaces), and then returns the text's own words."""

from __future__ import annotations

__all__ = ["align"]

_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...",
}  # fmt: skip


def _normalise(text: str) -> tuple[str, list[int]]:
    """``text`` folded (look-alikes, whitespace runs as one space) and, for each character of
    the result, the offset in ``text`` it comes from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            out.append(" ")
            where.append(i)
            continue
        folded = _FOLD.get(ch, ch)
        for c in folded:
            out.append(c)
            where.append(i)
    return "".join(out), where


def align(text: str, quote: str) -> tuple[int, int] | None:
    """[start, end) of ``quote`` in ``text`` (the first place), or None if it is not there."""
    quote = quote.strip()
    if not quote:
        return None
    at = text.find(quote)
    if at != -1:
        return at, at + len(quote)
    norm_text, where = _normalise(text)
    norm_quote, _ = _normalise(quote)
    norm_quote = norm_quote.strip()
    at = norm_text.find(norm_quote)
    if at == -1 or not norm_quote:
        return None
    start = where[at]
    end = where[at + len(norm_quote) - 1] + 1
    return start, end
