"""What the SPARQL 1.1 Protocol asks of both servers' endpoints around running a query: the
RDF dataset a request names (``default-graph-uri``/``named-graph-uri``, or else the query's
``FROM``/``FROM NAMED``), which must be graphs the data holds (nothing is fetched), and the
Service Description a client reads at the endpoint's URL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ...errors import QueryError

__all__ = [
    "SD_OFFERS",
    "QueryDataset",
    "from_clauses",
    "request_dataset",
    "service_answer",
    "service_description",
    "unknown_graphs_error",
]


@dataclass(frozen=True)
class QueryDataset:
    """The graphs a request names: ``default`` makes the default graph (merged), ``named``
    the graphs ``GRAPH`` may reach.  ``given``: named at all (otherwise the service's
    dataset: the union of every graph as the default graph, every graph named)."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()
    given: bool = False
    by_protocol: bool = False  # named by the request's parameters, which override the query's

    @property
    def graphs(self) -> list[str]:
        return sorted(set(self.default) | set(self.named))


def _absolute(iri: str, parameter: str) -> str:
    parts = urlsplit(iri)
    if not parts.scheme or any(c in iri for c in '<>" {}|\\^`'):
        raise QueryError(
            f"{parameter} {iri!r} is not an absolute IRI",
            hint="name a graph of this dataset by its full IRI, e.g. {base}graph/{article}",
        )
    return iri


def request_dataset(params: dict[str, list[str]]) -> QueryDataset | None:
    """The dataset named by ``default-graph-uri`` and ``named-graph-uri``, or None."""
    default = [_absolute(i, "default-graph-uri") for i in params.get("default-graph-uri", [])]
    named = [_absolute(i, "named-graph-uri") for i in params.get("named-graph-uri", [])]
    if not default and not named:
        return None
    return QueryDataset(tuple(default), tuple(named), given=True, by_protocol=True)


# The tokens that matter for reading a prologue and FROM clauses: strings and comments are
# skipped whole, and variables, so that a "FROM" inside them, or ?from, is not read as one.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|' + r"'''(?:[^'\\]|\\.|'(?!''))*'''|"
    r'"(?:[^"\\\n]|\\.)*"|' + r"'(?:[^'\\\n]|\\.)*'|#[^\n]*|[?$]\w+|"
    r"(?P<iri><[^<>\"{}|^`\\\s]*>)|(?P<word>[\w.-]*:[\w.:%-]*|[A-Za-z_]\w*)"
)


def from_clauses(query: str, prefixes: dict[str, str]) -> QueryDataset:
    """The graphs the query's own ``FROM`` and ``FROM NAMED`` clauses name (``prefixes``:
    those declared for every query; the query's ``PREFIX`` and ``BASE`` are read too)."""
    known, base = dict(prefixes), ""
    default: list[str] = []
    named: list[str] = []
    tokens = [(m["iri"], m["word"]) for m in _TOKEN.finditer(query) if m["iri"] or m["word"]]
    for i, (_, word) in enumerate(tokens):
        upper = (word or "").upper()
        if upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 2][0]:
            known[(tokens[i + 1][1] or ":").rstrip(":")] = tokens[i + 2][0][1:-1]
        elif upper == "BASE" and i + 1 < len(tokens) and tokens[i + 1][0]:
            base = tokens[i + 1][0][1:-1]
        elif upper == "FROM" and i + 1 < len(tokens):  # a keyword only in dataset clauses
            is_named = (tokens[i + 1][1] or "").upper() == "NAMED"
            into, j = (named, i + 2) if is_named else (default, i + 1)
            if j < len(tokens):
                into.append(_resolve(tokens[j], known, base))
    given = bool(default or named)
    return QueryDataset(tuple(default), tuple(named), given=given)


def _resolve(token: tuple[str | None, str | None], prefixes: dict[str, str], base: str) -> str:
    iri, word = token
    if iri:
        return urljoin(base, iri[1:-1]) if base else iri[1:-1]
    prefix, _, local = (word or "").partition(":")
    if prefix not in prefixes:
        raise QueryError(f"FROM {word}: the prefix {prefix}: is not declared")
    return prefixes[prefix] + local


def unknown_graphs_error(missing: list[str], example: str | None) -> QueryError:
    """The error for a dataset naming graphs the data does not hold (nothing is fetched)."""
    shown = ", ".join(f"<{g}>" for g in missing[:5]) + (" …" if len(missing) > 5 else "")
    return QueryError(
        f"no graph {shown} in this dataset: a query's dataset (FROM, FROM NAMED, "
        "default-graph-uri, named-graph-uri) may name only graphs this endpoint holds, and "
        "nothing is fetched from elsewhere",
        hint="name one of the articles' graphs"
        + (f", e.g. <{example}>" if example else "")
        + "; without FROM the default graph is the union of all graphs",
    )


# The Service Description, by media type (None: the query form, for people).
SD_OFFERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "text/html": None,
    "application/xml": "xml",
    "text/plain": "nt",
}
_FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "N-Quads",
    "TriG",
    "RDF_XML",
    "JSON-LD",
)


def service_description(*, base: str, void: str, fmt: str) -> str:
    """The SPARQL 1.1 Service Description of ``{base}sparql`` in rdflib format ``fmt``:
    SPARQL 1.1 Query only, every W3C results and RDF format, the union default graph, and
    the dataset's VoID/DCAT description (``void``: the dataset's IRI)."""
    from rdflib import RDF, Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, Namespace

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    g = Graph()
    g.bind("sd", sd)
    g.bind("dcterms", DCTERMS)
    endpoint = URIRef(f"{base}sparql")
    service = URIRef(f"{base}sparql#service")
    dataset, union = URIRef(f"{base}sparql#dataset"), URIRef(f"{base}sparql#union")
    g.add((service, RDF.type, sd.Service))
    g.add((service, sd.endpoint, endpoint))
    g.add((service, DCTERMS.title, Literal("defrel SPARQL endpoint (read-only)", lang="en")))
    g.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    g.add((service, sd.feature, sd.UnionDefaultGraph))
    for name in RESULT_FORMATS:
        g.add((service, sd.resultFormat, URIRef(_FORMATS + name)))
    g.add((service, sd.defaultDataset, dataset))
    g.add((dataset, RDF.type, sd.Dataset))
    g.add((dataset, sd.defaultGraph, union))
    g.add((dataset, DCTERMS.source, URIRef(void)))
    g.add((union, RDF.type, sd.Graph))
    text = g.serialize(format=fmt)
    return text if text.endswith("\n") else text + "\n"


def service_answer(accept: str | None, *, base: str) -> tuple[str, str | None] | None:
    """What a GET of the endpoint without a query answers: (media type, Service Description),
    (``text/html``, None) for the query form, or None if the client accepts neither (406)."""
    from ..render.negotiate import choose
    from ..render.void import dataset_iri

    media = choose(accept, list(SD_OFFERS))
    if media is None:
        return None
    fmt = SD_OFFERS[media]
    if fmt is None:
        return media, None
    return media, service_description(base=base, void=str(dataset_iri(base)), fmt=fmt)
