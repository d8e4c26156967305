"""The site's worker pool (``mapper/publish/site/pool.py``): results in order, an error given
back to the caller, and a pool of one that runs everything in the caller's process."""

from __future__ import annotations

import gc
import os

import pytest

from mapper.builder.shard import GC_THRESHOLD
from mapper.publish.site.pool import SitePool


def _fail(message: str) -> None:
    raise ValueError(message)


def test_a_pool_of_one_runs_here_and_gives_errors_back() -> None:
    with SitePool(1) as pool:
        assert list(pool.map(abs, [-3, 2, -1])) == [3, 2, 1]
        assert pool.call(os.getpid) == os.getpid() and not pool.started
        with pytest.raises(ValueError, match="bad"):
            pool.submit(_fail, "bad").result()


def test_workers_keep_the_order_and_give_errors_back() -> None:
    with SitePool(2) as pool:
        pool.warm()
        assert pool.started
        assert list(pool.map(abs, list(range(-20, 0)))) == list(range(20, 0, -1))
        assert pool.call(os.getpid) != os.getpid()
        with pytest.raises(ValueError, match="in a worker"):
            pool.call(_fail, "in a worker")
    assert not pool.started


def test_workers_collect_garbage_less_often_than_the_caller() -> None:
    # set in each worker before its first task (site.pool._start); the caller's is untouched
    caller = gc.get_threshold()
    with SitePool(2) as pool:
        pool.warm()  # (else call() runs in the caller)
        assert pool.call(gc.get_threshold) == GC_THRESHOLD
        assert pool.call(gc.get_freeze_count) > 0  # what the imports made: never walked
    assert gc.get_threshold() == caller != GC_THRESHOLD


def test_the_site_starts_its_workers_once_the_build_has_its_last_article() -> None:
    from mapper.builder.fastbuild import BuildProgress
    from mapper.publish.site.build import WARM_ARTICLES, _last_article

    class Pool:
        warmed = 0

        def warm(self) -> None:
            self.warmed += 1

    pool, n = Pool(), WARM_ARTICLES
    _last_article(pool, BuildProgress(n - 1, n, 0, 0, 0.0))  # not the last
    _last_article(pool, BuildProgress(n, n, 0, 1, 0.0))  # the last, but few built
    assert pool.warmed == 0
    _last_article(pool, BuildProgress(n, n, 0, 0, 0.0))
    assert pool.warmed == 1


def test_the_largest_buckets_of_shared_pages_go_first(tmp_path, monkeypatch) -> None:
    from mapper.publish.site import run as siterun

    for k, size in ((0, 10), (1, 300), (2, 20)):
        (tmp_path / f"1-{k}.txt").write_text("x" * size)
    (tmp_path / "2-2.txt").write_text("x" * 500)  # bucket 2: 520 in all
    run = siterun.SiteRun.__new__(siterun.SiteRun)
    run.work, run.base, run.license, run.stage, run.old = tmp_path, "b", "l", tmp_path, None
    run.page_size, run.jobs, run.written, run.progress = 1, 2, 0, lambda *a: None
    seen = []
    run._map = lambda fn, tasks, parallel: seen.extend(tasks) or []
    run._shared(set(), {}, {})
    sizes = [sum(os.path.getsize(p) for p in paths) for paths in seen]
    assert sizes[:3] == [520, 300, 10] and sorted(sizes, reverse=True) == sizes
