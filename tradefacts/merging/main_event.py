"""The event one article mainly reports, and when an undated one can have happened (for
``grouping``).

An article reports one happening and mentions others: the earlier round of the same talks
("the first round, held on April 16"), a meeting planned for later, a leader's visit the
same week. Its main event is a talks-like event if it has one, not a stale one (held more
than :data:`STALE_DAYS` before the article when the article also reports a fresh one), a
dated one before an undated one, then the one it tells most about (most evidence spans).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..models import MergedTradeEvent
from .date_texts import date_class
from .events import TALKS_TYPES, persons
from .labels import canonical_keys

#: An event held more than this many days before the article is an earlier happening.
STALE_DAYS = 3
#: How far ahead an undated planned event may lie when its date text says nothing more.
PLANNED_HORIZON_DAYS = 14
#: How far back an undated past event may lie.
PAST_DAYS = 7


def _stale(event: MergedTradeEvent, published: dt.date | None) -> bool:
    """Return whether a dated event was held well before the article was published."""
    return (
        published is not None
        and event.date is not None
        and event.status == "occurred"
        and (published - event.date).days > STALE_DAYS
    )


def main_event(
    events: Sequence[MergedTradeEvent], published: dt.date | None
) -> MergedTradeEvent | None:
    """Return the event an article (its merged ``events``) mainly reports, or None."""
    if not events:
        return None
    fresh = {id(v) for v in events if v.type in TALKS_TYPES and not _stale(v, published)}

    def rank(v: MergedTradeEvent) -> tuple[Any, ...]:
        talks = v.type in TALKS_TYPES
        return (
            not talks,
            talks and bool(fresh) and id(v) not in fresh,  # an earlier round, told as background
            v.date is None,
            -len(v.evidence),
            v.status != "occurred",
            -len(persons(v.participants)),
            -len(v.participants),
        )

    top = min(map(rank, events))
    tied = [v for v in events if rank(v) == top]
    return min(zip(canonical_keys(tied), tied, strict=True), key=lambda pair: pair[0])[1]


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def event_window(
    event: MergedTradeEvent, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    """Return (first day, last day, on-or-after day) an undated event can have happened on,
    from its status and date text and the article's date. A planned event lies after the
    article ("next week": that week; "later this month": the rest of the month), so it is
    not a happening already held when the article was written; one planned without a date
    text may lie a week either side."""
    if published is None:
        return None, None, None
    if event.status != "planned":
        return published - dt.timedelta(days=PAST_DAYS), published, None
    if not event.date_text:  # planned, but when is not said: the article may be unsure
        return published - dt.timedelta(days=PAST_DAYS), published + dt.timedelta(days=7), None
    text = event.date_text.casefold()
    kind = date_class(event.date_text)
    start, end = published, published + dt.timedelta(days=PLANNED_HORIZON_DAYS)
    if kind == "week":
        monday = published - dt.timedelta(days=published.weekday())
        if "next" in text:
            start = monday + dt.timedelta(days=7)
        end = start + dt.timedelta(days=6 - start.weekday())
    elif kind == "month":
        if "next" in text:
            start = _month_end(published) + dt.timedelta(days=1)
        end = _month_end(start)
    return start, end, published
