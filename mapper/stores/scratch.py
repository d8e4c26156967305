"""The staging folder of a load, in the temporary folder, and the removal of those left behind
by loads that were killed (a killed load cannot remove its own, ~100 MB each at scale).

A folder is ``defrel-staging-<pid>-<random>``, and its owner holds an exclusive ``flock`` on
the ``lock`` file inside it for as long as it runs; the kernel lets the lock go when the
process dies, however it dies.  A later load removes a folder only if it is one of these, is
ours (same user, a real folder), its process is gone, and its lock is free: so nothing in use,
and nothing that is not a defrel staging folder, is ever removed.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["PREFIX", "remove_leftovers", "scratch_folder"]

PREFIX = "defrel-staging-"
LOCK = "lock"
_NAME = re.compile(rf"{PREFIX}(\d+)-[A-Za-z0-9_]+")
# A folder without its lock file is one being made this instant, or one whose load was killed
# in that instant: removed only once it is this old.
_GRACE_SECONDS = 60.0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _remove_if_abandoned(folder: Path, pid: int) -> bool:
    info = folder.lstat()
    if not os.path.isdir(folder) or folder.is_symlink() or info.st_uid != os.getuid():
        return False
    if pid == os.getpid() or _alive(pid):
        return False
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        if time.time() - info.st_mtime < _GRACE_SECONDS:
            return False
        shutil.rmtree(folder, ignore_errors=True)
        return True
    except OSError:
        return False
    with os.fdopen(fd) as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held: in use (by a process in another pid namespace, say)
            return False
        shutil.rmtree(folder, ignore_errors=True)  # removed while we hold its lock
    return True


def remove_leftovers(root: Path) -> list[Path]:
    """Remove the staging folders in ``root`` left by loads that are no longer running."""
    removed = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    for entry in entries:
        found = _NAME.fullmatch(entry.name)
        if found is None:
            continue
        folder = Path(entry.path)
        try:
            if _remove_if_abandoned(folder, int(found[1])):
                removed.append(folder)
        except OSError:  # gone meanwhile, or not ours to look at: leave it
            continue
    return removed


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A new staging folder in the temporary folder, locked while in use and removed after;
    the leftovers of killed loads are removed first."""
    root = Path(tempfile.gettempdir())
    remove_leftovers(root)
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=root))
    try:
        with (folder / LOCK).open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
