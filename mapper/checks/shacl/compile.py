"""Compile a SHACL shapes graph into plain Python closures, once.

Only what ``shapes/defrel-shapes.ttl`` uses is implemented; any other SHACL term on a shape
(sh:node, sh:and, sh:closed, a sequence path ...) raises :class:`ShaclCompileError`, so a future
shape cannot be skipped silently.  Each check reproduces pySHACL 0.40.1 (rdflib mode) exactly,
reusing pySHACL's own literal helpers where its semantics are subtle.

A check is ``check(focus, values, ctx) -> list[(component, value)]``: the failures of one focus
node given its value nodes (see ``checks.py``); ``ctx`` is the per-graph index (``index.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH

from .checks import (
    _PAIR,
    ShaclCompileError,
    _class,
    _datatype,
    _has_value,
    _in,
    _max_count,
    _min_count,
    _min_inclusive,
    _min_length,
    _node_kind,
    _not,
    _or,
    _pattern,
    _qualified,
    _unique_lang,
    plain,
)

__all__ = ["ALLOWED", "CompiledShape", "ShaclCompileError", "compile_shapes"]

ALLOWED = frozenset({SH.Warning, SH.Info})  # allow_warnings=True: these do not fail conformance

# Everything on a shape that is not a constraint: targets, documentation, structure.
_NON_CONSTRAINT = {
    RDF.type, RDFS.label, RDFS.comment, SH.name, SH.description, SH.message, SH.severity,
    SH.path, SH.property, SH.sparql, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf,
    SH.targetNode, SH.deactivated, SH.order, SH.group, SH.defaultValue,
    SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint, SH.flags,
}  # fmt: skip
_SUPPORTED = {
    SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.nodeKind, SH.hasValue, SH["in"],
    SH["or"], SH["not"], SH.minInclusive, SH.minLength, SH.pattern, SH.uniqueLang, SH.equals,
    SH.disjoint, SH.lessThan, SH.lessThanOrEquals, SH.qualifiedValueShape,
}  # fmt: skip


class CompiledShape:
    """A shape: its targets, checks, property shapes and SPARQL constraints."""

    __slots__ = (
        "node", "path", "inverse", "severity", "message", "checks", "props", "sparql",
        "target_classes", "target_subjects_of", "target_objects_of", "target_nodes",
        "deactivated", "allowed", "pkey", "empty_checks", "lo", "hi", "rest", "rest_empty",
        "plan",
    )  # fmt: skip

    def __init__(self, node):
        self.node = node
        self.path: URIRef | None = None
        self.pkey: str | None = None  # the path as a plain str, the index's key
        self.inverse = False
        self.severity = SH.Violation
        self.message: Literal | None = None
        self.checks: list[Callable] = []
        self.empty_checks: list[Callable] = []  # the checks that can fail with no value node
        # The same split for engine._evaluate: sh:minCount/sh:maxCount as numbers, the rest.
        self.lo, self.hi = 0, sys.maxsize
        self.rest: list[Callable] = []
        self.rest_empty: list[Callable] = []
        self.plan: list = []  # set by the engine
        self.props: list[CompiledShape] = []
        self.sparql: list = []  # sparql.SparqlConstraint
        self.target_classes: list = []
        self.target_subjects_of: list = []
        self.target_objects_of: list = []
        self.target_nodes: list = []
        self.deactivated = False
        self.allowed = False

    def values(self, focus, ctx):
        if self.pkey is None:
            return (focus,)
        if self.inverse:
            return ctx.subjects(self.pkey, focus)
        return ctx.objects(focus, self.pkey)

    def conforms(self, focus, ctx) -> bool:
        """pySHACL's ``_is_conform`` of this shape on one focus node (nested shapes)."""
        if self.deactivated:
            return True
        values = self.values(focus, ctx)
        if not self.allowed:
            for check in self.checks if values else self.empty_checks:
                if check(focus, values, ctx):
                    return False
        return all(prop.conforms(v, ctx) for v in values for prop in self.props)


def _one(sg: Graph, node, pred):
    found = list(sg.objects(node, pred))
    if len(found) > 1:
        raise ShaclCompileError(
            f"{node} has {len(found)} values of {pred}; at most one is supported"
        )
    return found[0] if found else None


def _literal_int(value, what) -> int:
    if not isinstance(value, Literal) or not isinstance(value.value, int):
        raise ShaclCompileError(f"{what} must be an integer literal, not {value!r}")
    return value.value


class Compiler:
    def __init__(self, sg: Graph, sparql_compiler):
        self.sg = sg
        self.sparql_compiler = sparql_compiler
        self.shapes: dict = {}

    def shape(self, node) -> CompiledShape:
        if node in self.shapes:
            shape = self.shapes[node]
            if shape is None:
                raise ShaclCompileError(f"recursive shape {node} is not supported")
            return shape
        self.shapes[node] = None
        shape = self._build(node)
        self.shapes[node] = shape
        return shape

    def _build(self, node) -> CompiledShape:
        sg = self.sg
        shape = CompiledShape(node)
        preds = set(sg.predicates(node))
        unknown = {p for p in preds if str(p).startswith(str(SH))} - _NON_CONSTRAINT - _SUPPORTED
        if unknown:
            names = ", ".join(sorted(f"sh:{str(p)[len(str(SH)) :]}" for p in unknown))
            raise ShaclCompileError(
                f"shape {node} uses {names}, which the fast validator does not implement"
            )
        deactivated = _one(sg, node, SH.deactivated)
        shape.deactivated = bool(deactivated is not None and deactivated.value is True)
        shape.severity = _one(sg, node, SH.severity) or SH.Violation
        shape.allowed = shape.severity in ALLOWED
        messages = list(sg.objects(node, SH.message))
        if len(messages) > 1:
            raise ShaclCompileError(
                f"shape {node} has several sh:message; pySHACL's choice is arbitrary"
            )
        shape.message = messages[0] if messages else None
        path = _one(sg, node, SH.path)
        if path is not None:
            if isinstance(path, URIRef):
                shape.path = path
            else:
                inverse = _one(sg, path, SH.inversePath)
                if not isinstance(inverse, URIRef) or len(set(sg.predicate_objects(path))) != 1:
                    raise ShaclCompileError(
                        f"path of {node}: only IRIs and sh:inversePath of an IRI are supported"
                    )
                shape.path, shape.inverse = inverse, True
        shape.pkey = None if shape.path is None else plain(shape.path)
        shape.target_classes = list(sg.objects(node, SH.targetClass))
        shape.target_subjects_of = list(sg.objects(node, SH.targetSubjectsOf))
        shape.target_objects_of = list(sg.objects(node, SH.targetObjectsOf))
        shape.target_nodes = list(sg.objects(node, SH.targetNode))
        types = set(sg.objects(node, RDF.type))
        if types & {RDFS.Class, SH.Shape} or set(sg.subjects(RDFS.subClassOf, RDFS.Class)) & types:
            raise ShaclCompileError(
                f"{node} is also a class (implicit class target): not supported"
            )
        for pred in sorted(preds & _SUPPORTED):
            check = self._check(shape, pred)
            shape.checks.append(check)
            empty = pred in (SH.minCount, SH.hasValue, SH.equals, SH.qualifiedValueShape)
            if empty:
                shape.empty_checks.append(check)
            if pred == SH.minCount:
                shape.lo = _literal_int(_one(sg, node, pred), "sh:minCount")
            elif pred == SH.maxCount:
                shape.hi = _literal_int(_one(sg, node, pred), "sh:maxCount")
            else:
                shape.rest.append(check)
                if empty:
                    shape.rest_empty.append(check)
        if SH.qualifiedValueShape not in preds and preds & {
            SH.qualifiedMinCount,
            SH.qualifiedMaxCount,
        }:
            raise ShaclCompileError(f"{node} has a qualified count without sh:qualifiedValueShape")
        for prop in sg.objects(node, SH.property):
            sub = self.shape(prop)
            if sub.path is None:
                raise ShaclCompileError(f"sh:property {prop} of {node} has no sh:path")
            shape.props.append(sub)
        for constraint in sg.objects(node, SH.sparql):
            if shape.path is not None:
                raise ShaclCompileError(f"sh:sparql on property shape {node} is not supported")
            shape.sparql.append(self.sparql_compiler(sg, shape, constraint))
        return shape

    def _list(self, head) -> list:
        try:
            return list(self.sg.items(head))
        except Exception as err:  # pragma: no cover - malformed list
            raise ShaclCompileError(f"malformed RDF list {head}") from err

    def _check(self, shape: CompiledShape, pred) -> Callable:
        sg, node = self.sg, shape.node
        objs = list(sg.objects(node, pred))
        if (
            pred
            in (SH.minCount, SH.maxCount, SH.datatype, SH.nodeKind, SH.minLength, SH.uniqueLang)
            and len(objs) != 1
        ):
            raise ShaclCompileError(f"{node}: exactly one {pred} is supported")
        if pred == SH.minCount:
            return _min_count(_literal_int(objs[0], "sh:minCount"))
        if pred == SH.maxCount:
            return _max_count(_literal_int(objs[0], "sh:maxCount"))
        if pred == SH["class"]:
            return _class([plain(c) for c in objs])
        if pred == SH.datatype:
            return _datatype(plain(objs[0]))
        if pred == SH.nodeKind:
            return _node_kind(objs[0])
        if pred == SH.hasValue:
            return _has_value(objs)
        if pred == SH["in"]:
            return _in([set(self._list(o)) for o in objs])
        if pred == SH["or"]:
            return _or([[self.shape(m) for m in self._list(o)] for o in objs])
        if pred == SH["not"]:
            return _not([self.shape(o) for o in objs])
        if pred == SH.minInclusive:
            if not all(isinstance(o, Literal) for o in objs):
                raise ShaclCompileError(f"{node}: sh:minInclusive must be a literal")
            return _min_inclusive(objs)
        if pred == SH.minLength:
            return _min_length(_literal_int(objs[0], "sh:minLength"))
        if pred == SH.pattern:
            return _pattern(node, objs, _one(sg, node, SH.flags))
        if pred == SH.uniqueLang:
            return _unique_lang(objs[0])
        if pred in (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
            if not all(isinstance(o, URIRef) for o in objs):
                raise ShaclCompileError(f"{node}: {pred} must be an IRI (no complex paths)")
            return _PAIR[pred]([plain(o) for o in objs])
        if pred == SH.qualifiedValueShape:
            return self._qualified(shape, objs)
        raise ShaclCompileError(f"{node}: {pred} is not implemented")  # pragma: no cover

    def _qualified(self, shape: CompiledShape, objs) -> Callable:
        sg, node = self.sg, shape.node
        if len(objs) != 1:
            raise ShaclCompileError(f"{node}: one sh:qualifiedValueShape is supported")
        low = _one(sg, node, SH.qualifiedMinCount)
        high = _one(sg, node, SH.qualifiedMaxCount)
        low = None if low is None else _literal_int(low, "sh:qualifiedMinCount")
        high = None if high is None else _literal_int(high, "sh:qualifiedMaxCount")
        if low is None and high is None:
            raise ShaclCompileError(f"{node}: sh:qualifiedValueShape without a count")
        disjoint = _one(sg, node, SH.qualifiedValueShapesDisjoint)
        if disjoint is not None and disjoint.value is True:
            raise ShaclCompileError(f"{node}: sh:qualifiedValueShapesDisjoint is not implemented")
        inner = self.shape(objs[0])
        return _qualified(inner, low, high)


def compile_shapes(sg: Graph, sparql_compiler) -> list[CompiledShape]:
    """The shapes that pySHACL validates at the top level (those with targets), compiled."""
    compiler = Compiler(sg, sparql_compiler)
    roots = set()
    for pred in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode):
        roots.update(sg.subjects(pred, None))
    if set(sg.subjects(SH.target, None)):
        raise ShaclCompileError("sh:target (SHACL-AF custom targets) is not implemented")
    for s in sg.subjects(RDF.type, None):
        if s not in roots:
            types = set(sg.objects(s, RDF.type))
            if types & {RDFS.Class, SH.Shape}:
                raise ShaclCompileError(f"{s}: implicit class targets are not implemented")
    for pred in (SH.rule, SH.entailment, SH.js, SH.expression):
        if set(sg.subjects(pred, None)):
            raise ShaclCompileError(f"{pred} is not implemented")
    # Compile every shape the graph declares, so an unsupported feature anywhere raises.
    for s in set(sg.subjects(RDF.type, SH.NodeShape)) | set(
        sg.subjects(RDF.type, SH.PropertyShape)
    ):
        compiler.shape(s)
    compiled = [compiler.shape(s) for s in sorted(roots, key=str)]
    todo, seen = list(compiled), set()
    while todo:  # the shapes whose results are reported need their own sh:message
        shape = todo.pop()
        if shape.node in seen:
            continue
        seen.add(shape.node)
        todo += shape.props
        if shape.checks and shape.message is None:
            raise ShaclCompileError(
                f"shape {shape.node} can report results but has no sh:message "
                "(pySHACL's generic messages are not reproduced)"
            )
    return compiled
