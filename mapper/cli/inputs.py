"""How the commands take their inputs as Jena and Oxigraph users type them: ``-`` for stdin,
``--syntax NAME`` when a file's suffix does not say its syntax, format names and media types.

The library reads RDF files and tells their syntax from the suffix; here stdin becomes a
temporary file with the suffix ``--syntax`` names (a file with another suffix is linked
under that suffix), checked by the library as any file is (size, nesting), and the errors
name ``<stdin>`` or the file as given, not the temporary one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click

from ..errors import DefrelError, InputError
from ..rdf.options import SYNTAXES, rdf_syntax

__all__ = [
    "STDIN",
    "FormatName",
    "SyntaxName",
    "rdf_inputs",
    "read_stdin_bytes",
    "read_stdin_text",
    "stdin_is_free",
    "syntax_option",
]

STDIN = "-"
SYNTAX_NAMES = ", ".join(s.name for s in SYNTAXES)


class SyntaxName(click.ParamType):
    """An RDF syntax by any of its names (Jena's, Oxigraph's, a media type): defrel's name."""

    name = "SYNTAX"

    def convert(self, value, param, ctx) -> str:
        syntax = rdf_syntax(value)
        if syntax is None:
            self.fail(
                f"unknown RDF syntax {value!r}: one of {SYNTAX_NAMES}, or Jena's and "
                "Oxigraph's names for them (ttl, ntriples, nquads, rdf/xml, json-ld, ...), "
                "or a media type",
                param,
                ctx,
            )
        return syntax.name


class FormatName(click.ParamType):
    """An output format by any of its names, checked here, resolved by the library (which
    knows whether ``xml`` means SPARQL XML results or RDF/XML only once it has the query)."""

    name = "FORMAT"

    def __init__(self, known: Callable[[str], bool], listed: str) -> None:
        self._known, self._listed = known, listed

    def convert(self, value, param, ctx) -> str:
        if not self._known(value):
            self.fail(
                f"unknown format {value!r}: one of {self._listed}, or Jena's and "
                "Oxigraph's names for them, or a media type",
                param,
                ctx,
            )
        return value


def syntax_option(what: str = "RDF inputs"):
    """``--syntax NAME``: the syntax of stdin (``-``) and of files whose suffix says another."""
    return click.option(
        "--syntax",
        type=SyntaxName(),
        help=f"Syntax of the {what} ({SYNTAX_NAMES}; Jena's and Oxigraph's names and media "
        "types work too): needed for - (stdin), and wins over a file's suffix.",
    )


def _limit() -> int:
    from ..rdf.scan import MAX_RDF_BYTES

    return MAX_RDF_BYTES


def read_stdin_bytes(what: str) -> bytes:
    """All of stdin, refused past the size limit of an RDF file read whole."""
    limit = _limit()
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"{what} on stdin is larger than {limit // 2**20} MiB, the limit",
            path="<stdin>",
            hint="split it, or load it into a store (defrel load)",
        )
    return data


def read_stdin_text(what: str) -> str:
    """Stdin as UTF-8 text (a query), bounded."""
    try:
        return read_stdin_bytes(what).decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{what} on stdin is not UTF-8: {err.reason}", path="<stdin>") from None


def _renamed(err: DefrelError, shown: dict[str, str]) -> None:
    """Name ``<stdin>`` or the file as given where ``err`` names a temporary file."""
    for problem in (err, *err.more):
        if problem.path in shown:
            problem.path = shown[problem.path]
        for temporary, given in shown.items():
            problem.message = problem.message.replace(temporary, given)


@contextmanager
def rdf_inputs(paths: Sequence[Path], syntax: str | None) -> Iterator[list[Path]]:
    """``paths`` as files the library reads by suffix: ``-`` is stdin (``syntax`` needed),
    and with ``syntax`` every file is read in it, whatever its suffix (as riot --syntax)."""
    dashes = sum(str(p) == STDIN for p in paths)
    if dashes > 1:
        raise click.UsageError("- (stdin) can be read only once")
    if dashes and syntax is None:
        raise click.UsageError(
            f"RDF on stdin (-) needs --syntax NAME ({SYNTAX_NAMES}): it has no file suffix"
        )
    if syntax is None:
        yield list(paths)
        return
    import shutil  # here, not at start-up: `defrel --help` stays fast
    import tempfile

    chosen = rdf_syntax(syntax)
    assert chosen is not None  # SyntaxName checked it
    shown: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="defrel-input-") as folder:
        given = []
        for number, path in enumerate(paths):
            if str(path) != STDIN and path.suffix.lower() in chosen.suffixes:
                given.append(path)
                continue
            target = Path(folder) / str(number) / f"{path.name}{chosen.suffixes[0]}"
            target.parent.mkdir()
            if str(path) == STDIN:
                target = target.with_name(f"stdin{chosen.suffixes[0]}")
                with target.open("wb") as copy:  # in chunks: a load streams what it reads
                    shutil.copyfileobj(sys.stdin.buffer, copy, 1 << 20)
                shown[str(target)] = "<stdin>"
            else:
                target.symlink_to(path.resolve())
                shown[str(target)] = str(path)
            given.append(target)
        try:
            yield given
        except DefrelError as err:
            _renamed(err, shown)
            raise


def stdin_is_free(*uses: bool) -> None:
    """Refuse two inputs on stdin (the query and the data, say)."""
    if sum(uses) > 1:
        raise click.UsageError("only one input can come from stdin (-)")
