"""What the store tests (and benchmarks/) share: real SPARQL servers, bigger corpora, and
comparing answers.

Servers: Oxigraph (the ``oxigraph`` package's binary) and Virtuoso Open Source (Debian's
``virtuoso-opensource-7-bin``), each on 127.0.0.1, on a free port, with its data in a
temporary folder; started, awaited and stopped by process id."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

from conftest import SEED_SLUG

READY_WITHIN = 60.0  # seconds; Virtuoso makes its database on first start (about 5 s here)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _program(name: str, install: str) -> str:
    found = shutil.which(
        name, path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    )
    assert found, f"{name} not found: {install}"
    return found


class Server:
    """A server process: ``start`` waits until its SPARQL endpoint answers, ``stop`` ends it."""

    name = "server"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.log = folder / f"{self.name}.log"

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        raise NotImplementedError

    @property
    def query_url(self) -> str:
        raise NotImplementedError

    def start(self) -> Server:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                self.command(), cwd=self.folder, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + READY_WITHIN
        probe = f"{self.query_url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"{self.name} exited: {self.log.read_text()[-2000:]}"
            try:
                with urllib.request.urlopen(probe, timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.stop()
        raise AssertionError(f"{self.name} did not answer within {READY_WITHIN} s")

    def kill(self) -> None:
        """SIGKILL, as a crash would: no chance to finish what it was doing."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.proc = None


class Oxigraph(Server):
    name = "oxigraph"

    def command(self) -> list[str]:
        program = _program("oxigraph", "pip install -e '.[test]' (the oxigraph package)")
        return [
            program,
            "serve",
            "--location",
            str(self.folder / "data"),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--union-default-graph",
        ]

    @property
    def query_url(self) -> str:
        return f"{self.root}/query"

    @property
    def store_url(self) -> str:
        return f"{self.root}/store"

    @property
    def update_url(self) -> str:
        return f"{self.root}/update"


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso-errors.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ServerThreads = 10
DirsAllowed = {folder}

[HTTPServer]
ServerPort = 127.0.0.1:{port}
ServerRoot = {folder}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@contextlib.contextmanager
def oxigraph_source(paths: list[Path], folder: Path):
    """An Oxigraph server in ``folder`` holding the named graphs of ``paths``, read as
    ``serve --endpoint`` reads a store (a ``RemoteSource``); stopped on leaving."""
    import httpx

    from mapper.publish.serve.remote import RemoteSource
    from mapper.stores.remote import load_endpoint

    oxigraph = Oxigraph(folder).start()
    try:
        load_endpoint(paths, url=oxigraph.store_url)
        source = RemoteSource(httpx.URL(oxigraph.query_url), timeout=30)
        with source.http:  # (its connections closed on leaving)
            yield source
    finally:
        oxigraph.stop()


class Virtuoso(Server):
    """Virtuoso 7 with a fresh database (user dba, password dba: Virtuoso's own default)."""

    name = "virtuoso"
    user, password = "dba", "dba"

    def command(self) -> list[str]:
        program = _program(
            "virtuoso-t", "scripts/setup.sh --test installs it (Debian virtuoso-opensource-7-bin)"
        )
        ini = self.folder / "virtuoso.ini"
        ini.write_text(
            VIRTUOSO_INI.format(folder=self.folder, port=self.port, sql_port=free_port()),
            encoding="utf-8",
        )
        return [program, "+foreground", "+configfile", str(ini)]

    @property
    def query_url(self) -> str:
        return f"{self.root}/sparql"

    @property
    def store_url(self) -> str:
        return f"{self.root}/sparql-graph-crud-auth"

    @property
    def update_url(self) -> str:
        return f"{self.root}/sparql-auth"


def copies(source: Path, out: Path, *, count: int, slug: str = SEED_SLUG) -> Path:
    """Write ``count`` copies of the ``slug`` article of the N-Quads file ``source`` to ``out``,
    as articles ``{slug}-0`` … ``{slug}-{count-1}``, each in its own named graph."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    with out.open("w", encoding="utf-8", newline="\n") as sink:
        for n in range(count):
            renamed = f"{slug}-{n}"
            for line in lines:
                sink.write(
                    line.replace(f"/graph/{slug}>", f"/graph/{renamed}>").replace(
                        f"/article/{slug}", f"/article/{renamed}"
                    )
                )
    return out


XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {
    XSD + name
    for name in [
        "integer",
        "decimal",
        "positiveInteger",
        "nonNegativeInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "int",
        "long",
        "short",
        "byte",
        "unsignedInt",
        "unsignedLong",
    ]
}


def answers(results: dict, *, by_value: bool = False) -> list[tuple]:
    """SPARQL JSON results as sorted rows of (variable, type, value, datatype, language).

    ``by_value``: numbers compare by their value, as stores keep them (Oxigraph and
    Virtuoso give ``"1900000000.0"^^xsd:decimal`` back as ``"1900000000"`` and
    ``xsd:positiveInteger`` as ``xsd:integer``); every other term compares exactly.
    """
    rows = []
    for row in results["results"]["bindings"]:
        cells = []
        for name, cell in row.items():
            kind = "literal" if cell["type"] == "typed-literal" else cell["type"]
            datatype, value = cell.get("datatype", ""), cell["value"]
            if by_value and datatype in NUMBERS:
                datatype, value = "number", str(Decimal(value).normalize())
            cells.append((name, kind, value, datatype, cell.get("xml:lang", "")))
        rows.append(tuple(sorted(cells)))
    return sorted(rows)
