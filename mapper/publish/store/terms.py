"""Terms between pyoxigraph and rdflib, as defrel wrote them: a store gives back numbers by
value, and the literal defrel wrote is restored from the shapes (``integer_types``)."""

from __future__ import annotations

from collections import defaultdict
from functools import cache, lru_cache
from importlib.resources import files

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["integer_types", "iri_term", "restore_literal", "to_oxigraph", "to_rdflib"]

_STRING = str(XSD.string)
# An IRI's rdflib term, made once: validating and building URIRefs was a third of the time
# of reading a neighbourhood.  Bounded, so the server's memory does not grow with the archive.
iri_term = lru_cache(maxsize=1 << 14)(URIRef)


# Oxigraph keeps numbers by value: an xsd:nonNegativeInteger comes back as xsd:integer, and
# the decimal "75.0" as "75".  What defrel wrote is known: each integer property's datatype
# is the one its SHACL shape requires, and decimals are written in the canonical form of
# ``rdf.nodes.decimal_literal`` (always with a point).
_INTEGER = str(XSD.integer)
_DECIMAL = str(XSD.decimal)
_DERIVED = {
    str(XSD[n])
    for n in (
        "positiveInteger",
        "nonNegativeInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}


@cache
def integer_types() -> dict[str, str]:
    """Property IRI -> the integer datatype its shape requires (derived types only)."""
    from rdflib import Graph
    from rdflib.namespace import SH

    shapes = files("mapper.data") / "shapes" / "defrel-shapes.ttl"
    graph = Graph().parse(data=shapes.read_text(encoding="utf-8"), format="turtle")
    found: dict[str, set[str]] = defaultdict(set)
    for shape, datatype in graph.subject_objects(SH.datatype):
        path = graph.value(shape, SH.path)
        if isinstance(path, URIRef) and str(datatype) in _DERIVED:
            found[str(path)].add(str(datatype))
    return {path: next(iter(types)) for path, types in found.items() if len(types) == 1}


def restore_literal(
    value: str, *, language: str | None, datatype: str | None, predicate: str
) -> Literal:
    """The literal defrel wrote, from what a store gives back (see ``integer_types``)."""
    if language:
        return Literal(value, lang=language)
    if datatype is None or datatype == _STRING:
        return Literal(value)
    if datatype == _INTEGER:
        datatype = integer_types().get(predicate, datatype)
    elif datatype == _DECIMAL and "." not in value and "E" not in value.upper():
        value += ".0"
    return Literal(value, datatype=URIRef(datatype))


@lru_cache(maxsize=1 << 14)
def _literal(value: str, language: str | None, datatype: str, predicate: str) -> Literal:
    return restore_literal(value, language=language, datatype=datatype, predicate=predicate)


def to_rdflib(term, predicate: str = "") -> Node:
    """A pyoxigraph term as the rdflib term the site's parser makes of the same text (for a
    literal, ``predicate`` says which datatype defrel wrote).  Literals are made once (a
    state's name, stated in every article that names it, is one term): bounded, like
    ``iri_term``; rdflib's Literal is immutable, so a shared one is safe."""
    if isinstance(term, ox.Literal):
        return _literal(term.value, term.language, term.datatype.value, predicate)
    if isinstance(term, ox.NamedNode):
        return iri_term(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not an RDF term: {term!r}")


def to_oxigraph(node: Node):
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if node.language:
        return ox.Literal(str(node), language=node.language)
    datatype = ox.NamedNode(str(node.datatype)) if node.datatype else None
    return ox.Literal(str(node), datatype=datatype)
