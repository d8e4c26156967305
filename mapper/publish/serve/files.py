"""Serve a built site over HTTP as linked data: documents as files, resource IRIs answered
with 303 See Other to the document the ``Accept`` header chooses (406 if none), ``Link``
headers to the other formats, CORS, and a read-only SPARQL endpoint at ``{base}sparql``.

The server answers for the base IRI's path: with base ``https://w3id.org/defrel/data/``,
``http://127.0.0.1:8000/defrel/data/entity/russia`` stands for ``{base}entity/russia``, and
``/defrel/ontology`` for the ontology IRI (same host).  The HTTP is the ``--store`` server's
(``serve/app.py``, ``serve/run.py``: Starlette on uvicorn): HTTP/1.1 keep-alive, files streamed from
disk with ETag, 304 and Range, gzip when asked, a deadline for reading each request; queries
run in worker processes (``serve/endpoint.py``) on the site's ``dataset.nq``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import Graph
from rdflib.namespace import VOID
from starlette.requests import Request
from starlette.responses import Response

from ...errors import InputError
from ...rdf.vocab import NS
from ..render.negotiate import DOCUMENTS
from .answers import alternates, error, file_answer, see_other, wants_html
from .app import dispatch, make_app, routed
from .endpoint import QueryPool
from .run import run_app
from .sparql_app import MAX_BODY

__all__ = ["MAX_BODY", "Site", "serve"]

ONTOLOGY_IRI = str(NS["defrel"]).rstrip("#")


@dataclass(frozen=True)
class Site:
    """A folder written by ``defrel site``, and the base IRI it was built for."""

    root: Path
    base: str
    mount: str  # the base IRI's path: where the site sits on this server
    ontology_path: str | None  # the ontology IRI's path, if it shares the base's host
    license: str = ""
    query_timeout: float = 30.0  # seconds a SPARQL query may take (named on the query form)

    @classmethod
    def open(cls, root: Path, query_timeout: float = 30.0) -> Site:
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
        site = (root.resolve(), str(base), parts.path, ontology_path, str(license or ""))
        return cls(*site, query_timeout=query_timeout)

    def file(self, rel: str) -> Path | None:
        """The file at site path ``rel``, never outside the site, nor a hidden one (the build's
        state in ``.defrel/`` names the facts files on this machine)."""
        segments = rel.split("/")
        if not rel or rel.startswith("/") or any(s == "" or s.startswith(".") for s in segments):
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


def _file(request: Request, rel: str, path: Path) -> Response:
    site: Site = request.app.state.site
    name = rel.rsplit("/", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    headers = {}
    if suffix in DOCUMENTS:
        resource = "" if rel == "index.html" else rel[: -len(suffix)]
        headers["Link"] = alternates(site.mount, site.documents(resource), skip=rel)
        if resource and resource != "void":
            headers["Link"] += f', <{site.base}{resource}>; rel="describes"'
    return file_answer(request, path, headers)


async def _get(request: Request) -> Response:
    site: Site = request.app.state.site
    rel = await routed(request, site.documents)
    if isinstance(rel, Response):
        return rel
    if rel == "" and wants_html(request):
        return _file(request, "index.html", site.root / "index.html")
    found = site.file(rel)
    if found is not None:
        return _file(request, rel, found)
    resource = site.resource_for(rel) if rel else ""
    if resource is None:
        return error(request, 404, f"no resource or document {site.base}{rel} in this site")
    return see_other(request, site.documents(resource))


async def _any(request: Request) -> Response:
    return await dispatch(request, _get)


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
    site = Site.open(site_dir, query_timeout=timeout)
    pool = QueryPool([site.root / "dataset.nq"], workers=workers, timeout=timeout)
    try:
        run_app(
            make_app(site, pool, route=_any), host=host, port=port, mount=site.mount,
            request_timeout=request_timeout, ready=ready,
        )  # fmt: skip
    finally:
        pool.close()
