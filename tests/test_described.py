"""``serve/described.py``: the dataset's description (home page, lists, VoID, sitemap) made in
a daemon child process, begun when the server starts, waited for by a request that comes
sooner, reported as a StoreError when the child fails or dies, and ended when the store is
loaded again."""

from __future__ import annotations

import os
import time

import pytest

from mapper.errors import StoreError
from mapper.publish.serve.described import Described


def made(name: str) -> dict[str, bytes]:
    return {name: str(os.getpid()).encode()}


def failing() -> dict[str, bytes]:
    raise ValueError("no such graph")


def dying() -> dict[str, bytes]:
    os._exit(3)


def sleeping() -> dict[str, bytes]:
    time.sleep(60)
    return {}


def _until(check, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "in time"
        time.sleep(0.05)


def test_begun_at_start_the_files_are_there_before_anyone_asks() -> None:
    described = Described(made, ("index.html",), {})
    described.begin()
    _until(lambda: described.files is not None)
    files = described()
    assert list(files) == ["index.html"] and int(files["index.html"]) != os.getpid()
    assert described() is files and not described.process.is_alive()


def test_a_failure_is_a_store_error_and_the_next_call_tries_again(monkeypatch) -> None:
    described = Described(failing, (), {})
    with pytest.raises(StoreError, match="could not be made: ValueError: no such graph"):
        described()
    monkeypatch.setattr(described, "make", made)
    monkeypatch.setattr(described, "args", ("void.ttl",))
    assert list(described()) == ["void.ttl"]


def test_a_child_that_dies_is_reported_with_its_exit_code() -> None:
    with pytest.raises(StoreError, match="exit code 3") as caught:
        Described(dying, (), {})()
    assert caught.value.hint


def test_stopped_the_child_ends_and_a_caller_is_told_to_ask_again() -> None:
    described = Described(sleeping, (), {})
    described.begin()
    _until(lambda: described.process is not None and described.process.is_alive())
    started = time.monotonic()
    described.stop()
    described.process.join(10)
    assert not described.process.is_alive() and time.monotonic() - started < 10
    with pytest.raises(StoreError, match="loaded again"):
        described()
