"""The server benchmark: ``defrel serve --store`` on a generated archive of N articles and on
one article; latency of resource pages and of a one-entity SPARQL query over HTTP, the
server's memory (with its query workers) at both sizes, and a burst from 50 clients.

    .venv/bin/python benchmarks/serve_bench.py --articles 10000
    .venv/bin/python benchmarks/serve_bench.py --articles 10000 --scratch /tmp/sb --reuse

* corpus, build and load as ``defrel build`` and ``defrel load`` run them (``corpus.py``);
  kept in ``--scratch`` and reused with ``--reuse``.
* pages: ``--pages`` distinct resources (articles, facts, people, states, events), sampled
  with a fixed seed, each fetched once as HTML over one keep-alive connection: every fetch
  renders (nothing cached), so the figure is the cost of reading the description out of
  the store and rendering it.  Then the same pages again (the server's cache).
* query: ``SELECT ?p ?o WHERE { <entity> ?p ?o } LIMIT 100`` for distinct entities, as
  SPARQL JSON, over HTTP.
* memory: resident set of the server and its query workers after the runs (VmRSS), each
  process and all together; the ratio of N articles to 1 (target: at most 2, under 1 GiB).
* burst: 2,000 requests from 50 clients (pages and queries); errors counted, and the memory
  before and after (target: no error, no growth).
* pages of a state (the resource most pointed at): its first page and its last, rendered.

Targets (issue 13, at 100,000 articles): page p50 / p95 <= 20 / 100 ms; one-entity query
p50 <= 20 ms; memory <= 2x that on 1 article and under 1 GiB; a burst with no error and no
growth.  The last lines print the table and which targets were met.

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import selectors
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from corpus import generate  # noqa: E402

BASE = "https://w3id.org/defrel/data/"
KINDS = ("schema:NewsArticle", "schema:Person", "schema:Country", "defrel:Visit", "schema:Event")


def prepare(articles: int, scratch: Path, *, reuse: bool) -> Path:
    """The store of a generated archive of ``articles`` articles (made unless reused)."""
    from mapper.builder.pipeline import build
    from mapper.stores.embedded import load_store

    folder = scratch / f"a{articles}"
    store = folder / "store"
    if reuse and (store / "CURRENT").is_file():
        return store
    corpus, dist = folder / "corpus", folder / "dist"
    started = time.monotonic()
    if not corpus.exists():
        generate(corpus, articles=articles)
    outcome = build([corpus], out=dist)
    assert outcome.report.conforms, "the generated corpus conforms"
    built = time.monotonic()
    load_store([dist / "dataset.nq"], store=store, mode="replace")
    print(
        f"  {articles:,} articles: built in {built - started:.0f} s, "
        f"loaded in {time.monotonic() - built:.0f} s",
        flush=True,
    )
    return store


def start(store: Path) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "mapper.cli.main", "serve", "--store", str(store)]
    command += ["--port", "0", "--workers", "2", "--timeout", "120"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    line, deadline = b"", time.monotonic() + 120
    while not line.endswith(b"\n") and time.monotonic() < deadline and proc.poll() is None:
        if sel.select(timeout=1):
            line += proc.stdout.read1(4096)
    if b"Serving" not in line:
        raise SystemExit(f"the server did not start: {line!r} {proc.stderr.read()!r}")
    return proc, line.decode().split(" at ", 1)[1].split(" ", 1)[0]


def rss_each_mib(pid: int) -> list[float]:
    """VmRSS of the server and of each of its child processes (the query workers)."""
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    found = []
    for p in pids:
        status = Path(f"/proc/{p}/status").read_text()
        kib = int(next(x.split()[1] for x in status.splitlines() if x.startswith("VmRSS:")))
        found.append(kib / 1024)
    return found


def rss_mib(pid: int) -> float:
    return sum(rss_each_mib(pid))


class Client:
    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.path = parts.path
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)

    def get(self, rel: str, accept: str = "text/html") -> tuple[int, float]:
        started = time.perf_counter()
        self.conn.request("GET", self.path + rel, headers={"Accept": accept})
        resp = self.conn.getresponse()
        resp.read()
        return resp.status, (time.perf_counter() - started) * 1000


def sample(client: Client, count: int) -> tuple[list[str], list[str]]:
    """``count`` resources (site paths) of the kinds above, and as many entities."""
    rng = random.Random(11)
    picked = []
    for kind in KINDS:
        query = f"SELECT DISTINCT ?s WHERE {{ ?s a {kind} }} ORDER BY ?s LIMIT 5000"
        client.conn.request(
            "GET",
            client.path + "sparql?" + urlencode({"query": query}),
            headers={"Accept": "application/sparql-results+json"},
        )
        answer = client.conn.getresponse()
        body = answer.read()
        if answer.status != 200:
            raise SystemExit(f"sampling {kind} failed: {answer.status} {body[:300]!r}")
        rows = json.loads(body)["results"]["bindings"]
        iris = [r["s"]["value"] for r in rows if r["s"]["value"].startswith(BASE)]
        picked.append(rng.sample(iris, min(len(iris), count // len(KINDS) + 1)))
    pages = [iri[len(BASE) :] for group in picked for iri in group][:count]
    entities = [BASE + p for p in pages if p.startswith("entity/")]
    return pages, entities


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def burst(url: str, pages: list[str], entities: list[str]) -> Counter:
    ask = [f"sparql?{urlencode({'query': f'ASK {{ <{e}> ?p ?o }}'})}" for e in entities[:20]]
    jobs = [(p + ".html", "text/html") for p in pages[:100]]
    jobs += [(a, "application/sparql-results+json") for a in ask]
    jobs = [jobs[i % len(jobs)] for i in range(2000)]

    def run(chunk):
        c = Client(url)
        return [c.get(rel, accept)[0] for rel, accept in chunk]

    with ThreadPoolExecutor(50) as pool:
        return Counter(
            s for found in pool.map(run, [jobs[i::50] for i in range(50)]) for s in found
        )


def measure(store: Path, pages_wanted: int) -> dict:
    proc, url = start(store)
    try:
        client = Client(url)
        pages, entities = sample(client, pages_wanted)
        first = [client.get(p + ".html") for p in pages]
        again = [client.get(p + ".html")[1] for p in pages]
        states = [p for p in pages if p.startswith("entity/state-")]
        state_ms = [t for p, (_, t) in zip(pages, first, strict=True) if p in states]
        queries = []
        for entity in (entities * 5)[: max(50, len(entities))]:
            query = f"SELECT ?p ?o WHERE {{ <{entity}> ?p ?o }} LIMIT 100"
            rel = "sparql?" + urlencode({"query": query})
            queries.append(client.get(rel, "application/sparql-results+json"))
        errors = sum(1 for s, _ in first + queries if s != 200)
        each = rss_each_mib(proc.pid)
        before = sum(each)
        codes = burst(url, pages, entities)
        after = rss_mib(proc.pid)
        codes2 = burst(url, pages, entities)  # a second burst: growth past the first one
        after2 = rss_mib(proc.pid)
        page_ms = [t for _, t in first]
        query_ms = [t for _, t in queries]
        return {
            "pages": len(pages),
            "page_p50": pct(page_ms, 50),
            "page_p95": pct(page_ms, 95),
            "cached_p50": pct(again, 50),
            "cached_p95": pct(again, 95),
            "state_pages": len(state_ms),
            "state_p50": pct(state_ms, 50) if state_ms else float("nan"),
            "state_max": max(state_ms) if state_ms else float("nan"),
            "rss_each_mib": [round(x, 1) for x in each],
            "rss_after_2nd_burst_mib": after2,
            "burst2": dict(codes2),
            "query_p50": pct(query_ms, 50),
            "query_p95": pct(query_ms, 95),
            "errors": errors,
            "rss_mib": before,
            "rss_after_burst_mib": after,
            "burst": dict(codes),
        }
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/defrel-serve-bench"))
    parser.add_argument("--reuse", action="store_true", help="reuse stores already made")
    args = parser.parse_args()
    results = {}
    for size in (1, args.articles):
        store = prepare(size, args.scratch, reuse=args.reuse)
        results[size] = measure(store, args.pages)
        print(f"  {size:,} articles: {json.dumps(results[size])}", flush=True)
    print("\n| | 1 article | " + f"{args.articles:,} articles |\n| --- | ---: | ---: |")
    rows = [
        ("resource page, first fetch (rendered), p50 / p95 (ms)", "page_p50", "page_p95"),
        ("… of the states among them, p50 / max (ms)", "state_p50", "state_max"),
        ("resource page, cached, p50 / p95 (ms)", "cached_p50", "cached_p95"),
        ("one-entity query over HTTP, p50 / p95 (ms)", "query_p50", "query_p95"),
        ("server + 2 query workers, RSS (MiB)", "rss_mib", None),
        ("… after 2,000 requests from 50 clients (MiB)", "rss_after_burst_mib", None),
        ("… after 2,000 more (MiB)", "rss_after_2nd_burst_mib", None),
    ]
    for name, a, b in rows:
        cells = []
        for size in (1, args.articles):
            r = results[size]
            cells.append(f"{r[a]:.1f}" + (f" / {r[b]:.1f}" if b else ""))
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(
        "| RSS of the server, worker, worker (MiB) | "
        + " | ".join(" + ".join(f"{x:.0f}" for x in results[s]["rss_each_mib"]) for s in results)
        + " |"
    )
    print(
        "| burst status codes | "
        + " | ".join(f"{results[s]['burst']} {results[s]['burst2']}" for s in results)
        + " |"
    )
    big, one = results[args.articles], results[1]
    ratio = big["rss_mib"] / one["rss_mib"]
    growth = big["rss_after_2nd_burst_mib"] - big["rss_after_burst_mib"]
    errors = sum(n for c in (big["burst"], big["burst2"]) for k, n in c.items() if k != 200)
    checks = [
        ("page p50 <= 20 ms", big["page_p50"] <= 20),
        ("page p95 <= 100 ms", big["page_p95"] <= 100),
        ("one-entity query p50 <= 20 ms", big["query_p50"] <= 20),
        (f"memory {ratio:.2f}x that on 1 article (<= 2x)", ratio <= 2),
        (f"memory {big['rss_mib']:.0f} MiB (< 1024)", big["rss_mib"] < 1024),
        (f"bursts: {errors} errors", errors == 0),
        (f"memory growth over the 2nd burst: {growth:+.1f} MiB (<= 16)", growth <= 16),
    ]
    print(f"\ntargets at {args.articles:,} articles:")
    for name, met in checks:
        print(f"  {'met ' if met else 'MISSED'}  {name}")


if __name__ == "__main__":
    main()
