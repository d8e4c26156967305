"""Load throughput and query time: the embedded store, an Oxigraph server (and Virtuoso when
installed) against rdflib, on the seed and on a corpus of copies of it (>= 100,000 triples).

    .venv/bin/python benchmarks/load_bench.py [--copies 50] [--repeat 3]
    .venv/bin/python benchmarks/load_bench.py --articles 10000 [--dataset dist/dataset.nq]

With ``--articles N``, only the embedded store's loaders, on a generated corpus of N articles
(benchmarks/corpus.py, built with ``defrel build``; ``--dataset`` reuses a build): the bulk
loader into a new store, against the loader before it (main's: staged, bulk-loaded 50,000
triples at a time, not atomic), the per-graph transactions that re-loads use, and Oxigraph's
floor (the file bulk-loaded alone, without the union default graph).

Every figure is measured in the same run, on this machine.  Loads are timed end to end, as
``defrel load`` runs them (staging the input included); the staging alone is shown too.
Query times are medians of ``--repeat`` runs of each example query, formatted as SPARQL JSON.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pyoxigraph as ox  # noqa: E402
from stores import Oxigraph, Virtuoso, copies  # noqa: E402

from mapper.builder.pipeline import build  # noqa: E402
from mapper.cli.main import example_queries  # noqa: E402
from mapper.rdf.read import read_rdf  # noqa: E402
from mapper.rdf.vocab import NS  # noqa: E402
from mapper.stores.embedded import EmbeddedTarget, load_store, open_store, query_store  # noqa: E402
from mapper.stores.loading import load_graphs  # noqa: E402
from mapper.stores.memory import query_files  # noqa: E402
from mapper.stores.query import run_query  # noqa: E402
from mapper.stores.remote import load_endpoint  # noqa: E402
from mapper.stores.staging import staged  # noqa: E402


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def median_time(work: Callable[[], object], repeat: int) -> float:
    return statistics.median(timed(work) for _ in range(repeat))


def staging_seconds(data: Path) -> float:
    def stage() -> None:
        with staged([data]):
            pass

    return timed(stage)


def server_loads(data: Path, scratch: Path, triples: int) -> list[tuple[str, float]]:
    """(what, seconds) for each server load: a fresh server for each protocol."""
    rows = []
    for protocol in ("gsp", "update"):
        server = Oxigraph(Path(tempfile.mkdtemp(dir=scratch))).start()
        try:
            url = server.store_url if protocol == "gsp" else server.update_url
            outcome = load_endpoint([data], url=url, protocol=protocol)
            assert outcome.triples == triples
            rows.append((f"Oxigraph server, {protocol}", outcome.seconds))
        finally:
            server.stop()
    if shutil.which("virtuoso-t"):
        server = Virtuoso(Path(tempfile.mkdtemp(dir=scratch))).start()
        os.environ.update(DEFREL_STORE_USER=server.user, DEFREL_STORE_PASSWORD=server.password)
        try:
            outcome = load_endpoint([data], url=server.store_url)
            rows.append(("Virtuoso 7, gsp", outcome.seconds))
        finally:
            server.stop()
    return rows


def load_table(name: str, data: Path, scratch: Path) -> Path:
    """Print load figures for ``data``; return the embedded store it made (for queries)."""
    store = Path(tempfile.mkdtemp(dir=scratch)) / "store"
    outcome = load_store([data], store=store)
    triples, articles = outcome.triples, outcome.articles
    rows = [
        ("rdflib Dataset, parse into memory", timed(lambda: read_rdf([data]))),
        ("staging alone (parse + spool)", staging_seconds(data)),
        ("embedded store (pyoxigraph)", outcome.seconds),
        *server_loads(data, scratch, triples),
    ]
    print(f"\n## Load: {name}: {articles} article(s), {triples:,} triples\n")
    print(f"| {'target':36} | {'seconds':>8} | {'triples/s':>10} |")
    print(f"| {'-' * 36} | {'-' * 8}:| {'-' * 10}:|")
    for what, seconds in rows:
        print(f"| {what:36} | {seconds:8.2f} | {triples / seconds:10,.0f} |")
    return store


def query_table(name: str, data: Path, store: Path, repeat: int) -> None:
    """Each example query: as ``defrel query`` runs it (files read into Oxigraph in a child
    process, or the store opened, each time; formatted as SPARQL JSON), and the engine alone (the data already open, rows listed)."""
    dataset = read_rdf([data])
    db = ox.Store.read_only(str(store))
    prefixes = {k: str(v) for k, v in NS.items()}
    print(f"\n## Queries: {name} (median of {repeat}, ms)\n")
    print(
        "| example query | rows | defrel query on files (pyoxigraph) | defrel query --store "
        "| rdflib engine | pyoxigraph engine | engine speed-up |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    totals = [0.0] * 4
    for query_name, query in sorted(example_queries().items()):
        rows = run_query(query, dataset, fmt="json").rows
        times = [
            median_time(lambda q=query: query_files(q, [data], fmt="json"), repeat),
            median_time(lambda q=query: query_store(q, store=store, fmt="json"), repeat),
            median_time(lambda q=query: list(dataset.query(q, initNs=prefixes)), repeat),
            median_time(lambda q=query: list(db.query(q, prefixes=prefixes)), repeat),
        ]
        totals = [t + u for t, u in zip(totals, times, strict=True)]
        cells = " | ".join(f"{t * 1000:.1f}" for t in times)
        print(f"| {query_name} | {rows} | {cells} | {times[2] / times[3]:.0f}x |")
    cells = " | ".join(f"{t * 1000:.1f}" for t in totals)
    print(f"| all eight | | {cells} | {totals[2] / totals[3]:.0f}x |")


class MainTarget(EmbeddedTarget):
    """main's embedded loader before the bulk path, kept here as the reference: staged batches
    of 50,000 triples, each written with ``bulk_load`` after the old graphs were dropped."""

    def write(self, batch, staged):
        quads = []
        for info in batch:
            graph = f" <{info.iri}> .\n"
            for line in staged.ntriples(info.iri).decode("utf-8").split("\n")[:-1]:
                quads += (line[:-1] + graph[1:], line + "\n")
        for info in batch:
            self._unstate(info.iri)
        self._store.bulk_load(input="".join(quads).encode(), format=ox.RdfFormat.N_QUADS)
        yield from (info.iri for info in batch)


def _staged_into(target_class, data: Path, store: Path) -> float:
    db = open_store(store, create=True)
    started = time.perf_counter()
    load_graphs([data], target=target_class(db, store))
    db.flush()
    seconds = time.perf_counter() - started
    del db
    return seconds


def _floor(data: Path, store: Path) -> float:
    db = ox.Store(str(store))
    started = time.perf_counter()
    db.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    db.flush()
    seconds = time.perf_counter() - started
    del db
    return seconds


def scale_table(data: Path, scratch: Path, *, reload: bool) -> None:
    """The embedded loaders on one dataset, each into a new store, in the same run."""
    store = scratch / "bulk"
    outcome = load_store([data], store=store)
    triples, articles = outcome.triples, outcome.articles
    rows = [
        (
            "main's loader (staged, 50k-triple bulk batches)",
            _staged_into(MainTarget, data, scratch / "main"),
        ),
        ("per-graph transactions (staged)", _staged_into(EmbeddedTarget, data, scratch / "tx")),
        ("bulk loader, new store (defrel load)", outcome.seconds),
        ("Oxigraph floor: bulk_load, no union", _floor(data, scratch / "floor")),
    ]
    if reload:
        rows.append(
            ("re-load into the full store (per graph)", load_store([data], store=store).seconds)
        )
    reference = rows[0][1]
    print(
        f"\n## Embedded store: {articles:,} articles, {triples:,} triples ({os.cpu_count()} cores)\n"
    )
    print(f"| {'loader':48} | {'seconds':>8} | {'triples/s':>10} | {'vs main':>7} |")
    print(f"| {'-' * 48} | {'-' * 8}:| {'-' * 10}:| {'-' * 7}:|")
    for what, seconds in rows:
        print(
            f"| {what:48} | {seconds:8.1f} | {triples / seconds:10,.0f} | {reference / seconds:6.2f}x |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--copies", type=int, default=50, help="copies of the seed (2,345 triples each)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query")
    parser.add_argument("--articles", type=int, help="generated articles: embedded loaders only")
    parser.add_argument("--dataset", type=Path, help="with --articles: an existing build's .nq")
    parser.add_argument("--reload", action="store_true", help="with --articles: time a re-load")
    args = parser.parse_args()
    if args.articles:
        with tempfile.TemporaryDirectory(prefix="defrel-bench-") as folder:
            scratch = Path(folder)
            data = args.dataset
            if data is None:
                sys.path.insert(0, str(ROOT / "benchmarks"))
                from corpus import generate

                generate(scratch / "corpus", articles=args.articles)
                assert build([scratch / "corpus"], out=scratch / "dist").report.conforms
                data = scratch / "dist" / "dataset.nq"
            scale_table(data, scratch, reload=args.reload)
        return
    with tempfile.TemporaryDirectory(prefix="defrel-bench-") as folder:
        scratch = Path(folder)
        outcome = build([ROOT / "seeds"], out=scratch / "dist")
        assert outcome.report.conforms
        seed = scratch / "dist" / "dataset.nq"
        corpus = copies(seed, scratch / "corpus.nq", count=args.copies)
        print(f"# defrel store benchmark ({os.cpu_count()} cores)")
        for name, data in (("the seed", seed), (f"{args.copies} copies of the seed", corpus)):
            store = load_table(name, data, scratch)
            query_table(name, data, store, args.repeat)


if __name__ == "__main__":
    main()
