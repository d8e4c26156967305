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
    # Not ``process.join``: the thread that waits for the child reaps it too, and a join
    # racing it can read the child as alive once (its waitpid finds nothing to reap).
    _until(lambda: not described.process.is_alive(), seconds=10)
    assert time.monotonic() - started < 10
    with pytest.raises(StoreError, match="loaded again"):
        described()


def packed_home() -> dict[str, bytes]:
    from mapper.publish.serve.dataset import packed

    return packed({"index.html": "<p>the home page</p>\n"})


def test_over_http_a_failure_is_a_503_naming_it_and_the_next_request_gets_the_page(
    seed_dist, tmp_path, monkeypatch
) -> None:
    """``serve --store``'s app: the home page whose making failed is a 503 that says why;
    the next request makes it again, and gets it."""
    import asyncio

    import httpx
    import pyoxigraph as ox

    from mapper.publish.serve.app import StoreSite, make_app
    from mapper.publish.store.read import EmbeddedSource
    from mapper.stores.embedded import load_store

    load_store([seed_dist / "dataset.nq"], store=tmp_path / "store")
    described = Described(failing, (), {})
    site = StoreSite(
        base="https://w3id.org/defrel/data/",
        source=EmbeddedSource(ox.Store.read_only(str(tmp_path / "store"))),
        license="https://creativecommons.org/licenses/by/4.0/",
        query_timeout=5,
        describe_dataset=described,
    )

    async def home() -> httpx.Response:
        transport = httpx.ASGITransport(app=make_app(site, pool=None))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/defrel/data/index.html", headers={"Accept": "text/plain"})

    answer = asyncio.run(home())
    assert answer.status_code == 503 and "ValueError: no such graph" in answer.text
    monkeypatch.setattr(described, "make", packed_home)
    answer = asyncio.run(home())
    assert answer.status_code == 200 and answer.text == "<p>the home page</p>\n"
