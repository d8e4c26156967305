"""The four RDF documents of a resource's description (``.ttl``, ``.jsonld``, ``.nt``, ``.nq``),
written from its quads without an rdflib graph in between: a site has one description per
resource, and rdflib's serialisers took about 10 ms each, more than all the rest of a page.

* N-Triples and N-Quads: one statement a line (``rdf.ntriples``), sorted;
* Turtle: Oxigraph's (Rust) from those lines, with the context's prefixes;
* JSON-LD: compact, the bundled context inline, one node object per subject, keys and
  values sorted (a property with one value holds it, with several a list), so the bytes
  are the same whatever order the quads come in.

The static site (``defrel site``) and the server (``defrel serve --store``) both write
with these, so a page's documents are the same bytes from either.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache, lru_cache

import pyoxigraph as ox
from rdflib import RDF, BNode, Literal
from rdflib.namespace import XSD

from ..rdf.ntriples import nt_term
from ..rdf.vocab import NS, context

__all__ = [
    "WRITERS", "all_documents", "compact", "jsonld_document", "nquads_document", "ntriples_document",
    "rdfxml_document", "turtle_document",
]  # fmt: skip

_PREFIXES = {prefix: str(ns) for prefix, ns in NS.items()}
_TYPE = RDF.type


_text = lru_cache(maxsize=1 << 16)(nt_term)  # a term's N-Triples text, made once


def _lines(quads: Iterable[tuple], *, graphs: bool) -> list[str]:
    text = _text
    lines = set()
    for s, p, o, g in quads:
        line = f"{text(s)} {text(p)} {text(o)}"
        if graphs and g is not None:
            line += f" {text(g)}"
        lines.add(line + " .\n")
    return sorted(lines)


def ntriples_document(quads: Iterable[tuple]) -> str:
    """The triples of ``quads`` (graphs merged), one a line, sorted."""
    return "".join(_lines(quads, graphs=False))


def nquads_document(quads: Iterable[tuple]) -> str:
    """The quads, each in its named graph, one a line, sorted."""
    return "".join(_lines(quads, graphs=True))


def turtle_document(quads: Iterable[tuple]) -> str:
    """Turtle of the triples of ``quads``, written by Oxigraph with the context's prefixes."""
    data = ntriples_document(quads).encode("utf-8")
    triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES).decode("utf-8")


@cache
def _compact(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


compact = _compact  # an IRI as the documents' JSON-LD writes it (a CURIE where one fits)


def _id(term) -> str:
    return f"_:{term}" if isinstance(term, BNode) else _compact(str(term))


def _value(term) -> dict:
    if isinstance(term, Literal):
        value: dict = {"@value": str(term)}
        if term.language:
            value["@language"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            value["@type"] = _compact(str(term.datatype))
        return value
    return {"@id": _id(term)}


def _key(value: dict) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@cache
def _context_text() -> str:
    return json.dumps(context()["@context"], indent=2, ensure_ascii=False, sort_keys=True)


def jsonld_document(quads: Iterable[tuple], items: Iterable[str] = ()) -> str:
    """Compact JSON-LD of the triples of ``quads`` (graphs merged), the context inline, one
    node object a line (json's C encoder: ``indent=`` would use the Python one); ``items``:
    more node objects, written already, of subjects no quad has."""
    nodes: dict[str, dict] = {}
    for s, p, o, _ in quads:
        node = nodes.setdefault(_id(s), {})
        if p == _TYPE and not isinstance(o, Literal):
            node.setdefault("@type", set()).add(_id(o))
        else:
            node.setdefault(_compact(str(p)), {}).setdefault(o, None)
    items = list(items)
    for subject, props in nodes.items():
        node: dict = {"@id": subject}
        for key, found in props.items():
            if key == "@type":
                types = sorted(found)
                node[key] = types[0] if len(types) == 1 else types
            elif len(found) == 1:
                node[key] = _value(next(iter(found)))
            else:
                node[key] = sorted(map(_value, found), key=_key)
        items.append(_key(node))
    graph = ",\n".join(sorted(items))
    return '{"@context": ' + _context_text() + ',\n"@graph": [\n' + graph + "\n]}\n"


def rdfxml_document(quads: Iterable[tuple]) -> str:
    """RDF/XML of the triples of ``quads`` (for Protégé and SPARQLWrapper's defaults), written
    by Oxigraph from the sorted N-Triples, so the same bytes on every run."""
    data = ntriples_document(quads).encode("utf-8")
    triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=_PREFIXES).decode("utf-8")


def all_documents(
    quads: list[tuple], nodes: Iterable[tuple[list[str], str]] = ()
) -> dict[str, str]:
    """The five documents of one description by suffix, its statements written once;
    ``nodes``: more statements, written already (``void.subset_nodes``): the N-Triples lines
    and the JSON-LD node object of each of some subjects no quad has, in the default graph."""
    text = _text
    lines, graphed = set(), set()
    for s, p, o, g in quads:  # each statement's text made once, for both
        line = f"{text(s)} {text(p)} {text(o)}"
        lines.add(line + " .\n")
        graphed.add(line + (f" {text(g)} .\n" if g is not None else " .\n"))
    items = []
    for written, item in nodes:
        lines.update(written)
        graphed.update(written)
        items.append(item)
    nt = "".join(sorted(lines))
    parsed = list(ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    return {
        ".ttl": ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES).decode(),
        ".jsonld": jsonld_document(quads, items),
        ".nt": nt,
        ".nq": "".join(sorted(graphed)),
        ".rdf": ox.serialize(parsed, format=ox.RdfFormat.RDF_XML, prefixes=_PREFIXES).decode(),
    }


# The documents of a description, by suffix (a server renders only the one asked for).
WRITERS = {
    ".ttl": turtle_document,
    ".jsonld": jsonld_document,
    ".nt": ntriples_document,
    ".nq": nquads_document,
    ".rdf": rdfxml_document,
}
