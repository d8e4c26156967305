"""The fast validator: per-graph dict indexes, compiled shapes, batched SPARQL constraints.

Semantics are pySHACL 0.40.1's as ``mapper.checks.validate.validate_graph`` calls it (ontology mixed
into the data graph, inference "none", allow_warnings, SHACL-AF); ``tests/test_fastshacl.py``
checks that both give the same results.
"""

from __future__ import annotations

import re

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.util import from_n3

from ...rdf.vocab import NS
from ..report import Result, _sh, _term, _where, class_hierarchy, shapes_graph
from .compile import CompiledShape, compile_shapes
from .index import _EMPTY, _SUBCLASS, _TYPE, GraphIndex, _Schema, key, plain
from .sparql import compile_sparql, nquads_term, run_batch

__all__ = ["FastValidator"]

_SPARQL_CC = SH.SPARQLConstraintComponent
_MIN_CC, _MAX_CC = SH.MinCountConstraintComponent, SH.MaxCountConstraintComponent


def _evaluate(shape: CompiledShape, focus, ctx: GraphIndex, out: list) -> None:
    """Validate ``focus`` against ``shape`` (its property shapes included), as pySHACL."""
    values = shape.values(focus, ctx)
    for check in shape.checks if values else shape.empty_checks:
        for component, value in check(focus, values, ctx):
            out.append((focus, shape, component, value))
    if shape.pkey is None:  # a node shape: its property shapes, with one index lookup
        fk = plain(focus) if type(focus) is URIRef else key(focus)
        d = ctx.spo.get(fk) or ctx.v.onto_spo.get(fk) or _EMPTY
        for prop, pkey, lo, hi, rest, rest_empty in shape.plan:
            if pkey is None:
                _evaluate(prop, focus, ctx, out)
                continue
            vs = d.get(pkey)
            if vs:
                n = len(vs)
                if n < lo:
                    out.append((focus, prop, _MIN_CC, None))
                if n > hi:
                    out.append((focus, prop, _MAX_CC, None))
                checks = rest
            else:
                vs = ()
                if lo > 0:
                    out.append((focus, prop, _MIN_CC, None))
                checks = rest_empty
            for check in checks:
                found = check(focus, vs, ctx)
                if found:
                    out.extend((focus, prop, component, value) for component, value in found)
        return
    for prop in shape.props:
        if not prop.deactivated:
            for v in values:
                _evaluate(prop, v, ctx, out)


def _path_text(path):
    return _term(path) if isinstance(path, URIRef) else (path and "(complex path)")


class FastValidator:
    """pySHACL's verdicts on the bundled shapes, at dict-lookup speed.  Reusable; pickles as
    a recipe (a worker process rebuilds it)."""

    def __init__(self, shapes: Graph | None = None, ontology: Graph | None = None):
        self._args = (shapes, ontology)
        sg = shapes_graph() if shapes is None else shapes
        og = class_hierarchy() if ontology is None else ontology
        self.constraints: list = []
        keys: dict = {}

        def sparql(sg_, shape, node):
            c = compile_sparql(sg_, shape, node, keys)
            self.constraints.append(c)
            return c

        self.roots = [s for s in compile_shapes(sg, sparql) if not s.deactivated]
        self._all = self._collect(self.roots)
        self._by_name = {_term(s.node): s for s in self._all if isinstance(s.node, URIRef)}
        for s in self._all:  # a node shape's property shapes, unpacked for _evaluate
            s.plan = [
                (p, None, 0, 0, (), ())
                if p.inverse or p.props
                else (p, p.pkey, p.lo, p.hi, p.rest, p.rest_empty)
                for p in s.props
                if not p.deactivated
            ]
        # The ontology, indexed once.
        self.onto_spo: dict = {}
        self.onto_by_pred: dict = {}
        edges: dict = {}
        for t in og:
            s, p, o = t
            self.onto_spo.setdefault(key(s), {}).setdefault(key(p), []).append(o)
            self.onto_by_pred.setdefault(key(p), []).append(t)
            if key(p) == _SUBCLASS:
                edges.setdefault(key(s), []).append(key(o))
        self.onto_subjects = frozenset(self.onto_spo)
        self.onto_triples = list(og)
        self._edges = edges
        self.schema = _Schema(edges, self.roots)
        self.pred_targets = [s for s in self.roots if s.target_subjects_of or s.target_objects_of]
        inverse = {s.pkey for s in self._all if s.inverse}
        self.need = frozenset(
            {_TYPE, _SUBCLASS}
            | inverse
            | {
                key(p)
                for s in self.pred_targets
                for p in s.target_subjects_of + s.target_objects_of
            }
        )
        # Focus nodes that do not depend on the article: sh:targetNode, typed ontology nodes.
        self.static_focus: dict = {}
        for shape in self.roots:
            nodes = {key(n): n for n in shape.target_nodes}
            for s, _, c in self.onto_by_pred.get(_TYPE, ()):
                if shape in self.schema.shapes_for.get(key(c), ()):
                    nodes[key(s)] = s
            if nodes:
                self.static_focus[shape] = nodes
        self.sparql_shapes = [s for s in self.roots if s.sparql]
        reaches = [c.reach for c in self.constraints]
        # The predicates the queries can match (None: any); only those triples are loaded.
        self.reach = None if None in reaches else frozenset().union(*reaches)
        self.route = self.routes(self.need)
        self._onto_quads = self._ontology_for_queries(og)
        self._info = {
            s: (
                _sh(s.severity).removeprefix("sh:"),
                _path_text(s.path if not s.inverse else _inverse_node(sg, s.node)),
                str(s.message) if s.message is not None else "",
                _term(s.node) or "",
            )
            for s in self._all
        }

    def __reduce__(self):
        return (FastValidator, self._args)

    @staticmethod
    def _collect(roots) -> list[CompiledShape]:
        seen: dict = {}
        todo = list(roots)
        while todo:
            s = todo.pop()
            if s not in seen:
                seen[s] = None
                todo += s.props
        return list(seen)

    def routes(self, need) -> dict:
        """predicate key -> 1 (a query can match it) | 2 (indexed by predicate)."""
        route = dict.fromkeys(self.reach or (), 1)
        for pk in need:
            route[pk] = route.get(pk, 0) | 2
        return route

    def schema_with(self, extra) -> _Schema:
        edges = {k: list(v) for k, v in self._edges.items()}
        for s, _, o in extra:
            edges.setdefault(key(s), []).append(key(o))
        return _Schema(edges, self.roots)

    def _ontology_for_queries(self, og: Graph) -> str:
        """Ontology triples a query could read by naming their predicate (see sparql.py)."""
        if self.reach is not None:
            return self._encode(t for t in og if plain(t[1]) in self.reach)
        named: set = set()
        for c in self.constraints:
            named.update(URIRef(i) for i in re.findall(r"<([^<>\s]*)>", c.query))
            named.update(
                NS[m[0]][m[1]] for m in re.findall(r"\b(\w+):(\w+)", c.query) if m[0] in NS
            )
            if re.search(r"(?<![\w?$:])a(?![\w:])", c.query.split("WHERE", 1)[-1]):
                named.add(_TYPE)
        return self._encode(t for t in og if t[1] in named)

    @staticmethod
    def _encode(triples) -> str:
        bnodes: dict = {}
        return "".join(
            f"{nquads_term(s, bnodes)} {nquads_term(p, bnodes)} {nquads_term(o, bnodes)}\n"
            for s, p, o in triples
        )

    # --- validation ----------------------------------------------------------------------

    def validate_many(self, batch, *, base: str | None = None):
        """[(graph name, triples)] -> [(conforms, [Result])], in batch order."""
        indexes, raw, focus_by_key, sparql_graphs = [], [], {}, []
        for i, (_, triples) in enumerate(batch):
            ctx = GraphIndex(self, triples, self.need)
            focus = ctx.focus_nodes()
            found: list = []
            for shape in self.roots:
                nodes = focus.get(shape)
                if nodes:
                    for f in nodes.values():
                        _evaluate(shape, f, ctx, found)
            for shape in self.sparql_shapes:
                nodes = focus.get(shape)
                if nodes:
                    k = shape.sparql[0].key
                    focus_by_key.setdefault(k, []).extend((i, f) for f in nodes.values())
            indexes.append(ctx)
            raw.append(found)
            sparql_graphs.append(self._for_store(ctx))
        rows = (
            run_batch(
                self.constraints, sparql_graphs, focus_by_key, self._onto_quads_for(len(batch))
            )
            if focus_by_key
            else {}
        )
        out = []
        for i, (name, _) in enumerate(batch):
            results = [self._result(r, name, base) for r in raw[i]]
            results += [self._sparql_result(r, name, base) for r in rows.get(i, ())]
            results.sort(key=lambda r: (r.graph or "", r.focus, r.path or "", r.component))
            conforms = all(r.severity in ("Warning", "Info") for r in results)
            out.append((conforms, results))
        return out

    def _onto_quads_for(self, n: int) -> str:
        if not self._onto_quads:
            return ""
        from .sparql import GRAPH_IRI

        lines = self._onto_quads.splitlines()
        return "".join(f"{t} <{GRAPH_IRI}{i}> .\n" for i in range(n) for t in lines)

    def _for_store(self, ctx: GraphIndex):
        triples = ctx.queried
        shared = self.onto_subjects.intersection(ctx.spo)
        if not shared:
            return triples
        reach = self.reach
        extra = [
            t
            for t in self.onto_triples
            if key(t[0]) in shared and (reach is None or plain(t[1]) in reach)
        ]
        return list(dict.fromkeys(list(triples) + extra))

    def _result(self, raw, graph_name, base) -> Result:
        focus, shape, component, value = raw
        severity, path, message, shape_name = self._info[shape]
        focus = str(focus)
        return Result(
            severity=severity,
            focus=focus,
            path=path,
            value=_term(value),
            message=message,
            component=_sh(component),
            shape=shape_name,
            graph=graph_name,
            where=_where(focus, base),
        )

    def _sparql_result(self, row, graph_name, base) -> Result:
        constraint, focus, path, value, extra = row
        shape = constraint.shape
        severity, _, _, shape_name = self._info[shape]
        msg = str(constraint.message.value)
        if value is None:
            value = focus  # a node shape: pySHACL reports the focus node as the value
        fdict = dict(extra)
        if path is None and value is None and "failure" in extra:  # pragma: no cover
            pass
        for name, val in (("this", focus), ("path", path), ("value", value)):
            if val is not None:
                fdict[name] = val
        for var, val in fdict.items():
            msg = re.sub(f"{{[?$]{var}}}", str(val), msg)
        text = str(focus)
        return Result(
            severity=severity,
            focus=text,
            path=_path_text(path),
            value=_term(value),
            message=msg,
            component=_sh(_SPARQL_CC),
            shape=shape_name,
            graph=graph_name,
            where=_where(text, base),
        )

    # --- report graph --------------------------------------------------------------------

    def report_graph(self, results) -> Graph:
        """A SHACL validation report for ``results`` (as ``defrel validate --format turtle``)."""
        g = Graph()
        g.bind("sh", SH)
        report = BNode()
        g.add((report, RDF.type, SH.ValidationReport))
        conforms = all(r.severity in ("Warning", "Info") for r in results)
        g.add((report, SH.conforms, Literal(conforms)))
        for r in results:
            node = BNode()
            g.add((report, SH.result, node))
            g.add((node, RDF.type, SH.ValidationResult))
            g.add((node, SH.focusNode, URIRef(r.focus)))
            shape = self._by_name.get(r.shape)
            g.add((node, SH.sourceShape, shape.node if shape else _node(r.shape)))
            g.add((node, SH.resultSeverity, SH[r.severity]))
            g.add((node, SH.sourceConstraintComponent, SH[r.component.removeprefix("sh:")]))
            if r.message:
                g.add((node, SH.resultMessage, Literal(r.message)))
            if r.value is not None:
                g.add((node, SH.value, _node(r.value)))
            if shape is not None and shape.path is not None:
                if shape.inverse:
                    path = BNode()
                    g.add((path, SH.inversePath, shape.path))
                    g.add((node, SH.resultPath, path))
                else:
                    g.add((node, SH.resultPath, shape.path))
            elif r.path and r.path != "(complex path)":
                g.add((node, SH.resultPath, _node(r.path)))
            if r.component == "sh:SPARQLConstraintComponent" and shape is not None:
                for c in shape.sparql:
                    if c.message_rx.fullmatch(r.message):
                        g.add((node, SH.sourceConstraint, c.node))
                        break
        return g


def _inverse_node(sg: Graph, node):
    return sg.value(node, SH.path)


def _node(text: str):
    if text.startswith('"'):
        return from_n3(text)
    prefix, sep, local = text.partition(":")
    if sep and prefix in NS and not local.startswith("//"):
        return NS[prefix][local]
    return URIRef(text)
