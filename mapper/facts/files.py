"""Find and read the files defrel is given, trusting the person who runs it but not the files.

A facts file may name its article text; that name is confined to the facts file's folder
(or to ``root``, the folder the user names with ``--root``). Every read opens the file once,
without blocking, checks the open descriptor is a regular file and reads at most
``MAX_BYTES + 1`` bytes, so a FIFO, a device or ``/dev/zero`` cannot hang or exhaust defrel.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..errors import FactsError

__all__ = ["MAX_BYTES", "confined", "decode", "find_facts_files", "read_bytes", "read_text"]

FACTS_SUFFIX = ".facts.yaml"
MAX_BYTES = 16 * 1024 * 1024  # a facts file or an article text larger than this is refused

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_bytes(path: Path, *, what: str, follow: bool = True, inside: Path | None = None) -> bytes:
    """The bytes of the regular file ``path``; anything else (a FIFO, a device, a folder, a
    file over MAX_BYTES, with ``follow=False`` a symlink, with ``inside`` a file that is
    not in that folder once open) is refused with a FactsError.

    Opened non-blocking (a FIFO with no writer cannot hang the open), checked with fstat on
    the open descriptor (no window between check and read), read to MAX_BYTES + 1 at most
    (a size from stat can lie: /proc files and devices say 0)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    flags |= 0 if follow else os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FactsError(f"{what} not found", path=path, hint="check the file name") from None
    except OSError as err:
        if not follow and err.errno == errno.ELOOP:  # the last component became a symlink
            raise FactsError(f"{what} is a symbolic link", path=path) from None
        raise FactsError(f"cannot read {what}: {err.strerror}", path=path) from None
    except ValueError:  # a NUL in the name
        raise FactsError(f"{what}: the file name holds a NUL character", path=path) from None
    try:
        if inside is not None:
            _check_inside(fd, path, inside, what)
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise FactsError(
                f"{what} is {_kind(mode)}, not a file",
                path=path,
                hint="name a regular file (defrel does not read pipes, devices or folders)",
            )
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise FactsError(f"cannot read {what}: {err.strerror}", path=path) from None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise FactsError(
            f"{what} is too large (more than the {MAX_BYTES:,} defrel reads, in bytes)",
            path=path,
            hint="split the article, or check that this is the file you meant",
        )
    return b"".join(chunks)


def _check_inside(fd: int, path: Path, inside: Path, what: str) -> None:
    """Where the open descriptor really points (Linux: /proc/self/fd) must be in ``inside``:
    a folder on the way swapped for a symlink after the path was resolved is caught here."""
    try:
        real = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return  # no /proc: the check on the resolved path stands alone
    if not Path(real).is_relative_to(inside):
        raise FactsError(f"{what} moved outside {inside} while being opened", path=path)


def decode(data: bytes, *, path: Path, what: str) -> str:
    """``data`` as UTF-8 text exactly as written (no newline translation); errors name the fix."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FactsError(f"{what} is UTF-16", path=path, hint="save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise FactsError(
            f"{what} is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})",
            path=path,
            line=line,
            hint="save it as UTF-8 (it may be Latin-1 or Windows-1252)",
        ) from None
    if text.startswith("\ufeff"):
        raise FactsError(
            f"{what} starts with a byte-order mark",
            path=path,
            hint="save it as UTF-8 without BOM; a BOM would shift every character offset",
        )
    return text


def read_text(path: Path, *, what: str, follow: bool = True) -> str:
    """Read a UTF-8 file (see ``read_bytes`` and ``decode``)."""
    return decode(read_bytes(path, what=what, follow=follow), path=path, what=what)


def confined(
    facts_path: Path, name: str, *, root: Path | None = None, line: int | None = None
) -> Path:
    """The real path of the file ``name`` that the facts file ``facts_path`` names, which must
    be relative and lead (symlinks followed) to a file inside ``root``, by default the facts
    file's own folder. The result has no symlink in it: open it with ``follow=False``."""
    folder = Path(facts_path).parent
    allowed = Path(root if root is not None else folder).resolve()
    where = f"--root {root}" if root is not None else f"the facts file's folder ({folder})"
    fix = "name a file beside the facts file, e.g. text: my-article.txt" + (
        "" if root is not None else " (or pass --root DIR to allow a wider folder)"
    )
    if "\0" in name:
        raise FactsError("article.text holds a NUL character", path=facts_path, line=line)
    if (
        PurePosixPath(name).is_absolute()
        or PureWindowsPath(name).is_absolute()
        or (PureWindowsPath(name).drive)
    ):
        raise FactsError(
            f"article.text {name!r} is an absolute path: a facts file may only name a file "
            f"inside {where}",
            path=facts_path,
            line=line,
            hint=fix,
        )
    try:
        real = (folder / name).resolve()
    except (OSError, RuntimeError) as err:  # a symlink loop, a name too long
        raise FactsError(
            f"article text {name!r} cannot be resolved: {getattr(err, 'strerror', None) or err}",
            path=facts_path,
            line=line,
            hint=fix,
        ) from None
    if not real.is_relative_to(allowed):
        raise FactsError(
            f"article text {name!r} leads outside {where} (to {real}): "
            "a facts file may only name a file inside it",
            path=facts_path,
            line=line,
            hint=fix,
        )
    if not real.exists():  # (resolve() leaves a missing name as it is)
        raise FactsError(
            f"article text for {Path(facts_path).name} not found",
            path=folder / name,
            hint=f"check the file name (article.text on line {line} of {facts_path})",
        )
    return real


def _walk(folder: Path) -> list[Path]:
    """The facts files under ``folder``, links to folders not followed; a facts file that is a
    symlink must lead to a file inside ``folder`` (the user named the folder, not where its
    links point)."""
    inside = folder.resolve()
    found = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(n for n in names if n.endswith(FACTS_SUFFIX)):
            path = Path(top, name)
            # a file that is no link lies where the walk found it, inside: only links are
            # resolved (a resolve per file was a second of an edit's 10,000-article build)
            if not os.path.islink(path):
                found.append(path)
                continue
            real = path.resolve()
            if not real.is_relative_to(inside):
                raise FactsError(
                    f"facts file is a symbolic link leading out of {folder} (to {real})",
                    path=path,
                    hint="copy the file into the folder, or name it on the command line",
                )
            found.append(path)
    return sorted(found)


def find_facts_files(paths: list[Path]) -> list[Path]:
    """Facts files named directly, and every ``*.facts.yaml`` under named folders, sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(_walk(path))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise FactsError("no such file or folder", path=path)
    if not found:
        raise FactsError(
            f"no facts files (*{FACTS_SUFFIX}) found in {', '.join(map(str, paths))}",
            hint="name a facts file or a folder that holds some",
        )
    return found
