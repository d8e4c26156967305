"""Build the static site: a page per resource with its JSON-LD embedded, beside it the same
description as Turtle, JSON-LD, N-Triples and N-Quads; the dataset dumps of ``defrel build``;
a VoID/DCAT description; the JSON-LD context and the ontology; a sitemap.

The site folder is what is published at ``{base}``: resource ``{base}entity/russia`` has its
documents at ``{base}entity/russia.html`` (``.ttl`` …), and every link between pages is
relative, so the folder works on any static host (and from disk).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files as package_files
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import VOID

from ...checks.report import Report
from ...errors import InputError
from ...rdf.mapping import bind_prefixes
from ...rdf.mint import check_base
from ...rdf.vocab import DEFAULT_BASE, NS
from ..render.dcat import Publisher
from ..render.describe import PAGE_SIZE, Catalogue, Quad
from ..render.documents import WRITERS, all_documents
from ..render.listing import index_groups, list_pages
from ..render.pages import index_row, ontology_view, page
from ..render.schemajson import base_of, resolve_resource, schema_jsonld
from ..render.views import Layout
from ..render.void import (
    DESCRIPTION,
    DUMPS,
    EXAMPLE_CLASSES,
    TITLE,
    Overview,
    class_counts,
    dataset_iri,
    void_documents,
    void_head,
)

SCHEMA = NS["schema"]

__all__ = [
    "DEFAULT_LICENSE", "SiteOutcome", "build_site", "dataset_pages", "documents", "embed_snippet",
    "overview_of", "shapes_text",
]  # fmt: skip

DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
ONTOLOGY_FILE = "defrel.ttl"
SHAPES_FILE = "shapes.ttl"


@dataclass
class SiteOutcome:
    """What ``build_site`` did: the validation report, the contradictions with the ontology,
    and (if neither found a problem) the pages: how many, how many written anew (the others
    unchanged since the last build), and the files of the folder."""

    report: Report
    articles: int = 0
    triples: int = 0
    pages: int = 0
    rendered: int = 0  # pages and documents written in this run (the others linked)
    files: int = 0  # published in the folder (its build state in .defrel/ aside)
    written: list[Path] = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    reused: int = 0  # articles unchanged since the last build
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.report.conforms and not self.conflicts


def documents(path: str, quads: list[Quad], checked: bool = False) -> dict[str, str]:
    """The RDF documents of one description (Turtle, JSON-LD, N-Triples, N-Quads, RDF/XML),
    by site path (``checked``: see ``documents.all_documents``)."""
    docs = all_documents(quads, checked=checked)
    return {f"{path}{suffix}": text for suffix, text in docs.items()}


def _quads(graph: Graph) -> list[Quad]:
    return [(s, p, o, None) for s, p, o in graph]


def _ontology(license: str) -> dict[str, str]:
    text = (package_files("mapper.data") / "ontology" / ONTOLOGY_FILE).read_text(encoding="utf-8")
    # its OWL restrictions are blank nodes: label them canonically so the files are stable
    graph = Graph()
    bind_prefixes(graph)
    for triple in to_canonical_graph(Graph().parse(data=text, format="turtle")):
        graph.add(triple)
    docs = documents("ontology", _quads(graph))
    docs["ontology.ttl"] = text  # as written, comments and all
    docs["ontology.html"] = page(
        "ontology.html",
        here="ontology.html",
        title="Ontology",
        jsonld=docs["ontology.jsonld"],
        license=license,
        o=ontology_view(graph, str(NS["defrel"])),
    )
    return docs


def shapes_text() -> str:
    """The SHACL shapes, published as they are (``shapes.ttl``) for anyone to check the data."""
    return (package_files("mapper.data") / "shapes" / "defrel-shapes.ttl").read_text("utf-8")


def overview_of(cat: Catalogue, base: str, predicates: set[str] | None = None) -> Overview:
    """The ``Overview`` of the dataset ``cat`` indexes (``predicates``: every property the
    data uses, for a ``cat`` that holds only its types and labels, as a server reads them)."""
    layout = Layout(base, cat)
    found = Overview(triples=cat.triples, resources=len(cat.resources))
    found.classes = class_counts(cat)
    found.predicates = predicates or {str(p) for quads in cat.out.values() for _, p, _, _ in quads}
    found.articles = [str(r) for r in cat.resources if SCHEMA.NewsArticle in cat.types(r)]
    for cls in EXAMPLE_CLASSES:
        typed = [r for r in cat.resources if cls in cat.types(r)]
        if typed:
            found.firsts[str(cls)] = str(min(typed))
    found.rows = [index_row(layout, r) for r in cat.resources if layout.path(r) is not None]
    return found


def home_page(
    overview: Overview, *, base: str, described: list[Quad], graphs: dict, license: str
) -> str:
    """The site's home page: what the dataset is, its dumps, and each group's first resources
    (``render/listing.py``); ``described``: the dataset description's quads (what
    ``void.nt`` says)."""
    summary = {
        "title": TITLE,
        "description": DESCRIPTION,
        "iri": str(dataset_iri(base)),
        "triples": overview.triples,
        "resources": overview.resources,
        "articles": sorted(graphs),
        "endpoint": f"{base}sparql",
        "dumps": [
            {"href": name, "name": name, "type": media, "what": what}
            for name, (media, _, what) in DUMPS.items()
        ]
        + [
            {
                "href": "context.jsonld",
                "name": "context.jsonld",
                "type": "application/ld+json",
                "what": "the JSON-LD context",
            },
            {
                "href": SHAPES_FILE,
                "name": SHAPES_FILE,
                "type": "text/turtle",
                "what": "the SHACL shapes the data conforms to: "
                "pyshacl -s shapes.ttl -e ontology.ttl dataset.ttl",
            },
        ],
        "groups": index_groups(overview.rows),
    }
    layout = Layout(base, Catalogue())  # for anchors only: the description is all it reads
    return page(
        "index.html",
        here="index.html",
        title=TITLE,
        jsonld=schema_jsonld(layout, dataset_iri(base), described),
        license=license,
        canonical=base,
        docs=[{"href": f"void{s}", "type": t, "name": n} for s, t, n in _VOID_DOCS],
        d=summary,
    )


def dataset_pages(
    overview: Overview,
    *,
    base: str,
    license: str,
    graphs: dict[str, URIRef],
    triples: dict[str, int],
    publisher: Publisher | None = None,
    dumps: dict | None = None,
) -> dict[str, str]:
    """The VoID + DCAT-AP documents (``void.ttl`` …, and at ``/.well-known/void``) and the
    home page (``index.html``) and the lists of its large groups (``list/``, see
    ``render/listing.py``); ``dumps``: the dumps' sizes and checksums. (Its two halves,
    ``void_files`` and ``home_files``, can be made in two processes.)"""
    kw = dict(base=base, license=license, graphs=graphs, triples=triples)
    kw.update(publisher=publisher, dumps=dumps)
    return {**void_files(overview, **kw), **home_files(overview, **kw)}


def void_files(overview: Overview, **kw) -> dict[str, str]:
    """``dataset_pages``' VoID documents (the same keyword arguments)."""
    docs, _ = void_documents(overview, **kw)
    return {f"void{suffix}": text for suffix, text in docs.items()}


def home_files(overview: Overview, *, triples: dict[str, int], **kw) -> dict[str, str]:
    """``dataset_pages``' home page and list pages (the same keyword arguments). The home
    page's JSON-LD reads the dataset's schema.org statements and what they link to: never
    its void:subset links (nor the graphs' own nodes, which only those reach)."""
    head = void_head(overview, **kw)
    described = [(s, p, o, None) for s, p, o in head if p != VOID.subset]
    base, license = kw["base"], kw["license"]
    home = home_page(overview, base=base, described=described, graphs=kw["graphs"], license=license)
    return {"index.html": home, **list_pages(overview.rows, base=base, license=license)}


_VOID_DOCS = (
    (".ttl", "text/turtle", "Turtle"),
    (".jsonld", "application/ld+json", "JSON-LD"),
    (".nt", "application/n-triples", "N-Triples"),
    (".nq", "application/n-quads", "N-Quads"),
    (".rdf", "application/rdf+xml", "RDF/XML"),
)


def build_site(
    paths: list[Path],
    *,
    out: Path,
    base: str = DEFAULT_BASE,
    license: str = DEFAULT_LICENSE,
    root: Path | None = None,
    jobs: int | None = None,
    on_progress=None,
    publisher: Publisher | None = None,
    page_size: int = PAGE_SIZE,
) -> SiteOutcome:
    """Build the articles of ``paths`` (as ``defrel build``) and write the site into ``out``,
    only if they conform and are consistent; see ``site/build.py``. Article texts must lie
    beside their facts files, or inside ``root``."""
    from .build import site_build

    return site_build(
        paths,
        out=out,
        base=base,
        license=license,
        root=root,
        jobs=jobs,
        on_progress=on_progress,
        publisher=publisher,
        page_size=page_size,
    )


def embed_snippet(
    dataset: Dataset, iri: str, *, profile: str = "schema", base: str | None = None
) -> str:
    """The ``<script type="application/ld+json">`` element of a resource: ``schema``, the
    compact object its page embeds, or ``full``, its whole description (its .jsonld).
    ``iri`` may be a slug (``russia``, ``article/x``) under ``base``."""
    from ..render.pages import script_json

    cat = Catalogue.of(dataset)
    iri = resolve_resource(cat, iri, base)
    if URIRef(iri) not in cat.resources:
        known = sorted(str(r) for r in cat.resources)[:3]
        raise InputError(
            f"no resource {iri!r} in the data",
            hint="give the IRI (or slug, as entity/russia) of an article, entity, fact or post, e.g. "
            + (", ".join(known) if known else "run `defrel build` first"),
        )
    quads = cat.describe(URIRef(iri))
    if profile == "full":
        text = WRITERS[".jsonld"](quads)
    else:
        under = base if base and iri.startswith(base) else base_of(iri)
        layout = Layout(check_base(under), cat)
        text = schema_jsonld(layout, URIRef(iri), quads)
    return f'<script type="application/ld+json">\n{script_json(text)}</script>\n'
