"""defrel serve under load and at its limits: a bounded burst of 2,000 requests from 50
clients on 127.0.0.1 with no errors and no growth in memory; results and bodies capped."""

from __future__ import annotations

import select
import socket
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import rss_kib
from serving import serving

from mapper.publish.serve import endpoint as sparql_endpoint

REQUESTS, CLIENTS = 2000, 50


@pytest.fixture(scope="module")
def server(seed_site: Path, tmp_path_factory):
    """Our own ``defrel serve`` (the pid is needed to read its memory)."""
    log = tmp_path_factory.mktemp("load") / "serve.log"
    with serving(["--site", str(seed_site), "--timeout", "5"], log) as found:
        yield found


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(_NoRedirect)


def _get(url: str, accept: str) -> int:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with OPENER.open(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        err.read()
        err.close()
        return err.code


def _burst(base: str, count: int) -> Counter:
    ask = base + "sparql?" + urlencode({"query": "ASK { ?s a defrel:Visit }"})
    targets = [
        (base + "entity/russia.html", "text/html"),
        (base + "entity/russia", "text/turtle"),  # 303 to the Turtle document
        (base + "article/pakistan-courts-us-and-russia-on-defense.jsonld", "application/ld+json"),
        (ask, "application/sparql-results+json"),
    ]
    jobs = [targets[i % len(targets)] for i in range(count)]
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        return Counter(pool.map(lambda job: _get(*job), jobs))


def test_a_burst_of_concurrent_requests_is_served_without_errors_or_growth(server) -> None:
    base, pid = server
    warm = _burst(base, 400)  # first requests fill caches and the workers' heaps
    before = rss_kib(pid)
    started = time.monotonic()
    codes = _burst(base, REQUESTS)
    elapsed = time.monotonic() - started
    after = rss_kib(pid)
    assert set(warm) <= {200, 303} and set(codes) <= {200, 303}, codes
    assert sum(codes.values()) == REQUESTS
    assert codes[303] == REQUESTS // 4
    print(
        f"\n{REQUESTS} requests from {CLIENTS} clients in {elapsed:.1f} s "
        f"({REQUESTS / elapsed:.0f}/s); memory {before} -> {after} KiB"
    )
    assert after - before < 30 * 1024, f"memory grew from {before} to {after} KiB"


def test_the_server_answers_after_a_pathological_query(server) -> None:
    base, _ = server
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    assert _get(base + "sparql?" + urlencode({"query": slow}), "application/json") == 503
    assert _burst(base, 40) == Counter({200: 30, 303: 10})


def test_large_results_are_refused_with_a_hint(seed_dist: Path, monkeypatch) -> None:
    dataset = sparql_endpoint.StoreEngine.of_files([str(seed_dist / "dataset.nq")])
    media = {"SELECT": "application/sparql-results+json"}
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    assert sparql_endpoint._answer(dataset, query, media, None)[0] == "ok"
    monkeypatch.setattr(sparql_endpoint, "MAX_RESULT", 10_000)
    status, message = sparql_endpoint._answer(dataset, query, media, None)
    assert status == "error" and "add a LIMIT" in message


def test_request_bodies_are_capped(server) -> None:
    base, _ = server
    body = b"query=" + b"x" * (300 * 1024)
    request = urllib.request.Request(
        base + "sparql",
        data=body,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        OPENER.open(request, timeout=30)
    assert caught.value.code == 413
    caught.value.close()


def test_a_slow_client_is_cut_off_at_the_request_deadline(server) -> None:
    """One header line every half second: each read is quick, the request never ends.  The
    per-read socket timeout would let it hold a thread for ever; the 2 s request deadline
    (--request-timeout) answers 408 and closes, and the server goes on serving."""
    base, _ = server
    host, port = base.split("//", 1)[1].split("/", 1)[0].rsplit(":", 1)
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        answer = b""
        for i in range(20):  # at most 10 s of trickling; bounded whatever the server does
            try:
                conn.sendall(f"X-Slow-{i}: 1\r\n".encode())
            except OSError:
                break
            ready, _, _ = select.select([conn], [], [], 0.5)
            if ready:
                chunk = conn.recv(4096)
                answer += chunk
                if not chunk:
                    break
        closed_after = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408"), answer[:80]
    assert 1.5 <= closed_after <= 5, closed_after
    assert _get(base + "entity/russia.html", "text/html") == 200
