"""Read RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD) into one Dataset, graphs kept.

The format is chosen by the file's suffix, never guessed from its content.  Nothing is
fetched from the network or other files: JSON-LD that names a remote ``@context`` (or
``@import``s one) and RDF/XML that declares a DOCTYPE or entities are refused, unless
the caller passes ``allow_remote=True``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from ..errors import InputError
from .options import QUAD_FORMATS, RDF_SUFFIXES
from .scan import check_rdf_size, check_rdf_text

__all__ = ["RDF_SUFFIXES", "read_checked", "read_rdf"]


def _remote_contexts(node: Any) -> list[str]:
    """Every ``@context`` given by reference (a string) anywhere in a JSON-LD document."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                refs = value if isinstance(value, list) else [value]
                found.extend(r for r in refs if isinstance(r, str))
            found.extend(_remote_contexts(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_remote_contexts(item))
    return found


def _check_rdfxml(path: Path, text: str) -> None:
    """Refuse DOCTYPE and ENTITY declarations: they can read files and URLs or explode."""
    for marker in ("<!DOCTYPE", "<!ENTITY"):
        at = text.find(marker)
        if at != -1:
            raise InputError(
                f"RDF/XML with a {marker[2:]} declaration is refused (entities can read "
                "local files and URLs)",
                path=path,
                line=text.count("\n", 0, at) + 1,
                hint="remove the declaration, or convert the file to Turtle",
            )


def _check_jsonld(path: Path, text: str) -> None:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            f"not valid JSON: {err.msg}", path=path, line=err.lineno, column=err.colno
        ) from None
    remote = _remote_contexts(doc)
    if remote:
        raise InputError(
            f"JSON-LD names a remote @context ({remote[0]}); defrel does not fetch from the network",
            path=path,
            hint="inline the context object in the document",
        )


def _parse_error(path: Path, err: Exception) -> InputError:
    line = getattr(err, "lines", None) or getattr(err, "lineno", None)
    message = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
    return InputError(
        f"cannot parse RDF: {message}",
        path=path,
        line=line,
        hint="check the syntax at that line, or the file's suffix",
    )


def read_checked(path: Path, *, allow_remote: bool = False) -> str:
    """The text of the RDF file ``path``, once it has passed every check that comes before
    parsing: a known suffix, bounded size and nesting, and (unless ``allow_remote``) no remote
    JSON-LD context and no RDF/XML DOCTYPE or ENTITY.  For any parser, rdflib's or Oxigraph's."""
    fmt = RDF_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"unknown RDF file type {path.suffix!r}",
            path=path,
            hint=f"use one of {', '.join(RDF_SUFFIXES)}",
        )
    check_rdf_size(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read: {err}", path=path, hint="RDF files are UTF-8") from None
    check_rdf_text(path, text)  # bounded nesting and literals, before any parser
    if fmt == "json-ld" and not allow_remote:
        _check_jsonld(path, text)
    if fmt == "xml" and not allow_remote:
        _check_rdfxml(path, text)
    return text


def read_rdf(paths: list[Path], *, allow_remote: bool = False, nonempty: bool = False) -> Dataset:
    """Parse every file into one Dataset: triples into the default graph, quads into theirs.

    With ``nonempty``, a file that adds no triple is an InputError (validating nothing would
    say that everything conforms).

    With ``allow_remote``, remote JSON-LD contexts and RDF/XML entities are the parser's
    business (rdflib may then fetch them); without it they are refused before parsing.
    """
    dataset = Dataset(default_union=True)
    for path in paths:
        text = read_checked(path, allow_remote=allow_remote)
        fmt = RDF_SUFFIXES[path.suffix.lower()]
        target: Graph = dataset if fmt in QUAD_FORMATS else dataset.default_graph
        before = len(dataset)
        try:
            target.parse(data=text, format=fmt, publicID=path.resolve().as_uri())
        except Exception as err:  # rdflib's parsers raise many unrelated types
            raise _parse_error(path, err) from None
        if nonempty and len(dataset) == before:
            raise InputError(
                "holds no triples (it is empty, or only repeats the files before it)",
                path=path,
                hint="give RDF files with data, such as dist/dataset.nq after defrel build",
            )
    return dataset
