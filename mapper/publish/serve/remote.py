"""``defrel serve --endpoint URL``: descriptions and queries from a remote SPARQL 1.1 store
(Oxigraph server, Virtuoso, QLever) over the SPARQL Protocol, instead of the embedded store.

Descriptions are read with batched ``VALUES`` queries over ``GRAPH ?g`` (named graphs only,
so a store whose union default graph is a bag changes nothing); the endpoint's queries are
sent on with defrel's prefixes, and stop at the time limit (the client gives up; the store
may go on with it until its own limit)."""

from __future__ import annotations

import json

import httpx
from rdflib import BNode, URIRef, Variable
from rdflib.term import Node

from ...errors import QueryError, StoreError
from ...rdf.vocab import NS
from ...stores.httpclient import Http
from ...stores.query import is_update, query_form, uses_service
from ...stores.remote import endpoint_result
from ..render.describe import Quad
from ..store.read import INTO_BELOW, NAMES, NAMES_IN, SUBJECTS_INTO_ROWS, _plain
from ..store.terms import restore_literal
from .endpoint import (
    MAX_RESULT,
    Answer,
    QueryTimeout,
    ReadOnly,
    ResultFormats,
    answer_format,
    render,
)
from .protocol import QueryDataset, from_clauses, unknown_graphs_error

__all__ = ["RemotePool", "RemoteSource"]

BATCH = 100  # nodes per VALUES query: small enough for any store's URL and parser limits
_OUT = "SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {nodes} }} GRAPH ?g {{ ?s ?p ?o }} }}"
_HELD = "SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
_G = Variable("g")
_INTO = "SELECT ?s ?p ?o ?g WHERE {{ VALUES ?o {{ {nodes} }} GRAPH ?g {{ ?s ?p ?o }} }}"
_OUT_IN = "SELECT ?s ?p ?o ?g WHERE {{ VALUES (?s ?g) {{ {pairs} }} GRAPH ?g {{ ?s ?p ?o }} }}"


def _term(binding: dict, predicate: str = "") -> Node:
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return restore_literal(
        value,
        language=binding.get("xml:lang"),
        datatype=binding.get("datatype"),
        predicate=predicate,
    )


def _sparql_term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    raise ValueError(f"only IRIs are looked up, not {node!r}")


class RemoteSource:
    """A QuadSource over a SPARQL query endpoint."""

    def __init__(self, url: httpx.URL, *, timeout: float) -> None:
        self.url = url
        self.http = Http(url, retries=1, timeout=timeout)

    def select(self, query: str) -> list[dict[str, Node]]:
        what = f"query at {self.url}"
        response = self.http.send(
            "POST",
            self.url,
            what=what,
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        if not response.is_success:
            raise self.http.refused(response, what=what, hint="--endpoint is a query endpoint")
        try:
            rows = json.loads(response.content)["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as err:
            raise StoreError(f"{what}: the answer is not SPARQL JSON results ({err})") from None
        found = []
        for row in rows:
            predicate = row.get("p", {}).get("value", "")
            found.append({k: _term(v, predicate) for k, v in row.items()})
        return found

    def _quads(self, template: str, nodes: set[Node]) -> list[Quad]:
        iris = sorted(n for n in nodes if _plain(n))  # (a request's path may hold anything)
        quads = []
        for start in range(0, len(iris), BATCH):
            text = " ".join(_sparql_term(n) for n in iris[start : start + BATCH])
            for row in self.select(template.format(nodes=text)):
                if isinstance(row["g"], URIRef):
                    quads.append((row["s"], row["p"], row["o"], row["g"]))
        return quads

    def out(self, nodes: set[Node]) -> list[Quad]:
        return self._quads(_OUT, nodes)

    def into(self, nodes: set[Node]) -> list[Quad]:
        return self._quads(_INTO, nodes)

    def subjects_into(self, iri: URIRef) -> list[URIRef]:
        rows = self.select(SUBJECTS_INTO_ROWS.format(iri=_sparql_term(iri)[1:-1]))
        return [r["s"] for r in rows if isinstance(r.get("s"), URIRef)]

    def into_below(self, iri: URIRef) -> list[Quad]:
        rows = self.select(INTO_BELOW.format(iri=_sparql_term(iri)[1:-1]))
        return [(r["s"], r["p"], iri, r["g"]) for r in rows if isinstance(r["g"], URIRef)]

    def pointing(self, iri: URIRef, subjects: set[URIRef]) -> list[Quad]:
        wanted = {NS["defrel"].article, NS["defrel"].evidence}
        return [q for q in self.out(subjects) if q[2] == iri or q[1] in wanted]

    def names(self, nodes: set[Node]) -> list[Quad]:
        return list({(s, p, o, None) for s, p, o, _ in self._quads(NAMES, nodes)})

    def _pairs(self, template: str, pairs: set[tuple[Node, Node]]) -> list[Quad]:
        wanted = sorted((n, g) for n, g in pairs if _plain(n) and _plain(g))
        quads = []
        for start in range(0, len(wanted), BATCH):
            text = " ".join(f"(<{n}> <{g}>)" for n, g in wanted[start : start + BATCH])
            for row in self.select(template.format(pairs=text)):
                if isinstance(row["g"], URIRef):
                    quads.append((row["s"], row["p"], row["o"], row["g"]))
        return quads

    def names_in(self, pairs: set[tuple[Node, Node]]) -> list[Quad]:
        return self._pairs(NAMES_IN, pairs)

    def out_in(self, pairs: set[tuple[Node, Node]]) -> list[Quad]:
        return self._pairs(_OUT_IN, pairs)


class RemotePool:
    """The endpoint's queries, sent on to the remote store (the QueryPool interface)."""

    def __init__(self, url: str, *, timeout: float) -> None:
        self.url, self.timeout = url, timeout
        self.prefixes = {k: str(v) for k, v in NS.items()}

    def _result(self, query: str, dataset: QueryDataset | None = None):
        try:
            return endpoint_result(
                query,
                url=self.url,
                retries=0,
                timeout=self.timeout,
                dataset=(dataset.default, dataset.named) if dataset else None,
            )
        except StoreError as err:
            if "timed out" in str(err) or "timeout" in str(err).lower():
                raise QueryTimeout(
                    f"the query was stopped after {self.timeout:g} s, the server's time limit",
                    hint="add a LIMIT, narrow the patterns, or run it with `defrel query`",
                ) from None
            raise

    def _check_dataset(self, dataset: QueryDataset) -> None:
        """A QueryError if the dataset names a graph the store does not hold."""
        if not dataset.graphs:
            return
        values = " ".join(f"<{g}>" for g in dataset.graphs)
        held = self._result(_HELD.format(values=values))
        found = {str(row[_G]) for row in held.bindings}
        missing = [g for g in dataset.graphs if g not in found]
        if missing:
            some = self._result("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1").bindings
            raise unknown_graphs_error(missing, str(some[0][_G]) if some else None)

    def run(self, query: str, *, accept: str | None, dataset: QueryDataset | None = None) -> Answer:
        try:
            kind = query_form(query)
        except QueryError:
            if is_update(query):
                raise ReadOnly(
                    "updates are not accepted: this endpoint is read-only",
                    hint="send queries (SELECT, ASK, CONSTRUCT, DESCRIBE) only",
                ) from None
            raise
        if uses_service(query):
            raise QueryError("SERVICE reaches the network and is refused by this endpoint")
        self._check_dataset(dataset or from_clauses(query, self.prefixes))
        chosen = ResultFormats.for_accept(accept).by_kind[kind]
        if chosen is None:
            return Answer(kind=kind, media=None, text="")
        by_protocol = dataset if dataset is not None and dataset.by_protocol else None
        text = render(self._result(query, by_protocol), answer_format(kind, chosen))
        if len(text) > MAX_RESULT:
            raise QueryError(
                f"the result is larger than {MAX_RESULT:,} characters, the server's "
                "limit; add a LIMIT (and OFFSET to page through it)"
            )
        return Answer(kind=kind, media=chosen, text=text)

    def close(self) -> None:
        pass
