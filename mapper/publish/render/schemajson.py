"""The compact JSON-LD a page embeds: the ``schema`` profile of a resource's description.

A search engine, a link preview or a naive script reads a page's JSON-LD as plain JSON: it
matches ``"@type": "NewsArticle"`` and reads ``"headline"`` as a string.  The ``full`` profile
(the resource's ``.jsonld`` document) is exact RDF but hides that under CURIEs, value objects
and Web Annotation selectors.  This profile keeps, from the same description:

- the resource's schema.org types and properties only, names without a prefix (the context's
  ``@vocab`` is schema.org) and strings as plain strings (the context's ``@language`` is the
  page's; dates, URLs and codes get their datatype from a term definition, not a value object);
- its details (image, quantities, a place's address) nested; every other resource it links
  to as ``@id``, its schema.org type, its name, its URL and its postal address, so that
  the link can be read without fetching it (Google reads an article's ``author.url`` and an
  event's ``location.address`` on that page);
- a role's holder (schema.org's Role pattern: holder ``memberOf`` role ``memberOf``
  organisation) under ``@reverse``, so that the role's page names who holds it;
- its evidence as ``defrel:evidence`` links, each with the ``url`` of the quote's anchor on
  the article page (the selectors stay in the RDF documents).

Every triple it expands to is one of the description's, except each evidence link's ``url``.
Only JSON-LD 1.0 features are used (no ``@version``), so a 1.0 processor reads it too.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from json.encoder import encode_basestring

from rdflib import RDF, BNode, Literal, URIRef
from rdflib.term import Node

from ...errors import InputError
from ...rdf.vocab import NS, XSD, curie
from .describe import Catalogue, Quad
from .views import Layout

__all__ = ["EMBED_BUDGET", "PROFILES", "base_of", "resolve_resource", "schema_jsonld"]

SCHEMA, DEFREL, OA = NS["schema"], NS["defrel"], NS["oa"]
PROFILES = ("schema", "full")
# The size a page's embedded JSON-LD should stay under (the seed's article page is ~10 KB):
# tests/test_schemaorg.py holds the site to it.
EMBED_BUDGET = 20_000
_S = str(SCHEMA)
_FIRST = ("@context", "@id", "@type")
_ROLE = SCHEMA.OrganizationRole
# properties as _Index.props keys them: by their IRI (a str hashes and compares in C,
# where rdflib's terms compare in Python)
_TYPE, _NAME, _URL, _ADDRESS = map(str, (RDF.type, SCHEMA.name, SCHEMA.url, SCHEMA.address))
_MEMBER_OF, _IN_LANGUAGE = str(SCHEMA.memberOf), str(SCHEMA.inLanguage)
_EVIDENCE, _TARGET, _SOURCE = map(str, (DEFREL.evidence, OA.hasTarget, OA.hasSource))
_STRING, _BOOLEAN, _ANY_URI = map(str, (XSD.string, XSD.boolean, XSD.anyURI))
_same = str.__eq__


class _Index:
    """A description's statements by subject, and a node's properties (property IRI ->
    values) made when the builder first asks for them: a property looked up there is hashed
    and compared in C, where comparing it with each statement's was a Python call."""

    def __init__(self, quads: Iterable[Quad]) -> None:
        self.quads: dict[Node, list[Quad]] = {}
        for quad in quads:
            self.quads.setdefault(quad[0], []).append(quad)
        self.made: dict[Node, dict[str, set[Node]]] = {}

    def props(self, node: Node) -> dict[str, set[Node]]:
        found = self.made.get(node)
        if found is None:
            found = self.made[node] = {}
            for _, p, o, _ in self.quads.get(node, ()):
                found.setdefault(str(p), set()).add(o)
        return found


def _is_schema(term: Node) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(_S) and len(term) > len(_S)


class _Builder:
    def __init__(self, layout: Layout, out: _Index, lang: str, exact: frozenset[str]) -> None:
        self.layout, self.out, self.lang, self.exact = layout, out, lang, exact
        self.prefixes: set[str] = set()
        self.kinds: dict[str, set[tuple[str, str | None]]] = defaultdict(set)

    def key(self, prop: str) -> str:
        if prop.startswith(_S) and len(prop) > len(_S):
            return prop[len(_S) :]
        return self.name(prop)

    def name(self, iri: str) -> str:
        """A CURIE for ``iri``, its prefix then declared in the context; or the IRI itself,
        if it is in none of defrel's namespaces (a store may hold any data)."""
        found = curie(iri)
        if found != iri:
            self.prefixes.add(found.split(":", 1)[0])
        return found

    def types(self, node: Node) -> str | list[str] | None:
        found = sorted(self.out.props(node).get(_TYPE, ()))
        names = [str(t)[len(_S) :] for t in found if _is_schema(t)]
        if not names:  # no schema.org type: its own (a post, a relation), as CURIEs
            names = sorted(self.key(str(t)) for t in found if isinstance(t, URIRef))
        return None if not names else names[0] if len(names) == 1 else names

    def literal(self, key: str, value: Literal):
        """A plain JSON value; the term's datatype or language goes into the context (or,
        for a property in ``exact``, into a value object of its own unless it is a string of
        the page's language)."""
        if key in self.exact:
            return self.value_object(value)
        datatype = value.datatype  # (compared as a str, in C: rdflib's __eq__ is Python)
        if value.language is not None:
            kind = ("lang", value.language)
        elif datatype is None or _same(_STRING, datatype):
            kind = ("plain", None)
        elif _same(_BOOLEAN, datatype):
            return bool(value.toPython())
        else:
            return self.typed(key, str(value), datatype)
        self.kinds[key].add(kind)
        return str(value)

    def typed(self, key: str, text: str, datatype: str) -> str | dict:
        """``literal`` of a value ``text`` of ``datatype`` (neither a string nor a boolean),
        without making the rdflib Literal."""
        name = self.name(str(datatype))
        if key in self.exact:
            return {"@value": text, "@type": name}
        self.kinds[key].add(("type", name))
        return text

    def value_object(self, value: Literal):
        if value.language == self.lang:
            return str(value)
        if value.language is not None:
            return {"@value": str(value), "@language": value.language}
        datatype = value.datatype
        if datatype is not None and _same(_BOOLEAN, datatype):
            return bool(value.toPython())
        if datatype is None or _same(_STRING, datatype):
            return {"@value": str(value)}
        return {"@value": str(value), "@type": self.name(str(datatype))}

    def link(self, node: Node) -> dict:
        """Another resource: its IRI, type and name, as the description states them."""
        item: dict = {"@id": str(node)}
        kind = self.types(node)
        if kind:
            item["@type"] = kind
        props = self.out.props(node)
        names = sorted(props.get(_NAME, ()))
        if names and isinstance(names[0], Literal):
            item["name"] = self.literal("name", names[0])
        urls = sorted(props.get(_URL, ()))
        if urls and isinstance(urls[0], Literal):
            item["url"] = self.literal("url", urls[0])
        addresses = sorted(props.get(_ADDRESS, ()))
        if addresses:
            item["address"] = self.node(addresses[0], root=False)
        return item

    def node(self, node: Node, *, root: bool) -> dict:
        item: dict = {} if isinstance(node, BNode) else {"@id": str(node)}
        kind = self.types(node)
        if kind:
            item["@type"] = kind
        values: dict[str, list] = defaultdict(list)
        props = self.out.props(node)
        for p in sorted(props):  # (property, value) pairs in order, as sorting them would
            if p == _TYPE:
                continue
            if p == _EVIDENCE and root:
                values[self.key(p)] += [self.evidence(o) for o in sorted(props[p])]
                continue
            if not (p.startswith(_S) and len(p) > len(_S)):  # not a schema.org property
                continue
            key = self.key(p)
            for o in sorted(props[p]):
                if isinstance(o, Literal):
                    values[key].append(self.literal(key, o))
                elif self.is_detail(node, o):
                    values[key].append(self.node(o, root=False))
                else:
                    values[key].append(self.link(o))
        for key in sorted(values):
            found = values[key]
            item[key] = found[0] if len(found) == 1 else found
        if root and _ROLE in props.get(_TYPE, ()):
            # a role's holder is the subject of the Role pattern's first memberOf
            holders = [self.link(h) for h in sorted(self.holders(node))]
            if holders:
                item["@reverse"] = {"memberOf": holders[0] if len(holders) == 1 else holders}
        return item

    def holders(self, role: Node) -> set[Node]:
        out = self.out
        return {s for s in out.quads if role in out.props(s).get(_MEMBER_OF, ())}

    def is_detail(self, owner: Node, node: Node) -> bool:
        return isinstance(node, BNode) or str(node).startswith(f"{owner}/")

    def evidence(self, annotation: Node) -> dict:
        """An evidence annotation as the URL of its quote's anchor on the article page."""
        item: dict = {"@id": str(annotation)}
        targets = self.out.props(annotation).get(_TARGET, ())
        sources = [o for t in targets for o in self.out.props(t).get(_SOURCE, ())]
        if sources:
            page = f"{sources[0]}.html#{self.layout.anchor(annotation)}"
            item["url"] = self.typed("url", page, _ANY_URI)  # (an rdflib Literal costs more)
        return item

    def context(self) -> dict:
        ctx: dict = {"@vocab": _S, "@language": self.lang}
        for prefix in sorted(self.prefixes):
            ctx[prefix] = str(NS[prefix])
        mixed = {key for key, kinds in self.kinds.items() if len(kinds) != 1}
        if mixed:
            raise _Mixed(mixed)
        for key in sorted(self.kinds):
            kinds = self.kinds[key]
            if kinds == {("lang", self.lang)}:
                continue
            ((how, what),) = kinds
            iri = str(SCHEMA[key]) if ":" not in key else key
            term: dict = {"@id": iri}
            if how == "plain":
                term["@language"] = None
            elif how == "lang":
                term["@language"] = what
            else:
                term["@type"] = what
            ctx[key] = term
        return ctx


class _Mixed(Exception):
    """Properties with values of several datatypes or languages: no one term fits them."""

    def __init__(self, keys: set[str]) -> None:
        super().__init__(", ".join(sorted(keys)))
        self.keys = keys


def _ordered(item: dict) -> dict:
    head = {k: item[k] for k in _FIRST if k in item}
    return head | {k: v for k, v in item.items() if k not in head}


def _json(value, indent: str = "\n") -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)`` of the objects ``_Builder`` makes
    (dicts with str keys, lists, strs, bools), written here: json's ``indent=`` runs its
    Python encoder, a generator a value, which took a third of this profile's time."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict) and value:
        inner = indent + "  "
        items = (f"{encode_basestring(k)}: {_json(v, inner)}" for k, v in value.items())
        return "{" + inner + ("," + inner).join(items) + indent + "}"
    if isinstance(value, list) and value:
        inner = indent + "  "
        return "[" + inner + ("," + inner).join(_json(v, inner) for v in value) + indent + "]"
    return json.dumps(value)  # true, false, null, a number, {} or []


def schema_jsonld(layout: Layout, iri: URIRef, quads: Iterable[Quad]) -> str:
    """The ``schema`` profile of the resource ``iri`` described by ``quads``, as JSON text;
    strings in the page's language (the resource's ``inLanguage``, else English) are plain."""
    out = _Index(quads)
    langs = sorted(str(o) for o in out.props(iri).get(_IN_LANGUAGE, ()))
    lang = langs[0] if langs else "en"
    exact: frozenset[str] = frozenset()
    while True:
        builder = _Builder(layout, out, lang, exact)
        item = builder.node(iri, root=True)
        try:
            context = builder.context()
            break
        except _Mixed as mixed:  # a property with values of two datatypes or languages: its
            exact |= mixed.keys  # values as value objects, every other property's plain
    return _json(_ordered({"@context": context, **item})) + "\n"


def base_of(iri: str) -> str:
    """The base a resource IRI was minted under (``{base}article/x`` -> ``{base}``)."""
    for marker in ("/article/", "/entity/", "/post/"):
        if marker in iri:
            return iri[: iri.index(marker) + 1]
    return iri.rsplit("/", 1)[0] + "/"


def resolve_resource(cat: Catalogue, name: str, base: str | None) -> str:
    """An IRI as given, or the one resource a slug names: ``{base}{slug}``, else the single
    resource whose IRI ends in ``/{slug}`` (entity, article or post)."""
    if name.startswith(("http://", "https://")):
        return name
    if base is not None and URIRef(base + name) in cat.resources:
        return base + name
    found = sorted(str(r) for r in cat.resources if str(r).endswith("/" + name))
    if len(found) > 1:
        raise InputError(
            f"{name!r} names {len(found)} resources: {', '.join(found[:4])}",
            hint="give the full IRI, or a longer slug (entity/russia, article/slug)",
        )
    return found[0] if found else name
