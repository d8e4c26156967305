"""Write the dataset files of a build into its staging folder: new articles' parts as they
arrive, unchanged articles' parts copied from the previous build's files.

Copies are merged: a run of unchanged articles that sat next to each other in the previous
file is one ``copy_file_range`` (done in the kernel), however many articles it holds, so an
incremental build of a large corpus copies a few long stretches rather than thousands of
small ones. Each article's own two files are hard-linked from the previous output.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..rdf.vocab import CONTEXT_FILE, context
from .chunks import dataset_jsonld_head, dataset_jsonld_tail, turtle_head

__all__ = ["BIG", "DistWriter"]

BIG = ("dataset.ttl", "dataset.nq", "dataset.jsonld")
SEPARATOR = {"dataset.jsonld": b",\n"}  # between two articles' parts; none in the others


class _Out:
    """One dataset file: bytes written, or stretches of the previous build's file copied."""

    def __init__(self, path: Path, old: Path) -> None:
        self.stream = open(path, "wb")  # noqa: SIM115 - closed by DistWriter
        self.old, self.source = old, None
        self.run: list[int] | None = None  # [start in the old file, length], not copied yet
        self.size = 0  # bytes of output so far, the pending run included

    def write(self, data: bytes) -> tuple[int, int]:
        self.flush()
        start = self.size
        self.stream.write(data)
        self.size += len(data)
        return start, len(data)

    def copy(self, start: int, length: int, gap: bytes) -> tuple[int, int]:
        """Append ``length`` bytes from ``start`` of the old file, preceded by ``gap``; where
        the old file had this part right after the last one copied (with ``gap`` between,
        as it then also did), the copy just grows."""
        if self.run is not None and sum(self.run) + len(gap) == start:
            self.run[1] += len(gap) + length
            self.size += len(gap) + length
        else:
            if gap:
                self.write(gap)  # after what is pending
            self.flush()
            self.run = [start, length]
            self.size += length
        return self.size - length, length

    def flush(self) -> None:
        if self.run is None:
            return
        if self.source is None:
            self.source = open(self.old, "rb")  # noqa: SIM115 - closed in close()
        self.stream.flush()
        _copy(self.source, self.stream, *self.run)
        self.run = None

    def close(self) -> None:
        self.flush()
        self.stream.close()
        if self.source is not None:
            self.source.close()

    def abandon(self) -> None:
        self.stream.close()
        if self.source is not None:
            self.source.close()


def _copy(source, target, start: int, length: int) -> None:
    """Copy ``length`` bytes at ``start`` of ``source`` to the end of ``target`` (in the
    kernel where it can)."""
    target_fd, source_fd = target.fileno(), source.fileno()
    done = 0
    try:
        while done < length:
            n = os.copy_file_range(source_fd, target_fd, length - done, start + done)
            if n == 0:
                break
            done += n
    except OSError:
        pass
    if done < length:
        source.seek(start + done)
        target.write(source.read(length - done))
        target.flush()
    target.seek(0, os.SEEK_END)


class DistWriter:
    """The output files of one build, written into ``staging``; ``old`` is the previous
    output (parts and files of unchanged articles come from there)."""

    def __init__(self, staging: Path, old: Path, base: str) -> None:
        self.staging, self.old = staging, old
        (staging / "articles").mkdir(parents=True)
        self.files = {name: _Out(staging / name, old / name) for name in BIG}
        self.first = True
        self.files["dataset.ttl"].write(turtle_head(base).encode() + b"\n")
        self.files["dataset.jsonld"].write(dataset_jsonld_head().encode())
        self.names = ["dataset.ttl", "dataset.jsonld", "dataset.nq", CONTEXT_FILE]

    def _gap(self, name: str) -> bytes:
        return b"" if self.first else SEPARATOR.get(name, b"")

    def new(self, slug: str, parts: dict[str, str]) -> dict[str, tuple[int, int]]:
        """Write an article's parts (file name -> text); its own files are already in
        ``staging/articles`` (the worker wrote them). Returns where each part went."""
        ranges = {}
        for name in BIG:
            gap = self._gap(name)
            if gap:
                self.files[name].write(gap)
            ranges[name] = self.files[name].write(parts[name].encode())
        self.first = False
        self.names += [f"articles/{slug}.ttl", f"articles/{slug}.jsonld"]
        return ranges

    def reuse(self, slug: str, ranges: dict) -> dict[str, tuple[int, int]]:
        """Copy an unchanged article's parts and link its files; returns where they went."""
        moved = {}
        for name in BIG:
            start, length = ranges[name]
            moved[name] = self.files[name].copy(start, length, self._gap(name))
        self.first = False
        for suffix in (".ttl", ".jsonld"):
            name = f"articles/{slug}{suffix}"
            os.link(f"{self.old}/{name}", f"{self.staging}/{name}")
            self.names.append(name)
        return moved

    def close(self) -> None:
        self.files["dataset.jsonld"].write(dataset_jsonld_tail().encode())
        for out in self.files.values():
            out.close()
        (self.staging / CONTEXT_FILE).write_text(
            json.dumps(context(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )

    def abandon(self) -> None:
        for out in self.files.values():
            out.abandon()
