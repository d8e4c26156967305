"""Serve a built site over HTTP as linked data: documents as files, resource IRIs answered
with 303 See Other to the document the ``Accept`` header chooses (406 if none), ``Link``
headers to the other formats, CORS, and a read-only SPARQL endpoint at ``{base}sparql``.

The server answers for the base IRI's path: with base ``https://w3id.org/defrel/data/``,
``http://127.0.0.1:8000/defrel/data/entity/russia`` stands for ``{base}entity/russia``, and
``/defrel/ontology`` for the ontology IRI (same host).  Python's ThreadingHTTPServer is enough
for static files and a few routes; queries run in worker processes (``sparql_endpoint.py``).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import version
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from rdflib import Graph
from rdflib.namespace import VOID

from ..errors import InputError, QueryError
from ..rdf.vocab import NS
from .negotiate import DOCUMENTS, EXTENSIONS, WELL_KNOWN, asks_html, choose
from .sparql_endpoint import OFFERS, QueryPool, QueryTimeout, ReadOnly, ServerBusy
from .sparql_protocol import SD_OFFERS, request_dataset, service_answer

__all__ = ["MAX_BODY", "Site", "serve"]

MAX_BODY = 256 * 1024  # bytes of a POSTed query; SPARQL queries are small
ONTOLOGY_IRI = str(NS["defrel"]).rstrip("#")


@dataclass(frozen=True)
class Site:
    """A folder written by ``defrel site``, and the base IRI it was built for."""

    root: Path
    base: str
    mount: str  # the base IRI's path: where the site sits on this server
    ontology_path: str | None  # the ontology IRI's path, if it shares the base's host
    license: str = ""

    @classmethod
    def open(cls, root: Path) -> Site:
        void = root / "void.ttl"
        if not (root / "index.html").is_file() or not void.is_file():
            raise InputError(
                f"{root} is not a site built by defrel (no index.html or void.ttl)",
                hint="run `defrel site` first, or pass --site DIR",
            )
        graph = Graph().parse(void, format="turtle")
        base = next(graph.objects(None, VOID.uriSpace), None)
        license = next(graph.objects(None, NS["dcterms"].license), None)
        if base is None:
            raise InputError(f"{void} has no void:uriSpace", hint="rebuild it with `defrel site`")
        parts, ontology = urlsplit(str(base)), urlsplit(ONTOLOGY_IRI)
        same_host = ontology.netloc == parts.netloc
        ontology_path = ontology.path if same_host else None
        return cls(root.resolve(), str(base), parts.path, ontology_path, str(license or ""))

    def file(self, rel: str) -> Path | None:
        """The file at site path ``rel``, never outside the site."""
        segments = rel.split("/")
        if not rel or rel.startswith("/") or any(s in ("", ".", "..") for s in segments):
            return None
        path = self.root.joinpath(*segments)
        return path if path.is_file() and path.resolve().is_relative_to(self.root) else None

    def documents(self, resource: str) -> dict[str, str]:
        """Media type -> site path of each document of a resource (empty if none)."""
        if resource in ("", "void"):
            docs = {"text/html": "index.html"}
            docs.update({m: f"void{s}" for s, m in DOCUMENTS.items() if s != ".html"})
            return docs
        return {m: resource + s for s, m in DOCUMENTS.items() if self.file(resource + s)}

    def resource_for(self, rel: str) -> str | None:
        """The resource a path names: itself, or for a detail (evidence, time, quantity)
        the resource whose IRI is its longest prefix."""
        while rel:
            if self.documents(rel):
                return rel
            rel = rel.rpartition("/")[0]
        return None


def _link(docs: dict[str, str], mount: str, skip: str | None = None) -> str:
    return ", ".join(
        f'<{mount}{path}>; rel="alternate"; type="{media}"'
        for media, path in docs.items()
        if path != skip
    )


class Handler(BaseHTTPRequestHandler):
    """One request; the site, query pool and time limit are set by ``serve``."""

    site: Site
    pool: QueryPool
    query_timeout: float
    timeout = 30  # seconds one read from the client may take
    request_deadline = 30.0  # seconds the whole request (line, headers, body) may take
    server_version = f"defrel/{version('defrel')}"

    # --- plumbing ---------------------------------------------------------------------------

    def handle_one_request(self) -> None:
        """Read and answer one request, within ``request_deadline`` for reading it in full.

        The socket timeout bounds each read, not their sum: a client sending one header line
        every few seconds would hold a thread for as long as it liked.  A timer closes the
        connection (after a 408) if the request is still being read at the deadline; the
        answer itself is bounded by the query time limit and the socket timeout."""
        self._reading = True
        timer = threading.Timer(self.request_deadline, self._too_slow)
        timer.daemon = True
        timer.start()
        try:
            super().handle_one_request()
        finally:
            timer.cancel()

    def _too_slow(self) -> None:
        if not self._reading:
            return
        with contextlib.suppress(OSError):  # the client may be gone already
            self.connection.sendall(
                b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
            )
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def parse_request(self) -> bool:
        ok = super().parse_request()
        # a GET, HEAD or OPTIONS request is read once its headers are; a POST once its body is
        self._reading = ok and self.command == "POST"
        return ok

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "Link, Location, Content-Type, Vary")
        super().end_headers()

    def _send(self, status: int, body: bytes, media: str, headers: dict | None = None) -> None:
        self.send_response(status)
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        self.send_header("Content-Type", media + charset)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _wants_html(self) -> bool:
        return asks_html(self.headers.get("Accept"))

    def _error(self, status: int, message: str, headers: dict | None = None, docs=None) -> None:
        from .pages import page

        reason = HTTPStatus(status).phrase
        if not self._wants_html():
            text = f"{status} {reason}: {message}\n"
            for media, path in (docs or {}).items():
                text += f"  {media}: {self.site.mount}{path}\n"
            self._send(status, text.encode(), "text/plain", headers)
            return
        html = page(
            "error.html",
            here="error.html",
            root=self.site.mount,
            title=f"{status} {reason}",
            jsonld='{"@context": {"schema": "https://schema.org/"}, "@type": "schema:WebPage"}',
            license=self.site.license,
            docs=[],
            status=status,
            reason=reason,
            message=message,
            options=[{"type": m, "href": self.site.mount + p} for m, p in (docs or {}).items()],
        )
        self._send(status, html.encode(), "text/html", headers)

    # --- methods ----------------------------------------------------------------------------

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        site = self.site
        if site.ontology_path and path.rstrip("/") == site.ontology_path:
            return self._negotiate("ontology")
        if path in ("/" + WELL_KNOWN, site.mount + WELL_KNOWN):
            return self._negotiate("void")  # RFC 8615's place for VoID: its documents
        if not path.startswith(site.mount):
            if path == "/":
                return self._redirect(site.mount)
            return self._error(404, f"nothing here: this server publishes {site.base}")
        rel = path[len(site.mount) :]
        if rel == "sparql":
            return self._sparql(parse_qs(parts.query, keep_blank_values=True))
        home = choose(self.headers.get("Accept"), ["text/html", "text/plain"]) == "text/html"
        if rel == "" and home:
            return self._file("index.html", site.root / "index.html")
        found = site.file(rel)
        if found is not None:
            return self._file(rel, found)
        resource = site.resource_for(rel) if rel else ""
        if resource is None:
            return self._error(404, f"no resource or document {site.base}{rel} in this site")
        return self._negotiate(resource)

    def do_POST(self) -> None:  # noqa: N802
        rel = unquote(urlsplit(self.path).path).removeprefix(self.site.mount)
        if rel != "sparql" or not unquote(urlsplit(self.path).path).startswith(self.site.mount):
            return self._error(405, "only the SPARQL endpoint takes POST", {"Allow": "GET, HEAD"})
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return self._error(411, "send the query with a Content-Length header")
        if int(length) > MAX_BODY:
            self.close_connection = True
            return self._error(413, f"a query may be at most {MAX_BODY} bytes")
        body = self.rfile.read(int(length)).decode("utf-8", errors="replace")
        self._reading = False
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/x-www-form-urlencoded":
            return self._sparql(parse_qs(body, keep_blank_values=True))
        if media == "application/sparql-query":
            return self._sparql({"query": [body]})
        if media == "application/sparql-update":
            return self._error(403, "updates are not accepted: this endpoint is read-only")
        return self._error(
            415,
            "POST a query as application/sparql-query or application/x-www-form-urlencoded",
        )

    # --- answers ----------------------------------------------------------------------------

    def _redirect(self, location: str, headers: dict | None = None) -> None:
        self._send(303, b"", "text/plain", {"Location": location, **(headers or {})})

    def _file(self, rel: str, path: Path) -> None:
        suffix = "." + rel.rsplit(".", 1)[-1] if "." in rel.rsplit("/", 1)[-1] else ""
        media = EXTENSIONS.get(suffix, "application/octet-stream")
        headers = {}
        stem = rel[: -len(suffix)] if suffix else rel
        if suffix in DOCUMENTS:
            resource = "" if rel == "index.html" else stem
            docs = self.site.documents(resource)
            headers["Link"] = _link(docs, self.site.mount, skip=rel)
            if resource and resource != "void":
                headers["Link"] += f', <{self.site.base}{resource}>; rel="describes"'
        self._send(200, path.read_bytes(), media, headers)

    def _negotiate(self, resource: str) -> None:
        docs = self.site.documents(resource)
        headers = {"Vary": "Accept", "Link": _link(docs, self.site.mount)}
        media = choose(self.headers.get("Accept"), list(docs))
        if media is None:
            return self._error(406, "none of the formats you accept is available", headers, docs)
        self._redirect(self.site.mount + docs[media], headers)

    def _sparql(self, params: dict[str, list[str]]) -> None:
        from .sparql_page import form_page, results_body

        accept = self.headers.get("Accept")
        if "update" in params:
            return self._error(403, "updates are not accepted: this endpoint is read-only")
        queries = params.get("query", [])
        if not queries or not queries[0].strip():
            found = service_answer(accept, base=self.site.base)
            if self.command == "POST" and not self._wants_html():
                return self._error(400, "no query: give it as ?query=… or POST it")
            if self.command == "POST" or (found is not None and found[1] is None):
                return self._send(200, form_page(self, "").encode(), "text/html")
            if found is None:
                offers = ", ".join(SD_OFFERS)
                return self._error(406, f"the service description comes as {offers}")
            return self._send(200, found[1].encode(), found[0], {"Vary": "Accept"})
        if len(queries) > 1:
            return self._error(400, "give exactly one query parameter")
        try:
            answer = self.pool.run(queries[0], accept=accept, dataset=request_dataset(params))
        except ReadOnly as err:
            return self._error(403, str(err))
        except ServerBusy as err:
            return self._error(503, str(err), {"Retry-After": "1"})
        except QueryTimeout as err:
            return self._error(503, str(err))
        except QueryError as err:
            if self._wants_html():
                html = form_page(self, queries[0], error=str(err))
                return self._send(400, html.encode(), "text/html")
            return self._error(400, str(err))
        if answer.media is None:
            offers = ", ".join(OFFERS[answer.kind])
            return self._error(406, f"{answer.kind} results come as {offers}", {"Vary": "Accept"})
        body = answer.text
        if answer.media == "text/html":
            body = results_body(self, queries[0], answer)
        self._send(200, body.encode(), answer.media, {"Vary": "Accept"})


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class _Server6(_Server):
    address_family = socket.AF_INET6


def serve(
    *,
    site_dir: Path,
    host: str,
    port: int,
    timeout: float,
    workers: int,
    ready: Callable[[str], None],
    request_timeout: float = 30.0,
) -> None:
    """Serve ``site_dir`` until interrupted; call ``ready`` with the site's URL once listening.

    ``timeout`` bounds a SPARQL query, ``request_timeout`` the reading of a whole request."""
    site = Site.open(site_dir)
    pool = QueryPool([site.root / "dataset.nq"], workers=workers, timeout=timeout)
    handler = type(
        "SiteHandler",
        (Handler,),
        {
            "site": site,
            "pool": pool,
            "query_timeout": timeout,
            "request_deadline": request_timeout,
        },
    )
    try:
        server = (_Server6 if ":" in host else _Server)((host, port), handler)
    except OSError as err:
        pool.close()
        raise InputError(
            f"cannot listen on {host}:{port}: {err.strerror or err}",
            hint="choose another --port (0 picks a free one), or stop what is using it",
        ) from None
    shown = f"[{host}]" if ":" in host else host
    try:
        ready(f"http://{shown}:{server.server_port}{site.mount}")
        server.serve_forever()
    finally:
        server.server_close()
        pool.close()
