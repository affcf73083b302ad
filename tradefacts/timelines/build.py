"""Building a ``Timeline``: every tariff of articles, merged records or timelines, on a time axis.

A tariff becomes one point per product (like merge, which cuts tariffs per product) on the line
of its imposer, target and product group (synonyms folded: cars / autos -> automobiles; all
goods is the line with ``products == ()``). A point's ``as_of`` is the earliest publication date
of the sources stating it, its ``date`` the stated ``effective`` day, else ``as_of`` (a rate
announced with its start day is in effect on that day: ``point_status``). Points of
one line with the same date, rate and status are one point (sources and evidence joined);
points of one line and day that disagree (the same status at another rate, or the same rate
in another status), stated by sources that do not state each other's, are ``conflicting``.
A point with neither date goes to the line's ``undated`` list.

Timelines are inputs too, so a corpus can be folded partition by partition (``timeline_bag``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..models import (
    ArticleFacts,
    CanonicalRecord,
    Evidence,
    TariffLine,
    TariffRate,
    Timeline,
    TimelinePoint,
    canonical_evidence,
)
from ..reading import parse_published
from .products import product_group

LineKey = tuple[str | None, str | None, tuple[str, ...]]
PointKey = tuple[dt.date | None, float, str]

Item = ArticleFacts | CanonicalRecord | Timeline


@dataclass
class _Pending:
    """A point being collected from several statements."""

    rate: float
    status: str
    as_of: dt.date | None = None
    effective: Counter[dt.date] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    evidence: set[Evidence] = field(default_factory=set)

    def add(
        self,
        as_of: dt.date | None,
        effective: dt.date | None,
        sources: Iterable[str],
        evidence: Iterable[Evidence],
    ) -> None:
        if as_of is not None and (self.as_of is None or as_of < self.as_of):
            self.as_of = as_of
        if effective is not None:
            self.effective[effective] += 1
        self.sources.update(sources)
        self.evidence.update(evidence)

    def point(self, date: dt.date | None) -> TimelinePoint:
        effective = min(self.effective, key=lambda d: (-self.effective[d], d), default=None)
        return TimelinePoint(
            date=date,
            rate_percent=self.rate,
            status=self.status,  # type: ignore[arg-type]
            effective=effective,
            as_of=self.as_of,
            sources=tuple(sorted(self.sources)),
            evidence=canonical_evidence(tuple(self.evidence)),
        )


class _Collector:
    def __init__(self) -> None:
        self.lines: dict[LineKey, dict[PointKey, _Pending]] = defaultdict(dict)

    def add(
        self,
        line: LineKey,
        rate: float,
        status: str,
        as_of: dt.date | None,
        effective: dt.date | None,
        sources: Iterable[str],
        evidence: Iterable[Evidence],
    ) -> None:
        date = effective or as_of
        key = (date, round(rate, 2), status)
        pending = self.lines[line].setdefault(key, _Pending(round(rate, 2), status))
        pending.add(as_of, effective, sources, evidence)

    def add_tariff(
        self, tariff: TariffRate, sources: tuple[str, ...], as_of: dt.date | None
    ) -> None:
        groups: list[tuple[str, ...]] = [
            (g,) for g in sorted({product_group(p) for p in tariff.products})
        ]
        groups = groups or [()]
        status = point_status(tariff)
        for group in groups:
            line = (tariff.imposer, tariff.target, group)
            self.add(
                line,
                tariff.rate_percent,
                status,
                as_of,
                tariff.effective,
                sources,
                tariff.evidence,
            )

    def timeline(self) -> Timeline:
        lines = []
        for (imposer, target, products), pending in sorted(self.lines.items(), key=_line_order):
            dated = sorted(
                ((k, p) for k, p in pending.items() if k[0] is not None),
                key=lambda kp: (kp[0][0], kp[0][1], kp[0][2]),
            )
            points = _mark_conflicts([p.point(k[0]) for k, p in dated])
            undated = [p.point(None) for k, p in pending.items() if k[0] is None]
            undated.sort(key=lambda p: (p.rate_percent, p.status))
            lines.append(
                TariffLine(
                    imposer=imposer,
                    target=target,
                    products=products,
                    points=tuple(points),
                    undated=tuple(undated),
                )
            )
        return Timeline(lines=tuple(lines))


def point_status(tariff: TariffRate) -> str:
    """The status of a tariff's point: a rate announced with its start day is, on that day (the
    point's date), in effect; a source published before the day says "announced", one
    published after "in effect", and both are one point."""
    if tariff.status == "announced" and tariff.effective is not None:
        return "in_effect"
    return tariff.status


def _line_order(item: tuple[LineKey, Any]) -> tuple[str, str, tuple[str, ...]]:
    imposer, target, products = item[0]
    return (imposer or "~", target or "~", products)


def _mark_conflicts(points: list[TimelinePoint]) -> list[TimelinePoint]:
    """Points of one day that disagree are conflicting: the same status at another rate, or
    the same rate in another status, stated by sources that do not state each other's (one
    article stating two rates that day is not a disagreement; a 50% announced and a 125%
    threatened are two different facts)."""
    by_day: dict[dt.date | None, list[int]] = defaultdict(list)
    for index, point in enumerate(points):
        by_day[point.date].append(index)
    out = list(points)
    for indices in by_day.values():
        for i in indices:
            if any(i != j and _disagree(points[i], points[j]) for j in indices):
                out[i] = out[i].model_copy(update={"conflicting": True})
    return out


def _disagree(a: TimelinePoint, b: TimelinePoint) -> bool:
    same_rate, same_status = a.rate_percent == b.rate_percent, a.status == b.status
    if same_rate == same_status:
        return False  # the same point, or two different facts
    mine, theirs = set(a.sources), set(b.sources)
    return bool(mine - theirs) and bool(theirs - mine)


def timeline(
    items: Item | Iterable[Item],
    *,
    published: Mapping[str, dt.date | str] | None = None,
) -> Timeline:
    """The ``Timeline`` of the tariffs of ``items`` (ArticleFacts, CanonicalRecords, Timelines
    or a mix). ``published`` maps doc_ids to publication dates, for records (which do not
    carry their sources' dates) and for articles extracted without one."""
    if isinstance(items, ArticleFacts | CanonicalRecord | Timeline):
        items = [items]
    dates = {doc_id: parse_published(day) for doc_id, day in (published or {}).items()}
    collector = _Collector()
    for item in items:
        if isinstance(item, ArticleFacts):
            as_of = item.published or dates.get(item.doc_id)
            for tariff in item.tariffs:
                collector.add_tariff(tariff, (item.doc_id,), as_of)
        elif isinstance(item, CanonicalRecord):
            for merged in item.tariffs:
                known = [d for s in merged.sources if (d := dates.get(s)) is not None]
                collector.add_tariff(merged, merged.sources, min(known, default=None))
        elif isinstance(item, Timeline):
            _add_timeline(collector, item)
        else:
            raise InputError(
                "timeline expects ArticleFacts, CanonicalRecords or Timelines, "
                f"not {type(item).__name__}"
            )
    return collector.timeline()


def _add_timeline(collector: _Collector, item: Timeline) -> None:
    for line in item.lines:
        key = (line.imposer, line.target, line.products)
        for point in (*line.points, *line.undated):
            collector.add(
                key,
                point.rate_percent,
                point.status,
                point.as_of,
                point.effective,
                point.sources,
                point.evidence,
            )
