"""Load a corpus of named graphs into a store, one article's graph at a time, whatever the store.

The input is staged first (``staging``), then read back graph by graph.  A target (the
embedded store in ``store``, a remote one in ``remote``) replaces each graph whole; what
happens to graphs no longer in the input is the mode's business.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..errors import InputError, PartialLoadError, StoreError
from ..rdf.vocab import DEFAULT_BASE
from .staging import GraphInfo, Staged, staged

__all__ = [
    "MODES",
    "LoadOutcome",
    "Progress",
    "Target",
    "article_name",
    "check_base",
    "inferred_graphs",
    "load_graphs",
]

# What happens to graphs in the store that are not in the input: left alone (append),
# dropped if they are defrel article graphs under the same base (drop-missing), or all
# dropped, the default graph cleared too, so that the store holds exactly the input (replace).
MODES = ("append", "drop-missing", "replace")
SHOWN = 10  # article names listed in a message; --json gives them all
_INFERRED = "/inferred"  # build --infer: the entailments of {graph} in {graph}/inferred


@dataclass(frozen=True)
class Progress:
    """How far a load has got, passed to ``on_progress`` after every graph written (the bulk
    load of a new store: after every chunk read, its totals being the counts so far)."""

    articles: int
    articles_total: int
    triples: int
    triples_total: int
    seconds: float


@dataclass
class LoadOutcome:
    """What a load did: where, how much, how fast, and which graphs it dropped.

    ``articles`` counts article graphs; ``inferred`` the graphs of entailments beside them
    (``build --infer``), which are loaded too but are not articles.
    """

    target: str
    articles: int
    triples: int
    seconds: float
    mode: str
    dropped: list[str] = field(default_factory=list)
    inferred: int = 0

    @property
    def rate(self) -> float:
        """Triples written per second."""
        return self.triples / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> dict:
        """A JSON-ready summary (``defrel load --json``)."""
        return {
            "status": "loaded",
            "target": self.target,
            "mode": self.mode,
            "articles": self.articles,
            "inferred_graphs": self.inferred,
            "triples": self.triples,
            "seconds": round(self.seconds, 3),
            "triples_per_second": round(self.rate),
            "dropped": [article_name(g) for g in self.dropped],
        }


class Target(Protocol):
    """Where graphs go.  ``write`` replaces each graph of a batch whole and yields its IRI once
    the store has it; ``batch_triples`` bounds a batch (0: one graph per batch)."""

    name: str
    batch_triples: int

    def write(self, batch: list[GraphInfo], staged: Staged) -> Iterator[str]: ...

    def graphs(self) -> set[str]: ...

    def drop(self, iris: list[str], *, default_graph: bool) -> None: ...


def article_name(iri: str) -> str:
    """The article slug of a ``{base}graph/{slug}`` IRI; any other IRI as it is."""
    head, sep, slug = iri.rpartition("/graph/")
    return slug if sep and head and slug else iri


def inferred_graphs(iris: list[str]) -> set[str]:
    """Those of ``iris`` that hold an article's entailments: ``{graph}/inferred`` beside a
    ``{graph}`` that is among ``iris`` too (so an article whose slug is ``inferred`` is not)."""
    present = set(iris)
    return {i for i in present if i.endswith(_INFERRED) and i[: -len(_INFERRED)] in present}


def _names(iris: list[str]) -> str:
    names = [article_name(i) for i in iris[:SHOWN]]
    more = f", … and {len(iris) - SHOWN} more" if len(iris) > SHOWN else ""
    return (", ".join(names) + more) if names else "none"


def _partial(target: Target, cause: StoreError, staged: Staged, loaded: list[str], batch):
    done = set(loaded)
    in_flight = [g.iri for g in batch if g.iri not in done] if cause.maybe_written else []
    missing = [g.iri for g in staged.graphs if g.iri not in done]
    lines = [
        f"load into {target.name} stopped after {len(loaded)} of {len(staged.graphs)} "
        f"article(s): {cause.message}",
        f"  loaded ({len(loaded)}): {_names(loaded)}",
        f"  not loaded ({len(missing)}): {_names(missing)}",
    ]
    if in_flight:
        lines.append(
            "  of which being sent when it failed, so in the store whole or not at all: "
            + _names(in_flight)
        )
    lines.append("  no graph was dropped")
    hint = (cause.hint + "; then " if cause.hint else "") + (
        "run the same load again: each article's graph is replaced whole, nothing is duplicated"
    )
    return PartialLoadError(
        "\n".join(lines), loaded=loaded, missing=missing, in_flight=in_flight, hint=hint
    )


def _to_drop(target: Target, staged: Staged, mode: str, base: str) -> list[str]:
    if mode == "append":
        return []
    keep = {g.iri for g in staged.graphs}
    present = target.graphs()
    if mode == "replace":
        return sorted(present - keep)
    prefix = f"{base}graph/"
    return sorted(g for g in present - keep if g.startswith(prefix))


def _drop(target: Target, staged: Staged, mode: str, base: str) -> list[str]:
    try:
        dropped = _to_drop(target, staged, mode, base)
        if dropped or mode == "replace":
            target.drop(dropped, default_graph=mode == "replace")
    except StoreError as err:
        err.message = (
            f"all {len(staged.graphs)} article(s) loaded into {target.name}, but dropping the "
            f"graphs no longer in the input ({mode}) failed: {err.message}"
        )
        raise
    return dropped


def check_base(iris: list[str], mode: str, base: str) -> None:
    """Refuse ``--drop-missing`` when no input graph is an article graph under ``base``."""
    prefix = f"{base}graph/"
    if mode == "drop-missing" and not any(iri.startswith(prefix) for iri in iris):
        raise InputError(
            f"--drop-missing drops article graphs under {prefix}, but no input graph is there",
            hint=f"pass the --base the data was built with (the input has {iris[0]})",
        )


def load_graphs(
    paths: list[Path],
    *,
    target: Target,
    mode: str = "append",
    base: str = DEFAULT_BASE,
    on_progress: Callable[[Progress], None] | None = None,
) -> LoadOutcome:
    """Replace, graph by graph, each named graph of ``paths`` in ``target``; then apply ``mode``.

    Graphs are dropped (``drop-missing``, ``replace``) only once every input graph is loaded.
    A failure part-way raises PartialLoadError naming the articles loaded and not loaded.
    """
    if mode not in MODES:
        raise InputError(f"unknown load mode {mode!r}", hint=f"use one of {', '.join(MODES)}")
    started = time.perf_counter()  # staging counts: the rate is the whole load's
    with staged(paths) as stage:
        check_base([g.iri for g in stage.graphs], mode, base)
        loaded: list[str] = []
        triples = 0
        sizes = {g.iri: g.triples for g in stage.graphs}
        for batch in stage.batches(target.batch_triples):
            try:
                for iri in target.write(batch, stage):
                    loaded.append(iri)
                    triples += sizes[iri]
                    if on_progress is not None:
                        elapsed = time.perf_counter() - started
                        on_progress(
                            Progress(
                                len(loaded), len(stage.graphs), triples, stage.triples, elapsed
                            )
                        )
            except StoreError as err:
                raise _partial(target, err, stage, loaded, batch) from None
        dropped = _drop(target, stage, mode, base)
        seconds = time.perf_counter() - started
    inferred = len(inferred_graphs(loaded))
    articles = len(loaded) - inferred
    return LoadOutcome(target.name, articles, triples, seconds, mode, dropped, inferred)
