"""The checks of one value of a facts document (a field of a fact, an entity or the article):
references to entities and facts, times in the article's words, quantities, and the quotes
of a fact's evidence. ``check.Builder`` reads the document and calls these for each field."""

from __future__ import annotations

import difflib
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import DefrelError, EvidenceError, FactsError
from .datewords import contradiction, resolve
from .evidence import Span, locate
from .kinds import QUANTITY_UNITS, Field
from .model import Quantity, Value
from .when import When, parse_when
from .yamlread import exact_number, line_of

__all__ = ["ValueChecks"]


class ValueChecks:
    """The value checks ``check.Builder`` inherits: each reads the document's state below and
    records what is wrong in ``problems``."""

    path: Path  # the facts file
    doc: Any  # its parsed document
    problems: list[DefrelError]  # what is wrong, in the order found
    text: str  # the article's text, which the quotes must be found in
    bad: frozenset[tuple]  # the places of the schema's errors: not read
    entity_types: dict[str, str | None]  # the entities one may refer to, and their types
    fact_ids: set[str]
    published: When | None  # the article's date_published, once read
    planned: bool  # whether the fact being read is planned
    unfinished: bool  # whether it is ongoing

    def problem(self, message: str, where: tuple, *, fact_id=None, hint=None, cls=FactsError):
        line = line_of(self.doc, where)
        self.problems.append(cls(message, path=self.path, line=line, fact_id=fact_id, hint=hint))

    def value(self, field: Field, raw: Any, where: tuple, owner: str | None) -> Value | None:
        if field.shape == "choices":
            return tuple(raw) if isinstance(raw, list) else (raw,)
        if field.shape == "count":
            return self.count(raw)
        if field.shape == "when" and isinstance(raw, dict):
            return self.said(field, raw, where, owner)
        if field.shape in ("entity", "entities", "fact", "facts", "texts"):
            items = tuple(raw) if isinstance(raw, list) else (raw,)
            if field.shape.startswith("entit"):
                self.check_entities(field, items, where, owner)
            elif field.shape.startswith("fact"):
                self.check_facts(field, items, where, owner)
            return items[0] if field.shape in ("entity", "fact") else items
        if field.shape == "when":
            try:
                return parse_when(raw)
            except ValueError as err:
                self.problem(f"{field.name}: {err}", where, fact_id=owner)
                return None
        if field.shape == "quantity":
            return self.quantity(field, raw, where, owner)
        return raw

    def count(self, raw: Any) -> Quantity:
        if isinstance(raw, int):
            return Quantity(unit="count", value=Decimal(raw))
        return Quantity(
            unit="count",
            value=exact_number(raw, "value"),
            min=exact_number(raw, "min"),
            max=exact_number(raw, "max"),
            approximate=bool(raw.get("approximate", False)),
            qualifier=raw.get("qualifier"),
        )

    def said(self, field: Field, raw: dict, where: tuple, owner: str | None) -> When | None:
        """A time in the article's words: the date they stand for, computed from the
        publication date where the words allow (``datewords.resolve``) and checked against the
        one given. Words of the article's own metadata are not resolved."""
        said, vague = raw["said"], bool(raw.get("vague", False))
        computed = When(said, said=said)
        anchor = raw.get("counted_from")
        if anchor is not None:
            return self.counted(field, raw, where, owner, anchor)
        if where[0] == "facts":
            # a planned fact's dates, and the end of an ongoing one, may lie ahead
            ahead = self.planned or (self.unfinished and field.name == "end")
            computed = resolve(said, published=self.published, planned=ahead)
        vague = vague or computed.vague
        if "resolved" not in raw:
            return replace(computed, vague=vague)
        given = self.resolved(field, raw, where, owner)
        if given is None:
            return None
        part = contradiction(given, computed) if computed.unit != "unknown" else None
        if part is not None:
            basis = (
                f"the publication date {self.published.text}"
                if computed.relative and self.published
                else "the words"
            )
            self.problem(
                f"{field.name}: resolved {given.text!r} contradicts {said!r}, which "
                f"{basis} makes {computed.text!r} (the {part} differs)",
                (*where, "resolved"),
                fact_id=owner,
                hint=f"write resolved: {computed.text!r}, or leave resolved out (defrel works "
                "it out), or correct the words or the article's date_published",
            )
        return replace(
            given,
            said=said,
            vague=vague,
            relative=computed.relative and part is None,
            bound=computed.bound,
        )

    def counted(self, field: Field, raw: dict, where: tuple, owner: str | None, anchor: str):
        """Words that count from another fact's date ("today" in a quote, "within 90 days"
        of a decision): the date is the one given, linked to that fact; not checked against
        the publication date."""
        self.check_facts(field, (anchor,), (*where, "counted_from"), owner)
        if "resolved" not in raw:
            self.problem(
                f"{field.name}: counted_from needs the date the words stand for",
                (*where, "counted_from"),
                fact_id=owner,
                hint="add resolved: YYYY-MM-DD (or YYYY-MM, YYYY), worked out from that fact's date",
            )
            return None
        given = self.resolved(field, raw, where, owner)
        if given is None:
            return None
        vague = bool(raw.get("vague", False))
        return replace(given, said=raw["said"], vague=vague, counted_from=anchor)

    def resolved(self, field: Field, raw: dict, where: tuple, owner: str | None) -> When | None:
        """The date a time's words stand for as the file gives it (``resolved:``); None, and
        a problem recorded, if it is no date."""
        try:
            return parse_when(raw["resolved"])
        except ValueError as err:
            self.problem(f"{field.name}.resolved: {err}", (*where, "resolved"), fact_id=owner)
            return None

    def unknown(self, field: Field, what: str, name: str, known, otherwise: str, where, owner):
        """``name`` (an entity's or a fact's id) is none of ``known``: a problem, with the
        nearest known one as its hint, else ``otherwise``."""
        near = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean {near[0]!r}?" if near else otherwise
        self.problem(f"{field.name}: unknown {what} {name!r}", where, fact_id=owner, hint=hint)

    def check_entities(self, field: Field, ids: tuple, where: tuple, owner: str | None) -> None:
        for entity_id in ids:
            if entity_id not in self.entity_types:
                hint = "declare it under entities:"
                self.unknown(field, "entity", entity_id, self.entity_types, hint, where, owner)
                continue
            etype = self.entity_types[entity_id]
            if etype is not None and field.targets and etype not in field.targets:
                self.problem(
                    f"{field.name}: {entity_id!r} is a {etype}, but {field.name} takes "
                    f"{' or '.join(field.targets)}",
                    where,
                    fact_id=owner,
                    hint=f"point {field.name} at a {field.targets[0]}, or fix the entity's type",
                )

    def check_facts(self, field: Field, ids: tuple, where: tuple, owner: str | None) -> None:
        for fact_id in ids:
            if fact_id not in self.fact_ids:
                hint = "facts refer to facts by id"
                self.unknown(field, "fact", fact_id, self.fact_ids, hint, where, owner)
            elif fact_id == owner:
                self.problem(f"{field.name}: a fact cannot refer to itself", where, fact_id=owner)

    def quantity(self, field: Field, raw: dict, where: tuple, owner: str | None) -> Quantity:
        q = Quantity(
            unit=raw["unit"],
            value=exact_number(raw, "value"),
            min=exact_number(raw, "min"),
            max=exact_number(raw, "max"),
            approximate=bool(raw.get("approximate", False)),
            qualifier=raw.get("qualifier"),
        )
        if any(v is not None and not v.is_finite() for v in (q.value, q.min, q.max)):
            self.problem(
                f"{field.name}: a quantity must be a finite number",
                where,
                fact_id=owner,
                hint="write the number in digits, e.g. 1900000000",
            )
            return q
        if q.min is not None and q.max is not None and q.min > q.max:
            self.problem(f"{field.name}: min {q.min} is above max {q.max}", where, fact_id=owner)
        if q.unit == "percent" and any(v is not None and v > 100 for v in (q.value, q.min, q.max)):
            self.problem(
                f"{field.name}: a percentage cannot exceed 100",
                where,
                fact_id=owner,
                hint="write the share as a number from 0 to 100",
            )
        if q.unit not in QUANTITY_UNITS and not q.is_money:
            self.problem(f"{field.name}: unknown unit {q.unit!r}", where, fact_id=owner)
        return q

    def values(self, fields: tuple[Field, ...], raw: dict, where: tuple, owner: str | None):
        values: dict[str, Value] = {}
        for f in fields:
            if f.name in raw and (*where, f.name) not in self.bad:
                v = self.value(f, raw[f.name], (*where, f.name), owner)
                if v is not None:
                    values[f.name] = v
        return values

    def evidence(self, raw: list | None, where: tuple, owner: str) -> tuple[Span, ...]:
        spans: list[Span] = []
        if (*where, "evidence") in self.bad:
            return ()
        for i, item in enumerate(raw or []):
            quote, occurrence = (
                (item, None) if isinstance(item, str) else (item["quote"], item["occurrence"])
            )
            try:
                spans.append(locate(self.text, quote, occurrence=occurrence))
            except EvidenceError as err:
                self.problem(
                    err.message,
                    (*where, "evidence", i),
                    fact_id=owner,
                    hint=err.hint,
                    cls=EvidenceError,
                )
        return tuple(spans)
