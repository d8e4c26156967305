"""Progress bars for the long commands: drawn on stderr when it is a terminal, redrawn at
most ten times a second; nothing at all in a pipe or a file (so logs and ``--json`` stay clean)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO

__all__ = ["Bar", "bar_line"]


def bar_line(done: int, total: int, rest: str, *, width: int = 24) -> str:
    """``[#######-----------------]  3/8 articles`` and then ``rest``."""
    filled = round(width * done / total) if total else width
    return f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total} articles  {rest}"


class Bar:
    """Called with each progress report, draws ``render(report)`` over the previous line.

    ``live`` is whether ``stream`` is a terminal, unless given (tests force it).  As a
    context manager, it ends its line on the way out."""

    def __init__(
        self, stream: TextIO, render: Callable[[Any], str], *, live: bool | None = None
    ) -> None:
        self._stream, self._render = stream, render
        self._last, self._drawn = 0.0, False
        self.live = stream.isatty() if live is None else live

    def __call__(self, progress: Any) -> None:
        now = time.monotonic()
        final = progress.articles >= progress.articles_total
        if not self.live or (now - self._last < 0.1 and not final):
            return
        self._stream.write("\r" + self._render(progress))
        self._stream.flush()
        self._last, self._drawn = now, True

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the bar's line, if one was drawn."""
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
