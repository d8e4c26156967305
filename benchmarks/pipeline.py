"""Stage-by-stage figures of the build pipeline on generated corpora, with the floor
(Oxigraph serialising the same triples) measured in the same run.

    .venv/bin/python benchmarks/pipeline.py --articles 100 300

For each size: wall time, triples/s and peak memory of loading facts, mapping, validating
(pySHACL, article by article, in one process and in one per core), serialising each format, loading
the embedded store, and the example queries (p50/p95) on it; then the end-to-end total
and the ratios against the floor, printed last.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import pyoxigraph as ox  # noqa: E402
from corpus import generate  # noqa: E402

from mapper.cli import example_queries  # noqa: E402
from mapper.facts import load_corpus  # noqa: E402
from mapper.rdfmap import map_articles  # noqa: E402
from mapper.serialize import dataset_jsonld_text, nquads_text, turtle_text  # noqa: E402
from mapper.validate import validate_dataset  # noqa: E402

Row = tuple[str, float, int]  # stage, seconds, triples handled


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def _union_turtle(dataset) -> str:
    from rdflib import Graph

    merged = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return turtle_text(merged)


def measure(articles: int, scratch: Path) -> list[Row]:
    folder = scratch / f"corpus-{articles}"
    generate(folder, articles=articles, seed=7)
    rows: list[Row] = []
    seconds, loaded = _timed(lambda: load_corpus([folder]))
    seconds_map, dataset = _timed(lambda: map_articles(loaded))
    triples = len(list(dataset.quads((None, None, None, None))))
    rows += [("load facts", seconds, triples), ("map", seconds_map, triples)]
    seconds, report = _timed(lambda: validate_dataset(dataset))
    assert report.conforms, report.text()[:2000]
    rows.append(("baseline: validate, 1 process", seconds, triples))
    jobs = os.cpu_count() or 1
    seconds, report = _timed(lambda: validate_dataset(dataset, jobs=jobs))
    assert report.conforms, report.text()[:2000]
    rows.append((f"validate, {jobs} processes", seconds, triples))
    seconds, nq = _timed(lambda: nquads_text(dataset))
    rows.append(("serialise N-Quads (rdflib)", seconds, triples))
    rows.append(("serialise Turtle (rdflib)", _timed(lambda: _union_turtle(dataset))[0], triples))
    rows.append(
        ("serialise JSON-LD (rdflib)", _timed(lambda: dataset_jsonld_text(dataset))[0], triples)
    )
    quads = list(ox.parse(nq.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    floor_nq = _timed(lambda: ox.serialize(quads, format=ox.RdfFormat.N_QUADS))[0]
    floor_ttl = _timed(lambda: ox.serialize([q.triple for q in quads], format=ox.RdfFormat.TURTLE))[
        0
    ]
    rows += [
        ("floor: N-Quads (Oxigraph)", floor_nq, triples),
        ("floor: Turtle (Oxigraph)", floor_ttl, triples),
    ]
    store = ox.Store(str(scratch / f"store-{articles}"))
    rows.append(
        (
            "load embedded store",
            _timed(lambda: store.bulk_load(nq.encode("utf-8"), format=ox.RdfFormat.N_QUADS))[0],
            triples,
        )
    )
    times = []
    for query in example_queries().values():
        for _ in range(3):
            times.append(
                _timed(lambda q=query: list(store.query(q, use_default_graph_as_union=True)))[0]
            )
    times.sort()
    rows.append(("queries p50", statistics.median(times), 0))
    rows.append(("queries p95", times[int(0.95 * (len(times) - 1))], 0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 300])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.articles:
            rows = measure(size, Path(tmp))
            print(f"\n{size} articles")
            print(f"{'stage':32} {'seconds':>9} {'triples/s':>11}")
            for stage, seconds, triples in rows:
                rate = f"{triples / seconds:,.0f}" if triples and seconds else ""
                print(f"{stage:32} {seconds:9.3f} {rate:>11}")
            by = {stage: seconds for stage, seconds, _ in rows}
            validate = next(stage for stage in by if stage.startswith("validate,"))
            total = sum(
                s for stage, s, t in rows if t and not stage.startswith(("floor", "baseline"))
            )
            print(f"{'end to end (build + store)':32} {total:9.3f} {rows[0][2] / total:11,.0f}")
            print(f"peak memory so far: {_peak_mib():,.0f} MiB")
            print(
                "ratios: rdflib N-Quads / Oxigraph floor = "
                f"{by['serialise N-Quads (rdflib)'] / by['floor: N-Quads (Oxigraph)']:.0f}x; "
                f"rdflib Turtle / floor = "
                f"{by['serialise Turtle (rdflib)'] / by['floor: Turtle (Oxigraph)']:.0f}x; "
                f"validation speed-up = {by['baseline: validate, 1 process'] / by[validate]:.2f}x; "
                f"validation share of end to end = {by[validate] / total:.0%}"
            )


if __name__ == "__main__":
    main()
