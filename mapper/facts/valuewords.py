"""What is wrong with one value of a facts file, in words, and how to write it instead: a
wrong type, unknown keys, a number or date in the wrong form, an id, a duration, a currency
(``schemawords`` finds the errors and picks the phrasing here)."""

from __future__ import annotations

import difflib
import re
from typing import Any

import jsonschema

from .datewords import NUMBER_WORDS
from .kinds import REMOVED_FIELDS, Field
from .when import why_not_a_date

__all__ = [
    "ID_SHAPES",
    "say_count",
    "say_currency",
    "say_one_of",
    "say_pattern",
    "say_unknown_keys",
    "say_when",
    "say_wrong_type",
    "yaml_kind",
]

ID_SHAPES = ("entity", "entities", "fact", "facts")
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


_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping (key: value lines)",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def yaml_kind(value: Any) -> str:
    return "boolean" if isinstance(value, bool) else "number"


def say_wrong_type(key: str, value: Any, expected: str | list[str]) -> str:
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


def say_unknown_keys(err: jsonschema.ValidationError) -> tuple[str, str | None]:
    allowed = sorted(err.schema.get("properties", {}))
    unknown = sorted(set(err.instance) - set(allowed))
    removed = [REMOVED_FIELDS[u] for u in unknown if u in REMOVED_FIELDS]
    guesses = [difflib.get_close_matches(u, allowed, n=1) for u in unknown]
    hint = "; ".join(removed) or "; ".join(f"did you mean {g[0]!r}?" for g in guesses if g)
    return f"unknown key(s) {', '.join(map(repr, unknown))}", hint or (
        f"allowed keys: {', '.join(allowed)}"
    )


def say_one_of(value: Any, branches: list[dict]) -> tuple[str, str]:
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


def say_when(value: Any, year: int | None) -> tuple[str, str]:
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


def say_count(value: Any) -> tuple[str, str]:
    if isinstance(value, str) and value.strip().isdigit():
        return (
            f"{value!r} is text, not a number",
            f"write the number without quotes: {value.strip()}",
        )
    return (
        f"{value!r} is not a count",
        "write a whole number (12), or bounds in the article's words: {max: 4, qualifier: up to}",
    )


def say_pattern(value: Any, key: str, field: Field | None, year: int | None) -> tuple[str, str]:
    if key in ("resolved",) or (field is not None and field.shape == "when"):
        return why_not_a_date(str(value), year=year), _WHEN_FORMS
    if key == "id" or (field is not None and field.shape in ID_SHAPES):
        return _id(value)
    if field is not None and field.shape == "duration":
        return _duration(value)
    if key == "same_as":
        return _same_as(value)
    if key == "unit":
        return say_currency(value, money_only=field is not None and field.unit == "money")
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


def say_currency(value: Any, *, money_only: bool) -> tuple[str, str]:
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
