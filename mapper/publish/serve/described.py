"""The home page, its lists, VoID and the sitemap of a store, made in a child process as soon
as the server starts (or reads a store loaded again), and kept compressed.

Making them reads every resource's types and label (``store/overview.py``): at 100,000
articles about a minute and a peak of about 1 GB, which the server need not keep. Begun at
start, they are usually there when the first visitor asks; a request that comes sooner
waits for them. The child is a daemon process: a server stopped meanwhile does not wait for
it, and it does not outlive the server. What it made is kept in the store's folder for the
next server on the same data (``serve/kept.py``).
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable

from ...errors import StoreError
from .kept import Kept

__all__ = ["Described"]


def _run(conn, make: Callable, args: tuple, kwargs: dict) -> None:
    """In the child: ``make(*args, **kwargs)``, sent back (or what went wrong, as text)."""
    try:
        conn.send((True, make(*args, **kwargs)))
    except BaseException as err:  # noqa: BLE001 - reported by the server, which stays up
        conn.send((False, f"{type(err).__name__}: {err}"))
    finally:
        conn.close()


class Described:
    """``make(*args, **kwargs)`` (files by site path, compressed), run once in a child
    process: ``begin`` starts it in the background, calling the object waits for it (and
    tries again if it failed).

    With ``stale`` files (the description of the data before a ``defrel load``, which
    this server made), a caller is not made to wait: it gets the stale files while the new
    ones are made (at 100,000 articles, about a minute); if that failed, a caller starts
    it again in the background, at most once every ``retry_after`` seconds."""

    retry_after = 30.0

    def __init__(
        self,
        make: Callable,
        args: tuple,
        kwargs: dict,
        kept: Kept | None = None,
        stale: dict[str, bytes] | None = None,
    ) -> None:
        """``kept``: where the files made are kept for the next server on the same data
        (``serve/kept.py``), and read from first."""
        self.make, self.args, self.kwargs, self.kept = make, args, kwargs, kept
        self.files: dict[str, bytes] | None = None
        self.stale = stale
        # when a caller last started making them, or that last failed (time.monotonic)
        self.tried = float("-inf")
        self.lock = threading.Lock()
        self.process = None
        self.stopped = False

    def begin(self) -> None:
        """Make the files in the background now (a failure is told to the next caller)."""

        def run() -> None:
            try:
                self._wait()
            except Exception:  # noqa: BLE001 - the next caller tries again, and is told
                self.tried = time.monotonic()

        threading.Thread(target=run, name="described", daemon=True).start()

    def __call__(self) -> dict[str, bytes]:
        files = self.files
        if files is not None:
            return files
        if self.stale is None:
            return self._wait()
        again = time.monotonic() - self.tried >= self.retry_after
        if again and not self.lock.locked():  # (made meanwhile, or failed: tried again)
            self.tried = time.monotonic()  # (no second start before this one has run)
            self.begin()
        return self.files if self.files is not None else self.stale

    def _wait(self) -> dict[str, bytes]:
        with self.lock:
            if self.files is None:
                self.files = self._made()
            return self.files

    def latest(self) -> dict[str, bytes] | None:
        """The newest files there are (made, else stale), without waiting for any."""
        return self.files if self.files is not None else self.stale

    def stop(self) -> None:
        """End the child, if it is still at work (the store was loaded again)."""
        self.stopped = True
        process = self.process
        if process is not None and process.is_alive():
            process.terminate()

    def _made(self) -> dict[str, bytes]:
        if self.stopped:
            raise StoreError("the store was loaded again: ask again")
        found = self.kept.read() if self.kept is not None else None
        if found is None:
            found = self._child()
            if self.kept is not None:
                self.kept.write(found)
        return found

    def _child(self) -> dict[str, bytes]:
        ctx = multiprocessing.get_context("spawn")
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(
            target=_run, args=(send, self.make, self.args, self.kwargs), daemon=True
        )
        process.start()
        self.process = process
        send.close()
        try:
            ok, found = receive.recv()
        except EOFError:
            process.join()
            raise StoreError(
                "the dataset's description (home page, VoID) could not be made: its process "
                f"ended with exit code {process.exitcode}",
                hint="see the server's memory and the store; the next request tries again",
            ) from None
        finally:
            receive.close()
        process.join()
        if not ok:
            raise StoreError(f"the dataset's description could not be made: {found}")
        return found
