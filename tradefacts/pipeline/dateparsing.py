"""dateparser as the normaliser of tf_dates' spans: cached, guarded, never at import time.

tf_dates recognises a span ("the 16th of April", "two weeks ago", "16/04/2025"); this module
turns its text into a date with ``dateparser`` (``RELATIVE_BASE`` = the reference date,
``PREFER_DATES_FROM`` from the clause tense). Rules of our own that beat dateparser live in
``dates.py`` and say so there.

Guards:
- only spans with a date cue (a month or weekday name, "today", an ordinal day, "ago",
  "in N days", a numeric or ISO date) are parsed: dateparser reads "24%" as the 24th and
  "$68" as 1968;
- without a reference date a span resolves only when its parse does not depend on the base
  (dateparser would otherwise fill in today's date);
- whatever dateparser raises or returns on odd input gives None.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache
from typing import Any, Literal

Tense = Literal["past", "future", "present", "near"]

_MAX_SPAN = 60  # characters: longer "dates" are parse accidents, and costly for dateparser
# Two unrelated bases (different year, month, day and weekday): a parse that agrees on both
# names its date in full.
_PROBE_BASES = (dt.datetime(2001, 2, 3), dt.datetime(2012, 9, 17))
_MONTHS_AND_DAYS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?|today|tonight|yesterday|tomorrow|ago|this\s+(?:morning|afternoon|evening)"
)
_DATE_CUE = re.compile(
    rf"(?i)(?<![\w])(?:{_MONTHS_AND_DAYS})(?![\w])"
    r"|(?<![\w.])[0-3]?\d(?:st|nd|rd|th)(?![\w])"
    r"|(?i:(?<![\w])in\s+\S+\s+(?:days?|weeks?)(?![\w]))"
    r"|(?<![\w/.])\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?![\w/])"
)
_NOT_A_DATE = re.compile(r"[%$€£¥₹]|\d-(?:minute|hour|day|week|month|year)")
_OFFSET = re.compile(r"(?i)(?<![\w])ago(?![\w])|^in\s")


def prefer_from(tense: Tense) -> str:
    """dateparser's ``PREFER_DATES_FROM`` for a clause tense."""
    return {"past": "past", "future": "future"}.get(tense, "current_period")


@lru_cache(maxsize=64)
def _parser(base: dt.datetime, prefer: str, timezone: str = "local") -> Any:
    """A ``DateDataParser`` for English with the given base and preference (imported lazily)."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
        "TIMEZONE": timezone,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _date_data(text: str, base: dt.datetime, prefer: str) -> Any:
    """dateparser's reading of ``text``, the same whatever the machine's time zone.

    With ``TIMEZONE`` "local" (dateparser's default) a span that writes its zone ("11pm EST")
    keeps its own day, where a fixed zone would convert it; a span without one is read in
    wall-clock time, the machine's zone attached and dropped again, so only tzlocal's failing
    could change it. Where tzlocal cannot name the zone (a ``TZ`` it does not know), spans
    without a zone are read with UTC, which gives the same day.
    """
    timezone = "local"
    if not _local_zone_known():
        from dateparser.timezone_parser import pop_tz_offset_from_string

        timezone = "local" if pop_tz_offset_from_string(text)[1] is not None else "UTC"
    return _parser(base, prefer, timezone).get_date_data(text)


@lru_cache(maxsize=1)
def _local_zone_known() -> bool:
    """True when tzlocal names the machine's zone; asked once, its warnings kept quiet.

    tzlocal caches the zone on success, so dateparser's later calls neither warn ("Can not
    find any timezone configuration") nor fail.
    """
    from tzlocal import get_localzone

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            get_localzone()
        except Exception:  # noqa: BLE001 - any failure: dateparser would fail the same way
            return False
    return True


def _parse_at(text: str, base: dt.datetime, prefer: str) -> tuple[dt.date | None, str | None]:
    """(date, period) dateparser reads in ``text`` against ``base``; (None, None) on failure."""
    try:
        data = _date_data(text, base, prefer)
        found = data.date_obj if data is not None else None
        if not isinstance(found, dt.datetime):
            return None, None
        return found.date(), str(data.period or "day")
    except Exception:  # noqa: BLE001 - a library failure on an odd span is no date, never a crash
        return None, None


@lru_cache(maxsize=8192)
def parse_span(
    text: str, reference: dt.date | None, tense: Tense = "near", *, absolute: bool = False
) -> tuple[dt.date | None, str | None]:
    """(date, period) of a date span, resolved against ``reference`` in a clause of ``tense``.

    ``period`` is dateparser's granularity ("day", "week", "month", "year"). Without a
    reference only spans that name their full date resolve. ``absolute=True`` says the caller
    knows the span writes day, month and year (one parse, base-independent). Spans without a
    date cue, and anything dateparser fails on, give ``(None, None)``.
    """
    text = " ".join(text.split())
    if not text or len(text) > _MAX_SPAN or not has_date_cue(text):
        return None, None
    prefer = prefer_from(tense)
    if absolute:
        return _parse_at(text, _PROBE_BASES[0], "current_period")
    if reference is not None:
        base = dt.datetime(reference.year, reference.month, reference.day)
        return _parse_at(text, base, prefer)
    first, second = (_parse_at(text, base, prefer) for base in _PROBE_BASES)
    return first if first == second else (None, None)


def has_date_cue(text: str) -> bool:
    """True when ``text`` has something only a date has (and no money, percent or "-minute")."""
    return bool(_DATE_CUE.search(text)) and not _NOT_A_DATE.search(text)


def day_of(
    text: str, reference: dt.date | None, tense: Tense = "near", *, absolute: bool = False
) -> dt.date | None:
    """The day a span names, or None for months, years, vague spans and non-dates.

    Week-granular parses count only for offsets ("two weeks ago", "in two weeks"): "this week"
    names no day.
    """
    if absolute:  # the same parse whatever the reference: share one cache entry
        date, period = parse_span(text, None, "near", absolute=True)
    else:
        date, period = parse_span(text, reference, tense)
    if date is None:
        return None
    if period == "day" or (period == "week" and _OFFSET.search(text)):
        return date
    return None
