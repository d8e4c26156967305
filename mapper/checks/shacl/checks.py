"""The checks a shape compiles to: ``check(focus, values, ctx) -> [(component, value)]``.

Each reproduces one pySHACL 0.40.1 constraint component (rdflib mode) on the value nodes of one
focus node, reusing pySHACL's own literal helpers where its semantics are subtle; the common
cases (numeric comparisons, sh:datatype) are spelled out as rdflib would compute them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

from pyshacl.constraints.core.string_based_constraints import StringBasedConstraintBase
from pyshacl.rdfutil.compare import compare_literal
from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import _NUMERIC_LITERAL_TYPES

if TYPE_CHECKING:
    from .compile import CompiledShape

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
