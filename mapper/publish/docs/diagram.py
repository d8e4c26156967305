"""The ontology's class diagram as SVG: its own classes as an indented tree of subclasses,
each box a link to the class's section of the reference page; beside each box, the external
classes it specialises and its other parents (a Country is an Agent and a Place)."""

from __future__ import annotations

from html import escape

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from ...rdf.vocab import curie

__all__ = ["class_diagram"]

ROW, INDENT, BOX_W, BOX_H, LEFT, TOP = 30, 36, 190, 22, 12, 12


def _tree(g: Graph, own: str) -> list[tuple[URIRef, int, URIRef | None]]:
    """(class, depth, parent) in depth-first order; a class with two parents (Country) is
    drawn under the first."""
    classes = sorted(c for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(own))
    parents = {c: sorted(p for p in g.objects(c, RDFS.subClassOf) if p in classes) for c in classes}
    children: dict = {c: [] for c in classes}
    for c in classes:
        if parents[c]:
            children[parents[c][0]].append(c)
    rows: list = []

    def walk(node: URIRef, depth: int, parent: URIRef | None) -> None:
        rows.append((node, depth, parent))
        for child in children[node]:
            walk(child, depth + 1, node)

    for root in (c for c in classes if not parents[c]):
        walk(root, 0, None)
    return rows


def class_diagram(g: Graph, *, own: str, href: str = "") -> str:
    """The SVG text. ``own`` is the ontology's namespace; links point to ``{href}#{name}``."""
    rows = _tree(g, own)
    where = {cls: (LEFT + depth * INDENT, TOP + i * ROW) for i, (cls, depth, _) in enumerate(rows)}
    width = max(x for x, _ in where.values()) + BOX_W + 420
    height = TOP * 2 + len(rows) * ROW
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Class diagram: the subclass tree of the ontology" font-family="sans-serif" '
        f'font-size="12">',
        "<title>Class diagram</title>",
    ]
    for cls, _, parent in rows:
        if parent is not None:
            parts.append(_elbow(where[parent], where[cls]))
    for cls, _, parent in rows:
        x, y = where[cls]
        name = str(cls)[len(own) :]
        label = escape(str(g.value(cls, RDFS.label) or name))
        supers = [o for o in sorted(g.objects(cls, RDFS.subClassOf)) if isinstance(o, URIRef)]
        external = ", ".join(
            [f"also {g.value(o, RDFS.label)}" for o in supers if o in where and o != parent]
            + [curie(str(o)) for o in supers if not str(o).startswith(own)]
        )
        parts.append(
            f'<a href="{href}#{escape(name)}" xlink:href="{href}#{escape(name)}">'
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="4" fill="#eef3fb" '
            f'stroke="#3b6db3"/><text x="{x + 8}" y="{y + 15}" fill="#123">{label}</text></a>'
        )
        if external:
            parts.append(
                f'<text x="{x + BOX_W + 10}" y="{y + 15}" fill="#666">⊑ {escape(external)}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _elbow(parent: tuple[int, int], child: tuple[int, int]) -> str:
    (px, py), (cx, cy) = parent, child
    return (
        f'<polyline points="{px + 12},{py + BOX_H} {px + 12},{cy + BOX_H // 2} '
        f'{cx},{cy + BOX_H // 2}" fill="none" stroke="#3b6db3"/>'
    )
