"""The order of an article's facts in time: ``before``/``after`` links must not go round in a
circle, nor contradict the dates the facts carry.

``A before: [B]`` and ``B after: [A]`` both say that A came first; a fact dated 2015 cannot
come before one dated 2013. Dates are compared at their widest (2014 is all of 2014), so
only an order that no reading of the dates allows is refused.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import FactsError
from .model import Fact
from .when import When
from .yamlread import line_of

__all__ = ["check_timeline"]

_TIMES = ("date", "start", "end")


def _edges(facts: tuple[Fact, ...]) -> list[tuple[str, str, str]]:
    """``(earlier, later, field)`` for every before/after link between known facts."""
    known = {f.id for f in facts}
    edges = []
    for f in facts:
        for field in ("before", "after"):
            others = f.values.get(field, ())
            for other in others if isinstance(others, tuple) else (others,):
                if other in known and other != f.id:
                    pair = (f.id, other) if field == "before" else (other, f.id)
                    edges.append((*pair, field))
    return edges


def _span(fact: Fact) -> tuple[dt.date, dt.date] | None:
    """The first and last day the fact's times allow, if any of them has a year."""
    spans = [
        s
        for name in _TIMES
        if isinstance(w := fact.values.get(name), When) and (s := w.span()) is not None
    ]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _dates(fact: Fact) -> str:
    return ", ".join(
        f"{name} {w.text}" for name in _TIMES if isinstance(w := fact.values.get(name), When)
    )


def check_timeline(path: Path, doc, facts: tuple[Fact, ...]) -> list[FactsError]:
    """Every cycle of before/after links, and every link its facts' dates contradict."""
    by_id = {f.id: (i, f) for i, f in enumerate(facts)}
    index: dict[str, int] = {}
    for i, raw in enumerate(doc["facts"]):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            index.setdefault(raw["id"], i)
    edges = _edges(facts)
    problems = []

    def line(fact_id: str, field: str) -> int | None:
        return line_of(doc, ("facts", index[fact_id], field))

    for earlier, later, field in edges:
        first, second = _span(by_id[earlier][1]), _span(by_id[later][1])
        if first is None or second is None or first[0] <= second[1]:
            continue
        owner = earlier if field == "before" else later
        other = later if field == "before" else earlier
        problems.append(
            FactsError(
                f"{field}: {earlier!r} cannot come before {later!r}: {earlier!r} "
                f"({_dates(by_id[earlier][1])}, line {by_id[earlier][1].line}) is dated after "
                f"{later!r} ({_dates(by_id[later][1])}, line {by_id[later][1].line})",
                path=path,
                line=line(owner, field),
                fact_id=owner,
                hint=f"swap before/after, or correct the dates of {owner!r} or {other!r}",
            )
        )
    problems.extend(_cycles(path, edges, by_id, line))
    return problems


def _cycles(path: Path, edges, by_id, line) -> list[FactsError]:
    """One error per circle of before/after links: per strongly connected group of facts
    (Kosaraju, linear in the links), the shortest circle through its first fact in the file."""
    following: dict[str, list[str]] = {}
    preceding: dict[str, list[str]] = {}
    for earlier, later, _ in edges:
        following.setdefault(earlier, []).append(later)
        preceding.setdefault(later, []).append(earlier)
    nodes = sorted({n for e in edges for n in e[:2]}, key=lambda f: by_id[f][0])
    finished: list[str] = []
    visited: set[str] = set()
    for root in nodes:  # first pass: finishing order, without recursion
        if root in visited:
            continue
        visited.add(root)
        stack = [(root, iter(following.get(root, ())))]
        while stack:
            node, children = stack[-1]
            child = next((c for c in children if c not in visited), None)
            if child is None:
                finished.append(node)
                stack.pop()
            else:
                visited.add(child)
                stack.append((child, iter(following.get(child, ()))))
    group: dict[str, int] = {}
    for root in reversed(finished):  # second pass, on the reversed links
        if root in group:
            continue
        todo, group[root] = [root], len(group)
        while todo:
            for prev in preceding.get(todo.pop(), ()):
                if prev not in group:
                    group[prev] = group[root]
                    todo.append(prev)
    members: dict[int, list[str]] = {}
    for node in nodes:
        members.setdefault(group[node], []).append(node)
    return [
        _cycle_error(path, _ring(ids[0], set(ids), following), by_id, line, edges)
        for ids in members.values()
        if len(ids) > 1
    ]


def _ring(start: str, inside: set[str], following) -> list[str]:
    """The shortest circle from ``start`` back to it, within one group (breadth first)."""
    came_from: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for nxt in following.get(node, ()):
            if nxt == start:
                trail = [node]
                while trail[-1] != start:
                    trail.append(came_from[trail[-1]])
                return [*reversed(trail), start]
            if nxt in inside and nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    return [start, start]  # not reached: a group of two or more has a circle through each


def _cycle_error(path: Path, ring: list[str], by_id, line, edges) -> FactsError:
    first = ring[0]
    field = next(f for e, later, f in edges if e == first and later == ring[1])
    owner = first if field == "before" else ring[1]
    places = ", ".join(f"{f} (line {by_id[f][1].line})" for f in ring[:-1])
    return FactsError(
        f"before/after go round in a circle: {' before '.join(map(repr, ring))}; facts {places}",
        path=path,
        line=line(owner, field),
        fact_id=owner,
        hint="a fact cannot come before itself, even through others: remove or turn round "
        "one of these before/after links",
    )
