"""The embedded store: a persistent Oxigraph database in a folder on disk (pyoxigraph), loaded
graph by graph like any store and queried with its own SPARQL 1.1 engine."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.query import Result

from ..errors import InputError, QueryError, StoreError
from ..rdf.vocab import DEFAULT_BASE, NS
from .bulk import NotBulkLoadable, bulk_load_new, fits, is_new
from .loading import LoadOutcome, Progress, load_graphs
from .options import DEFAULT_STORE
from .query import QueryOutcome, format_result, query_form, uses_service
from .staging import GraphInfo, Staged

__all__ = ["DEFAULT_STORE", "EmbeddedTarget", "load_store", "open_store", "query_store"]

_MARK = "CURRENT"  # every RocksDB folder (so every Oxigraph store) has this file


def open_store(path: Path, *, create: bool) -> ox.Store:
    """Open the store in ``path``; with ``create``, make it if the folder is new or empty.

    A folder that holds other things is refused rather than filled with database files.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError("is a file, not a store folder", path=path, hint="name a folder")
    is_store = (path / _MARK).is_file()
    if not is_store and not create:
        raise InputError(
            "no store here",
            path=path,
            hint=f"load one first: defrel load --store {path}",
        )
    if not is_store and path.exists() and any(path.iterdir()):
        raise InputError(
            "is a folder with other files, not an Oxigraph store",
            path=path,
            hint="name a new or empty folder for the store",
        )
    try:
        return ox.Store(str(path))
    except OSError as err:
        if "lock" in str(err).lower():
            raise StoreError(
                "the store is in use by another process",
                path=path,
                hint="wait for the other defrel load or query on it to finish",
            ) from None
        raise StoreError(f"cannot open the store: {err}", path=path) from None


# Oxigraph 0.5 reads a union default graph as a bag: a triple stated by several articles
# would count once per article (oxigraph/oxigraph#1919).  So the store keeps the union itself,
# as a set, in its default graph: a graph's triples go there too, and when a graph is
# replaced or dropped, those of its triples that no other graph states leave it.
_UNSTATE = """
DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH <{g}> {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{g}>) }}
}} ;
DROP SILENT GRAPH <{g}>
"""
# In one INSERT DATA, so that a blank node is the same node in the graph and in the union.
_INSERT = " ;\nINSERT DATA {{\n{triples}GRAPH <{g}> {{\n{triples}}}\n}}"
_REUNITE = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


class EmbeddedTarget:
    """Writes graphs into an open embedded store, and their union into its default graph.

    Each graph is replaced in one SPARQL Update, which Oxigraph applies as one transaction:
    its old triples leave (the graph, and the union where no other graph states them) and
    its new ones arrive together, so a reader, or a load killed part-way, sees the old graph
    or the new one, never none.  (``bulk_load`` is not transactional; ``extend`` cannot
    delete.)
    """

    batch_triples = 50_000

    def __init__(self, store: ox.Store, path: Path) -> None:
        self._store = store
        self.name = f"{path} (embedded)"

    def _unstate(self, iri: str) -> None:
        if self._store.contains_named_graph(ox.NamedNode(iri)):
            self._store.update(_UNSTATE.format(g=iri))

    def write(self, batch: list[GraphInfo], staged: Staged) -> Iterator[str]:
        for info in batch:
            # Staged lines are N-Triples written by pyoxigraph, which SPARQL reads as they are.
            triples = staged.ntriples(info.iri).decode("utf-8")
            replace = _UNSTATE.format(g=info.iri) + _INSERT.format(g=info.iri, triples=triples)
            try:
                self._store.update(replace)
            except OSError as err:
                error = StoreError(f"writing failed: {err}", path=self.name)
                error.maybe_written = True
                raise error from None
            yield info.iri

    def graphs(self) -> set[str]:
        return {g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)}

    def drop(self, iris: list[str], *, default_graph: bool) -> None:
        try:
            for iri in iris:
                self._unstate(iri)
                self._store.remove_graph(ox.NamedNode(iri))
            if default_graph:  # the union is the store's own: rebuilt, not left empty
                self._store.update(_REUNITE)
        except OSError as err:
            raise StoreError(f"dropping graphs failed: {err}", path=self.name) from None


def load_store(
    paths: list[Path],
    *,
    store: Path = DEFAULT_STORE,
    mode: str = "append",
    base: str = DEFAULT_BASE,
    on_progress: Callable[[Progress], None] | None = None,
) -> LoadOutcome:
    """Load the named graphs of ``paths`` into the embedded store in ``store`` (made if new).

    A new or emptied store is filled by Oxigraph's bulk loader (``bulk``); a store that holds
    data has each graph replaced in a transaction of its own (``EmbeddedTarget``).
    """
    db = open_store(store, create=True)
    outcome = None
    if is_new(db) and fits(paths):
        with contextlib.suppress(NotBulkLoadable):  # emptied again: the staged loader takes it
            outcome = bulk_load_new(
                db, paths, name=f"{store} (embedded)", mode=mode, base=base, on_progress=on_progress
            )
    if outcome is None:
        target = EmbeddedTarget(db, store)
        outcome = load_graphs(paths, target=target, mode=mode, base=base, on_progress=on_progress)
    db.flush()
    return outcome


_WHERE = re.compile(r"error at (\d+):(\d+): ")


def _syntax_error(err: SyntaxError) -> QueryError:
    text = str(err.msg or err)
    found = _WHERE.match(text)
    line, column = (int(found[1]), int(found[2])) if found else (None, None)
    message = text[found.end() :] if found else text
    return QueryError(f"SPARQL syntax error: {message.splitlines()[0]}", line=line, column=column)


def to_result(answer, kind: str) -> Result:
    """A pyoxigraph answer as an rdflib ``Result``, through the W3C formats."""
    if isinstance(answer, ox.QueryTriples):
        result = Result(kind)
        graph = Graph()
        graph.parse(data=answer.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
        result.graph = graph
        return result
    data = answer.serialize(format=ox.QueryResultsFormat.JSON)
    return Result.parse(io.BytesIO(data), format="json")


def query_store(
    query: str, *, store: Path, fmt: str | None = None, allow_remote: bool = False
) -> QueryOutcome:
    """Run ``query`` in the embedded store (default graph: the union of its graphs, as a set).

    FROM and FROM NAMED name the store's own graphs; SERVICE is refused unless
    ``allow_remote``, since Oxigraph would fetch it.
    """
    kind = query_form(query)
    if uses_service(query) and not allow_remote:
        raise QueryError(
            "SERVICE reaches the network and is refused",
            hint="pass --allow-remote if you mean it, or query that endpoint directly",
        )
    db = open_store(store, create=False)
    prefixes = {k: str(v) for k, v in NS.items()}
    try:
        answer = db.query(query, prefixes=prefixes)  # the default graph holds the union
        result = to_result(answer, kind)
    except SyntaxError as err:
        raise _syntax_error(err) from None
    except OSError as err:
        raise StoreError(f"query failed: {err}", path=store) from None
    return format_result(result, fmt=fmt)
