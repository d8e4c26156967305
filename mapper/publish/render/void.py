"""Describe the published dataset in VoID (size, classes, examples, dumps, endpoint, graphs)
and DCAT-AP (``render/dcat.py``), and list the site's pages in a sitemap.xml."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, VOID

from ...rdf.mapping import bind_prefixes
from ...rdf.mint import slugify
from ...rdf.ntriples import TripleList, iri_text, literal_text
from ...rdf.vocab import NS, curie
from .dcat import DUMPS, DumpFile, Publisher, add_catalogue
from .describe import Catalogue
from .documents import all_documents, compact

__all__ = [
    "DUMPS", "SITEMAP_URLS", "VOID_SUBSETS", "Overview", "class_counts", "dataset_iri",
    "described_graphs", "sitemap_files", "sitemap_xml", "subset_nodes", "subset_triples",
    "void_documents", "void_graph", "void_head",
]  # fmt: skip

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


EXAMPLE_CLASSES = (SCHEMA.Person, SCHEMA.Country, SCHEMA.Event)
EXAMPLE_ARTICLES = 3  # a few, as VoID's examples are (every article was 100,000 at 100,000)
# Up to this many named graphs, each is described as a void:subset of its own (its article,
# size and dump); past it, none is: at 100,000 articles they were 500,000 of the 500,100
# triples of VoID (49 MB of Turtle), more than a catalogue harvesting it expects. A graph's
# size is then one query away, and its dump still at articles/{slug}.ttl.
VOID_SUBSETS = 1000


@dataclass
class Overview:
    """What the home page and the VoID description say of the whole dataset: its size, its
    example resources, how many nodes each class has, the properties it uses, and the home
    page's list of resources (``pages.index_row``: label, kind, group and link of each)."""

    triples: int
    resources: int
    classes: Counter = field(default_factory=Counter)  # class IRI -> nodes of it
    predicates: set[str] = field(default_factory=set)
    articles: list[str] = field(default_factory=list)  # article resources (IRIs)
    firsts: dict[str, str] = field(default_factory=dict)  # example class -> first of it by IRI
    rows: list[tuple] = field(default_factory=list)

    def examples(self) -> list[URIRef]:
        """The first articles (``EXAMPLE_ARTICLES``), and the first person, country and
        event, by IRI."""
        picks = sorted(self.articles)[:EXAMPLE_ARTICLES]
        picks += [self.firsts[str(c)] for c in EXAMPLE_CLASSES if str(c) in self.firsts]
        return [URIRef(p) for p in picks]


def class_counts(cat: Catalogue) -> Counter:
    """Nodes of each class, each once however many graphs type it."""
    return Counter(
        o for quads in cat.out.values() for o in {q[2] for q in quads if q[1] == RDF.type}
    )


def void_graph(
    overview: Overview,
    *,
    base: str,
    license: str,
    graphs: dict[str, URIRef],
    triples: dict[str, int],
    publisher: Publisher | None = None,
    dumps: dict[str, DumpFile] | None = None,
) -> Graph:
    """The VoID + DCAT-AP description of the dataset; every node has an IRI below
    ``{base}void``. ``publisher``: default, the base IRI's host; ``dumps``: the dumps' sizes
    and checksums. (``void_documents`` writes its documents without this graph.)"""
    g = Graph()
    bind_prefixes(g)
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    head = void_head(
        overview, base=base, license=license, graphs=graphs, publisher=publisher, dumps=dumps
    )
    for s, p, o in [*head, *subset_triples(base, graphs, triples)]:
        g.add((s, p, o))
    return g


def void_head(
    overview: Overview,
    *,
    base: str,
    license: str,
    graphs: dict[str, URIRef],
    publisher: Publisher | None = None,
    dumps: dict[str, DumpFile] | None = None,
) -> TripleList:
    """The description but the graphs' own nodes (``subset_triples``): the dataset and its
    links to them, its classes, vocabularies, catalogue and dumps."""
    g = _Triples()
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
    add(ds, VOID.triples, Literal(overview.triples, datatype=XSD.integer))
    add(ds, VOID.entities, Literal(overview.resources, datatype=XSD.integer))
    add(ds, VOID.sparqlEndpoint, URIRef(f"{base}sparql"))
    for example in overview.examples():
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
    _partitions(g, overview, ds, base)
    for slug in sorted(graphs) if described_graphs(graphs) else ():
        add(ds, VOID.subset, URIRef(_subset(base, slug)))
    return g


def described_graphs(graphs: dict) -> bool:
    """Is each named graph a void:subset of its own (``VOID_SUBSETS``)?"""
    return len(graphs) <= VOID_SUBSETS


class _Triples(TripleList):
    """A list of triples that ``add_catalogue`` can bind prefixes on (it does not matter
    here: documents are written with the context's prefixes)."""

    def bind(self, prefix: str, namespace) -> None:
        pass


def _subset(base: str, slug: str) -> str:
    return f"{base}void#graph-{slug}"


def subset_triples(base: str, graphs: dict[str, URIRef], triples: dict[str, int]):
    """Each named graph as a void:Dataset of its own: its article, size, dump, name (none
    past ``VOID_SUBSETS`` graphs)."""
    for slug, graph in sorted(graphs.items()) if described_graphs(graphs) else ():
        subset = URIRef(_subset(base, slug))
        yield subset, RDF.type, VOID.Dataset
        yield subset, DCTERMS.source, URIRef(f"{base}article/{slug}")
        yield subset, VOID.triples, Literal(triples[slug], datatype=XSD.integer)
        yield subset, VOID.dataDump, URIRef(f"{base}articles/{slug}.ttl")
        yield subset, DCTERMS.identifier, Literal(str(graph))


def subset_nodes(base: str, graphs: dict[str, URIRef], triples: dict[str, int]):
    """``subset_triples`` written directly, (N-Triples lines, JSON-LD node object) a graph:
    the same text ``documents.all_documents`` makes of them (a test compares), in a
    fraction of the time (60,000 rdflib terms at 10,000 articles). None past
    ``VOID_SUBSETS`` graphs."""
    kind, integer = compact(str(VOID.Dataset)), compact(str(XSD.integer))
    keys = [compact(str(p)) for p in (DCTERMS.source, VOID.triples, VOID.dataDump)]
    identifier = compact(str(DCTERMS.identifier))
    head = [f"{iri_text(str(p))}" for p in (RDF.type, DCTERMS.source, VOID.triples)]
    head += [iri_text(str(p)) for p in (VOID.dataDump, DCTERMS.identifier)]
    dataset, integer_text = iri_text(str(VOID.Dataset)), iri_text(str(XSD.integer))
    for slug, graph in sorted(graphs.items()) if described_graphs(graphs) else ():
        subset, source = _subset(base, slug), f"{base}article/{slug}"
        dump, size, name = f"{base}articles/{slug}.ttl", str(triples[slug]), str(graph)
        s = iri_text(subset)
        lines = [
            f"{s} {head[0]} {dataset} .\n",
            f"{s} {head[1]} {iri_text(source)} .\n",
            f'{s} {head[2]} "{literal_text(size)}"^^{integer_text} .\n',
            f"{s} {head[3]} {iri_text(dump)} .\n",
            f'{s} {head[4]} "{literal_text(name)}" .\n',
        ]
        node = {
            "@id": compact(subset),
            "@type": kind,
            keys[0]: {"@id": compact(source)},
            keys[1]: {"@value": size, "@type": integer},
            keys[2]: {"@id": compact(dump)},
            identifier: {"@value": name},
        }
        yield lines, json.dumps(node, sort_keys=True, ensure_ascii=False)


def void_documents(
    overview: Overview,
    *,
    base: str,
    license: str,
    graphs: dict[str, URIRef],
    triples: dict[str, int],
    publisher: Publisher | None = None,
    dumps: dict[str, DumpFile] | None = None,
) -> tuple[dict[str, str], list]:
    """The documents of ``void_graph`` by suffix, and the quads of its head (what the home
    page's JSON-LD reads), written without the graph."""
    head = void_head(
        overview, base=base, license=license, graphs=graphs, publisher=publisher, dumps=dumps
    )
    quads = [(s, p, o, None) for s, p, o in head]
    return all_documents(quads, subset_nodes(base, graphs, triples)), quads


def _partitions(g, overview: Overview, ds: URIRef, base: str) -> None:
    """A void:classPartition per class, with how many nodes have it; the vocabularies used."""
    counts = overview.classes
    g.add((ds, VOID.classes, Literal(len(counts), datatype=XSD.integer)))
    for cls, n in sorted(counts.items()):
        part = URIRef(f"{base}void#class-{slugify(curie(str(cls)))}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, RDF.type, VOID.Dataset))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
    used = overview.predicates | {str(c) for c in counts}
    for ns in sorted({str(n) for n in NS.values()}):
        if any(term.startswith(ns) for term in used):
            g.add((ds, VOID.vocabulary, URIRef(ns)))


SITEMAP_URLS = 50_000  # the most one sitemap file may list (sitemaps.org)


def sitemap_xml(urls: list[str]) -> str:
    """A sitemaps.org urlset of absolute page URLs."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    lines += [f"  <url><loc>{escape(url)}</loc></url>" for url in sorted(urls)]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sitemap_files(urls: list[str], base: str, most: int | None = None) -> dict[str, str]:
    """``sitemap.xml`` listing ``urls``; past ``most`` of them (``SITEMAP_URLS``, the
    protocol's limit), a sitemap index there, of ``sitemap-1.xml``, ``sitemap-2.xml``, …
    each listing ``most``."""
    urls, most = sorted(urls), most or SITEMAP_URLS
    if len(urls) <= most:
        return {"sitemap.xml": sitemap_xml(urls)}
    files = {}
    for n, start in enumerate(range(0, len(urls), most), start=1):
        files[f"sitemap-{n}.xml"] = sitemap_xml(urls[start : start + most])
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.append('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    lines += [f"  <sitemap><loc>{escape(base + name)}</loc></sitemap>" for name in files]
    lines.append("</sitemapindex>")
    return {"sitemap.xml": "\n".join(lines) + "\n", **files}
