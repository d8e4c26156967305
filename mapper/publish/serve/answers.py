"""The answers both servers' apps share (``serve/app.py`` for ``--store`` and ``--endpoint``,
``serve/files.py`` for a site): bodies with a strong ETag and 304, files streamed from disk, errors
in plain text or as a page, and the headers every response carries."""

from __future__ import annotations

import hashlib
import re
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from ..render.negotiate import EXTENSIONS, asks_html, choose

__all__ = [
    "Headers",
    "alternates",
    "error",
    "file_answer",
    "fresh",
    "see_other",
    "send",
    "wants_html",
]


def etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def fresh(request: Request, etag: str) -> bool:
    """Whether the client's If-None-Match names ``etag`` (or ``*``)."""
    header = request.headers.get("if-none-match", "")
    tags = {t.strip().removeprefix("W/").replace('-gzip"', '"') for t in header.split(",")}
    return etag in tags or "*" in tags


def send(request: Request, status: int, body: bytes, media: str, headers=None) -> Response:
    headers = dict(headers or {})
    if status == 200:
        headers["ETag"] = etag(body)
        if fresh(request, headers["ETag"]):
            return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type=media, headers=headers)


class _Streamed(FileResponse):
    # read and sent 256 KiB at a time (Starlette's default, 64 KiB, costs a thread hop per
    # chunk: the seed's 0.7 MB dump took 2.2 ms, 1.1 ms so, 0.8 read whole); what a download
    # holds at most
    chunk_size = 256 * 1024


def file_answer(request: Request, path: Path, headers=None) -> Response:
    """The file ``path``, streamed from disk, never read whole (Range, ETag and 304 by
    Starlette's FileResponse; its ETag is of the file's size and time)."""
    media = EXTENSIONS.get(path.suffix, "application/octet-stream")
    response = _Streamed(path, media_type=media, stat_result=path.stat(), headers=headers)
    if fresh(request, response.headers["etag"]):
        return Response(
            status_code=304, headers={"ETag": response.headers["etag"], **(headers or {})}
        )
    return response


def url_path(text: str) -> str:
    """A site path as a URL's path in a header: characters a URL cannot hold there (a space,
    ``?``, ``#``, anything not ASCII, which a resource's IRI in a store may have) escaped,
    escapes already there kept; a plain path as it is."""
    return text if _PLAIN_PATH.fullmatch(text) else quote(text, safe=_PATH_SAFE)


_PATH_SAFE = "/%:@!$&'()*+,;=~-._"
_PLAIN_PATH = re.compile(r"[A-Za-z0-9/%:@!$&'()*+,;=~._-]*")


def alternates(mount: str, docs: dict[str, str], skip: str | None = None) -> str:
    """A ``Link`` header naming each of ``docs`` (media type -> site path under ``mount``),
    but ``skip``, as an alternate."""
    return ", ".join(
        f'<{url_path(mount + path)}>; rel="alternate"; type="{media}"'
        for media, path in docs.items()
        if path != skip
    )


def see_other(request: Request, docs: dict[str, str]) -> Response:
    """303 See Other to the one of a resource's ``docs`` (media type -> site path) that the
    request's ``Accept`` chooses, 406 if none."""
    mount = request.app.state.site.mount
    headers = {"Vary": "Accept", "Link": alternates(mount, docs)}
    media = choose(request.headers.get("accept"), list(docs))
    if media is None:
        return error(request, 406, "none of the formats you accept is available", headers, docs)
    location = url_path(mount + docs[media])
    return Response(status_code=303, headers={"Location": location, **headers})


def wants_html(request: Request) -> bool:
    return choose(request.headers.get("accept"), ["text/html", "text/plain"]) == "text/html"


def error(request: Request, status: int, message: str, headers=None, docs=None) -> Response:
    from ..render.pages import page

    site = request.app.state.site
    reason = HTTPStatus(status).phrase
    if not asks_html(request.headers.get("accept")):
        text = f"{status} {reason}: {message}\n"
        for media, path in (docs or {}).items():
            text += f"  {media}: {site.mount}{path}\n"
        return send(request, status, text.encode(), "text/plain", headers)
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
    return send(request, status, html.encode(), "text/html", headers)


class Headers:
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
