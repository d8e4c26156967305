"""Describe the published dataset in VoID and DCAT (size, classes, examples, dumps, endpoint,
licence) and list the site's pages in a sitemap.xml."""

from __future__ import annotations

from collections import Counter
from xml.sax.saxutils import escape

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, VOID

from ..rdf.mapping import bind_prefixes
from ..rdf.mint import slugify
from ..rdf.vocab import NS, curie
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
# Dataset dumps in the site (the files of ``defrel build``): name -> (media type, what it is)
DUMPS = {
    "dataset.nq": ("application/n-quads", "every triple, one named graph per article"),
    "dataset.ttl": ("text/turtle", "every triple, graphs merged"),
    "dataset.jsonld": ("application/ld+json", "every graph, compact JSON-LD"),
}
MEDIA = "https://www.iana.org/assignments/media-types/"


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
) -> Graph:
    """The VoID + DCAT description of the dataset; every node has an IRI below ``{base}void``.

    ``predicates``: every property the data uses, for a ``cat`` that holds only some of its
    triples (a server reading a store holds its types and labels); default: those of ``cat``."""
    g = Graph()
    bind_prefixes(g)
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    ds = dataset_iri(base)
    add = lambda s, p, o: g.add((s, p, o))  # noqa: E731
    for cls in (VOID.Dataset, DCAT.Dataset, SCHEMA.Dataset):
        add(ds, RDF.type, cls)
    for prop in (DCTERMS.title, SCHEMA.name):
        add(ds, prop, Literal(TITLE, lang="en"))
    for prop in (DCTERMS.description, SCHEMA.description):
        add(ds, prop, Literal(DESCRIPTION, lang="en"))
    add(ds, DCTERMS.rights, Literal(RIGHTS, lang="en"))
    for prop in (DCTERMS.license, SCHEMA.license):
        add(ds, prop, URIRef(license))
    add(ds, DCTERMS.conformsTo, URIRef(str(DEFREL).rstrip("#")))
    add(ds, VOID.uriSpace, Literal(base))
    add(ds, VOID.triples, Literal(cat.triples, datatype=XSD.integer))
    add(ds, VOID.entities, Literal(len(cat.resources), datatype=XSD.integer))
    endpoint = URIRef(f"{base}sparql")
    add(ds, VOID.sparqlEndpoint, endpoint)
    service = URIRef(f"{base}void#sparql")
    add(service, RDF.type, DCAT.DataService)
    add(service, DCAT.endpointURL, endpoint)
    add(service, DCAT.servesDataset, ds)
    add(service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/"))
    for example in _examples(cat):
        add(ds, VOID.exampleResource, example)
    for name, (media, what) in DUMPS.items():
        url = URIRef(base + name)
        dist = URIRef(f"{base}void#{slugify(name)}")
        add(ds, VOID.dataDump, url)
        add(ds, DCAT.distribution, dist)
        add(dist, RDF.type, DCAT.Distribution)
        add(dist, DCAT.downloadURL, url)
        add(dist, DCAT.mediaType, URIRef(MEDIA + media))
        add(dist, DCTERMS.title, Literal(f"{name}: {what}", lang="en"))
        add(dist, DCAT.accessService, service)
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
