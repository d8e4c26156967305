"""Run SPARQL queries over built or given RDF files and format the results.

SELECT and ASK results come in the W3C SPARQL 1.1 result formats (JSON, XML, CSV,
TSV) or as a text table; CONSTRUCT and DESCRIBE in every RDF syntax (Turtle, N-Triples,
N-Quads, TriG, JSON-LD, RDF/XML); formats are named as ``options.output_format`` reads them.
Queries that would reach the network (SERVICE, FROM <url>, LOAD) are refused.  Queries run
on Oxigraph's engine (``memory.py`` for files and Datasets, ``embedded.py`` for the store).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pyoxigraph import Store
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result

from ..errors import QueryError
from ..rdf.scan import MAX_DEPTH, too_deep
from ..rdf.vocab import NS, curie
from .options import GRAPH_FORMATS, TABLE_FORMATS, output_format

__all__ = [
    "GRAPH_FORMATS",
    "TABLE_FORMATS",
    "QueryOutcome",
    "format_result",
    "is_update",
    "query_form",
    "refuse_deep",
    "run_query",
    "sparql_keywords",
    "uses_service",
]


@dataclass
class QueryOutcome:
    """What a query returned: its type (SELECT, ASK, CONSTRUCT, DESCRIBE) and rendered text."""

    kind: str
    text: str
    rows: int


# SPARQL's tokens, as far as telling its keywords apart is concerned: strings, IRIs and
# comments are skipped whole; prefixed names and variables are not keywords.
_LONG_STRINGS = r'"""(?:[^"\\]|\\.|"(?!""))*"""' + "|" + r"'''(?:[^'\\]|\\.|'(?!''))*'''"
_STRINGS = r'"(?:[^"\\\n]|\\.)*"' + "|" + r"'(?:[^'\\\n]|\\.)*'"
_IRIS_AND_COMMENTS = r'<[^<>"{}|^`\\\s]*>|#[^\n]*'
# (a prefixed name's local part may escape a character: ``data:article\/slug-from-x``)
_NAMES = r"(?P<name>[\w.-]*:(?:[\w.:%-]|\\[_~.!$&'()*+,;=/?#@%-])*|[?$@][\w-]+|[A-Za-z_]\w*)"
_TOKENS = re.compile("|".join((_LONG_STRINGS, _STRINGS, _IRIS_AND_COMMENTS, _NAMES)))
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = frozenset(
    ["INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"]
)


def sparql_keywords(query: str) -> list[str]:
    """The query's bare words (keywords and function names), upper-cased, in order."""
    found = []
    for match in _TOKENS.finditer(query):
        name = match.group("name")
        if name and ":" not in name and name[0] not in "?$@":
            found.append(name.upper())
    return found


def refuse_deep(query: str) -> None:
    """A QueryError if the query's brackets nest deeper than MAX_DEPTH levels."""
    deep = too_deep(query)
    if deep is not None:
        raise QueryError(
            f"brackets nest deeper than {MAX_DEPTH} levels, defrel's limit",
            line=deep[0],
            column=deep[1],
            hint="flatten the query: nested groups and parentheses can usually be written flat",
        )


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first keyword after the prologue.

    Read from the tokens, not parsed: for a store whose engine is not rdflib.  An update, or
    text with no query form, is a QueryError; so are brackets nested deeper than any parser
    should be asked to follow (Oxigraph's overflows its stack at a few thousand).
    """
    refuse_deep(query)
    for word in sparql_keywords(query):
        if word in QUERY_FORMS:
            return word
        if word in UPDATE_WORDS:
            break
        if word not in ("PREFIX", "BASE"):
            break
    raise QueryError(
        "not a SPARQL query: it should start (after PREFIX and BASE) with "
        "SELECT, ASK, CONSTRUCT or DESCRIBE; updates are refused, defrel query is read-only",
        hint="load data with defrel load; query it with SELECT, ASK, CONSTRUCT or DESCRIBE",
    )


def uses_service(query: str) -> bool:
    """Whether the query has a SERVICE clause (which would reach the network)."""
    return "SERVICE" in sparql_keywords(query)


def is_update(query: str) -> bool:
    """Whether ``query`` parses as a SPARQL update (INSERT, DELETE, LOAD, ...)."""
    from rdflib.plugins.sparql.parser import parseUpdate  # rdflib's SPARQL parser: 0.1 s

    try:
        parseUpdate(query)
    except Exception:  # not an update either: the query's own syntax error is reported
        return False
    return True


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return curie(str(term))
    if isinstance(term, Literal):
        return str(term)
    return term.n3()


def _table(result) -> str:
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[v]) for v in result.vars] for row in result]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = lambda cells: " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
    out = [line(names), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(s.rstrip() for s in out) + f"\n({len(rows)} row{'s' * (len(rows) != 1)})\n"


def _csv_cell(term) -> str:
    value = "" if term is None else str(term)
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def _tsv_cell(term) -> str:
    """A term in SPARQL TSV: Turtle syntax, with tab and line breaks escaped."""
    if term is None:
        return ""
    if not isinstance(term, Literal):
        return term.n3()
    escaped = (
        str(term)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    suffix = (
        f"@{term.language}" if term.language else (f"^^<{term.datatype}>" if term.datatype else "")
    )
    return f'"{escaped}"{suffix}'


def _delimited(result, fmt: str) -> str:
    """SPARQL 1.1 CSV (CRLF, plain values) or TSV (LF, ?names, Turtle terms) results."""
    if fmt == "csv":
        rows = [",".join(str(v) for v in result.vars)]
        rows += [",".join(_csv_cell(row[v]) for v in result.vars) for row in result]
        return "\r\n".join(rows) + "\r\n"
    rows = ["\t".join(f"?{v}" for v in result.vars)]
    rows += ["\t".join(_tsv_cell(row[v]) for v in result.vars) for row in result]
    return "\n".join(rows) + "\n"


def graph_text(graph: Graph, fmt: str) -> str:
    """``graph`` in the RDF syntax ``fmt`` (one of GRAPH_FORMATS), our prefixes bound.

    A graph's N-Quads are its N-Triples and its TriG its Turtle (every triple in the default
    graph); RDF/XML cannot write a predicate IRI that does not end in a name."""
    for prefix, ns in NS.items():
        graph.bind(prefix, ns, override=True, replace=True)
    if fmt == "jsonld":
        from ..builder.serialize import jsonld_text  # the builder's JSON-LD, framed alike

        return jsonld_text(graph)
    if fmt == "rdfxml":
        try:
            return graph.serialize(format="pretty-xml")
        except ValueError as err:  # rdflib: "Can't split <iri>" for such a predicate
            raise QueryError(
                f"the result cannot be written as RDF/XML: {err}",
                hint="RDF/XML needs predicate IRIs that end in a name; use --format turtle",
            ) from None
    writer = {"turtle": "turtle", "trig": "turtle", "nt": "nt", "nq": "nt"}[fmt]
    return graph.serialize(format=writer)


def run_query(
    query: str,
    dataset: Dataset | Store,
    *,
    fmt: str | None = None,
    allow_remote: bool = False,
    timeout: float | None = None,
) -> QueryOutcome:
    """Run ``query`` over ``dataset`` (default graph = union of all graphs); format the result.

    The engine is Oxigraph's, as for files and the embedded store (``memory.query_dataset``);
    ``dataset`` may also be an Oxigraph store made by ``memory.store_of_files``, to query the
    same data many times without converting it each time.
    ``fmt`` is one of TABLE_FORMATS for SELECT/ASK, GRAPH_FORMATS for CONSTRUCT/DESCRIBE;
    None chooses ``table`` or ``turtle``.  Updates are refused; SERVICE and FROM too, unless
    ``allow_remote``.  With ``timeout`` (seconds) the query runs in a child process that is
    killed at the deadline.
    """
    from .memory import query_dataset  # memory builds on this module's formatting

    return query_dataset(query, dataset, fmt=fmt, allow_remote=allow_remote, timeout=timeout)


def format_result(result: Result, *, fmt: str | None = None) -> QueryOutcome:
    """Render a query ``Result`` in ``fmt`` (None: ``table`` or ``turtle``).

    The one formatter for every engine: rdflib's own results, and the W3C results that the
    embedded store and remote endpoints return, parsed into a ``Result`` (see store, remote).
    """
    kind = result.type
    fmt = output_format(fmt, kind)  # any of Jena's and Oxigraph's names, or a media type
    if kind in ("CONSTRUCT", "DESCRIBE"):
        graph: Graph = result.graph
        return QueryOutcome(kind, graph_text(graph, fmt), len(graph))
    if kind == "ASK" and fmt == "table":
        return QueryOutcome(kind, f"{'yes' if result.askAnswer else 'no'}\n", 1)
    if kind == "ASK" and fmt in ("csv", "tsv"):
        raise QueryError(
            f"the SPARQL {fmt.upper()} results format has no ASK answer",
            hint="use --format table, json or xml for ASK",
        )
    if fmt == "table":
        return QueryOutcome(kind, _table(result), len(result))
    if fmt in ("csv", "tsv"):
        return QueryOutcome(kind, _delimited(result, fmt), len(result))
    data = result.serialize(format=fmt)
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return QueryOutcome(kind, text if text.endswith("\n") else text + "\n", len(result))
