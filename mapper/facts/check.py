"""Check a parsed facts document: its JSON Schema, then references, entity types, dates,
quantities and quotes, turning it into typed objects and collecting every problem found."""

from __future__ import annotations

import dataclasses
import difflib
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs

from ..errors import DefrelError, EvidenceError, FactsError
from .evidence import Span, locate
from .kinds import (
    ARTICLE_FIELDS,
    COMMON_FIELDS,
    ENTITY_FIELDS,
    KINDS,
    QUANTITY_UNITS,
    REMOVED_FIELDS,
    Field,
)
from .model import Entity, Fact, Quantity, Value
from .schema import published_schema
from .when import When, parse_when
from .yamlread import exact_number, line_of

__all__ = ["LANGUAGE_TAG", "Builder", "check_schema"]

# The shape of a BCP 47 tag (RFC 5646 section 2.1): language, script, region, variants,
# extensions, private use; or a private-use tag alone
LANGUAGE_TAG = re.compile(
    r"^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?|x(?:-[a-z0-9]{1,8})+)\Z",
    re.ASCII | re.IGNORECASE,
)


def _schema_error(path: Path, doc: Any, err: jsonschema.ValidationError) -> FactsError:
    """Turn the most relevant JSON Schema error into a message naming the line and the fix."""
    where = tuple(err.absolute_path)
    fact_id = None
    if len(where) >= 2 and where[0] in ("facts", "entities") and isinstance(where[1], int):
        item = doc[where[0]][where[1]]
        fact_id = item.get("id") if isinstance(item, dict) else None
    location = ".".join(str(p) for p in where) or "top level"
    hint = None
    message = f"{location}: {err.message}"
    if err.validator == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        unknown = sorted(set(err.instance) - set(allowed))
        guesses = [difflib.get_close_matches(u, allowed, n=1) for u in unknown]
        message = f"{location}: unknown key(s) {', '.join(map(repr, unknown))}"
        hint = "; ".join(f"did you mean {g[0]!r}?" for g in guesses if g) or (
            f"allowed keys: {', '.join(allowed)}"
        )
        removed = [REMOVED_FIELDS[u] for u in unknown if u in REMOVED_FIELDS]
        if removed:
            hint = "; ".join(removed)
        where = (*where, unknown[0])
    elif err.validator == "pattern" and "id" in str(where[-1:]):
        hint = "ids are lowercase letters and digits joined by single hyphens, e.g. raheel-sharif"
    elif err.validator == "enum":
        hint = f"use one of: {', '.join(map(str, err.validator_value))}"
    elif err.validator == "minItems":
        hint = f"list at least {err.validator_value}, e.g. [first-id, second-id]"
    elif err.validator == "const":
        hint = f"this field takes {err.validator_value!r} only"
    return FactsError(message, path=path, line=line_of(doc, where), fact_id=fact_id, hint=hint)


@cache
def _validators() -> tuple[Any, jsonschema.Draft202012Validator]:
    schema = published_schema()
    return jsonschema_rs.validator_for(schema), jsonschema.Draft202012Validator(schema)


def check_schema(path: Path, doc: Any) -> None:
    """Check ``doc`` against the facts schema; raise the most telling error, with its line.

    jsonschema-rs (Rust, ~150x faster) answers "valid?" first; only a document it rejects
    goes through the Python validator, which stays the reference: it picks the error
    shown, and a document that it accepts is accepted."""
    fast, full = _validators()
    if fast.is_valid(doc):
        return
    errors = list(full.iter_errors(doc))
    if errors:
        best = jsonschema.exceptions.best_match(errors)
        while best.validator in ("oneOf", "anyOf") and best.context:
            # "not valid under any of the given schemas" says little: name the closest miss,
            # preferring a branch of the value's own type (a string's, not an object's)
            same_type = [e for e in best.context if e.validator != "type"] or best.context
            best = jsonschema.exceptions.best_match(same_type)
        raise _schema_error(path, doc, best)


class Builder:
    """Turns a schema-valid document into typed objects, collecting every problem found."""

    def __init__(self, path: Path, doc: Any, text: str, registry: Any = None) -> None:
        self.path, self.doc, self.text = path, doc, text
        self.problems: list[DefrelError] = []
        self.registry = registry
        known = registry.entities if registry is not None else {}
        self.entity_types = {i: e.type for i, e in known.items()}
        self.entity_types.update({e["id"]: e["type"] for e in doc.get("entities") or []})
        self.fact_ids = {f["id"] for f in doc["facts"]}

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
        """A time in the article's words, with the date it stands for where one is given."""
        said, vague = raw["said"], bool(raw.get("vague", False))
        if "resolved" not in raw:
            return When(said, said=said, vague=vague)
        try:
            when = parse_when(raw["resolved"])
        except ValueError as err:
            self.problem(f"{field.name}.resolved: {err}", (*where, "resolved"), fact_id=owner)
            return None
        return dataclasses.replace(when, said=said, vague=vague)

    def check_entities(self, field: Field, ids: tuple, where: tuple, owner: str | None) -> None:
        for entity_id in ids:
            etype = self.entity_types.get(entity_id)
            if etype is None:
                near = difflib.get_close_matches(entity_id, self.entity_types, n=1)
                hint = f"did you mean {near[0]!r}?" if near else "declare it under entities:"
                self.problem(
                    f"{field.name}: unknown entity {entity_id!r}", where, fact_id=owner, hint=hint
                )
            elif field.targets and etype not in field.targets:
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
            if f.name in raw:
                v = self.value(f, raw[f.name], (*where, f.name), owner)
                if v is not None:
                    values[f.name] = v
        return values

    def evidence(self, raw: list | None, where: tuple, owner: str) -> tuple[Span, ...]:
        spans: list[Span] = []
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
        for i, item in enumerate(self.doc.get(section) or []):
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
        for i, raw in enumerate(self.doc.get("entities") or []):
            where = ("entities", i)
            same_as = raw.get("same_as", [])
            for key in ("located_in", "part_of", "different_from"):
                refs = raw.get(key, [])
                if raw["id"] in (refs if isinstance(refs, list) else [refs]):
                    self.problem(
                        f"{key}: an entity cannot be {key.replace('_', ' ')} itself",
                        (*where, key),
                        fact_id=raw["id"],
                    )
            for field in ENTITY_FIELDS:
                if field.types and field.name in raw and raw["type"] not in field.types:
                    self.problem(
                        f"{field.name}: only a {' or '.join(field.types)} has a {field.name}, "
                        f"and {raw['id']!r} is a {raw['type']}",
                        (*where, field.name),
                        fact_id=raw["id"],
                        hint=f"remove {field.name}, or fix the entity's type",
                    )
            result.append(
                Entity(
                    id=raw["id"],
                    type=raw["type"],
                    values=self.values(ENTITY_FIELDS, raw, where, raw["id"]),
                    same_as=tuple(same_as) if isinstance(same_as, list) else (same_as,),
                    evidence=self.evidence(raw.get("evidence"), where, raw["id"]),
                    line=line_of(self.doc, where),
                )
            )
        return tuple(result)

    def facts(self) -> tuple[Fact, ...]:
        result = []
        for i, raw in enumerate(self.doc["facts"]):
            where, kind = ("facts", i), KINDS[raw["kind"]]
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
        language = values.get("language")
        if isinstance(language, str) and not LANGUAGE_TAG.match(language):
            self.problem(
                f"article.language {language!r} is not a BCP 47 language tag",
                ("article", "language"),
                hint="one tag such as en, fr, pt-BR or zh-Hant (an article has one language)",
            )
            del values["language"]
        return values
