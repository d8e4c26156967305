"""Per-graph indexes for the checks: one article graph mixed with the ontology."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, BNode, URIRef

from .compile import CompiledShape

if TYPE_CHECKING:
    from .engine import FastValidator

__all__ = ["GraphIndex", "key"]

plain = str.__str__
_TYPE = plain(RDF.type)
_SUBCLASS = plain(RDFS.subClassOf)
_EMPTY: dict = {}


def _closure(edges: dict) -> dict:
    """node -> frozenset of itself and everything reachable over ``edges`` (node -> [nodes])."""
    out: dict = {}
    for start in edges:
        seen, todo = {start}, [start]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        out[start] = frozenset(seen)
    return out


def key(t):
    """A term as an index key: an IRI as an exact str (hashed and compared in C)."""
    if type(t) is URIRef:
        return plain(t)
    if isinstance(t, BNode):
        return "_:" + t
    if isinstance(t, URIRef):
        return plain(t)
    return t  # a literal: never a subject, only looked up


class _Schema:
    """What the class hierarchy decides: superclasses, and which shapes target which type.
    Classes are keys (exact strs)."""

    def __init__(self, edges: dict, roots: list[CompiledShape]):
        self.supers = _closure(edges)
        by_class: dict = {}
        for shape in roots:
            for c in shape.target_classes:
                by_class.setdefault(key(c), []).append(shape)
        self.shapes_for: dict = {}
        for c in set(self.supers) | set(by_class):
            found = [s for sup in self.supers.get(c, (c,)) for s in by_class.get(sup, ())]
            if found:
                self.shapes_for[c] = list(dict.fromkeys(found))


class GraphIndex:
    """One article graph mixed with the ontology, indexed for the checks: subject key ->
    predicate key -> [object terms]; the triples of a few predicates by predicate key."""

    __slots__ = ("spo", "by_pred", "ops", "v", "schema", "queried", "supers")

    def __init__(self, v: FastValidator, triples, need: frozenset):
        self.v = v
        spo: dict = {}
        by_pred: dict = {}
        route = v.route if need is v.need else v.routes(need)
        queried = self.queried = [] if v.reach is not None else triples
        last = d = None
        for t in triples:
            s, p, o = t
            if s is not last:  # a mapper's triples come grouped by subject
                sk = plain(s) if type(s) is URIRef else key(s)
                d = spo.get(sk)
                if d is None:
                    d = spo[sk] = {}
                last = s
            pk = plain(p)
            values = d.get(pk)
            if values is None:
                d[pk] = [o]
            else:
                values.append(o)
            r = route.get(pk)
            if r:
                if r & 1:
                    queried.append(t)
                if r & 2:
                    found = by_pred.get(pk)
                    if found is None:
                        by_pred[pk] = [t]
                    else:
                        found.append(t)
        onto = v.onto_spo
        for sk in v.onto_subjects.intersection(spo):
            d = spo[sk]
            for pk, os in onto[sk].items():
                values = d.get(pk)
                if values is None:
                    d[pk] = list(os)
                else:
                    values.extend(o for o in os if o not in values)
        self.spo = spo
        self.by_pred = by_pred
        self.ops: dict = {}
        self.supers: dict = {}  # node key -> superclasses of its types
        self.schema = v.schema if _SUBCLASS not in by_pred else v.schema_with(by_pred[_SUBCLASS])

    def objects(self, s, pk):
        sk = plain(s) if type(s) is URIRef else key(s)
        d = self.spo.get(sk) or self.v.onto_spo.get(sk)
        return d.get(pk, ()) if d else ()

    def subjects(self, pk, o):
        index = self.ops.get(pk)
        if index is None:
            index = self.ops[pk] = {}
            for s, _, obj in self.by_pred.get(pk, ()):
                index.setdefault(key(obj), []).append(s)
            for s, _, obj in self.v.onto_by_pred.get(pk, ()):
                found = index.setdefault(key(obj), [])
                if s not in found:
                    found.append(s)
        return index.get(key(o), ())

    def pairs(self, pk):
        """(s, o) of every triple with predicate pk, data and ontology (a set, as rdflib's)."""
        found = dict.fromkeys((s, o) for s, _, o in self.by_pred.get(pk, ()))
        found.update(dict.fromkeys((s, o) for s, _, o in self.v.onto_by_pred.get(pk, ())))
        return found

    def superclasses_of_types(self, node):
        nk = plain(node) if type(node) is URIRef else key(node)
        found = self.supers.get(nk)
        if found is not None:
            return found
        supers = self.schema.supers
        d = self.spo.get(nk) or self.v.onto_spo.get(nk)
        types = d.get(_TYPE, ()) if d else ()
        if len(types) == 1:
            t = key(types[0])
            found = supers.get(t) or (t,)
        else:
            found = set()
            for t in types:
                t = key(t)
                found.update(supers.get(t) or (t,))
        self.supers[nk] = found
        return found

    def focus_nodes(self) -> dict:
        """shape -> {node key: node}, the focus nodes pySHACL's ``Shape.focus_nodes`` finds."""
        focus: dict = {}
        shapes_for = self.schema.shapes_for
        for s, _, c in self.by_pred.get(_TYPE, ()):
            for shape in shapes_for.get(key(c), ()):
                found = focus.get(shape)
                if found is None:
                    focus[shape] = {key(s): s}
                else:
                    found[key(s)] = s
        for shape, nodes in self.v.static_focus.items():
            focus.setdefault(shape, {}).update(nodes)
        for shape in self.v.pred_targets:
            found = focus.setdefault(shape, {})
            for p in shape.target_subjects_of:
                found.update({key(s): s for s, _ in self.pairs(key(p))})
            for p in shape.target_objects_of:
                found.update({key(o): o for _, o in self.pairs(key(p))})
        return focus
