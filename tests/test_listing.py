"""The home page of a large dataset: the first resources of each group, and the whole groups
in list pages (``render/listing.py``); a sitemap index past the protocol's 50,000 URLs; VoID
without a subset per graph past ``VOID_SUBSETS``. The static site and ``serve --store`` (or
``--endpoint``) make the same files, the server reading the store with a few queries
(``store/overview.py``) instead of a catalogue of every type and label."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from rdflib import Dataset, Graph
from rdflib.namespace import VOID

from mapper.publish.render import listing, void
from mapper.publish.render.listing import index_groups, list_pages, list_path
from mapper.publish.render.void import sitemap_files

BASE = "https://w3id.org/defrel/data/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HREF = re.compile(r'<li><a href="([^"]+)">')


def _rows(count: int, group: int = 1) -> list[tuple]:
    return [
        (f"{BASE}entity/e{n:03d}", f"Name {n:03d}", "Person", group, f"entity/e{n:03d}.html")
        for n in range(count)
    ]


def test_a_small_group_is_listed_whole_on_the_home_page() -> None:
    [group] = index_groups(_rows(4), home_items=4, list_size=2)
    assert group["count"] == group["shown"] == 4 and group["more"] is None
    assert list_pages(_rows(4), base=BASE, license="x", home_items=4, list_size=2) == {}


def test_a_large_group_shows_its_first_items_and_is_listed_whole_in_pages() -> None:
    rows = _rows(11)
    [group] = index_groups(rows, home_items=3, list_size=4)
    assert group["name"] == "People" and (group["count"], group["shown"]) == (11, 3)
    assert group["more"] == "list/people.html" and group["pages"] == 3
    assert HREF.findall(str(group["html"])) == [
        "entity/e000.html",
        "entity/e001.html",
        "entity/e002.html",
    ]
    pages = list_pages(rows, base=BASE, license="x", home_items=3, list_size=4)
    assert list(pages) == [list_path("people", n) for n in (1, 2, 3)]
    assert list(pages) == ["list/people.html", "list/people.page2.html", "list/people.page3.html"]
    listed = [href for text in pages.values() for href in HREF.findall(text)]
    assert listed == [f"../{r[4]}" for r in rows]  # every row once, in order, from list/
    first, second, last = pages.values()
    assert '<link rel="next" href="people.page2.html">' in first and 'rel="prev"' not in first
    assert '<link rel="prev" href="people.html">' in second
    assert '<link rel="next" href="people.page3.html">' in second
    assert 'rel="next"' not in last and "page 3 of 3, 9 to 11" in last
    assert f'<link rel="canonical" href="{BASE}list/people.page2.html">' in second
    assert '"numberOfItems": 11' in first and '<link rel="stylesheet" href="../style.css">' in first


def test_a_label_is_escaped_in_the_list_pages() -> None:
    rows = [(f"{BASE}entity/x", "<b>&'x'", "", 6, "entity/x.html")] * 2
    pages = list_pages(rows, base=BASE, license="x", home_items=1, list_size=5)
    assert (
        '<li><a href="../entity/x.html">&lt;b&gt;&amp;&#39;x&#39;</a></li>'
        in pages["list/facts.html"]
    )


def test_a_sitemap_past_its_limit_is_an_index_of_parts() -> None:
    urls = [f"{BASE}entity/e{n}.html" for n in range(7)]
    assert list(sitemap_files(urls, BASE, most=7)) == ["sitemap.xml"]
    files = sitemap_files(urls, BASE, most=3)
    assert list(files) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{SITEMAP}sitemapindex"
    parts = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert parts == [f"{BASE}sitemap-{n}.xml" for n in (1, 2, 3)]
    listed = []
    for n in (1, 2, 3):
        part = ET.fromstring(files[f"sitemap-{n}.xml"])
        assert part.tag == f"{SITEMAP}urlset"
        found = [loc.text for loc in part.iter(f"{SITEMAP}loc")]
        assert 1 <= len(found) <= 3
        listed += found
    assert listed == sorted(urls)


@pytest.fixture()
def small_limits(monkeypatch) -> None:
    """The limits of a large dataset, made small enough for 12 articles (the site is built
    with one job: in this process)."""
    monkeypatch.setattr(listing, "HOME_ITEMS", 4)
    monkeypatch.setattr(listing, "LIST_SIZE", 5)
    monkeypatch.setattr(void, "SITEMAP_URLS", 40)
    monkeypatch.setattr(void, "VOID_SUBSETS", 5)


def _generate(folder: Path, articles: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate

    generate(folder, articles=articles, seed=5)


def _site(folder: Path, out: Path):
    from mapper.publish.site.static import build_site

    built = build_site([folder], out=out, base=BASE, jobs=1)
    assert built.ok, built.report.text()
    return built


def _published(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and ".defrel" not in p.parts
    }


@pytest.fixture()
def large(tmp_path: Path, small_limits) -> Path:
    _generate(tmp_path / "in", 12)
    _site(tmp_path / "in", tmp_path / "site")
    return tmp_path


def test_the_site_of_a_large_dataset_lists_its_groups_in_pages(large: Path) -> None:
    site = large / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    more = re.findall(r'by name: <a href="(list/[a-z]+\.html)">all ([0-9]+)</a>', home)
    assert len(more) >= 3, "several groups have more than 4 resources"
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "list").iterdir())
    for first, count in more:
        slug = first.removeprefix("list/").removesuffix(".html")
        own = [p for p in pages if re.fullmatch(rf"list/{slug}(\.page[0-9]+)?\.html", p)]
        assert len(own) == -(-int(count) // 5)
        hrefs = [h for p in own for h in HREF.findall((site / p).read_text(encoding="utf-8"))]
        assert len(hrefs) == len(set(hrefs)) == int(count)
        for href in hrefs:  # every link leads to a page of the site
            assert (site / "list" / href).resolve().is_file(), href
    assert len(HREF.findall(home)) <= 4 * 7
    sitemap = ET.fromstring((site / "sitemap.xml").read_bytes())
    assert sitemap.tag == f"{SITEMAP}sitemapindex"
    parts = [loc.text.removeprefix(BASE) for loc in sitemap.iter(f"{SITEMAP}loc")]
    urls = []
    for part in parts:
        urls += [loc.text for loc in ET.parse(site / part).iter(f"{SITEMAP}loc")]
    pages_html = [p for p in _published(site) if p.endswith(".html") and "/" in p]
    assert len(urls) == len(set(urls)) == len(pages_html) - len(pages) + 2  # + home, ontology
    described = Graph().parse(site / "void.ttl", format="turtle")
    assert not list(described.triples((None, VOID.subset, None)))  # 12 graphs: past 5
    assert list(described.triples((None, VOID.classPartition, None)))
    examples = sorted(map(str, described.objects(None, VOID.exampleResource)))
    articles = [e for e in examples if re.fullmatch(f"{BASE}article/[^/]+", e)]
    assert len(articles) == 3 and len(examples) == 6  # 3 of 12; a person, a state, an event


def test_a_site_that_shrinks_keeps_no_list_page_or_sitemap_part_it_no_longer_has(
    large: Path,
) -> None:
    """Rebuilt after most articles go, the site is a full build's: the list pages and the
    sitemap's parts it had are gone with them."""
    before = _published(large / "site")
    assert any(n.startswith("list/") for n in before) and "sitemap-1.xml" in before
    for facts in sorted((large / "in").glob("*.facts.yaml"))[2:]:
        facts.unlink()
        facts.with_name(facts.name.replace(".facts.yaml", ".txt")).unlink()
    shutil.copytree(large / "in", large / "in2")
    again = _site(large / "in", large / "site")
    full = _site(large / "in2", large / "full")
    after = _published(large / "site")
    html = [n for n in after if n.endswith(".html")]  # pages, home, ontology, lists
    assert again.pages == full.pages == len(html) and any(n.startswith("list/") for n in html)
    assert after == _published(large / "full")
    assert "sitemap-1.xml" not in after
    assert {n for n in before if n.startswith("list/")} - set(after)


@pytest.fixture(params=["embedded", "remote"])
def store_select(request, large: Path, tmp_path_factory):
    """The large site's data in a store, as ``dataset_files`` reads it: the embedded store
    (union default graph a set), or an Oxigraph server (any SPARQL store)."""
    from mapper.publish.serve.dataset import embedded_select
    from mapper.stores.embedded import load_store

    nquads = large / "site" / "dataset.nq"
    if request.param == "embedded":
        load_store([nquads], store=large / "store")
        yield embedded_select(str(large / "store")), True
        return
    from stores import oxigraph_source

    with oxigraph_source([nquads], tmp_path_factory.mktemp("oxigraph")) as source:
        yield source.select, False


def test_a_store_gives_the_sites_home_page_lists_void_and_sitemap(large, store_select) -> None:
    """Read from the store, the home page and its lists are the site's bytes (its JSON-LD the
    same data), VoID the same data (the dumps' sizes aside: a server states its own), and
    the sitemap the site's (no description here is long enough to have later pages)."""
    from test_serve_store import same_description

    from mapper.publish.serve.dataset import dataset_files
    from mapper.publish.site.static import DEFAULT_LICENSE

    select, union_is_a_set = store_select
    files = dataset_files(select, base=BASE, license=DEFAULT_LICENSE, union_is_a_set=union_is_a_set)
    site = _published(large / "site")
    listed = sorted(n for n in site if n.startswith(("list/", "sitemap")))
    assert listed and sorted(n for n in files if n.startswith(("list/", "sitemap"))) == listed
    for name in listed:
        assert files[name].encode() == site[name], name
    for name in ["index.html", *(f"void{s}" for s in (".ttl", ".jsonld", ".nt", ".nq", ".rdf"))]:
        same_description(name, files[name].encode(), site[name])  # (the dumps' facts aside)


@pytest.mark.parametrize("asked", [0, 10**9], ids=["labels-scanned", "labels-asked-by-name"])
@pytest.mark.parametrize("corpus", ["seed", "generated"])
def test_a_stores_overview_is_the_catalogues(
    corpus: str, asked: int, tmp_path: Path, monkeypatch
) -> None:
    """Every row of the home page (label, kind, group, link), class count, property, example
    and count, read from a store with ``store_overview``, is what the whole dataset's
    Catalogue gives: each label property read for every node, or for the resources still
    without a label only."""
    from mapper.publish.store import overview

    monkeypatch.setattr(overview, "ASKED", asked)
    from mapper.publish.render.describe import Catalogue
    from mapper.publish.serve.dataset import embedded_select
    from mapper.publish.site.static import overview_of
    from mapper.publish.store.overview import store_overview
    from mapper.stores.embedded import load_store

    folder = SEEDS
    if corpus == "generated":
        folder = tmp_path / "in"
        _generate(folder, 12)
    built = _site(folder, tmp_path / "site")
    nquads = tmp_path / "site" / "dataset.nq"
    load_store([nquads], store=tmp_path / "store")
    dataset = Dataset()
    dataset.parse(nquads, format="nquads")
    cat = Catalogue.of(dataset)
    wanted = overview_of(cat, BASE)
    found = store_overview(
        embedded_select(str(tmp_path / "store")), BASE, union_is_a_set=True, triples=cat.triples
    )
    assert found.rows == sorted(wanted.rows) and len(found.rows) > 50
    assert found.classes == {str(c): n for c, n in wanted.classes.items()}
    assert found.predicates == wanted.predicates
    assert sorted(found.articles) == sorted(wanted.articles)
    assert found.firsts == wanted.firsts and found.resources == wanted.resources
    assert found.triples == wanted.triples == built.triples


def test_the_server_answers_the_lists_and_sitemap_parts_over_http(large: Path) -> None:
    """``serve --store``'s app answers each list page and sitemap part of a large dataset
    with the site's bytes, and 404 for one it does not have."""
    import asyncio

    import httpx
    import pyoxigraph as ox

    from mapper.publish.serve.app import StoreSite, make_app
    from mapper.publish.serve.dataset import embedded_dataset_files
    from mapper.publish.site.static import DEFAULT_LICENSE
    from mapper.publish.store.read import EmbeddedSource
    from mapper.stores.embedded import load_store

    load_store([large / "site" / "dataset.nq"], store=large / "store")
    store = str(large / "store")
    made = embedded_dataset_files(store, base=BASE, license=DEFAULT_LICENSE)
    site = StoreSite(
        base=BASE,
        source=EmbeddedSource(ox.Store.read_only(store)),
        license=DEFAULT_LICENSE,
        query_timeout=5,
        describe_dataset=lambda: made,
    )
    files = _published(large / "site")
    listed = [n for n in files if n.startswith(("list/", "sitemap"))]
    assert len(listed) > 5

    async def fetch(names: list[str]) -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=make_app(site, pool=None))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return [await client.get(f"/defrel/data/{name}") for name in names]

    for name, answer in zip(listed, asyncio.run(fetch(listed)), strict=True):
        assert answer.status_code == 200 and answer.content == files[name], name
        media = "text/html" if name.endswith(".html") else "application/xml"
        assert answer.headers["content-type"].startswith(media)
    missing = ["list/nothing.html", "list/facts.page99.html", "sitemap-99.xml"]
    assert [a.status_code for a in asyncio.run(fetch(missing))] == [404] * 3


def test_a_node_sparql_cannot_name_is_listed_without_being_asked_about(monkeypatch) -> None:
    """A remote store may hold an IRI with a space or a brace: no query names it (it would
    not parse, and the home page would not be made); its row has its types and the last
    part of its IRI."""
    from rdflib import Literal, URIRef

    from mapper.publish.store import overview

    odd, plain = URIRef(f"{BASE}entity/odd {{x}}"), URIRef(f"{BASE}entity/plain")
    person = URIRef("https://schema.org/Person")
    asked: list[str] = []

    def select(query: str):
        asked.append(query)
        if "NOT IN" in query:  # the types that are not a detail's
            return [{"s": odd, "t": person}, {"s": plain, "t": person}]
        if "COUNT" in query:
            return [{"t": person, "n": Literal(2)}]
        if "VALUES" in query and "schema.org/name" in query:
            return [{"s": plain, "p": URIRef("https://schema.org/name"), "o": Literal("P")}]
        return []

    monkeypatch.setattr(overview, "ASKED", 10**9)  # every label asked for by name
    found = overview.store_overview(select, BASE, union_is_a_set=True, triples=2)
    assert not [q for q in asked if "odd {x}" in q]
    assert [(r[0], r[1], r[3]) for r in found.rows] == [
        (str(odd), "odd {x}", 1),
        (str(plain), "P", 1),
    ]
