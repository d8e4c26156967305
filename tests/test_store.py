"""The embedded store: ``defrel load --store`` and ``defrel query --store`` (pyoxigraph), the
staging of input files, load modes, the progress bar, and the lexical query checks."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import MINI_FACTS, ROOT, SEED_SLUG, write_article
from rdflib import URIRef
from stores import answers, copies

from mapper.builder.pipeline import build
from mapper.cli.main import example_queries, main
from mapper.errors import InputError, QueryError, StoreError
from mapper.rdf.read import read_rdf
from mapper.stores.embedded import load_store, open_store, query_store
from mapper.stores.loading import Progress, article_name
from mapper.stores.query import query_form, run_query, uses_service

GRAPH = "https://w3id.org/defrel/data/graph/"


def graph_sizes(store: Path) -> dict[str, int]:
    """Triples per named graph of the store in ``store`` (opened, read, let go)."""
    db = ox.Store(str(store))
    rows = db.query("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    sizes = {r["g"].value: int(r["n"].value) for r in rows}
    del db
    return sizes


def nq_sizes(path: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        sizes[quad.graph_name.value] = sizes.get(quad.graph_name.value, 0) + 1
    return sizes


@pytest.fixture(scope="module")
def seed_store(seed_dist, tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("embedded") / "store"
    outcome = load_store([seed_dist / "dataset.nq"], store=store)
    assert outcome.articles == 1
    return store


@pytest.fixture(scope="module")
def mini_dists(tmp_path_factory) -> tuple[Path, Path]:
    """The mini article built twice: as written, and with its arms-supply fact removed."""
    folder = tmp_path_factory.mktemp("mini")
    first = build([write_article(folder / "a")], out=folder / "dist-a")
    changed = MINI_FACTS[: MINI_FACTS.index("  - id: supply")]
    second = build([write_article(folder / "b", changed)], out=folder / "dist-b")
    assert first.report.conforms and second.report.conforms
    return folder / "dist-a" / "dataset.nq", folder / "dist-b" / "dataset.nq"


# --- loading ---------------------------------------------------------------------------------


def test_load_holds_every_quad_and_twice_is_once(seed_dist, seed_store: Path) -> None:
    expected = nq_sizes(seed_dist / "dataset.nq")
    assert graph_sizes(seed_store) == expected
    outcome = load_store([seed_dist / "dataset.nq"], store=seed_store)
    assert outcome.triples == sum(expected.values()) and outcome.rate > 0
    assert graph_sizes(seed_store) == expected


def test_reloading_a_changed_article_replaces_its_graph_alone(
    seed_dist, mini_dists, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    before, after = mini_dists
    load_store([seed_dist / "dataset.nq", before], store=store)
    sizes = graph_sizes(store)
    load_store([after], store=store)
    changed = graph_sizes(store)
    assert changed[f"{GRAPH}mini"] == nq_sizes(after)[f"{GRAPH}mini"] < sizes[f"{GRAPH}mini"]
    assert {g: n for g, n in changed.items() if not g.endswith("/mini")} == {
        g: n for g, n in sizes.items() if not g.endswith("/mini")
    }


def test_modes_say_what_happens_to_graphs_not_in_the_input(seed_dist, mini_dists, tmp_path):
    store, seed, (mini, _) = tmp_path / "store", seed_dist / "dataset.nq", mini_dists
    foreign = tmp_path / "foreign.nq"
    foreign.write_text(
        '<http://example.org/s> <http://example.org/p> "o" <http://example.org/g> .\n'
    )
    load_store([seed, mini, foreign], store=store)
    assert load_store([seed], store=store, mode="append").dropped == []
    assert load_store([seed], store=store, mode="drop-missing").dropped == [f"{GRAPH}mini"]
    assert set(graph_sizes(store)) == {
        f"{GRAPH}pakistan-courts-us-and-russia-on-defense",
        "http://example.org/g",
    }
    db = ox.Store(str(store))
    db.add(
        ox.Quad(
            ox.NamedNode("http://example.org/s"),
            ox.NamedNode("http://example.org/p"),
            ox.Literal("in the default graph"),
        )
    )
    del db
    assert load_store([seed], store=store, mode="replace").dropped == ["http://example.org/g"]
    assert set(graph_sizes(store)) == {f"{GRAPH}pakistan-courts-us-and-russia-on-defense"}
    db = ox.Store(str(store))
    assert len(db) == 2 * sum(nq_sizes(seed).values())  # the graph, and the union: no stray
    del db


def test_drop_missing_with_another_base_is_refused(seed_dist, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no input graph is there") as caught:
        load_store(
            [seed_dist / "dataset.nq"],
            store=tmp_path / "s",
            mode="drop-missing",
            base="https://example.org/",
        )
    assert "pass the --base the data was built with" in str(caught.value)


def test_progress_is_reported_per_article(seed_dist, mini_dists, tmp_path: Path) -> None:
    seen: list[Progress] = []
    load_store(
        [seed_dist / "dataset.nq", mini_dists[0]], store=tmp_path / "s", on_progress=seen.append
    )
    assert [p.articles for p in seen] == [1, 2]
    assert seen[-1].triples == seen[-1].triples_total and seen[-1].articles_total == 2


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("data.ttl", "<http://e/s> <http://e/p> <http://e/o> .\n", "has no named graphs"),
        ("data.trig", "<http://e/s> <http://e/p> <http://e/o> .\n", "outside any named graph"),
        (
            "data.nq",
            "<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n<http://e/s> <http://e/p> .\n",
            "data.nq:2: cannot parse RDF",
        ),
        ("data.nq", "", "no named graphs to load"),
        # what the bulk loader's doubling of lines must not let through
        ("data.nq", "<http://e/s> <http://e/p> <http://e/o> .\n", "outside any named graph"),
        (
            "data.nq",
            '<http://e/s> <http://e/p> "1"^^<http://e/t> <http://e/g> .\n'
            '<http://e/s> <http://e/p> "1"^^<http://e/t> .\n',
            "outside any named graph",
        ),
        ("data.nq", "<http://e/s> <http://e/p> <http://e/o> _:g .\n", "graph named by a blank"),
        ("data.csv", "a,b\n", "unknown RDF file type"),
    ],
)
def test_bad_input_files_exit_2(
    runner, tmp_path: Path, name: str, content: str, words: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["load", str(path), "--store", str(tmp_path / "store")])
    assert result.exit_code == 2, result.output
    assert words in result.output and "Traceback" not in result.output


def test_store_folder_must_be_a_store_or_new(runner, seed_dist, tmp_path: Path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    data = str(seed_dist / "dataset.nq")
    result = runner.invoke(main, ["load", data, "--store", str(busy)])
    assert result.exit_code == 2 and "not an Oxigraph store" in result.output
    assert [p.name for p in busy.iterdir()] == ["notes.txt"]
    result = runner.invoke(main, ["query", "--store", str(busy), "ASK {}"])
    assert result.exit_code == 2 and "no store here" in result.output
    assert "defrel load --store" in result.output


def test_a_store_in_use_is_exit_3(runner, seed_dist, seed_store: Path) -> None:
    held = open_store(seed_store, create=False)  # RocksDB's lock: one process at a time
    result = runner.invoke(main, ["query", "--store", str(seed_store), "ASK {}"])
    assert result.exit_code == 3, result.output
    assert "in use by another process" in result.output
    with pytest.raises(StoreError):
        load_store([seed_dist / "dataset.nq"], store=seed_store)
    del held


def test_load_needs_a_build_first(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["load"])
    assert result.exit_code == 2 and "dist/dataset.nq not found" in result.output
    result = runner.invoke(main, ["load", "--store", "s", "--endpoint", "http://127.0.0.1:9/"])
    assert result.exit_code == 2 and "not both" in result.output


def test_load_takes_a_build_folder_for_its_dataset(runner, seed_dist, tmp_path: Path) -> None:
    result = runner.invoke(main, ["load", str(seed_dist), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Loaded 1 article(s), ")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["load", str(empty), "--store", str(tmp_path / "t")])
    assert result.exit_code == 2
    assert "empty: a folder with no dataset.nq" in result.output
    assert "defrel build --out" in result.output
    assert not (tmp_path / "t").exists()


# --- the CLI ---------------------------------------------------------------------------------


def test_cli_load_defaults_to_dist_and_store(runner, seed_dist, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dist").symlink_to(seed_dist)
    result = runner.invoke(main, ["load"])
    assert result.exit_code == 0, result.output
    assert (
        result.output.startswith("Loaded 1 article(s), ")
        and "into store (embedded) in " in result.output
    )
    assert "\r" not in result.output  # no progress bar in a pipe
    result = runner.invoke(main, ["load", "--json"])
    summary = json.loads(result.output)
    assert summary["status"] == "loaded" and summary["articles"] == 1
    assert summary["triples"] == sum(nq_sizes(seed_dist / "dataset.nq").values())
    assert summary["triples_per_second"] > 0 and summary["dropped"] == []
    files = runner.invoke(main, ["query", "--example", "posts-held"])
    stored = runner.invoke(main, ["query", "--store", "store", "--example", "posts-held"])
    assert stored.exit_code == 0 and stored.output == files.output


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_store_answers_the_examples_as_the_files_do(seed_dist, seed_store: Path, name: str):
    query = example_queries()[name]
    files = json.loads(run_query(query, read_rdf([seed_dist / "dataset.nq"]), fmt="json").text)
    stored = json.loads(query_store(query, store=seed_store, fmt="json").text)
    assert answers(stored, by_value=True) == answers(files, by_value=True)
    assert stored["head"]["vars"] == files["head"]["vars"] and files["results"]["bindings"]


def test_the_store_keeps_numbers_by_value(seed_store: Path) -> None:
    """Oxigraph's one difference from the files, pinned: numbers are stored by value."""
    query = example_queries()["arms-suppliers-of-india"]
    stored = json.loads(query_store(query, store=seed_store, fmt="json").text)
    cells = {
        (c["value"], c.get("datatype")) for r in stored["results"]["bindings"] for c in r.values()
    }
    assert ("1900000000", "http://www.w3.org/2001/XMLSchema#decimal") in cells  # file: 1900000000.0
    assert ("1", "http://www.w3.org/2001/XMLSchema#integer") in cells  # file: xsd:positiveInteger


@pytest.mark.parametrize(
    ("query", "fmt", "expected"),
    [
        ('ASK { ?d a defrel:ArmsTransfer ; defrel:aspect "planned" }', None, "no\n"),
        ("ASK { ?d a defrel:ArmsTransfer }", "json", '"boolean": true'),
        ("CONSTRUCT WHERE { ?d a defrel:ArmsTransfer }", "nt", "#ArmsTransfer> ."),
        ("DESCRIBE <https://w3id.org/defrel/data/entity/russia>", "turtle", "rdfs:label"),
        ("SELECT ?g WHERE { GRAPH ?g { ?d a defrel:ArmsTransfer } }", "csv", "g\r\nhttps://"),
        ("SELECT (COUNT(*) AS ?n) FROM <http://example.org/none> { ?s ?p ?o }", "tsv", '?n\n"0"^^'),
    ],
)
def test_store_query_forms_and_formats(seed_store: Path, query, fmt, expected) -> None:
    assert expected in query_store(query, store=seed_store, fmt=fmt).text


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("SELECT ?s\nWHERE {\n  ?s ?p \n}", "4:2: SPARQL syntax error"),
        ("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE reaches the network"),
        ("INSERT DATA { <http://e/s> <http://e/p> 1 }", "updates are refused"),
    ],
)
def test_bad_store_queries_exit_2(runner, seed_store: Path, query: str, words: str) -> None:
    result = runner.invoke(main, ["query", "--store", str(seed_store), query])
    assert result.exit_code == 2 and words in result.output, result.output


def test_query_takes_one_source(runner, seed_store: Path, seed_dist) -> None:
    args = ["query", "ASK {}", "--store", str(seed_store), "--data", str(seed_dist / "dataset.nq")]
    result = runner.invoke(main, args)
    assert result.exit_code == 2 and "one of --data, --store or --endpoint" in result.output


# --- helpers ---------------------------------------------------------------------------------


def test_progress_bar_draws_on_a_terminal_only() -> None:
    from mapper.cli.progress import Bar
    from mapper.cli.store import progress_line

    line = progress_line(Progress(3, 4, 7035, 9380, 0.5), width=8)
    assert line == "[######--] 3/4 articles  7,035/9,380 triples  14,070 triples/s"

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, drawn in ((Terminal(), True), (io.StringIO(), False)):
        bar = Bar(stream, progress_line)
        bar(Progress(1, 1, 10, 10, 1.0))
        bar.close()
        assert (
            stream.getvalue() == ("\r" + progress_line(Progress(1, 1, 10, 10, 1.0)) + "\n") * drawn
        )


@pytest.mark.parametrize(
    ("query", "form", "service"),
    [
        (
            "PREFIX s: <http://e/#SELECT>\n# ASK\nconstruct { ?s s:SERVICE 'SERVICE' } WHERE {}",
            "CONSTRUCT",
            False,
        ),
        ("BASE <http://e/> SELECT * { SERVICE <x> { ?s ?p ?o } }", "SELECT", True),
        ('ASK { ?s ?p """a "SERVICE" b""" }', "ASK", False),
        ("DESCRIBE ?service WHERE { ?service a ?t }", "DESCRIBE", False),
    ],
)
def test_query_form_and_service_are_read_from_tokens(query, form, service) -> None:
    assert (query_form(query), uses_service(query)) == (form, service)


def test_article_names() -> None:
    assert article_name(f"{GRAPH}mini") == "mini"
    assert article_name("http://example.org/g") == "http://example.org/g"


def test_readme_documents_exit_3() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| 3 |" in readme and "defrel load" in readme


def test_no_such_form_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="not a SPARQL query"):
        query_form("hello")


def test_articles_sharing_entities_count_each_triple_once(seed_dist, tmp_path: Path) -> None:
    """The union default graph is a set, as the files' is: Oxigraph 0.5's own union is a bag."""
    corpus = copies(seed_dist / "dataset.nq", tmp_path / "three.nq", count=3)
    store = tmp_path / "store"
    load_store([corpus], store=store)
    dataset = read_rdf([corpus])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    for query in (count, *example_queries().values()):
        files = json.loads(run_query(query, dataset, fmt="json").text)
        stored = json.loads(query_store(query, store=store, fmt="json").text)
        assert answers(stored, by_value=True) == answers(files, by_value=True), query
    # Reloading one article with half its triples: the others still state the shared ones.
    lines = [ln for ln in corpus.read_text(encoding="utf-8").splitlines(True) if "-2> ." in ln]
    half = tmp_path / "half.nq"
    half.write_text("".join(lines[::2]), encoding="utf-8")
    load_store([half], store=store)
    dataset = read_rdf([corpus])
    dataset.remove_graph(dataset.graph(URIRef(f"{GRAPH}{SEED_SLUG}-2")))
    for quad in read_rdf([half]).quads():
        dataset.add(quad)
    files = json.loads(run_query(count, dataset, fmt="json").text)
    stored = json.loads(query_store(count, store=store, fmt="json").text)
    assert answers(stored) == answers(files)
    load_store([half], store=store, mode="replace")
    stored = json.loads(query_store(count, store=store, fmt="json").text)
    assert stored["results"]["bindings"][0]["n"]["value"] == str(len(lines[::2]))


def test_the_next_load_removes_killed_loads_staging_and_nothing_else(
    seed_dist, tmp_path: Path, monkeypatch
) -> None:
    """Staging folders of loads that are gone are removed; anything else is left alone."""
    import fcntl
    import os
    import subprocess
    import sys
    import tempfile
    import time

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()

    def folder(name: str, *, lock: bool = True) -> Path:
        path = tmp / name
        path.mkdir()
        (path / "quads.db").write_bytes(b"spool")
        if lock:
            (path / "lock").touch()
        return path

    killed = folder(f"defrel-staging-{gone.pid}-ab12_x")
    killed_unlocked = folder(f"defrel-staging-{gone.pid}-old", lock=False)
    an_hour_ago = time.time() - 3600
    os.utime(killed_unlocked, (an_hour_ago, an_hour_ago))
    kept = [
        folder(f"defrel-staging-{os.getpid()}-running"),  # a live process's
        folder(f"defrel-staging-{gone.pid}-justmade", lock=False),  # being made this instant
        folder(f"defrel-staging-{gone.pid}-held"),  # locked: in use from another pid namespace
        folder("defrel-staging-notes"),
        folder(f"defrel-staging-{gone.pid}"),
        folder(f"defrel-staging-{gone.pid}-x.y"),
    ]
    (tmp / f"defrel-staging-{gone.pid}-file").write_text("mine", encoding="utf-8")
    elsewhere = folder("elsewhere")
    (tmp / f"defrel-staging-{gone.pid}-link").symlink_to(elsewhere)
    kept += [tmp / f"defrel-staging-{gone.pid}-file", tmp / f"defrel-staging-{gone.pid}-link"]
    with (kept[2] / "lock").open() as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        load_store([seed_dist / "dataset.nq"], store=tmp_path / "store")
    assert not killed.exists() and not killed_unlocked.exists()
    assert sorted(tmp.iterdir()) == sorted([*kept, elsewhere])
    assert (elsewhere / "quads.db").read_bytes() == b"spool"


def test_inferred_graphs_are_loaded_but_not_counted_as_articles(runner, tmp_path: Path) -> None:
    """``build --infer`` adds ``{graph}/inferred`` beside each article's graph: not an article."""
    built = build([write_article(tmp_path / "in")], out=tmp_path / "dist", infer=True)
    assert built.report.conforms
    data = tmp_path / "dist" / "dataset.nq"
    sizes = nq_sizes(data)
    assert set(sizes) == {f"{GRAPH}mini", f"{GRAPH}mini/inferred"}
    result = runner.invoke(main, ["load", str(data), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        f"Loaded 1 article(s) and 1 inferred graph(s), {sum(sizes.values()):,} triples into "
    )
    result = runner.invoke(main, ["load", str(data), "--store", str(tmp_path / "store"), "--json"])
    summary = json.loads(result.output)
    assert (summary["articles"], summary["inferred_graphs"]) == (1, 1)
    assert graph_sizes(tmp_path / "store") == sizes


def test_only_a_graph_beside_an_article_graph_is_an_inferred_one() -> None:
    from mapper.stores.loading import inferred_graphs

    graphs = [f"{GRAPH}a", f"{GRAPH}a/inferred", f"{GRAPH}inferred", "http://e/b/inferred"]
    assert inferred_graphs(graphs) == {f"{GRAPH}a/inferred"}


# --- the bulk loader, for a new or emptied store ----------------------------------------------


def _quads(store: Path) -> set:
    db = ox.Store(str(store))
    quads = set(db)
    del db
    return quads


def _staged_load(paths: list[Path], store: Path) -> None:
    """The reference: the same input loaded graph by graph, in transactions."""
    from mapper.stores.embedded import EmbeddedTarget
    from mapper.stores.loading import load_graphs

    db = open_store(store, create=True)
    load_graphs(paths, target=EmbeddedTarget(db, store))
    db.flush()
    del db


@pytest.mark.parametrize("inputs", ["seed", "seed+mini", "copies+inferred"])
def test_a_new_store_is_bulk_loaded_to_the_same_quads(
    seed_dist, mini_dists, tmp_path: Path, monkeypatch, inputs: str
) -> None:
    from mapper.stores import embedded

    paths = {
        "seed": [seed_dist / "dataset.nq"],
        "seed+mini": [seed_dist / "dataset.nq", mini_dists[0]],
        "copies+inferred": [copies(seed_dist / "dataset.nq", tmp_path / "3.nq", count=3)],
    }[inputs]
    if inputs == "copies+inferred":
        built = build([write_article(tmp_path / "in")], out=tmp_path / "dist", infer=True)
        assert built.report.conforms
        paths.append(tmp_path / "dist" / "dataset.nq")
    bulk_loads, staged_loads = [], []
    real, staged = embedded.bulk_load_new, embedded.load_graphs

    def spy(calls: list, work):
        return lambda *args, **options: calls.append(work(*args, **options)) or calls[-1]

    monkeypatch.setattr(embedded, "bulk_load_new", spy(bulk_loads, real))
    monkeypatch.setattr(embedded, "load_graphs", spy(staged_loads, staged))
    seen: list[Progress] = []
    load_store(paths, store=tmp_path / "bulk", on_progress=seen.append)
    (outcome,) = bulk_loads  # it was the bulk loader, and it alone
    assert staged_loads == []
    _staged_load(paths, tmp_path / "staged")
    assert _quads(tmp_path / "bulk") == _quads(tmp_path / "staged")
    expected = {}
    for path in paths:
        expected.update(nq_sizes(path))
    inferred = sum(g.endswith("/inferred") for g in expected)
    assert (outcome.articles, outcome.inferred) == (len(expected) - inferred, inferred)
    assert outcome.triples == sum(expected.values()) and outcome.dropped == []
    assert seen[-1].articles == len(expected) and seen[-1].triples == outcome.triples


def test_input_the_bulk_loader_does_not_read_goes_graph_by_graph(tmp_path: Path) -> None:
    """Comments, blank nodes, other spacing: the staged loader takes them, as before."""
    data = tmp_path / "odd.nq"
    data.write_text(
        "# a comment\n"
        '<http://e/s> <http://e/p> "o" <http://e/g> .\n'
        "_:b <http://e/p>   <http://e/o> <http://e/g> .\n",
        encoding="utf-8",
    )
    outcome = load_store([data], store=tmp_path / "store")
    assert (outcome.articles, outcome.triples) == (1, 2)
    assert graph_sizes(tmp_path / "store") == {"http://e/g": 2}
    db = ox.Store(str(tmp_path / "store"))
    assert len(db) == 4  # each triple in its graph and in the union
    assert not db.contains_named_graph(ox.NamedNode("urn:x-defrel:bulk-load-in-progress"))
    del db


def test_a_refused_bulk_load_leaves_the_new_store_empty(seed_dist, tmp_path: Path) -> None:
    store = tmp_path / "store"
    with pytest.raises(InputError, match="no input graph is there"):
        load_store(
            [seed_dist / "dataset.nq"], store=store, mode="drop-missing", base="https://e.org/"
        )
    db = ox.Store(str(store))
    assert len(db) == 0 and list(db.named_graphs()) == []
    del db
    assert load_store([seed_dist / "dataset.nq"], store=store).articles == 1


def test_a_store_whose_bulk_load_was_killed_is_loaded_again_from_empty(
    seed_dist, mini_dists, tmp_path: Path
) -> None:
    """The mark of a bulk load that never finished: the next load empties the store first."""
    from mapper.stores.bulk import MARK

    store = tmp_path / "store"
    db = ox.Store(str(store))
    db.add_graph(MARK)
    stray = ox.Quad(ox.NamedNode("http://e/half"), ox.NamedNode("http://e/p"), ox.Literal("x"))
    db.add(stray)
    del db
    load_store([mini_dists[0]], store=store)
    assert stray not in _quads(store)
    _staged_load([mini_dists[0]], tmp_path / "reference")
    assert _quads(store) == _quads(tmp_path / "reference")


def test_an_unreadable_input_is_an_input_error_not_a_store_error(tmp_path: Path) -> None:
    folder = tmp_path / "data.nq"
    folder.mkdir()  # read as a file: fails like a file without read permission
    with pytest.raises(InputError, match="cannot read"):
        load_store([folder], store=tmp_path / "store")
