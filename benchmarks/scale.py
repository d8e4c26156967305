"""The scale benchmark: generated archives of 1k, 10k and 100k articles through ``defrel build``
(the fast path), an incremental rebuild, the embedded store and the example queries; in the
same run, the obvious pipeline (the baseline) and Oxigraph serialising the same triples (the
floor); ratios last.

    .venv/bin/python benchmarks/scale.py                       # 1000 10000 100000
    .venv/bin/python benchmarks/scale.py --articles 1000 --baseline-max 1000

* fast: ``mapper.builder.pipeline.build`` (one worker process per core), in a child process so its peak
  memory is its own (parent + the largest worker, and their sum as an upper bound). Stage
  rows are the time the workers spent on each stage, summed over articles (CPU seconds
  across all cores, so they add up to more than the wall time on 2 cores).
* incremental: one article's facts edited, then ``build`` again into the same folder; the
  output is checked to be byte-identical to a full build of the edited corpus (<= 10k).
* baseline (sizes up to --baseline-max): load facts, map into one rdflib Dataset, pySHACL
  on the whole graph (ontology mixed in, as the pipeline's own settings), rdflib's Turtle,
  JSON-LD and N-Quads serialisers. Its N-Quads are checked to hold the very quads of the
  fast build's, and both verdicts to say "conforms".
* floor: the fast build's dataset loaded into an Oxigraph store, then Oxigraph alone
  dumping the same quads as N-Quads and TriG.
* verdicts: a sample of articles validated by pySHACL, one graph at a time, and by the
  compiled engine: the results must be the same.
* store: ``defrel load`` into a new embedded store, then each example query as
  ``defrel query --store`` runs it (store opened, answer formatted) and the engine alone;
  p50 and p95 over all runs.

Not part of the test suite. Needs about 60 GB of disk for 100k articles (output + store).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from corpus import generate  # noqa: E402


def _peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _child(task: str, *args: str, timeout: float | None = None) -> dict | None:
    """Run ``task`` in a fresh interpreter; return what it prints (JSON), or None if it did
    not finish within ``timeout`` seconds."""
    command = [sys.executable, __file__, "--task", task, *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{task} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- tasks, each run in a child process ---------------------------------------------------


def task_fast(corpus: str, out: str) -> dict:
    from mapper.builder.pipeline import build

    started = time.perf_counter()
    outcome = build([Path(corpus)], out=Path(out))
    wall = time.perf_counter() - started
    assert outcome.ok, outcome.report.text()[:3000] + "\n".join(map(str, outcome.conflicts))
    return {
        "wall": wall,
        "triples": outcome.triples,
        "articles": outcome.articles,
        "reused": outcome.reused,
        "stages": outcome.seconds,
        "peak_parent": _peak_mib(),
        "peak_worker": _peak_mib(resource.RUSAGE_CHILDREN),
        "jobs": os.cpu_count() or 1,
    }


def task_baseline(corpus: str, out: str) -> dict:
    from pyshacl import validate as shacl_validate
    from rdflib import Graph

    from mapper.checks.validate import ontology_graph, shapes_graph
    from mapper.facts.load import load_corpus
    from mapper.rdf.mapping import map_articles

    stages: dict[str, float] = {}
    clock = time.perf_counter()
    progress = Path(out + ".progress.json")

    def stage(name: str) -> None:  # also written down, for a run stopped by the time limit
        nonlocal clock
        now = time.perf_counter()
        stages[name] = now - clock
        clock = now
        progress.write_text(json.dumps({"stages": stages, "peak": _peak_mib()}))

    articles = load_corpus([Path(corpus)])
    stage("load facts")
    dataset = map_articles(articles)
    union = Graph()
    for prefix, ns in dataset.namespaces():
        union.bind(prefix, ns)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    stage("map")  # the dataset, and its union as one graph for pySHACL and Turtle
    conforms, _, _ = shacl_validate(
        union,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        allow_warnings=True,
        advanced=True,
    )
    stage("validate")
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    union.serialize(target / "dataset.ttl", format="turtle")
    stage("serialise Turtle")
    dataset.serialize(target / "dataset.jsonld", format="json-ld")
    stage("serialise JSON-LD")
    dataset.serialize(target / "dataset.nq", format="nquads")
    stage("serialise N-Quads")
    return {"stages": stages, "conforms": bool(conforms), "peak": _peak_mib()}


def _runs(work, times: int = 5, budget: float = 30.0) -> list[float]:
    """Up to ``times`` timed runs of ``work``, fewer once ``budget`` seconds are spent."""
    runs: list[float] = []
    while len(runs) < times and (not runs or sum(runs) < budget):
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    return runs


# The example queries list everything of a kind, so their answers grow with the archive.
# An analyst's everyday question is about one entity, a page at a time: these do that,
# for the country that receives the first arms transfer in the store.
FOCUS = "SELECT ?e WHERE { ?t a defrel:ArmsTransfer ; defrel:recipient ?e } ORDER BY ?t LIMIT 1"
SCOPED = {
    "facts naming the entity": """SELECT ?fact ?kind WHERE {
        ?fact defrel:party|defrel:visitor|defrel:destination|defrel:supplier|defrel:recipient FOCUS ;
              a ?kind } LIMIT 100""",
    "visits to the entity": """SELECT ?visitor ?when ?quote WHERE {
        ?visit a defrel:Visit ; defrel:destination FOCUS ; defrel:visitor/rdfs:label ?visitor ;
               defrel:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?quote .
        OPTIONAL { ?visit defrel:date/rdfs:label ?when } } LIMIT 100""",
    "arms transfers to the entity": """SELECT ?supplier ?designation ?status WHERE {
        ?t a defrel:ArmsTransfer ; defrel:recipient FOCUS ; defrel:supplier/rdfs:label ?supplier ;
           defrel:designation/rdfs:label ?designation .
        OPTIONAL { ?t defrel:transferStatus ?status } } LIMIT 100""",
    "articles mentioning the entity": """SELECT ?article ?headline WHERE {
        ?article schema:mentions FOCUS . OPTIONAL { ?article schema:headline ?headline } }
        LIMIT 100""",
    "the entity's label and Wikidata item": """SELECT ?label ?same WHERE {
        FOCUS rdfs:label|schema:name ?label . OPTIONAL { FOCUS owl:sameAs ?same } }""",
}


def task_store(nquads: str, store: str) -> dict:
    import pyoxigraph as ox

    from mapper.cli.main import example_queries
    from mapper.rdf.vocab import NS
    from mapper.stores.embedded import load_store, query_store

    started = time.perf_counter()
    loaded = load_store([Path(nquads)], store=Path(store))  # as `defrel load`: a new store
    load = time.perf_counter() - started
    # As users run them: `defrel query --store` opens the store for each query. (The
    # engine-alone timings come after, from one read-only handle: a read-only RocksDB
    # handle must not be open while the store is opened for writing.)
    cli_times, engine_times, per_query = [], [], {}
    for name, query in sorted(example_queries().items()):
        rows = query_store(query, store=Path(store), fmt="json").rows
        runs = _runs(lambda q=query: query_store(q, store=Path(store), fmt="json"))
        cli_times += runs
        per_query[name] = {"cli": statistics.median(runs), "rows": rows}
    focus = query_store(FOCUS, store=Path(store), fmt="csv").text.splitlines()[1].strip()
    scoped_times, per_scoped = [], {}
    for name, query in SCOPED.items():
        text = query.replace("FOCUS", f"<{focus}>")
        rows = query_store(text, store=Path(store), fmt="json").rows
        runs = _runs(lambda q=text: query_store(q, store=Path(store), fmt="json"))
        scoped_times += runs
        per_scoped[name] = {"cli": statistics.median(runs), "rows": rows}
    db = ox.Store.read_only(store)
    prefixes = {k: str(v) for k, v in NS.items()}
    for name, query in sorted(example_queries().items()):
        runs = _runs(lambda q=query: list(db.query(q, prefixes=prefixes)))
        engine_times += runs
        per_query[name]["engine"] = statistics.median(runs)
    return {
        "load": load,
        "loaded": loaded.triples,
        "cli": sorted(cli_times),
        "engine": sorted(engine_times),
        "per_query": per_query,
        "scoped": sorted(scoped_times),
        "per_scoped": per_scoped,
        "focus": focus,
        "peak": _peak_mib(),
    }


class _Discard:
    """A binary stream that keeps nothing (the floor measures serialising, not the disk)."""

    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def task_floor(nquads: str) -> dict:
    """Oxigraph serialising the build's quads from memory (parsing them is not timed)."""
    import pyoxigraph as ox

    with open(nquads, "rb") as stream:
        quads = list(ox.parse(stream, format=ox.RdfFormat.N_QUADS))
    floor: dict[str, float] = {}
    for name, fmt, items in (
        ("N-Quads", ox.RdfFormat.N_QUADS, quads),
        ("Turtle", ox.RdfFormat.TURTLE, [q.triple for q in quads]),
        ("JSON-LD", ox.RdfFormat.JSON_LD, quads),
    ):
        started = time.perf_counter()
        ox.serialize(items, _Discard(), format=fmt)
        floor[name] = time.perf_counter() - started
    return {"floor": floor, "quads": len(quads), "peak": _peak_mib()}


def task_verdicts(corpus: str, sample: str) -> dict:
    from rdflib import Graph

    from mapper.checks.shacl import FastValidator
    from mapper.checks.validate import validate_graph
    from mapper.facts.load import load_facts
    from mapper.rdf.mapping import map_article
    from mapper.rdf.mint import Minter
    from mapper.rdf.ntriples import TripleList
    from mapper.rdf.vocab import DEFAULT_BASE

    files = sorted(Path(corpus).glob("*.facts.yaml"))
    chosen = random.Random(5).sample(files, min(int(sample), len(files)))
    minter, fast = Minter(DEFAULT_BASE), FastValidator()
    differ = 0
    for path in chosen:
        article = load_facts(path)
        sink = TripleList()
        map_article(article, minter=minter, graph=sink)
        triples = sink.unique()
        name = str(minter.graph(article.slug))
        graph = Graph()
        for triple in triples:
            graph.add(triple)
        ok, results, _ = validate_graph(graph, graph_name=name, base=DEFAULT_BASE)
        [(ok2, results2)] = fast.validate_many([(name, triples)], base=DEFAULT_BASE)
        key = sorted((r.focus, r.path, r.value, r.component, r.shape) for r in results)
        key2 = sorted((r.focus, r.path, r.value, r.component, r.shape) for r in results2)
        differ += (ok, key) != (ok2, key2)
    return {"sampled": len(chosen), "differ": differ}


def task_same_quads(first: str, second: str) -> dict:
    import pyoxigraph as ox

    def quads(path: str) -> set:
        with open(path, "rb") as stream:
            return set(ox.parse(stream, format=ox.RdfFormat.N_QUADS))

    return {"same": quads(first) == quads(second)}


TASKS = {
    "fast": task_fast,
    "baseline": task_baseline,
    "store": task_store,
    "verdicts": task_verdicts,
    "floor": task_floor,
    "same_quads": task_same_quads,
}


# --- the run --------------------------------------------------------------------------------


def _edit_one(corpus: Path) -> None:
    """Give the first fact of the middle article a label of its own: an edit to that
    article alone (an entity's label would also be its label in the other articles)."""
    files = sorted(corpus.glob("*.facts.yaml"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\n  kind: ", "\n  label: Edited fact\n  kind: ", 1), encoding="utf-8"
    )


def _same_files(a: Path, b: Path) -> bool:
    done = subprocess.run(["diff", "-rq", "-x", ".defrel", str(a), str(b)], capture_output=True)
    return done.returncode == 0


def _row(stage: str, seconds: float, triples: int, note: str = "") -> str:
    rate = f"{triples / seconds:,.0f}" if triples and seconds else ""
    return f"| {stage} | {seconds:,.2f} | {rate} | {note} |"


def measure(size: int, scratch: Path, args) -> dict:
    corpus = scratch / f"corpus-{size}"
    started = time.perf_counter()
    generate(corpus, articles=size, seed=7)
    print(f"\n## {size:,} articles (corpus generated in {time.perf_counter() - started:.1f} s)\n")
    out = scratch / f"dist-{size}"
    fast = _child("fast", str(corpus), str(out))
    triples = fast["triples"]
    print("| stage | seconds | triples/s | note |")
    print("| --- | ---: | ---: | --- |")
    for stage, spent in fast["stages"].items():
        print(_row(f"fast: {stage}", spent, triples, "summed over workers"))
    memory = f"peak {fast['peak_parent']:,.0f} MiB parent, {fast['peak_worker']:,.0f} MiB worker"
    print(_row("**fast: end to end (wall)**", fast["wall"], triples, memory))
    nochange = _child("fast", str(corpus), str(out))
    print(
        _row(
            "fast: rebuild, nothing changed", nochange["wall"], 0, f"{nochange['reused']:,} reused"
        )
    )
    _edit_one(corpus)
    edited = _child("fast", str(corpus), str(out))
    note = f"{edited['reused']:,} reused"
    if size <= args.check_max:
        full = scratch / f"full-{size}"
        _child("fast", str(corpus), str(full))
        note += ", output = full rebuild's" if _same_files(out, full) else ", OUTPUT DIFFERS"
        shutil.rmtree(full)
    print(_row("**fast: rebuild after one edit**", edited["wall"], 0, note))
    store = _child("store", str(out / "dataset.nq"), str(scratch / f"store-{size}"))
    print(_row("load embedded store (defrel load)", store["load"], store["loaded"]))
    for name in ("cli", "engine"):
        times = store[name]
        p50, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
        label = "defrel query --store" if name == "cli" else "engine alone"
        print(
            f"| example queries, {label} | p50 {p50 * 1000:,.1f} ms, p95 {p95 * 1000:,.1f} ms | | 8 queries x 5 |"
        )
    for name, timing in store["per_query"].items():
        print(
            f"| query {name} | {timing['engine'] * 1000:,.1f} ms engine, "
            f"{timing['cli'] * 1000:,.1f} ms defrel query | {timing['rows']:,} rows | median of 5 |"
        )
    times = store["scoped"]
    p50, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
    print(
        f"| one-entity queries (LIMIT 100), defrel query --store | p50 {p50 * 1000:,.1f} ms, "
        f"p95 {p95 * 1000:,.1f} ms | | {len(SCOPED)} queries x 5, about {store['focus']} |"
    )
    for name, timing in store["per_scoped"].items():
        print(f"| query: {name} | {timing['cli'] * 1000:,.1f} ms | {timing['rows']:,} rows | |")
    floor = _child("floor", str(out / "dataset.nq"))
    for name, spent in floor["floor"].items():
        print(_row(f"floor: Oxigraph serialises {name}", spent, triples, "from memory"))
    store["floor"] = floor["floor"]
    verdicts = _child("verdicts", str(corpus), str(args.sample))
    print(
        f"| verdicts, pySHACL vs compiled engine | {verdicts['sampled']} articles | | {verdicts['differ']} differ |"
    )
    result = {"size": size, "fast": fast, "edited": edited, "store": store, "verdicts": verdicts}
    if size <= args.baseline_max:
        result["baseline"] = _baseline(size, corpus, out, scratch, triples, args)
    if not args.keep:
        shutil.rmtree(scratch / f"store-{size}", ignore_errors=True)
    return result


def _baseline(size: int, corpus: Path, out: Path, scratch: Path, triples: int, args) -> dict:
    base_out = scratch / f"baseline-{size}"
    limit = args.baseline_timeout
    baseline = _child("baseline", str(corpus), str(base_out), timeout=limit)
    if baseline is None:  # stopped: what it finished, and a lower bound for the rest
        baseline = json.loads(Path(f"{base_out}.progress.json").read_text())
        baseline["unfinished"] = limit
    for stage, spent in baseline["stages"].items():
        print(_row(f"baseline: {stage}", spent, triples))
    done = sum(baseline["stages"].values())
    if "unfinished" in baseline:
        print(_row("baseline: validate", limit - done, 0, "stopped at the time limit, unfinished"))
        print(_row("**baseline: end to end**", limit, triples, "more than this"))
        baseline["total"] = limit
    else:
        print(_row("**baseline: end to end**", done, triples, f"peak {baseline['peak']:,.0f} MiB"))
        same = _child("same_quads", str(out / "dataset.nq"), str(base_out / "dataset.nq"))
        verdict = "conforms" if baseline["conforms"] else "does not conform"
        print(
            f"| baseline output vs fast output | same quads: {same['same']} | | "
            f"pySHACL on the union of all articles as one graph: {verdict} |"
        )
        baseline["total"] = done
    shutil.rmtree(base_out, ignore_errors=True)
    return baseline


def ratios(results: list[dict]) -> None:
    print("\n## Ratios\n")
    print(
        "| articles | triples | fast wall s | vs baseline | fast N-Quads+Turtle+JSON-LD s (summed) | vs floor (Oxigraph, same 3 formats) | edit rebuild s | example queries p50/p95 ms | one-entity queries p50/p95 ms | peak MiB (parent + workers) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        fast, store = r["fast"], r["store"]
        speedup = ""
        if "baseline" in r:
            more = "> " if "unfinished" in r["baseline"] else ""
            speedup = f"{more}{r['baseline']['total'] / fast['wall']:.1f}x faster"
        serial = sum(v for k, v in fast["stages"].items() if k.startswith("serialise"))
        floor = sum(store["floor"].values())
        times = store["cli"]
        p50, p95 = statistics.median(times) * 1000, times[int(0.95 * (len(times) - 1))] * 1000
        scoped = store["scoped"]
        s50, s95 = statistics.median(scoped) * 1000, scoped[int(0.95 * (len(scoped) - 1))] * 1000
        peak = fast["peak_parent"] + fast["jobs"] * fast["peak_worker"]
        print(
            f"| {r['size']:,} | {fast['triples']:,} | {fast['wall']:,.1f} | {speedup} | "
            f"{serial:,.1f} | {serial / floor:.1f}x the floor | {r['edited']['wall']:.2f} | "
            f"{p50:,.0f} / {p95:,.0f} | {s50:,.0f} / {s95:,.0f} | <= {peak:,.0f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--baseline-max", type=int, default=10000, help="largest baseline run")
    parser.add_argument(
        "--baseline-timeout", type=float, default=1200, help="seconds before a baseline is stopped"
    )
    parser.add_argument("--check-max", type=int, default=10000, help="largest full-rebuild check")
    parser.add_argument("--sample", type=int, default=50, help="articles in the verdict check")
    parser.add_argument("--scratch", type=Path, help="where the work folder goes (default: /tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder afterwards")
    parser.add_argument("--task", choices=sorted(TASKS), help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.task:
        print(json.dumps(TASKS[args.task](*rest)))
        return
    print(f"# defrel scale benchmark ({os.cpu_count()} cores)")
    folder = Path(tempfile.mkdtemp(prefix="defrel-scale-", dir=args.scratch))
    try:
        results = [measure(size, folder, args) for size in args.articles]
        ratios(results)
    finally:
        if args.keep:
            print(f"\n(work folder kept: {folder})")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
