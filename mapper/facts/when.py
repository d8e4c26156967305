"""Dates of any precision, as an article states them: a year, a month, a day, or a weekday.

``"2014"``, ``"2014-08"``, ``"2014-11-20"``, ``"August"`` (a month, year unstated),
``"Thursday"`` (a weekday only), each with an optional qualifier: ``"late 2013"``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["WHEN_PATTERN", "When", "parse_when"]

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

    @property
    def unit(self) -> str:
        """The finest unit known: day, month, year or weekday; unknown for words alone."""
        if self.weekday:
            return "weekday"
        if self.day:
            return "day"
        if self.month:
            return "month"
        return "year" if self.year is not None else "unknown"


def parse_when(text: str) -> When:
    """Parse a date of any precision; raise ValueError with a fix for an impossible one.

    >>> parse_when("late 2013")
    When(text='late 2013', year=2013, month=None, day=None, weekday=None, qualifier='late')
    >>> parse_when("Thursday").unit
    'weekday'
    """
    match = _WHEN.match(text)
    if not match:
        raise ValueError(
            f"{text!r} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, a month name "
            f"or a weekday, optionally after one of {', '.join(QUALIFIERS)}"
        )
    qualifier, core = match.groups()
    if core in WEEKDAYS:
        return When(text, weekday=core, qualifier=qualifier)
    if core in MONTHS:
        return When(text, month=MONTHS.index(core) + 1, qualifier=qualifier)
    parts = [int(p) for p in core.split("-")]
    year, month, day = parts + [None] * (3 - len(parts))
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has month {month:02d}; months run from 01 to 12")
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            last = calendar.monthrange(year, month)[1]
            raise ValueError(
                f"{text!r} does not exist: {MONTHS[month - 1]} {year} has {last} days"
            ) from None
    return When(text, year=year, month=month, day=day, qualifier=qualifier)
