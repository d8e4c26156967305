"""``defrel serve --site``: the HTTP of the ``--store`` server (Starlette on uvicorn) for a
site's files: HTTP/1.1 keep-alive, strong ETags and 304, gzip when asked, Range, HEAD, and
files streamed from disk, so concurrent downloads of a large dump do not grow its memory."""

from __future__ import annotations

import gzip
import http.client
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import rss_kib
from serving import Client, serving

RUSSIA = "entity/russia"
BIG = "big.nt"  # a file of the site's, written here: 24 MiB
BIG_BYTES = 24 << 20


@pytest.fixture(scope="module")
def site(seed_site: Path, tmp_path_factory) -> Path:
    """A copy of the seed site with one large file in it."""
    copy = tmp_path_factory.mktemp("site-http") / "site"
    shutil.copytree(seed_site, copy)
    line = b"# a comment line, the same again and again, to make a large file\n"
    with (copy / BIG).open("wb") as stream:
        for _ in range(BIG_BYTES // len(line)):
            stream.write(line)
    return copy


@pytest.fixture(scope="module")
def server(site: Path, tmp_path_factory):
    log = tmp_path_factory.mktemp("serve-site") / "serve.log"
    with serving(["--site", str(site)], log) as found:
        yield found


@pytest.fixture
def client(server):
    c = Client(server[0])
    yield c
    c.close()


def test_http_1_1_keep_alive_one_connection_many_requests(client, site) -> None:
    for rel in (RUSSIA + ".html", RUSSIA + ".ttl", "dataset.nq", RUSSIA + ".jsonld"):
        status, headers, body = client.get(rel)
        assert status == 200 and body == (site / rel).read_bytes()
        assert client.conn.sock is not None, "the connection stays open"
        assert headers.get("Connection", "").lower() != "close"
    client.conn.request("GET", client.path + RUSSIA + ".nt")
    assert client.conn.getresponse().version == 11


def test_links_and_media_types_of_a_document(client, server) -> None:
    status, headers, _ = client.get(RUSSIA + ".ttl")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert f'<{client.path}{RUSSIA}.html>; rel="alternate"; type="text/html"' in headers["Link"]
    assert f'{RUSSIA}.ttl>; rel="alternate"' not in headers["Link"], "not itself"
    assert 'rel="describes"' in headers["Link"]
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_etag_and_304_on_pages_and_dumps(client) -> None:
    for rel in (RUSSIA + ".html", "dataset.nq", "index.html"):
        status, headers, _ = client.get(rel)
        etag = headers["ETag"]
        assert status == 200 and etag.startswith('"')
        status, again, body = client.get(rel, **{"If-None-Match": etag})
        assert status == 304 and body == b"" and again["ETag"] == etag
        assert "Link" in again or rel == "dataset.nq"
        assert client.get(rel, **{"If-None-Match": '"something-else"'})[0] == 200


def test_gzip_when_asked_with_its_own_etag(client, site) -> None:
    status, headers, body = client.get(RUSSIA + ".html", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (site / f"{RUSSIA}.html").read_bytes()
    zipped = headers["ETag"]
    _, plain, body = client.get(RUSSIA + ".html")
    assert "Content-Encoding" not in plain and body == (site / f"{RUSSIA}.html").read_bytes()
    assert zipped != plain["ETag"], "another representation, another strong ETag"
    assert (
        client.get(RUSSIA + ".html", **{"Accept-Encoding": "gzip", "If-None-Match": zipped})[0]
        == 304
    )


def test_range_and_head(client, site) -> None:
    whole = (site / "dataset.nq").read_bytes()
    status, headers, body = client.get("dataset.nq", Range="bytes=100-199")
    assert status == 206 and body == whole[100:200]
    assert headers["Content-Range"] == f"bytes 100-199/{len(whole)}"
    status, headers, body = client.get("dataset.nq", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) == len(whole)
    assert headers["Accept-Ranges"] == "bytes"


def test_hidden_and_outside_files_stay_unserved(client) -> None:
    for rel in (".defrel/site.json", ".defrel-output", "../etc/passwd", "%2e%2e/x"):
        assert client.get(rel)[0] == 404, rel


def _download(base: str, started: threading.Barrier, got: list) -> None:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    conn.request("GET", parts.path + BIG)
    response = conn.getresponse()
    size = len(response.read(1 << 16))
    started.wait()  # every download begun, none finished: the server holds them all now
    time.sleep(1.0)  # (a slow client: what the server keeps for it is what is measured)
    while chunk := response.read(1 << 20):
        size += len(chunk)
    got.append(size)
    conn.close()


def test_eight_concurrent_downloads_of_a_large_file_do_not_grow_memory(server, site) -> None:
    """A file is streamed, never read whole: eight clients downloading 24 MiB each at once
    cost the server far less than 8 x 24 MiB (the old server read each file whole: 75 ->
    215 MB for eight downloads of 10 MB)."""
    base, pid = server
    warm = Client(base)
    warm.get(RUSSIA + ".html")
    warm.close()
    before = rss_kib(pid)
    started, got = threading.Barrier(9), []
    threads = [threading.Thread(target=_download, args=(base, started, got)) for _ in range(8)]
    for t in threads:
        t.start()
    started.wait(timeout=60)
    time.sleep(0.5)
    during = rss_kib(pid)
    for t in threads:
        t.join(timeout=120)
    assert got == [(site / BIG).stat().st_size] * 8
    grown_mib = (during - before) / 1024
    assert grown_mib < 40, f"the server grew by {grown_mib:.0f} MiB, to {during / 1024:.0f}"
