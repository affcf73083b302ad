"""Reading a ``Timeline``: one line, and the rate in force on a day."""

from __future__ import annotations

import datetime as dt

from ..models import TariffLine, Timeline, TimelinePoint
from ..reading import parse_published
from .products import product_group

#: Statuses that end the rate they name.
ENDING = frozenset({"paused", "removed"})


def find_line(
    timeline: Timeline, imposer: str | None, target: str | None, product: str | None = None
) -> TariffLine | None:
    """The line of ``imposer`` on ``target`` (None: every partner) for ``product`` (None: all
    goods; synonyms fold: "cars" finds "automobiles"), or None."""
    products = (product_group(product),) if product else ()
    for line in timeline.lines:
        if (line.imposer, line.target, line.products) == (imposer, target, products):
            return line
    return None


def rate_on(
    timeline: Timeline,
    imposer: str | None,
    target: str | None,
    product: str | None = None,
    *,
    on: dt.date | str,
) -> TimelinePoint | None:
    """The point in force on day ``on``: the latest ``in_effect`` point dated on or before it,
    unless a later point on or before it pauses or removes that rate (then None). A product line
    without points of its own falls back to the all-goods line."""
    day = parse_published(on)
    if day is None:
        raise TypeError("rate_on needs a day: on=YYYY-MM-DD")
    line = find_line(timeline, imposer, target, product)
    if product and (line is None or not line.points):
        line = find_line(timeline, imposer, target, None)
    if line is None:
        return None
    return in_force(line, day)


def in_force(line: TariffLine, day: dt.date) -> TimelinePoint | None:
    """The point of ``line`` in force on ``day`` (see ``rate_on``); of conflicting in-effect
    points of one day, the one with most sources (then the earliest stated, then the highest
    rate) wins."""
    current: TimelinePoint | None = None
    for _, points in _days(line, day):
        starting = [p for p in points if p.status == "in_effect"]
        if starting:
            current = min(starting, key=_support)
            continue
        if current is not None and any(
            p.status in ENDING and p.rate_percent == current.rate_percent for p in points
        ):
            current = None
    return current


def _support(point: TimelinePoint) -> tuple[int, dt.date, float]:
    """Most sources first, then the earliest stated, then the highest rate: one source stating
    several rates in force on a line that day mostly gives parts and their sum (25% + 25% =
    "50% in all") or an old rate and its raise."""
    return (-len(point.sources), point.as_of or dt.date.max, -point.rate_percent)


def _days(line: TariffLine, day: dt.date) -> list[tuple[dt.date, list[TimelinePoint]]]:
    """The dated points of ``line`` up to ``day``, grouped by date, in order."""
    days: dict[dt.date, list[TimelinePoint]] = {}
    for point in line.points:
        if point.date is not None and point.date <= day:
            days.setdefault(point.date, []).append(point)
    return sorted(days.items())
