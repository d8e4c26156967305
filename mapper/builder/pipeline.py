"""The pipeline: load facts, map to RDF, validate (SHACL shapes, then the ontology's
consistency rules), optionally add what the ontology entails, and write ``dist/``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Dataset, URIRef

from ..checks.consistency import Conflict, Locator, find_conflicts
from ..checks.infer import add_inferences
from ..checks.validate import Report, validate_dataset
from ..facts.load import load_corpus
from ..facts.model import Article
from ..rdf.mapping import map_articles
from ..rdf.mint import Minter
from ..rdf.read import read_rdf
from ..rdf.vocab import DEFAULT_BASE
from .fastbuild import BuildProgress, FastOutcome, OnProgress, fast_build
from .outdir import staged_output
from .serialize import dist_files, write_files

__all__ = [
    "BuildOutcome",
    "BuildProgress",
    "build",
    "build_dataset",
    "check_inputs",
    "classic_build",
    "locate",
]


@dataclass
class BuildOutcome:
    """What a build did: the validation report, the contradictions with the ontology, and the
    files written (none if either found a problem)."""

    report: Report
    articles: int
    triples: int
    written: list[Path] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    inferred: dict[str, URIRef] = field(default_factory=dict)  # slug -> inferred graph
    inferred_triples: int = 0

    @property
    def ok(self) -> bool:
        return self.report.conforms and not self.conflicts


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


PARALLEL_FROM = 8  # articles; below this, starting worker processes costs more than it saves


def build(
    paths: list[Path],
    *,
    out: Path,
    base: str = DEFAULT_BASE,
    infer: bool = False,
    jobs: int | None = None,
    root: Path | None = None,
    on_progress: OnProgress | None = None,
) -> BuildOutcome | FastOutcome:
    """Load, map, validate and check consistency; write every output into ``out`` only if the
    data conforms and is consistent. With ``infer``, each article's inferred triples go into
    its own graph ``{base}graph/{slug}/inferred`` of the N-Quads and JSON-LD datasets.

    Without ``infer`` the fast, incremental path builds (``fastbuild.py``: articles in worker
    processes, compiled SHACL, streamed output, unchanged articles reused); with it, the
    rdflib pipeline below, which is also the benchmark's baseline and the reference the
    fast path is tested against.

    ``on_progress`` is told how far the build has got: after every article on the fast path,
    once all are checked on the other."""
    if not infer:
        return fast_build(paths, out=out, base=base, jobs=jobs, root=root, on_progress=on_progress)
    outcome = classic_build(paths, out=out, base=base, infer=infer, jobs=jobs, root=root)
    if on_progress is not None:
        on_progress(BuildProgress(outcome.articles, outcome.articles, outcome.triples, 0, 0.0))
    return outcome


def classic_build(
    paths: list[Path],
    *,
    out: Path,
    base: str = DEFAULT_BASE,
    infer: bool = False,
    jobs: int | None = None,
    root: Path | None = None,
) -> BuildOutcome:
    """The rdflib pipeline: one Dataset in memory, pySHACL per article graph, rdflib's
    serialisers (see ``build``)."""
    with staged_output(
        out, inputs=[*paths, *([root] if root else [])], command="build"
    ) as stage:  # --out checked first
        outcome, dataset, graphs = _check_all(paths, base=base, jobs=jobs, root=root)
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


def _check_all(
    paths: list[Path], *, base: str, jobs: int | None, root: Path | None
) -> tuple[BuildOutcome, Dataset, dict]:
    """Load, map, validate and check consistency: the outcome (nothing written yet)."""
    dataset, graphs, articles = _load_and_map(paths, base=base, root=root)
    locator = Locator(articles, base=base)
    if jobs is None:  # automatic: one worker per core for a corpus, none for a few articles
        jobs = (os.cpu_count() or 1) if len(graphs) >= PARALLEL_FROM else 1
    report = locate(validate_dataset(dataset, base=base, jobs=jobs), locator)
    conflicts = find_conflicts(dataset, locator)
    quads = sum(len(dataset.graph(iri)) for iri in graphs.values())
    outcome = BuildOutcome(report=report, articles=len(graphs), triples=quads, conflicts=conflicts)
    return outcome, dataset, graphs
