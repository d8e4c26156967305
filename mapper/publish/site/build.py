"""``defrel site`` on the build's per-article path: the dumps are built as ``defrel build``
builds them (into the site folder, reusing unchanged articles), and the pages are rendered
article by article in worker processes (``site/rendering.py``) and written as they come. Into a
new folder, the build's own workers render an article's pages as soon as they have built
it, from its terms (``site.rendering.render_built``); in place, the site's workers render them
from its part of ``dataset.nq`` once the build is good (nothing is touched before).

* An article's own pages (the article, its facts) are rendered from its own statements
  alone (its part of ``dataset.nq``). That is the page the whole dataset gives because
  every article says the same of the nodes it shares with others (types and labels: checked
  here on what each article reported) and no article names another's nodes; were either
  ever not so, the pages are rendered from the whole dataset instead (slower, the same
  bytes).
* A shared resource's page (an entity, a post) is rendered from the union of what each
  article that mentions it contributes (spooled to disk, a bucket per worker task).
* Incremental: the site keeps ``.defrel/site.json`` (each article's content hash, the
  recipe, every page's path) and a side file per article. An unchanged article's pages are
  kept from the previous site, as are the pages of the shared resources no changed article
  mentions; a page rendered again but unchanged is kept too. The folder is the very one a
  full build writes (tests/test_site.py compares).
* Into a previous site of its own, in a good state, the site is updated in place, file by
  file (``site/update.py``: each file renamed over the old one, a journal while it lasts);
  into a new folder, a folder of another command, or a site whose last update was killed,
  it is built in a new folder that replaces the old one whole, unchanged files linked.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from time import perf_counter

from ...builder.fastbuild import build_into
from ...builder.outdir import staged_output
from ...rdf.mint import check_base
from ..render.describe import PAGE_SIZE
from .pool import SitePool
from .rendering import render_built
from .run import SPOOL, SiteRun, site_recipe
from .static import SiteOutcome
from .update import (
    SITE_MANIFEST,
    begin,
    commit_build,
    read_state,
    sound,
    updatable,
)

__all__ = ["SITE_MANIFEST", "site_build", "site_recipe"]

# an edit of a site this large starts its workers before the build (see site/pool.py)
WARM_ARTICLES = 500
Progress = Callable[[str, int, int], None]


def site_build(
    paths: list[Path],
    *,
    out: Path,
    base: str,
    license: str,
    root: Path | None = None,
    jobs: int | None = None,
    on_progress: Progress | None = None,
    publisher=None,
    page_size: int = PAGE_SIZE,
) -> SiteOutcome:
    """See the module docstring; ``on_progress(stage, done, total)`` is told how far;
    ``page_size``: what points at a resource is listed that many a page."""
    check_base(base)
    started = perf_counter()
    inputs = [*paths, *([root] if root else [])]
    workers = SitePool(jobs if jobs is not None else os.cpu_count() or 1)
    with workers, staged_output(out, inputs=inputs, command="site", in_place=updatable) as stage:
        if stage.in_place and len(read_state(stage.out)["articles"]) >= WARM_ARTICLES:
            workers.warm()  # most likely an edit: its shared pages are most of its work
        # a folder whose last update was killed midway: nothing in it is trusted
        trusted = stage.out if stage.in_place or sound(stage.out) else stage.folder / "none"
        old = stage.out if trusted == stage.out and stage.out.is_dir() else None
        render = None  # into a new folder, the build's workers render the articles' pages
        if not stage.in_place:  # (in place, nothing is touched before the build is good)
            spool_to = stage.folder / SPOOL
            spool_to.mkdir(parents=True, exist_ok=True)
            render = partial(
                render_built, base=base, license=license, stage=str(stage.folder),
                old=old and str(old), page_size=page_size, spool_to=str(spool_to),
            )  # fmt: skip
        built = build_into(
            stage.folder, trusted, paths, base, jobs, root, pages=render,
            on_progress=partial(_last_article, workers),
        )  # fmt: skip
        outcome = SiteOutcome(report=built.report, articles=built.articles, triples=built.triples)
        outcome.conflicts, outcome.reused = built.conflicts, built.reused
        outcome.files = len(built.written)
        if not built.ok:
            stage.abandon()
            return outcome
        if jobs is None:
            jobs = (os.cpu_count() or 1) if built.articles - built.reused >= 8 else 1
        target = stage.out if stage.in_place else stage.folder
        pages = SiteRun(target, old, stage.folder, base, license, jobs, on_progress or _quiet)
        pages.publisher, pages.page_size, pages.workers = publisher, page_size, workers
        if stage.in_place:
            previous = read_state(stage.out)
            begin(stage.out)
            gone = [slug for slug in previous["articles"] if slug not in built.manifest.articles]
            folder = f"{stage.folder}/"  # (strings: 20,000 relative_to calls took 0.4 s)
            names = [str(p).removeprefix(folder) for p in built.written]
            commit_build(stage.folder, stage.out, names, gone)
        pages.run(built.manifest, outcome, built.rendered)
    outcome.seconds = perf_counter() - started
    outcome.written = [Path(out) / name for name in outcome.written]
    return outcome


def _last_article(workers: SitePool, progress) -> None:
    """Once the build has every article (the parent then writes its manifest and checks
    what the articles share, on one core), start the site's workers for what follows if
    many articles were built: a worker's start (a second of CPU) is then on the idle core."""
    done = progress.articles == progress.articles_total
    if done and progress.articles - progress.reused >= WARM_ARTICLES:
        workers.warm()


def _quiet(stage: str, done: int, total: int) -> None:
    pass
