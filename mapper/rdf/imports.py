"""Resolve ``owl:imports`` ourselves, so that no reasoner or parser ever follows one.

An import the inputs already hold (its ontology is one of the files given) needs nothing.
Any other is refused unless the caller allows remote access; then a ``file:`` import is read
only from inside the folder of the file that names it, and an ``http(s):`` one is fetched.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from rdflib import OWL, RDF, Graph

from ..errors import InputError
from .read import read_rdf

__all__ = ["MAX_IMPORTS", "resolve_imports", "without_imports"]

MAX_IMPORTS = 32  # ontologies followed in all, so that a chain of imports cannot run on


def without_imports(graph: Graph) -> Graph:
    """A copy of ``graph`` without its ``owl:imports`` triples (what a reasoner may be given)."""
    kept = Graph()
    for triple in graph:
        if triple[1] != OWL.imports:
            kept.add(triple)
    return kept


def _known(graph: Graph) -> set[str]:
    heads = {str(s) for s in graph.subjects(RDF.type, OWL.Ontology)}
    return heads | {str(o) for o in graph.objects(None, OWL.versionIRI)}


def _line_of(path: Path, iri: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    at = text.find(iri)
    return text.count("\n", 0, at) + 1 if at != -1 else None


def _local(path: Path, iri: str) -> Path:
    """The file a ``file:`` import names, if it is inside the folder of ``path``."""
    folder = path.resolve().parent
    target = Path(unquote(urlsplit(iri).path)).resolve()
    if not target.is_relative_to(folder) or not target.is_file():
        raise InputError(
            f"owl:imports <{iri}> names a file outside {folder} (or no file): refused",
            path=path,
            line=_line_of(path, iri),
            hint="copy the imported ontology beside the file that imports it",
        )
    return target


def _fetch(iri: str) -> Graph:
    graph = Graph()
    try:
        graph.parse(iri)
    except Exception as err:  # rdflib's fetch and parsers raise many unrelated types
        raise InputError(f"cannot read the imported ontology <{iri}>: {err}") from None
    return graph


def resolve_imports(
    sources: list[tuple[Path, Graph]], *, known: set[str] = frozenset(), allow_remote: bool
) -> Graph:
    """The triples that the ``owl:imports`` of ``sources`` (file, its graph) add.

    ``known`` are ontology IRIs already at hand (the bundled ontology's).  Without
    ``allow_remote`` an import of anything not at hand is an InputError naming the file.
    """
    added = Graph()
    have = set(known)
    for _, graph in sources:
        have |= _known(graph)
    pending = [(path, str(o)) for path, graph in sources for o in graph.objects(None, OWL.imports)]
    followed = 0
    while pending:
        path, iri = pending.pop(0)
        if iri in have:
            continue
        if not allow_remote:
            raise InputError(
                f"owl:imports <{iri}> is not followed: defrel reads only the files it is given",
                path=path,
                line=_line_of(path, iri),
                hint="give the imported ontology's file as another input, or pass "
                "--allow-remote to follow it (local files only from this file's folder)",
            )
        followed += 1
        if followed > MAX_IMPORTS:
            raise InputError(
                f"more than {MAX_IMPORTS} imported ontologies: refused", path=path,
                hint="give the ontologies as files instead of a chain of imports",
            )  # fmt: skip
        scheme = urlsplit(iri).scheme
        if scheme == "file":
            source = _local(path, iri)
            graph = Graph()
            for quad in read_rdf([source]).quads():
                graph.add(quad[:3])
        elif scheme in ("http", "https"):
            source, graph = path, _fetch(iri)
        else:
            raise InputError(
                f"owl:imports <{iri}>: only file:, http: and https: imports can be followed",
                path=path,
                line=_line_of(path, iri),
            )
        have |= _known(graph) | {iri}
        added += graph
        pending += [(source, str(o)) for o in graph.objects(None, OWL.imports)]
    return added
