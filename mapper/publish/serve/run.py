"""Run an ASGI app on uvicorn (h11: HTTP/1.1, keep-alive), with a deadline for reading each
request and no log output (``defrel serve`` with a site, a store or an endpoint), and open
what ``defrel serve --store`` serves."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ...errors import InputError
from ...rdf.mint import check_base
from ..render.dcat import Publisher
from ..store.memory import BUDGET as STORE_MEMORY
from ..store.memory import StoreMemory, reopener
from ..store.read import EmbeddedSource
from ..store.refresh import StoreWatch
from .app import StoreSite, make_app
from .described import Described
from .endpoint import QueryPool

__all__ = ["DeadlineProtocol", "run_app", "serve_store"]

_TOO_SLOW = b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


class DeadlineProtocol(H11Protocol):
    """h11 over asyncio, with a total deadline for reading a request (line, headers, body).

    uvicorn bounds the wait between requests (``timeout_keep_alive``) but not the reading of
    one: a client trickling a header line every few seconds would hold its connection for
    ever.  The clock starts at a request's first byte; at the deadline, if the request is
    still not read whole, the client gets 408 and the connection is closed."""

    request_deadline = 30.0
    linger = 1.0  # seconds to drain a cut-off client, so that it reads the 408 (no RST)
    _deadline: asyncio.TimerHandle | None = None
    _cut_off = False

    def data_received(self, data: bytes) -> None:
        if self._cut_off:
            return  # what a cut-off client still sends is read and dropped
        if self._deadline is None:
            self._deadline = self.loop.call_later(self.request_deadline, self._too_slow)
        super().data_received(data)
        self._check_read()

    def handle_events(self) -> None:
        super().handle_events()
        self._check_read()

    def _check_read(self) -> None:
        state = self.conn.their_state
        reading = state is h11.SEND_BODY or (state is h11.IDLE and self.conn.trailing_data[0])
        if self._deadline is not None and not reading:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            # Closing outright with the client's bytes unread would reset the connection,
            # and the client could lose the 408: send it, half-close, drain, then close.
            self._cut_off = True
            self.transport.write(_TOO_SLOW)
            if self.transport.can_write_eof():
                self.transport.write_eof()
            self.loop.call_later(self.linger, self.transport.close)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        super().connection_lost(exc)


def _quiet() -> None:
    """uvicorn's loggers say nothing: the CLI reports what matters, and stderr stays clean;
    nor does rdflib's, which logs a traceback for each ill-typed literal it reads (a store
    may hold any data: its pages show the literal as written)."""
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi", "rdflib.term"):
        logger = logging.getLogger(name)
        logger.handlers = [logging.NullHandler()]
        logger.propagate = False


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and
    # without it a response's second write waits for the client's delayed ACK (40 ms)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(1024)
    except OSError as err:
        sock.close()
        raise InputError(
            f"cannot listen on {host}:{port}: {err.strerror or err}",
            hint="choose another --port (0 picks a free one), or stop what is using it",
        ) from None
    sock.set_inheritable(True)
    return sock


def serve_store(
    *,
    store: Path | None = None,
    endpoint: str | None = None,
    base: str,
    license: str,
    host: str,
    port: int,
    timeout: float,
    workers: int,
    ready: Callable[[str], None],
    request_timeout: float = 30.0,
    dumps: Path | None = None,
    publisher: Publisher | None = None,
    store_memory: int = STORE_MEMORY,
) -> None:
    """Serve the data in the embedded ``store`` (or at the SPARQL query ``endpoint``) until
    interrupted; call ``ready`` with the base's URL once listening.  ``timeout`` bounds a
    query, ``request_timeout`` the reading of a request; ``publisher`` is named in the
    dataset's DCAT-AP description, and ``dumps`` (a `defrel build` folder) served;
    each process reading the store opens it again when it holds ``store_memory`` bytes more
    (0: never; ``store/memory.py``)."""
    from ..store.terms import integer_types

    check_base(base)
    integer_types()  # parse the shapes before the first request, not during it
    described = {"base": base, "license": license, "publisher": publisher, "dumps": dumps}
    if endpoint is not None:
        site, pool = _remote(endpoint, described, timeout=timeout)
    else:
        site, pool = _embedded(
            store, described, timeout=timeout, workers=workers, memory=store_memory
        )
    site.dumps = dumps
    site.fixed  # noqa: B018 - the ontology's documents, and the renderer's imports, made now
    try:
        run_app(
            make_app(site, pool), host=host, port=port, mount=site.mount,
            request_timeout=request_timeout, ready=ready,
        )  # fmt: skip
    finally:
        pool.close()


def run_app(
    app, *, host: str, port: int, mount: str, request_timeout: float, ready: Callable[[str], None]
) -> None:
    """Run the ASGI ``app`` on uvicorn at ``host:port`` until interrupted (both servers); call
    ``ready`` with the URL of ``mount`` once listening."""
    _compile_templates()  # not on a visitor's first page of each kind (a quarter second)
    sock = _listen(host, port)
    protocol = type("Deadline", (DeadlineProtocol,), {"request_deadline": request_timeout})
    _quiet()
    config = uvicorn.Config(
        app,
        http=protocol,
        log_config=None,
        access_log=False,
        timeout_keep_alive=5,
        lifespan="on",
        server_header=False,
        headers=[("Server", f"defrel/{version('defrel')}")],
    )
    server = uvicorn.Server(config)
    shown = f"[{host}]" if ":" in host else host
    try:
        ready(f"http://{shown}:{sock.getsockname()[1]}{mount}")
        server.run(sockets=[sock])
    finally:
        sock.close()


def _compile_templates() -> None:
    from ..render.pages import _environment

    for name in (
        "resource.html",
        "article.html",
        "index.html",
        "list.html",
        "error.html",
        "sparql.html",
    ):
        _environment().get_template(name)


def _embedded(store: Path, described: dict, *, timeout: float, workers: int, memory: int):
    import pyoxigraph as ox

    if not (Path(store) / "CURRENT").is_file():
        raise InputError(
            "no store here", path=store, hint=f"load one first: defrel load --store {store}"
        )
    site = StoreSite(
        base=described["base"],
        source=EmbeddedSource(ox.Store.read_only(str(store))),
        license=described["license"],
        query_timeout=timeout,
        describe_dataset=_described(store, described),
    )
    site.describe_dataset.begin()
    pool = QueryPool(store=store, workers=workers, timeout=timeout, memory=memory)

    def reopen() -> None:  # a `defrel load` wrote the store: read it anew
        site.describe_dataset.stop()
        # (the description of the data before the load is shown while the new one is made)
        anew = _described(store, described, stale=site.describe_dataset.latest())
        site.replace_source(EmbeddedSource(ox.Store.read_only(str(store))), anew)
        anew.begin()
        pool.refresh()

    site.watch = StoreWatch(store, reopen)

    if memory:  # the same data: what was rendered stays (site.source as the watch left it)
        reopen_handle = reopener(
            Path(store), lambda: site.watch.opened, lambda new: setattr(site.source, "store", new)
        )
        site.memory = StoreMemory(reopen_handle, budget=memory)
    return site, pool


def _described(store: Path, described: dict, stale: dict | None = None) -> Described:
    """The description of the store's data, read from what an earlier server kept if it
    is this data's; else made, showing ``stale`` (what this server made of the data before
    a load) meanwhile."""
    from .dataset import embedded_dataset_files
    from .kept import Kept, described_key

    kept = Kept(store, described_key(store, described))
    return Described(embedded_dataset_files, (str(store),), described, kept, stale)


def _remote(endpoint: str, described: dict, *, timeout: float):
    from ...stores.httpclient import check_url
    from .dataset import remote_dataset_files
    from .remote import RemotePool, RemoteSource

    url = check_url(endpoint, option="--endpoint")
    source = RemoteSource(url, timeout=timeout)
    source.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")  # fails now if the store is not there
    site = StoreSite(
        base=described["base"],
        source=source,
        license=described["license"],
        query_timeout=timeout,
        describe_dataset=Described(remote_dataset_files, (str(url), timeout), described),
    )
    site.describe_dataset.begin()
    return site, RemotePool(endpoint, timeout=timeout)
