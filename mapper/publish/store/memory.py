"""Keep the memory of a long-running reader of an embedded store bounded as the archive grows.

Oxigraph (0.5) opens its RocksDB store with a table cache of about 20,000 files and keeps each
table's index blocks in memory, outside any cache, from the first read that touches that table
on: a server that reads pages from all over a 100,000-article store (9.8 GB) grows by about 2 %
of the store's size in each process that has it open, and pyoxigraph offers no option that
bounds it.  Measured on that store: a server process went from 87 to 291 MiB over 100 pages and
five states' pages, with 12-24 MiB of it Python objects; closing the store and giving freed
memory back to the system (glibc's ``malloc_trim``) brought it to 142 MiB.

So a reader holds the store with a ``StoreMemory``: after its work it looks at the process's
anonymous resident memory (``/proc/self/status``: one small read), and when that has grown by
more than ``BUDGET`` since the store was last opened, it opens the store again (the same data:
nothing rendered is forgotten) and returns what the old handle held.  Where there is no
``/proc`` or no glibc, it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections.abc import Callable
from pathlib import Path

__all__ = ["BUDGET", "StoreMemory", "anonymous_memory", "reopener"]

BUDGET = 128 * 1024 * 1024  # bytes a store's readers may add before it is opened again


def anonymous_memory() -> int | None:
    """This process's anonymous resident memory in bytes (None where Linux does not say)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"RssAnon:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _trimmer() -> Callable[[], None]:
    """glibc's malloc_trim(0): give freed heap memory back to the system; else nothing."""
    name = ctypes.util.find_library("c")
    if name is None:
        return lambda: None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS)
        return lambda: None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return lambda: trim(0)


class StoreMemory:
    """Calls ``reopen`` when the process's memory has grown by ``budget`` since the last
    time (``reopen`` says whether it opened the store again)."""

    def __init__(
        self,
        reopen: Callable[[], bool],
        *,
        budget: int = BUDGET,
        measure: Callable[[], int | None] = anonymous_memory,
    ) -> None:
        self.reopen, self.budget, self.measure = reopen, budget, measure
        self._trim = _trimmer()
        self._lock = threading.Lock()
        self.reopened = 0
        now = measure()
        self.limit = None if now is None else now + budget

    def check(self) -> bool:
        """Reopen if over the limit (one caller at a time; the others go on).  True if it
        reopened now.  ``reopen`` may decline (a load has written the store: the watch of
        ``store/refresh.py`` replaces the readers once it is done)."""
        if self.limit is None or not self._lock.acquire(blocking=False):
            return False
        try:
            now = self.measure()
            if now is None or now <= self.limit:
                return False
            try:
                if not self.reopen():
                    return False
            except OSError:  # the store moved or is being replaced: try again next time
                return False
            self._trim()
            self.reopened += 1
            after = self.measure()
            # from what is left: what the rest of the process holds is not the store's to give
            self.limit = (after if after is not None else now) + self.budget
            return True
        finally:
            self._lock.release()


def reopener(
    store: Path, opened: Callable[[], tuple | None], put: Callable[[object], None]
) -> Callable[[], bool]:
    """A StoreMemory's ``reopen`` for the embedded store at ``store``: opened again read-only
    and given to ``put``, unless its files differ from ``opened()`` (``refresh.signature``
    when it was opened): then a load has written it, and the watch replaces the readers."""

    def reopen() -> bool:
        import pyoxigraph as ox

        from .refresh import signature

        if signature(store) != opened():
            return False
        put(ox.Store.read_only(str(store)))
        return True

    return reopen
