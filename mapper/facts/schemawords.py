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
from .datewords import NUMBER_WORDS
from .kinds import ARTICLE_FIELDS, COMMON_FIELDS, ENTITY_FIELDS, KINDS, REMOVED_FIELDS, Field
from .schema import published_schema
from .when import why_not_a_date
from .yamlread import line_of

__all__ = ["SchemaCheck", "check_schema", "schema_errors"]

_IDS = ("entity", "entities", "fact", "facts")
_AMOUNT = rf"(?P<n>\d+|(?:{'|'.join(NUMBER_WORDS)})(?=[\s-]))"  # "and" is no "an d"
_UNIT = r"(?P<unit>years?|y|months?|mo|weeks?|w|days?|d)"
_DURATION_PART = re.compile(rf"\b{_AMOUNT}\s*-?\s*{_UNIT}\b", re.I)
_DURATION_WORDS = re.compile(rf"^(?:{_DURATION_PART.pattern}(?:,|\s|\band\b)*)+$", re.I)
_CURRENCIES = {
    "$": "USD", "dollar": "USD", "dollars": "USD", "us$": "USD", "€": "EUR", "euro": "EUR",
    "euros": "EUR", "£": "GBP", "pound": "GBP", "pounds": "GBP", "¥": "JPY", "yen": "JPY",
    "rupee": "INR", "rupees": "INR", "rs": "INR", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "yuan": "CNY", "rmb": "CNY",
}  # fmt: skip
# what a kind's one-of group is for, by its first field, in the words of an error
_ONE_OF_WHAT = {
    "designation": "names its weapon",
    "host": "names who hosts, takes part or is invited",
    "systems": "names what is produced",
    "subject": "names whom or what it looks into",
    "threatened_action": "says what is threatened",
    "demand": "says what is demanded",
    "target": "names whom or what it condemns",
    "endorsed": "names whom or what it welcomes",
    "rejects": "says what is rejected",
}


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
        return _unknown_keys(err)
    if _is_one_of(err):
        return _one_of(value, err.validator_value)
    if field is not None and field.shape == "when" and not isinstance(value, dict):
        return _when(value, _publication_year(doc))
    if field is not None and field.shape == "count" and not isinstance(value, dict):
        return _count(value)
    if validator == "pattern":
        return _pattern(value, key, field, _publication_year(doc))
    if validator == "maxLength" and (key == "id" or field is not None and field.shape in _IDS):
        return f"{str(value)[:40]!r}... is too long for an id", "ids are at most 80 characters"
    if validator == "anyOf" and key == "unit":
        return _currency(value, money_only=field is not None and field.unit == "money")
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
            hint = f"put it in quotes: '{said}' (YAML reads it unquoted as a {_yaml_kind(value)})"
        return _wrong_type(key, value, err.validator_value), hint
    return err.message, None


_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping (key: value lines)",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def _yaml_kind(value: Any) -> str:
    return "boolean" if isinstance(value, bool) else "number"


def _wrong_type(key: str, value: Any, expected: str | list[str]) -> str:
    """``id must be text, not a list`` (YAML's reading of the value named in words)."""
    wanted = [expected] if isinstance(expected, str) else list(expected)
    said = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
    if isinstance(value, bool):
        found = "true or false"
    elif isinstance(value, int | float) or type(value).__name__ == "Decimal":
        found = "a number"
    elif isinstance(value, list):
        found = "a list"
    elif isinstance(value, dict):
        found = "a mapping"
    elif value is None:
        found = "empty"
    else:
        found = "text"
    if isinstance(value, bool):
        shown = f" ({str(value).lower()})"
    elif isinstance(value, str):
        shown = f" ({value[:40]!r})"
    else:
        shown = f" ({str(value)[:40]})" if not isinstance(value, list | dict) else ""
    return f"{key or 'this value'} must be {said}, not {found}{shown}"


def _unknown_keys(err: jsonschema.ValidationError) -> tuple[str, str | None]:
    allowed = sorted(err.schema.get("properties", {}))
    unknown = sorted(set(err.instance) - set(allowed))
    removed = [REMOVED_FIELDS[u] for u in unknown if u in REMOVED_FIELDS]
    guesses = [difflib.get_close_matches(u, allowed, n=1) for u in unknown]
    hint = "; ".join(removed) or "; ".join(f"did you mean {g[0]!r}?" for g in guesses if g)
    return f"unknown key(s) {', '.join(map(repr, unknown))}", hint or (
        f"allowed keys: {', '.join(allowed)}"
    )


def _one_of(value: Any, branches: list[dict]) -> tuple[str, str]:
    names = [b["required"][0] for b in branches]
    listed = f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]
    if not (isinstance(value, dict) and isinstance(value.get("kind"), str)):
        return (
            f"a number is missing: give {listed}",
            "e.g. {value: 12}, or bounds as the article gives them: {max: 4, qualifier: up to}",
        )
    kind = value["kind"]
    article = "an" if kind[:1] in "aeiou" else "a"
    what = _ONE_OF_WHAT.get(names[0], f"needs one of {listed}")
    return f"{article} {kind} {what}: give {listed}", f"add {listed} (at least one of them)"


def _when(value: Any, year: int | None) -> tuple[str, str]:
    if isinstance(value, bool):
        return f"{value!r} is not a date", "write a date such as '2019', 2019-08 or August"
    if isinstance(value, int):
        return (
            f"{value} is a number, not a date",
            f"write the year in quotes: '{value}' (YAML reads an unquoted year as a number)",
        )
    if isinstance(value, str):
        return why_not_a_date(value, year=year), _WHEN_FORMS
    return f"{value!r} is not a date", _WHEN_FORMS


_WHEN_FORMS = (
    "a date is '2014', 2014-08, 2014-08-20, August or Thursday (optionally late 2013); "
    "the article's own words go in {said: ..., resolved: ...}"
)


def _count(value: Any) -> tuple[str, str]:
    if isinstance(value, str) and value.strip().isdigit():
        return (
            f"{value!r} is text, not a number",
            f"write the number without quotes: {value.strip()}",
        )
    return (
        f"{value!r} is not a count",
        "write a whole number (12), or bounds in the article's words: {max: 4, qualifier: up to}",
    )


def _pattern(value: Any, key: str, field: Field | None, year: int | None) -> tuple[str, str]:
    if key in ("resolved",) or (field is not None and field.shape == "when"):
        return why_not_a_date(str(value), year=year), _WHEN_FORMS
    if key == "id" or (field is not None and field.shape in _IDS):
        return _id(value)
    if field is not None and field.shape == "duration":
        return _duration(value)
    if key == "same_as":
        return _same_as(value)
    if key == "unit":
        return _currency(value, money_only=field is not None and field.unit == "money")
    if isinstance(value, str) and not value.strip():
        return "is blank", "write some text, or leave the key out"
    hint = field.doc if field is not None else None
    return f"{value!r} is not in the form {key or 'this field'} takes", hint


def _id(value: Any) -> tuple[str, str]:
    slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "an-id"
    return (
        f"{value!r} is not an id",
        f"ids are lowercase letters and digits joined by single hyphens: write {slug!r}",
    )


def _duration(value: Any) -> tuple[str, str]:
    text = str(value)
    forms = "P3Y for three years, P6M six months, P2W two weeks, P1D one day, PT12H twelve hours"
    if _DURATION_WORDS.match(text.strip()):
        amounts: dict[str, int] = {}
        for m in _DURATION_PART.finditer(text):
            n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
            unit = "M" if m["unit"].lower().startswith("mo") else m["unit"][0].upper()
            amounts[unit] = amounts.get(unit, 0) + n
        iso = "P" + "".join(f"{amounts[u]}{u}" for u in "YMWD" if u in amounts)
        return f"{text!r} is not an ISO 8601 duration", f"write {iso} for {text.strip()}"
    if re.fullmatch(r"(?i)p?[\dymwdths]+", text) and text.upper() != text:
        return f"{text!r} is not an ISO 8601 duration", f"write it in capitals: {text.upper()}"
    if re.fullmatch(r"\d+[YMWD]", text):
        return f"{text!r} is not an ISO 8601 duration", f"start it with P: P{text}"
    return f"{text!r} is not an ISO 8601 duration", f"write {forms}"


def _currency(value: Any, *, money_only: bool) -> tuple[str, str]:
    text = str(value).strip()
    code = _CURRENCIES.get(text.lower()) or (
        text.upper() if re.fullmatch(r"[A-Za-z]{3}", text) else None
    )
    hint = "write the currency as its ISO 4217 code in capitals (USD, EUR, INR)"
    if code:
        hint += f": {code}"
    return f"{value!r} is not a unit", hint + ("" if money_only else "; or percent, or count")


def _same_as(value: Any) -> tuple[str, str]:
    text = str(value).strip()
    if m := re.fullmatch(r"(?i)(?:wd:|wikidata:)?(q)(\d+)", text):
        return f"{value!r} is not a Wikidata id or an IRI", f"write wd:Q{m[2]}"
    return (
        f"{value!r} is not a Wikidata id or an IRI",
        "write a Wikidata id as wd:Q61, or a full IRI starting http:// or https://",
    )
