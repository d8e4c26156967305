"""``store.memory.StoreMemory``: a reader of the embedded store opens it again when the
process's memory has grown by its budget, from the level left after the last reopening."""

from __future__ import annotations

import pytest

from mapper.publish.store.memory import StoreMemory, anonymous_memory

MIB = 1 << 20


class Readings:
    """What the fake /proc says, one reading per look."""

    def __init__(self, *values: int | None) -> None:
        self.values = list(values)

    def __call__(self) -> int | None:
        return self.values.pop(0)


def test_it_reopens_only_past_the_budget_and_counts_from_what_is_left() -> None:
    calls = []
    # opened at 100; looks: 150 (under 164), 170 (over: reopen, 120 left), 180 (under 184), 190
    memory = StoreMemory(
        lambda: calls.append(1) or True,
        budget=64 * MIB,
        measure=Readings(
            100 * MIB, 150 * MIB, 170 * MIB, 120 * MIB, 180 * MIB, 190 * MIB, 130 * MIB
        ),
    )
    assert memory.limit == 164 * MIB
    assert memory.check() is False
    assert memory.check() is True and calls == [1]
    assert memory.limit == 184 * MIB
    assert memory.check() is False
    assert memory.check() is True and memory.reopened == 2


def test_a_reopen_that_declines_or_fails_is_tried_again_later() -> None:
    answers = [False, OSError("moved"), True]

    def reopen() -> bool:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    memory = StoreMemory(reopen, budget=10, measure=Readings(0, 50, 50, 50, 5))
    assert memory.check() is False  # declined: a load wrote the store
    assert memory.check() is False  # the folder moved
    assert memory.check() is True
    assert memory.reopened == 1 and memory.limit == 15


def test_without_a_measure_it_does_nothing() -> None:
    memory = StoreMemory(lambda: pytest.fail("reopened"), measure=lambda: None)
    assert memory.limit is None
    assert memory.check() is False


def test_this_process_memory_is_read_on_linux() -> None:
    found = anonymous_memory()
    assert found is not None and 1 * MIB < found < 64 * 1024 * MIB


def test_the_store_is_opened_again_only_while_its_files_are_those_it_was_opened_with(tmp_path):
    import pyoxigraph as ox

    from mapper.publish.store.memory import reopener
    from mapper.publish.store.refresh import signature

    store = tmp_path / "store"
    ox.Store(str(store)).flush()
    opened, handles = signature(store), []
    reopen = reopener(store, lambda: opened, handles.append)
    assert reopen() is True and isinstance(handles[0], ox.Store)
    (store / "WRITTEN-BY-A-LOAD").write_bytes(b"x")  # the folder changed since it was opened
    assert reopen() is False and len(handles) == 1
