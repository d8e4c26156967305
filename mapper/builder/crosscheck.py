"""The checks only the whole corpus can make, run on the articles' summaries (a fast build
never holds the corpus's triples): an entity keeps one type across articles, and the
ontology's consistency rules over what articles say about shared nodes (entities, posts,
Wikidata items), which ``owl:sameAs`` may join across articles.

The summaries are N-Triples statements; where each statement comes from (facts file and
line) is worked out only when a contradiction is found, by reloading the article that said
it first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from ..checks.consistency import Conflict, conflicts_of
from ..checks.infer import close
from ..errors import FactsError
from ..rdf.ntriples import nt_term
from ..rdf.vocab import curie
from .manifest import Manifest, entities_of
from .shard import where_said

__all__ = ["check_entity_types", "corpus_conflicts"]


def check_entity_types(manifest: Manifest) -> None:
    """An entity keeps one id and one type across articles (as ``load_corpus`` checks)."""
    seen: dict[str, tuple[str, str]] = {}
    for entry in manifest.articles.values():
        for entity_id, kind, line in entities_of(entry):
            first = seen.setdefault(entity_id, (kind, entry["facts_path"]))
            if first[0] != kind:
                raise FactsError(
                    f"entity {entity_id!r} is a {kind} here but a {first[0]} in {first[1]}",
                    path=entry["facts_path"],
                    line=line,
                    fact_id=entity_id,
                    hint="an entity keeps one id and one type across articles",
                )


def _term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


def _triples(statements: list[str]) -> list[tuple]:
    data = "".join(f"{s} .\n" for s in statements).encode("utf-8")
    return [
        (_term(t.subject), _term(t.predicate), _term(t.object))
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    ]


def corpus_conflicts(manifest: Manifest, base: str, *, root: Path | None = None) -> list[Conflict]:
    """The contradictions in the union of the articles' summaries. Skipped (none) when the
    summaries are those of the last build, which was consistent."""
    used = sorted(manifest.used())
    statements = [manifest.statements[i] for i in used]
    fingerprint = hashlib.sha256("\n".join(sorted(statements)).encode()).hexdigest()
    if fingerprint == manifest.consistent:
        return []
    says = _sayer(manifest, base, root)
    found = conflicts_of(close(_triples(statements)), says, _namer(base))
    manifest.consistent = None if found else fingerprint
    return found


def _namer(base: str) -> Callable:
    def name(node) -> str:
        text = str(node)
        if isinstance(node, URIRef):
            return f"data:{text[len(base) :]}" if text.startswith(base) else curie(text)
        return node.n3()

    return name


def _sayer(manifest: Manifest, base: str, root: Path | None = None) -> Callable:
    """``says(triple)``: (where, statement) from the first article whose summary holds it."""
    index = {s: i for i, s in enumerate(manifest.statements)}
    holders = {slug: set(entry["shared"]) for slug, entry in manifest.articles.items()}
    name = _namer(base)

    def says(triple: tuple) -> tuple[str, str]:
        number = index.get(" ".join(nt_term(t) for t in triple))
        for slug, numbers in holders.items():
            if number in numbers:
                path = Path(manifest.articles[slug]["facts_path"])
                return where_said(path, base, [triple], root)[triple]
        return "several articles", " ".join(name(t) for t in triple)

    return says
