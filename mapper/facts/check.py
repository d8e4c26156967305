"""Check a parsed facts document: its JSON Schema, then references, entity types, dates,
quantities and quotes, turning it into typed objects and collecting every problem found."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import DefrelError, EvidenceError, FactsError
from .datewords import contradiction, resolve
from .evidence import Span, locate
from .kinds import (
    ARTICLE_FIELDS,
    COMMON_FIELDS,
    ENTITY_FIELDS,
    KINDS,
    QUANTITY_UNITS,
    Field,
)
from .model import Entity, Fact, Quantity, Value
from .schemawords import SchemaCheck, check_schema
from .when import When, parse_when
from .yamlread import exact_number, line_of

__all__ = ["LANGUAGE_TAG", "Builder", "SchemaCheck", "check_schema"]

# The shape of a BCP 47 tag (RFC 5646 section 2.1): language, script, region, variants,
# extensions, private use; or a private-use tag alone
LANGUAGE_TAG = re.compile(
    r"^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?|x(?:-[a-z0-9]{1,8})+)\Z",
    re.ASCII | re.IGNORECASE,
)


class Builder:
    """Turns a document into typed objects, collecting every problem found; it reads only
    what the schema accepted (``bad``: the places of the schema's errors)."""

    def __init__(
        self,
        path: Path,
        doc: Any,
        text: str,
        registry: Any = None,
        *,
        bad: frozenset[tuple] = frozenset(),
    ):
        self.path, self.doc, self.text, self.bad = path, doc, text, bad
        self.problems: list[DefrelError] = []
        self.registry = registry  # the archive's entities, which the file may refer to
        known = registry.entities if registry is not None else {}
        self.entity_types: dict[str, str | None] = {i: e.type for i, e in known.items()}
        # an entity whose type the schema refused is still known by its id (type None)
        self.entity_types.update(
            {
                e["id"]: e.get("type") if ("entities", i, "type") not in bad else None
                for i, e in self.items("entities", whole=False)
            }
        )
        self.fact_ids = {f["id"] for _, f in self.items("facts", whole=False)}
        self.published: When | None = None  # the article's date_published, once read
        self.planned = False  # whether the fact being read is planned (aspect: planned)
        self.unfinished = False  # whether it is ongoing (its end may lie after publication)

    def items(self, section: str, *, whole: bool = True):
        """``(index, item)`` of the section's items the schema lets the checks read: mappings
        with a valid id and, if ``whole``, a valid kind (facts) or type (entities)."""
        for i, item in enumerate(self.doc.get(section) or []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            if (section, i, "id") in self.bad:
                continue
            key = "kind" if section == "facts" else "type"
            if whole and ((section, i, key) in self.bad or key not in item):
                continue
            yield i, item

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
        try:
            given = parse_when(raw["resolved"])
        except ValueError as err:
            self.problem(f"{field.name}.resolved: {err}", (*where, "resolved"), fact_id=owner)
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
        try:
            given = parse_when(raw["resolved"])
        except ValueError as err:
            self.problem(f"{field.name}.resolved: {err}", (*where, "resolved"), fact_id=owner)
            return None
        vague = bool(raw.get("vague", False))
        return replace(given, said=raw["said"], vague=vague, counted_from=anchor)

    def check_entities(self, field: Field, ids: tuple, where: tuple, owner: str | None) -> None:
        for entity_id in ids:
            if entity_id not in self.entity_types:
                near = difflib.get_close_matches(entity_id, self.entity_types, n=1)
                hint = f"did you mean {near[0]!r}?" if near else "declare it under entities:"
                self.problem(
                    f"{field.name}: unknown entity {entity_id!r}", where, fact_id=owner, hint=hint
                )
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
                near = difflib.get_close_matches(fact_id, self.fact_ids, n=1)
                hint = f"did you mean {near[0]!r}?" if near else "facts refer to facts by id"
                self.problem(
                    f"{field.name}: unknown fact {fact_id!r}", where, fact_id=owner, hint=hint
                )
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

    def unique(self, section: str) -> None:
        seen: dict[str, int] = {}
        for i, item in self.items(section, whole=False):
            if item["id"] in seen:
                self.problem(
                    f"duplicate id {item['id']!r} in {section} (first at {section}[{seen[item['id']]}])",
                    (section, i, "id"),
                    fact_id=item["id"],
                    hint="give each one its own id",
                )
            seen.setdefault(item["id"], i)

    def entities(self) -> tuple[Entity, ...]:
        result = []
        for i, raw in self.items("entities"):
            where = ("entities", i)
            same_as = raw.get("same_as", []) if (*where, "same_as") not in self.bad else []
            for key in ("located_in", "part_of", "different_from"):
                refs = raw.get(key, [])
                if (*where, key) not in self.bad and raw["id"] in (
                    refs if isinstance(refs, list) else [refs]
                ):
                    self.problem(
                        f"{key}: an entity cannot be {key.replace('_', ' ')} itself",
                        (*where, key),
                        fact_id=raw["id"],
                    )
            for field in ENTITY_FIELDS:
                if field.types and field.name in raw and raw["type"] not in field.types:
                    self.problem(
                        f"{field.name}: only a {' or '.join(field.types)} has "
                        f"{'an' if field.name[0] in 'aeiou' else 'a'} {field.name}, "
                        f"and {raw['id']!r} is a {raw['type']}",
                        (*where, field.name),
                        fact_id=raw["id"],
                        hint=f"remove {field.name}, or fix the entity's type",
                    )
            scope = raw.get("scope", "archive") if (*where, "scope") not in self.bad else "archive"
            if scope == "article" and same_as:
                self.problem(
                    "same_as: an entity of this article only (scope: article) is no Wikidata item",
                    (*where, "same_as"),
                    fact_id=raw["id"],
                    hint="remove same_as, or remove scope: article if it is the archive's "
                    "entity (a named person, state or organisation)",
                )
            result.append(
                Entity(
                    id=raw["id"],
                    type=raw["type"],
                    scope=scope,
                    values=self.values(ENTITY_FIELDS, raw, where, raw["id"]),
                    same_as=tuple(same_as) if isinstance(same_as, list) else (same_as,),
                    evidence=self.evidence(raw.get("evidence"), where, raw["id"]),
                    line=line_of(self.doc, where),
                )
            )
        return tuple(result)

    def facts(self) -> tuple[Fact, ...]:
        result = []
        for i, raw in self.items("facts"):
            where, kind = ("facts", i), KINDS[raw["kind"]]
            self.planned = raw.get("aspect") == "planned"
            self.unfinished = raw.get("aspect") in ("ongoing", "state")
            values = self.values(COMMON_FIELDS + kind.fields, raw, where, raw["id"])
            quotation = values.get("quotation")
            if isinstance(quotation, str) and quotation not in self.text:
                self.problem(
                    "quotation is not in the article text verbatim",
                    (*where, "quotation"),
                    fact_id=raw["id"],
                    hint="copy the quoted words exactly",
                    cls=EvidenceError,
                )
            result.append(
                Fact(
                    id=raw["id"],
                    kind=raw["kind"],
                    values=values,
                    evidence=self.evidence(raw.get("evidence"), where, raw["id"]),
                    line=line_of(self.doc, where),
                )
            )
        return tuple(result)

    def no_fact_cycle(self, facts: tuple[Fact, ...]) -> None:
        """Refuse a cycle of ``part_of`` between facts (a fact's own is refused elsewhere)."""
        parent = {
            f.id: f.values["part_of"] for f in facts if isinstance(f.values.get("part_of"), str)
        }
        lines = {f.id: f.line for f in facts}
        done: set[str] = set()
        for start in sorted(parent):
            chain: list[str] = []
            node: str | None = start
            while node in parent and node not in done and node not in chain:
                chain.append(node)
                node = parent[node]
            done.update(chain)
            if node in chain and node != parent[node]:
                ring = chain[chain.index(node) :]
                places = ", ".join(f"{f} (line {lines[f]})" for f in ring)
                self.problems.append(
                    FactsError(
                        f"part_of forms a cycle: {' -> '.join([*ring, node])}; facts {places}",
                        path=self.path,
                        line=lines[ring[0]],
                        fact_id=ring[0],
                        hint="a fact cannot be part of itself, even through others: "
                        "remove one of these part_of",
                    )
                )

    def metadata(self) -> dict[str, Value]:
        raw = self.doc.get("article") or {}
        values = self.values(ARTICLE_FIELDS, raw, ("article",), None)
        published = values.get("date_published")
        self.published = published if isinstance(published, When) else None
        language = values.get("language")
        if isinstance(language, str) and not LANGUAGE_TAG.match(language):
            self.problem(
                f"article.language {language!r} is not a BCP 47 language tag",
                ("article", "language"),
                hint="one tag such as en, fr, pt-BR or zh-Hant (an article has one language)",
            )
            del values["language"]
        return values
