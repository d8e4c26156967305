"""Money, counts and times as a sentence words them, with their qualifiers ("up to four",
"about $1.2 billion", "last year", "on Tuesday")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Amount", "Count", "TimeWords", "counts_before", "money", "times"]

QUALIFIERS = r"(?:up to|about|around|roughly|nearly|almost|more than|over|at least|some|approximately|an estimated|as many as|fewer than|less than)"
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "bn": 10**9, "m": 10**6, "k": 10**3}  # fmt: skip
_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
             "dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "won": "KRW",
             "rupees": "INR", "yuan": "CNY"}  # fmt: skip
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
          "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
          "a dozen": 12, "dozens": None, "a pair": 2}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str
    qualifier: str | None
    start: int
    end: int

    def as_yaml(self) -> dict:
        out: dict = {
            "value": int(self.value) if self.value == int(self.value) else float(self.value)
        }
        out["unit"] = self.currency
        if self.qualifier in ("up to", "as many as", "at most"):
            out = {"max": out.pop("value"), "unit": self.currency}
        elif self.qualifier in ("more than", "over", "at least"):
            out = {"min": out.pop("value"), "unit": self.currency}
        elif self.qualifier:
            out["approximate"] = True
        if self.qualifier:
            out["qualifier"] = self.qualifier
        return out


@dataclass(frozen=True)
class Count:
    value: int
    qualifier: str | None
    start: int
    end: int

    def as_yaml(self):
        if not self.qualifier:
            return self.value
        if self.qualifier in ("up to", "as many as"):
            return {"max": self.value, "qualifier": self.qualifier}
        if self.qualifier in ("more than", "over", "at least"):
            return {"min": self.value, "qualifier": self.qualifier}
        if self.qualifier in ("fewer than", "less than"):
            return {"max": self.value, "qualifier": self.qualifier}
        return {"value": self.value, "approximate": True, "qualifier": self.qualifier}


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


_MONEY = re.compile(
    rf"(?:(?P<q>{QUALIFIERS})\s+)?(?P<sym>US\$|\$|€|£|¥|₹)\s?(?P<n>{_NUMBER})"
    rf"(?:[\s\u00a0](?P<scale>thousand|million|billion|trillion)|(?P<short>bn|m|k)\b)?"
    rf"|(?:(?P<q2>{QUALIFIERS})\s+)?(?P<n2>{_NUMBER})[\s\u00a0](?P<scale2>thousand|million|billion|trillion)?"
    rf"\s?(?P<cur>dollars|euros|pounds|yen|won|rupees|yuan)\b"
)


def money(text: str) -> list[Amount]:
    found = []
    for m in _MONEY.finditer(text):
        number = m.group("n") or m.group("n2")
        scale = m.group("scale") or m.group("short") or m.group("scale2")
        value = _number(number) * _SCALE.get(scale or "", 1)
        currency = _CURRENCY[m.group("sym") or m.group("cur")]
        qualifier = m.group("q") or m.group("q2")
        found.append(Amount(value, currency, qualifier, m.start(), m.end()))
    return found


_COUNT = re.compile(
    rf"(?:(?P<q>{QUALIFIERS})\s+)?(?P<n>\d{{1,3}}(?:,\d{{3}})*|{'|'.join(k for k in _WORDS if _WORDS[k])})"
    r"(?=\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z][\w-]+))",
    re.IGNORECASE,
)


def counts_before(text: str, noun_start: int, window: int = 40) -> Count | None:
    """The count written just before a noun ("two frigates", "up to four aircraft")."""
    lo = max(0, noun_start - window)
    best = None
    for m in _COUNT.finditer(text, lo):
        if m.end() > noun_start:
            break
        n = m.group("n").lower()
        value = _WORDS.get(n) if n in _WORDS else int(n.replace(",", ""))
        if value is None or (isinstance(value, int) and 1900 <= value <= 2100):
            continue
        between = text[m.end() : noun_start]
        if len(between.split()) <= 4 and not re.search(r"[,.;:]", between):
            best = Count(value, (m.group("q") or "").lower() or None, m.start(), m.end())
    return best


@dataclass(frozen=True)
class TimeWords:
    said: str
    start: int
    end: int
    resolved: str | None = None  # when the words are a calendar date already
    vague: bool = False


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_TIME = re.compile(
    rf"\b(?:(?:on|last|next|this) )?(?:{_DAYS})\b"
    rf"|\b(?:last|next|this) (?:week|month|year)\b|\byesterday\b|\btoday\b|\btomorrow\b"
    rf"|\b(?:in|since|from|until|by) (?:early |mid-|late )?(?:(?:{_MONTHS}) )?(?:19|20)\d\d\b"
    rf"|\b(?:on )?(?:{_MONTHS}) \d{{1,2}}(?:, (?:19|20)\d\d)?\b|\b\d{{1,2}} (?:{_MONTHS})(?: (?:19|20)\d\d)?\b"
    rf"|\b(?:in|last|next|this) (?:{_MONTHS})\b"
    rf"|\b(?:in recent years|in the last few years|in the past few years|recently|for decades)\b"
    rf"|\bwithin (?:a|one|two|three|\d+) (?:year|month|week)s?\b"
)


def times(text: str, start: int, end: int) -> list[TimeWords]:
    """The time expressions in ``text[start:end]``, with a date where the words are one."""
    found = []
    for m in _TIME.finditer(text, start, end):
        words = m.group()
        vague = words in (
            "in recent years",
            "in the last few years",
            "in the past few years",
            "recently",
            "for decades",
        )
        year = re.fullmatch(r"(?:in|since|from|until|by) ((?:19|20)\d\d)", words)
        found.append(TimeWords(words, m.start(), m.end(), year.group(1) if year else None, vague))
    return found
