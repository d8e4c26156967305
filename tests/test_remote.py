"""Remote stores over the standard protocols, against real servers on 127.0.0.1: Oxigraph
(Graph Store Protocol, SPARQL Update, SPARQL Protocol; a crash in the middle of a load) and
Virtuoso (Graph Store Protocol with Digest credentials); retries, timeouts and credentials
against a scripted HTTP server."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from conftest import SEED_SLUG
from stores import Oxigraph, Server, Virtuoso, answers, copies, free_port

from mapper.cli.main import example_queries, main
from mapper.errors import InputError, PartialLoadError, StoreError
from mapper.rdf.read import read_rdf
from mapper.stores.embedded import load_store, query_store
from mapper.stores.query import run_query
from mapper.stores.remote import load_endpoint, query_endpoint

GRAPH = "https://w3id.org/defrel/data/graph/"
SEED_GRAPH = GRAPH + SEED_SLUG
SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
SECRET = "s3cret-Pa55-word"


def sizes(server: Server) -> dict[str, int]:
    """Triples per named graph, as the server's SPARQL endpoint counts them."""
    data = json.loads(query_endpoint(SIZES, url=server.query_url, fmt="json").text)
    found = {r["g"]["value"]: int(r["n"]["value"]) for r in data["results"]["bindings"]}
    return {g: n for g, n in found.items() if g.startswith(GRAPH) or "example.org" in g}


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory) -> Iterator[Oxigraph]:
    server = Oxigraph(tmp_path_factory.mktemp("oxigraph")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[Virtuoso]:
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso")).start()
    yield server
    server.stop()


@pytest.fixture
def empty(oxigraph: Oxigraph) -> Oxigraph:
    """The module's Oxigraph server, emptied."""
    drop = httpx.post(
        oxigraph.update_url,
        content=b"DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
    )
    assert drop.is_success, drop.text
    return oxigraph


@pytest.fixture
def seeded(oxigraph: Oxigraph, seed_nq: Path, seed_size: int) -> Oxigraph:
    """The module's Oxigraph server holding the seed article and nothing else."""
    if sizes(oxigraph) != {SEED_GRAPH: seed_size}:
        load_endpoint(
            [seed_nq], url=oxigraph.store_url, mode="replace", query_url=oxigraph.query_url
        )
    return oxigraph


@pytest.fixture(scope="module")
def seed_nq(seed_dist) -> Path:
    return seed_dist / "dataset.nq"


@pytest.fixture(scope="module")
def seed_size(seed_nq: Path) -> int:
    return sum(1 for line in seed_nq.read_text(encoding="utf-8").splitlines() if line.strip())


# --- Oxigraph: the Graph Store Protocol --------------------------------------------------------


@pytest.mark.usefixtures("empty")
def test_load_the_seeds_twice_is_once(runner, oxigraph: Oxigraph, seed_nq: Path, seed_size):
    for _ in range(2):
        result = runner.invoke(main, ["load", str(seed_nq), "--endpoint", oxigraph.store_url])
        assert result.exit_code == 0, result.output
        assert f"Loaded 1 article(s), {seed_size:,} triples into {oxigraph.store_url}" in (
            result.output
        )
        assert sizes(oxigraph)[SEED_GRAPH] == seed_size


@pytest.mark.usefixtures("empty")
def test_a_changed_article_reloaded_alone(oxigraph: Oxigraph, seed_nq: Path, tmp_path: Path):
    both = copies(seed_nq, tmp_path / "both.nq", count=2)
    load_endpoint([seed_nq, both], url=oxigraph.store_url)
    before = sizes(oxigraph)
    lines = [
        line
        for line in both.read_text(encoding="utf-8").splitlines(keepends=True)
        if f"/graph/{SEED_SLUG}-1>" in line
    ]
    changed = tmp_path / "changed.nq"
    changed.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    outcome = load_endpoint([changed], url=oxigraph.store_url)
    assert outcome.articles == 1 and outcome.triples == len(lines) // 2
    after = sizes(oxigraph)
    assert after[f"{GRAPH}{SEED_SLUG}-1"] == len(lines) // 2 < before[f"{GRAPH}{SEED_SLUG}-1"]
    assert after[f"{GRAPH}{SEED_SLUG}-0"] == before[f"{GRAPH}{SEED_SLUG}-0"]
    assert after[SEED_GRAPH] == before[SEED_GRAPH]


@pytest.mark.usefixtures("empty")
def test_drop_missing_and_replace(runner, oxigraph: Oxigraph, seed_nq: Path, tmp_path: Path):
    extra = copies(seed_nq, tmp_path / "extra.nq", count=1)
    foreign = tmp_path / "foreign.nq"
    foreign.write_text('<http://e/s> <http://e/p> "o" <http://example.org/g> .\n')
    load_endpoint([extra, foreign], url=oxigraph.store_url)
    base = ["load", str(seed_nq), "--endpoint", oxigraph.store_url]
    result = runner.invoke(main, [*base, "--drop-missing"])
    assert result.exit_code == 2 and "--query-endpoint" in result.output
    queries = ["--query-endpoint", oxigraph.query_url, "--json"]
    result = runner.invoke(main, [*base, "--drop-missing", *queries])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["dropped"] == [f"{SEED_SLUG}-0"]
    assert "http://example.org/g" in sizes(oxigraph)
    result = runner.invoke(main, [*base, "--replace", *queries])
    assert json.loads(result.output)["dropped"] == ["http://example.org/g"]
    assert set(sizes(oxigraph)) == {SEED_GRAPH}


@pytest.mark.usefixtures("empty")
def test_the_update_fallback(oxigraph: Oxigraph, seed_nq: Path, tmp_path: Path) -> None:
    three = copies(seed_nq, tmp_path / "three.nq", count=3)
    for _ in range(2):
        outcome = load_endpoint(
            [three], url=oxigraph.update_url, protocol="update", batch_triples=5000
        )
        assert outcome.articles == 3
    found = sizes(oxigraph)
    expected = three.read_text(encoding="utf-8").count("\n") // 3
    assert [found[f"{GRAPH}{SEED_SLUG}-{n}"] for n in range(3)] == [expected] * 3
    load_endpoint(
        [seed_nq], url=oxigraph.update_url, protocol="update", mode="drop-missing",
        query_url=oxigraph.query_url,
    )  # fmt: skip
    assert set(sizes(oxigraph)) == {SEED_GRAPH}


# --- Oxigraph: the SPARQL Protocol -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_the_server_answers_the_examples_as_the_files_do(seeded, seed_nq: Path, name: str):
    query = example_queries()[name]
    files = json.loads(run_query(query, read_rdf([seed_nq]), fmt="json").text)
    served = json.loads(query_endpoint(query, url=seeded.query_url, fmt="json").text)
    assert answers(served, by_value=True) == answers(files, by_value=True)
    assert served["head"]["vars"] == files["head"]["vars"] and files["results"]["bindings"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--example", "arms-transfers", "--format", "csv"], "supplier,recipient,designation"),
        (["ASK { ?d a defrel:ArmsTransfer ; defrel:aspect 'planned' }"], "no\n"),
        (["CONSTRUCT WHERE { ?d a defrel:ArmsTransfer }", "--format", "nt"], "#ArmsTransfer> ."),
        (["DESCRIBE <https://w3id.org/defrel/data/entity/russia>"], "rdfs:label"),
        (["SELECT ?g { GRAPH ?g { ?d a defrel:ArmsTransfer } }", "--format", "tsv"], "?g\n<"),
    ],
)
def test_query_endpoint_from_the_cli(runner, seeded, seed_nq: Path, args, expected) -> None:
    served = runner.invoke(main, ["query", *args, "--endpoint", seeded.query_url])
    assert served.exit_code == 0, served.output
    assert expected in served.output
    if "--example" in args:  # exactly what the files give, to the byte
        assert served.output == runner.invoke(main, ["query", *args, "--data", str(seed_nq)]).output


def test_the_protocols_dataset_reaches_the_store(seeded, seed_size: int) -> None:
    """default-graph-uri and named-graph-uri go to the store with the query (the SPARQL
    Protocol's dataset, which ``serve --endpoint`` passes on)."""
    from rdflib import Variable

    from mapper.stores.remote import endpoint_result

    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    in_graphs = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    n = Variable("n")
    for query, dataset, expected in (
        (count, ([SEED_GRAPH], []), seed_size),
        (count, ([], [SEED_GRAPH]), 0),
        (in_graphs, ([], [SEED_GRAPH]), seed_size),
        (in_graphs, (["https://example.org/elsewhere"], ["https://example.org/none"]), 0),
    ):
        result = endpoint_result(query, url=seeded.query_url, dataset=dataset)
        assert int(next(iter(result.bindings))[n]) == expected, (query, dataset)


def test_a_query_the_server_refuses_is_exit_2(runner, seeded) -> None:
    result = runner.invoke(
        main, ["query", "SELECT ?s\nWHERE {\n  ?s ?p \n}", "--endpoint", seeded.query_url]
    )
    assert result.exit_code == 2 and "the endpoint refused the query" in result.output


@pytest.mark.usefixtures("empty")
def test_the_servers_own_union_counts_a_shared_triple_per_graph(oxigraph, seed_nq, tmp_path):
    """Pinned, so that a new Oxigraph shows up here: 0.5's union default graph is a bag
    (oxigraph/oxigraph#1919, fixed for 0.6); the files and the embedded store give a set."""
    two = copies(seed_nq, tmp_path / "two.nq", count=2)
    load_endpoint([two], url=oxigraph.store_url)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    served = json.loads(query_endpoint(count, url=oxigraph.query_url, fmt="json").text)
    files = json.loads(run_query(count, read_rdf([two]), fmt="json").text)
    stored = tmp_path / "store"
    load_store([two], store=stored)
    embedded = json.loads(query_store(count, store=stored, fmt="json").text)
    number = lambda data: int(data["results"]["bindings"][0]["n"]["value"])  # noqa: E731
    assert number(embedded) == number(files) < number(served) == sum(sizes(oxigraph).values())


# --- Oxigraph: a crash in the middle of a load -------------------------------------------------


def test_a_server_killed_mid_load(seed_nq: Path, tmp_path: Path) -> None:
    server = Oxigraph(tmp_path / "crash")
    (tmp_path / "crash").mkdir()
    corpus = copies(seed_nq, tmp_path / "corpus.nq", count=12)
    each = corpus.read_text(encoding="utf-8").count("\n") // 12
    server.start()
    try:

        def crash_soon(progress) -> None:
            if progress.articles == 3:  # kill it while the next graphs are on their way
                threading.Timer(0.02, server.kill).start()

        with pytest.raises(PartialLoadError) as caught:
            load_endpoint(
                [corpus], url=server.store_url, retries=2, backoff=0.05, on_progress=crash_soon
            )
        err = caught.value
        assert 3 <= len(err.loaded) < 12 and len(err.loaded) + len(err.missing) == 12
        text = str(err)
        assert f"stopped after {len(err.loaded)} of 12 article(s)" in text
        assert f"loaded ({len(err.loaded)}): {SEED_SLUG}-" in text
        assert f"not loaded ({len(err.missing)}): {SEED_SLUG}-" in text
        assert "run the same load again" in text and err.exit_code == 3
        server.start()  # the same data folder: what survived the crash
        found = sizes(server)
        assert all(found.get(g) == each for g in err.loaded)
        assert all(found.get(g, 0) in (0, each) for g in err.missing)  # whole or absent
        assert all(found.get(g, 0) == 0 for g in err.missing if g not in err.in_flight)
        load_endpoint([corpus], url=server.store_url)  # and the same load again finishes it
        assert set(sizes(server).values()) == {each} and len(sizes(server)) == 12
    finally:
        server.stop()


def test_an_unreachable_store_is_exit_3_with_the_articles(runner, seed_nq: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    args = ["load", str(seed_nq), "--endpoint", url, "--retries", "1", "--json"]
    result = runner.invoke(main, args)
    assert result.exit_code == 3
    assert "cannot connect" in result.output and "(2 attempts)" in result.output
    assert f"not loaded (1): {SEED_SLUG}" in result.output
    summary = json.loads(result.stdout)
    assert summary["status"] == "failed" and summary["missing"] == [SEED_SLUG]
    assert summary["loaded"] == [] and summary["in_flight"] == []  # refused: nothing was sent
    result = runner.invoke(main, ["query", "ASK {}", "--endpoint", url])
    assert result.exit_code == 3 and "cannot connect" in result.output


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://127.0.0.1/store", "not an http(s) URL"),
        (f"http://admin:{SECRET}@127.0.0.1:9/store", "credentials in the URL are refused"),
    ],
)
def test_bad_urls_exit_2(runner, seed_nq: Path, url: str, words: str) -> None:
    result = runner.invoke(main, ["load", str(seed_nq), "--endpoint", url])
    assert result.exit_code == 2 and words in result.output
    assert SECRET not in result.output


# --- a scripted server: retries, timeouts, credentials -----------------------------------------


class Script(BaseHTTPRequestHandler):
    """Answers each request with the next (status, headers, body, delay) of ``replies``."""

    replies: list[tuple[int, dict, bytes, float]] = []
    seen: list[tuple[str, str, dict]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        type(self).seen.append((self.command, self.path, dict(self.headers)))
        replies = type(self).replies
        status, headers, body, delay = replies.pop(0) if len(replies) > 1 else replies[0]
        time.sleep(delay)
        self.send_response(status)
        for key, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST = do_GET = do_DELETE = _answer

    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture
def script() -> Iterator[tuple[type[Script], str]]:
    handler = type("Handler", (Script,), {"replies": [], "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()
    server.server_close()


def test_transient_failures_are_retried_with_backoff(script, seed_nq: Path) -> None:
    handler, url = script
    handler.replies = [
        (503, {"Retry-After": "0"}, b"busy", 0.0),
        (502, {}, b"bad gateway", 0.0),
        (201, {}, b"", 0.0),
    ]
    started = time.monotonic()
    outcome = load_endpoint([seed_nq], url=url, retries=2, backoff=0.1)
    assert outcome.articles == 1 and len(handler.seen) == 3
    assert time.monotonic() - started >= 0.1 + 0.2  # 0.1 s, then 0.2 s
    method, path, headers = handler.seen[-1]
    assert method == "PUT" and path.startswith("/store?graph=https%3A%2F%2Fw3id.org")
    assert headers["Content-Type"] == "application/n-triples"


def test_a_lasting_5xx_names_the_cause(script, seed_nq: Path) -> None:
    handler, url = script
    handler.replies = [(500, {}, b"disk full", 0.0)]
    with pytest.raises(PartialLoadError) as caught:
        load_endpoint([seed_nq], url=url, retries=1, backoff=0.01)
    assert "HTTP 500 Internal Server Error: disk full (2 attempts)" in str(caught.value)
    assert caught.value.in_flight == [SEED_GRAPH]  # a 5xx may have been half-done: say so
    assert len(handler.seen) == 2


def test_a_timeout_is_retried_then_reported(script, seed_nq: Path) -> None:
    handler, url = script
    handler.replies = [(201, {}, b"", 0.5)]
    with pytest.raises(PartialLoadError, match=r"no answer within 0.1 s \(2 attempts\)"):
        load_endpoint([seed_nq], url=url, retries=1, backoff=0.01, timeout=0.1)


def test_a_4xx_is_not_retried(script, seed_nq: Path) -> None:
    handler, url = script
    handler.replies = [(415, {}, b"unsupported media type", 0.0)]
    with pytest.raises(PartialLoadError, match="HTTP 415") as caught:
        load_endpoint([seed_nq], url=url, retries=3, backoff=0.01)
    assert len(handler.seen) == 1 and caught.value.in_flight == []
    assert "Graph Store endpoint" in str(caught.value)


def test_credentials_from_the_environment_never_shown(runner, script, seed_nq, monkeypatch):
    handler, url = script
    monkeypatch.setenv("DEFREL_STORE_USER", "loader")
    monkeypatch.setenv("DEFREL_STORE_PASSWORD", SECRET)
    token = base64.b64encode(f"loader:{SECRET}".encode()).decode()
    challenge = {"WWW-Authenticate": 'Basic realm="store"'}
    # A hostile or careless server that echoes what it was sent, in its error page.
    echo = f"denied for loader:{SECRET} (Basic {token})".encode()
    handler.replies = [(401, challenge, b"", 0.0), (201, {}, b"", 0.0)]
    assert load_endpoint([seed_nq], url=url).articles == 1
    assert handler.seen[-1][2]["Authorization"] == f"Basic {token}"
    handler.seen.clear()
    handler.replies = [(401, challenge, echo, 0.0)]
    result = runner.invoke(main, ["load", str(seed_nq), "--endpoint", url, "--json"])
    assert result.exit_code == 3 and "HTTP 401" in result.output
    assert "DEFREL_STORE_USER/DEFREL_STORE_PASSWORD" in result.output
    assert SECRET not in result.output and token not in result.output
    assert "denied for loader:***" in result.output
    with pytest.raises(StoreError) as caught:
        load_endpoint([seed_nq], url=url)
    assert SECRET not in repr(caught.value) + str(caught.value)


def test_credentials_from_netrc(script, seed_nq: Path, tmp_path: Path, monkeypatch) -> None:
    handler, url = script
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login reader password {SECRET}\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("DEFREL_STORE_USER", raising=False)
    monkeypatch.delenv("DEFREL_STORE_PASSWORD", raising=False)
    handler.replies = [(401, {"WWW-Authenticate": "Basic"}, b"", 0.0), (201, {}, b"", 0.0)]
    load_endpoint([seed_nq], url=url)
    expected = base64.b64encode(f"reader:{SECRET}".encode()).decode()
    assert handler.seen[-1][2]["Authorization"] == f"Basic {expected}"
    assert "Authorization" not in handler.seen[0][2]  # none until the store asks
    netrc.write_text(f"machine 127.0.0.1 login reader password {SECRET} bogus\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read this netrc file") as caught:
        load_endpoint([seed_nq], url=url)
    assert SECRET not in str(caught.value)


def test_half_the_credentials_is_exit_2(runner, seed_nq: Path, monkeypatch) -> None:
    monkeypatch.setenv("DEFREL_STORE_USER", "loader")
    monkeypatch.delenv("DEFREL_STORE_PASSWORD", raising=False)
    result = runner.invoke(main, ["load", str(seed_nq), "--endpoint", "http://127.0.0.1:9/s"])
    assert result.exit_code == 2 and "DEFREL_STORE_PASSWORD is not set" in result.output


# --- Virtuoso: a second real store ------------------------------------------------------------


def test_virtuoso_loads_with_digest_credentials(virtuoso, seed_nq, seed_size, monkeypatch):
    monkeypatch.setenv("DEFREL_STORE_USER", virtuoso.user)
    monkeypatch.setenv("DEFREL_STORE_PASSWORD", virtuoso.password)
    for _ in range(2):
        outcome = load_endpoint(
            [seed_nq], url=virtuoso.store_url, mode="drop-missing", query_url=virtuoso.query_url
        )
        assert outcome.articles == 1 and sizes(virtuoso) == {SEED_GRAPH: seed_size}


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_virtuoso_answers_the_examples_as_the_files_do(virtuoso, seed_nq, name, monkeypatch):
    monkeypatch.setenv("DEFREL_STORE_USER", virtuoso.user)
    monkeypatch.setenv("DEFREL_STORE_PASSWORD", virtuoso.password)
    if SEED_GRAPH not in sizes(virtuoso):
        load_endpoint([seed_nq], url=virtuoso.store_url)
    query = example_queries()[name]
    files = json.loads(run_query(query, read_rdf([seed_nq]), fmt="json").text)
    served = json.loads(query_endpoint(query, url=virtuoso.query_url, fmt="json").text)
    assert answers(served, by_value=True) == answers(files, by_value=True)


def test_virtuoso_ask_and_a_wrong_password(runner, virtuoso, seed_nq, monkeypatch) -> None:
    ask = "ASK { ?d a defrel:ArmsTransfer }"  # Virtuoso answers ASK as a one-row SELECT
    result = runner.invoke(main, ["query", ask, "--endpoint", virtuoso.query_url])
    assert result.output == "yes\n"
    monkeypatch.setenv("DEFREL_STORE_USER", virtuoso.user)
    monkeypatch.setenv("DEFREL_STORE_PASSWORD", SECRET)
    result = runner.invoke(main, ["load", str(seed_nq), "--endpoint", virtuoso.store_url])
    assert result.exit_code == 3 and "HTTP 401" in result.output
    assert SECRET not in result.output


def test_virtuoso_update_refuses_durations(runner, virtuoso, seed_nq, monkeypatch) -> None:
    """Pinned: Virtuoso 7.2's SPARQL Update cannot insert an xsd:duration (SR553), so the
    update fallback cannot load defrel data there; its Graph Store endpoint can (above)."""
    monkeypatch.setenv("DEFREL_STORE_USER", virtuoso.user)
    monkeypatch.setenv("DEFREL_STORE_PASSWORD", virtuoso.password)
    args = ["load", str(seed_nq), "--endpoint", virtuoso.update_url, "--protocol", "update"]
    result = runner.invoke(main, [*args, "--retries", "0"])
    assert result.exit_code == 3 and "SR553" in result.output and "xsd:duration" in result.output
    assert f"not loaded (1): {SEED_SLUG}" in result.output
