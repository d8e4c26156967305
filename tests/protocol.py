"""The SPARQL 1.1 Protocol as a client that is not defrel's sees it, checked the same way on
every server (``serve --site``, ``--store``, ``--endpoint``): the dataset named by the request
or by FROM, every results and RDF format, the Service Description, plain-text errors."""

from __future__ import annotations

import csv
import http.client
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from conftest import SEED_SLUG
from rdflib import RDF, Dataset, Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from mapper.rdf.vocab import DEFAULT_BASE

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
GRAPH = f"{DEFAULT_BASE}graph/{SEED_SLUG}"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
VISITS = "CONSTRUCT { ?v a defrel:Visit ; defrel:visitor ?p } WHERE { ?v a defrel:Visit ; defrel:visitor ?p }"
# media type asked -> (the Content-Type answered, the rdflib format that reads it)
RDF_FORMATS = {
    "text/turtle": ("text/turtle", "turtle"),
    "application/n-triples": ("application/n-triples", "nt"),
    "application/ld+json": ("application/ld+json", "json-ld"),
    "application/rdf+xml": ("application/rdf+xml", "xml"),
    "application/n-quads": ("application/n-quads", "nquads"),
    "application/trig": ("application/trig", "trig"),
    "application/xml": ("application/xml", "xml"),
    "text/plain": ("text/plain", "nt"),
}


class Endpoint:
    """``{base}sparql`` over one keep-alive connection."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.path = parts.path + "sparql"
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)

    def get(self, params: list[tuple[str, str]] | None = None, accept: str | None = None):
        path = self.path + ("?" + urlencode(params) if params else "")
        self.conn.request("GET", path, headers={"Accept": accept} if accept else {})
        resp = self.conn.getresponse()
        return resp.status, resp.headers.get("Content-Type", ""), resp.read()

    def count(self, query: str = COUNT, **dataset: list[str]) -> int:
        params = [("query", query)]
        params += [(k.replace("_", "-"), v) for k, vs in dataset.items() for v in vs]
        status, media, body = self.get(params, "application/sparql-results+json")
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    def close(self) -> None:
        self.conn.close()


def seed_counts(dataset_nq: Path) -> tuple[int, int, int]:
    """Triples of the seed article's graph, of every graph, and of their union."""
    ds = Dataset()
    ds.parse(dataset_nq, format="nquads")
    union = {t for g in ds.graphs() for t in g}
    return len(ds.graph(URIRef(GRAPH))), sum(len(g) for g in ds.graphs()), len(union)


def check_dataset(ep: Endpoint, dataset_nq: Path) -> None:
    """default-graph-uri, named-graph-uri, FROM and FROM NAMED name the dataset's graphs;
    a graph it does not hold is refused in plain text, and nothing is fetched."""
    article, _, union = seed_counts(dataset_nq)
    assert 0 < article <= union  # the seeds may be one article
    assert ep.count() == union
    assert ep.count(default_graph_uri=[GRAPH]) == article
    assert ep.count(f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}> WHERE {{ ?s ?p ?o }}") == article
    assert (
        ep.count(
            "SELECT (COUNT(*) AS ?n) FROM <urn:x:elsewhere> WHERE { ?s ?p ?o }",
            default_graph_uri=[GRAPH],
        )
        == article
    )
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert ep.count(named, named_graph_uri=[GRAPH]) == article
    assert (
        ep.count(
            f"SELECT (COUNT(*) AS ?n) FROM NAMED <{GRAPH}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
        )
        == article
    )
    # only the named graph is in the dataset: the default graph is empty
    assert ep.count(named_graph_uri=[GRAPH]) == 0
    for params in (
        [("query", COUNT), ("default-graph-uri", "http://127.0.0.1:9/elsewhere")],
        [("query", COUNT), ("named-graph-uri", f"{DEFAULT_BASE}graph/no-such-article")],
        [("query", "SELECT * FROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }")],
        [("query", "SELECT * FROM NAMED <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }")],
        [("query", COUNT), ("default-graph-uri", "not an iri")],
    ):
        status, media, body = ep.get(params, "*/*")
        assert status == 400 and media.startswith("text/plain"), (params, body)
        assert b"graph" in body or b"IRI" in body, body


def check_formats(ep: Endpoint) -> None:
    """SELECT in every W3C results format (and application/xml, text/plain); CONSTRUCT in
    every RDF format, all the same graph."""
    select = "SELECT ?s WHERE { ?s a defrel:Visit } ORDER BY ?s"
    answers = {}
    for accept in (
        "application/sparql-results+json",
        "application/json",
        "application/sparql-results+xml",
        "application/xml",
        "text/csv",
        "text/tab-separated-values",
        "text/plain",
    ):
        status, media, body = ep.get([("query", select)], accept)
        assert status == 200 and media.split(";")[0] == accept, (accept, media, body[:200])
        answers[accept] = body.decode()
    visits = [
        b["s"]["value"] for b in json.loads(answers["application/json"])["results"]["bindings"]
    ]
    assert visits
    ns = "{http://www.w3.org/2005/sparql-results#}"
    root = ET.fromstring(answers["application/xml"])
    assert [u.text for u in root.iter(ns + "uri")] == visits
    assert [r["s"] for r in csv.DictReader(io.StringIO(answers["text/csv"]))] == visits
    assert answers["text/tab-separated-values"].splitlines()[1:] == [f"<{v}>" for v in visits]
    assert all(v.rsplit("/", 1)[1] in answers["text/plain"] for v in visits)
    status, media, body = ep.get([("query", "ASK { ?s a defrel:Visit }")], "application/xml")
    assert status == 200 and b"<boolean>true</boolean>" in body
    graphs = []
    for accept, (answered, fmt) in RDF_FORMATS.items():
        status, media, body = ep.get([("query", VISITS)], accept)
        assert status == 200 and media.split(";")[0] == answered, (accept, media)
        if fmt in ("nquads", "trig"):
            ds = Dataset()
            ds.parse(data=body.decode(), format=fmt)
            graph = Graph()
            for s, p, o, _ in ds.quads():
                graph.add((s, p, o))
        else:
            graph = Graph().parse(data=body.decode(), format=fmt)
        graphs.append(graph)
    assert len(graphs[0]) > 0 and all(isomorphic(graphs[0], g) for g in graphs[1:])


def check_service_description(ep: Endpoint, base: str = DEFAULT_BASE) -> None:
    """A GET of the endpoint with no query: the Service Description, unless a browser asks
    (the query form); errors in plain text unless HTML is asked for."""
    for accept, fmt in (
        ("text/turtle", "turtle"),
        ("*/*", "turtle"),
        (None, "turtle"),
        ("application/rdf+xml", "xml"),
        ("application/ld+json", "json-ld"),
    ):
        status, media, body = ep.get(None, accept)
        assert status == 200, (accept, body[:300])
        g = Graph().parse(data=body.decode(), format=fmt)
        service = next(g.subjects(RDF.type, SD.Service))
        assert g.value(service, SD.endpoint) == URIRef(f"{base}sparql")
        assert (service, SD.supportedLanguage, SD.SPARQL11Query) in g
        assert (service, SD.feature, SD.UnionDefaultGraph) in g
        assert len(set(g.objects(service, SD.resultFormat))) == 10
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, media, body = ep.get(None, browser)
    assert status == 200 and media.startswith("text/html") and b"<form" in body
    for accept in ("*/*", None, "application/sparql-results+json"):
        status, media, body = ep.get([("query", "SELEC x")], accept)
        assert status == 400 and media.startswith("text/plain"), (accept, media)
        assert b"SPARQL syntax error" in body or b"not a SPARQL query" in body, body
    status, media, body = ep.get([("query", "SELEC x")], browser)
    assert status == 400 and media.startswith("text/html")


def check_protocol(base: str, dataset_nq: Path) -> None:
    ep = Endpoint(base)
    try:
        check_formats(ep)
        check_dataset(ep, dataset_nq)
        check_service_description(ep)
    finally:
        ep.close()
