"""Stage RDF files for loading: their quads go into a temporary SQLite file, grouped by named
graph, so that a corpus of any size is sent one graph at a time, never held in memory.

Each quad is kept as the parser read it, as an N-Triples line.  (A store such as Oxigraph
would not do as the spool: it keeps literals by value, so ``"1.0"^^xsd:decimal`` comes back
as ``"1"`` and ``xsd:positiveInteger`` as ``xsd:integer``.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError
from ..rdf.scan import NESTING_SUFFIXES, check_rdf_size, check_rdf_text
from .scratch import scratch_folder

__all__ = ["LOAD_SUFFIXES", "GraphInfo", "Staged", "staged"]

LOAD_SUFFIXES = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class GraphInfo:
    """One named graph of the input: its IRI and how many (distinct) triples it holds."""

    iri: str
    triples: int


class Staged:
    """The input's named graphs, sorted by IRI, each to be read as N-Triples."""

    def __init__(self, db: sqlite3.Connection, graphs: list[GraphInfo]) -> None:
        self._db = db
        self.graphs = graphs

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    def ntriples(self, iri: str) -> bytes:
        """One graph as N-Triples, one triple a line (the body of a Graph Store PUT)."""
        rows = self._db.execute("SELECT line FROM quads WHERE graph = ?", (iri,))
        return "".join(f"{line}\n" for (line,) in rows).encode("utf-8")

    def batches(self, max_triples: int) -> Iterator[list[GraphInfo]]:
        """Consecutive graphs, as many as fit in ``max_triples`` (always at least one)."""
        batch: list[GraphInfo] = []
        size = 0
        for info in self.graphs:
            if batch and size + info.triples > max_triples:
                yield batch
                batch, size = [], 0
            batch.append(info)
            size += info.triples
        if batch:
            yield batch


def _format(path: Path) -> ox.RdfFormat:
    fmt = LOAD_SUFFIXES.get(path.suffix.lower())
    if fmt is not None:
        return fmt
    if path.suffix.lower() in (".ttl", ".nt", ".rdf", ".owl"):
        raise InputError(
            "has no named graphs: a store is loaded one article graph at a time",
            path=path,
            hint="load dist/dataset.nq (or a .trig or .jsonld file with named graphs)",
        )
    raise InputError(
        f"unknown RDF file type {path.suffix!r}",
        path=path,
        hint=f"load reads {', '.join(LOAD_SUFFIXES)} files",
    )


def _term(term, file_no: int) -> str:
    """A subject or object in N-Triples; blank node labels kept apart file by file."""
    text = str(term)
    return f"_:f{file_no}x{text[2:]}" if text.startswith("_:") else text


def _rows(path: Path, file_no: int) -> Iterator[tuple[str, str]]:
    for quad in ox.parse(path=str(path), format=_format(path)):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            raise InputError(
                "has triples outside any named graph: a store is loaded one article graph "
                "at a time",
                path=path,
                hint="load dist/dataset.nq, where every triple is in its article's graph",
            )
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise InputError(
                f"has a graph named by a blank node ({quad.graph_name})",
                path=path,
                hint="name every graph with an IRI, as defrel build does",
            )
        line = f"{_term(quad.subject, file_no)} {quad.predicate} {_term(quad.object, file_no)} ."
        yield quad.graph_name.value, line


def _stage_file(db: sqlite3.Connection, path: Path, file_no: int) -> None:
    _format(path)  # refuse a wrong suffix before reading anything
    if path.suffix.lower() in NESTING_SUFFIXES:  # pyoxigraph crashes on deep JSON-LD nesting
        check_rdf_size(path)
        try:
            check_rdf_text(path, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"cannot read: {err}", path=path, hint="RDF files are UTF-8") from None
    try:
        db.executemany("INSERT OR IGNORE INTO quads VALUES (?, ?)", _rows(path, file_no))
    except SyntaxError as err:
        where = err.args[1] if len(err.args) > 1 and isinstance(err.args[1], tuple) else ()
        raise InputError(
            f"cannot parse RDF: {err.msg}",
            path=path,
            line=where[1] if len(where) > 1 else None,
            hint="check the syntax at that line, or the file's suffix",
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read: {err}", path=path, hint="RDF files are UTF-8") from None


@contextmanager
def staged(paths: list[Path]) -> Iterator[Staged]:
    """Read ``paths`` into a temporary spool; yield its graphs; remove it afterwards (and the
    spools of killed loads: ``scratch``)."""
    with (
        scratch_folder() as folder,
        closing(sqlite3.connect(Path(folder) / "quads.db")) as db,
    ):
        db.execute("PRAGMA journal_mode = OFF")  # a scratch file: no crash to recover from
        db.execute("PRAGMA synchronous = OFF")
        db.execute(
            "CREATE TABLE quads (graph TEXT, line TEXT, PRIMARY KEY (graph, line)) WITHOUT ROWID"
        )
        for number, path in enumerate(paths):
            _stage_file(db, path, number)
        counts = db.execute(
            "SELECT graph, COUNT(*) FROM quads GROUP BY graph ORDER BY graph"
        ).fetchall()
        if not counts:
            raise InputError(
                "no named graphs to load",
                path=paths[0] if len(paths) == 1 else None,
                hint="build first (defrel build), then load dist/dataset.nq",
            )
        yield Staged(db, [GraphInfo(iri, n) for iri, n in counts])
