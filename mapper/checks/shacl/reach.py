"""Which triples a SPARQL constraint can read: the predicates it names.

A query can only match a triple through its predicate: a constant IRI, a property path of IRIs,
or a variable.  So the Oxigraph store of a batch (see sparql.py) needs only the triples whose
predicate is named somewhere in some query, provided that no solution built on a variable
predicate bound to an unnamed IRI can survive.  That is proved here on rdflib's algebra of the
original query (pySHACL's own parse): every variable in predicate position must sit in a group
pattern that reaches the group's FILTER only through joins, unions, BINDs and nested FILTERs
(row-preserving, monotone), and that FILTER must restrict the variable to IRIs (``?p = <iri>``,
``?p IN (<iri>, ...)``; a conjunction restricts what one conjunct restricts, a disjunction what
every disjunct restricts).  Dropping the unnamed triples then only removes solutions that the
filter rejects.  Anything else (a variable predicate under OPTIONAL, EXISTS, an aggregate, a
negated property set ``!p``) means: load every triple.

The proof parses the query with rdflib (pyparsing: about 20 ms a query, 0.4 s for the bundled
shapes, paid by every process that validates, and by an edit of one article). The bundled
queries' answers are shipped in ``mapper/data/reach.json``, by the query's SHA-256, made by
``scripts/reach_table.py``; a query not in it (shapes of one's own, an edited shape) is
proved here. tests/test_fastshacl.py checks that the table is what the proof gives.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.resources import files

from rdflib import URIRef, Variable
from rdflib.paths import NegatedPath, Path
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

__all__ = ["TABLE", "bundled_table", "prove", "reachable_predicates", "table_key"]

TABLE = "reach.json"  # in mapper/data

_PASS = {"Join", "Union", "Extend", "Project", "Distinct", "Reduced", "SelectQuery", "ToMultiSet"}


class _Unsafe(Exception):
    pass


def _restricted(expr) -> set:
    """Variables that ``expr`` being true forces to be one of the IRIs it names."""
    if not isinstance(expr, CompValue):
        return set()
    if expr.name == "RelationalExpression":
        left, op, right = expr.get("expr"), expr.get("op"), expr.get("other")
        if op == "=":
            if isinstance(left, Variable) and isinstance(right, URIRef):
                return {left}
            if isinstance(right, Variable) and isinstance(left, URIRef):
                return {right}
        if (
            op == "IN"
            and isinstance(left, Variable)
            and isinstance(right, list | tuple)
            and all(isinstance(x, URIRef) for x in right)
        ):
            return {left}
        return set()
    parts = [expr.get("expr"), *(expr.get("other") or ())]
    if expr.name == "ConditionalAndExpression":
        return set().union(*(_restricted(x) for x in parts))
    if expr.name == "ConditionalOrExpression":
        found = [_restricted(x) for x in parts]
        return set.intersection(*found) if found else set()
    return set()


def _walk(node, safe: frozenset, iris: set) -> None:
    """Collect every IRI under ``node``; raise if a variable predicate may escape a filter."""
    if isinstance(node, URIRef):
        iris.add(str(node))
    elif isinstance(node, NegatedPath):
        raise _Unsafe
    elif isinstance(node, Path):
        for value in vars(node).values():
            _walk(value, frozenset(), iris)
    elif isinstance(node, CompValue):
        name = node.name
        if name in ("BGP", "TriplesBlock"):
            for triple in node.get("triples") or ():
                if isinstance(triple[1], Variable) and triple[1] not in safe:
                    raise _Unsafe
                for term in triple:
                    _walk(term, frozenset(), iris)
            return
        if name == "Filter":
            _walk(node.get("expr"), frozenset(), iris)
            _walk(node.get("p"), safe | _restricted(node.get("expr")), iris)
            return
        keep = name in _PASS
        for k, value in node.items():
            if k != "_vars":
                _walk(value, safe if keep and k in ("p", "p1", "p2") else frozenset(), iris)
    elif isinstance(node, list | tuple | set | frozenset):
        for value in node:
            _walk(value, safe if isinstance(node, list | tuple) else frozenset(), iris)
    elif isinstance(node, dict):
        for value in node.values():
            _walk(value, frozenset(), iris)


def table_key(query: str) -> str:
    return hashlib.sha256(query.encode("utf-8")).hexdigest()


@cache
def _shipped() -> dict:
    try:
        return json.loads((files("mapper.data") / TABLE).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no table: every query is proved
        return {}


def reachable_predicates(query: str) -> frozenset | None:
    """The IRIs (strs) a query names, a superset of the predicates it can match; None when
    a variable predicate could match any triple (from the shipped table if it has the query)."""
    key = table_key(query)
    table = _shipped()
    if key in table:
        return None if table[key] is None else frozenset(table[key])
    return prove(query)


def prove(query: str) -> frozenset | None:
    """``reachable_predicates``, proved on the query's algebra (see the module docstring)."""
    iris: set = set()
    try:
        algebra = prepareQuery(query).algebra
    except Exception:  # noqa: BLE001 - not rdflib's to judge: assume the worst
        return None
    try:
        _walk(algebra, frozenset(), iris)
    except _Unsafe:
        return None
    return frozenset(iris)


def bundled_table() -> dict:
    """What ``mapper/data/reach.json`` must hold: each bundled SPARQL constraint's query (by
    its SHA-256) and what ``prove`` says of it (sorted IRIs, or None)."""
    from rdflib.namespace import SH

    from ..report import shapes_graph
    from .sparql import original_query

    sg = shapes_graph()
    table = {}
    for constraint in set(sg.subjects(SH.select, None)):
        query = original_query(sg, constraint)
        found = prove(query)
        table[table_key(query)] = None if found is None else sorted(found)
    return dict(sorted(table.items()))
