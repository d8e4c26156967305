"""Remote SPARQL 1.1 stores over the standard protocols: loading article graphs with the Graph
Store HTTP Protocol (or SPARQL Update where a store lacks it), and querying with the SPARQL
Protocol, results formatted exactly as local ones."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
from rdflib import Graph
from rdflib.query import Result

from ..errors import InputError, QueryError, StoreError
from ..rdf.vocab import DEFAULT_BASE, NS
from .httpclient import Http, check_url
from .loading import LoadOutcome, Progress, load_graphs
from .options import PROTOCOLS
from .query import QueryOutcome, format_result, query_form
from .staging import GraphInfo, Staged

__all__ = ["PROTOCOLS", "endpoint_result", "load_endpoint", "query_endpoint"]

_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_RESULTS_JSON = "application/sparql-results+json"
_RDF_TYPES = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}


class _Store:
    """What both load protocols share: listing the store's graphs over the query endpoint."""

    def __init__(self, http: Http, url: httpx.URL, query_url: httpx.URL | None) -> None:
        self._http, self._url, self._query_url = http, url, query_url
        self.name = str(url)

    def graphs(self) -> set[str]:
        assert self._query_url is not None  # load_endpoint asks for it with these modes
        result = _select(self._http, self._query_url, _GRAPHS, what="listing the store's graphs")
        return {str(row[0]) for row in result if row[0] is not None}


class GraphStoreTarget(_Store):
    """SPARQL 1.1 Graph Store HTTP Protocol: PUT ``?graph=IRI`` replaces that graph whole."""

    batch_triples = 0  # one graph per request: the protocol's unit

    def _graph_url(self, iri: str) -> httpx.URL:
        return self._url.copy_merge_params({"graph": iri})

    def write(self, batch: list[GraphInfo], staged: Staged) -> Iterator[str]:
        for info in batch:
            response = self._http.send(
                "PUT",
                self._graph_url(info.iri),
                what=f"PUT {info.iri}",
                content=staged.ntriples(info.iri),
                headers={"Content-Type": "application/n-triples"},
            )
            if not response.is_success:
                raise self._http.refused(response, what=f"PUT {info.iri}", hint=_GSP_HINT)
            yield info.iri

    def drop(self, iris: list[str], *, default_graph: bool) -> None:
        urls = [(self._graph_url(i), f"DELETE {i}") for i in iris]
        if default_graph:
            urls.append(
                (self._url.copy_merge_params({"default": ""}), "clearing the default graph")
            )
        for url, what in urls:
            response = self._http.send("DELETE", url, what=what)
            if not response.is_success and response.status_code != 404:
                raise self._http.refused(response, what=what)


_GSP_HINT = (
    "--endpoint is the store's Graph Store endpoint (Oxigraph: /store, Fuseki: /DATASET/data, "
    "Virtuoso: /sparql-graph-crud-auth); for a store without one use --protocol update "
    "with its SPARQL Update endpoint"
)


# Virtuoso compiles each operation to SQL and refuses one of ~2,000 triples ("SQL text has
# exceeded 10000 lines"): a graph goes as several INSERT DATA operations of one request.
_TRIPLES_PER_INSERT = 500


class UpdateTarget(_Store):
    """SPARQL 1.1 Update: ``DROP SILENT GRAPH`` + ``INSERT DATA`` per graph, several graphs
    (up to ``batch_triples`` triples) in one request, which a store runs atomically."""

    def __init__(
        self, http: Http, url: httpx.URL, query_url: httpx.URL | None, *, batch_triples: int
    ) -> None:
        super().__init__(http, url, query_url)
        self.batch_triples = batch_triples

    def _update(self, text: str, *, what: str) -> None:
        response = self._http.send(
            "POST",
            self._url,
            what=what,
            content=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
        )
        if not response.is_success:
            raise self._http.refused(
                response,
                what=what,
                hint="--endpoint is the store's SPARQL Update endpoint with --protocol update "
                "(Oxigraph: /update, Fuseki: /DATASET/update, Virtuoso: /sparql-auth)",
            )

    def write(self, batch: list[GraphInfo], staged: Staged) -> Iterator[str]:
        parts = []
        for info in batch:
            parts.append(f"DROP SILENT GRAPH <{info.iri}>")
            lines = staged.ntriples(info.iri).decode("utf-8").split("\n")  # one triple a line
            for start in range(0, len(lines), _TRIPLES_PER_INSERT):
                body = "\n".join(lines[start : start + _TRIPLES_PER_INSERT])
                parts.append(f"INSERT DATA {{ GRAPH <{info.iri}> {{\n{body}\n}} }}")
        names = f"{batch[0].iri}" + (f" and {len(batch) - 1} more" if len(batch) > 1 else "")
        self._update(" ;\n".join(parts), what=f"updating {names}")
        yield from (info.iri for info in batch)

    def drop(self, iris: list[str], *, default_graph: bool) -> None:
        parts = [f"DROP SILENT GRAPH <{iri}>" for iri in iris]
        if default_graph:
            parts.append("DROP SILENT DEFAULT")
        for start in range(0, len(parts), 1000):
            self._update(" ;\n".join(parts[start : start + 1000]), what="dropping graphs")


def load_endpoint(
    paths: list[Path],
    *,
    url: str,
    protocol: str = "gsp",
    query_url: str | None = None,
    mode: str = "append",
    base: str = DEFAULT_BASE,
    batch_triples: int = 10_000,
    retries: int = 4,
    backoff: float = 0.5,
    timeout: float = 60.0,
    on_progress: Callable[[Progress], None] | None = None,
) -> LoadOutcome:
    """Load each named graph of ``paths`` into the store at ``url``, replacing it whole.

    ``protocol`` ``gsp``: ``url`` is the Graph Store endpoint, one PUT per graph.
    ``update``: ``url`` is the SPARQL Update endpoint, graphs batched by ``batch_triples``.
    Modes other than ``append`` list the store's graphs through ``query_url``.
    """
    if protocol not in PROTOCOLS:
        raise InputError(f"unknown protocol {protocol!r}", hint=f"use one of {PROTOCOLS}")
    endpoint = check_url(url, option="--endpoint")
    queries = check_url(query_url, option="--query-endpoint") if query_url else None
    if mode != "append" and queries is None:
        raise InputError(
            f"--{mode} needs --query-endpoint URL, to list the graphs in the store",
            hint="e.g. http://127.0.0.1:7878/query for Oxigraph, .../sparql for Virtuoso",
        )
    with Http(endpoint, retries=retries, backoff=backoff, timeout=timeout) as http:
        target: GraphStoreTarget | UpdateTarget
        if protocol == "gsp":
            target = GraphStoreTarget(http, endpoint, queries)
        else:
            target = UpdateTarget(http, endpoint, queries, batch_triples=batch_triples)
        return load_graphs(paths, target=target, mode=mode, base=base, on_progress=on_progress)


def _with_prefixes(query: str) -> str:
    """The query with defrel's prefixes declared on its first line (line numbers kept)."""
    return " ".join(f"PREFIX {p}: <{ns}>" for p, ns in NS.items()) + " " + query


def _post_query(http: Http, url: httpx.URL, query: str, *, accept: str, what: str, dataset=None):
    data: dict[str, str | list[str]] = {"query": query}
    if dataset is not None:  # the SPARQL Protocol's RDF dataset: (default graphs, named graphs)
        data["default-graph-uri"], data["named-graph-uri"] = list(dataset[0]), list(dataset[1])
    response = http.send("POST", url, what=what, data=data, headers={"Accept": accept})
    if response.status_code == 400:
        raise QueryError(
            http.redact(f"the endpoint refused the query: {response.text.strip()[:500]}")
        )
    if not response.is_success:
        raise http.refused(
            response, what=what, hint="--endpoint is the store's SPARQL query endpoint"
        )
    return response


def _parse_results(response: httpx.Response, kind: str, *, what: str) -> Result:
    try:
        data = json.loads(response.content)
        if kind == "ASK" and "boolean" not in data:
            # Virtuoso 7 answers ASK with one row of one integer variable, not "boolean".
            rows = data["results"]["bindings"]
            value = next(iter(rows[0].values()))["value"] if rows else "0"
            data = {"head": {}, "boolean": value not in ("0", "false")}
        return Result.parse(io.BytesIO(json.dumps(data).encode()), format="json")
    except (ValueError, KeyError, IndexError, StopIteration, TypeError) as err:
        raise StoreError(
            f"{what}: the answer is not SPARQL JSON results ({err})",
            hint="--endpoint is the store's SPARQL query endpoint",
        ) from None


def _select(http: Http, url: httpx.URL, query: str, *, what: str) -> Result:
    response = _post_query(http, url, query, accept=_RESULTS_JSON, what=what)
    return _parse_results(response, "SELECT", what=what)


def _graph_result(response: httpx.Response, kind: str, *, what: str) -> Result:
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = _RDF_TYPES.get(media)
    if fmt is None:
        raise StoreError(f"{what}: the endpoint answered {media or 'no content type'}, not RDF")
    result = Result(kind)
    result.graph = Graph()
    try:
        result.graph.parse(data=response.text, format=fmt)
    except Exception as err:  # rdflib's parsers raise many unrelated types
        raise StoreError(f"{what}: cannot parse the endpoint's {media}: {err}") from None
    return result


def query_endpoint(
    query: str,
    *,
    url: str,
    fmt: str | None = None,
    retries: int = 2,
    timeout: float = 60.0,
) -> QueryOutcome:
    """Run ``query`` at the SPARQL endpoint ``url`` (the SPARQL 1.1 Protocol); format the
    result as a local query's.  defrel's prefixes are predeclared; the store's default
    graph is whatever the store makes it (Oxigraph: ``serve --union-default-graph``)."""
    result = endpoint_result(query, url=url, retries=retries, timeout=timeout)
    return format_result(result, fmt=fmt)


def endpoint_result(
    query: str,
    *,
    url: str,
    retries: int = 2,
    timeout: float = 60.0,
    dataset: tuple[list[str], list[str]] | None = None,
) -> Result:
    """The ``Result`` of ``query`` at the endpoint ``url``; ``dataset``, if given, is sent as
    the protocol's ``default-graph-uri`` and ``named-graph-uri``."""
    endpoint = check_url(url, option="--endpoint")
    kind = query_form(query)
    what = f"query at {endpoint}"
    graph_form = kind in ("CONSTRUCT", "DESCRIBE")
    accept = "application/n-triples, text/turtle;q=0.9" if graph_form else _RESULTS_JSON
    with Http(endpoint, retries=retries, timeout=timeout) as http:
        response = _post_query(
            http, endpoint, _with_prefixes(query), accept=accept, what=what, dataset=dataset
        )
        if graph_form:
            return _graph_result(response, kind, what=what)
        return _parse_results(response, kind, what=what)
