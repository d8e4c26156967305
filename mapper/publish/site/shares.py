"""What an article contributes to the shared pages of ``defrel site``: for each shared resource
it mentions, the quads of its graph that the resource's page reads, as ``resource<TAB>N-Quads
statement`` lines (the statement without its `` .``).

They go two ways from the worker that renders the article: into the article's ``.shares``
file beside its side file (kept: an edit renders a touched shared page again from the
unchanged articles' files, not from every article), and into the run's spool, a bucket per
shared-pages task (by the resource's CRC-32). A worker appends to bucket files of its own
(``{pid}-{k}.txt``), so no two processes write into one file, and the parent neither receives
the lines nor copies them; a bucket's task reads the files of its bucket.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable
from pathlib import Path

from ..render.documents import _text

__all__ = [
    "BUCKETS",
    "SHARES",
    "bucket_files",
    "kept_shares",
    "nquad_lines",
    "read_bucket",
    "share_block",
    "spool",
]

SHARES = ".shares"  # beside an article's side file
BUCKETS = 32  # spool files of shared resources' contributions


def nquad_lines(quads: Iterable) -> list[str]:
    """N-Quads statements (no " ."), sorted, each once."""
    text = _text
    return sorted(
        {
            f"{text(s)} {text(p)} {text(o)} {text(g)}"
            if g is not None
            else f"{text(s)} {text(p)} {text(o)}"
            for s, p, o, g in quads
        }
    )


def share_block(r: str, lines: list[str]) -> str:
    """The lines of a ``.shares`` file (or of the spool) that give ``r`` the statements
    ``lines``."""
    return "".join(f"{r}\t{line}\n" for line in lines)


def spool(folder: str | Path, blocks: list[tuple[str, str]]) -> None:
    """Append ``blocks`` ((resource, ``share_block``) each) to this process's bucket files in
    ``folder``."""
    by_bucket: dict[int, list[str]] = {}
    for r, block in blocks:
        by_bucket.setdefault(zlib.crc32(r.encode()) % BUCKETS, []).append(block)
    pid = os.getpid()
    for k, found in by_bucket.items():
        with open(os.path.join(folder, f"{pid}-{k}.txt"), "a", encoding="utf-8") as stream:
            stream.writelines(found)


def bucket_files(folder: Path) -> list[list[str]]:
    """The spool's files, by bucket."""
    found: list[list[str]] = [[] for _ in range(BUCKETS)]
    for entry in os.scandir(folder):
        found[int(entry.name.rsplit("-", 1)[1].removesuffix(".txt"))].append(entry.path)
    return [sorted(paths) for paths in found]


def read_bucket(paths: list[str]) -> dict[str, set[str]]:
    """The lines of a bucket's files, grouped by resource, each once."""
    grouped: dict[str, set[str]] = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="\n") as stream:  # (as kept_shares splits)
            for line in stream:
                r, _, quad = line.partition("\t")
                grouped.setdefault(r, set()).add(quad.rstrip("\n"))
    return grouped


def kept_shares(side: Path, wanted: set[str]) -> list[tuple[str, str]] | None:
    """The contributions to the shared resources ``wanted`` an article's side file keeps,
    as (resource, its ``share_block``) each (None if there is none: the article is then
    read again)."""
    try:
        text = side.with_suffix(SHARES).read_text(encoding="utf-8")
    except OSError:
        return None
    found: dict[str, list[str]] = {}
    # (split at "\n" alone: a literal's U+2028, \f … are written as they are, not escaped)
    for line in filter(None, text.split("\n")):
        r, quad = line.split("\t", 1)
        if r in wanted:
            found.setdefault(r, []).append(quad)
    return [(r, share_block(r, lines)) for r, lines in found.items()]
