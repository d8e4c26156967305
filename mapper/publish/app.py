"""The ASGI application of ``defrel serve --store``: pages, documents, the dataset description
and the SPARQL endpoint rendered on request from a store, with the static site's code and
bytes, so an archive needs no site folder and the server's memory does not grow with it.

Starlette does the HTTP: keep-alive, strong ETags and 304, Range and streaming on dump files,
gzip when asked.  Resource IRIs answer 303 to the document ``Accept`` chooses, as the site
server does (``serve.py``); queries run in worker processes (``sparql_endpoint.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from http import HTTPStatus
from pathlib import Path
from threading import Lock, RLock
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import anyio.to_thread
from rdflib import URIRef
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from ..errors import DefrelError, QueryError
from ..rdf.vocab import CONTEXT_FILE, NS, context
from .fromstore import QuadSource, neighbourhood, resource_of
from .negotiate import DOCUMENTS, EXTENSIONS, choose
from .sparql_endpoint import OFFERS, QueryPool, QueryTimeout, ReadOnly, ServerBusy

__all__ = ["MAX_BODY", "StoreSite", "make_app"]

MAX_BODY = 256 * 1024  # bytes of a POSTed query; SPARQL queries are small
ONTOLOGY_IRI = str(NS["defrel"]).rstrip("#")
CACHED = 1024  # rendered documents kept: a few MB
DESCRIBED = 16  # neighbourhoods kept, for the documents of resources just asked for
DUMP_NAMES = ("dataset.nq", "dataset.ttl", "dataset.jsonld")


@dataclass
class StoreSite:
    """What the app serves: descriptions read from ``source`` for IRIs under ``base``."""

    base: str
    source: QuadSource
    license: str
    query_timeout: float
    dumps: Path | None = None  # a folder `defrel build` wrote, for its dataset files
    describe_dataset: object = None  # () -> {site path: text} of the home page and VoID
    _cache: OrderedDict = field(default_factory=OrderedDict)
    _lock: Lock = field(default_factory=Lock)
    _rendering: dict = field(default_factory=dict)  # site path -> the lock of its rendering
    _described_cache: OrderedDict = field(default_factory=OrderedDict)

    @property
    def mount(self) -> str:
        return urlsplit(self.base).path

    @property
    def ontology_path(self) -> str | None:
        ontology = urlsplit(ONTOLOGY_IRI)
        return ontology.path if ontology.netloc == urlsplit(self.base).netloc else None

    @cached_property
    def fixed(self) -> dict[str, str]:
        """Files that do not depend on the data: the ontology's documents, style, context."""
        from .pages import template_text
        from .site import _ontology

        files = _ontology(self.license)
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

    def document(self, stem: str, suffix: str) -> str:
        """The text of the document ``{stem}{suffix}`` of the resource at ``stem``."""
        if stem in ("ontology", "void"):
            files = self.fixed if stem == "ontology" else self.describe_dataset()
            return files["index.html" if (stem, suffix) == ("void", ".html") else stem + suffix]
        key = stem + suffix
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            rendering = self._rendering.setdefault(stem, RLock())  # .html renders .jsonld
        with rendering:  # one rendering per resource at a time: a burst renders it once
            with self._lock:
                if key in self._cache:
                    return self._cache[key]
            text = self._render(stem, suffix)
            with self._lock:
                self._cache[key] = text
                self._rendering.pop(stem, None)
                while len(self._cache) > CACHED:
                    self._cache.popitem(last=False)
        return text

    def _described(self, stem: str):
        """The catalogue of a resource's neighbourhood and its description's quads (the
        last few kept: a 303 is followed by a request for one of its documents)."""
        with self._lock:
            if stem in self._described_cache:
                return self._described_cache[stem]
        iri = URIRef(self.base + stem)
        cat = neighbourhood(self.source, iri)
        found = (cat, cat.describe(iri))
        with self._lock:
            self._described_cache[stem] = found
            while len(self._described_cache) > DESCRIBED:
                self._described_cache.popitem(last=False)
        return found

    def _render(self, stem: str, suffix: str) -> str:
        from .pages import resource_page
        from .site import WRITERS
        from .views import Layout

        cat, quads = self._described(stem)
        if suffix != ".html":
            return WRITERS[suffix](quads)
        jsonld = self.document(stem, ".jsonld")
        iri = URIRef(self.base + stem)
        return resource_page(Layout(self.base, cat), iri, jsonld=jsonld, license=self.license)

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


def _link(site: StoreSite, docs: dict[str, str], skip: str | None = None) -> str:
    return ", ".join(
        f'<{site.mount}{path}>; rel="alternate"; type="{media}"'
        for media, path in docs.items()
        if path != skip
    )


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _fresh(request: Request, etag: str) -> bool:
    """Whether the client's If-None-Match names ``etag`` (or ``*``)."""
    header = request.headers.get("if-none-match", "")
    tags = {t.strip().removeprefix("W/").replace('-gzip"', '"') for t in header.split(",")}
    return etag in tags or "*" in tags


def _send(request: Request, status: int, body: bytes, media: str, headers=None) -> Response:
    headers = dict(headers or {})
    if status == 200:
        headers["ETag"] = _etag(body)
        if _fresh(request, headers["ETag"]):
            return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type=media, headers=headers)


def _wants_html(request: Request) -> bool:
    return choose(request.headers.get("accept"), ["text/html", "text/plain"]) == "text/html"


def _error(request: Request, status: int, message: str, headers=None, docs=None) -> Response:
    from .pages import page

    site: StoreSite = request.app.state.site
    reason = HTTPStatus(status).phrase
    if not _wants_html(request):
        text = f"{status} {reason}: {message}\n"
        for media, path in (docs or {}).items():
            text += f"  {media}: {site.mount}{path}\n"
        return _send(request, status, text.encode(), "text/plain", headers)
    html = page(
        "error.html",
        here="error.html",
        root=site.mount,
        title=f"{status} {reason}",
        jsonld='{"@context": {"schema": "https://schema.org/"}, "@type": "schema:WebPage"}',
        license=site.license,
        docs=[],
        status=status,
        reason=reason,
        message=message,
        options=[{"type": m, "href": site.mount + p} for m, p in (docs or {}).items()],
    )
    return _send(request, status, html.encode(), "text/html", headers)


def _negotiate(request: Request, stem: str) -> Response:
    site: StoreSite = request.app.state.site
    docs = _offers(stem)
    headers = {"Vary": "Accept", "Link": _link(site, docs)}
    media = choose(request.headers.get("accept"), list(docs))
    if media is None:
        return _error(request, 406, "none of the formats you accept is available", headers, docs)
    return Response(status_code=303, headers={"Location": site.mount + docs[media], **headers})


async def _document(request: Request, rel: str) -> Response | None:
    """The document at site path ``rel`` (``entity/russia.ttl``), if there is one."""
    site: StoreSite = request.app.state.site
    name = rel.rsplit("/", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    media = EXTENSIONS.get(suffix, "application/octet-stream")
    if rel in site.fixed:
        return _send(request, 200, site.fixed[rel].encode(), media)
    stem = "void" if rel == "index.html" else rel[: -len(suffix)] if suffix else ""
    if suffix not in DOCUMENTS or stem in ("", "ontology") or rel == "void.html":
        return None
    if await run_in_threadpool(site.resource, stem) != stem:
        return None
    text = await run_in_threadpool(site.document, stem, suffix)
    headers = {"Link": _link(site, _offers(stem), skip=rel)}
    if stem != "void":
        headers["Link"] += f', <{site.base}{stem}>; rel="describes"'
    return _send(request, 200, text.encode(), media, headers)


async def _get(request: Request) -> Response:
    site: StoreSite = request.app.state.site
    path = request.url.path
    if site.ontology_path and path.rstrip("/") == site.ontology_path:
        return _negotiate(request, "ontology")
    if not path.startswith(site.mount):
        if path == "/":
            return Response(status_code=303, headers={"Location": site.mount})
        return _error(request, 404, f"nothing here: this server publishes {site.base}")
    rel = path[len(site.mount) :]
    if rel == "sparql":
        return await _sparql(request, parse_qs(request.url.query, keep_blank_values=True))
    if rel == "" and _wants_html(request):
        rel = "index.html"
    dump = site.dump(rel)
    if dump is not None:
        return _file(request, dump)
    found = await _document(request, rel) if rel else None
    if found is not None:
        return found
    stem = await run_in_threadpool(site.resource, rel)
    if stem is None:
        return _error(request, 404, f"no resource or document {site.base}{rel} here")
    return _negotiate(request, stem)


def _file(request: Request, path: Path) -> Response:
    """A dump, streamed from disk (Range, ETag and 304 by Starlette's FileResponse)."""
    suffix = path.suffix
    media = EXTENSIONS.get(suffix, "application/octet-stream")
    response = FileResponse(path, media_type=media, stat_result=path.stat())
    if _fresh(request, response.headers["etag"]):
        return Response(status_code=304, headers={"ETag": response.headers["etag"]})
    return response


async def _read_body(request: Request) -> bytes | Response:
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        return _error(request, 411, "send the query with a Content-Length header")
    if int(length) > MAX_BODY:
        response = _error(request, 413, f"a query may be at most {MAX_BODY} bytes")
        response.headers["Connection"] = "close"
        return response
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:  # a client sending more than it said
            return _error(request, 413, f"a query may be at most {MAX_BODY} bytes")
    return body


async def _post(request: Request) -> Response:
    site: StoreSite = request.app.state.site
    if request.url.path != site.mount + "sparql":
        return _error(request, 405, "only the SPARQL endpoint takes POST", {"Allow": "GET, HEAD"})
    body = await _read_body(request)
    if isinstance(body, Response):
        return body
    text = body.decode("utf-8", errors="replace")
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media == "application/x-www-form-urlencoded":
        return await _sparql(request, parse_qs(text, keep_blank_values=True))
    if media == "application/sparql-query":
        return await _sparql(request, {"query": [text]})
    if media == "application/sparql-update":
        return _error(request, 403, "updates are not accepted: this endpoint is read-only")
    return _error(
        request,
        415,
        "POST a query as application/sparql-query or application/x-www-form-urlencoded",
    )


async def _sparql(request: Request, params: dict[str, list[str]]) -> Response:
    from .sparql_page import form_page, results_body

    site: StoreSite = request.app.state.site
    pool: QueryPool = request.app.state.pool
    handler = SimpleNamespace(site=site, query_timeout=site.query_timeout)
    if "update" in params:
        return _error(request, 403, "updates are not accepted: this endpoint is read-only")
    if {"default-graph-uri", "named-graph-uri"} & params.keys():
        return _error(
            request,
            400,
            "default-graph-uri and named-graph-uri are not supported: the default graph is "
            "the union of all graphs; use GRAPH <name> { … } for one",
        )
    queries = params.get("query", [])
    if not queries or not queries[0].strip():
        if _wants_html(request):
            return _send(request, 200, form_page(handler, "").encode(), "text/html")
        return _error(request, 400, "no query: give it as ?query=… or POST it")
    if len(queries) > 1:
        return _error(request, 400, "give exactly one query parameter")
    try:
        answer = await run_in_threadpool(pool.run, queries[0], accept=request.headers.get("accept"))
    except ReadOnly as err:
        return _error(request, 403, str(err))
    except ServerBusy as err:
        return _error(request, 503, str(err), {"Retry-After": "1"})
    except QueryTimeout as err:
        return _error(request, 503, str(err))
    except QueryError as err:
        if _wants_html(request):
            html = form_page(handler, queries[0], error=str(err))
            return _send(request, 400, html.encode(), "text/html")
        return _error(request, 400, str(err))
    if answer.media is None:
        offers = ", ".join(OFFERS[answer.kind])
        return _error(request, 406, f"{answer.kind} results come as {offers}", {"Vary": "Accept"})
    body = answer.text
    if answer.media == "text/html":
        body = results_body(handler, queries[0], answer)
    return _send(request, 200, body.encode(), answer.media, {"Vary": "Accept"})


async def _any(request: Request) -> Response:
    method = request.method
    try:
        if method in ("GET", "HEAD"):
            return await _get(request)
        if method == "POST":
            return await _post(request)
    except DefrelError as err:  # a store that fails mid-request: say so, stay up
        return _error(request, 503, str(err))
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
    return _error(request, 501, f"{method} is not supported: this server is read-only")


class _Headers:
    """Every response says any origin may read it and which headers a script may see; a
    gzipped answer gets its own strong ETag (``"…-gzip"``: another representation)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if (b"content-encoding", b"gzip") in headers:
                    headers = [(k, v[:-1] + b'-gzip"' if k == b"etag" else v) for k, v in headers]
                headers += [
                    (b"access-control-allow-origin", b"*"),
                    (b"access-control-expose-headers", b"Link, Location, Content-Type, Vary"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"]
THREADS = 8  # rendering holds the GIL: more threads only add memory (a malloc arena each)


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette):
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


def make_app(site: StoreSite, pool: QueryPool) -> Starlette:
    """The ASGI app serving ``site``, its queries run by ``pool``."""
    app = Starlette(
        lifespan=_lifespan,
        routes=[Route("/{path:path}", _any, methods=METHODS)],
        middleware=[Middleware(_Headers), Middleware(GZipMiddleware, minimum_size=1024)],
    )
    app.state.site = site
    app.state.pool = pool
    return app
