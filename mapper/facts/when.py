"""Dates of any precision, as an article states them: a year, a month, a day, or a weekday;
and times in the article's own words, resolved against its publication date where they allow.

``"2014"``, ``"2014-08"``, ``"2014-11-20"``, ``"August"`` (a month, year unstated),
``"Thursday"`` (a weekday only), each with an optional qualifier: ``"late 2013"``.
``resolve("last year", published=...)`` turns words into such a date, deterministically.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

__all__ = ["NUMBER_WORDS", "WHEN_PATTERN", "When", "parse_when", "resolve", "why_not_a_date"]

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


# --- words relative to the publication date ---------------------------------------------------

_VAGUE = re.compile(
    r"^(?:in |over |during )?(?:the )?(?:(?:last|past) (?:few|several|couple of) "
    r"(?:years|months|weeks|decades)|recent (?:years|months|weeks|decades|times)|recently|"
    r"lately|for (?:years|decades)|some time ago|years ago)$",
    re.I,
)
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_YEAR = re.compile(r"^(?:in |during )?(?P<q>early |mid-|mid |late )?(?P<year>\d{4})$", re.I)
_FROM = re.compile(r"^(?:from|since|starting(?: in)?) (?P<year>\d{4})(?: onwards?)?$", re.I)
_REL_YEAR = re.compile(
    r"^(?:in |during )?(?P<q>early |earlier |mid-|mid |late |later )?(?:in )?"
    r"(?P<which>last|this|next) year$",
    re.I,
)
_REL_MONTH = re.compile(r"^(?:in |during )?(?P<which>last|this|next) month$", re.I)
_DAYWORD = re.compile(r"^(?P<which>yesterday|today|tomorrow)$", re.I)
_WEEKDAY = re.compile(
    rf"^(?:on )?(?:(?P<which>last|next|this|this coming|this past) )?"
    rf"(?P<weekday>{'|'.join(WEEKDAYS)})$",
    re.I,
)
_MONTH_ONLY = re.compile(rf"^(?:in |on |during )?(?P<month>{'|'.join(MONTHS)})$", re.I)
_WITHIN = re.compile(
    r"^(?:within|in less than|no later than in) (?:the next )?(?P<n>\d+|[a-z]+) "
    r"(?P<unit>year|month|week|day)s?$",
    re.I,
)
# "earlier this year" and "later this year" say which side of the publication date, not
# which part of the year: they resolve to the year alone
_QUALIFIER_WORDS = {"early": "early", "mid-": "mid", "mid": "mid", "late": "late"}


def _day(date: dt.date, said: str) -> When:
    """A day worked out from the publication date."""
    iso = date.isoformat()
    return When(iso, year=date.year, month=date.month, day=date.day, said=said, relative=True)


def _add_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    day = min(date.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def _pub_date(published: When | None) -> dt.date | None:
    if published is None or not (published.year and published.month and published.day):
        return None
    return dt.date(published.year, published.month, published.day)


def resolve(said: str, *, published: When | None, planned: bool = False) -> When:
    """The date ``said`` stands for, as far as the words and the publication date allow.

    Words that name no date are kept as they are (``unit == "unknown"``), vague periods
    marked ``vague``. A date computed from the publication date is ``relative``.

    >>> pub = parse_when("2024-03-14")  # a Thursday
    >>> resolve("last year", published=pub).text
    '2023'
    >>> resolve("on Monday", published=pub).text
    '2024-03-11'
    >>> resolve("on Monday", published=pub, planned=True).text
    '2024-03-18'
    >>> resolve("September 12", published=pub).text
    '2023-09-12'
    >>> resolve("in recent years", published=pub).vague
    True
    """
    words = " ".join(said.split())
    kept = When(said, said=said)
    if _VAGUE.match(words):
        return replace(kept, vague=True)
    absolute = _absolute(words, said)
    if absolute is not None:
        return absolute
    if published is None or published.year is None or published.year < 1:
        return kept
    try:
        found = _relative_year(words, said, published) or _relative_month(words, said, published)
        if found is None:
            found = _relative_day(words, said, _pub_date(published), planned)
    except (ValueError, OverflowError):  # a day past the calendar's end (year 9999)
        return kept
    return found or kept


def _absolute(words: str, said: str) -> When | None:
    """Words that hold their own date: in 2014, late 2013, from 2014 onwards."""
    m = _YEAR.match(words) or _FROM.match(words)
    if m is None or m["year"] == "0000":  # no year 0 in the calendar
        return None
    if m.re is _FROM:
        return When(m["year"], year=int(m["year"]), said=said, bound="start")
    qualifier = _QUALIFIER_WORDS.get((m["q"] or "").strip().lower())
    text = f"{qualifier} {m['year']}" if qualifier else m["year"]
    return When(text, year=int(m["year"]), qualifier=qualifier, said=said)


def _relative_year(words: str, said: str, published: When) -> When | None:
    if not (m := _REL_YEAR.match(words)):
        return None
    year = published.year + {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    qualifier = _QUALIFIER_WORDS.get((m["q"] or "").strip().lower())
    text = f"{qualifier} {year}" if qualifier else str(year)
    return When(text, year=year, qualifier=qualifier, said=said, relative=True)


def _relative_month(words: str, said: str, published: When) -> When | None:
    if not (m := _REL_MONTH.match(words)) or published.month is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    first = _add_months(dt.date(published.year, published.month, 1), shift)
    text = f"{first.year:04d}-{first.month:02d}"
    return When(text, year=first.year, month=first.month, said=said, relative=True)


_DAY_SHIFT = {"yesterday": -1, "today": 0, "tomorrow": 1}


def _relative_day(words: str, said: str, pub: dt.date | None, planned: bool) -> When | None:
    """Days named relative to the publication day, deadlines, and dates without a year."""
    if pub is None:
        return None
    if m := _DAYWORD.match(words):
        return _day(pub + dt.timedelta(days=_DAY_SHIFT[m["which"].lower()]), said)
    if m := _WEEKDAY.match(words):
        return _day(_weekday(pub, m["weekday"].capitalize(), m["which"], planned), said)
    if m := _WITHIN.match(words):
        return _deadline(m, said, pub)
    if m := _DAY_MONTH.match(words):
        return _day_without_year(m, said, pub, planned)
    return _month_without_year(words, said, pub, planned)


def _deadline(m: re.Match, said: str, pub: dt.date) -> When | None:
    """ "within a year": before the publication day plus the span."""
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS.get(m["n"].lower())
    if n is None:
        return None
    unit = m["unit"].lower()
    if unit in ("year", "month"):
        end = _add_months(pub, n * (12 if unit == "year" else 1))
    else:
        end = pub + dt.timedelta(days=n * (7 if unit == "week" else 1))
    day = _day(end, said)
    return replace(day, text=f"before {day.text}", qualifier="before", bound="end")


def _day_without_year(m: re.Match, said: str, pub: dt.date, planned: bool) -> When | None:
    """ "September 12": in the publication year, unless that puts a past fact after the
    publication day (then the year before) or a planned one before it (the year after)."""
    month, day = _month_number(m["month"] or m["month2"]), int(m["day"] or m["day2"])
    if month is None:
        return None
    year = pub.year
    if (month, day) > (pub.month, pub.day) and not planned:
        year -= 1
    elif (month, day) < (pub.month, pub.day) and planned:
        year += 1
    try:
        return _day(dt.date(year, month, day), said)
    except ValueError:  # February 30, or February 29 of a common year: no such day
        return None


def _month_without_year(words: str, said: str, pub: dt.date, planned: bool) -> When | None:
    """ "in August": in the publication year, or the one before or after as for a day."""
    if not (m := _MONTH_ONLY.match(words)):
        return None
    month = MONTHS.index(m["month"].capitalize()) + 1
    year = pub.year
    if month > pub.month and not planned:
        year -= 1
    elif month < pub.month and planned:
        year += 1
    return When(f"{year:04d}-{month:02d}", year=year, month=month, said=said, relative=True)


def _weekday(pub: dt.date, name: str, which: str | None, planned: bool) -> dt.date:
    """The weekday ``name`` nearest the publication day on the side the words point to.

    "on Monday" is the latest Monday up to the publication day (a Monday's story that says
    "on Monday" means that day), or for a planned fact the first from it on; "last Monday"
    is strictly before it and "next Monday" strictly after."""
    target = WEEKDAYS.index(name)
    back = (pub.weekday() - target) % 7
    ahead = (target - pub.weekday()) % 7
    which = (which or "").lower()
    if which in ("last", "this past"):
        return pub - dt.timedelta(days=back or 7)
    if which == "next":
        return pub + dt.timedelta(days=ahead or 7)
    if planned or which == "this coming":
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


def contradiction(given: When, computed: When) -> str | None:
    """The calendar part where ``given`` and ``computed`` disagree, if any (a part known to
    only one of them is no contradiction: the analyst may know more, or say less)."""
    mine, theirs = given.parts(), computed.parts()
    for name in ("year", "month", "day", "weekday", "qualifier"):
        if name in mine and name in theirs and mine[name] != theirs[name]:
            return name
    if computed.weekday and given.day and given.year and given.month:
        day = dt.date(given.year, given.month, given.day)
        if WEEKDAYS[day.weekday()] != computed.weekday:
            return "weekday"
    return None
