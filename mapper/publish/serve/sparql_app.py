"""The SPARQL 1.1 Protocol endpoint of the ``--store`` server: GET and POST, read-only; queries
run by the app's pool (worker processes on the embedded store, or the remote store)."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ...errors import QueryError
from ..render.negotiate import asks_html
from .answers import error, send
from .endpoint import OFFERS, QueryTimeout, ReadOnly, ServerBusy
from .protocol import SD_OFFERS, request_dataset, service_answer

__all__ = ["MAX_BODY", "post", "sparql"]

MAX_BODY = 256 * 1024  # bytes of a POSTed query; SPARQL queries are small


async def _read_body(request: Request) -> bytes | Response:
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        return error(request, 411, "send the query with a Content-Length header")
    if int(length) > MAX_BODY:
        response = error(request, 413, f"a query may be at most {MAX_BODY} bytes")
        response.headers["Connection"] = "close"
        return response
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:  # a client sending more than it said
            return error(request, 413, f"a query may be at most {MAX_BODY} bytes")
    return body


async def post(request: Request) -> Response:
    site = request.app.state.site
    if request.url.path != site.mount + "sparql":
        return error(request, 405, "only the SPARQL endpoint takes POST", {"Allow": "GET, HEAD"})
    body = await _read_body(request)
    if isinstance(body, Response):
        return body
    text = body.decode("utf-8", errors="replace")
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media == "application/x-www-form-urlencoded":
        return await sparql(request, parse_qs(text, keep_blank_values=True))
    if media == "application/sparql-query":
        return await sparql(request, {"query": [text]})
    if media == "application/sparql-update":
        return error(request, 403, "updates are not accepted: this endpoint is read-only")
    return error(
        request,
        415,
        "POST a query as application/sparql-query or application/x-www-form-urlencoded",
    )


async def sparql(request: Request, params: dict[str, list[str]]) -> Response:
    from .sparql_page import form_page, results_body

    site = request.app.state.site
    pool = request.app.state.pool
    handler = SimpleNamespace(site=site, query_timeout=site.query_timeout)
    accept = request.headers.get("accept")
    if "update" in params:
        return error(request, 403, "updates are not accepted: this endpoint is read-only")
    queries = params.get("query", [])
    if not queries or not queries[0].strip():
        if request.method == "POST" and not asks_html(accept):
            return error(request, 400, "no query: give it as ?query=… or POST it")
        if request.method == "POST":
            return send(request, 200, form_page(handler, "").encode(), "text/html")
        found = service_answer(accept, base=site.base)
        if found is None:
            offers = ", ".join(SD_OFFERS)
            return error(request, 406, f"the service description comes as {offers}")
        media, text = found
        if text is None:
            return send(request, 200, form_page(handler, "").encode(), "text/html")
        return send(request, 200, text.encode(), media, {"Vary": "Accept"})
    if len(queries) > 1:
        return error(request, 400, "give exactly one query parameter")
    try:
        dataset = request_dataset(params)
        answer = await run_in_threadpool(pool.run, queries[0], accept=accept, dataset=dataset)
    except ReadOnly as err:
        return error(request, 403, str(err))
    except ServerBusy as err:
        return error(request, 503, str(err), {"Retry-After": "1"})
    except QueryTimeout as err:
        return error(request, 503, str(err))
    except QueryError as err:
        if asks_html(accept):
            html = form_page(handler, queries[0], error=str(err))
            return send(request, 400, html.encode(), "text/html")
        return error(request, 400, str(err))
    if answer.media is None:
        offers = ", ".join(OFFERS[answer.kind])
        return error(request, 406, f"{answer.kind} results come as {offers}", {"Vary": "Accept"})
    body = answer.text
    if answer.media == "text/html":
        body = results_body(handler, queries[0], answer)
    return send(request, 200, body.encode(), answer.media, {"Vary": "Accept"})
