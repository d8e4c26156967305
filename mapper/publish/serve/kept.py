"""The dataset's description (home page, lists, VoID, sitemap) that ``serve --store`` made,
kept in the store's folder, so that the next start of a server on the same data serves it
at once instead of reading the store's overview again (at 100,000 articles about a minute
and a peak of about 1 GB, in a child process).

The file (``defrel-described.json``) holds a key (its first line) and the files, compressed
as the server keeps them (JSON, base64). The key is a digest of all the description depends on: the store's files
(``refresh.signature``: names, sizes and times, which every ``defrel load`` changes, and
each file's inode and change time), the options (base, licence, publisher, the dumps
folder and its files), and defrel's own code, templates, ontology and shapes. A file whose
key differs, or that cannot be read as such a file, is ignored, and the description made
again. It is written whole (a temporary file renamed), and not at all when the folder is
read-only.

Its pages are served as they are, so it is trusted only in the folder it was written in:
the inodes and change times in the key are what a copy of the folder (a tar archive of a
store, with a file crafted to match) cannot reproduce. The store's watch does not count
the file: writing it is not a change of the data.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import stat
import tempfile
from functools import cache
from pathlib import Path

from ...builder.sources import add_sources
from ..store.refresh import OURS, signature

__all__ = ["KEPT", "Kept", "described_key"]

KEPT = f"{OURS}described"  # the file's name, and its temporary files' prefix
_FILE = f"{KEPT}.json"
_FORMAT = 1
_LARGEST = 1 << 30  # bytes read at most: a description defrel wrote is far smaller


@cache
def _code_digest() -> str:
    """defrel's source, templates, ontology, shapes and context: what renders the files."""
    digest = hashlib.sha256()
    add_sources(digest, "site")
    return digest.hexdigest()


def _dumps_listing(folder: Path | None) -> list:
    """The dumps folder's files (symlinks followed: ``dcat.dumps_in`` reads through them),
    by name, size and time; none if it is not there."""
    if folder is None:
        return []
    found = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file():
                info = entry.stat()
                found.append((entry.name, info.st_size, info.st_mtime_ns))
    return sorted(found)


def _digest(said: dict) -> str:
    return hashlib.sha256(json.dumps(said, sort_keys=True).encode()).hexdigest()


def described_key(store: Path, described: dict) -> str:
    """The key of the description of the store at ``store`` served with the options
    ``described``, as the store's files (and the dumps folder's, and defrel's code) are
    now."""
    dumps = described.get("dumps")
    said = {
        "format": _FORMAT,
        "options": {k: repr(v) for k, v in sorted(described.items())},
        "store": [list(entry) for entry in signature(Path(store), identity=True)],
        "dumps": _dumps_listing(Path(dumps) if dumps else None),
        "code": _code_digest(),
    }
    return _digest(said)


class Kept:
    """The description kept in the store's folder ``folder`` under ``key``."""

    def __init__(self, folder: Path, key: str) -> None:
        self.path, self.key = Path(folder) / _FILE, key

    def _head(self) -> bytes:
        return f"{KEPT} {_FORMAT} {self.key}\n".encode()

    def read(self) -> dict[str, bytes] | None:
        """The files kept under this key; None if there are none (or not these, or a file
        that is not one defrel wrote). The key is the file's first line: a file of another
        key is not read further."""
        head = self._head()
        try:
            # the file itself, a regular one: not what a symlink in a store folder made by
            # someone else points at (outside it), nor a FIFO that would hang the open
            fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
            with os.fdopen(fd, "rb") as stream:
                if not stat.S_ISREG(os.fstat(fd).st_mode) or stream.read(len(head)) != head:
                    return None
                files = json.loads(stream.read(_LARGEST))
            if not isinstance(files, dict):
                return None
            kept = {}
            for name, text in files.items():
                if not (isinstance(name, str) and isinstance(text, str)):
                    return None
                kept[name] = base64.b64decode(text, validate=True)
            return kept
        except (OSError, ValueError, binascii.Error):  # (a JSON or UTF-8 error is a ValueError)
            return None

    def write(self, files: dict[str, bytes]) -> bool:
        """Keep ``files`` under this key (whole: a temporary file renamed). False if the
        folder cannot be written (a read-only store): the next start makes them again."""
        encoded = {n: base64.b64encode(b).decode() for n, b in files.items()}
        text = self._head() + json.dumps(encoded).encode()
        try:
            fd, temp = tempfile.mkstemp(prefix=f"{KEPT}.", suffix=".tmp", dir=self.path.parent)
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(text)
            os.replace(temp, self.path)
            return True
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            return False
