"""Times in an article's own words ("last year", "on Monday", "within 90 days"), resolved
against its publication date where the words allow, deterministically:
``resolve("last year", published=...)``; ``contradiction`` says when a given date and the one
the words give cannot both hold.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from .when import _DAY_MONTH, MONTHS, WEEKDAYS, When, _month_number

__all__ = ["NUMBER_WORDS", "contradiction", "resolve"]

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
