"""The ASGI application of ``defrel serve --store``: pages, documents, the dataset description
and the SPARQL endpoint rendered on request from a store, with the static site's code and
bytes, so an archive needs no site folder and the server's memory does not grow with it.

Starlette does the HTTP: keep-alive, strong ETags and 304, Range and streaming on dump files,
gzip when asked.  Resource IRIs answer 303 to the document ``Accept`` chooses, as the site
server does (``serve/files.py``); queries run in worker processes (``serve/endpoint.py``).
"""

from __future__ import annotations

import contextlib
import json
import re
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from threading import Lock, RLock, Semaphore
from urllib.parse import parse_qs, urlsplit

import anyio.to_thread
from rdflib import URIRef
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ...errors import DefrelError
from ...rdf.vocab import CONTEXT_FILE, NS, context
from ..render.describe import PAGE_SIZE
from ..render.listing import LISTED
from ..render.negotiate import DOCUMENTS, EXTENSIONS, WELL_KNOWN
from ..store.memory import StoreMemory
from ..store.read import QuadSource, neighbourhood, resource_of
from ..store.refresh import StoreWatch
from .answers import (
    Headers,
    alternates,
    error,
    file_answer,
    see_other,
    send,
    url_path,
    wants_html,
)
from .endpoint import QueryPool
from .sparql_app import MAX_BODY, post, sparql

__all__ = ["MAX_BODY", "StoreSite", "dispatch", "make_app", "routed"]

ONTOLOGY_IRI = str(NS["defrel"]).rstrip("#")
# Bounded by size, not count: a state's page in a large archive lists thousands of facts.
# Kept compressed (zlib, fast level: a tenth of the size, a fraction of a millisecond to
# expand), so that the heaviest pages, the slowest to render, are never rendered per request.
CACHED_BYTES = 24 * 1024 * 1024  # rendered documents kept, compressed, all together
CACHED_ENTRY = CACHED_BYTES // 4  # and one of them at most
RENDERS = 2  # renderings at once (the machine's cores): more only hold more memory at once
DESCRIBED = 4  # neighbourhoods kept, for the documents of resources just asked for...
DESCRIBED_QUADS = 5_000  # ...if they are no larger than this
PAGE_COUNTS = 10_000  # resources whose number of pages is kept (for Link: rel="next")
DUMP_NAMES = ("dataset.nq", "dataset.ttl", "dataset.jsonld")
_PAGED = re.compile(r"^(.+)\.page([2-9]|[1-9][0-9]+)$")  # page n >= 2 of a description


@dataclass
class StoreSite:
    """What the app serves: descriptions read from ``source`` for IRIs under ``base``."""

    base: str
    source: QuadSource
    license: str
    query_timeout: float
    dumps: Path | None = None  # a folder `defrel build` wrote, for its dataset files
    # () -> {site path: zlib-packed text} of the home page, its lists, the VoID documents and
    # the sitemap (made once, begun as the server starts: serve/described.py)
    describe_dataset: Callable[[], dict[str, bytes]] | None = None
    _cache: OrderedDict = field(default_factory=OrderedDict)
    _lock: Lock = field(default_factory=Lock)
    _rendering: dict = field(default_factory=dict)  # site path -> the lock of its rendering
    _described_cache: OrderedDict = field(default_factory=OrderedDict)
    _cached_bytes: int = 0
    _renders: Semaphore = field(default_factory=lambda: Semaphore(RENDERS))
    page_size: int = PAGE_SIZE
    _page_counts: OrderedDict = field(default_factory=OrderedDict)
    watch: StoreWatch | None = None  # notices a `defrel load` into the store (store/refresh.py)
    memory: StoreMemory | None = None  # opens the store again when its readers grow
    _generation: int = 0  # of the data: what was read before a refresh is not kept

    @property
    def mount(self) -> str:
        return urlsplit(self.base).path

    @property
    def ontology_path(self) -> str | None:
        ontology = urlsplit(ONTOLOGY_IRI)
        return ontology.path if ontology.netloc == urlsplit(self.base).netloc else None

    @cached_property
    def fixed(self) -> dict[str, str]:
        """Files that do not depend on the data: the ontology's documents, the shapes, style,
        context."""
        from ..render.pages import template_text
        from ..site.static import SHAPES_FILE, _ontology, shapes_text

        files = _ontology(self.license)
        files[SHAPES_FILE] = shapes_text()
        files["style.css"] = template_text("style.css")
        files[CONTEXT_FILE] = json.dumps(context(), indent=2, ensure_ascii=False) + "\n"
        return files

    def resource(self, stem: str) -> str | None:
        """The site path (no suffix) of the resource ``{base}{stem}`` names, else None."""
        if stem in ("", "void"):
            return "void"
        if stem == "ontology":
            return stem
        found = resource_of(self.source, URIRef(self.base + stem))
        return None if found is None else str(found)[len(self.base) :]

    def listed(self, rel: str) -> str | None:
        """A file of the dataset's description (home page, lists, VoID, sitemap), if there."""
        packed = self.describe_dataset().get(rel)
        return None if packed is None else _expand(packed)

    def cached(self, stem: str, suffix: str, page: int = 1) -> str | None:
        """The document ``document`` gives, if it is kept; else None."""
        with self._lock:
            packed = self._cache.get((stem, page, suffix))
        return None if packed is None else _expand(packed)

    def document(self, stem: str, suffix: str, page: int = 1) -> str | None:
        """The text of the document ``{stem}{suffix}`` of the resource at ``stem`` (of page
        ``page`` of its description: ``{stem}.page{n}{suffix}``), None past its last page."""
        if stem == "ontology":
            return self.fixed[stem + suffix]
        if stem == "void":
            return self.listed("index.html" if suffix == ".html" else stem + suffix)
        key = (stem, page, suffix)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return _expand(self._cache[key])
            rendering = self._rendering.setdefault((stem, page), RLock())
        with rendering:  # one rendering per resource at a time: a burst renders it once
            with self._lock:
                if key in self._cache:
                    return _expand(self._cache[key])
            generation = self._generation
            with self._renders:
                text = self._render(stem, suffix, page)
            if self.memory is not None:
                self.memory.check()
            packed = None if text is None else zlib.compress(text.encode("utf-8"), 1)
            with self._lock:
                self._rendering.pop((stem, page), None)
                if generation != self._generation:
                    return text  # read from data since replaced: not kept
                if packed is not None and len(packed) <= CACHED_ENTRY and key not in self._cache:
                    self._cache[key] = packed
                    self._cached_bytes += len(packed)
                while self._cache and self._cached_bytes > CACHED_BYTES:
                    self._cached_bytes -= len(self._cache.popitem(last=False)[1])
        return text

    def _described(self, stem: str, page: int):
        """The catalogue of a resource's neighbourhood and its description's quads (the
        last few kept: a 303 is followed by a request for one of its documents); None past
        the description's last page."""
        with self._lock:
            if (stem, page) in self._described_cache:
                return self._described_cache[stem, page]
        iri = URIRef(self.base + stem)
        generation = self._generation
        cat = neighbourhood(self.source, iri, page, self.page_size)
        if cat is None:
            return None
        found = (cat, cat.describe(iri, page))
        if generation != self._generation:
            return found
        with self._lock:
            self._page_counts[stem] = cat.windows[iri].pages
            while len(self._page_counts) > PAGE_COUNTS:
                self._page_counts.popitem(last=False)
        if len(found[1]) > DESCRIBED_QUADS:
            return found
        with self._lock:
            self._described_cache[stem, page] = found
            while len(self._described_cache) > DESCRIBED:
                self._described_cache.popitem(last=False)
        return found

    def _render(self, stem: str, suffix: str, page: int) -> str | None:
        from ..render.documents import WRITERS
        from ..render.pages import resource_page
        from ..render.schemajson import schema_jsonld
        from ..render.views import Layout

        described = self._described(stem, page)
        if described is None:
            return None
        cat, quads = described
        if suffix != ".html":
            return WRITERS[suffix](quads)
        iri = URIRef(self.base + stem)
        layout = Layout(self.base, cat)
        jsonld = schema_jsonld(layout, iri, quads)
        return resource_page(layout, iri, jsonld=jsonld, license=self.license, page=page)

    def replace_source(
        self, source: QuadSource, describe_dataset: Callable[[], dict[str, bytes]] | None
    ) -> None:
        """Read from ``source`` from now on (the store was loaded again), forgetting every
        page, description and count made from the old one."""
        with self._lock:
            self.source, self.describe_dataset = source, describe_dataset
            self._generation += 1
            self._cache.clear()
            self._cached_bytes = 0
            self._described_cache.clear()
            self._page_counts.clear()

    def pages(self, stem: str) -> int | None:
        """How many pages the description of the resource at ``stem`` has, if counted (its
        pages are counted when one of them is read)."""
        with self._lock:
            return self._page_counts.get(stem)

    def dump(self, rel: str) -> Path | None:
        """A file of the dumps folder: ``dataset.*`` or ``articles/{slug}.*``, nothing else."""
        segments = rel.split("/")
        allowed = rel in DUMP_NAMES or (len(segments) == 2 and segments[0] == "articles")
        if self.dumps is None or not allowed or any(s in ("", ".", "..") for s in segments):
            return None
        path = self.dumps.joinpath(*segments)
        root = self.dumps.resolve()
        return path if path.is_file() and path.resolve().is_relative_to(root) else None


def _offers(stem: str) -> dict[str, str]:
    """Media type -> site path of each document of the resource at ``stem`` (the dataset's
    page is the home page)."""
    docs = {media: stem + suffix for suffix, media in DOCUMENTS.items()}
    if stem == "void":
        docs["text/html"] = "index.html"
    return docs


def _expand(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


async def _document(request: Request, rel: str) -> Response | None:
    """The document at site path ``rel`` (``entity/russia.ttl``), if there is one."""
    site: StoreSite = request.app.state.site
    name = rel.rsplit("/", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    media = EXTENSIONS.get(suffix, "application/octet-stream")
    if rel in site.fixed:
        return send(request, 200, site.fixed[rel].encode(), media)
    if rel.startswith(LISTED) or rel == "sitemap.xml":  # made with the home page
        text = await run_in_threadpool(site.listed, rel)
        return None if text is None else send(request, 200, text.encode(), media)
    stem = "void" if rel == "index.html" else rel[: -len(suffix)] if suffix else ""
    if suffix not in DOCUMENTS or stem in ("", "ontology") or rel == "void.html":
        return None
    paged = _PAGED.match(stem)
    stem, page = (paged[1], int(paged[2])) if paged else (stem, 1)
    text = await run_in_threadpool(site.cached, stem, suffix, page)  # (was a resource's)
    if text is None:
        if await run_in_threadpool(site.resource, stem) != stem:
            return None
        text = await run_in_threadpool(site.document, stem, suffix, page)
    if text is None:
        return None
    here = stem if page == 1 else f"{stem}.page{page}"
    headers = {"Link": alternates(site.mount, _offers(here), skip=rel)}
    if stem != "void":
        headers["Link"] += f', <{url_path(site.base + stem)}>; rel="describes"'
        described = site.pages(stem)
        for rel_name, n in (("prev", page - 1), ("next", page + 1)):
            if described is not None and 1 <= n <= described:
                target = stem if n == 1 else f"{stem}.page{n}"
                headers["Link"] += f', <{url_path(site.mount + target + suffix)}>; rel="{rel_name}"'
    return send(request, 200, text.encode(), media, headers)


async def routed(request: Request, offers: Callable[[str], dict[str, str]]) -> Response | str:
    """What both apps answer alike to a GET: the ontology's IRI and ``/.well-known/void``
    (303 to one of ``offers(stem)``), a path outside the base's (404; ``/`` leads to the
    base's), the SPARQL endpoint; else the site path asked for."""
    site = request.app.state.site
    path = request.scope["path"]  # decoded (request.url.path would end at a decoded "?")
    if site.ontology_path and path.rstrip("/") == site.ontology_path:
        return see_other(request, offers("ontology"))
    if path in ("/" + WELL_KNOWN, site.mount + WELL_KNOWN):
        return see_other(request, offers("void"))  # RFC 8615's place for VoID
    if not path.startswith(site.mount):
        if path == "/":
            return Response(status_code=303, headers={"Location": site.mount})
        return error(request, 404, f"nothing here: this server publishes {site.base}")
    rel = path[len(site.mount) :]
    if rel == "sparql":
        return await sparql(request, parse_qs(request.url.query, keep_blank_values=True))
    return rel


async def _get(request: Request) -> Response:
    site: StoreSite = request.app.state.site
    rel = await routed(request, _offers)
    if isinstance(rel, Response):
        return rel
    if rel == "" and wants_html(request):
        rel = "index.html"
    dump = site.dump(rel)
    if dump is not None:
        return file_answer(request, dump)
    spellings = _spellings(request, site, rel)
    for name in spellings if rel else ():
        found = await _document(request, name)
        if found is not None:
            return found
    for name in spellings:
        stem = await run_in_threadpool(site.resource, name)
        if stem is not None:
            return see_other(request, _offers(stem))
    return error(request, 404, f"no resource or document {site.base}{rel} here")


def _spellings(request: Request, site: StoreSite, rel: str) -> list[str]:
    """The site path asked for as sent (its escapes kept: ``entity/%E2%9C%93``, an IRI a
    store may hold), then as decoded (``entity/✓``, an IRI with the character itself)."""
    raw = request.scope.get("raw_path", b"").decode("latin-1")
    mount = url_path(site.mount)
    sent = raw[len(mount) :] if raw.startswith(mount) else None
    return [sent, rel] if sent is not None and sent != rel else [rel]


async def _any(request: Request) -> Response:
    watch = request.app.state.site.watch
    if watch is not None and watch.due():
        await run_in_threadpool(watch.check)
    return await dispatch(request, _get)


async def dispatch(request: Request, get: Callable) -> Response:
    """Answer ``request`` by its method (both servers' apps): GET and HEAD by ``get``, POST
    at the SPARQL endpoint, OPTIONS for CORS preflights, any other 501."""
    method = request.method
    try:
        if method in ("GET", "HEAD"):
            return await get(request)
        if method == "POST":
            return await post(request)
    except DefrelError as err:  # a store that fails mid-request: say so, stay up
        return error(request, 503, str(err))
    if method == "OPTIONS":
        allowed = "GET, HEAD, POST, OPTIONS"
        return Response(
            status_code=204,
            headers={
                "Allow": allowed,
                "Access-Control-Allow-Methods": allowed,
                "Access-Control-Allow-Headers": "Accept, Content-Type",
                "Access-Control-Max-Age": "86400",
            },
        )
    return error(request, 501, f"{method} is not supported: this server is read-only")


METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"]
THREADS = 8  # rendering holds the GIL: more threads only add memory (a malloc arena each)


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette):
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


def make_app(site, pool: QueryPool, route: Callable = _any) -> Starlette:
    """The ASGI app serving ``site`` (a ``StoreSite``; for ``serve/files.py``, a ``Site`` and its
    ``route``), its queries run by ``pool``."""
    app = Starlette(
        lifespan=_lifespan,
        routes=[Route("/{path:path}", route, methods=METHODS)],
        middleware=[Middleware(Headers), Middleware(GZipMiddleware, minimum_size=1024)],
    )
    app.state.site = site
    app.state.pool = pool
    return app
