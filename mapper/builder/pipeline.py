"""The library's entry points to the build: ``build`` (the per-article, streamed, incremental
build of ``fastbuild.py``), and for a few articles in memory ``build_dataset`` (facts to one
rdflib Dataset) and ``check_inputs`` (what ``defrel validate`` checks)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rdflib import Dataset, URIRef

from ..checks.consistency import Locator
from ..checks.validate import Report, validate_dataset
from ..facts.load import load_corpus
from ..facts.model import Article
from ..rdf.mapping import map_articles
from ..rdf.mint import Minter
from ..rdf.read import read_rdf
from ..rdf.vocab import DEFAULT_BASE
from .fastbuild import BuildProgress, FastOutcome, OnProgress, fast_build

__all__ = [
    "BuildOutcome", "BuildProgress", "build", "build_dataset", "check_inputs", "locate",
]  # fmt: skip


BuildOutcome = FastOutcome  # what a build did: report, conflicts, files written


def build_dataset(
    paths: list[Path], *, base: str = DEFAULT_BASE, root: Path | None = None
) -> tuple[Dataset, dict]:
    """Load and map the facts files under ``paths``; return the dataset and slug -> graph IRI.
    Article texts must lie beside their facts files, or inside ``root``."""
    dataset, graphs, _ = _load_and_map(paths, base=base, root=root)
    return dataset, graphs


def _load_and_map(
    paths: list[Path], *, base: str, root: Path | None = None
) -> tuple[Dataset, dict, list[Article]]:
    minter = Minter(base)
    articles = load_corpus(paths, root=root)
    dataset = map_articles(articles, base=base)
    return dataset, {a.slug: minter.graph(a.slug) for a in articles}, articles


def locate(report: Report, locator: Locator) -> Report:
    """Name the facts file and line behind each result whose focus node is one of ours."""
    results = []
    for result in report.results:
        found = result.graph and locator.source(URIRef(result.graph), URIRef(result.focus))
        results.append(replace(result, where=found) if found else result)
    return Report(conforms=report.conforms, results=results, graph=report.graph)


def check_inputs(
    *,
    facts: list[Path],
    rdf: list[Path],
    base: str = DEFAULT_BASE,
    engine: str = "pyshacl",
    root: Path | None = None,
) -> Report:
    """Validate facts files (mapped first) and RDF files together; results from facts files
    name their file and line. ``engine`` as for ``validate_dataset``."""
    dataset = read_rdf(rdf, nonempty=True) if rdf else Dataset()
    locator = None
    if facts:
        mapped, _, articles = _load_and_map(facts, base=base, root=root)
        for quad in mapped.quads((None, None, None, None)):
            dataset.add(quad)
        locator = Locator(articles, base=base)
    report = validate_dataset(dataset, base=base, engine=engine)
    return locate(report, locator) if locator else report


def build(
    paths: list[Path],
    *,
    out: Path,
    base: str = DEFAULT_BASE,
    infer: bool = False,
    jobs: int | None = None,
    root: Path | None = None,
    on_progress: OnProgress | None = None,
) -> FastOutcome:
    """Load, map, validate and check consistency; write every output into ``out`` only if the
    data conforms and is consistent. With ``infer``, each article's inferred triples go into
    its own graph ``{base}graph/{slug}/inferred`` of the N-Quads and JSON-LD datasets.

    Articles are built in worker processes, validated by the compiled SHACL engine, streamed
    into the output and reused when unchanged (``fastbuild.py``); ``--infer`` too.
    ``on_progress`` is told how far the build has got, after every article."""
    return fast_build(
        paths, out=out, base=base, jobs=jobs, root=root, on_progress=on_progress, infer=infer
    )
