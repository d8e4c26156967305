"""A real browser on ``defrel serve``: headless Chromium (Debian's package), driven over the
DevTools protocol on a pipe, loads every page reachable from the home page.  From the live DOM
the test reads each page's embedded JSON-LD, expands it with pyld (which may fetch nothing) and
compares its triples with the resource's Turtle; every link must resolve; the article page is
photographed to /tmp/defrel-article.png."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urlsplit

import pytest
from conftest import SEED_SLUG
from pyld import jsonld
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = "/tmp/defrel-article.png"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-proxy-server",
    "--remote-debugging-pipe",
]


class Browser:
    """Chromium with the DevTools protocol on fds 3 (its input) and 4 (its output)."""

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="defrel-chromium-")
        to_browser, self._out = os.pipe()
        self._in, from_browser = os.pipe()

        def wire() -> None:  # in the child: put the pipe ends on fds 3 and 4
            import fcntl

            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.proc = subprocess.Popen(  # noqa: PLW1509 - the pipe must sit on fds 3 and 4
            [CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=wire,
            close_fds=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer, self._id, self.events = b"", 0, []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Page.enable", session=True)

    def _message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._in], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(raw)

    def call(self, method: str, *, session: bool = False, timeout: float = 30, **params):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def load(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self.events.clear()
        result = self.call("Page.navigate", session=True, url=url)
        assert "errorText" not in result, f"{url}: {result}"
        deadline = time.monotonic() + 30
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._message(deadline))

    def evaluate(self, expression: str):
        result = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        return result["result"].get("value")

    def screenshot(self, path: str, width: int = 1280, height: int = 2000) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, 9)
            self.proc.wait()
        os.close(self._in)
        os.close(self._out)
        shutil.rmtree(self.profile, ignore_errors=True)


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
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is not installed: run scripts/setup.sh --test")
    chromium = Browser()
    yield chromium
    chromium.close()


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
    pages, _ = crawl
    compared = 0
    for url, facts in pages.items():
        doc = json.loads(facts["scripts"][0][1])
        assert isinstance(doc, dict) and "@context" in doc, url
        status, turtle = fetch(facts["turtle"])
        assert status == 200, facts["turtle"]
        expected = Graph().parse(data=turtle.decode(), format="turtle")
        assert isomorphic(triples_of_jsonld(facts["scripts"][0][1]), expected), url
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
