"""The Catalogue's faster forms give what the plain ones gave: IRIs compared and sorted as
strings are in rdflib's order, details found by bisection are those under the prefix, and
the triples counted when first asked are the distinct (s, p, o) of every graph."""

from __future__ import annotations

from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import XSD

from mapper.publish.render.describe import Catalogue, referrer_keys
from mapper.rdf.vocab import NS

B = "https://example.org/data/"
SCHEMA, OA = NS["schema"], NS["oa"]


def _catalogue() -> Catalogue:
    state, g1, g2 = URIRef(f"{B}entity/state"), URIRef(f"{B}graph/a"), URIRef(f"{B}graph/b")
    quads = [(state, RDF.type, SCHEMA.Country, g) for g in (g1, g2)]
    quads += [(state, SCHEMA.name, Literal("State", lang="en"), g) for g in (g1, g2)]
    for slug in ("b", "a", "a-b", "a/b", "A", "ä"):  # '-' < '/' < letters; upper < lower
        fact = URIRef(f"{B}article/{slug}/fact/f")
        ann = URIRef(f"{fact}/evidence/1")
        quads += [
            (fact, RDF.type, NS["defrel"].Visit, g1),
            (fact, SCHEMA.location, state, g1),
            (fact, NS["defrel"].evidence, ann, g1),
            (ann, RDF.type, OA.Annotation, g1),
            (URIRef(f"{ann}/target"), RDF.type, OA.SpecificResource, g1),
            (state, SCHEMA.subjectOf, fact, g2),
        ]
    quads += [
        (BNode("x"), SCHEMA.about, state, g1),
        (state, SCHEMA.url, Literal("1", datatype=XSD.anyURI), g1),
    ]
    return Catalogue.of_quads(quads)


def test_referrer_keys_are_in_rdflibs_order() -> None:
    cat = _catalogue()
    state = URIRef(f"{B}entity/state")
    subjects = [q[0] for q in cat.into[state]]
    expected = sorted(
        {
            s
            for s in subjects
            if isinstance(s, URIRef) and s != state and not s.startswith(f"{state}/")
        }
    )
    assert referrer_keys(state, subjects) == expected
    assert cat.window(state).keys == frozenset(expected)


def test_details_found_by_bisection_are_those_below() -> None:
    cat = _catalogue()
    for node in [*cat.resources, *cat.details, URIRef(f"{B}article/a")]:
        naive = [node, *sorted(d for d in cat.details if str(d).startswith(f"{node}/"))]
        assert cat.subtree(node) == naive
        assert cat.below(node) == sorted(d for d, r in cat.details.items() if r == node)


def test_triples_are_counted_once_across_graphs() -> None:
    cat = _catalogue()
    triples = {q[:3] for quads in cat.out.values() for q in quads}
    assert cat.triples == len(triples)
    cat.triples = 7  # as a store that counts them sets it
    assert cat.triples == 7
