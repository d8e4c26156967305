"""A ``defrel serve`` process for the server tests, and one keep-alive connection to it."""

from __future__ import annotations

import contextlib
import http.client
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit


@contextlib.contextmanager
def serving(source: list[str], log: Path):
    """``defrel serve`` with ``source`` options (and any other: they win over the defaults
    here), in its own process; yields (base URL, pid).
    Its stderr must stay empty: no traceback, no log line, whatever the tests send."""
    command = [sys.executable, "-m", "mapper.cli.main", "serve"]
    command += ["--port", "0", "--timeout", "3", "--workers", "2", "--request-timeout", "2"]
    command += source  # (after: an option given again there wins)
    with log.open("w") as err:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err)
    try:
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        line, deadline = b"", time.monotonic() + 60
        while not line.endswith(b"\n") and time.monotonic() < deadline and proc.poll() is None:
            if sel.select(timeout=1):
                line += proc.stdout.read1(4096)
        assert b"Serving" in line, log.read_text()
        yield line.decode().split(" at ", 1)[1].split(" ", 1)[0], proc.pid
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    assert log.read_text() == "", log.read_text()


class Client:
    """One keep-alive HTTP/1.1 connection to the server."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.path = parts.path
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)

    def get(self, rel: str, method: str = "GET", body: bytes | None = None, **headers):
        self.conn.request(method, self.path + rel, body=body, headers=headers)
        resp = self.conn.getresponse()
        return resp.status, resp.headers, resp.read()

    def close(self) -> None:
        self.conn.close()
