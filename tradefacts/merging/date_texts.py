"""Reading the date texts of undated events: the weekday or year-less month-day they name,
what they pin (``date_class``) and the day they mean near an anchor date."""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: index + 1
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.IGNORECASE)
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY_RE = re.compile(
    rf"\b(?:({_MONTH_ALT})\.?\s{{1,3}}(\d{{1,2}})|(\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}}({_MONTH_ALT}))\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\b(19|20)\d{2}\b")


def weekday(text: str | None) -> int | None:
    """Return the weekday (0 = Monday) a date text names, or None."""
    match = _WEEKDAY_RE.search(text or "")
    return WEEKDAYS.index(match.group(1).lower()) if match else None


def month_day(text: str | None) -> tuple[int, int] | None:
    """Return (month, day) of a year-less month-day text like "April 2", or None."""
    if not text or _YEAR_RE.search(text):
        return None
    match = _MONTH_DAY_RE.search(text)
    if not match:
        return None
    month_name = (match.group(1) or match.group(4)).lower()
    day = int(match.group(2) or match.group(3))
    return MONTHS[month_name], day


def date_class(text: str | None) -> str:
    """Return what an undated event's date text pins: a weekday, a month-day, "month" for
    "later this month", "week" for "next week", else the text itself ('' for none)."""
    named_weekday = weekday(text)
    if named_weekday is not None:
        return WEEKDAYS[named_weekday]
    named_day = month_day(text)
    if named_day is not None:
        return f"--{named_day[0]:02d}-{named_day[1]:02d}"
    folded = (text or "").casefold().strip()
    for unit in ("week", "month", "year"):
        if unit in folded:
            return unit
    return folded


def from_anchor(text: str | None, anchor: dt.date) -> dt.date | None:
    """Return the date a weekday or month-day text means near ``anchor``, or None."""
    named_weekday = weekday(text)
    if named_weekday is not None:
        offset = (named_weekday - anchor.weekday() + 3) % 7 - 3
        return anchor + dt.timedelta(days=offset)
    named_day = month_day(text)
    if named_day is not None:
        try:
            return dt.date(anchor.year, *named_day)
        except ValueError:
            return None
    return None
