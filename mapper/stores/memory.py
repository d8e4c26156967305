"""Query RDF files (or an rdflib Dataset) with Oxigraph's engine, as the embedded store does,
so that files, a store and the server answer alike; each query may be stopped at a deadline.

The files are parsed by pyoxigraph into an in-memory store that keeps their named graphs and
holds in its default graph the union of all graphs, as a set (Oxigraph's own union default
graph is a bag: oxigraph/oxigraph#1919).  pyoxigraph cannot cancel a running query, so with a
time limit the work runs in a forked child that is killed at the deadline; its answer comes
back through a pipe in the W3C formats and is formatted like every other engine's.
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from ..errors import DefrelError, InputError, QueryError
from ..rdf.read import read_checked, read_rdf
from ..rdf.vocab import NS
from .embedded import _syntax_error  # Oxigraph's message, its line and column parsed
from .options import DEFAULT_TIMEOUT
from .query import (
    UPDATE_WORDS,
    QueryOutcome,
    format_result,
    query_form,
    refuse_deep,
    sparql_keywords,
)

__all__ = ["DEFAULT_TIMEOUT", "query_dataset", "query_files", "store_of_dataset", "store_of_files"]

OX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
_DEFAULT = ox.DefaultGraph()


# Oxigraph 0.5 reads a union default graph as a bag (a triple stated by two articles would
# count twice), so the union is written into the default graph, as a set, as embedded.py does.
_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def store_of_files(paths: list[Path], *, allow_remote: bool = False) -> ox.Store:
    """An in-memory store holding ``paths`` (checked as ``read_checked`` does, then parsed by
    pyoxigraph, which fetches nothing): named graphs kept, their union in the default graph.
    Each load gives its blank nodes fresh names, so two files' ``_:b0`` stay apart."""
    store, blanks = ox.Store(), {}
    for path in paths:
        if allow_remote and path.suffix.lower() == ".jsonld":
            # pyoxigraph has no loader for remote contexts: rdflib's parser fetches them
            store.extend(_quads_of(read_rdf([path], allow_remote=True), blanks))
            continue
        text = read_checked(path, allow_remote=allow_remote)
        try:
            store.load(
                input=text.encode("utf-8"),
                format=OX_FORMATS[path.suffix.lower()],
                base_iri=path.resolve().as_uri(),
            )
        except SyntaxError as err:
            raise InputError(
                f"cannot parse RDF: {err.msg}",
                path=path,
                line=err.lineno,
                hint="check the syntax at that line, or the file's suffix",
            ) from None
    store.update(_UNION)
    return store


def _ox_term(term, blanks: dict) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return blanks.setdefault(term, ox.BlankNode(f"r{len(blanks)}"))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
    return ox.Literal(str(term), datatype=datatype)


def _quads_of(dataset: Dataset, blanks: dict) -> Iterator[ox.Quad]:
    default = str(dataset.default_graph.identifier)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = _DEFAULT if g is None or str(g) == default else _ox_term(g, blanks)
        yield ox.Quad(_ox_term(s, blanks), _ox_term(p, blanks), _ox_term(o, blanks), name)


def store_of_dataset(dataset: Dataset) -> ox.Store:
    """An in-memory store holding ``dataset``'s graphs, their union in the default graph."""
    store = ox.Store()
    store.extend(_quads_of(dataset, {}))
    store.update(_UNION)
    return store


# --- one query, in the store -----------------------------------------------------------------


def check_query(query: str, *, allow_remote: bool) -> str:
    """The query's form, once it is known to be a query that reaches only the given data:
    updates are refused, and SERVICE and FROM unless ``allow_remote``."""
    refuse_deep(query)  # before any parser, Oxigraph's included
    try:
        kind = query_form(query)
    except QueryError:
        words = [w for w in sparql_keywords(query) if w not in ("PREFIX", "BASE")]
        if not words or words[0] in UPDATE_WORDS:
            raise
        try:  # neither a query nor an update: Oxigraph's parser says where it goes wrong
            ox.Store().query(query)
        except SyntaxError as err:
            raise _syntax_error(err) from None
        raise
    words = set(sparql_keywords(query))
    if "SERVICE" in words and not allow_remote:
        raise QueryError(
            "SERVICE reaches the network and is refused",
            hint="pass --allow-remote if you mean it, or query that endpoint directly",
        )
    if "FROM" in words and not allow_remote:
        raise QueryError(
            "FROM / FROM NAMED would load data from elsewhere and is refused",
            hint="pass the files with --data instead, and use GRAPH <iri> { } to pick a graph",
        )
    return kind


def answer(store: ox.Store, query: str, *, kind: str) -> bytes:
    """Run ``query`` in ``store``: SPARQL JSON results, or N-Triples for a graph."""
    prefixes = {k: str(v) for k, v in NS.items()}
    try:
        found = store.query(query, prefixes=prefixes)
        if isinstance(found, ox.QueryTriples):
            return found.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
        return found.serialize(format=ox.QueryResultsFormat.JSON)
    except SyntaxError as err:
        raise _syntax_error(err) from None
    except (OSError, ValueError, RuntimeError, TypeError) as err:
        raise QueryError(f"the {kind} query failed: {err}") from None


def to_result(payload: bytes, kind: str) -> Result:
    """The answer of ``answer`` as an rdflib ``Result``, for ``format_result``."""
    if kind in ("CONSTRUCT", "DESCRIBE"):
        result = Result(kind)
        result.graph = Graph()
        result.graph.parse(data=payload.decode("utf-8"), format="nt")
        return result
    data = json.loads(payload)
    result = Result(kind)
    if kind == "ASK":
        result.askAnswer = bool(data["boolean"])
        return result
    # read here rather than by Result.parse, whose import of rdflib's SPARQL engine costs
    # 0.1-0.2 s of every `defrel query`
    result.vars = [Variable(name) for name in data["head"]["vars"]]
    result.bindings = [
        {Variable(name): _rdflib_term(term) for name, term in row.items()}
        for row in data["results"]["bindings"]
    ]
    return result


def _rdflib_term(term: dict) -> URIRef | BNode | Literal:
    """A term of the SPARQL 1.1 JSON results format as an rdflib term."""
    if term["type"] == "uri":
        return URIRef(term["value"])
    if term["type"] == "bnode":
        return BNode(term["value"])
    datatype = term.get("datatype")
    return Literal(
        term["value"], lang=term.get("xml:lang"), datatype=URIRef(datatype) if datatype else None
    )


# --- a deadline: the work in a forked child --------------------------------------------------


def _send_error(fd: int, err: BaseException) -> None:
    if not isinstance(err, DefrelError):
        err = QueryError(f"the query failed: {type(err).__name__}: {err}")
    fields = {k: getattr(err, k) for k in ("message", "path", "line", "column", "hint")}
    fields["class"] = "InputError" if type(err) is InputError else "QueryError"
    os.write(fd, b"E" + json.dumps(fields).encode("utf-8"))


def _child(fd: int, work: Callable[[], tuple[str, bytes]]) -> None:
    """Run ``work`` and write its answer (or its error) to ``fd``; never return."""
    code = 0
    try:
        kind, payload = work()
        head = b"R" + kind.encode("ascii").ljust(9)
        view = memoryview(head + payload)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException as err:  # noqa: BLE001 - every failure goes back to the parent
        try:
            _send_error(fd, err)
        except OSError:
            code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers


def _read_until(fd: int, deadline: float, timeout: float) -> bytes:
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise QueryError(
                f"the query was stopped after {timeout:g} s, the time limit",
                hint="make it more selective (fewer patterns, a LIMIT), or raise --timeout",
            )
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def run_with_deadline(
    work: Callable[[], tuple[str, bytes]], *, timeout: float
) -> tuple[str, bytes]:
    """``work()`` in a forked child killed after ``timeout`` seconds (a QueryError then)."""
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12 warns that forking a threaded process may deadlock the child: this
        # child only parses and queries with pyoxigraph, and leaves by os._exit.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; coverage cannot follow it
        os.close(read_fd)
        _child(write_fd, work)
    os.close(write_fd)
    try:
        data = _read_until(read_fd, time.monotonic() + timeout, timeout)
    except BaseException:  # the deadline, or Ctrl-C: the child must not run on
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read_fd)
        with_status = os.waitpid(pid, 0)[1]
    if data[:1] == b"R":
        return data[1:10].decode("ascii").strip(), data[10:]
    if data[:1] == b"E":
        fields = json.loads(data[1:])
        cls = InputError if fields.pop("class") == "InputError" else QueryError
        raise cls(fields.pop("message"), **fields)
    raise QueryError(f"the query's process ended without an answer (status {with_status})")


def _run(
    make_store: Callable[[], ox.Store], query: str, *, fmt, allow_remote: bool, timeout
) -> QueryOutcome:
    kind = check_query(query, allow_remote=allow_remote)

    def work() -> tuple[str, bytes]:
        return kind, answer(make_store(), query, kind=kind)

    kind, payload = run_with_deadline(work, timeout=timeout) if timeout else work()
    return format_result(to_result(payload, kind), fmt=fmt)


def query_files(
    query: str,
    paths: list[Path],
    *,
    fmt: str | None = None,
    allow_remote: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> QueryOutcome:
    """Run ``query`` over the RDF files ``paths`` with Oxigraph (default graph: the union of
    all graphs, as a set); stop it after ``timeout`` seconds, reading the files included
    (None or 0: no limit).  ``fmt`` as for ``format_result``."""
    make = lambda: store_of_files(paths, allow_remote=allow_remote)  # noqa: E731
    return _run(make, query, fmt=fmt, allow_remote=allow_remote, timeout=timeout)


def query_dataset(
    query: str,
    dataset: Dataset | ox.Store,
    *,
    fmt: str | None = None,
    allow_remote: bool = False,
    timeout: float | None = None,
) -> QueryOutcome:
    """Run ``query`` over an rdflib ``dataset`` with Oxigraph, as ``query_files`` does; or
    over a store made by ``store_of_files`` or ``store_of_dataset``, made once and queried
    many times (the server's workers do so)."""

    def make() -> ox.Store:
        return dataset if isinstance(dataset, ox.Store) else store_of_dataset(dataset)

    return _run(make, query, fmt=fmt, allow_remote=allow_remote, timeout=timeout)
