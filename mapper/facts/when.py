"""Dates of any precision, as an article states them: a year, a month, a day, or a weekday;
checked and explained in words when they are not dates (``why_not_a_date``). Times in the
article's own words are resolved against its publication date in ``datewords``.

``"2014"``, ``"2014-08"``, ``"2014-11-20"``, ``"August"`` (a month, year unstated),
``"Thursday"`` (a weekday only), each with an optional qualifier: ``"late 2013"``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "MONTHS",
    "QUALIFIERS",
    "WEEKDAYS",
    "WHEN_PATTERN",
    "When",
    "parse_when",
    "why_not_a_date",
]

QUALIFIERS = ("early", "mid", "late", "before", "after", "circa")
MONTHS = tuple(calendar.month_name[1:])
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

WHEN_PATTERN = (
    rf"^(?:({'|'.join(QUALIFIERS)}) )?"
    rf"(\d{{4}}(?:-\d{{2}}(?:-\d{{2}})?)?|{'|'.join(MONTHS)}|{'|'.join(WEEKDAYS)})$"
)
_WHEN = re.compile(WHEN_PATTERN)


@dataclass(frozen=True)
class When:
    """A point in time known to some precision; unknown parts are None."""

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None
    qualifier: str | None = None
    said: str | None = None  # the article's own words, when they are not a date ("last year")
    vague: bool = False  # a vague period ("in recent years"): never resolved
    relative: bool = False  # resolved against the article's publication date
    bound: Literal["start", "end"] | None = None  # "from 2014 onwards", "within a year"
    counted_from: str | None = None  # the fact whose date the words count from, if not publication

    @property
    def unit(self) -> str:
        """The finest unit known: day, month, year or weekday; unknown for words alone."""
        if self.weekday and not self.day:
            return "weekday"
        if self.day:
            return "day"
        if self.month:
            return "month"
        return "year" if self.year is not None else "unknown"

    def parts(self) -> dict[str, object]:
        """The calendar parts known: year, month, day, weekday, qualifier."""
        names = ("year", "month", "day", "weekday", "qualifier")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day it can be, when its year is known (a qualifier such as
        late narrows it, before/after open it: both are taken at their widest)."""
        if self.year is None or self.qualifier == "circa" or not 1 <= self.year <= 9999:
            return None
        if self.day:
            first = last = dt.date(self.year, self.month or 1, self.day)
        elif self.month:
            first = dt.date(self.year, self.month, 1)
            last = dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        else:
            first, last = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.qualifier == "before":
            return dt.date.min, first
        if self.qualifier == "after":
            return last, dt.date.max
        return first, last


def parse_when(text: str) -> When:
    """Parse a date of any precision; raise ValueError with a fix for an impossible one.

    >>> parse_when("late 2013").parts()
    {'year': 2013, 'qualifier': 'late'}
    >>> parse_when("Thursday").unit
    'weekday'
    """
    match = _WHEN.match(text)
    if not match:
        raise ValueError(why_not_a_date(text))
    qualifier, core = match.groups()
    if core in WEEKDAYS:
        return When(text, weekday=core, qualifier=qualifier)
    if core in MONTHS:
        return When(text, month=MONTHS.index(core) + 1, qualifier=qualifier)
    parts = [int(p) for p in core.split("-")]
    year, month, day = parts + [None] * (3 - len(parts))
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has month {month:02d}; months run from 01 to 12")
    if year == 0:
        raise ValueError(f"{text!r} has year 0000; the calendar's years run from 0001")
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            last = calendar.monthrange(year, month)[1]
            raise ValueError(
                f"{text!r} does not exist: {MONTHS[month - 1]} {year} has {last} days"
            ) from None
    return When(text, year=year, month=month, day=day, qualifier=qualifier)


# --- what is wrong with a string that is not a date, in words ---------------------------------

_MONTH_WORD = r"(?P<{}>[A-Za-z]{{3,9}})\.?"
_DAY_WORD = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(
    rf"^(?:on )?(?:{_MONTH_WORD.format('month')} {_DAY_WORD.format('day')}|"
    rf"(?:the )?{_DAY_WORD.format('day2')} (?:of )?{_MONTH_WORD.format('month2')})$",
    re.I,
)
_MONTH_YEAR = re.compile(rf"^(?:in )?{_MONTH_WORD.format('month')},? (?P<year>\d{{4}})$", re.I)
_SLASHED = re.compile(r"^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})$")
_LOOSE_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def _month_number(word: str) -> int | None:
    """1 to 12 for a month's name or its abbreviation (Sept, Sep., sep), else None."""
    word = word.lower().rstrip(".")
    word = "sep" if word == "sept" else word
    if len(word) < 3:
        return None
    return next((n for n, name in enumerate(MONTHS, 1) if name.lower().startswith(word)), None)


def why_not_a_date(text: str, *, year: int | None = None) -> str:
    """Why ``text`` is not a date the facts format takes, and how to write it; ``year`` (the
    article's publication year, when known) makes the suggested fix concrete.

    >>> why_not_a_date("September 12", year=2023)
    "'September 12' needs a year: write 2023-09-12, or September, or keep the words as {said: September 12}"
    """
    y = str(year) if year else "YYYY"
    stripped = text.strip()
    if stripped != text:
        return f"{text!r} has spaces around it: write {stripped!r}"
    if m := _DAY_MONTH.match(text):
        month = _month_number(m["month"] or m["month2"])
        day = int(m["day"] or m["day2"])
        if month:
            return (
                f"{text!r} needs a year: write {y}-{month:02d}-{day:02d}, or {MONTHS[month - 1]}, "
                f"or keep the words as {{said: {text}}}"
            )
    if (m := _MONTH_YEAR.match(text)) and (month := _month_number(m["month"])):
        return f"write a month of a year as YYYY-MM: {m['year']}-{month:02d}"
    if m := _LOOSE_ISO.match(text):
        parts = [int(p) for p in m.groups() if p is not None]
        fixed = "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])
        return f"write months and days with two digits: {fixed}"
    if m := _SLASHED.match(text):
        a, b, c = m.groups()
        if len(a) == 4:
            return f"write dates as YYYY-MM-DD: {a}-{int(b):02d}-{int(c):02d}"
        return (
            f"write dates as YYYY-MM-DD ({text!r} could be day/month or month/day): e.g. {c}-MM-DD"
        )
    if re.fullmatch(r"\d{2}", text):
        return f"{text!r} is not a year: write the year with four digits: '20{text}' or '19{text}'"
    if re.fullmatch(r"\d{1}|\d{3}|\d{5,}", text):
        return f"{text!r} is not a year: write the year with four digits, in quotes: '2019'"
    lower = text.lower()
    for name in (*MONTHS, *WEEKDAYS):
        if lower == name.lower() or lower.endswith(" " + name.lower()):
            return f"write {name} with a capital letter: {text[: len(text) - len(name)]}{name}"
    for word in QUALIFIERS:
        if lower.startswith(word + " ") and not text.startswith(word + " "):
            return f"write the qualifier in lowercase: {word}{text[len(word) :]}"
    return (
        f"{text!r} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, a month name or a weekday, "
        f"optionally after one of {', '.join(QUALIFIERS)}; for the article's own words "
        f"(last year, on Monday) write {{said: {text}}}"
    )
