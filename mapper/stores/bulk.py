"""The first load into a new or emptied embedded store, at the speed of Oxigraph's bulk loader.

The bulk loader is not one transaction, so it only fills a store that holds nothing yet: a
mark (an empty named graph) is committed before it starts and removed once it has finished,
and a load that finds the mark (the one before was killed part-way) empties the store and
starts again.  It reads N-Quads as ``defrel build`` writes them: one quad a line, no blank
nodes, every triple in a graph named by an IRI.  Each line goes to the bulk loader twice (the
quad, and its triple for the union default graph); anything else (blank nodes, other spacing,
comments, a syntax error, another format) is left to the staged loader, which reports errors
with their file and line.
"""

from __future__ import annotations

import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from .loading import LoadOutcome, Progress, check_base, inferred_graphs
from .scratch import remove_leftovers

__all__ = ["MARK", "NotBulkLoadable", "bulk_load_new", "fits", "is_new"]

MARK = ox.NamedNode("urn:x-defrel:bulk-load-in-progress")
_CHUNK = 4 << 20  # bytes of input read at a time


class NotBulkLoadable(Exception):
    """The input is not in the form the bulk path reads: the staged loader takes it."""


def fits(paths: list[Path]) -> bool:
    """Whether the bulk path may try ``paths``: N-Quads files only."""
    return all(Path(p).suffix.lower() == ".nq" for p in paths)


def is_new(db: ox.Store) -> bool:
    """Whether ``db`` holds nothing, after emptying it if a bulk load into it was killed."""
    if db.contains_named_graph(MARK):
        db.clear()  # it held nothing before that load, and its graphs may be half-written
    return not db and next(iter(db.named_graphs()), None) is None


class _Doubled(io.RawIOBase):
    """The input files as one N-Quads stream, each quad followed by its triple."""

    def __init__(self, paths: list[Path], report: Callable[[set[bytes], int], None]) -> None:
        self._paths = list(paths)
        self._report = report
        self._file: io.BufferedReader | None = None
        self._out = memoryview(b"")
        self._rest = b""
        self.graphs: set[bytes] = set()
        self.triples = 0
        self.refused = False  # raised from inside the bulk loader, which may wrap it

    def readable(self) -> bool:
        return True

    def _double(self, lines: bytes) -> bytes:
        """Each line, then its triple: the line up to the graph's `` <``, and `` .``.

        A line that is not ``… <graph> .`` is refused here; one whose triple is not a triple
        (a triple in the default graph: ``<s> <p> <o> .`` gives ``<s> <p> .``) by the parser.
        A plain loop: three times faster than one regular expression that checks every term.
        """
        if b"_:" in lines:  # blank nodes are kept apart file by file by the staged loader
            self.refused = True
            raise NotBulkLoadable
        doubled = []
        last = None
        for line in lines.split(b"\n")[:-1]:
            cut = line.rfind(b" <")
            if cut < 0 or not line.endswith(b"> ."):
                self.refused = True
                raise NotBulkLoadable
            graph = line[cut + 1 : -2]
            if graph != last:
                self.graphs.add(graph)
                last = graph
            doubled += (line, line[:cut] + b" .")
        self.triples += len(doubled) // 2
        self._report(self.graphs, self.triples)
        return b"\n".join(doubled) + b"\n"

    def _next(self) -> bytes:
        try:
            return self._next_lines()
        except OSError:  # a file that cannot be read: the staged loader says which, and why
            self.refused = True
            raise NotBulkLoadable from None

    def _next_lines(self) -> bytes:
        """The next doubled lines (whole lines only); b"" at the end of the last file."""
        while True:
            if self._file is None:
                if not self._paths:
                    return b""
                # closed at its end, or by close(): it outlives any one read
                self._file = Path(self._paths.pop(0)).open("rb")  # noqa: SIM115
            chunk = self._file.read(_CHUNK)
            if not chunk:
                self._file.close()
                self._file = None
                rest, self._rest = self._rest, b""
                if rest:
                    return self._double(rest + b"\n")
                continue
            chunk = self._rest + chunk
            cut = chunk.rfind(b"\n") + 1
            self._rest = chunk[cut:]
            if cut:
                return self._double(chunk[:cut])

    def readinto(self, buffer) -> int:
        while not self._out:
            self._out = memoryview(self._next())
            if not self._out:
                return 0
        size = min(len(buffer), len(self._out))
        buffer[:size] = self._out[:size]
        self._out = self._out[size:]
        return size

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def bulk_load_new(
    db: ox.Store,
    paths: list[Path],
    *,
    name: str,
    mode: str,
    base: str,
    on_progress: Callable[[Progress], None] | None = None,
) -> LoadOutcome:
    """Fill the empty store ``db`` from ``paths`` with the bulk loader.

    Raises NotBulkLoadable (the store emptied again) if the input is not in defrel's form,
    and InputError as the staged loader would for input it refuses.
    """
    started = time.perf_counter()

    def report(graphs: set[bytes], triples: int) -> None:
        if on_progress is not None:
            seconds = time.perf_counter() - started
            on_progress(Progress(len(graphs), len(graphs), triples, triples, seconds))

    remove_leftovers(Path(tempfile.gettempdir()))  # of killed staged loads: this one stages none
    stream = _Doubled(paths, report)
    db.add_graph(MARK)  # committed before the first quad: a kill from here on is seen
    try:
        try:
            with stream:
                db.bulk_load(input=io.BufferedReader(stream, _CHUNK), format=ox.RdfFormat.N_QUADS)
        except (SyntaxError, ValueError, NotBulkLoadable):
            raise NotBulkLoadable from None  # the staged loader names the file and line
        except OSError as err:
            if stream.refused:
                raise NotBulkLoadable from None
            raise StoreError(f"writing failed: {err}", path=name) from None
        iris = sorted(g[1:-1].decode("utf-8") for g in stream.graphs)
        if not iris:
            raise NotBulkLoadable  # nothing to load: the staged loader says so
        check_base(iris, mode, base)
    except BaseException:
        db.clear()  # it held nothing before
        raise
    db.remove_graph(MARK)
    inferred = len(inferred_graphs(iris))
    seconds = time.perf_counter() - started
    return LoadOutcome(name, len(iris) - inferred, stream.triples, seconds, mode, [], inferred)
