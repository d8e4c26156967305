"""``serve/kept.py``: the dataset's description that ``serve --store`` made, kept in the
store's folder under a key of all it depends on, read by the next server on the same data
instead of being made again; ignored when the key differs or the file is not one defrel
wrote; not counted as a change of the store."""

from __future__ import annotations

import os
import time
import zlib
from pathlib import Path

import pytest

from mapper.publish.serve.described import Described
from mapper.publish.serve.kept import KEPT, Kept, described_key
from mapper.publish.store.refresh import StoreWatch, signature

BASE = "https://w3id.org/defrel/data/"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
OPTIONS = {"base": BASE, "license": LICENSE, "publisher": None, "dumps": None}
PROBE_NQ = (
    f"<{BASE}entity/kept-probe> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    f"<https://schema.org/Country> <{BASE}graph/kept-probe> .\n"
    f'<{BASE}entity/kept-probe> <https://schema.org/name> "Keptland"@en <{BASE}graph/kept-probe> .\n'
)


def never() -> dict[str, bytes]:
    raise AssertionError("made again, though kept")


@pytest.fixture
def store(seed_dist, tmp_path) -> Path:
    from mapper.stores.embedded import load_store

    load_store([seed_dist / "dataset.nq"], store=tmp_path / "store")
    return tmp_path / "store"


def test_kept_files_are_read_back_under_their_key_only(tmp_path) -> None:
    files = {"index.html": b"\x78\x9c packed", "void.ttl": bytes(range(256))}
    assert Kept(tmp_path, "k1").read() is None  # nothing kept yet
    assert Kept(tmp_path, "k1").write(files)
    assert Kept(tmp_path, "k1").read() == files
    assert Kept(tmp_path, "k2").read() is None
    assert [p.name for p in tmp_path.iterdir()] == [f"{KEPT}.json"]  # no temporary file left


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b"{}{}",
        b'{"index.html": 3}',
        b'{"index.html": "not base64!"}',
        b'{"index.html": "YWJj"',  # cut short
        b"\xff\xfe",
    ],
)
def test_a_file_defrel_did_not_write_is_ignored(tmp_path, body: bytes) -> None:
    (tmp_path / f"{KEPT}.json").write_bytes(f"{KEPT} 1 k1\n".encode() + body)
    assert Kept(tmp_path, "k1").read() is None


@pytest.mark.parametrize(
    "head", [b"", b"k1\n", f"{KEPT} 1 k2\n".encode(), f"{KEPT} 9 k1\n".encode()]
)
def test_a_file_of_another_key_or_format_is_not_read_further(tmp_path, head: bytes) -> None:
    (tmp_path / f"{KEPT}.json").write_bytes(head + b'{"index.html": "YWJj"}')
    assert Kept(tmp_path, "k1").read() is None
    (tmp_path / f"{KEPT}.json").write_bytes(f"{KEPT} 1 k1\n".encode() + b'{"index.html": "YWJj"}')
    assert Kept(tmp_path, "k1").read() == {"index.html": b"abc"}


def test_a_symlink_or_a_fifo_in_its_place_is_not_read(tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    (tmp_path / "store").mkdir()
    Kept(tmp_path, "k1").write({"index.html": b"x"})
    (tmp_path / f"{KEPT}.json").rename(elsewhere)  # a kept file, outside the store folder
    (tmp_path / "store" / f"{KEPT}.json").symlink_to(elsewhere)
    assert Kept(tmp_path / "store", "k1").read() is None
    (tmp_path / "store" / f"{KEPT}.json").unlink()
    os.mkfifo(tmp_path / "store" / f"{KEPT}.json")  # no writer: an open would block
    assert Kept(tmp_path / "store", "k1").read() is None
    assert Kept(tmp_path / "store", "k1").write({"index.html": b"y"})  # replaced, not written into
    assert Kept(tmp_path / "store", "k1").read() == {"index.html": b"y"}


def test_a_folder_that_cannot_be_written_keeps_nothing_and_says_so(tmp_path) -> None:
    assert Kept(tmp_path / "gone", "k1").write({"index.html": b"x"}) is False
    (tmp_path / "file").write_text("")
    assert Kept(tmp_path / "file", "k1").write({"index.html": b"x"}) is False


def test_the_key_follows_the_data_and_the_options(store: Path, tmp_path) -> None:
    from mapper.stores.embedded import load_store

    key = described_key(store, OPTIONS)
    assert described_key(store, dict(OPTIONS)) == key
    assert described_key(store, {**OPTIONS, "license": "https://example.org/l"}) != key
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    with_dumps = described_key(store, {**OPTIONS, "dumps": dumps})
    (dumps / "dataset.nq").write_text("<a:b> <a:c> <a:d> .\n")
    assert described_key(store, {**OPTIONS, "dumps": dumps}) != with_dumps  # a dump changed
    Kept(store, key).write({"index.html": b"x"})
    assert described_key(store, OPTIONS) == key  # the kept file is no change of the store
    probe = tmp_path / "probe.nq"
    probe.write_text(PROBE_NQ, encoding="utf-8")
    load_store([probe], store=store)
    assert described_key(store, OPTIONS) != key  # a load is
    assert (store / f"{KEPT}.json").is_file()  # and RocksDB leaves the file where it is


def test_the_store_watch_does_not_count_the_kept_file(store: Path) -> None:
    before = signature(store)
    reopened = []
    watch = StoreWatch(store, lambda: reopened.append(1), interval=0)
    Kept(store, "k1").write({"index.html": b"x"})
    (store / f"{KEPT}.1234.tmp").write_bytes(b"half")
    assert signature(store) == before
    assert not watch.check() and not watch.check() and reopened == []


def test_a_described_that_was_kept_is_not_made_again(tmp_path) -> None:
    made = {"index.html": b"the home page"}
    first = Described(dict, (), made, Kept(tmp_path, "k1"))
    assert first() == made and first.process is not None  # made in a child, then kept
    again = Described(never, (), {}, Kept(tmp_path, "k1"))
    assert again() == made and again.process is None
    other = Described(dict, (), {"index.html": b"another"}, Kept(tmp_path, "k2"))
    assert other() == {"index.html": b"another"}  # another key: made, and kept instead
    assert (tmp_path / f"{KEPT}.json").read_bytes().startswith(f"{KEPT} 1 k2\n".encode())


def test_a_second_server_on_the_same_store_serves_what_the_first_made(store: Path) -> None:
    """``serve --store``'s own set-up: the first server makes the description in a child
    and keeps it; the second reads it, makes nothing, and has the same bytes; after a
    ``defrel load`` they are made again."""
    from mapper.publish.serve.run import _described
    from mapper.stores.embedded import load_store

    first = _described(store, OPTIONS)
    files = first()
    assert first.process is not None and "index.html" in files and "void.ttl" in files
    second = _described(store, OPTIONS)
    assert second() == files and second.process is None
    probe = store.parent / "probe.nq"
    probe.write_text(PROBE_NQ, encoding="utf-8")
    load_store([probe], store=store)
    third = _described(store, OPTIONS)
    anew = third()
    assert third.process is not None and anew != files
    assert b"Keptland" in b"".join(zlib.decompress(b) for b in anew.values())
    assert Kept(store, described_key(store, OPTIONS)).read() == anew  # kept in turn


def test_a_copy_of_the_store_does_not_carry_a_trusted_description(store: Path, tmp_path) -> None:
    """The kept pages are served as they are: a store copied with its times (``cp -p``, a
    tar archive), its kept file with it, or one crafted to match its names, sizes and
    times, is not trusted; the description is made from the copy's data."""
    import shutil

    Kept(store, described_key(store, OPTIONS)).write({"index.html": b"<script>evil</script>"})
    copy = tmp_path / "copy"
    shutil.copytree(store, copy, copy_function=shutil.copy2)
    assert signature(copy) == signature(store)  # names, sizes and times: the same
    assert described_key(copy, OPTIONS) != described_key(store, OPTIONS)
    assert Kept(copy, described_key(copy, OPTIONS)).read() is None


def _until(check, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "in time"
        time.sleep(0.05)


def slow_new() -> dict[str, bytes]:
    time.sleep(1.5)
    return {"index.html": b"new"}


def failing() -> dict[str, bytes]:
    raise ValueError("no such graph")


def test_with_stale_files_a_caller_does_not_wait_for_the_new_ones() -> None:
    described = Described(slow_new, (), {}, stale={"index.html": b"old"})
    described.begin()
    started = time.monotonic()
    assert described() == {"index.html": b"old"} and time.monotonic() - started < 1
    assert described.latest() == {"index.html": b"old"}
    _until(lambda: described.files is not None)
    assert described() == described.latest() == {"index.html": b"new"}


def test_with_stale_files_a_failure_shows_them_and_is_tried_again_later(monkeypatch) -> None:
    described = Described(failing, (), {}, stale={"index.html": b"old"})
    assert described() == {"index.html": b"old"}  # begun in the background; no error here
    _until(lambda: described.process is not None and not described.lock.locked())  # failed
    failed_child = described.process
    monkeypatch.setattr(described, "make", dict)
    monkeypatch.setattr(described, "kwargs", {"index.html": b"new"})
    for _ in range(5):  # not started again at once: a failing child is not spawned per request
        assert described() == {"index.html": b"old"}
    time.sleep(0.5)
    assert described.process is failed_child and described.files is None
    described.retry_after = 0.2  # (30 s in a server)
    time.sleep(0.2)
    assert described() == {"index.html": b"old"}  # this caller starts it again
    _until(lambda: described.files is not None)
    assert described() == {"index.html": b"new"}


def test_a_server_reading_a_store_loaded_again_shows_the_old_description_meanwhile(
    store: Path,
) -> None:
    """``serve --store``'s reopening after a ``defrel load``: the new description is begun,
    and the old one is what a visitor gets until it is made."""
    from mapper.publish.serve.run import _embedded
    from mapper.stores.embedded import load_store

    site, pool = _embedded(store, OPTIONS, timeout=5, workers=1, memory=0)
    try:
        old = site.describe_dataset()
        probe = store.parent / "probe.nq"
        probe.write_text(PROBE_NQ, encoding="utf-8")
        load_store([probe], store=store)
        site.watch.reopen()
        assert site.describe_dataset.stale is old
        _until(lambda: site.describe_dataset.files is not None)
        assert site.describe_dataset()["index.html"] != old["index.html"]
    finally:
        pool.close()


def test_defrel_serve_started_again_serves_the_kept_home_page(store: Path, tmp_path) -> None:
    """Two ``defrel serve --store`` processes in turn on the same store: the first makes
    the description and keeps it; the second serves the same home page and sitemap from it
    (the file is not written again)."""
    from serving import Client, serving

    with serving(["--store", str(store)], tmp_path / "first.log") as (url, _):
        client = Client(url)
        home, sitemap = client.get("")[2], client.get("sitemap.xml")[2]
        client.close()
    kept = store / f"{KEPT}.json"
    written = kept.stat().st_mtime_ns
    with serving(["--store", str(store)], tmp_path / "second.log") as (url, _):
        client = Client(url)
        assert client.get("")[2] == home and client.get("sitemap.xml")[2] == sitemap
        client.close()
    assert kept.stat().st_mtime_ns == written
