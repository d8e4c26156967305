"""The JSON Schema check of a facts file: every error, in file order and in words: what is
wrong, on which line, and how to write it instead (never a regular expression).

jsonschema reports a value that fits none of a field's forms (an id or a list of ids, a date
or a time in words) as one ``oneOf`` error holding one error per form; only the form the
value was meant for is kept, and errors that say the same of the same place are said once.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs

from ..errors import FactsError
from .kinds import ARTICLE_FIELDS, COMMON_FIELDS, ENTITY_FIELDS, KINDS, Field
from .schema import published_schema
from .valuewords import (
    ID_SHAPES,
    say_count,
    say_currency,
    say_one_of,
    say_pattern,
    say_unknown_keys,
    say_when,
    say_wrong_type,
    yaml_kind,
)
from .yamlread import line_of

__all__ = ["SchemaCheck", "check_schema", "schema_errors"]


@cache
def _validators() -> tuple[Any, jsonschema.Draft202012Validator]:
    schema = published_schema()
    return jsonschema_rs.validator_for(schema), jsonschema.Draft202012Validator(schema)


@cache
def _item_validators(section: str, kind: str | None = None):
    """The validators of one item of ``section`` (a fact, an entity), with the schema's
    definitions, so that only the items the fast validator refuses go through Python's;
    for a fact of a known ``kind``, its kind's schema alone (not the 38 if/then)."""
    root = published_schema()
    item = root["properties"][section]["items"]
    if kind is not None:
        variants = root["$defs"]["fact"]["allOf"]
        item = next(v["then"] for v in variants if v["if"]["properties"]["kind"]["const"] == kind)
    schema = {"$schema": root["$schema"], "$defs": root["$defs"], **item}
    return jsonschema_rs.validator_for(schema), jsonschema.Draft202012Validator(schema)


def _errors(doc: Any) -> list[jsonschema.ValidationError]:
    """Every schema error of ``doc``. The Python validator takes about 5 ms a fact (the
    kinds' if/then), so it sees the document without its items, then each item refused by
    the fast validator, with the item's place put back in front of the errors' paths."""
    _, full = _validators()
    sections = [s for s in ("entities", "facts") if isinstance(doc.get(s), list)]
    if "facts" not in sections:
        return list(full.iter_errors(doc))
    errors = list(full.iter_errors({**doc, **{s: [] for s in sections}}))
    for section in sections:
        fast_item, full_item = _item_validators(section)
        for i, item in enumerate(doc[section]):
            if fast_item.is_valid(item):
                continue
            kind = item.get("kind") if section == "facts" and isinstance(item, dict) else None
            known = isinstance(kind, str) and kind in KINDS
            check = _item_validators(section, kind)[1] if known else full_item
            for err in check.iter_errors(item):
                err.path.extendleft((i, section))
                errors.append(err)
    return errors


@dataclass(frozen=True)
class SchemaCheck:
    """The schema's verdict: every problem in words, and the places they are at (what the
    later checks must not read: a field, an evidence list, an article field)."""

    problems: list[FactsError]
    bad: frozenset[tuple]

    def walkable(self, doc: Any) -> bool:
        """Whether the later checks can walk the document (its sections have their shape)."""
        return (
            isinstance(doc.get("facts"), list)
            and isinstance(doc.get("entities") or [], list)
            and "article" in doc
            and isinstance(doc["article"] or {}, dict)
            and ("article", "text") not in self.bad
        )


def check_schema(path: Path, doc: Any) -> SchemaCheck:
    """Check ``doc`` against the facts schema: every error, worded, with its line.

    jsonschema-rs (Rust, ~150x faster) answers "valid?" first; only a document it rejects
    goes through the Python validator, which stays the reference: it finds the errors
    shown, and a document that it accepts is accepted."""
    fast, _ = _validators()
    if fast.is_valid(doc):
        return SchemaCheck([], frozenset())
    errors = _errors(doc)
    bad = set()
    for err in errors:
        where = tuple(err.absolute_path)
        if where[:1] in (("facts",), ("entities",)):
            bad.add(where[:3])
        elif where[:1] == ("article",):
            bad.add(where[:2])
    return SchemaCheck(schema_errors(path, doc, errors), frozenset(bad))


def schema_errors(path, doc: Any, errors: list[jsonschema.ValidationError]) -> list[FactsError]:
    """The errors of ``doc`` as FactsErrors, in file order, each said once."""
    found: dict[tuple, FactsError] = {}
    for err in errors:
        for leaf in _leaves(err, doc):
            problem = _worded(path, doc, leaf)
            found.setdefault((problem.line, problem.fact_id, problem.message), problem)
    return sorted(found.values(), key=lambda e: e.line or 0)


def _leaves(err: jsonschema.ValidationError, doc: Any) -> list[jsonschema.ValidationError]:
    """The errors worth saying: a oneOf/anyOf replaced by the misses of the form meant."""
    if err.validator not in ("oneOf", "anyOf") or not err.context or _is_one_of(err):
        return [err]
    field = _field_at(doc, tuple(err.absolute_path))
    if (
        field is not None
        and field.shape in ("when", "count")
        and not isinstance(err.instance, dict)
    ):
        return [err]  # said as a whole: "write the year in quotes"
    if err.absolute_path and err.absolute_path[-1] == "unit":
        return [err]  # a unit or a currency code: said as a whole
    # the branch of the value's own type: its errors other than "is not of type"
    by_branch: dict[Any, list] = {}
    for sub in err.context:
        by_branch.setdefault(sub.relative_schema_path[0], []).append(sub)
    meant = [subs for subs in by_branch.values() if all(s.validator != "type" for s in subs)]
    chosen = meant[0] if meant else [jsonschema.exceptions.best_match(err.context)]
    return [leaf for sub in chosen for leaf in _leaves(sub, doc)]


def _is_one_of(err: jsonschema.ValidationError) -> bool:
    """An anyOf of ``required`` alone: a kind's "at least one of these fields"."""
    branches = err.validator_value
    return err.validator == "anyOf" and all(
        isinstance(b, dict) and list(b) == ["required"] for b in branches
    )


def _field_at(doc: Any, where: tuple) -> Field | None:
    """The facts-format field a path into the document points at, if any."""
    fields: tuple[Field, ...] = ()
    name = None
    if len(where) >= 3 and where[0] in ("facts", "entities") and isinstance(where[1], int):
        item = _get(doc, where[:2])
        name = where[2]
        if where[0] == "entities":
            fields = ENTITY_FIELDS
        else:
            kind_name = item.get("kind") if isinstance(item, dict) else None
            kind = KINDS.get(kind_name) if isinstance(kind_name, str) else None
            fields = COMMON_FIELDS + (kind.fields if kind else ())
    elif len(where) >= 2 and where[0] == "article":
        fields, name = ARTICLE_FIELDS, where[1]
    return next((f for f in fields if f.name == name), None)


def _get(doc: Any, where: tuple) -> Any:
    node = doc
    for step in where:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _owner(doc: Any, where: tuple) -> str | None:
    if len(where) >= 2 and where[0] in ("facts", "entities") and isinstance(where[1], int):
        item = _get(doc, where[:2])
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            return item["id"]
    return None


def _publication_year(doc: Any) -> int | None:
    published = _get(doc, ("article", "date_published"))
    if isinstance(published, str) and re.match(r"^\d{4}", published):
        return int(published[:4])
    return None


def _worded(path, doc: Any, err: jsonschema.ValidationError) -> FactsError:
    where = tuple(err.absolute_path)
    location = ".".join(str(p) for p in where) or "top level"
    message, hint = _say(doc, err, where)
    if err.validator == "additionalProperties":
        unknown = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        where = (*where, unknown[0])
    return FactsError(
        f"{location}: {message}",
        path=path,
        line=line_of(doc, where),
        fact_id=_owner(doc, where),
        hint=hint,
    )


def _say(doc: Any, err: jsonschema.ValidationError, where: tuple) -> tuple[str, str | None]:
    """The message and the hint for one error."""
    value, validator = err.instance, err.validator
    field = _field_at(doc, where)
    key = next((p for p in reversed(where) if isinstance(p, str)), "")
    if validator == "additionalProperties":
        return say_unknown_keys(err)
    if _is_one_of(err):
        return say_one_of(value, err.validator_value)
    if field is not None and field.shape == "when" and not isinstance(value, dict):
        return say_when(value, _publication_year(doc))
    if field is not None and field.shape == "count" and not isinstance(value, dict):
        return say_count(value)
    if validator == "pattern":
        return say_pattern(value, key, field, _publication_year(doc))
    if validator == "maxLength" and (key == "id" or field is not None and field.shape in ID_SHAPES):
        return f"{str(value)[:40]!r}... is too long for an id", "ids are at most 80 characters"
    if validator == "anyOf" and key == "unit":
        return say_currency(value, money_only=field is not None and field.unit == "money")
    if validator == "enum":
        choices = [str(c) for c in err.validator_value]
        near = difflib.get_close_matches(str(value), choices, n=1)
        hint = f"did you mean {near[0]!r}?" if near else f"use one of: {', '.join(choices)}"
        what = "a kind of fact defrel knows" if key == "kind" else f"a value {key!r} takes"
        if key == "type" and where[:1] == ("entities",):
            what = "an entity type defrel knows"
        return f"{value!r} is not {what}", hint
    if validator == "minItems":
        return err.message, f"list at least {err.validator_value}, e.g. [first-id, second-id]"
    if validator == "const":
        return err.message, f"this field takes {err.validator_value!r} only"
    if validator == "type":
        hint = field.doc if field else None
        if err.validator_value == "string" and isinstance(value, bool | int | float):
            said = str(value).lower() if isinstance(value, bool) else value
            hint = f"put it in quotes: '{said}' (YAML reads it unquoted as a {yaml_kind(value)})"
        return say_wrong_type(key, value, err.validator_value), hint
    return err.message, None
