"""The SHACL constraints that apply to a class or a property, as HTML for the reference page:
for a class, the node shapes that target it (in full) and those that target its superclasses
or that its shapes include (by name); for a property, every property shape on that path."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SH

from ...checks.report import shapes_graph
from ...rdf.vocab import curie

__all__ = ["constraints_for"]

# Shown elsewhere (the path is the row's subject) or prose (the message is shown whole).
_NOT_CONSTRAINTS = {RDF.type, SH.path, SH.name, SH.description, SH.message, SH.severity, SH.order}


DSH = "https://w3id.org/defrel/shapes#"


def _name(node) -> str:
    text = str(node)
    for prefix, ns in (("sh", str(SH)), ("dsh", DSH)):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return curie(text)


def _value(sg: Graph, node, link: Callable) -> str:
    if isinstance(node, Literal):
        plain = node.datatype is not None and node.datatype != XSD.string
        return f"<code>{escape(str(node) if plain else repr(str(node)))}</code>"
    if isinstance(node, URIRef):
        ours = str(node).startswith((str(SH), DSH))
        return f"<code>{escape(_name(node))}</code>" if ours else link(node)
    if sg.value(node, RDF.first) is not None:
        return "( " + " ".join(_value(sg, item, link) for item in sg.items(node)) + " )"
    inner = "; ".join(
        f"<code>{escape(_name(p))}</code> {_value(sg, o, link)}"
        for p, o in sorted(sg.predicate_objects(node))
        if p not in _NOT_CONSTRAINTS
    )
    return f"[ {inner} ]"


def _property_shape(sg: Graph, shape, link: Callable, *, with_path: bool) -> str:
    parts = [
        f"<code>{escape(_name(p))}</code> {_value(sg, o, link)}"
        for p, o in sorted(sg.predicate_objects(shape))
        if p not in _NOT_CONSTRAINTS
    ]
    severity = sg.value(shape, SH.severity)
    if severity is not None and severity != SH.Violation:
        parts.append(f"<em>{escape(_name(severity))}</em>")
    path = sg.value(shape, SH.path)
    head = f"{_value(sg, path, link)}: " if with_path else ""
    message = sg.value(shape, SH.message)
    tail = f" — {escape(str(message))}" if message else ""
    return f'<li class="constraint">{head}{" · ".join(parts)}{tail}</li>'


def _superclasses(onto: Graph, cls: URIRef) -> list[URIRef]:
    return [c for c in onto.transitive_objects(cls, RDFS.subClassOf) if isinstance(c, URIRef)]


def _included(sg: Graph, shapes: list) -> list:
    """Shapes reached from ``shapes`` through sh:node, depth first, each once."""
    seen, todo = [], [n for s in shapes for n in sg.objects(s, SH.node)]
    while todo:
        node = todo.pop(0)
        if node not in seen and isinstance(node, URIRef):
            seen.append(node)
            todo += list(sg.objects(node, SH.node))
    return seen


def _class_constraints(term: URIRef, onto: Graph, link: Callable) -> str:
    sg = shapes_graph()
    own = sorted(sg.subjects(SH.targetClass, term))
    parts = []
    for shape in own:
        props = sorted(sg.objects(shape, SH.property), key=lambda s: str(sg.value(s, SH.path)))
        items = "".join(_property_shape(sg, p, link, with_path=True) for p in props)
        rules = [
            f'<li class="constraint">SPARQL rule <code>{escape(_name(r))}</code>: '
            f"{escape(str(sg.value(r, SH.message) or ''))}</li>"
            for r in sorted(sg.objects(shape, SH.sparql))
        ]
        parts.append(
            f"<p>Node shape <code>{escape(_name(shape))}</code>:</p><ul>{items}{''.join(rules)}</ul>"
        )
    inherited = [
        (shape, sup)
        for sup in _superclasses(onto, term)
        if sup != term
        for shape in sorted(sg.subjects(SH.targetClass, sup))
    ]
    names = [f"<code>{escape(_name(s))}</code> (for every {link(sup)})" for s, sup in inherited]
    names += [f"<code>{escape(_name(s))}</code> (included)" for s in _included(sg, own)]
    if names:
        parts.append(f"<p>Also: {', '.join(names)}.</p>")
    return "".join(parts) or "—"


def _property_constraints(term: URIRef, link: Callable) -> str:
    sg = shapes_graph()
    items = []
    for shape in sorted(sg.subjects(SH.path, term), key=str):
        owners = sorted(sg.subjects(SH.property, shape), key=str)
        where = ", ".join(f"<code>{escape(_name(o))}</code>" for o in owners) or "a shape"
        rendered = _property_shape(sg, shape, link, with_path=False)
        items.append(rendered.replace('class="constraint">', f'class="constraint">in {where}: ', 1))
    return f"<ul>{''.join(items)}</ul>" if items else "—"


def constraints_for(term: URIRef, kind: URIRef, onto: Graph, link: Callable) -> str:
    """HTML listing the SHACL constraints on ``term``; ``link`` renders an IRI as a link."""
    if kind == OWL.Class:
        return _class_constraints(term, onto, link)
    return _property_constraints(term, link)
