"""Where defrel may write an output folder, and how: the one rule for which folders it may
replace, and the lock, staging folder and swap that write a folder all or nothing.

``build``, ``site`` and ``ontology docs`` (and the library's ``write_folder``) all write
through ``staged_output``, so the rule and the atomic swap live here and nowhere else.
``site`` may instead update a previous site of its own in place (``in_place``), file by
file, each file written whole beside its final name and renamed over it
(``replace_file``): a few files change after an edit, and staging a copy of an archive's
hundreds of thousands of files would cost more than the edit.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..errors import OutputError

__all__ = ["MARKER", "Stage", "check_output", "marked_command", "replace_file", "staged_output"]

MARKER = ".defrel-output"  # written inside every output folder; it makes the folder replaceable
HINT = "choose an empty or new folder, or remove it yourself"
NEW_HINT = "choose an empty or new folder, e.g. --out dist"  # never "remove it": it is yours
# staging and swapped-out folders beside the output: named so no user's folder can match
_TMP, _OLD = "defrel-tmp-", "defrel-old-"


@dataclass
class Stage:
    """An output being written: write into ``folder``; on leaving the ``with`` block it
    replaces ``out`` (the real path), unless ``abandon`` was called or an error was raised."""

    folder: Path
    out: Path
    shown: Path  # ``out`` as the caller named it, for messages and listings
    keep: bool = True
    in_place: bool = False  # ``out`` is updated in place; ``folder`` is scratch space only

    def abandon(self) -> None:
        """Leave ``out`` as it is; the staging folder is removed."""
        self.keep = False

    def final(self, path: Path) -> Path:
        """Where ``path`` (inside ``folder``) will be once the stage is swapped in."""
        return self.shown / Path(path).relative_to(self.folder)


def _refuse(out: Path, why: str, hint: str = HINT) -> OutputError:
    return OutputError(f"--out {why}; nothing was written or removed", path=out, hint=hint)


def _is_previous_output(folder: Path) -> bool:
    """A folder defrel wrote: its marker, or (made before the marker existed) a build's
    manifest, or a build's ``dataset.nq`` beside its ``articles/``."""
    marker = folder / MARKER
    if marker.is_file() and not marker.is_symlink():
        with suppress(OSError, ValueError):
            if "defrel" in json.loads(marker.read_text(encoding="utf-8")):
                return True
    if (folder / ".defrel" / "manifest.json").is_file():
        return True
    return (folder / "dataset.nq").is_file() and (folder / "articles").is_dir()


def _protected(real: Path) -> str | None:
    """Why ``real`` may never be replaced, whatever it holds (None if it may be)."""
    if real == Path(real.anchor):
        return "is the root folder"
    with suppress(RuntimeError, KeyError):  # no home folder known: nothing to protect
        if real == Path.home().resolve():
            return "is your home folder"
    here = Path.cwd().resolve()
    if real == here:
        return "is the current folder"
    if here.is_relative_to(real):
        return f"holds the current folder ({here})"
    return None


def _holds_input(real: Path, inputs: Sequence[Path]) -> Path | None:
    """The first input that ``real`` is, or holds (by its path as given, or its real path)."""
    for given in inputs:
        for form in (Path(os.path.abspath(given)), Path(given).resolve()):
            if form.is_relative_to(real):
                return Path(given)
    return None


def check_output(out: Path, *, inputs: Sequence[Path] = ()) -> Path:
    """The rule for output folders; return the real path of ``out`` if it may be replaced,
    raise OutputError (nothing touched) if not.

    An output folder is replaced only when it does not exist, is empty, or is a previous
    defrel output, known by the marker file ``.defrel-output`` that defrel writes inside
    every output folder it creates (a folder built before the marker existed counts too: it
    has ``.defrel/manifest.json``, or ``dataset.nq`` beside ``articles/``).

    Never, whatever it holds: a folder that is, or holds, an input of the same command (a
    facts file or folder it was given); ``/``; the home folder; the current folder or any
    folder holding it (so never the folder of inputs named relative to it). A symbolic link
    named as ``--out`` is refused, naming its target: defrel replaces the folder whole, so
    writing through a link would replace the target; name the real folder instead.
    """
    given = Path(out)
    try:
        return _check(given, inputs)
    except (OSError, RuntimeError) as err:  # unreadable, a link loop, the current folder gone
        raise _refuse(
            given, f"cannot be checked ({getattr(err, 'strerror', None) or err})"
        ) from None


def _check(given: Path, inputs: Sequence[Path]) -> Path:
    if given.is_symlink():
        raise _refuse(
            given,
            f"is a symbolic link to {os.readlink(given)}",
            f"name the real folder instead (--out {os.path.realpath(given)}), "
            "or choose a new folder",
        )
    real = given.resolve()
    why = _protected(real)
    if why is not None:
        raise _refuse(given, why, NEW_HINT)
    held = _holds_input(real, inputs)
    if held is not None:
        what = "is" if Path(held).resolve() == real else "holds"
        raise _refuse(
            given,
            f"{what} an input of this command ({held}); replacing it would delete it",
            NEW_HINT,
        )
    _check_contents(given, real)
    return real


def _check_contents(given: Path, real: Path) -> None:
    """Refuse an existing file, or a folder with files that defrel did not write."""
    if real.exists() and not real.is_dir():
        raise _refuse(given, "exists and is not a folder")
    if real.is_dir() and any(real.iterdir()) and not _is_previous_output(real):
        raise _refuse(
            given,
            f"is not empty and is not a previous defrel output (it has no {MARKER} file); "
            "defrel replaces its output folder whole",
        )


def marked_command(folder: Path) -> str | None:
    """The command whose output ``folder`` is, by its marker (None: no readable marker)."""
    marker = Path(folder) / MARKER
    with suppress(OSError, ValueError, AttributeError):
        if marker.is_file() and not marker.is_symlink():
            return json.loads(marker.read_text(encoding="utf-8")).get("command")
    return None


def replace_file(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all: into a new file beside it (named
    ``.{name}.defrel-tmp-…``, never taken for a finished file), then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.parent / f".{path.name}.{_TMP}{secrets.token_hex(4)}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _marker_text(command: str) -> str:
    # no time or path in it: a re-run must write the very same bytes
    about = {"defrel": version("defrel"), "command": command}
    return json.dumps(about, sort_keys=True) + "\n"


@contextmanager
def staged_output(
    out: Path,
    *,
    inputs: Sequence[Path] = (),
    command: str,
    in_place: Callable[[Path], bool] | None = None,
) -> Iterator[Stage]:
    """Check ``out`` (``check_output``), lock it, and yield a ``Stage`` to write into; on a
    normal exit the stage, marked as ``command``'s output, replaces ``out``.

    Enter it before any work, so a refused ``--out`` costs nothing. One writer at a time:
    ``.<out>.lock`` beside ``out`` turns a second one away. Staging folders left by a killed
    run are removed. On an error (or ``abandon``) ``out`` is left as it was.

    ``in_place(out)``, asked once the lock is held: True if the caller will update ``out``
    itself (a previous output of its own in a good state); the stage is then marked
    ``in_place``, its ``folder`` is scratch space, removed on exit, and nothing is swapped:
    keeping ``out`` sound file by file is the caller's part."""
    real = check_output(out, inputs=inputs)
    shown = Path(out)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        with _exclusive(real, shown):
            _remove_leftovers(real)
            folder = Path(tempfile.mkdtemp(prefix=f".{real.name}.{_TMP}", dir=real.parent))
            stage = Stage(folder=folder, out=real, shown=shown)
            stage.in_place = bool(in_place and real.is_dir() and in_place(real))
            try:
                yield stage
                if stage.keep and not stage.in_place:
                    (folder / MARKER).write_text(_marker_text(command), encoding="utf-8")
                    _check_contents(shown, real)  # still replaceable after the work?
                    _swap(folder, real)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    except OSError as err:
        raise OutputError(
            f"cannot write into {real.parent}: {err.strerror or err}",
            path=shown,
            hint=_write_hint(err),
        ) from None


def _write_hint(err: OSError) -> str:
    """What to do about an output that could not be written, by its cause."""
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            "the disk is full (or your quota used up): free space there, or choose an --out "
            "folder on another disk"
        )
    if err.errno == errno.EROFS:
        return "that file system is read-only: choose another --out folder"
    return "choose another --out folder, or fix its permissions"


@contextmanager
def _exclusive(real: Path, shown: Path) -> Iterator[None]:
    """Hold ``.<out>.lock`` beside ``out`` while writing it; a second writer is refused."""
    lock = real.parent / f".{real.name}.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        # the file may have been unlinked by the previous holder between open and flock
        if os.fstat(fd).st_ino != os.stat(lock).st_ino:
            raise BlockingIOError
    except (BlockingIOError, FileNotFoundError):
        os.close(fd)
        raise OutputError(
            f"another defrel build is writing {shown} right now",
            path=shown,
            hint="wait for it to finish, or build into another --out folder",
        ) from None
    try:
        yield
    finally:
        os.unlink(lock)
        os.close(fd)


def _remove_leftovers(real: Path) -> None:
    """Remove the staging and swapped-out folders of runs killed before they could clean up
    (only ours: their names carry ``defrel-tmp-`` or ``defrel-old-``; the lock is held)."""
    for prefix in (_TMP, _OLD):
        for leftover in real.parent.glob(f".{real.name}.{prefix}*"):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` where ``out`` is; the old ``out`` goes only once the new one is there."""
    os.chmod(staging, 0o755)
    if not out.exists():
        os.replace(staging, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.{_OLD}", dir=out.parent))
    os.replace(out, old / out.name)
    try:
        os.replace(staging, out)
    except OSError:
        os.replace(old / out.name, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
