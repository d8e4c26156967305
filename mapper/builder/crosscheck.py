"""The checks only the whole corpus can make, run on the articles' summaries (a fast build
never holds the corpus's triples): articles agree on their entities and posts
(``facts.corpus``), and the
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
from rdflib import URIRef

from ..checks.consistency import Conflict, conflicts_of
from ..checks.infer import close
from ..facts.corpus import check_agreement
from ..rdf.ntriples import nt_term
from ..rdf.oxterm import from_oxigraph
from ..rdf.vocab import curie
from .manifest import Manifest, entities_of
from .shard import where_said

__all__ = ["check_entity_types", "corpus_conflicts"]


def check_entity_types(manifest: Manifest) -> None:
    """Articles agree on the entities and posts they share, as ``load_corpus`` checks (one
    type, label and Wikidata item per entity, one entity per item, one title per post IRI,
    no part_of cycle), on the summaries: no article is loaded again."""
    check_agreement(entities_of(entry) for entry in manifest.articles.values())


def _triples(statements: list[str]) -> list[tuple]:
    data = "".join(f"{s} .\n" for s in statements).encode("utf-8")
    return [
        (from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
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
