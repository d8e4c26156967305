"""The pipeline: load facts, map to RDF, validate, and (only if it conforms) write ``dist/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from .facts import load_corpus
from .mint import Minter
from .rdfmap import map_articles
from .serialize import write_dist
from .validate import Report, validate_dataset
from .vocab import DEFAULT_BASE

__all__ = ["BuildOutcome", "build", "build_dataset"]


@dataclass
class BuildOutcome:
    """What a build did: the validation report, and the files written (none if it failed)."""

    report: Report
    articles: int
    triples: int
    written: list[Path] = field(default_factory=list)


def build_dataset(paths: list[Path], *, base: str = DEFAULT_BASE) -> tuple[Dataset, dict]:
    """Load and map the facts files under ``paths``; return the dataset and slug -> graph IRI."""
    minter = Minter(base)
    articles = load_corpus(paths)
    dataset = map_articles(articles, base=base)
    return dataset, {a.slug: minter.graph(a.slug) for a in articles}


def build(paths: list[Path], *, out: Path, base: str = DEFAULT_BASE) -> BuildOutcome:
    """Load, map and validate; write every output into ``out`` only if the data conforms."""
    dataset, graphs = build_dataset(paths, base=base)
    report = validate_dataset(dataset, base=base)
    quads = sum(len(dataset.graph(iri)) for iri in graphs.values())
    outcome = BuildOutcome(report=report, articles=len(graphs), triples=quads)
    if report.conforms:
        outcome.written = write_dist(dataset, graphs, out)
    return outcome
