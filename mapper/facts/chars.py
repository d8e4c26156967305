"""Characters a facts file may not hold in its text fields: controls that rewrite terminals
(ESC, BEL), NUL, C1 controls, bidi overrides that reorder what a reader sees, and lone
surrogates (which no UTF-8 output can hold). Tab, newline and carriage return stay allowed.

Evidence quotes and ``quotation`` must match the article body, so they may hold whatever
characters the body holds; the body itself is published as written.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from ..errors import FactsError

__all__ = ["REFUSED", "check_chars", "check_value", "describe", "escaped", "refused_in"]

REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

_NAMES = {0x1B: "ESCAPE", 0x07: "BELL", 0x00: "NUL", 0x7F: "DELETE"}


def refused_in(text: str) -> str | None:
    """The first refused character of ``text``, if any."""
    found = REFUSED.search(text)
    return found.group() if found else None


def describe(char: str) -> str:
    """``U+001B (ESCAPE)``: a character named without printing it."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f"U+{code:04X} (a lone surrogate)"
    name = _NAMES.get(code) or unicodedata.name(char, "a control character")
    return f"U+{code:04X} ({name})"


def escaped(text: str) -> str:
    """``text`` with every refused character written as an escape (safe on a terminal)."""
    return REFUSED.sub(
        lambda m: m.group().encode("unicode_escape", "backslashreplace").decode(), text
    )


def _location(where: tuple) -> str:
    parts = []
    for step in where:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        else:
            parts.append(("." if parts else "") + escaped(step))
    return "".join(parts) or "top level"


def _is_quote(where: tuple) -> bool:
    """Evidence items (strings or ``quote:``) and a statement's ``quotation``."""
    return "evidence" in where or (
        len(where) == 3 and where[0] == "facts" and where[2] == "quotation"
    )


def check_chars(path: Path, doc: Any, body: str | None = None) -> None:
    """Refuse the first refused character in ``doc`` (see the module docstring), naming the
    field, its line and the character. Run twice: before the schema with ``body`` None, for
    lone surrogates only (the schema's validators cannot encode them), then with the article
    ``body`` for every character (a quote may hold what the body holds)."""
    todo: list[tuple[tuple, Any]] = [((), doc)]
    while todo:
        where, node = todo.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                refuse = _surrogate if body is None else _any
                _check(path, doc, (*where, key), str(key), "a key", refuse)
                todo.append(((*where, key), value))
        elif isinstance(node, list):
            todo.extend(((*where, i), item) for i, item in enumerate(node))
        elif isinstance(node, str):
            if body is None:
                _check(path, doc, where, node, "the text", _surrogate)
            elif _is_quote(where):
                _check(path, doc, where, node, "the quote", lambda c, body=body: c not in body)
            else:
                _check(path, doc, where, node, "the text", _any)


def check_value(path: Path, doc: Any, where: tuple, text: str) -> None:
    """Refuse a refused character in the one field ``where`` of ``doc`` (one read early)."""
    _check(path, doc, where, text, "the text", _any)


def _any(char: str) -> bool:
    return True


def _surrogate(char: str) -> bool:
    return 0xD800 <= ord(char) <= 0xDFFF


def _check(path: Path, doc: Any, where: tuple, text: str, field: str, refuse) -> None:
    bad = [c for c in REFUSED.findall(text) if refuse(c)]
    if not bad:
        return
    from .yamlread import line_of  # PyYAML: not needed by `escaped`, which the CLI imports

    raise FactsError(
        f"{_location(where)}: {field} holds {describe(bad[0])}, which a facts file may only "
        "hold in the article text (control characters, bidi overrides and lone surrogates "
        "can rewrite a terminal or reorder what readers see)",
        path=path,
        line=line_of(doc, where),
        hint="remove the character, or retype the text",
    )
