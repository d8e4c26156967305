"""Describe the published dataset in VoID (size, classes, examples, dumps, endpoint, graphs)
and DCAT-AP (``dcat.py``), and list the site's pages in a sitemap.xml."""

from __future__ import annotations

from collections import Counter
from xml.sax.saxutils import escape

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, VOID

from ..rdf.mapping import bind_prefixes
from ..rdf.mint import slugify
from ..rdf.vocab import NS, curie
from .dcat import DUMPS, DumpFile, Publisher, add_catalogue
from .describe import Catalogue

__all__ = ["DUMPS", "dataset_iri", "sitemap_xml", "void_graph"]

DCTERMS, SCHEMA, DEFREL = NS["dcterms"], NS["schema"], NS["defrel"]
TITLE = "defrel: defence relations in the news"
DESCRIPTION = (
    "What news articles say about defence relations between states (visits, meetings, "
    "agreements, arms transfers, statements, alliances, posts), each fact linked to the words "
    "of the article that support it."
)
RIGHTS = "Article texts are quoted from their publishers and remain theirs."


def dataset_iri(base: str) -> URIRef:
    return URIRef(f"{base}void#dataset")


def _examples(cat: Catalogue) -> list[URIRef]:
    """The articles, and the first person, country and event by IRI."""
    picks = sorted(r for r in cat.resources if SCHEMA.NewsArticle in cat.types(r))
    for cls in (SCHEMA.Person, SCHEMA.Country, SCHEMA.Event):
        found = sorted(r for r in cat.resources if cls in cat.types(r))
        picks += found[:1]
    return picks


def void_graph(
    cat: Catalogue,
    *,
    base: str,
    license: str,
    graphs: dict[str, URIRef],
    triples: dict[str, int],
    predicates: set[str] | None = None,
    publisher: Publisher | None = None,
    dumps: dict[str, DumpFile] | None = None,
) -> Graph:
    """The VoID + DCAT-AP description of the dataset; every node has an IRI below
    ``{base}void``.

    ``predicates``: every property the data uses, for a ``cat`` that holds only some of its
    triples (a server reading a store holds its types and labels); default: those of ``cat``.
    ``publisher``: default, the base IRI's host; ``dumps``: the dumps' sizes and checksums."""
    g = Graph()
    bind_prefixes(g)
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    ds = dataset_iri(base)
    add = lambda s, p, o: g.add((s, p, o))  # noqa: E731
    for cls in (VOID.Dataset, DCAT.Dataset, SCHEMA.Dataset):
        add(ds, RDF.type, cls)
    title, description = Literal(TITLE, lang="en"), Literal(DESCRIPTION, lang="en")
    for prop in (DCTERMS.title, SCHEMA.name):
        add(ds, prop, title)
    for prop in (DCTERMS.description, SCHEMA.description):
        add(ds, prop, description)
    add(ds, DCTERMS.rights, Literal(RIGHTS, lang="en"))
    for prop in (DCTERMS.license, SCHEMA.license):
        add(ds, prop, URIRef(license))
    ontology = URIRef(str(DEFREL).rstrip("#"))
    add(ds, DCTERMS.conformsTo, ontology)
    add(ontology, RDF.type, DCTERMS.Standard)
    add(ds, VOID.uriSpace, Literal(base))
    add(ds, VOID.triples, Literal(cat.triples, datatype=XSD.integer))
    add(ds, VOID.entities, Literal(len(cat.resources), datatype=XSD.integer))
    add(ds, VOID.sparqlEndpoint, URIRef(f"{base}sparql"))
    for example in _examples(cat):
        add(ds, VOID.exampleResource, example)
    for name in DUMPS:
        add(ds, VOID.dataDump, URIRef(base + name))
    publisher = publisher or Publisher.of(base=base, name=None, url=None, contact=None)
    add_catalogue(
        g,
        ds,
        base=base,
        title=title,
        description=description,
        license=license,
        publisher=publisher,
        dumps=dumps,
    )
    _partitions(g, cat, ds, base, predicates)
    for slug, graph in sorted(graphs.items()):
        subset = URIRef(f"{base}void#graph-{slug}")
        add(ds, VOID.subset, subset)
        add(subset, RDF.type, VOID.Dataset)
        add(subset, DCTERMS.source, URIRef(f"{base}article/{slug}"))
        add(subset, VOID.triples, Literal(triples[slug], datatype=XSD.integer))
        add(subset, VOID.dataDump, URIRef(f"{base}articles/{slug}.ttl"))
        add(subset, DCTERMS.identifier, Literal(str(graph)))
    return g


def _partitions(
    g: Graph, cat: Catalogue, ds: URIRef, base: str, predicates: set[str] | None
) -> None:
    """A void:classPartition per class, with how many nodes have it; the vocabularies used."""
    counts = Counter(o for quads in cat.out.values() for _, p, o, _ in quads if p == RDF.type)
    g.add((ds, VOID.classes, Literal(len(counts), datatype=XSD.integer)))
    for cls, n in sorted(counts.items()):
        part = URIRef(f"{base}void#class-{slugify(curie(str(cls)))}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, RDF.type, VOID.Dataset))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
    if predicates is None:
        predicates = {str(p) for quads in cat.out.values() for _, p, _, _ in quads}
    used = predicates | {str(c) for c in counts}
    for ns in sorted({str(n) for n in NS.values()}):
        if any(term.startswith(ns) for term in used):
            g.add((ds, VOID.vocabulary, URIRef(ns)))


def sitemap_xml(urls: list[str]) -> str:
    """A sitemaps.org urlset of absolute page URLs."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    lines += [f"  <url><loc>{escape(url)}</loc></url>" for url in sorted(urls)]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
