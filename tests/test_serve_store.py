"""``defrel serve --store``: everything rendered on request from the embedded store must be the
static site's bytes; the SPARQL endpoint gives ``defrel query --store``'s answers and stops at
its time limit; HTTP/1.1 keep-alive, ETag and 304, gzip, Range; limits as for ``--site``."""

from __future__ import annotations

import gzip
import json
import re
import select
import socket
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from conftest import SEED_SLUG, rss_kib
from protocol import check_protocol
from serving import Client, serving

from mapper.cli.main import example_queries, main
from mapper.publish.render.negotiate import DOCUMENTS
from mapper.publish.serve.app import MAX_BODY

RUSSIA = "entity/russia"
# sitemap.xml: a list of every page, the site's, not the store server's; .defrel-output:
# the marker that says the folder is a defrel output (so a later run may replace it);
# .well-known/void: the server answers it with a 303 to the VoID document Accept chooses
NOT_SERVED = {".defrel-output", ".well-known/void"}  # (the latter: a 303 to void.*)


@pytest.fixture(scope="module")
def seed_store(seed_dist: Path, tmp_path_factory) -> Path:
    from mapper.stores.embedded import load_store

    store = tmp_path_factory.mktemp("store") / "store"
    load_store([seed_dist / "dataset.nq"], store=store)
    return store


@pytest.fixture(scope="module")
def server(seed_store: Path, seed_dist: Path, tmp_path_factory):
    log = tmp_path_factory.mktemp("serve-store") / "serve.log"
    # --store-memory 1: the server and its query workers open the store again after almost
    # every rendering and query (store/memory.py), so every test here also checks that
    # nothing changes for a client when they do
    command = ["--store", str(seed_store), "--dumps", str(seed_dist), "--store-memory", "1"]
    with serving(command, log) as found:
        yield found


@pytest.fixture
def client(server):
    c = Client(server[0])
    yield c
    c.close()


def _site_files(site: Path) -> list[str]:
    found = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if (
            path.is_file()
            and rel not in NOT_SERVED
            and not rel.startswith(("dataset.", "articles/", ".defrel/"))
        ):
            found.append(rel)
    return found


def test_every_page_and_document_is_the_static_sites_byte_for_byte(client, seed_site) -> None:
    """Every file of the site (pages, the four documents of each resource, the home page,
    VoID, ontology, context, style, sitemap) comes from the store with the same bytes; and every
    resource's IRI redirects to each of its documents.  One connection carries it all."""
    same_as_the_site(client, seed_site)


# The dataset description's facts about the dump files (sizes, checksums): a server states
# them for the dumps it serves (--dumps, a `defrel build` folder), the site for its own.
DESCRIPTIONS = {f"void{suffix}" for suffix in DOCUMENTS} | {"index.html"}
_SCRIPT = re.compile(rb'(<script type="application/ld\+json">)(.*?)(</script>)', re.S)
_RDF = {".ttl": "turtle", ".jsonld": "json-ld", ".nt": "nt", ".nq": "nquads", ".rdf": "xml"}


def _without_dump_facts(text: bytes, fmt: str):
    from rdflib import Dataset, Graph
    from rdflib.compare import to_isomorphic
    from test_dcat import SPDX

    ds = Dataset()
    ds.parse(data=text.decode(), format=fmt)
    g = Graph()
    for s, p, o, _ in ds.quads():
        if (
            p not in (SPDX.checksum, SPDX.algorithm, SPDX.checksumValue)
            and not str(p).endswith("#byteSize")
            and SPDX.Checksum not in (s, o)
            and s != SPDX.checksumAlgorithm_sha256
        ):
            g.add((s, p, o))
    return to_isomorphic(g)


def same_description(rel: str, body: bytes, expected: bytes) -> None:
    if rel == "index.html":
        found, wanted = _SCRIPT.search(body), _SCRIPT.search(expected)
        assert _SCRIPT.sub(b"", body) == _SCRIPT.sub(b"", expected)
        body, expected, rel = found[2], wanted[2], "void.jsonld"
    fmt = _RDF[rel.removeprefix("void")]
    found, wanted = _without_dump_facts(body, fmt), _without_dump_facts(expected, fmt)
    assert found == wanted, (rel, sorted(set(found) ^ set(wanted))[:6])


def same_as_the_site(client: Client, seed_site: Path) -> None:
    files = _site_files(seed_site)
    assert len(files) > 300
    sock = None
    for rel in files:
        status, headers, body = client.get(rel)
        assert status == 200, rel
        if rel in DESCRIPTIONS:
            same_description(rel, body, (seed_site / rel).read_bytes())
        else:
            assert body == (seed_site / rel).read_bytes(), rel
        sock = sock or client.conn.sock
        assert client.conn.sock is sock, "the connection is kept alive"
    resources = [f.removesuffix(".html") for f in files if f.endswith(".html")]
    for stem in [r for r in resources if r not in ("index", "ontology")]:
        for suffix, media in DOCUMENTS.items():
            status, headers, _ = client.get(stem, Accept=media)
            assert status == 303 and headers["Location"] == client.path + stem + suffix


def test_details_home_dataset_and_dumps(client, seed_dist) -> None:
    fact = f"article/{SEED_SLUG}/fact/shoigu-visit-pakistan"
    status, headers, _ = client.get(f"{fact}/evidence/1/quote", Accept="text/turtle")
    assert status == 303 and headers["Location"].endswith(f"{fact}.ttl")
    status, headers, _ = client.get("", Accept="text/turtle")
    assert status == 303 and headers["Location"].endswith("/void.ttl")
    status, _, body = client.get("", Accept="text/html")
    assert status == 200 and b"<h1>defrel: defence relations in the news</h1>" in body
    for rel in ("dataset.nq", f"articles/{SEED_SLUG}.ttl"):
        status, headers, body = client.get(rel)
        assert status == 200 and body == (seed_dist / rel).read_bytes(), rel
    status, headers, _ = client.get(RUSSIA + ".ttl")
    assert f'<https://w3id.org/defrel/data/{RUSSIA}>; rel="describes"' in headers["Link"]
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, body = client.get("sitemap.xml")
    assert status == 200 and headers["Content-Type"].startswith("application/xml")
    assert f"<loc>https://w3id.org/defrel/data/{RUSSIA}.html</loc>".encode() in body
    for rel in ("list/people.html", "sitemap-1.xml", "list/../index.html"):  # a small dataset
        assert client.get(rel)[0] == 404, rel


def test_404_406_and_methods(client, server) -> None:
    assert client.get("entity/atlantis")[0] == 404
    assert client.get("entity/atlantis.ttl")[0] == 404
    for sneaky in ("../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "articles/../../x"):
        status, _, body = client.get(sneaky)
        assert status == 404 and b"root:" not in body, sneaky
    status, headers, body = client.get(RUSSIA, Accept="image/png")
    assert status == 406 and headers["Vary"] == "Accept" and b"text/turtle" in body
    status, headers, _ = client.get("sparql", method="OPTIONS")
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    assert client.get(RUSSIA + ".ttl", method="PUT", body=b"x")[0] == 501
    assert client.get(RUSSIA + ".ttl", method="DELETE")[0] == 501
    assert client.get(RUSSIA, method="POST", body=b"x")[0] == 405
    status, _, body = client.get(RUSSIA + ".ttl", method="HEAD")
    assert status == 200 and body == b""


# --- HTTP -----------------------------------------------------------------------------------


def test_etag_and_304(client) -> None:
    status, headers, body = client.get(RUSSIA + ".html")
    etag = headers["ETag"]
    assert status == 200 and etag.startswith('"') and not etag.startswith('"W/')
    status, headers, body = client.get(RUSSIA + ".html", **{"If-None-Match": etag})
    assert status == 304 and body == b"" and headers["ETag"] == etag
    assert client.get(RUSSIA + ".ttl", **{"If-None-Match": etag})[0] == 200
    status, headers, _ = client.get("dataset.nq")
    assert client.get("dataset.nq", **{"If-None-Match": headers["ETag"]})[0] == 304


def test_gzip_when_asked(client, seed_site) -> None:
    status, headers, body = client.get(RUSSIA + ".html", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (seed_site / f"{RUSSIA}.html").read_bytes()
    zipped_etag = headers["ETag"]
    _, headers, _ = client.get(RUSSIA + ".html")
    assert "Content-Encoding" not in headers
    assert zipped_etag != headers["ETag"], "another representation, another strong ETag"
    revalidate = {"Accept-Encoding": "gzip", "If-None-Match": zipped_etag}
    assert client.get(RUSSIA + ".html", **revalidate)[0] == 304


def test_range_on_a_dump(client, seed_dist) -> None:
    whole = (seed_dist / "dataset.nq").read_bytes()
    status, headers, body = client.get("dataset.nq", Range="bytes=100-199")
    assert status == 206 and body == whole[100:200]
    assert headers["Content-Range"] == f"bytes 100-199/{len(whole)}"


def test_a_slow_client_is_cut_off_at_the_request_deadline(server) -> None:
    """One header line every half second: the 2 s request deadline answers 408 and closes."""
    base, _ = server
    host, port = urlsplit(base).hostname, urlsplit(base).port
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=10) as conn:
        conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        answer = b""
        for i in range(20):  # at most 10 s of trickling
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
    c = Client(base)
    assert c.get(RUSSIA + ".html")[0] == 200
    c.close()


def test_a_keep_alive_connection_idle_between_requests_is_not_cut(server) -> None:
    """The deadline is for reading a request, not for the time between two."""
    c = Client(server[0])
    assert c.get(RUSSIA + ".ttl")[0] == 200
    time.sleep(2.5)
    assert c.get(RUSSIA + ".ttl")[0] == 200
    c.close()


# --- SPARQL ---------------------------------------------------------------------------------


def _rows(data: dict) -> list:
    rows = data["results"]["bindings"]
    return sorted(tuple(sorted((k, v["value"]) for k, v in r.items())) for r in rows)


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_sparql_gives_what_defrel_query_store_gives(client, seed_store, runner, name) -> None:
    query = urlencode({"query": example_queries()[name]})
    status, _, body = client.get("sparql?" + query, Accept="application/sparql-results+json")
    assert status == 200
    ours = runner.invoke(
        main, ["query", "--example", name, "--store", str(seed_store), "--format", "json"]
    )
    assert ours.exit_code == 0, ours.output
    theirs, expected = json.loads(body), json.loads(ours.output)
    assert theirs["head"] == expected["head"] and _rows(theirs) == _rows(expected)
    assert _rows(theirs), "the example has answers on the seed"


def test_sparql_post_formats_and_refusals(client) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    json_results = "application/sparql-results+json"
    for body, media in (
        (urlencode({"query": query}).encode(), "application/x-www-form-urlencoded"),
        (query.encode(), "application/sparql-query"),
    ):
        status, headers, answer = client.get(
            "sparql", "POST", body, Accept=json_results, **{"Content-Type": media}
        )
        assert status == 200 and headers["Content-Type"] == json_results
        assert json.loads(answer)["results"]["bindings"][0]["n"]["value"] == "2475"
    status, _, body = client.get("sparql?" + urlencode({"query": "SELEC x"}), Accept=json_results)
    assert status == 400 and b"SPARQL syntax error" in body
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    for body, media in (
        (urlencode({"update": update}).encode(), "application/x-www-form-urlencoded"),
        (update.encode(), "application/sparql-update"),
        (urlencode({"query": update}).encode(), "application/x-www-form-urlencoded"),
    ):
        status, _, answer = client.get(
            "sparql", "POST", body, Accept="text/plain", **{"Content-Type": media}
        )
        assert status == 403 and b"read-only" in answer, media
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    status, _, body = client.get("sparql?" + urlencode({"query": service}), Accept=json_results)
    assert status == 400 and b"SERVICE" in body
    status, _, body = client.get("sparql", Accept="text/html")
    assert status == 200 and b'<form method="post"' in body
    form = urlencode(
        {"query": "SELECT ?n WHERE { ?p a schema:Country ; schema:name ?n } ORDER BY ?n LIMIT 2"}
    )
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, body = client.get("sparql", "POST", form.encode(), Accept="text/html", **form_type)
    assert status == 200 and b"<td>Afghanistan</td>" in body


def test_the_sparql_protocol_in_full(server, seed_dist) -> None:
    """Datasets named by the request or FROM, every format, the Service Description."""
    check_protocol(server[0], seed_dist / "dataset.nq")


def test_request_bodies_are_capped(server) -> None:
    c = Client(server[0])
    headers = {"Content-Type": "application/sparql-query", "Content-Length": str(MAX_BODY + 1)}
    c.conn.putrequest("POST", c.path + "sparql")
    for name, value in headers.items():
        c.conn.putheader(name, value)
    c.conn.endheaders()
    assert c.conn.getresponse().status == 413
    c.close()


def test_a_query_past_the_time_limit_is_stopped(client) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    status, _, body = client.get("sparql?" + urlencode({"query": slow}), Accept="application/json")
    assert status == 503 and b"stopped after 3 s" in body
    assert time.monotonic() - started < 10
    deadline = time.monotonic() + 30  # the stopped worker is replaced; queries work again
    ask = "sparql?" + urlencode({"query": "ASK { ?s a defrel:Visit }"})
    while client.get(ask, Accept="application/json")[0] != 200:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert client.get(RUSSIA + ".html")[0] == 200


# --- load -----------------------------------------------------------------------------------


def _burst(base: str, count: int) -> Counter:
    ask = "sparql?" + urlencode({"query": "ASK { ?s a defrel:Visit }"})
    targets = [
        (RUSSIA + ".html", "text/html"),
        (RUSSIA, "text/turtle"),
        (f"article/{SEED_SLUG}.jsonld", "application/ld+json"),
        (ask, "application/sparql-results+json"),
    ]
    jobs = [targets[i % len(targets)] for i in range(count)]

    def run(chunk: list) -> list[int]:
        c = Client(base)
        try:
            return [c.get(rel, Accept=accept)[0] for rel, accept in chunk]
        finally:
            c.close()

    chunks = [jobs[i::50] for i in range(50)]
    with ThreadPoolExecutor(max_workers=50) as pool:
        return Counter(s for statuses in pool.map(run, chunks) for s in statuses)


def test_a_burst_of_2000_requests_from_50_clients_no_errors_no_growth(server) -> None:
    base, pid = server
    expected = Counter({200: 1500, 303: 500})
    assert _burst(base, 2000) == expected  # warm: caches, workers, threads and their heaps
    before = rss_kib(pid)
    assert _burst(base, 2000) == expected
    after = rss_kib(pid)
    assert after - before < 30 * 1024, f"memory grew from {before} to {after} KiB"


# --- the command ----------------------------------------------------------------------------


def test_garbage_and_oversized_requests_get_4xx_and_the_server_stays_up(server) -> None:
    base, _ = server
    host, port = urlsplit(base).hostname, urlsplit(base).port
    for junk in (b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1\r\nX: " + b"y" * 70_000 + b"\r\n\r\n"):
        with socket.create_connection((host, port), timeout=10) as conn:
            conn.sendall(junk)
            assert conn.recv(4096).split(b" ")[1].startswith(b"4"), junk[:20]
    c = Client(base)
    assert c.get(RUSSIA + ".html")[0] == 200
    c.close()


def test_serve_store_needs_a_store_and_not_a_site_too(runner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["serve", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no store here" in result.output
    assert "defrel load --store" in result.output
    result = runner.invoke(main, ["serve", "--store", str(tmp_path), "--site", str(tmp_path)])
    assert result.exit_code == 2 and "one of --site, --store or --endpoint" in result.output
    result = runner.invoke(main, ["serve", "--dumps", str(tmp_path)])
    assert result.exit_code == 2 and "go with --store or --endpoint" in result.output
    result = runner.invoke(main, ["serve", "--endpoint", "http://127.0.0.1:9/query"])
    assert result.exit_code == 3 and "127.0.0.1:9" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(main, ["serve", "--store-memory", "64"])
    assert result.exit_code == 2 and "--store-memory goes with --store" in result.output


def test_store_memory_defaults_to_the_budget_storememory_names() -> None:
    from mapper.publish.store.memory import BUDGET

    option = next(p for p in main.commands["serve"].params if p.name == "store_memory")
    assert option.default << 20 == BUDGET


# --- a remote store -------------------------------------------------------------------------


def test_serve_endpoint_renders_the_same_from_an_oxigraph_server(seed_dist, seed_site, tmp_path):
    """The same pages and documents, read over the SPARQL Protocol from an Oxigraph server
    (whose union default graph is a bag: descriptions read GRAPH ?g only)."""
    from stores import Oxigraph

    from mapper.stores.remote import load_endpoint

    (tmp_path / "oxigraph").mkdir()
    oxigraph = Oxigraph(tmp_path / "oxigraph").start()
    try:
        load_endpoint([seed_dist / "dataset.nq"], url=oxigraph.store_url)
        with serving(["--endpoint", oxigraph.query_url], tmp_path / "serve.log") as (base, _):
            c = Client(base)
            same_as_the_site(c, seed_site)
            check_protocol(base, seed_dist / "dataset.nq")
            ask = "sparql?" + urlencode({"query": "ASK { ?s a defrel:Visit }"})
            status, _, body = c.get(ask, Accept="application/sparql-results+json")
            assert status == 200 and json.loads(body)["boolean"] is True
            update = urlencode({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
            status, _, body = c.get("sparql?" + update, Accept="text/plain")
            assert status == 403 and b"read-only" in body
            c.close()
    finally:
        oxigraph.stop()


def test_the_dataset_description_is_dcat_ap_and_well_known(client, seed_dist) -> None:
    """The store server's VoID/DCAT-AP validates against the DCAT-AP 3 shapes, with the
    dumps' sizes and checksums; /.well-known/void leads to it."""
    import hashlib

    from rdflib import Graph
    from test_dcat import SPDX, dcat_ap_results

    status, _, body = client.get("void.ttl")
    assert status == 200
    g = Graph().parse(data=body.decode(), format="turtle")
    assert dcat_ap_results(g).get("Violation", []) == []
    sums = {str(o) for o in g.objects(None, SPDX.checksumValue)}
    assert hashlib.sha256((seed_dist / "dataset.nq").read_bytes()).hexdigest() in sums
    for path in ("/.well-known/void", client.path + ".well-known/void"):
        client.conn.request("GET", path, headers={"Accept": "text/turtle"})
        resp = client.conn.getresponse()
        resp.read()
        assert resp.status == 303 and resp.headers["Location"] == client.path + "void.ttl"
