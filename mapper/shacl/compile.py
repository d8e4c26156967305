"""Compile a SHACL shapes graph into plain Python closures, once.

Only what ``shapes/defrel-shapes.ttl`` uses is implemented; any other SHACL term on a shape
(sh:node, sh:and, sh:closed, a sequence path ...) raises :class:`ShaclCompileError`, so a future
shape cannot be skipped silently.  Each check reproduces pySHACL 0.40.1 (rdflib mode) exactly,
reusing pySHACL's own literal helpers where its semantics are subtle.

A check is ``check(focus, values, ctx) -> list[(component, value)]``: the failures of one focus
node given its value nodes; ``ctx`` is the per-graph index (see ``engine.GraphIndex``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal

from pyshacl.constraints.core.string_based_constraints import StringBasedConstraintBase
from pyshacl.rdfutil.compare import compare_literal
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import _NUMERIC_LITERAL_TYPES

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

_CC = {name: SH[f"{name}ConstraintComponent"] for name in (
    "MinCount", "MaxCount", "Class", "Datatype", "NodeKind", "HasValue", "In", "Or", "Not",
    "MinInclusive", "MinLength", "Pattern", "UniqueLang", "Equals", "Disjoint", "LessThan",
    "LessThanOrEquals", "QualifiedMinCount", "QualifiedMaxCount", "SPARQL",
)}  # fmt: skip

_to_string = StringBasedConstraintBase.value_node_to_string
plain = str.__str__  # an IRI as an exact str: dict keys that hash and compare in C
_RDFS_LITERAL, _RDFS_DATATYPE = plain(RDFS.Literal), plain(RDFS.Datatype)
_XSD_STRING, _LANGSTRING = plain(XSD.string), plain(RDF.langString)
_NUMERIC = frozenset(plain(t) for t in _NUMERIC_LITERAL_TYPES)


class ShaclCompileError(ValueError):
    """The shapes use a SHACL feature this engine does not implement."""


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


# --- checks ---------------------------------------------------------------------------------


def _min_count(n: int):
    if n == 0:
        return lambda f, vs, ctx: ()
    cc = [(_CC["MinCount"], None)]
    return lambda f, vs, ctx: cc if len(vs) < n else ()


def _max_count(n: int):
    cc = [(_CC["MaxCount"], None)]
    return lambda f, vs, ctx: cc if len(vs) > n else ()


def _class(classes):
    cc = _CC["Class"]
    n = len(classes)

    def check(f, vs, ctx):
        out = ()
        for v in vs:
            if type(v) is not URIRef and isinstance(v, Literal):
                out = [*out, *[(cc, v)] * n]
                continue
            supers = ctx.superclasses_of_types(v)
            for c in classes:
                if c not in supers:
                    out = [*out, (cc, v)]
        return out

    return check


def _datatype_ok(v, rule) -> bool:
    """pySHACL's DatatypeConstraintComponent on one value node."""
    if not isinstance(v, Literal):
        return False
    datatype, lang = v.datatype, v.language
    if datatype is not None and plain(datatype) == rule:
        if getattr(v, "ill_typed", None) is True:
            return False
        return _actual(v, rule)
    if rule == _RDFS_LITERAL:
        return True
    if rule == _RDFS_DATATYPE and datatype:
        return True
    if datatype is None and lang is None and rule == _XSD_STRING:
        return _actual(v, rule)
    if rule == _LANGSTRING and lang:
        return _actual(v, rule)
    return False


_ACTUAL = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime,
}  # fmt: skip
_ACTUAL = {plain(k): v for k, v in _ACTUAL.items()}


def _actual(v, rule) -> bool:
    kind = _ACTUAL.get(rule)
    return True if kind is None else isinstance(v.value, kind)


def _datatype(rule):
    cc = _CC["Datatype"]

    kind = _ACTUAL.get(rule)
    same = str.__eq__
    any_literal = rule == _RDFS_LITERAL
    plain_rule, lang_rule = rule == _XSD_STRING, rule == _LANGSTRING

    def check(f, vs, ctx):
        out = None
        for v in vs:
            if type(v) is Literal:
                dt = v.datatype  # the common case of _datatype_ok, inlined
                if dt is not None:
                    if same(dt, rule):
                        if v.ill_typed is not True and (kind is None or isinstance(v.value, kind)):
                            continue
                    elif _datatype_ok(v, rule):
                        continue
                elif any_literal:
                    continue
                else:
                    lang = v.language
                    if (lang is None and plain_rule or lang and lang_rule) and (
                        kind is None or isinstance(v.value, kind)
                    ):
                        continue
            elif _datatype_ok(v, rule):
                continue
            out = out or []
            out.append((cc, v))
        return out or ()

    return check


def _node_kind(rule):
    if rule not in (
        SH.IRI,
        SH.Literal,
        SH.BlankNode,
        SH.BlankNodeOrIRI,
        SH.BlankNodeOrLiteral,
        SH.IRIOrLiteral,
    ):
        raise ShaclCompileError(f"unknown sh:nodeKind {rule}")
    cc = _CC["NodeKind"]

    bnode_ok = rule in (SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI)
    literal_ok = rule in (SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral)
    iri_ok = rule in (SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI)

    def kind_ok(v):
        if type(v) is URIRef:
            return iri_ok
        if isinstance(v, BNode):
            return bnode_ok
        if isinstance(v, Literal):
            return literal_ok
        return iri_ok

    return lambda f, vs, ctx: [(cc, v) for v in vs if not kind_ok(v)]


def _has_value(wanted):
    cc = (_CC["HasValue"], None)
    return lambda f, vs, ctx: [cc for hv in wanted if not any(v == hv for v in vs)]


def _in(lists):
    cc = _CC["In"]
    return lambda f, vs, ctx: [(cc, v) for allowed in lists for v in vs if v not in allowed]


def _or(alternatives):
    cc = _CC["Or"]

    def check(f, vs, ctx):
        return [
            (cc, v)
            for shapes in alternatives
            for v in vs
            if not any(s.conforms(v, ctx) for s in shapes)
        ]

    return check


def _not(shapes):
    cc = _CC["Not"]
    return lambda f, vs, ctx: [(cc, v) for s in shapes for v in vs if s.conforms(v, ctx)]


def _min_inclusive(bounds):
    cc = _CC["MinInclusive"]

    def numeric(lit) -> bool:
        dt = lit.datatype
        return dt is not None and plain(dt) in _NUMERIC and not lit.ill_typed

    def ok(v, m, m_numeric) -> bool:
        if not isinstance(v, Literal):
            return False
        if m_numeric and numeric(v):
            x = v.value  # compare_literal's own numeric path: Literal.eq, then __gt__
            if x is not None:
                return x == m.value or x > m.value
        if isinstance(m.value, str) != isinstance(v.value, str):
            return False
        try:
            return compare_literal(v, m) >= 0
        except (TypeError, NotImplementedError):
            return False

    rules = [(m, numeric(m) and m.value is not None) for m in bounds]
    return lambda f, vs, ctx: [(cc, v) for m, n in rules for v in vs if not ok(v, m, n)]


def _min_length(n: int):
    if n < 0:
        raise ShaclCompileError("sh:minLength cannot be negative")
    cc = _CC["MinLength"]
    if n == 0:
        return lambda f, vs, ctx: ()
    return lambda f, vs, ctx: [
        (cc, v) for v in vs if isinstance(v, BNode) or len(_to_string(v)) < n
    ]


def _pattern(node, patterns, flags):
    if not all(isinstance(p, Literal) for p in patterns):
        raise ShaclCompileError(f"{node}: sh:pattern must be a literal")
    re_flags = 0
    if flags is not None:
        text = str(flags.value).lower()
        if set(text) - {"i", "m"}:
            raise ShaclCompileError(f"{node}: sh:flags {text!r} not supported (only i and m)")
        re_flags = (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
    matchers = [re.compile(str(p.value), re_flags) for p in patterns]
    cc = _CC["Pattern"]

    def ok(rx, v) -> bool:
        if isinstance(v, BNode):
            return False
        text = _to_string(v)
        return bool(rx.match(text) or rx.search(text))

    return lambda f, vs, ctx: [(cc, v) for rx in matchers for v in vs if not ok(rx, v)]


def _unique_lang(flag):
    if not (isinstance(flag, Literal) and isinstance(flag.value, bool)):
        raise ShaclCompileError("sh:uniqueLang must be a boolean literal")
    if not flag.value:
        return lambda f, vs, ctx: ()
    cc = (_CC["UniqueLang"], None)

    def check(f, vs, ctx):
        seen, dups = set(), set()
        for v in vs:
            if isinstance(v, Literal) and v.language:
                low = str(v.language).lower()
                (dups if low in seen else seen).add(low)
        return [cc] * len(dups)

    return check


def _equals(props):
    cc = _CC["Equals"]

    def check(f, vs, ctx):
        out = []
        mine = set(vs)
        for p in props:
            other = set(ctx.objects(f, p))
            out += [(cc, v) for v in mine - other] + [(cc, v) for v in other - mine]
        return out

    return check


def _disjoint(props):
    cc = _CC["Disjoint"]
    return lambda f, vs, ctx: [(cc, v) for p in props for v in set(vs) & set(ctx.objects(f, p))]


def _numeric(v) -> bool:
    """rdflib's fast path for comparing two literals applies to ``v``."""
    if type(v) is not Literal and not isinstance(v, Literal):
        return False
    dt = v.datatype
    return dt is not None and plain(dt) in _NUMERIC and not v.ill_typed and v.value is not None


def _order(strict: bool):
    cc = _CC["LessThan" if strict else "LessThanOrEquals"]

    def as_cmp(v):
        if isinstance(v, BNode):
            raise ValueError("Cannot compare a BlankNode with sh:lessThan(OrEquals)")
        if isinstance(v, URIRef):
            return str(v), True
        if isinstance(v, Literal) and isinstance(v.value, str):
            return v.value, True
        return v, False

    def make(props):
        def check(f, vs, ctx):
            out = []
            for p in props:
                others = set(ctx.objects(f, p))
                for value in set(vs):
                    a, a_str = as_cmp(value)
                    for other in others:
                        b, b_str = as_cmp(other)
                        if a_str != b_str:
                            out.append((cc, value))
                        elif not a_str and _numeric(a) and _numeric(b):
                            # Literal.__lt__/__le__ on two numeric literals, spelled out
                            x, y = a.value, b.value
                            lt = not x > y and not x == y  # noqa: SIM201 - as rdflib
                            if not (lt if strict else lt or x == y):
                                out.append((cc, value))
                        elif not (a < b if strict else a <= b):
                            out.append((cc, value))
            return out

        return check

    return make


_PAIR = {
    SH.equals: _equals,
    SH.disjoint: _disjoint,
    SH.lessThan: _order(True),
    SH.lessThanOrEquals: _order(False),
}


def _qualified(inner: CompiledShape, low, high):
    too_many = [(_CC["QualifiedMaxCount"], None)]
    too_few = [(_CC["QualifiedMinCount"], None)]

    def check(f, vs, ctx):
        if not vs and (low is None or low < 1):
            return ()
        n = sum(1 for v in vs if inner.conforms(v, ctx))
        out = []
        if high is not None and n > high:
            out += too_many
        if low is not None and n < low:
            out += too_few
        return out

    return check


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
