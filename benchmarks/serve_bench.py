"""The server benchmark: ``defrel serve --store`` on a generated archive of N articles and on
one article; latency of resource pages and of a one-entity SPARQL query over HTTP, the
server's memory (with its query workers) at both sizes, and a burst from 50 clients.

    .venv/bin/python benchmarks/serve_bench.py --articles 10000
    .venv/bin/python benchmarks/serve_bench.py --articles 10000 --scratch /tmp/sb --reuse

* corpus, build and load as ``defrel build`` and ``defrel load`` run them (``corpus.py``);
  kept in ``--scratch`` and reused with ``--reuse``.
* pages: ``--pages`` distinct resources sampled uniformly (fixed seed) from every resource
  with a page (read from the store before the server starts: its subjects with a type
  that is not only a detail's), each fetched once as HTML over one keep-alive connection:
  every fetch renders (nothing cached), so the figure is the cost of reading the
  description out of the store and rendering it.  Then the same pages again (the cache).
* the heaviest: ``--heavy`` states (what the most point at), reported apart, first fetch
  and again, then their second pages (first fetch).
* query: ``SELECT ?p ?o WHERE { <entity> ?p ?o } LIMIT 100`` for entities sampled
  uniformly, as SPARQL JSON, over HTTP.
* memory: resident set (VmRSS) of the server and of every process it started (its query
  workers, multiprocessing's resource tracker), each and all together, summed: shared
  pages are counted once per process, so the sum is an upper bound; the ratio of N
  articles to 1 (target: at most 2, under 1 GiB).
* burst: 2,000 requests from 50 clients (the sampled pages, the states' pages, queries);
  errors counted, and the memory before and after (target: no error, no growth).
* the home page, first: asked for as soon as the server listens (the server begins making
  it, with its group lists, VoID and the sitemap, in a child process as it starts), so its
  first fetch takes what making it takes; the peak memory of all the server's processes
  meanwhile, its size, a second fetch, each group list's first page, VoID's and the
  sitemap's sizes, and the server's memory after (it keeps those files, compressed). The
  pages and queries are measured after it.
* a second server on the same store, started after the first stopped: its home page's first
  fetch, read from what the first kept in the store's folder (``serve/kept.py``; the bench
  removes the file before the first start, so that one makes it).
* every figure is printed beside the 1-article run's of the same invocation, with the
  ratio, and the machine's load average at the start and the end.

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
import re
import selectors
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from corpus import generate  # noqa: E402

BASE = "https://w3id.org/defrel/data/"


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


def start(source: list[str], code: Path | None = None) -> tuple[subprocess.Popen, str]:
    """``defrel serve`` with ``source`` (``--store DIR``, ``--site DIR``), run in the folder
    ``code`` (another checkout's ``mapper``; None: the installed one); returns the process
    and the base's URL once it listens."""
    command = [sys.executable, "-m", "mapper.cli.main", "serve", *source]
    command += ["--port", "0", "--workers", "2", "--timeout", "120"]
    proc = subprocess.Popen(command, cwd=code, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    line, deadline = b"", time.monotonic() + 120
    while not line.endswith(b"\n") and time.monotonic() < deadline and proc.poll() is None:
        if sel.select(timeout=1):
            line += proc.stdout.read1(4096)
    if b"Serving" not in line:
        raise SystemExit(f"the server did not start: {line!r} {proc.stderr.read()!r}")
    return proc, line.decode().split(" at ", 1)[1].split(" ", 1)[0]


def vmrss_mib(pid: int) -> float:
    """A process's resident set (VmRSS), in MiB (0 for one that has none: a zombie)."""
    status = Path(f"/proc/{pid}/status").read_text()
    kib = next((x.split()[1] for x in status.splitlines() if x.startswith("VmRSS:")), "0")
    return int(kib) / 1024


def rss_each_mib(pid: int) -> list[float]:
    """VmRSS of the server and of each of its child processes (the query workers)."""
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return [vmrss_mib(p) for p in pids]


def rss_mib(pid: int) -> float:
    return sum(rss_each_mib(pid))


def tree_rss_mib(pid: int) -> float:
    """VmRSS of ``pid`` and of all its descendants, summed (0 for one that is gone)."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += vmrss_mib(p)
            for task in Path(f"/proc/{p}/task").iterdir():  # each thread's children
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def home(url: str, pid: int) -> dict:
    """The home page's first fetch (made on the first request: ``serve/dataset.py``) with
    the peak memory of the server's processes meanwhile; then again, a list page, VoID,
    the sitemap, and the server's memory after."""
    client, peak, done = Client(url), [0.0], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_mib(pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    status, first = client.get("")
    done.set()
    sampler.join()
    found = {"home_status": status, "home_first_ms": first, "home_peak_mib": peak[0]}
    found["home_kb"] = len(client.body) / 1024
    lists = re.findall(rb'href="(list/[a-z]+\.html)"', client.body)
    found["home_again_ms"] = client.get("")[1]
    for name, rel in (("void", "void.ttl"), ("sitemap", "sitemap.xml")):
        status, found[f"{name}_ms"] = client.get(rel, "*/*")
        found[f"{name}_kb"] = len(client.body) / 1024 if status == 200 else float("nan")
    times = [client.get(rel.decode())[1] for rel in lists]
    found["lists"] = len(lists)
    found["list_max_ms"] = max(times, default=float("nan"))
    found["rss_after_home_mib"] = rss_mib(pid)
    return found


class Client:
    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.path = parts.path
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)

    def get(self, rel: str, accept: str = "text/html") -> tuple[int, float]:
        started = time.perf_counter()
        self.conn.request("GET", self.path + rel, headers={"Accept": accept})
        resp = self.conn.getresponse()
        self.body = resp.read()
        return resp.status, (time.perf_counter() - started) * 1000


def resources(store: Path, pages: int, heavy: int) -> tuple[list[str], list[str], list[str]]:
    """``pages`` site paths sampled uniformly from every resource with a page, up to
    ``heavy`` states (the heaviest pages), and up to 30 entities for the queries; read from
    the store in this process, before the server starts."""
    import pyoxigraph as ox

    from mapper.publish.render.describe import DETAIL_TYPES

    details = ", ".join(f"<{t}>" for t in sorted(DETAIL_TYPES))
    query = f"SELECT DISTINCT ?s WHERE {{ ?s a ?t FILTER(?t NOT IN ({details})) }}"
    store = ox.Store.read_only(str(store))
    found = sorted(
        r["s"].value[len(BASE) :]
        for r in store.query(query)
        if isinstance(r["s"], ox.NamedNode) and r["s"].value.startswith(BASE)
    )
    del store
    rng = random.Random(11)
    picked = rng.sample(found, min(pages, len(found)))
    states = [p for p in found if p.startswith("entity/state-")]
    entities = [p for p in found if p.startswith("entity/")]
    return (
        picked,
        rng.sample(states, min(heavy, len(states))),
        [BASE + e for e in rng.sample(entities, min(30, len(entities)))],
    )


def pct(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def burst(url: str, pages: list[str], heavy: list[str], entities: list[str]) -> Counter:
    ask = [f"sparql?{urlencode({'query': f'ASK {{ <{e}> ?p ?o }}'})}" for e in entities[:20]]
    jobs = [(p + ".html", "text/html") for p in [*pages[:100], *heavy]]
    jobs += [(a, "application/sparql-results+json") for a in ask]
    jobs = [jobs[i % len(jobs)] for i in range(2000)]

    def run(chunk):
        c = Client(url)
        return [c.get(rel, accept)[0] for rel, accept in chunk]

    with ThreadPoolExecutor(50) as pool:
        return Counter(
            s for found in pool.map(run, [jobs[i::50] for i in range(50)]) for s in found
        )


def measure(store: Path, pages_wanted: int, heavy_wanted: int) -> dict:
    pages, heavy, entities = resources(store, pages_wanted, heavy_wanted)
    # what an earlier server kept (serve/kept.py): this first start makes it again
    (store / "defrel-described.json").unlink(missing_ok=True)
    proc, url = start(["--store", str(store)])
    try:
        # the server makes the home page as it starts: asked for at once, it comes when
        # made; the pages are sampled after, on an idle machine
        described = home(url, proc.pid)
        client = Client(url)
        started = time.monotonic()
        first = [client.get(p + ".html") for p in pages]
        again = [client.get(p + ".html")[1] for p in pages]
        heavy_first = [client.get(p + ".html") for p in heavy]
        heavy_again = [client.get(p + ".html")[1] for p in heavy]
        queries = []
        for entity in (entities * 5)[: max(50, len(entities))]:
            query = f"SELECT ?p ?o WHERE {{ <{entity}> ?p ?o }} LIMIT 100"
            rel = "sparql?" + urlencode({"query": query})
            queries.append(client.get(rel, "application/sparql-results+json"))
        errors = sum(1 for s, _ in first + heavy_first + queries if s != 200)
        each = rss_each_mib(proc.pid)
        before = sum(each)
        codes = burst(url, pages, heavy, entities)
        after = rss_mib(proc.pid)
        codes2 = burst(url, pages, heavy, entities)  # a second burst: growth past the first
        after2 = rss_mib(proc.pid)
        # the states' second pages (of about 60 each at 100,000 articles), where there is one:
        # after the memory's figures, which earlier sessions took before them
        heavy_later = [client.get(p + ".page2.html") for p in heavy]
        later_ms = [t for status, t in heavy_later if status == 200]
        page_ms = [t for _, t in first]
        heavy_ms = [t for _, t in heavy_first]
        query_ms = [t for _, t in queries]
        found = {
            "pages": len(pages),
            "page_p50": pct(page_ms, 50),
            "page_p95": pct(page_ms, 95),
            "page_max": max(page_ms),
            "cached_p50": pct(again, 50),
            "cached_p95": pct(again, 95),
            "heavy_pages": len(heavy),
            "heavy_p50": pct(heavy_ms, 50) if heavy_ms else float("nan"),
            "heavy_max": max(heavy_ms) if heavy_ms else float("nan"),
            "heavy_cached_p50": pct(heavy_again, 50) if heavy_again else float("nan"),
            "heavy_cached_max": max(heavy_again) if heavy_again else float("nan"),
            "heavy_later": len(later_ms),
            "heavy_later_p50": pct(later_ms, 50) if later_ms else float("nan"),
            "heavy_later_max": max(later_ms) if later_ms else float("nan"),
            "rss_each_mib": [round(x, 1) for x in each],
            "rss_after_2nd_burst_mib": after2,
            "burst2": dict(codes2),
            "query_p50": pct(query_ms, 50),
            "query_p95": pct(query_ms, 95),
            "errors": errors,
            "rss_mib": before,
            "rss_after_burst_mib": after,
            "burst": dict(codes),
            "seconds": time.monotonic() - started,
            **described,
        }
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(30)
    found["kept_kb"] = (store / "defrel-described.json").stat().st_size / 1024
    # a second server on the same store: the home page is read from what the first kept
    started = time.monotonic()
    proc, url = start(["--store", str(store)])
    try:
        status, ms = Client(url).get("")
        found["restart_home_s"] = time.monotonic() - started
        found["restart_home_ms"] = ms if status == 200 else float("nan")
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(30)
    return found


ROWS = (
    ("resource page, uniformly sampled, first fetch (rendered), p50 (ms)", "page_p50"),
    ("… p95 (ms)", "page_p95"),
    ("… max (ms)", "page_max"),
    ("… fetched again (cached), p50 / p95 (ms)", "cached_p50", "cached_p95"),
    ("heaviest pages (states), first fetch, p50 (ms)", "heavy_p50"),
    ("… max (ms)", "heavy_max"),
    ("… fetched again (cached), p50 / max (ms)", "heavy_cached_p50", "heavy_cached_max"),
    ("… their second pages, first fetch, p50 / max (ms)", "heavy_later_p50", "heavy_later_max"),
    ("one-entity query over HTTP, p50 (ms)", "query_p50"),
    ("… p95 (ms)", "query_p95"),
    ("server and its processes, RSS summed (MiB)", "rss_mib"),
    ("… after 2,000 requests from 50 clients (MiB)", "rss_after_burst_mib"),
    ("… after 2,000 more (MiB)", "rss_after_2nd_burst_mib"),
    ("home page, asked for as the server starts: first fetch (ms)", "home_first_ms"),
    ("… peak RSS of the server's processes meanwhile (MiB)", "home_peak_mib"),
    ("… its size (KB) / fetched again (ms)", "home_kb", "home_again_ms"),
    ("… its group lists' first pages: how many / slowest (ms)", "lists", "list_max_ms"),
    ("void.ttl (KB) / sitemap.xml (KB)", "void_kb", "sitemap_kb"),
    ("server's RSS after (MiB)", "rss_after_home_mib"),
    ("what it kept in the store's folder (KB)", "kept_kb"),
    ("home page after a restart (kept): first fetch (ms)", "restart_home_ms"),
    ("… from the start of the server (s)", "restart_home_s"),
)


def report(results: dict, articles: int, load: list) -> None:
    one, big = results[1], results[articles]
    print(f"\n| | 1 article | {articles:,} articles | ratio |\n| --- | ---: | ---: | ---: |")
    for name, *keys in ROWS:
        cells = [" / ".join(f"{r[k]:.1f}" for k in keys) for r in (one, big)]
        ratio = big[keys[0]] / one[keys[0]] if one[keys[0]] else float("nan")
        print(f"| {name} | {cells[0]} | {cells[1]} | {ratio:.2f}x |")
    each = [" + ".join(f"{x:.0f}" for x in results[s]["rss_each_mib"]) for s in (1, articles)]
    print(f"| RSS of the server + each of its processes (MiB) | {each[0]} | {each[1]} | |")
    codes = [f"{results[s]['burst']} {results[s]['burst2']}" for s in (1, articles)]
    print(f"| burst status codes | {codes[0]} | {codes[1]} | |")
    print(
        f"| pages sampled / states | {one['pages']} / {one['heavy_pages']} | "
        f"{big['pages']} / {big['heavy_pages']} | |"
    )
    ratio = big["rss_mib"] / one["rss_mib"]
    growth = big["rss_after_2nd_burst_mib"] - big["rss_after_burst_mib"]
    errors = big["errors"] + sum(
        n for c in (big["burst"], big["burst2"]) for k, n in c.items() if k != 200
    )
    checks = [
        (f"page p50 {big['page_p50']:.1f} ms (<= 20)", big["page_p50"] <= 20),
        (f"page p95 {big['page_p95']:.1f} ms (<= 100)", big["page_p95"] <= 100),
        (f"one-entity query p50 {big['query_p50']:.1f} ms (<= 20)", big["query_p50"] <= 20),
        (f"memory {ratio:.2f}x that on 1 article (<= 2x)", ratio <= 2),
        (f"memory {big['rss_mib']:.0f} MiB (< 1024)", big["rss_mib"] < 1024),
        (f"bursts: {errors} errors", errors == 0),
        (f"memory growth over the 2nd burst: {growth:+.1f} MiB (<= 16)", growth <= 16),
    ]
    print(f"\ntargets (issue 13: at 100,000 articles), here at {articles:,} articles:")
    for name, met in checks:
        print(f"  {'met   ' if met else 'MISSED'}  {name}")
    now = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"load average (1, 5, 15 min): {' '.join(f'{x:.1f}' for x in load)} at the start, {now} at the end"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--heavy", type=int, default=10, help="states fetched, apart")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/defrel-serve-bench"))
    parser.add_argument("--reuse", action="store_true", help="reuse stores already made")
    args = parser.parse_args()
    load = list(os.getloadavg())
    results = {}
    for size in (1, args.articles):
        store = prepare(size, args.scratch, reuse=args.reuse)
        results[size] = measure(store, args.pages, args.heavy)
        print(f"  {size:,} articles: {json.dumps(results[size])}", flush=True)
    report(results, args.articles, load)


if __name__ == "__main__":
    main()
