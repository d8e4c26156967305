"""Bound what an RDF file may ask of a parser before any parser sees it: its size, how deep
its brackets nest, how long one literal is.

rdflib's Turtle and JSON-LD parsers recurse once per nesting level (5,000 levels overflow
Python's stack), pyoxigraph's JSON-LD parser crashes the process on the same input, and
rdflib's N-Triples parser takes time quadratic in a literal's length.  The scan here is one
regular expression over the text, no recursion, so it is safe on any input.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError

__all__ = [
    "MAX_DEPTH",
    "MAX_LITERAL",
    "MAX_RDF_BYTES",
    "NESTING_SUFFIXES",
    "check_rdf_size",
    "check_rdf_text",
    "too_deep",
]

MAX_DEPTH = 64  # [ ( { levels; defrel's own outputs nest fewer than 10
MAX_LITERAL = 256 * 1024  # characters in one quoted string: rdflib reads this many in 0.4 s
MAX_RDF_BYTES = 256 * 1024 * 1024  # one file read whole into memory
NESTING_SUFFIXES = {".ttl", ".trig", ".jsonld"}  # formats whose syntax nests

# Strings, IRIs and comments are skipped whole (a bracket inside them does not nest);
# what is left that matters is a bracket.
_LONG = r'"""(?:[^"\\]|\\.|"(?!""))*"""' + "|" + r"'''(?:[^'\\]|\\.|'(?!''))*'''"
_SHORT = r'"(?:[^"\\\n]|\\.)*"' + "|" + r"'(?:[^'\\\n]|\\.)*'"
_TURTLE = re.compile(f'{_LONG}|{_SHORT}|<[^<>"{{}}|^`\\\\\\s]*>|#[^\\n]*|(?P<b>[\\[\\](){{}}])')
_JSON = re.compile(r'"(?:[^"\\]|\\.)*"|(?P<b>[\[\]{}])')
_OPEN = frozenset("[({")


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def check_rdf_size(path: Path) -> None:
    """Refuse a file larger than MAX_RDF_BYTES before it is read whole into memory."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # the read that follows reports it
    if size > MAX_RDF_BYTES:
        raise InputError(
            f"is larger than {MAX_RDF_BYTES // 2**20} MiB, the limit for an RDF file read whole",
            path=path,
            hint="split it into several files, or load it into a store (defrel load)",
        )


def check_rdf_text(path: Path, text: str) -> None:
    """Refuse ``text`` (the contents of ``path``) if its brackets nest deeper than MAX_DEPTH
    or it holds a string longer than MAX_LITERAL; the format is the file's suffix."""
    suffix = path.suffix.lower()
    if suffix in (".rdf", ".owl"):
        return  # XML: read by expat, which keeps its own stack; entities are refused elsewhere
    found = _scan(text, json=suffix == ".jsonld", nests=suffix in NESTING_SUFFIXES)
    if found is None:
        return
    what, at = found
    if what == "string":
        raise InputError(
            f"a string longer than {MAX_LITERAL // 1024} KiB characters is refused",
            path=path,
            line=_line(text, at),
            hint="keep long texts out of the RDF (link to them), or shorten this one",
        )
    raise InputError(
        f"brackets nest deeper than {MAX_DEPTH} levels, defrel's limit",
        path=path,
        line=_line(text, at),
        hint="flatten the data: name the nested nodes (IRIs or _:labels) and refer "
        "to them instead of nesting them",
    )


def too_deep(text: str) -> tuple[int, int] | None:
    """(line, column) where the brackets of ``text`` (Turtle or SPARQL syntax) first nest
    deeper than MAX_DEPTH, or None: Oxigraph's SPARQL parser overflows its stack too."""
    found = _scan(text, json=False, nests=True, strings=False)
    if found is None:
        return None
    at = found[1]
    return _line(text, at), at - text.rfind("\n", 0, at)


def _scan(text: str, *, json: bool, nests: bool, strings: bool = True) -> tuple[str, int] | None:
    """The first problem in ``text`` ("string" or "depth", and its offset), or None."""
    depth = 0
    for match in (_JSON if json else _TURTLE).finditer(text):
        bracket = match.group("b")
        if bracket is None:
            long = match.end() - match.start() > MAX_LITERAL and match.group()[0] in "\"'"
            if long and strings:
                return "string", match.start()
            continue
        if not nests:
            continue
        depth += 1 if bracket in _OPEN else -1
        if depth > MAX_DEPTH:
            return "depth", match.start()
    return None
