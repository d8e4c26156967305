"""Notice a ``defrel load`` into the store a server reads, and read the new data without a
restart.

An Oxigraph store opened read-only sees the data as it was when it was opened.  ``StoreWatch``
looks at the store's folder at most once a ``interval`` (a listing: names, sizes, times of its
files, less RocksDB's own log); when it differs from the one the server opened and has stayed
the same for one interval (a load that is still writing keeps changing it), the server opens
the store again, forgets what it rendered, and replaces its query workers.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["OURS", "StoreWatch", "signature"]

INTERVAL = 1.0  # seconds between two looks at the folder
OURS = "defrel-"  # what defrel keeps in a store's folder besides the data (``serve/kept.py``)


def signature(store: Path, *, identity: bool = False) -> tuple:
    """What changes when anything writes the store's data: its files (not RocksDB's info
    log, nor defrel's own files), by name, size and time. ``identity``: each file's inode
    and change time too, which no copy of the folder has (a tar archive keeps the times
    it can set, not these)."""
    found = []
    with os.scandir(store) as entries:
        for entry in entries:
            if entry.name.startswith(("LOG", OURS)) or not entry.is_file(follow_symlinks=False):
                continue
            stat = entry.stat(follow_symlinks=False)
            said = (entry.name, stat.st_size, stat.st_mtime_ns)
            found.append(said + (stat.st_ino, stat.st_ctime_ns) if identity else said)
    return tuple(sorted(found))


class StoreWatch:
    """Calls ``reopen`` when the store at ``store`` was written and is quiet again."""

    def __init__(
        self, store: Path, reopen: Callable[[], None], *, interval: float = INTERVAL
    ) -> None:
        self.store, self.reopen, self.interval = Path(store), reopen, interval
        self.opened = self._look()
        self.seen = self.opened
        self.next_look = time.monotonic() + interval
        self.lock = threading.Lock()
        self.reopened = 0  # how many times the data was read anew

    def _look(self) -> tuple | None:
        try:
            return signature(self.store)
        except OSError:  # moved away or being replaced: look again later
            return None

    def due(self) -> bool:
        return time.monotonic() >= self.next_look

    def check(self) -> bool:
        """Look (if an interval has passed); reopen if the store changed and is quiet.
        True if it was reopened now."""
        now = time.monotonic()
        if now < self.next_look or not self.lock.acquire(blocking=False):
            return False
        try:
            self.next_look = now + self.interval
            current = self._look()
            changed = current is not None and current != self.opened
            quiet = current == self.seen
            self.seen = current
            if not (changed and quiet):
                return False
            try:
                self.reopen()
            except OSError:  # caught mid-change after all: try again at the next look
                return False
            self.opened = current
            self.reopened += 1
            return True
        finally:
            self.lock.release()
