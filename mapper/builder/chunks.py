"""One article's part of each output file, as text, from its sorted N-Triples lines.

The dataset files are these parts joined in article order under one header, so a build can
reuse the parts of articles that did not change and still write what a full build writes:

* N-Quads: the article's lines with its graph name;
* Turtle: written by Oxigraph (Rust) from the same lines, the prefixes stated once at the top
  of the file (the union of the articles' graphs: a triple two articles share is simply
  stated twice, which Turtle allows);
* JSON-LD: one ``{"@id": graph, "@graph": [...]}`` object per article, each node with its
  properties as compact IRIs of the bundled context and every value an explicit
  ``@id``/``@value`` object, so nothing depends on term definitions or type coercion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from time import perf_counter

import pyoxigraph as ox
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import XSD

from ..rdf.vocab import NS, context

_TYPE = RDF.type

__all__ = [
    "ArticleText",
    "add_inferred",
    "article_texts",
    "dataset_jsonld_head",
    "dataset_jsonld_tail",
    "prefixes",
    "turtle_head",
]

_PREFIXES = {prefix: str(ns) for prefix, ns in NS.items()}


def prefixes(base: str) -> dict[str, str]:
    """The Turtle prefixes: the context's, and ``data:`` for the base IRI."""
    return {**_PREFIXES, "data": base}


def turtle_head(base: str) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes(base).items()))


def _turtle_body(lines: list[str], base: str) -> str:
    """Oxigraph's Turtle for the lines, without its @prefix lines (the file states them)."""
    data = "".join(f"{line} .\n" for line in lines).encode("utf-8")
    text = ox.serialize(
        ox.parse(data, format=ox.RdfFormat.N_TRIPLES),
        format=ox.RdfFormat.TURTLE,
        prefixes=prefixes(base),
    ).decode("utf-8")
    lines_out = text.splitlines(keepends=True)
    start = 0  # the @prefix lines come first; nothing after them is touched
    while start < len(lines_out) and lines_out[start].startswith(("@prefix ", "\n")):
        start += 1
    return "".join(lines_out[start:])


def _compact(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


@cache
def _compact_cached(iri: str) -> str:
    return _compact(iri)


def _value(term) -> dict:
    if isinstance(term, Literal):
        value: dict = {"@value": str(term)}
        if term.language:
            value["@language"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            value["@type"] = _compact_cached(str(term.datatype))
        return value
    return {"@id": str(term)}


def jsonld_nodes(pairs: list[tuple[str, tuple]]) -> list[dict]:
    """Node objects from (N-Triples line, triple) pairs sorted by line: nodes, properties
    and values come out in that (byte-stable) order, with no sorting of their own."""
    nodes: list[dict] = []
    node: dict = {}
    subject = None
    for _, (s, p, o) in pairs:
        if s is not subject and s != subject:
            subject, node = s, {"@id": str(s)}
            nodes.append(node)
        if p == _TYPE and isinstance(o, URIRef):
            node.setdefault("@type", []).append(_compact_cached(str(o)))
        else:
            node.setdefault(_compact_cached(str(p)), []).append(_value(o))
    return nodes


@cache
def _context_text() -> str:
    return json.dumps(context()["@context"], indent=2, ensure_ascii=False)


def dataset_jsonld_head() -> str:
    return '{\n"@context": ' + _context_text() + ',\n"@graph": [\n'


def dataset_jsonld_tail() -> str:
    return "\n]\n}\n"


def _items(nodes: list[dict]) -> str:
    # one node a line: readable, and json's C encoder (indent= would use the Python one)
    return ",\n".join(json.dumps(node, ensure_ascii=False) for node in nodes)


def _graph_object(graph: str, items: str) -> str:
    return f'{{"@id": {json.dumps(graph)}, "@graph": [\n{items}\n]}}'


def add_inferred(texts: ArticleText, pairs: list[tuple[str, tuple]], graph: str) -> None:
    """Add the article's inferred graph ``graph`` (its triples as ``article_texts`` takes
    them) to its parts of the N-Quads and JSON-LD datasets, after its own graph; the Turtle
    (one graph) and the article's own files keep to what the article says."""
    name = f" <{graph}> ."
    texts.nquads += "".join(f"{line}{name}\n" for line, _ in pairs)
    texts.jsonld += ",\n" + _graph_object(graph, _items(jsonld_nodes(pairs)))


@dataclass
class ArticleText:
    """An article's part of each dataset file, and its own two files."""

    nquads: str
    turtle: str  # without prefixes
    jsonld: str  # the graph object, no separator
    article_ttl: str
    article_jsonld: str


def article_texts(
    pairs: list[tuple[str, tuple]], graph: str, base: str, *, seconds: dict | None = None
) -> ArticleText:
    """Everything written for one article, from its triples as (N-Triples line, triple)
    pairs sorted by line (``ntriples.ntriples``); ``graph`` is its graph IRI. The time each
    format took is added to ``seconds`` (for the benchmark)."""
    started = perf_counter()
    lines = [line for line, _ in pairs]
    name = f" <{graph}> ."
    nquads = "".join(f"{line}{name}\n" for line in lines)
    nq_done = perf_counter()
    turtle = _turtle_body(lines, base)
    ttl_done = perf_counter()
    nodes = jsonld_nodes(pairs)
    items = _items(nodes)
    graph_object = _graph_object(graph, items)
    document = '{"@context": ' + _context_text() + ',\n"@graph": [\n' + items + "\n]}\n"
    if seconds is not None:
        seconds["serialise N-Quads"] = nq_done - started
        seconds["serialise Turtle"] = ttl_done - nq_done
        seconds["serialise JSON-LD"] = perf_counter() - ttl_done
    return ArticleText(
        nquads=nquads,
        turtle=turtle,
        jsonld=graph_object,
        article_ttl=turtle_head(base) + "\n" + turtle,
        article_jsonld=document,
    )
