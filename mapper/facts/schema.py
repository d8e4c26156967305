"""The JSON Schema of the facts format, generated from the tables in ``kinds.py``.

The published copy is ``mapper/data/facts.schema.json`` (``defrel schema`` prints
it); a test keeps it equal to what this module generates.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from .kinds import (
    ARTICLE_FIELDS,
    COMMON_FIELDS,
    ENTITY_FIELDS,
    ENTITY_SCOPES,
    ENTITY_TYPES,
    KINDS,
    QUANTITY_UNITS,
    Field,
)
from .when import WHEN_PATTERN

__all__ = ["SCHEMA_ID", "ID_PATTERN", "generate_schema", "published_schema"]

SCHEMA_ID = "https://w3id.org/defrel/facts.schema.json"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX = 80
DURATION_PATTERN = r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$"

_ID = {"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX}
_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}


def _one_or_more(item: dict[str, Any], min_items: int = 1) -> dict[str, Any]:
    many = {"type": "array", "items": item, "minItems": min_items, "uniqueItems": True}
    return {"oneOf": [item, many]} if min_items == 1 else many


def _field_schema(field: Field) -> dict[str, Any]:
    shapes: dict[str, dict[str, Any]] = {
        "entity": {**_ID, "description": "an entity id"},
        "entities": _one_or_more({**_ID, "description": "an entity id"}, field.min_items),
        "fact": {**_ID, "description": "a fact id"},
        "facts": _one_or_more({**_ID, "description": "a fact id"}, field.min_items),
        "text": _TEXT,
        "texts": _one_or_more(_TEXT, field.min_items),
        "when": {"oneOf": [{"type": "string", "pattern": WHEN_PATTERN}, {"$ref": "#/$defs/said"}]},
        "duration": {"type": "string", "pattern": DURATION_PATTERN},
        "quantity": _quantity_of(field.unit),
        "integer": {"type": "integer", "minimum": 1},
        "boolean": {"type": "boolean"},
        "choice": {"enum": list(field.choices)},
        "choices": _one_or_more({"enum": list(field.choices)}, field.min_items),
        "count": {"oneOf": [{"type": "integer", "minimum": 0}, {"$ref": "#/$defs/count"}]},
    }
    found = {**shapes[field.shape], "description": field.doc}
    if field.pattern:
        found["pattern"] = field.pattern
    return found


def _quantity_of(unit: str | None) -> dict[str, Any]:
    """A quantity, restricted to percentages or to money where the field says so."""
    if unit is None:
        return {"$ref": "#/$defs/quantity"}
    units = {"percent": {"const": "percent"}, "money": {"type": "string", "pattern": "^[A-Z]{3}$"}}
    return {"allOf": [{"$ref": "#/$defs/quantity"}, {"properties": {"unit": units[unit]}}]}


def _object(
    fields: tuple[Field, ...],
    extra: dict[str, Any],
    required: list[str],
    one_of: tuple[tuple[str, ...], ...] = (),
) -> dict:
    properties = dict(extra)
    properties.update({f.name: _field_schema(f) for f in fields})
    result: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required + [f.name for f in fields if f.required],
        "additionalProperties": False,
    }
    if one_of:
        result["allOf"] = [{"anyOf": [{"required": [n]} for n in names]} for names in one_of]
    return result


def _quantity() -> dict[str, Any]:
    number = {"type": "number", "minimum": 0}
    return {
        "type": "object",
        "description": "A number with a unit: percent, count, or an ISO 4217 currency (USD).",
        "properties": {
            "value": number,
            "min": number,
            "max": number,
            "unit": {
                "anyOf": [
                    {"enum": sorted(QUANTITY_UNITS)},
                    {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217"},
                ]
            },
            "approximate": {"type": "boolean"},
            "qualifier": {**_TEXT, "description": "As the article qualifies it."},
        },
        "required": ["unit"],
        "anyOf": [{"required": ["value"]}, {"required": ["min"]}, {"required": ["max"]}],
        "additionalProperties": False,
    }


def _count() -> dict[str, Any]:
    number = {"type": "integer", "minimum": 0}
    return {
        "type": "object",
        "description": "How many, as the article bounds or qualifies it: {max: 4, qualifier: up to}.",
        "properties": {
            "value": number,
            "min": number,
            "max": number,
            "approximate": {"type": "boolean"},
            "qualifier": {**_TEXT, "description": "As the article qualifies it."},
        },
        "anyOf": [{"required": ["value"]}, {"required": ["min"]}, {"required": ["max"]}],
        "additionalProperties": False,
    }


def _said() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "A time as the article words it, resolved to a date where possible.",
        "properties": {
            "said": {**_TEXT, "description": "The article's words: last year, on Monday."},
            "resolved": {
                "type": "string",
                "pattern": WHEN_PATTERN,
                "description": "The date it stands for, at the precision the words allow.",
            },
            "vague": {"type": "boolean", "description": "A vague period (in recent years)."},
            "counted_from": {
                **_ID,
                "description": "The fact whose date the words count from, when it is not the "
                "article's publication: 'today' in a quote counts from the day it was said, "
                "'within 90 days' from the decision. resolved is then given, not worked out.",
            },
        },
        "required": ["said"],
        "additionalProperties": False,
    }


def _draft() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "Drafted by defrel draft and not yet confirmed: remove this block once "
        "a person has checked the entry (build refuses a file that still has one).",
        "properties": {
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "by": {"enum": ["rules", "model"]},
            "sentence": {"type": "string", "description": "The sentence it was drafted from."},
            "note": {**_TEXT, "description": "Why it was proposed, or what to check."},
        },
        "additionalProperties": False,
    }


def _evidence() -> dict[str, Any]:
    quote = {**_TEXT, "description": "Words of the article, exactly as written."}
    item = {
        "oneOf": [
            quote,
            {
                "type": "object",
                "properties": {"quote": quote, "occurrence": {"type": "integer", "minimum": 1}},
                "required": ["quote", "occurrence"],
                "additionalProperties": False,
            },
        ]
    }
    return {"type": "array", "items": item, "minItems": 1}


def generate_schema() -> dict[str, Any]:
    """Build the JSON Schema (draft 2020-12) of a facts file from ``kinds.py``."""
    evidence = {"$ref": "#/$defs/evidence"}
    entity = _object(
        ENTITY_FIELDS,
        {
            "id": _ID,
            "type": {"enum": list(ENTITY_TYPES)},
            "scope": {
                "enum": list(ENTITY_SCOPES),
                "description": "article: the article's own entity (an unnamed source, a group "
                "it describes), minted under the article, so that the same id in another "
                "article is another entity; archive (the default): one entity for every "
                "article naming its id. Not in the entity registry.",
            },
            "same_as": _one_or_more(
                {"type": "string", "pattern": r"^(wd:Q[1-9][0-9]*|https?://\S+)$"}
            ),
            "evidence": evidence,
            "draft": {"$ref": "#/$defs/draft"},
        },
        ["id", "type"],
    )
    fact_variants = []
    for kind in KINDS.values():
        common = {f.name: {"$ref": f"#/$defs/common-{f.name}"} for f in COMMON_FIELDS}
        variant = _object(
            kind.fields,
            {
                "id": _ID,
                "kind": {"const": kind.name},
                "evidence": evidence,
                "draft": {"$ref": "#/$defs/draft"},
                **common,
            },
            ["id", "kind", "evidence"],
            kind.one_of,
        )
        variant["description"] = kind.doc
        fact_variants.append(
            {"if": {"properties": {"kind": {"const": kind.name}}}, "then": variant}
        )
    article = _object(
        ARTICLE_FIELDS,
        {
            "text": {**_TEXT, "description": "Article text file"},
            "draft": {"$ref": "#/$defs/draft"},
        },
        [],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "defrel facts file",
        "description": "The facts of one news article about defence relations.",
        "type": "object",
        "properties": {
            "article": article,
            "entities": {"type": "array", "items": entity},
            "facts": {"type": "array", "items": {"$ref": "#/$defs/fact"}},
        },
        "required": ["article", "facts"],
        "additionalProperties": False,
        "$defs": {
            "evidence": _evidence(),
            "draft": _draft(),
            "quantity": _quantity(),
            "count": _count(),
            "said": _said(),
            **{f"common-{f.name}": _field_schema(f) for f in COMMON_FIELDS},
            "fact": {
                "type": "object",
                "properties": {"kind": {"enum": list(KINDS)}},
                "required": ["id", "kind"],
                "allOf": fact_variants,
            },
        },
    }


@cache
def published_schema() -> dict[str, Any]:
    """The JSON Schema shipped in the package (what editors and the loader use)."""
    return json.loads((files("mapper.data") / "facts.schema.json").read_text(encoding="utf-8"))
