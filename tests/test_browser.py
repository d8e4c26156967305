"""A real browser on ``defrel serve``: headless Chromium (Debian's package), driven by
Playwright for Python, loads every page reachable from the home page (any request off the
local server is aborted).  From the live DOM the test reads each page's embedded JSON-LD,
expands it with pyld (which may fetch nothing) and compares its triples with the resource's
Turtle; every link must resolve; the article page is photographed to /tmp/defrel-article.png.

Playwright drives the system's Chromium (``executable_path``): its own browser download is
neither possible here nor needed."""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from conftest import SEED_SLUG
from playwright.sync_api import Page, sync_playwright
from pyld import jsonld
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = "/tmp/defrel-article.png"
SCHEMA_URL = URIRef("https://schema.org/url")


class Browser:
    """One Chromium page under Playwright, that reaches only the server under test."""

    def __init__(self, host: str) -> None:
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        self.page: Page = self._browser.new_page(viewport={"width": 1280, "height": 2000})
        self.page.set_default_timeout(30_000)
        self.refused: list[str] = []
        self.hosts = [host]  # the servers it may reach

        def local_only(route) -> None:
            url = route.request.url
            if url.startswith((*self.hosts, "data:", "about:")):
                route.continue_()
            else:
                self.refused.append(url)
                route.abort()

        self.page.route("**/*", local_only)

    def load(self, url: str) -> None:
        """Navigate and wait for the load event."""
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response and response.status}"

    def evaluate(self, expression: str):
        return self.page.evaluate(expression)

    def screenshot(self, path: str) -> None:
        self.page.screenshot(path=path)

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


# What the tests read from each page's live DOM.
READ_PAGE = """(() => ({
  scripts: Array.from(document.scripts).map(s => [s.type, s.textContent]),
  links: Array.from(document.querySelectorAll('a[href], link[href]')).map(a => a.href),
  turtle: (document.querySelector('link[rel=alternate][type="text/turtle"]') || {}).href,
  h1: document.querySelectorAll('h1').length,
  lang: document.documentElement.lang,
  imagesWithoutAlt: document.querySelectorAll('img:not([alt])').length,
  title: document.title,
}))()"""

# WCAG 2 contrast of every text-bearing element's colour against its background.
CONTRAST = """(() => {
  const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const bg = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
    if (!c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
  let worst = 99;
  for (const el of document.querySelectorAll('p, a, mark, td, th, li, dd, dt, h1, h2, figcaption, div')) {
    if (!el.textContent.trim()) continue;
    const [a, b] = [lum(getComputedStyle(el).color), lum(bg(el))];
    worst = Math.min(worst, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
  }
  return worst;
})()"""


def refuse_remote(url, options=None):
    raise jsonld.JsonLdError(
        f"refused to load {url}: the JSON-LD must be self-contained",
        "jsonld.LoadDocumentError",
        code="loading document failed",
    )


def triples_of_jsonld(text: str) -> Graph:
    nquads = jsonld.to_rdf(
        json.loads(text), {"format": "application/n-quads", "documentLoader": refuse_remote}
    )
    graph = Graph()
    for s, p, o, _ in Dataset().parse(data=nquads, format="nquads").quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, b""


@pytest.fixture(scope="module")
def browser(seed_server):
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is not installed: run scripts/setup.sh --test")
    chromium = Browser("{0.scheme}://{0.netloc}/".format(urlsplit(seed_server)))
    yield chromium
    chromium.close()
    assert not chromium.refused, f"pages asked for off-site resources: {chromium.refused[:3]}"


@pytest.fixture(scope="module")
def crawl(browser, seed_server):
    """Every page reachable from the home page, read from the live DOM: url -> facts."""
    host = "{0.scheme}://{0.netloc}".format(urlsplit(seed_server))
    todo, pages, others = [seed_server], {}, set()
    while todo:
        url = todo.pop()
        if url in pages:
            continue
        browser.load(url)
        pages[url] = browser.evaluate(READ_PAGE)
        for link in pages[url]["links"]:
            link = urldefrag(link)[0]
            if not link.startswith(host):
                continue  # external vocabularies and licences: the test reaches no network
            if link.endswith(".html") or link == seed_server:
                todo.append(link)
            else:
                others.add(link)
    return pages, others


def test_every_page_is_reached_and_every_link_resolves(crawl, seed_site) -> None:
    pages, others = crawl
    html = {p.relative_to(seed_site).as_posix() for p in seed_site.rglob("*.html")}
    assert len(pages) == len(html) + 1  # the home page also as the base IRI itself
    for url in others:
        status, _ = fetch(url)
        assert status == 200, url


def test_pages_work_without_scripts_and_are_accessible(crawl, browser, seed_server) -> None:
    pages, _ = crawl
    for url, facts in pages.items():
        assert [kind for kind, _ in facts["scripts"]] == ["application/ld+json"], url
        assert facts["h1"] == 1 and facts["lang"] and facts["title"], url
        assert facts["imagesWithoutAlt"] == 0, url
    for path in (f"article/{SEED_SLUG}.html", "entity/russia.html", "index.html"):
        browser.load(seed_server + path)
        assert browser.evaluate(CONTRAST) >= 4.5, path


def test_embedded_jsonld_has_the_triples_of_the_turtle(crawl) -> None:
    """The page embeds the compact schema.org profile: every triple it states is one of the
    resource's Turtle, except one URL per evidence link (the quote's anchor on the article
    page); the full description is the .jsonld document, the same graph as the Turtle."""
    pages, _ = crawl
    compared = 0
    for url, facts in pages.items():
        doc = json.loads(facts["scripts"][0][1])
        assert isinstance(doc, dict) and "@context" in doc, url
        assert "@graph" not in doc or url.endswith("/ontology.html"), url  # the whole ontology
        status, turtle = fetch(facts["turtle"])
        assert status == 200, facts["turtle"]
        expected = Graph().parse(data=turtle.decode(), format="turtle")
        embedded = triples_of_jsonld(facts["scripts"][0][1])
        if "@graph" in doc:  # the ontology's page embeds the whole ontology (blank nodes)
            assert isomorphic(embedded, expected), url
            compared += 1
            continue
        extra = [
            (s, p, o)
            for s, p, o in embedded - expected
            if not (p == SCHEMA_URL and "/evidence/" in s and ".html#ev-" in o)
        ]
        assert len(embedded) >= 2 and not extra, (url, extra[:3])
        status, full = fetch(facts["turtle"].removesuffix(".ttl") + ".jsonld")
        assert status == 200, url
        assert isomorphic(triples_of_jsonld(full.decode()), expected), url
        compared += 1
    assert compared == len(pages)


def test_pyld_fetches_nothing() -> None:
    with pytest.raises(jsonld.JsonLdError):
        triples_of_jsonld(json.dumps({"@context": "https://schema.org/", "name": "x"}))


def test_screenshot_of_the_article_page(browser, seed_server) -> None:
    browser.load(f"{seed_server}article/{SEED_SLUG}.html")
    marks = browser.evaluate("document.querySelectorAll('.article-text mark').length")
    refs = browser.evaluate("document.querySelectorAll('.article-text a.ref').length")
    assert marks > 50 and refs == 90
    browser.screenshot(SCREENSHOT)
    with open(SCREENSHOT, "rb") as shot:
        data = shot.read()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 50_000


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    """A site of 12 generated articles, built with the limits of a large dataset made small
    (4 resources a group on the home page, list pages of 5)."""
    from test_listing import _generate, _site

    from mapper.publish.render import listing

    folder = tmp_path_factory.mktemp("large")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(listing, "HOME_ITEMS", 4)
        patch.setattr(listing, "LIST_SIZE", 5)
        _generate(folder / "in", 12)
        _site(folder / "in", folder / "site")
    return folder / "site"


NEXT = "(document.querySelector('link[rel=next]') || {}).href || null"
MORE = "Array.from(document.querySelectorAll('main p a[href^=\"list/\"]')).map(a => a.href)"


def test_a_large_groups_list_pages_work_in_the_browser(
    large_site: Path, browser: Browser, tmp_path
) -> None:
    """From the home page to each group's list, page after page by rel="next": one h1, a
    language, a title, only JSON-LD for script (a schema.org CollectionPage, self-contained),
    readable contrast, and every link of the site resolving."""
    from serving import serving

    with serving(["--site", str(large_site)], tmp_path / "serve.log") as (url, _):
        host = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        chromium = browser
        chromium.hosts.append(host + "/")
        try:
            chromium.load(url)
            firsts = chromium.evaluate(MORE)
            assert len(firsts) >= 3, "several groups are larger than the home page shows"
            pages = []
            for page in firsts:
                while page:
                    chromium.load(page)
                    facts = chromium.evaluate(READ_PAGE)
                    assert facts["h1"] == 1 and facts["lang"] and facts["title"], page
                    [(kind, text)] = facts["scripts"]
                    assert kind == "application/ld+json"
                    graph = triples_of_jsonld(text)
                    assert (URIRef(page.replace(host, "https://w3id.org")), None, None) in graph
                    assert chromium.evaluate(CONTRAST) >= 4.5, page
                    for link in {urldefrag(a)[0] for a in facts["links"]}:
                        if link.startswith(host):
                            assert fetch(link)[0] == 200, (page, link)
                    pages.append(page)
                    page = chromium.evaluate(NEXT)
        finally:
            chromium.hosts.remove(host + "/")
    on_disk = sorted(p.relative_to(large_site).as_posix() for p in (large_site / "list").iterdir())
    assert sorted(p.split("/defrel/data/", 1)[1] for p in pages) == on_disk
