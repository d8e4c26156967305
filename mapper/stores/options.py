"""What the store and query commands offer, stated without loading an engine (so that
``defrel --help`` starts fast): result formats, load protocols, default places and limits.

A query's output format is named as Jena (``arq --results``, ``riot --output``) and Oxigraph
(``--results-format``) name it, or by media type; ``output_format`` resolves the name for the
query's form: ``xml`` is SPARQL XML results for SELECT/ASK and RDF/XML for CONSTRUCT/DESCRIBE,
``json`` SPARQL JSON results or JSON-LD, as Oxigraph reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError
from ..rdf.options import SYNTAXES, normal_name, rdf_syntax

__all__ = [
    "DEFAULT_STORE",
    "DEFAULT_TIMEOUT",
    "GRAPH_FORMATS",
    "PROTOCOLS",
    "RESULT_FORMATS",
    "TABLE_FORMATS",
    "ResultFormat",
    "known_format",
    "output_format",
]


@dataclass(frozen=True)
class ResultFormat:
    """One format of SELECT and ASK results: defrel's name, media types, other names."""

    name: str
    media_types: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.media_types)


RESULT_FORMATS = (
    ResultFormat("table", (), ("text", "txt")),  # for people, as Jena's `--results text`
    ResultFormat("json", ("application/sparql-results+json", "application/json"), ("srj",)),
    ResultFormat(
        "xml", ("application/sparql-results+xml", "application/xml", "text/xml"), ("srx",)
    ),
    ResultFormat("csv", ("text/csv",)),
    ResultFormat("tsv", ("text/tab-separated-values",)),
)
TABLE_FORMATS = tuple(f.name for f in RESULT_FORMATS)  # SELECT and ASK results
GRAPH_FORMATS = tuple(s.name for s in SYNTAXES)  # CONSTRUCT and DESCRIBE results
_RESULTS = {n: f.name for f in RESULT_FORMATS for n in f.names}
_RESULTS["text/plain"] = "table"  # a person's plain text, not the N-Triples text/plain means

DEFAULT_TIMEOUT = 60.0  # seconds for `defrel query` on files: reading them and the query
DEFAULT_STORE = Path("store")  # the embedded store's folder
PROTOCOLS = ("gsp", "update")  # how a remote store is loaded: Graph Store Protocol or Update


def known_format(name: str) -> bool:
    """Whether ``name`` names an output format of some query form."""
    return normal_name(name) in _RESULTS or rdf_syntax(name) is not None


def output_format(name: str | None, kind: str) -> str:
    """The format (one of TABLE_FORMATS for SELECT/ASK, GRAPH_FORMATS for CONSTRUCT/DESCRIBE)
    that ``name`` asks for a query of form ``kind``; None gives ``table`` or ``turtle``.
    A name that fits only the other forms is a QueryError saying which fit."""
    graph = kind in ("CONSTRUCT", "DESCRIBE")
    if name is None:
        return "turtle" if graph else "table"
    syntax = rdf_syntax(name)
    if graph and syntax is not None:
        return syntax.name
    found = _RESULTS.get(normal_name(name))
    if not graph and found is not None:
        return found
    if graph and found is not None:
        raise QueryError(
            f"--format {name} is for SELECT/ASK results",
            hint=f"a {kind} query prints {', '.join(GRAPH_FORMATS)}",
        )
    if syntax is not None:
        raise QueryError(
            f"--format {name} is for CONSTRUCT/DESCRIBE results",
            hint=f"a {kind} query prints {', '.join(TABLE_FORMATS)}",
        )
    raise QueryError(
        f"unknown format {name!r}",
        hint=f"SELECT/ASK: {', '.join(TABLE_FORMATS)}; CONSTRUCT/DESCRIBE: "
        f"{', '.join(GRAPH_FORMATS)} (or Jena's and Oxigraph's names, or a media type)",
    )
