"""dateparser as our normaliser: the machine's time zone never changes a date."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfoNotFoundError

import pytest

from tradefacts.pipeline import dateparsing

SPANS = [
    ("yesterday", "past"),
    ("two weeks ago", "past"),
    ("in two weeks", "future"),
    ("last Monday", "past"),
    ("Sunday 2am EST", "past"),
    ("March 9, 2025 11pm EST", "past"),  # its own day, not converted to another zone's
    ("tomorrow at 1 a.m. ET", "future"),
    ("9 March 2025 23:30 GMT", "near"),
]


def _readings() -> list[tuple[object, object]]:
    dateparsing.parse_span.cache_clear()
    reference = dt.date(2025, 3, 9)
    return [
        (dateparsing.parse_span(s, reference, t), dateparsing.parse_span(s, None, t))  # type: ignore[arg-type]
        for s, t in SPANS
    ]


@pytest.fixture
def unknown_local_zone(monkeypatch):
    """tzlocal failing as it does where ``TZ`` names a zone it does not know."""
    import dateparser.utils
    import tzlocal

    def fail() -> None:
        raise ZoneInfoNotFoundError("tzlocal() does not support non-zoneinfo timezones")

    monkeypatch.setattr(tzlocal, "get_localzone", fail)
    monkeypatch.setattr(dateparser.utils, "get_localzone", fail)
    dateparsing._local_zone_known.cache_clear()
    yield
    dateparsing._local_zone_known.cache_clear()
    dateparsing.parse_span.cache_clear()


def test_written_zones_keep_their_day():
    readings = dict(zip((s for s, _ in SPANS), _readings(), strict=True))
    assert readings["March 9, 2025 11pm EST"][0] == (dt.date(2025, 3, 9), "day")
    assert readings["yesterday"][0] == (dt.date(2025, 3, 8), "day")


@pytest.fixture
def healthy() -> list[tuple[object, object]]:
    return _readings()


def test_a_zone_tzlocal_cannot_name_gives_the_same_dates(healthy, unknown_local_zone):
    assert _readings() == healthy
    assert healthy[0][0] == (dt.date(2025, 3, 8), "day")  # "yesterday" is not lost
