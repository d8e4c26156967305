"""The five RDF documents of a resource's description (``.ttl``, ``.jsonld``, ``.nt``, ``.nq``,
``.rdf``), written from its quads without an rdflib graph in between: a site has one
description per resource, and rdflib's serialisers took about 10 ms each, more than all the
rest of a page.

* N-Triples and N-Quads: one statement a line (``rdf.ntriples``), sorted;
* Turtle and RDF/XML: Oxigraph's (Rust) from those lines, with the context's prefixes;
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
from json.encoder import encode_basestring
from operator import itemgetter
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import XSD

from ...rdf.ntriples import iri_text, nt_term
from ...rdf.vocab import NS, context

__all__ = [
    "WRITERS", "all_documents", "compact", "jsonld_document", "nquads_document", "ntriples_document",
    "rdfxml_document", "turtle_document",
]  # fmt: skip

_PREFIXES = {prefix: str(ns) for prefix, ns in NS.items()}
_TYPE = RDF.type
_STRING = XSD.string


_text = lru_cache(maxsize=1 << 16)(nt_term)  # a term's N-Triples text, made once
_iri_text = lru_cache(maxsize=1 << 16)(iri_text)  # the same of an IRI, by its str (hashed in C)
_TYPE_IRI = str(_TYPE)


@cache
def _compact(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


compact = _compact  # an IRI as the documents' JSON-LD writes it (a CURIE where one fits)

# a str as json.dumps(..., ensure_ascii=False) writes it, quotes and all (the function it uses)
_string = encode_basestring


def _id(term) -> str:
    return f"_:{term}" if isinstance(term, BNode) else _compact(str(term))


def _value_text(term) -> tuple[str, object]:
    """A term's JSON-LD value object as ``json.dumps(value, sort_keys=True, ensure_ascii=False)``
    writes it, and a key that two terms share exactly when rdflib holds them equal (a
    literal's language compared without case; a literal never equals an IRI or a blank
    node, nor an IRI a blank node)."""
    if isinstance(term, Literal):
        head = "{"
        if term.language:
            head = '{"@language": ' + _string(term.language) + ", "
        elif term.datatype is not None and term.datatype != _STRING:
            head = '{"@type": ' + _string(_compact(str(term.datatype))) + ", "
        language = term.language.lower() if term.language else None
        equal = (str(term), language, None if term.datatype is None else str(term.datatype))
        return head + '"@value": ' + _string(str(term)) + "}", equal
    return '{"@id": ' + _string(_id(term)) + "}", (type(term), str(term))


class _Term(NamedTuple):
    """What the documents write of one term."""

    term: object  # held, so that no other object takes its id while this is remembered
    text: str  # N-Triples
    id: str | None  # JSON-LD (None: a literal)
    value: str  # JSON-LD value object, as JSON text
    equal: object  # the same for terms rdflib holds equal
    is_type: bool  # rdf:type (as a predicate: the node's "@type")


# id(term) -> _Term. rdflib's terms hash and compare in Python, and a page's documents looked
# terms up by value several times a statement; by identity it is a C lookup. A term object is
# shared by every page of an article (``site.terms``), and of a bucket's shared pages.
_TERMS: dict[int, _Term] = {}
# more than an article's terms or a bucket's most; few enough that the GC's walks stay short
_REMEMBERED = 1 << 13


def _term(term) -> _Term:
    if len(_TERMS) >= _REMEMBERED:
        _TERMS.clear()
    if type(term) is URIRef:  # most terms: what the general case below makes of an IRI
        iri = str(term)
        jsonld_id = _compact(iri)
        value = '{"@id": ' + _string(jsonld_id) + "}"
        made = _Term(term, _iri_text(iri), jsonld_id, value, (URIRef, iri), iri == _TYPE_IRI)
    else:
        value, equal = _value_text(term)
        jsonld_id = None if isinstance(term, Literal) else _id(term)
        # (rdf:type is a URIRef: no literal, blank node or other kind of term equals it)
        made = _Term(term, _text(term), jsonld_id, value, equal, False)
    _TERMS[id(term)] = made
    return made


# What the documents write of one statement (a quad), as a plain tuple (a NamedTuple's
# constructor is Python code, and a page's quads are made into these by the thousand):
#   the quad (held, so that no other object takes its id while this is remembered),
#   its N-Triples line, its N-Quads line, its subject's JSON-LD id, where its object goes in
#   the subject's node object (a property's key, or "@type"), the object's equality key
#   (see _value_text; of a type: its id), the object as JSON text (of a type: its id).
_Statement = tuple[tuple, str, str, str, str, object, str]
_TRIPLE, _LINE = itemgetter(1), itemgetter(2)

# id(quad) -> _Statement. The same quad (the very tuple, ``Catalogue.describe`` returns those
# of its index) is on several pages of an article: the article's, each fact's, which link to
# each other; what it writes is made once. Emptied, like _TERMS, past an article's quads.
_STATEMENTS: dict[int, _Statement] = {}
_REMEMBERED_STATEMENTS = 1 << 10


def _statement(quad: tuple) -> _Statement:
    if len(_STATEMENTS) >= _REMEMBERED_STATEMENTS:
        _STATEMENTS.clear()
    known = _TERMS
    s, p, o, g = quad
    s = known.get(id(s)) or _term(s)
    p = known.get(id(p)) or _term(p)
    o = known.get(id(o)) or _term(o)
    triple = f"{s.text} {p.text} {o.text}"
    line = f"{triple} .\n" if g is None else f"{triple} {(known.get(id(g)) or _term(g)).text} .\n"
    if p.is_type and o.id is not None:
        made = (quad, triple + " .\n", line, s.id, "@type", o.id, o.id)
    else:
        made = (quad, triple + " .\n", line, s.id, p.id, o.equal, o.value)
    _STATEMENTS[id(quad)] = made
    return made


def _read(quads: Iterable[tuple]) -> tuple[set[str], set[str], dict[str, dict]]:
    """In one pass over ``quads``: their N-Triples lines, their N-Quads lines, and each
    subject's node object by its id (each key: a property's values, or "@type" its types'
    ids, by equality key the first of rdflib-equal ones)."""
    known = _STATEMENTS
    said = [known.get(id(q)) or _statement(q) for q in quads]
    nodes: dict[str, dict] = {}
    for _, _, _, subject, key, equal, value in said:
        node = nodes.get(subject)
        if node is None:
            node = nodes[subject] = {}
        values = node.get(key)
        if values is None:
            node[key] = {equal: value}
        elif equal not in values:
            values[equal] = value
    return set(map(_TRIPLE, said)), set(map(_LINE, said)), nodes


def _node_texts(nodes: dict[str, dict]) -> list[str]:
    """Each node object of ``_read`` as ``json.dumps(node, sort_keys=True, ensure_ascii=False)``
    writes it: one type or value as itself, several as a list sorted by their text."""
    items = []
    for subject, props in nodes.items():
        fields = {"@id": _string(subject)}
        for key, found in props.items():
            if key == "@type":
                types = sorted(found)  # (by id: a type's value is its id)
                text = ", ".join(map(_string, types))
                fields[key] = text if len(types) == 1 else f"[{text}]"
            elif len(found) == 1:
                (fields[key],) = found.values()
            else:
                fields[key] = "[" + ", ".join(sorted(found.values())) + "]"
        items.append("{" + ", ".join([f"{_string(k)}: {fields[k]}" for k in sorted(fields)]) + "}")
    return items


@cache
def _context_text() -> str:
    return json.dumps(context()["@context"], indent=2, ensure_ascii=False, sort_keys=True)


def _jsonld(nodes: dict[str, dict], items: list[str]) -> str:
    graph = ",\n".join(sorted(items + _node_texts(nodes)))
    return '{"@context": ' + _context_text() + ',\n"@graph": [\n' + graph + "\n]}\n"


def _oxigraph(nt: str, format: ox.RdfFormat) -> str:
    triples = ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=format, prefixes=_PREFIXES).decode("utf-8")


def ntriples_document(quads: Iterable[tuple]) -> str:
    """The triples of ``quads`` (graphs merged), one a line, sorted."""
    return "".join(sorted(_read(quads)[0]))


def nquads_document(quads: Iterable[tuple]) -> str:
    """The quads, each in its named graph, one a line, sorted."""
    return "".join(sorted(_read(quads)[1]))


def turtle_document(quads: Iterable[tuple]) -> str:
    """Turtle of the triples of ``quads``, written by Oxigraph with the context's prefixes."""
    return _oxigraph(ntriples_document(quads), ox.RdfFormat.TURTLE)


def rdfxml_document(quads: Iterable[tuple]) -> str:
    """RDF/XML of the triples of ``quads`` (for Protégé and SPARQLWrapper's defaults), written
    by Oxigraph from the sorted N-Triples, so the same bytes on every run."""
    return _oxigraph(ntriples_document(quads), ox.RdfFormat.RDF_XML)


def jsonld_document(quads: Iterable[tuple], items: Iterable[str] = ()) -> str:
    """Compact JSON-LD of the triples of ``quads`` (graphs merged), the context inline, one
    node object a line; ``items``: more node objects, written already, of subjects no quad
    has."""
    return _jsonld(_read(quads)[2], list(items))


def all_documents(
    quads: Iterable[tuple], nodes: Iterable[tuple[list[str], str]] = (), *, checked: bool = False
) -> dict[str, str]:
    """The five documents of one description by suffix, its statements read once;
    ``nodes``: more statements, written already (``void.subset_nodes``): the N-Triples lines
    and the JSON-LD node object of each of some subjects no quad has, in the default graph.
    ``checked``: every IRI and language tag of ``quads`` has been through a strict parser
    already (the site's terms: see ``site.terms``), so Oxigraph's reading of the N-Triples
    made of them here skips that check (half its parse). Otherwise an invalid IRI is
    refused: Oxigraph's Turtle and RDF/XML writers would copy it out unescaped."""
    lines, graphed, found = _read(quads)
    items = []
    for written, item in nodes:
        lines.update(written)
        graphed.update(written)
        items.append(item)
    nt = "".join(sorted(lines))
    parsed = list(ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, lenient=checked))
    return {
        ".ttl": ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES).decode(),
        ".jsonld": _jsonld(found, items),
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
