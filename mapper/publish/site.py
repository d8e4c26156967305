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

from ..builder.outdir import staged_output
from ..builder.pipeline import build_dataset
from ..builder.serialize import dist_files, jsonld_text, nquads_text, turtle_text, write_files
from ..checks.validate import Report, validate_dataset
from ..errors import InputError
from ..rdf.mapping import bind_prefixes
from ..rdf.mint import check_base
from ..rdf.vocab import DEFAULT_BASE, NS
from .dcat import Publisher, dump_file
from .describe import Catalogue, Quad, as_dataset, as_graph
from .negotiate import WELL_KNOWN
from .pages import index_groups, ontology_view, page, resource_page, template_text
from .schemajson import base_of, resolve_resource, schema_jsonld
from .views import Layout
from .void import DESCRIPTION, DUMPS, TITLE, dataset_iri, sitemap_xml, void_graph

__all__ = [
    "DEFAULT_LICENSE",
    "SiteOutcome",
    "build_site",
    "embed_snippet",
    "site_files",
]

DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
ONTOLOGY_FILE = "defrel.ttl"
SHAPES_FILE = "shapes.ttl"


@dataclass
class SiteOutcome:
    """What ``build_site`` did: the validation report, and (if it conforms) what it wrote."""

    report: Report
    articles: int = 0
    triples: int = 0
    pages: int = 0
    written: list[Path] = field(default_factory=list)


def _nt(graph: Graph) -> str:
    return "".join(
        sorted(f"{line}\n" for line in graph.serialize(format="nt").splitlines() if line)
    )


def _rdfxml(graph: Graph) -> str:
    """RDF/XML with the same bytes on every run: pyoxigraph's writer, fed sorted triples
    (rdflib's walks its subjects in hash order, which changes from process to process)."""
    import pyoxigraph as ox

    triples = ox.parse(_nt(graph).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    prefixes = {p: str(ns) for p, ns in NS.items()}
    return ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=prefixes).decode("utf-8")


# The five RDF documents of a description, by suffix (a server renders only the one asked).
WRITERS = {
    ".ttl": lambda quads: turtle_text(as_graph(quads)),
    ".jsonld": lambda quads: jsonld_text(as_graph(quads)),
    ".nt": lambda quads: _nt(as_graph(quads)),
    ".nq": lambda quads: nquads_text(as_dataset(quads)),
    ".rdf": lambda quads: _rdfxml(as_graph(quads)),
}


def documents(path: str, quads: list[Quad]) -> dict[str, str]:
    """The RDF documents of one description, by site path."""
    return {f"{path}{suffix}": write(quads) for suffix, write in WRITERS.items()}


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


def _home(layout: Layout, void: dict[str, str], graphs: dict, license: str) -> str:
    summary = {
        "title": TITLE,
        "description": DESCRIPTION,
        "iri": str(dataset_iri(layout.base)),
        "triples": layout.cat.triples,
        "resources": len(layout.cat.resources),
        "articles": sorted(graphs),
        "endpoint": f"{layout.base}sparql",
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
        "groups": index_groups(layout),
    }
    described = _quads(Graph().parse(data=void["void.nt"], format="nt"))
    return page(
        "index.html",
        here="index.html",
        title=TITLE,
        jsonld=schema_jsonld(layout, dataset_iri(layout.base), described),
        license=license,
        canonical=layout.base,
        docs=[{"href": f"void{s}", "type": t, "name": n} for s, t, n in _VOID_DOCS],
        d=summary,
    )


_VOID_DOCS = (
    (".ttl", "text/turtle", "Turtle"),
    (".jsonld", "application/ld+json", "JSON-LD"),
    (".nt", "application/n-triples", "N-Triples"),
    (".nq", "application/n-quads", "N-Quads"),
    (".rdf", "application/rdf+xml", "RDF/XML"),
)


def site_files(
    dataset: Dataset,
    graphs: dict[str, URIRef],
    *,
    base: str,
    license: str = DEFAULT_LICENSE,
    publisher: Publisher | None = None,
) -> dict[str, str]:
    """Every file of the site by relative path (pages, documents, dumps, VoID, sitemap)."""
    cat = Catalogue.of(dataset)
    layout = Layout(check_base(base), cat)
    files = dist_files(dataset, graphs)
    pages = ["index.html", "ontology.html"]
    for iri in sorted(cat.resources):
        path = layout.path(iri)
        if path is None:
            continue
        quads = cat.describe(iri)
        docs = documents(path, quads)
        docs[f"{path}.html"] = resource_page(
            layout, iri, jsonld=schema_jsonld(layout, iri, quads), license=license
        )
        files.update(docs)
        pages.append(f"{path}.html")
    per_graph = {slug: len(dataset.graph(g)) for slug, g in graphs.items()}
    dumps = {name: dump_file(files[name].encode("utf-8")) for name in DUMPS if name in files}
    graph = void_graph(
        cat,
        base=base,
        license=license,
        graphs=graphs,
        triples=per_graph,
        publisher=publisher,
        dumps=dumps,
    )
    void = documents("void", _quads(graph))
    files.update(void)
    files[WELL_KNOWN] = void["void.ttl"]  # RFC 8615's place for VoID, if hosted at the root
    files["index.html"] = _home(layout, void, graphs, license)
    files.update(_ontology(license))
    files[SHAPES_FILE] = shapes_text()
    files["style.css"] = template_text("style.css")
    files["sitemap.xml"] = sitemap_xml([base + p for p in pages if p != "index.html"] + [base])
    return files


def build_site(
    paths: list[Path],
    *,
    out: Path,
    base: str = DEFAULT_BASE,
    license: str = DEFAULT_LICENSE,
    root: Path | None = None,
    publisher: Publisher | None = None,
) -> SiteOutcome:
    """Load, map and validate the facts files; write the site into ``out`` only if it conforms.
    Article texts must lie beside their facts files, or inside ``root``."""
    with staged_output(
        out, inputs=[*paths, *([root] if root else [])], command="site"
    ) as stage:  # --out checked first
        dataset, graphs = build_dataset(paths, base=base, root=root)
        report = validate_dataset(dataset, base=base)
        outcome = SiteOutcome(report=report, articles=len(graphs))
        if not report.conforms:
            stage.abandon()
            return outcome
        files = site_files(dataset, graphs, base=base, license=license, publisher=publisher)
        outcome.triples = Catalogue.of(dataset).triples
        outcome.pages = sum(1 for name in files if name.endswith(".html"))
        write_files(files, stage.folder)
    outcome.written = [Path(out) / name for name in files]
    return outcome


def embed_snippet(
    dataset: Dataset, iri: str, *, profile: str = "schema", base: str | None = None
) -> str:
    """The ``<script type="application/ld+json">`` element of a resource: ``schema``, the
    compact object its page embeds, or ``full``, its whole description (its .jsonld).
    ``iri`` may be a slug (``russia``, ``article/x``) under ``base``."""
    from .pages import script_json

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
        text = jsonld_text(as_graph(quads))
    else:
        under = base if base and iri.startswith(base) else base_of(iri)
        layout = Layout(check_base(under), cat)
        text = schema_jsonld(layout, URIRef(iri), quads)
    return f'<script type="application/ld+json">\n{script_json(text)}</script>\n'
