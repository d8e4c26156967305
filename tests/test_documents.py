"""The JSON the documents and pages write as text (from each term's text, and the schema
profile's indented writer) against what it replaced: node objects made as dicts from rdflib
terms, and json.dumps, on tricky strings (quotes, control and non-ASCII characters)."""

from __future__ import annotations

import json

import pytest
from rdflib import RDF, XSD, BNode, Literal, URIRef

from mapper.publish.render.documents import all_documents, compact, jsonld_document

EX = "https://w3id.org/defrel/data/"
TRICKY = [
    'quote " and \\ back',
    "tab\tnew\nline\r\x00\x01\x1f\x7f",
    "é ü 中文 🙂",
    "\u2028\u2029",
    "",
]


def _reference_nodes(quads) -> list[str]:
    def ident(term):
        return f"_:{term}" if isinstance(term, BNode) else compact(str(term))

    def value(term):
        if isinstance(term, Literal):
            found = {"@value": str(term)}
            if term.language:
                found["@language"] = term.language
            elif term.datatype is not None and term.datatype != XSD.string:
                found["@type"] = compact(str(term.datatype))
            return found
        return {"@id": ident(term)}

    def key(found):
        return json.dumps(found, sort_keys=True, ensure_ascii=False)

    nodes: dict = {}
    for s, p, o, _ in quads:
        node = nodes.setdefault(ident(s), {})
        if p == RDF.type and not isinstance(o, Literal):
            node.setdefault("@type", set()).add(ident(o))
        else:
            node.setdefault(compact(str(p)), {}).setdefault(o, None)
    items = []
    for subject, props in nodes.items():
        node = {"@id": subject}
        for name, found in props.items():
            if name == "@type":
                types = sorted(found)
                node[name] = types[0] if len(types) == 1 else types
            elif len(found) == 1:
                node[name] = value(next(iter(found)))
            else:
                node[name] = sorted(map(value, found), key=key)
        items.append(key(node))
    return sorted(items)


def _quads():
    s, other, graph = URIRef(EX + "entity/a"), URIRef(EX + "entity/b"), URIRef(EX + "graph/g")
    p, q = URIRef("https://schema.org/name"), URIRef("http://example.org/p\u00e9")
    quads = [
        (s, RDF.type, URIRef("https://schema.org/Person"), None),
        (s, RDF.type, URIRef("https://schema.org/Thing"), graph),
        (s, RDF.type, Literal("a literal type"), None),
        (s, p, Literal("Name", lang="en"), None),
        (s, p, Literal("Name", lang="EN"), graph),  # rdflib-equal to the one above: once
        (s, p, Literal("Name"), None),
        (s, p, Literal("Name", datatype=XSD.string), None),  # not rdflib-equal: twice
        (s, p, Literal("3", datatype=XSD.integer), None),
        (s, q, other, None),
        (s, q, URIRef(str(other)), graph),  # another object, equal: once
        (s, q, BNode("b1"), None),
        (BNode("b1"), p, Literal("blank"), None),
        (other, p, Literal("b"), None),
    ]
    for n, text in enumerate(TRICKY):
        quads.append((other, URIRef(f"{EX}vocab/p{n}"), Literal(text), None))
        quads.append((other, q, Literal(text, lang="fr"), graph))
        quads.append(
            (URIRef(f"{EX}entity/{n}"), p, Literal(text, datatype=URIRef(EX + "vocab/kind")), None)
        )
    return quads


def test_jsonld_is_the_reference_json():
    quads = _quads()
    text = jsonld_document(quads)
    graph = text.split('"@graph": [\n', 1)[1].removesuffix("\n]}\n")
    assert graph.split(",\n") == _reference_nodes(quads)
    json.loads(text)  # and JSON


def _copy(term):
    """An equal term, another object (as another article's parse makes)."""
    if isinstance(term, Literal):
        return Literal(str(term), lang=term.language, datatype=term.datatype)
    return None if term is None else type(term)(str(term))


def test_documents_do_not_depend_on_term_objects():
    quads = _quads()
    fresh = [tuple(map(_copy, q)) for q in quads]
    assert all_documents(fresh) == all_documents(quads)


def test_schema_profile_json_is_json_dumps_indent_2():
    """The embedded JSON-LD's own writer against ``json.dumps(indent=2)``, which it replaced."""
    from mapper.publish.render.schemajson import _json

    value = {
        "@context": {"@vocab": "https://schema.org/", "name": {"@language": None}, "x": {}},
        "@id": TRICKY[0],
        "@type": ["A", "B"],
        "flag": True,
        "off": False,
        "nested": [{"k": TRICKY[1]}, [], [TRICKY[2], {"d": [TRICKY[3], TRICKY[4]]}]],
        TRICKY[2]: 3,
        "empty": [],
    }
    assert _json(value) == json.dumps(value, indent=2, ensure_ascii=False)
    for scalar in TRICKY + [True, False, None, 0, 1.5, {}, []]:
        assert _json(scalar) == json.dumps(scalar, indent=2, ensure_ascii=False)


def test_an_iri_no_strict_parser_has_read_is_refused_not_copied_into_turtle():
    # N-Triples escape '>' in an IRI; Oxigraph's Turtle writer would copy it out raw
    bad = URIRef("http://example.org/a>b")
    quads = [(bad, RDF.type, URIRef("http://example.org/C"), None)]
    with pytest.raises(SyntaxError, match="Invalid IRI"):
        all_documents(quads)


def test_checked_terms_give_the_same_documents_as_strictly_parsed_ones():
    quads = [
        (URIRef("http://example.org/s"), RDF.type, URIRef("http://example.org/C"), None),
        (
            URIRef("http://example.org/s"),
            URIRef("http://example.org/p"),
            Literal("é", lang="fr"),
            None,
        ),
    ]
    assert all_documents(quads, checked=True) == all_documents(quads)
