"""``defrel serve`` over real HTTP: content negotiation for every media type, 303 and 406,
Link and CORS headers, and the SPARQL endpoint queried by a client that is not ours
(SPARQLWrapper), which must get the answers ``defrel query`` gives."""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from conftest import SEED_SLUG
from protocol import check_protocol
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from mapper.cli.main import example_queries, main
from mapper.publish.serve.files import MAX_BODY
from mapper.rdf.vocab import DEFAULT_BASE, context

RUSSIA = "entity/russia"
FORMATS = {
    "text/html": ".html",
    "text/turtle": ".ttl",
    "application/ld+json": ".jsonld",
    "application/n-triples": ".nt",
    "application/n-quads": ".nq",
    "application/rdf+xml": ".rdf",
}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def request(url: str, *, accept: str | None = None, method: str = "GET", data=None, headers=None):
    """(status, headers, body) without following redirects."""
    opener = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request(url, method=method, data=data, headers=headers or {})
    if accept is not None:
        req.add_header("Accept", accept)
    try:
        with opener.open(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def raw(url: str, path: str, method: str = "GET", body: bytes | None = None, headers=None):
    """A request with the path sent exactly as given (no client-side normalising)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.putrequest(method, path, skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        conn.putheader(name, value)
    conn.endheaders(body)
    resp = conn.getresponse()
    result = resp.status, resp.read()
    conn.close()
    return result


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# --- content negotiation --------------------------------------------------------------------


@pytest.mark.parametrize("media", list(FORMATS))
def test_a_resource_iri_redirects_to_the_document_accept_chooses(seed_server, seed_site, media):
    status, headers, _ = request(seed_server + RUSSIA, accept=media)
    assert status == 303
    location = headers["Location"]
    assert location == urlsplit(seed_server).path + RUSSIA + FORMATS[media]
    assert headers["Vary"] == "Accept"
    assert 'rel="alternate"; type="text/turtle"' in headers["Link"]
    status, headers, body = request(origin(seed_server) + location, accept=media)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == media
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert f'<{DEFAULT_BASE}{RUSSIA}>; rel="describes"' in headers["Link"]
    assert body == (seed_site / f"{RUSSIA}{FORMATS[media]}").read_bytes()
    if media != "text/html":
        fmt = {".ttl": "turtle", ".jsonld": "json-ld", ".nt": "nt", ".nq": "nquads", ".rdf": "xml"}
        parsed = Dataset().parse(data=body.decode(), format=fmt[FORMATS[media]])
        expected = Graph().parse(seed_site / f"{RUSSIA}.ttl")
        merged = Graph()
        for s, p, o, _ in parsed.quads((None, None, None, None)):
            merged.add((s, p, o))
        assert isomorphic(merged, expected)


@pytest.mark.parametrize(
    ("accept", "suffix"),
    [
        ("text/turtle;q=0.5, application/ld+json", ".jsonld"),
        ("application/n-quads;q=0.9, text/html;q=0.1", ".nq"),
        ("application/*", ".jsonld"),
        ("text/*;q=0.2, application/n-triples;q=0.3", ".nt"),
        ("*/*", ".html"),
        (None, ".html"),
    ],
)
def test_q_values_and_wildcards(seed_server, accept, suffix) -> None:
    status, headers, _ = request(seed_server + RUSSIA, accept=accept)
    assert status == 303 and headers["Location"].endswith(RUSSIA + suffix)


def test_406_when_nothing_acceptable(seed_server) -> None:
    status, headers, body = request(seed_server + RUSSIA, accept="image/png")
    assert status == 406
    assert headers["Vary"] == "Accept"
    text = body.decode()
    assert "none of the formats you accept" in text and "text/turtle" in text
    status, _, _ = request(seed_server + RUSSIA, accept="text/turtle;q=0, image/png")
    assert status == 406


def test_details_redirect_to_the_document_that_describes_them(seed_server) -> None:
    fact = f"article/{SEED_SLUG}/fact/shoigu-visit-pakistan"
    status, headers, _ = request(f"{seed_server}{fact}/evidence/1/quote", accept="text/turtle")
    assert status == 303 and headers["Location"].endswith(f"{fact}.ttl")


def test_the_home_the_dataset_the_ontology_and_the_context(seed_server) -> None:
    status, _, body = request(seed_server, accept="text/html")
    assert status == 200 and b"<h1>defrel: defence relations in the news</h1>" in body
    status, headers, _ = request(seed_server, accept="text/turtle")
    assert status == 303 and headers["Location"].endswith("/void.ttl")
    status, headers, _ = request(origin(seed_server) + "/defrel/ontology", accept="text/turtle")
    assert status == 303 and headers["Location"].endswith("/ontology.ttl")
    _, _, body = request(origin(seed_server) + headers["Location"])
    onto = Graph().parse(data=body.decode(), format="turtle")
    assert (URIRef("https://w3id.org/defrel/ontology"), None, None) in onto
    status, headers, body = request(seed_server + "context.jsonld")
    assert headers["Content-Type"] == "application/ld+json" and json.loads(body) == context()
    status, headers, _ = request(origin(seed_server) + "/", accept="text/html")
    assert status == 303 and headers["Location"] == urlsplit(seed_server).path


def test_404_and_no_way_out_of_the_site(seed_server) -> None:
    path = urlsplit(seed_server).path
    assert request(seed_server + "entity/atlantis")[0] == 404
    assert request(origin(seed_server) + "/elsewhere")[0] == 404
    for sneaky in (
        "../../../etc/passwd",
        "%2e%2e/%2e%2e/etc/passwd",
        "entity/../../../../etc/hosts",
    ):
        status, body = raw(seed_server, path + sneaky)
        assert status == 404 and b"root:" not in body, sneaky
    # the site's build state names the facts files on this machine: not published
    for hidden in (".defrel/manifest.json", ".defrel/site.json", ".defrel-output"):
        assert request(seed_server + hidden)[0] == 404, hidden


def test_cors_preflight_and_read_only_methods(seed_server) -> None:
    status, headers, _ = request(seed_server + "sparql", method="OPTIONS")
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert request(seed_server + RUSSIA + ".ttl", method="PUT", data=b"x")[0] == 501
    assert request(seed_server + RUSSIA + ".ttl", method="DELETE")[0] == 501
    assert request(seed_server + RUSSIA, method="POST", data=b"x")[0] == 405


# --- SPARQL ---------------------------------------------------------------------------------


def endpoint(seed_server: str) -> SPARQLWrapper:
    client = SPARQLWrapper(seed_server + "sparql")
    client.setTimeout(30)
    return client


def bindings(rows: list[dict]) -> list[tuple]:
    return sorted(tuple(sorted((k, v["value"]) for k, v in row.items())) for row in rows)


@pytest.mark.parametrize("name", sorted(example_queries()))
def test_sparqlwrapper_gets_what_defrel_query_gives(seed_server, seed_site, runner, name) -> None:
    client = endpoint(seed_server)
    client.setQuery(example_queries()[name])
    client.setReturnFormat(JSON)
    theirs = client.query().convert()
    data = str(seed_site / "dataset.nq")
    ours = runner.invoke(main, ["query", "--example", name, "--data", data, "--format", "json"])
    assert ours.exit_code == 0, ours.output
    expected = json.loads(ours.output)
    assert theirs["head"]["vars"] == expected["head"]["vars"]
    assert bindings(theirs["results"]["bindings"]) == bindings(expected["results"]["bindings"])
    assert theirs["results"]["bindings"], "the example has answers on the seed"


def test_sparqlwrapper_ask_construct_and_csv(seed_server, seed_site, runner) -> None:
    client = endpoint(seed_server)
    client.setQuery('ASK { ?deal a defrel:ArmsTransfer ; defrel:aspect "planned" }')
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is False
    query = "CONSTRUCT { ?v a defrel:Visit ; defrel:visitor ?p } WHERE { ?v a defrel:Visit ; defrel:visitor ?p }"
    client.setQuery(query)
    client.setReturnFormat(TURTLE)
    theirs = Graph().parse(data=client.query().convert().decode(), format="turtle")
    ours = runner.invoke(main, ["query", query, "--data", str(seed_site / "dataset.nq")])
    assert len(theirs) == 4 and isomorphic(theirs, Graph().parse(data=ours.output, format="turtle"))
    client.setQuery("SELECT ?s WHERE { ?s a defrel:Visit } ORDER BY ?s")
    client.setReturnFormat(CSV)
    rows = client.query().convert().decode().split("\r\n")
    assert rows[0] == "s" and rows[1].endswith("/fact/raheel-sharif-visit-united-states")


def test_sparql_post_forms_and_errors(seed_server) -> None:
    url = seed_server + "sparql"
    json_results = "application/sparql-results+json"
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    for data, media in (
        (urlencode({"query": query}).encode(), "application/x-www-form-urlencoded"),
        (query.encode(), "application/sparql-query"),
    ):
        status, headers, body = request(
            url, method="POST", data=data, accept=json_results, headers={"Content-Type": media}
        )
        assert status == 200 and headers["Content-Type"] == json_results
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2475"
    status, _, body = request(url + "?" + urlencode({"query": "SELEC x"}), accept=json_results)
    assert status == 400 and b"SPARQL syntax error" in body
    status, _, body = request(url + "?" + urlencode({"query": query}), accept="image/png")
    assert status == 406 and b"SELECT results come as" in body
    status, _, _ = request(url, method="POST", data=b"x", headers={"Content-Type": "text/plain"})
    assert status == 415
    status, body = raw(
        seed_server,
        urlsplit(url).path,
        "POST",
        b"",
        {"Content-Type": "application/sparql-query", "Content-Length": str(MAX_BODY + 1)},
    )
    assert status == 413
    status, _, body = request(url, accept="text/html")
    assert status == 200 and b'<form method="post"' in body and b"<textarea" in body
    form = urlencode(
        {"query": "SELECT ?n WHERE { ?p a schema:Country ; schema:name ?n } ORDER BY ?n LIMIT 2"}
    )
    status, _, body = request(url, method="POST", data=form.encode(), accept="text/html")
    assert status == 200 and b"<td>Afghanistan</td>" in body


def test_updates_are_refused(seed_server) -> None:
    url = seed_server + "sparql"
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    for data, media in (
        (urlencode({"update": update}).encode(), "application/x-www-form-urlencoded"),
        (update.encode(), "application/sparql-update"),
        (urlencode({"query": update}).encode(), "application/x-www-form-urlencoded"),
    ):
        status, _, body = request(
            url, method="POST", data=data, headers={"Content-Type": media}, accept="text/plain"
        )
        assert status == 403 and b"read-only" in body, media
    client = endpoint(seed_server)
    client.setMethod("POST")
    client.setQuery(update)
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        client.query()
    client = endpoint(seed_server)
    client.setQuery("ASK { <urn:a> <urn:b> <urn:c> }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is False


def test_a_query_past_the_time_limit_is_stopped(seed_server) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    status, _, body = request(
        seed_server + "sparql?" + urlencode({"query": slow}), accept="application/json"
    )
    assert status == 503 and b"stopped after 3 s" in body
    assert time.monotonic() - started < 10
    deadline = time.monotonic() + 30  # the stopped worker is replaced; queries work again
    client = endpoint(seed_server)
    client.setQuery("ASK { ?s a defrel:Visit }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    assert time.monotonic() < deadline


def test_serve_binds_to_loopback_and_needs_a_site(seed_server, runner, tmp_path: Path) -> None:
    assert seed_server.startswith("http://127.0.0.1:")
    result = runner.invoke(main, ["serve", "--site", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "is not a site built by defrel" in result.output and "run `defrel site`" in result.output


def test_the_sparql_protocol_in_full(seed_server, seed_site) -> None:
    """Datasets named by the request or FROM, every format, the Service Description."""
    check_protocol(seed_server, seed_site / "dataset.nq")


def test_protege_gets_the_ontology_as_rdf_xml(seed_server) -> None:
    """Protégé asks for application/rdf+xml: it gets RDF/XML, the ontology's triples."""
    ontology = origin(seed_server) + "/defrel/ontology"
    status, headers, _ = request(ontology, accept="application/rdf+xml, */*;q=0.1")
    assert status == 303 and headers["Location"].endswith("ontology.rdf")
    document = origin(seed_server) + headers["Location"]
    status, headers, body = request(document)
    assert status == 200 and headers["Content-Type"].startswith("application/rdf+xml")
    _, _, turtle = request(document.removesuffix(".rdf") + ".ttl")
    theirs = Graph().parse(data=body.decode(), format="xml")
    assert isomorphic(theirs, Graph().parse(data=turtle.decode(), format="turtle"))


def test_well_known_void_leads_to_the_dataset_description(seed_server) -> None:
    for url in (origin(seed_server) + "/.well-known/void", seed_server + ".well-known/void"):
        status, headers, _ = request(url, accept="text/turtle")
        assert status == 303 and headers["Location"].endswith("/defrel/data/void.ttl")
    status, headers, _ = request(origin(seed_server) + "/.well-known/void", accept="text/html")
    assert status == 303 and headers["Location"].endswith("/defrel/data/index.html")


def test_the_shapes_are_served(seed_server, seed_site) -> None:
    status, headers, body = request(seed_server + "shapes.ttl")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert body == (seed_site / "shapes.ttl").read_bytes()


@pytest.mark.parametrize(
    ("query", "default", "named"),
    [
        ("SELECT * FROM <urn:a> FROM NAMED <urn:b> WHERE { ?s ?p ?o }", ["urn:a"], ["urn:b"]),
        ("PREFIX g: <urn:g:>\nSELECT * FROM g:one { ?s ?p ?o }", ["urn:g:one"], []),
        ("BASE <http://x.org/>\nSELECT * FROM <a> {}", ["http://x.org/a"], []),
        ("SELECT ?from WHERE { ?from ?p 'FROM <urn:no>' } # FROM <urn:no>", [], []),
        ("SELECT * FROM defrel:x {}", ["https://w3id.org/defrel/ontology#x"], []),
    ],
)
def test_the_graphs_a_query_names(query, default, named) -> None:
    from mapper.publish.serve.protocol import from_clauses
    from mapper.rdf.vocab import NS

    found = from_clauses(query, {k: str(v) for k, v in NS.items()})
    assert (list(found.default), list(found.named)) == (default, named)
    assert found.given == bool(default or named)


# SPARQLWrapper parses RDF/XML into rdflib's ConjunctiveGraph, which rdflib 7 deprecates
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_sparqlwrappers_defaults_get_answers(seed_server) -> None:
    """SPARQLWrapper asks for XML by default: SPARQL XML results, and RDF/XML for CONSTRUCT."""
    client = endpoint(seed_server)
    client.setQuery(
        "CONSTRUCT { ?v a defrel:Visit ; defrel:visitor ?p } "
        "WHERE { ?v a defrel:Visit ; defrel:visitor ?p }"
    )
    graph = client.query().convert()
    assert isinstance(graph, Graph) and len(graph) == 4
    client.setQuery("SELECT ?s WHERE { ?s a defrel:Visit }")
    assert client.query().convert().getElementsByTagName("result").length == 2
