"""The rdflib terms a site's pages are rendered from, each made once per worker: read from
N-Quads (an article's part of ``dataset.nq``, the spool of the shared pages), or taken from
the build as it maps an article (``terms_of_build``: when ``defrel site`` renders an
article's pages in the build's own worker, nothing is written out and read back).

Either way a term is the very object the describing code's constants hold where there is
one (``_known``): sets and tuples of them then find it by identity, in C, not by rdflib's
``__eq__``, which is Python (called millions of times for a site). And either way a term is
made as Oxigraph's reading of its N-Triples would give it (``oxterm.from_oxigraph``), so
the pages are the same bytes whichever way they came.
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from ...rdf.oxterm import from_oxigraph
from ...rdf.vocab import NS
from ..render.describe import CARRIED, DETAIL_TYPES, LINKED, NAMING, Quad
from ..render.views import HIDDEN
from ..store.read import ADDRESS, EVIDENCE, TYPE

__all__ = ["NEWS_ARTICLE", "POINTING", "parse_quads", "terms_of_build"]

NEWS_ARTICLE = URIRef("https://schema.org/NewsArticle")
POINTING = frozenset(NS["defrel"][p] for p in ("article", "evidence"))
# terms made by one worker, kept from one article to the next (an entity's IRI, the
# predicates) so that what is keyed by term finds them by identity; emptied past this size
_MADE_LIMIT = 100_000  # (1,000 articles make 66,000: about 25 MB)


def parse_quads(data: bytes, made: dict | None = None, checked: bool = False) -> list[Quad]:
    """N-Quads (as the build writes them) as rdflib terms, the default graph named None;
    ``made``: the terms made so far (by Oxigraph's term), shared between calls.
    ``checked``: a strict parser has read these statements before (the build's, an article's;
    this function's, for the spool written from its terms), or they are the previous site's,
    trusted: their IRIs and language tags are not checked again (Oxigraph's ``lenient``:
    half its parse)."""
    made = {} if made is None else made
    if not made:
        made.update(_known())

    def term(t):
        found = made.get(t)  # Oxigraph's terms hash and compare in Rust, value and type
        if found is None:
            found = made[t] = from_oxigraph(t)
        return found

    quads = []
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS, lenient=checked):
        graph = None if isinstance(q.graph_name, ox.DefaultGraph) else term(q.graph_name)
        quads.append((term(q.subject), term(q.predicate), term(q.object), graph))
    return quads


def terms_of_build(pairs: list[tuple[str, tuple]], texts: dict, graph: str, made: dict) -> list:
    """The quads ``parse_quads`` would read from the N-Quads the build writes of an article
    (its statements as (N-Triples line, triple) pairs sorted by line, as ``chunks`` takes
    them; ``texts``: each term of theirs -> its N-Triples text, as ``ntriples_pairs`` made
    them; ``graph``: the article's graph IRI), without writing or reading them. ``made``: the
    terms made so far (by N-Triples text), shared between calls, like ``parse_quads``'."""
    if not made:
        made.update({f"<{t.value}>": found for t, found in _known().items()})
    by_id: dict[int, object] = {}  # (ids: the triples keep their terms alive meanwhile)
    for _, triple in pairs:
        for term in triple:
            if id(term) not in by_id:
                text = texts[term]  # (by value: equal terms may be several objects)
                found = made.get(text)
                if found is None:
                    found = made[text] = _as_read(term)
                by_id[id(term)] = found
    g = made.get(f"<{graph}>") or made.setdefault(f"<{graph}>", URIRef(graph))
    return [(by_id[id(s)], by_id[id(p)], by_id[id(o)], g) for _, (s, p, o) in pairs]


def _as_read(term):
    """``term`` as ``from_oxigraph`` gives Oxigraph's reading of its N-Triples: language tags
    in lower case, ``xsd:string`` left implicit, the lexical form as written."""
    if isinstance(term, URIRef):
        return URIRef(str(term))
    if isinstance(term, BNode):
        return BNode(str(term))
    if term.language:
        return Literal(str(term), lang=term.language.lower())
    datatype = term.datatype
    if datatype is None or datatype == XSD.string:
        return Literal(str(term))
    return Literal(str(term), datatype=URIRef(str(datatype)))


def _parsed(made: dict, iri: str) -> URIRef:
    """The term made of ``iri`` (by ``parse_quads`` or ``terms_of_build``): what is keyed by
    the terms made then finds it by identity."""
    found = made.get(f"<{iri}>")
    if not isinstance(found, URIRef):
        found = made.get(ox.NamedNode(iri))
    return found if isinstance(found, URIRef) else URIRef(iri)


@cache
def _known() -> dict:
    """Oxigraph's term -> the very rdflib object that the describing code's constants hold."""
    found = {}
    for group in (NAMING, CARRIED, DETAIL_TYPES, HIDDEN, POINTING, (NEWS_ARTICLE,), LINKED):
        for t in group:
            found.setdefault(ox.NamedNode(str(t)), t)
    for t in (EVIDENCE, ADDRESS, TYPE):
        found.setdefault(ox.NamedNode(str(t)), t)
    return found
