"""The SPARQL 1.1 Protocol endpoint's engine: queries run in worker processes that hold the
dataset, each killed at a deadline (a query cannot be interrupted inside a thread), and results
in the format the ``Accept`` header chooses.  Read-only: update requests are refused."""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import signal
import threading
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ...errors import DefrelError, InputError, QueryError
from ..render.negotiate import choose
from .protocol import QueryDataset, from_clauses, unknown_graphs_error

__all__ = [
    "MAX_RESULT",
    "Answer",
    "QueryPool",
    "QueryTimeout",
    "ResultFormats",
    "ServerBusy",
    "answer_format",
    "render",
]

# Offers by query form: media type -> format ("html" is our results page, "table" the text
# table of `defrel query`); the first a client accepts equally wins.
SELECT_OFFERS = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/html": "html",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "table",
}
ASK_OFFERS = {k: v for k, v in SELECT_OFFERS.items() if v not in ("csv", "tsv")}
GRAPH_OFFERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/n-quads": "nq",
    "application/trig": "trig",
    "text/html": "html",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
    "application/json": "jsonld",
    "text/plain": "nt",
}
OFFERS = {"SELECT": SELECT_OFFERS, "ASK": ASK_OFFERS, "CONSTRUCT": GRAPH_OFFERS}
OFFERS["DESCRIBE"] = GRAPH_OFFERS
MAX_RESULT = 32 * 1024 * 1024  # characters of one answer; beyond it the client is told to page


class QueryTimeout(DefrelError):
    """A query ran past the time limit and its worker was stopped."""


class ServerBusy(DefrelError):
    """Every worker stayed busy for the whole time limit."""


@dataclass(frozen=True)
class ResultFormats:
    """The media type chosen for each query form from one ``Accept`` header (None: 406)."""

    by_kind: dict[str, str | None]

    @classmethod
    def for_accept(cls, accept: str | None) -> ResultFormats:
        return cls({kind: choose(accept, list(offers)) for kind, offers in OFFERS.items()})


@dataclass(frozen=True)
class Answer:
    """What a query gave: its form, the media type chosen (None if the client accepts none of
    this form's) and the text; for ``text/html`` the text is SPARQL JSON or Turtle."""

    kind: str
    media: str | None
    text: str


def render(result, fmt: str) -> str:
    """A query ``Result`` in ``fmt``, as `defrel query --format` writes it."""
    from ...stores.query import format_result

    return format_result(result, fmt=fmt).text


class StoreEngine:
    """Queries over an Oxigraph store: the embedded store opened read-only (several workers
    read it at once, beside a ``defrel load`` writing it, each seeing it as it was when
    opened), or RDF files (a built site's data) loaded into memory once, as `defrel query`
    loads them.  Either way the default graph holds the union of the named graphs."""

    def __init__(self, store) -> None:
        from ...rdf.vocab import NS

        self.store = store
        self.prefixes = {k: str(v) for k, v in NS.items()}

    @classmethod
    def of_folder(cls, path: str) -> StoreEngine:
        import pyoxigraph as ox

        try:
            return cls(ox.Store.read_only(path))
        except OSError as err:
            raise InputError(f"cannot open the store read-only: {err}", path=path) from None

    @classmethod
    def of_files(cls, paths: list[str]) -> StoreEngine:
        from ...stores.memory import store_of_files

        return cls(store_of_files([Path(p) for p in paths]))

    def kind(self, query: str) -> str | None:
        from ...stores.query import query_form

        try:
            return query_form(query)
        except QueryError:  # the real error comes from run, with line and column
            return None

    def _parse(self, query: str) -> None:
        import pyoxigraph as ox

        from ...stores.embedded import _syntax_error

        try:  # on an empty store: parsed, and run on nothing if it parses
            ox.Store().query(query, prefixes=self.prefixes)
        except SyntaxError as err:
            raise _syntax_error(err) from None

    def check_dataset(self, dataset: QueryDataset) -> None:
        """A QueryError if the dataset names a graph the store does not hold."""
        import pyoxigraph as ox

        def held(graph: str) -> bool:
            try:
                return self.store.contains_named_graph(ox.NamedNode(graph))
            except ValueError:  # not an IRI Oxigraph takes (a relative one, without BASE)
                return False

        missing = [g for g in dataset.graphs if not held(g)]
        if missing:
            example = next(iter(self.store.named_graphs()), None)
            raise unknown_graphs_error(missing, example.value if example else None)

    def run(self, query: str, fmt: str, dataset: QueryDataset | None = None) -> str:
        import pyoxigraph as ox

        from ...stores.embedded import _syntax_error, to_result
        from ...stores.query import query_form, uses_service

        try:
            kind = query_form(query)
        except QueryError:
            self._parse(query)  # Oxigraph's syntax error says where, if there is one
            raise
        if uses_service(query):
            raise QueryError("SERVICE reaches the network and is refused by this endpoint")
        named = {}
        if dataset is not None and dataset.by_protocol:  # it overrides the query's FROM
            named["default_graph"] = [ox.NamedNode(g) for g in dataset.default]
            named["named_graphs"] = [ox.NamedNode(g) for g in dataset.named]
        try:
            answer = self.store.query(query, prefixes=self.prefixes, **named)
            result = to_result(answer, kind)
        except SyntaxError as err:
            raise _syntax_error(err) from None
        except OSError as err:
            raise QueryError(f"query failed: {err}") from None
        return render(result, fmt)


def answer_format(kind: str, media: str) -> str:
    """The format a query's answer is rendered in for ``media`` (the results page shows a
    SELECT's SPARQL JSON, a graph's Turtle)."""
    fmt = OFFERS[kind][media]
    if fmt == "html":
        return "turtle" if kind in ("CONSTRUCT", "DESCRIBE") else "json"
    return fmt


def _answer(engine: StoreEngine, query: str, media: dict, dataset: QueryDataset | None) -> tuple:
    from ...stores.query import is_update

    kind = engine.kind(query)
    if kind is None:
        if is_update(query):
            return ("refused", "updates are not accepted: this endpoint is read-only")
        engine.run(query, "json")  # raises the QueryError that says where the syntax fails
        return ("error", "the query's form (SELECT, ASK, CONSTRUCT, DESCRIBE) is unclear")
    if dataset is None:
        dataset = from_clauses(query, engine.prefixes)
    engine.check_dataset(dataset)
    chosen = media.get(kind or "")
    if chosen is None:
        return ("ok", kind, None, "")
    text = engine.run(query, answer_format(kind, chosen), dataset)
    if len(text) > MAX_RESULT:
        return (
            "error",
            f"the result is larger than {MAX_RESULT:,} characters, the server's "
            "limit; add a LIMIT (and OFFSET to page through it)",
        )
    return ("ok", kind, chosen, text)


def _work(conn, source: tuple[str, list[str]], memory: int = 0) -> None:
    """A worker: open the data once, then answer queries until the pipe closes (a store
    opened again each time its memory grows by ``memory`` bytes, if not 0)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    kind, paths = source
    try:
        engine = StoreEngine.of_folder(paths[0]) if kind == "store" else StoreEngine.of_files(paths)
    except DefrelError as err:
        conn.send(("failed", str(err)))
        return
    conn.send(("ready",))
    guard = _memory(engine, paths[0], memory) if kind == "store" and memory else None
    while True:
        try:
            query, media, dataset = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(_answer(engine, query, media, dataset))
        except QueryError as err:
            conn.send(("error", str(err)))
        except Exception as err:  # a bug must not take the worker down with it
            conn.send(("error", f"query failed: {type(err).__name__}: {err}"))
        if guard is not None:
            guard.check()


def _memory(engine: StoreEngine, path: str, budget: int):
    """A worker's StoreMemory (store/memory.py): the store opened again as it grows, unless a
    load has written it since (the pool replaces the worker then)."""
    from ..store.memory import StoreMemory, reopener
    from ..store.refresh import signature

    opened = signature(Path(path))
    put = partial(setattr, engine, "store")
    return StoreMemory(reopener(Path(path), lambda: opened, put), budget=budget)


class _Worker:
    generation = 0

    def __init__(self, source: tuple[str, list[str]], memory: int = 0) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a threaded server
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_work, args=(child, source, memory), daemon=True)
        self.process.start()
        child.close()

    def ready(self) -> None:
        message = self.conn.recv()
        if message[0] != "ready":
            self.stop()
            raise InputError(f"the SPARQL endpoint cannot load its data: {message[1]}")

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class QueryPool:
    """``workers`` processes holding the data (RDF ``paths``, or an embedded ``store``
    folder); a query gets one, or waits for one."""

    def __init__(
        self,
        paths: list[Path] | None = None,
        *,
        workers: int,
        timeout: float,
        store: Path | None = None,
        memory: int = 0,
    ) -> None:
        self.timeout, self.memory = timeout, memory
        if store is not None:
            self.source = ("store", [str(store)])
        else:
            self.source = ("files", [str(p) for p in paths or []])
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.all: set[_Worker] = set()
        self.lock = threading.Lock()
        self.generation = 0  # workers of an older one read data since replaced (`refresh`)
        started = [self._spawn() for _ in range(max(1, workers))]
        for worker in started:
            worker.ready()
            self.idle.put(worker)

    def _spawn(self) -> _Worker:
        worker = _Worker(self.source, self.memory)
        with self.lock:
            worker.generation = self.generation
            self.all.add(worker)
        return worker

    def refresh(self) -> None:
        """Replace every worker by one that opens the data anew: idle ones now, busy ones
        when their query is answered."""
        with self.lock:
            self.generation += 1
        while True:
            try:
                worker = self.idle.get_nowait()
            except queue.Empty:
                return
            self._replace(worker)

    def _put_back(self, worker: _Worker) -> None:
        if worker.generation != self.generation:
            self._replace(worker)
        else:
            self.idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker (out of time, or reading old data); start another in the
        background."""
        with self.lock:
            self.all.discard(worker)
        worker.stop()

        def respawn() -> None:
            fresh = self._spawn()
            try:
                fresh.ready()
            except InputError:
                return
            self.idle.put(fresh)

        threading.Thread(target=respawn, daemon=True).start()

    def run(self, query: str, *, accept: str | None, dataset: QueryDataset | None = None) -> Answer:
        """Run ``query`` on ``dataset`` (None: the query's FROM, else the union default
        graph); raise QueryError, QueryTimeout or ServerBusy."""
        formats = ResultFormats.for_accept(accept)
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise ServerBusy(
                f"every query worker stayed busy for {self.timeout:g} s",
                hint="try again in a moment",
            ) from None
        try:
            worker.conn.send((query, formats.by_kind, dataset))
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                raise QueryTimeout(
                    f"the query was stopped after {self.timeout:g} s, the server's time limit",
                    hint="add a LIMIT, narrow the patterns, or run it with `defrel query`",
                )
            reply = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            raise QueryError("the query worker died while running the query") from None
        self._put_back(worker)
        if reply[0] == "error":
            raise QueryError(reply[1])
        if reply[0] == "refused":
            raise ReadOnly(reply[1], hint="send queries (SELECT, ASK, CONSTRUCT, DESCRIBE) only")
        return Answer(kind=reply[1], media=reply[2], text=reply[3])

    def close(self) -> None:
        with self.lock:
            workers = list(self.all)
            self.all.clear()
        for worker in workers:
            worker.stop()


class ReadOnly(QueryError):
    """An update (INSERT, DELETE, LOAD, …) was sent to the read-only endpoint."""
