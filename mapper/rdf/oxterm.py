"""pyoxigraph's terms as rdflib's, as rdflib's own parser makes them of the same text (a
plain literal without a datatype, ``xsd:string`` being implied)."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = ["from_oxigraph"]

_STRING = str(XSD.string)


def from_oxigraph(term, bnodes: dict | None = None) -> Node:
    """``term`` (an Oxigraph IRI, blank node or literal) as an rdflib term; ``bnodes``, if
    given, maps each blank node label to a fresh rdflib blank node (a file's are its own)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value) if bnodes is None else bnodes.setdefault(term.value, BNode())
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _STRING else URIRef(datatype))
