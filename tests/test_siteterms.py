"""The terms a site's pages are rendered from: taken from the build as it maps an article
(``site.terms.terms_of_build``), they are those read back from the N-Quads the build writes
(``parse_quads``), so the pages are the same bytes either way."""

from __future__ import annotations

from rdflib import RDF, XSD, BNode, Literal, URIRef

from mapper.builder.chunks import article_texts
from mapper.publish.render.describe import NAMING
from mapper.publish.site.terms import parse_quads, terms_of_build
from mapper.rdf.ntriples import ntriples_pairs

EX = "https://example.org/"
GRAPH = f"{EX}graph/a"


def _triples() -> list[tuple]:
    s, other = URIRef(f"{EX}s"), URIRef(f"{EX}s")  # equal terms, two objects
    return [
        (s, RDF.type, URIRef(f"{EX}C")),
        (other, next(iter(NAMING)), Literal("Name", lang="EN-gb")),  # Oxigraph: en-gb
        (s, URIRef(f"{EX}plain"), Literal("x", datatype=XSD.string)),  # implicit
        (s, URIRef(f"{EX}count"), Literal(3)),
        (s, URIRef(f"{EX}when"), Literal("2024-02-01", datatype=XSD.date)),
        (s, URIRef(f"{EX}odd"), Literal('a "quoted"\\ line\nnext\r\tend é \u2028')),
        (s, URIRef(f"{EX}empty"), Literal("")),
        (s, URIRef(f"{EX}node"), BNode("b1")),
        (BNode("b1"), URIRef(f"{EX}iri"), URIRef(f"{EX}path/é?q=1#f")),
    ]


def test_the_builds_terms_are_those_read_back_from_its_nquads() -> None:
    texts: dict = {}
    pairs = ntriples_pairs(_triples(), texts)
    nquads = article_texts(pairs, GRAPH, EX).nquads.encode("utf-8")
    read = parse_quads(nquads)
    taken = terms_of_build(pairs, texts, GRAPH, {})
    assert taken == read
    for ours, theirs in zip(taken, read, strict=True):  # same types, same texts
        for a, b in zip(ours, theirs, strict=True):
            assert type(a) is type(b) and str(a) == str(b)
            if isinstance(a, Literal):
                assert (a.language, a.datatype) == (b.language, b.datatype)


def test_the_describing_codes_constants_are_the_very_terms() -> None:
    texts: dict = {}
    pairs = ntriples_pairs(_triples(), texts)
    taken = terms_of_build(pairs, texts, GRAPH, {})
    naming = next(iter(NAMING))
    assert any(q[1] is naming for q in taken)
    assert len({id(q[0]) for q in taken if str(q[0]) == f"{EX}s"}) == 1  # made once
