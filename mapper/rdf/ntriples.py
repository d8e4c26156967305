"""Terms and triples as N-Triples text, without an rdflib graph in between.

The fast build maps an article to a plain list of rdflib terms and writes them straight out:
building an rdflib ``Graph`` costs more than everything else an article needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

__all__ = ["TripleList", "iri_text", "literal_text", "nt_term", "ntriples", "ntriples_pairs"]

_IRI_ESCAPES = {c: f"\\u{ord(c):04X}" for c in '<>"{}|^`\\ '}
_IRI_ESCAPES.update({chr(c): f"\\u{c:04X}" for c in range(0x20)})
_IRI_TABLE = str.maketrans(_IRI_ESCAPES)
_LITERAL_TABLE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
# str.translate looks every character up in its table (about 7 us for a 75-character text);
# most texts have nothing to escape, which a search in C tells in a tenth of that
_IRI_UNSAFE = re.compile("[" + "".join(f"\\x{ord(c):02x}" for c in _IRI_ESCAPES) + "]")


class TripleList(list):
    """Stands in for an rdflib Graph where the mapper only ever calls ``add``: a list of
    triples in the order they were made (duplicates are dropped by ``unique``)."""

    def add(self, triple: tuple) -> None:
        self.append(triple)

    def unique(self) -> list[tuple]:
        return list(dict.fromkeys(self))


def iri_text(iri: str) -> str:
    """An IRI in N-Triples syntax, as ``nt_term`` writes a URIRef."""
    if _IRI_UNSAFE.search(iri) is None:
        return f"<{iri}>"
    return f"<{iri.translate(_IRI_TABLE)}>"


def literal_text(text: str) -> str:
    """A literal's lexical form, escaped as ``nt_term`` escapes it (without the quotes)."""
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        return text.translate(_LITERAL_TABLE)
    return text


def nt_term(term) -> str:
    """One term in N-Triples syntax (RDF 1.1): IRIs with forbidden characters escaped as
    UCHARs, literals with their language or datatype (xsd:string left implicit)."""
    if isinstance(term, URIRef):
        return iri_text(str(term))
    if isinstance(term, Literal):
        text = f'"{literal_text(str(term))}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^{iri_text(str(term.datatype))}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def ntriples(triples: Iterable[tuple]) -> list[str]:
    """Each triple as one N-Triples statement (without " ." and the line break), sorted: a
    graph's text is the same whatever order its triples were made in."""
    return [line for line, _ in ntriples_pairs(triples)]


def ntriples_pairs(triples: Iterable[tuple], texts: dict | None = None) -> list[tuple[str, tuple]]:
    """(statement, triple) for each triple, sorted by statement; ``texts``, if given, is
    filled with each term's text (term -> text)."""
    cache: dict = {} if texts is None else texts

    def text(term) -> str:
        found = cache.get(term)
        if found is None:
            found = cache[term] = nt_term(term)
        return found

    pairs = [(f"{text(s)} {text(p)} {text(o)}", (s, p, o)) for s, p, o in triples]
    pairs.sort(key=_first)
    return pairs


def _first(pair: tuple) -> str:
    return pair[0]
