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
from .describe import PAGE_SIZE, Catalogue, Quad, as_dataset, as_graph
from .pages import index_groups, ontology_view, page, resource_page, template_text
from .views import Layout
from .void import DESCRIPTION, DUMPS, TITLE, dataset_iri, sitemap_xml, void_graph

__all__ = ["DEFAULT_LICENSE", "SiteOutcome", "build_site", "embed_snippet", "site_files"]

DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
ONTOLOGY_FILE = "defrel.ttl"


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


# The four RDF documents of a description, by suffix (a server renders only the one asked).
WRITERS = {
    ".ttl": lambda quads: turtle_text(as_graph(quads)),
    ".jsonld": lambda quads: jsonld_text(as_graph(quads)),
    ".nt": lambda quads: _nt(as_graph(quads)),
    ".nq": lambda quads: nquads_text(as_dataset(quads)),
}


def documents(path: str, quads: list[Quad]) -> dict[str, str]:
    """The four RDF documents of one description, by site path."""
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
            for name, (media, what) in DUMPS.items()
        ]
        + [
            {
                "href": "context.jsonld",
                "name": "context.jsonld",
                "type": "application/ld+json",
                "what": "the JSON-LD context",
            }
        ],
        "groups": index_groups(layout),
    }
    return page(
        "index.html",
        here="index.html",
        title=TITLE,
        jsonld=void["void.jsonld"],
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
)


def site_files(
    dataset: Dataset,
    graphs: dict[str, URIRef],
    *,
    base: str,
    license: str = DEFAULT_LICENSE,
    page_size: int = PAGE_SIZE,
) -> dict[str, str]:
    """Every file of the site by relative path (pages, documents, dumps, VoID, sitemap);
    ``page_size``: what points at a resource, listed at most that many a page."""
    cat = Catalogue.of(dataset)
    cat.page_size = page_size
    layout = Layout(check_base(base), cat)
    files = dist_files(dataset, graphs)
    pages = ["index.html", "ontology.html"]
    for iri in sorted(cat.resources):
        path = layout.path(iri)
        if path is None:
            continue
        for n in range(1, cat.window(iri).pages + 1):  # see describe.PAGE_SIZE
            stem = layout.page_path(iri, n)
            docs = documents(stem, cat.describe(iri, n))
            docs[f"{stem}.html"] = resource_page(
                layout, iri, jsonld=docs[f"{stem}.jsonld"], license=license, page=n
            )
            files.update(docs)
            pages.append(f"{stem}.html")
    per_graph = {slug: len(dataset.graph(g)) for slug, g in graphs.items()}
    void = documents(
        "void",
        _quads(void_graph(cat, base=base, license=license, graphs=graphs, triples=per_graph)),
    )
    files.update(void)
    files["index.html"] = _home(layout, void, graphs, license)
    files.update(_ontology(license))
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
        files = site_files(dataset, graphs, base=base, license=license)
        outcome.triples = Catalogue.of(dataset).triples
        outcome.pages = sum(1 for name in files if name.endswith(".html"))
        write_files(files, stage.folder)
    outcome.written = [Path(out) / name for name in files]
    return outcome


def embed_snippet(dataset: Dataset, iri: str) -> str:
    """The ``<script type="application/ld+json">`` element a resource's page embeds."""
    from .pages import script_json

    cat = Catalogue.of(dataset)
    if URIRef(iri) not in cat.resources:
        known = sorted(str(r) for r in cat.resources)[:3]
        raise InputError(
            f"no resource {iri!r} in the data",
            hint="give the IRI of an article, entity, fact or post, e.g. "
            + (", ".join(known) if known else "run `defrel build` first"),
        )
    text = jsonld_text(as_graph(cat.describe(URIRef(iri))))
    return f'<script type="application/ld+json">\n{script_json(text)}</script>\n'
