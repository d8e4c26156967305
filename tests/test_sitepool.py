"""The site's worker pool (``mapper/publish/sitepool.py``): results in order, an error given
back to the caller, and a pool of one that runs everything in the caller's process."""

from __future__ import annotations

import gc
import os

import pytest

from mapper.builder.shard import GC_THRESHOLD
from mapper.publish.sitepool import SitePool


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
    # set in each worker before its first task (sitepool._start); the caller's is untouched
    caller = gc.get_threshold()
    with SitePool(2) as pool:
        pool.warm()  # (else call() runs in the caller)
        assert pool.call(gc.get_threshold) == GC_THRESHOLD
        assert pool.call(gc.get_freeze_count) > 0  # what the imports made: never walked
    assert gc.get_threshold() == caller != GC_THRESHOLD
