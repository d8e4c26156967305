"""The worker processes of one ``defrel site`` run, started once and used by every stage that
renders pages (the articles' own pages, then the shared pages).

Starting a worker (a new interpreter importing the renderer) costs about a second of CPU. A
pool made per stage paid it twice; and an edit of a large site, which renders its few
articles in the parent, had the touched shared pages (states mentioned by thousands of
articles: most of an edit's work) rendered in the parent too, one core idle. Here the pool
is started before the build when an edit of a large site is coming (``warm``), so the
workers are ready, modules imported, by the time the shared pages are; and it is kept
for the rest of the run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from ...builder.shard import tune_collector

__all__ = ["SitePool"]

AHEAD = 3  # tasks in flight per worker: results never pile up in the parent


def _start() -> None:
    """In a new worker, before any task: import what rendering needs, so the first task does
    not wait, and set the collector as the build's workers have it (``shard.GC_THRESHOLD``:
    without it a shared bucket spent about 11 % of its CPU in collections, the articles'
    pages 3 %)."""
    from . import rendering  # noqa: F401 (the renderer: imported before the first task)
    from .terms import _known

    _known()
    tune_collector()


def _ready() -> None:
    """A task that only makes the pool start a worker (``_start`` runs in it first)."""


class SitePool:
    """``jobs`` worker processes, started at the first use (or by ``warm``); ``close``
    stops them. A pool of one (or less) is no pool: tasks run in the calling process."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def warm(self) -> None:
        """Start the workers now, each importing the renderer while the caller goes on."""
        if self.jobs > 1 and self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=get_context("spawn"), initializer=_start
            )
            for _ in range(self.jobs):  # (a worker is started for each task none is free for)
                self._pool.submit(_ready)

    @property
    def started(self) -> bool:
        return self._pool is not None

    def map(self, fn: Callable, tasks: list) -> Iterator:
        """``fn(task)`` for each task, results in order: in the workers when there are more
        tasks than one (or the workers are already up), else here."""
        if self.jobs <= 1 or (len(tasks) <= 1 and self._pool is None):
            yield from map(fn, tasks)
            return
        self.warm()
        pending: deque = deque()
        try:
            for task in tasks:
                pending.append(self._pool.submit(fn, task))
                if len(pending) >= AHEAD * self.jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # an error, or the caller stopped: none left running
                future.cancel()

    def submit(self, fn: Callable, *args, **kwargs) -> Future:
        """``fn(*args, **kwargs)`` in a worker if they are up, else here (done at once)."""
        if self._pool is not None:
            return self._pool.submit(fn, *args, **kwargs)
        done: Future = Future()
        try:
            done.set_result(fn(*args, **kwargs))
        except BaseException as err:  # noqa: BLE001 - given back by result(), as a worker's
            done.set_exception(err)
        return done

    def call(self, fn: Callable, *args, **kwargs):
        """``fn(*args, **kwargs)`` in a worker if they are up (waiting for it), else here."""
        return self.submit(fn, *args, **kwargs).result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> SitePool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
