"""``serve --store`` on a store that holds data defrel did not write (``defrel load`` takes any
RDF file): ill-typed literals, foreign types and datatypes, odd IRIs and evidence without
offsets. Every page and document of every resource is made, and so are the home page,
VoID and the sitemap; a value that is not what its datatype says is shown as written."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

BASE = "https://w3id.org/defrel/data/"
G = f"<{BASE}graph/foreign>"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
ODD, TICK = f"<{BASE}entity/odd-1>", f"<{BASE}entity/%E2%9C%93>"
EVIDENCE = f"<{BASE}entity/%E2%9C%93/evidence/1>"
FOREIGN = f"""
{ODD} {TYPE} <http://example.org/Thing> {G} .
{ODD} <https://schema.org/name> "Ödd \\"one\\" <b>" {G} .
{ODD} <https://schema.org/name> "Odd one"@fr {G} .
{ODD} <https://schema.org/startDate> "2020-13-45"^^<{XSD}date> {G} .
{ODD} <https://schema.org/numberOfItems> "abc"^^<{XSD}integer> {G} .
{ODD} <https://schema.org/price> "1e400"^^<{XSD}double> {G} .
{ODD} <https://schema.org/location> <{BASE}entity/russia> {G} .
{ODD} <https://schema.org/knows> <{BASE}entity/q?x=1> {G} .
{ODD} <https://schema.org/knows> <{BASE}entity/grüße> {G} .
{ODD} <https://schema.org/knows> {TICK} {G} .
<{BASE}entity/q?x=1> {TYPE} <https://schema.org/Person> {G} .
<{BASE}entity/q?x=1> <https://schema.org/name> "Query" {G} .
<{BASE}entity/grüße> {TYPE} <https://schema.org/Person> {G} .
<{BASE}entity/grüße> <https://schema.org/name> "Grüße" {G} .
{ODD} <http://example.org/p> "x"^^<http://example.org/dt> {G} .
{ODD} <https://schema.org/amount> <{BASE}entity/odd-1/amount> {G} .
<{BASE}entity/odd-1/amount> {TYPE} <https://schema.org/QuantitativeValue> {G} .
<{BASE}entity/odd-1/amount> <https://schema.org/value> "abc"^^<{XSD}decimal> {G} .
<{BASE}entity/odd-1/amount> <https://schema.org/maxValue> "NaN"^^<{XSD}decimal> {G} .
<{BASE}entity/odd-2/> {TYPE} <https://schema.org/Person> {G} .
<{BASE}entity/odd-2/> <https://w3id.org/defrel/ontology#mentionedIn> "not an IRI" {G} .
{TICK} {TYPE} <https://schema.org/Event> {G} .
{TICK} <https://schema.org/startDate> "2015-10-xx" {G} .
{TICK} <https://w3id.org/defrel/ontology#evidence> {EVIDENCE} {G} .
{EVIDENCE} {TYPE} <http://www.w3.org/ns/oa#Annotation> {G} .
{EVIDENCE} <http://www.w3.org/ns/oa#hasTarget> <{BASE}entity/%E2%9C%93/evidence/1/t> {G} .
<{BASE}entity/%E2%9C%93/evidence/1/t> <http://www.w3.org/ns/oa#hasSelector> <{BASE}entity/%E2%9C%93/evidence/1/s> {G} .
<{BASE}entity/%E2%9C%93/evidence/1/s> <http://www.w3.org/ns/oa#start> "-5"^^<{XSD}nonNegativeInteger> {G} .
<{BASE}entity/%E2%9C%93/evidence/1/s> <http://www.w3.org/ns/oa#end> "zz"^^<{XSD}nonNegativeInteger> {G} .
<{BASE}entity/%E2%9C%93/evidence/1/s> <http://www.w3.org/ns/oa#exact> "q" {G} .
"""
STEMS = ["entity/odd-1", "entity/odd-2/", "entity/%E2%9C%93", "entity/russia"]
SUFFIXES = (".html", ".ttl", ".jsonld", ".nt", ".nq", ".rdf")


@pytest.fixture(scope="module")
def store(seed_dist: Path, tmp_path_factory) -> Path:
    from mapper.stores.embedded import load_store

    folder = tmp_path_factory.mktemp("foreign")
    (folder / "foreign.nq").write_text(FOREIGN, encoding="utf-8")
    load_store([seed_dist / "dataset.nq", folder / "foreign.nq"], store=folder / "store")
    return folder / "store"


@pytest.fixture(scope="module", params=["embedded", "remote"])
def source(request, store: Path, seed_dist: Path, tmp_path_factory):
    """The data as ``serve --store`` reads it, or as ``serve --endpoint`` does from an
    Oxigraph server: (QuadSource, select, union_is_a_set)."""
    import pyoxigraph as ox

    from mapper.publish.serve.dataset import embedded_select
    from mapper.publish.store.read import EmbeddedSource

    if request.param == "embedded":
        yield EmbeddedSource(ox.Store.read_only(str(store))), embedded_select(str(store)), True
        return
    from stores import oxigraph_source

    paths = [seed_dist / "dataset.nq", store.parent / "foreign.nq"]
    with oxigraph_source(paths, tmp_path_factory.mktemp("oxigraph")) as remote:
        yield remote, remote.select, False


def test_every_document_of_foreign_data_is_made(source) -> None:
    from mapper.publish.serve.app import StoreSite
    from mapper.publish.site.static import DEFAULT_LICENSE

    site = StoreSite(base=BASE, source=source[0], license=DEFAULT_LICENSE, query_timeout=30)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rdflib warns of the ill-typed literals it reads
        for stem in STEMS:
            assert site.resource(stem) == stem
            for suffix in SUFFIXES:
                assert site.document(stem, suffix), stem + suffix
        odd = site.document("entity/odd-1", ".html")
        tick = site.document("entity/%E2%9C%93", ".html")
    assert "abc" in odd and "NaN" in odd  # the quantity, as written
    assert "Ödd &#34;one&#34; &lt;b&gt;" in odd
    assert "2015-10-xx" in tick


def test_the_home_page_and_void_of_foreign_data_are_made(source) -> None:
    from mapper.publish.serve.dataset import dataset_files
    from mapper.publish.site.static import DEFAULT_LICENSE

    _, select, union_is_a_set = source
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = dataset_files(
            select, base=BASE, license=DEFAULT_LICENSE, union_is_a_set=union_is_a_set
        )
    home = files["index.html"]
    assert "Ödd" in home and "entity/%E2%9C%93.html" in home
    assert f"{BASE}entity/odd-1.html" in files["sitemap.xml"]
    assert "http://example.org/Thing" in files["void.ttl"]


def test_a_store_iri_with_escapes_unicode_or_a_question_mark_is_reached_over_http(
    store: Path, tmp_path: Path
) -> None:
    """The links to a resource whose IRI holds an escape (``%E2%9C%93``), a character
    outside ASCII (``grüße``) or a ``?`` lead to its page, from the home page and from a
    page that links to it; its IRI redirects there with a Location a client can send. A
    path that is no IRI (a broken escape) is a 404, not a server error."""
    import re
    from urllib.parse import urljoin, urlsplit

    import httpx
    from serving import serving

    wanted = {"%E2%9C%93": "<h1>%E2%9C%93</h1>", "grüße": "<h1>Grüße</h1>", "q?x=1": "<h1>Query"}
    log = tmp_path / "serve.log"
    with serving(["--store", str(store)], log) as (url, _), httpx.Client(timeout=30) as client:
        for page in (url, url + "entity/odd-1.html"):
            hrefs = re.findall(r'href="([^"]+)"', client.get(page).text)
            for iri, name in wanted.items():
                escaped = iri.replace("?", "%3F")
                [href] = {h for h in hrefs if h.rpartition("/")[2] == f"{escaped}.html"}
                answer = client.get(urljoin(page, href))
                assert answer.status_code == 200 and name in answer.text, (page, href)
        for iri in wanted:
            asked = url + "entity/" + iri.replace("?", "%3F")
            answer = client.get(asked, headers={"Accept": "text/turtle"})
            assert answer.status_code == 303, asked
            location = answer.headers["location"]
            assert location.isascii() and urlsplit(location).query == "", location
            assert client.get(urljoin(url, location)).status_code == 200, location
        for odd in ("entity/%ZZ.html", "entity/%E2%9C.html", "entity/%ZZ"):  # no IRI: 404
            assert client.get(url + odd).status_code == 404, odd
