"""The first, in-memory pipeline, kept as the reference the per-article build is tested
against (``test_fastbuild``, ``test_golden``): one rdflib Dataset, pySHACL per article
graph, the consistency rules on the whole, rdflib's serialisers.  Not part of the product:
``defrel build`` (and ``--infer``) runs ``mapper.builder.fastbuild``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from mapper.builder.outdir import staged_output
from mapper.builder.pipeline import _load_and_map, locate
from mapper.builder.serialize import dist_files, write_files
from mapper.checks.consistency import Conflict, Locator, find_conflicts
from mapper.checks.infer import add_inferences
from mapper.checks.validate import Report, validate_dataset
from mapper.rdf.vocab import DEFAULT_BASE


@dataclass
class ClassicOutcome:
    report: Report
    articles: int
    triples: int
    written: list[Path] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    inferred: dict[str, URIRef] = field(default_factory=dict)
    inferred_triples: int = 0

    @property
    def ok(self) -> bool:
        return self.report.conforms and not self.conflicts


def classic_build(
    paths: list[Path],
    *,
    out: Path,
    base: str = DEFAULT_BASE,
    infer: bool = False,
    jobs: int = 1,
    root: Path | None = None,
) -> ClassicOutcome:
    """Load, map, validate (pySHACL), check consistency, optionally infer, and write ``out``
    with rdflib's serialisers, all or nothing."""
    with staged_output(out, inputs=[*paths, *([root] if root else [])], command="build") as stage:
        dataset, graphs, articles = _load_and_map(paths, base=base, root=root)
        locator = Locator(articles, base=base)
        report = locate(validate_dataset(dataset, base=base, jobs=jobs), locator)
        quads = sum(len(dataset.graph(iri)) for iri in graphs.values())
        outcome = ClassicOutcome(report=report, articles=len(graphs), triples=quads)
        outcome.conflicts = find_conflicts(dataset, locator)
        if not outcome.ok:
            stage.abandon()
            return outcome
        if infer:
            outcome.inferred = add_inferences(dataset, graphs)
            outcome.inferred_triples = sum(len(dataset.graph(i)) for i in outcome.inferred.values())
        files = dist_files(dataset, graphs)
        write_files(files, stage.folder)
    outcome.written = [Path(out) / name for name in files]
    return outcome


def reference_site(
    nquads: Path, *, base: str, license: str, page_size: int | None = None
) -> dict[str, str]:
    """The pages, documents, VoID and home page of a site, rendered as the first ``defrel
    site`` did: from one Catalogue of the whole dataset (read by rdflib), with the product's
    page and document code. ``defrel site`` renders article by article; this is what it must
    give."""
    from rdflib import Dataset

    from mapper.publish.render.describe import Catalogue
    from mapper.publish.render.pages import resource_page
    from mapper.publish.render.schemajson import schema_jsonld
    from mapper.publish.render.views import Layout
    from mapper.publish.site.static import dataset_pages, documents, overview_of

    dataset = Dataset()
    dataset.parse(nquads, format="nquads")
    cat = Catalogue.of(dataset)
    if page_size is not None:
        cat.page_size = page_size
    layout = Layout(base, cat)
    files: dict[str, str] = {}
    for iri in sorted(cat.resources):
        if layout.path(iri) is None:
            continue
        for n in range(1, cat.window(iri).pages + 1):  # what points at it, a page at a time
            stem = layout.page_path(iri, n)
            quads = cat.describe(iri, n)
            docs = documents(stem, quads)
            jsonld = schema_jsonld(layout, iri, quads)
            docs[f"{stem}.html"] = resource_page(
                layout, iri, jsonld=jsonld, license=license, page=n
            )
            files.update(docs)
    prefix = f"{base}graph/"
    graphs = {
        str(g.identifier)[len(prefix) :]: g.identifier
        for g in dataset.graphs()
        if str(g.identifier).startswith(prefix) and len(g)
    }
    triples = {slug: len(dataset.graph(iri)) for slug, iri in graphs.items()}
    overview = overview_of(cat, base)
    from mapper.publish.render.dcat import dumps_in
    from mapper.publish.render.negotiate import WELL_KNOWN

    files.update(
        dataset_pages(
            overview,
            base=base,
            license=license,
            graphs=graphs,
            triples=triples,
            dumps=dumps_in(nquads.parent),
        )
    )
    files[WELL_KNOWN] = files["void.ttl"]
    return files
