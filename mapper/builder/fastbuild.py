"""``defrel build``: articles built in worker processes (``shard.py``), joined here, and the
output written as a stream: no article's triples stay in memory, only its manifest entry.

Incremental: the output folder keeps a manifest (``.defrel/manifest.json``, see
``manifest.py``) with each article's content hash, its byte ranges in the dataset files and
its cross-article summary. An article whose facts file, text and build recipe (defrel's
code, shapes, ontology, base IRI) are unchanged is not loaded, mapped or validated again:
its parts are copied from the previous output (``distwriter.py``; its own files
hard-linked), and the cross-article checks run on the summaries of all articles. The files
are byte for byte those a full build writes. The whole folder is still replaced atomically.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from rdflib import Graph

from ..checks.consistency import Conflict
from ..checks.infer import inferred_graph_iri
from ..checks.report import Report, Result, conforming_report
from ..errors import DefrelError, FactsError
from ..facts.files import read_bytes
from ..facts.load import FACTS_SUFFIX, find_facts_files
from ..facts.registry import find_registry
from ..rdf.mint import Minter
from ..rdf.vocab import DEFAULT_BASE
from .crosscheck import check_entity_types, corpus_conflicts
from .distwriter import BIG, DistWriter
from .manifest import MANIFEST, Manifest, entities_text, read_manifest, write_manifest
from .outdir import staged_output
from .shard import ArticleOutcome, content_key, file_stamp, process, tune_collector
from .sources import add_sources

__all__ = ["MANIFEST", "BuildProgress", "FastOutcome", "build_into", "fast_build", "recipe"]

CHUNK = 32  # articles per worker task
AHEAD = 3  # chunks in flight per worker


@dataclass(frozen=True)
class BuildProgress:
    """How far a build has got, passed to ``on_progress`` after every article joined (built
    by a worker or reused from the previous output)."""

    articles: int
    articles_total: int
    triples: int
    reused: int
    seconds: float


OnProgress = Callable[[BuildProgress], None]


@dataclass
class FastOutcome:
    report: Report
    articles: int
    triples: int
    written: list[Path] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    reused: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> summed over articles
    inferred: dict = field(default_factory=dict)  # slug -> its inferred graph (``infer``)
    inferred_triples: int = 0
    manifest: Manifest | None = None  # what was built, article by article
    rendered: dict = field(default_factory=dict)  # slug -> what ``pages`` made of it

    @property
    def ok(self) -> bool:
        return self.report.conforms and not self.conflicts


def recipe(
    base: str, root: Path | None = None, registries: tuple[Path, ...] = (), infer: bool = False
) -> str:
    """What every article's output depends on besides its own files: defrel's source (all
    of it: a change anywhere rebuilds everything), the bundled shapes, ontology and
    context, the base IRI, the --root folder (an article accepted under one root is
    checked again under another), the entity registries the articles use (an edited
    registry rebuilds every article) and whether inferences are written."""
    digest = hashlib.sha256(base.encode())
    if infer:
        digest.update(b"\0infer")
    digest.update(b"\0root\0" + (str(Path(root).resolve()).encode() if root else b""))
    for path in registries:
        digest.update(
            b"\0registry\0" + str(path).encode() + b"\0" + read_bytes(path, what="entity registry")
        )
    add_sources(digest, package=Path(__file__).resolve().parents[1])  # mapper/, every stage
    return digest.hexdigest()


def _registries(facts: list[Path], root: Path | None) -> tuple[Path, ...]:
    """Every registry file that some article of the build uses."""
    found: dict[Path, None] = {}
    for folder in sorted({p.parent for p in facts}):
        found.update(dict.fromkeys(find_registry(folder / "x", root)))
    return tuple(found)


def _slug(path: Path) -> str:
    return path.name.removesuffix(FACTS_SUFFIX) if path.name.endswith(FACTS_SUFFIX) else path.stem


def _ordered(paths: list[Path]) -> list[Path]:
    """The facts files, in slug order; two files with one slug are refused."""
    found = find_facts_files(paths)
    seen: dict[str, Path] = {}
    for path in found:
        slug = _slug(path)
        if slug in seen:
            raise FactsError(
                f"two facts files share the slug {slug!r} (also {seen[slug]})",
                path=path,
                hint="article slugs must be unique: rename one file",
            )
        seen[slug] = path
    return [seen[s] for s in sorted(seen)]


def _unchanged(path: Path, entry: dict | None, key: str, out: Path) -> list[int] | None:
    """If this article was built from these very bytes into ``out`` (its files still there),
    its files' current stamp; otherwise None."""
    if entry is None:
        return None
    slug = _slug(path)
    if not all(os.path.isfile(f"{out}/articles/{slug}{x}") for x in (".ttl", ".jsonld")):
        return None
    text_path = os.path.join(os.path.dirname(path), entry["text_path"])
    try:
        stamp = file_stamp(str(path), text_path)
        if stamp == entry.get("stamp"):  # unchanged: not read
            return stamp
        facts = read_bytes(path, what="facts file")  # never blocks on a FIFO, bounded
        text = read_bytes(Path(text_path), what="article text")
        same = content_key(facts, text, key) == entry["key"]
    except (OSError, DefrelError):  # rebuilt, and the build says what is wrong
        return None
    return stamp if same else None


def _run(
    todo: list[Path],
    base: str,
    key: str,
    jobs: int,
    staging: Path,
    root: Path | None = None,
    infer: bool = False,
    pages: Callable | None = None,
) -> Iterator[ArticleOutcome]:
    """Build ``todo`` (in order), in ``jobs`` worker processes when there are enough.

    At most AHEAD chunks per worker are in flight, so finished articles never pile up in
    memory waiting for the parent; on any error the chunks not yet started are cancelled
    and the workers are gone before this returns (the caller then removes ``staging``)."""
    chunks = [[str(p) for p in todo[i : i + CHUNK]] for i in range(0, len(todo), CHUNK)]
    args = (base, key, str(staging), root and str(root), infer, pages)
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from process(chunk, *args)
        return
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=get_context("spawn"), initializer=tune_collector
    )
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(process, chunk, *args))
            if len(pending) >= AHEAD * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def fast_build(
    paths: list[Path],
    *,
    out: Path,
    base: str = DEFAULT_BASE,
    jobs: int | None = None,
    root: Path | None = None,
    on_progress: OnProgress | None = None,
    infer: bool = False,
) -> FastOutcome:
    """Build ``paths`` into ``out`` (see the module docstring); article texts must lie beside
    their facts files, or inside ``root``.  ``on_progress`` is told after every article.
    With ``infer``, each article's inferred triples go into its own graph
    ``{base}graph/{slug}/inferred`` of the N-Quads and JSON-LD."""
    with staged_output(
        out, inputs=[*paths, *([root] if root else [])], command="build"
    ) as stage:  # --out checked first
        outcome = build_into(
            stage.folder, stage.out, paths, base, jobs, root, infer=infer, on_progress=on_progress
        )
        if outcome.ok:
            outcome.written = [stage.final(p) for p in outcome.written]
        else:
            stage.abandon()
    return outcome


def build_into(
    staging: Path,
    out: Path,
    paths: list[Path],
    base: str,
    jobs: int | None,
    root: Path | None = None,
    *,
    infer: bool = False,
    on_progress: OnProgress | None = None,
    pages: Callable | None = None,
) -> FastOutcome:
    """Build ``paths`` into the folder ``staging``, reusing what the previous output ``out``
    holds of unchanged articles (``defrel site`` builds its dumps with this too, and may
    have the articles built render their pages as they are: ``pages``, see
    ``shard.process``; what it made of each is the outcome's ``rendered``)."""
    ordered = _ordered(paths)
    key = recipe(base, root, _registries(ordered, root), infer)
    previous = read_manifest(out, key) if out.is_dir() else None
    articles = previous.articles if previous else {}
    reuse = {p: _unchanged(p, articles.get(_slug(p)), key, out) for p in ordered}
    if jobs is None:
        todo = sum(stamp is None for stamp in reuse.values())
        jobs = (os.cpu_count() or 1) if todo >= 8 else 1
    writer = DistWriter(staging, out, base)
    changed = [p for p in ordered if reuse[p] is None]
    built = _run(changed, base, key, jobs, staging, root, infer, pages)
    tell = _teller(len(ordered), on_progress)
    try:
        return _fill(writer, built, staging, ordered, reuse, previous, base, key, root, tell, infer)
    finally:
        built.close()  # workers stopped before the staging folder can be removed
        writer.abandon()


def _teller(total: int, on_progress: OnProgress | None) -> Callable[[int, int, int], None]:
    """A function of (articles, triples, reused) so far that tells ``on_progress``, if any."""
    started = time.monotonic()

    def tell(articles: int, triples: int, reused: int) -> None:
        if on_progress is not None:
            seconds = time.monotonic() - started
            on_progress(BuildProgress(articles, total, triples, reused, seconds))

    return tell


def _fill(
    writer, built, staging, ordered, reuse, previous, base, key, root=None, tell=None, infer=False
) -> FastOutcome:
    tell = tell or _teller(len(ordered), None)
    manifest = Manifest(key, previous.consistent if previous else None)
    if previous is not None:  # unchanged articles keep their numbers in the statement table
        manifest.intern(previous.statements)
    results: list[Result] = []
    conflicts: list[Conflict] = []
    conforms, triples, reused = True, 0, 0
    seconds: dict[str, float] = {}
    problems: list[DefrelError] = []
    rendered: dict = {}
    for path in ordered:
        slug = _slug(path)
        if reuse[path] is not None:
            entry = dict(previous.articles[slug], facts_path=str(path), stamp=reuse[path])
            entry["ranges"] = writer.reuse(slug, entry["ranges"])
            manifest.articles[slug] = entry
        else:
            outcome = next(built)
            if outcome.error is not None:  # go on: every file's problems are reported at once
                problems.append(outcome.error)
                continue
            if problems:
                continue  # nothing will be written: spare the work of recording this one
            conforms &= outcome.conforms
            conflicts += outcome.conflicts
            if outcome.rendered is not None:
                rendered[slug] = outcome.rendered
            for stage, spent in outcome.seconds.items():
                seconds[stage] = seconds.get(stage, 0.0) + spent
            entry = {
                "key": outcome.key,
                "text_path": outcome.text_path,
                "stamp": outcome.stamp,
                "facts_path": outcome.facts_path,
                "triples": outcome.triples,
                "results": outcome.results,
                "entities": entities_text(outcome.summary),
                "inferred": outcome.inferred,
            }
            if outcome.texts is not None:
                texts = outcome.texts
                parts = dict(zip(BIG, (texts.turtle, texts.nquads, texts.jsonld), strict=True))
                entry["ranges"] = writer.new(slug, parts)
            manifest.add(slug, entry, outcome.shared)
        results += entry["results"]
        triples += entry["triples"]
        reused += reuse[path] is not None
        tell(len(manifest.articles), triples, reused)
    if problems:
        raise DefrelError.together(problems)
    writer.close()
    check_entity_types(manifest)
    if conforms:
        known = {(c.message, c.axiom) for c in conflicts}
        for conflict in corpus_conflicts(manifest, base, root=root):
            if (conflict.message, conflict.axiom) not in known:
                conflicts.append(conflict)
        conflicts.sort(key=str)
    report = Report(conforms=conforms, results=results, graph=_report_graph(results))
    outcome = FastOutcome(report=report, articles=len(manifest.articles), triples=triples)
    outcome.conflicts = conflicts
    outcome.reused = sum(stamp is not None for stamp in reuse.values())
    outcome.seconds = seconds
    outcome.manifest = manifest
    outcome.rendered = rendered
    if infer:  # one graph of inferred triples per article
        graphs = {slug: Minter(base).graph(slug) for slug in manifest.articles}
        outcome.inferred = {slug: inferred_graph_iri(g) for slug, g in graphs.items()}
        outcome.inferred_triples = sum(e.get("inferred", 0) for e in manifest.articles.values())
    if outcome.ok:
        write_manifest(manifest.compacted(), staging)
        outcome.written = [staging / name for name in writer.names]
    return outcome


def _report_graph(results: list[Result]) -> Graph:
    if not results:
        return conforming_report()
    from .shard import _validator

    return _validator().report_graph(results)
