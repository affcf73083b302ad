"""The notebook / report view of a ``Timeline``: per line a step chart as inline SVG and a table.

The chart's x axis is the date, its y axis the rate; the step line follows the rate in force
(``tradefacts.timelines.in_force``), and every dated point is a marker coloured by status with a
``<title>`` tooltip (rate, status, date, effective, as of, sources). Conflicting points get a
dashed ring. No scripts, nothing fetched; every text is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from ..models import TariffLine, Timeline, TimelinePoint
from ..timelines.query import in_force
from .html import esc, section, sources_cell, table, tag
from .labels import number

#: Marker colours by status (also the legend).
STATUS_COLOURS: dict[str, str] = {
    "in_effect": "#1a7f37",
    "announced": "#0969da",
    "proposed": "#8250df",
    "threatened": "#cf222e",
    "claimed": "#1b7c83",
    "paused": "#bf8700",
    "removed": "#6e7781",
}

WIDTH, HEIGHT = 720, 200
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 12, 28
RADIUS = 5


def timeline_html(timeline: Timeline, *, styled: bool = True) -> str:
    """HTML fragment: a legend, then per line its step chart and a table of its points."""
    from .html import style_block

    n_points = sum(len(line.points) + len(line.undated) for line in timeline.lines)
    title = tag("span", esc("Tariff timeline"), class_="tf-title")
    meta = tag(
        "span",
        esc(f"{len(timeline.lines)} lines, {n_points} points"),
        class_="tf-meta",
    )
    parts = [tag("div", title + meta, class_="tf-header"), _legend()]
    if not timeline.lines:
        parts.append(tag("p", esc("No tariffs to put on a time axis."), class_="tf-empty"))
    parts += [_line_html(line, index) for index, line in enumerate(timeline.lines)]
    view = tag("div", "".join(parts), class_="tf-view tf-timeline")
    return (style_block() if styled else "") + view


def line_title(line: TariffLine) -> str:
    """``USA -> JPN, automobiles`` (``all partners`` / ``all goods`` when unstated)."""
    what = ", ".join(line.products) or "all goods"
    return f"{line.imposer or '?'} -> {line.target or 'all partners'}, {what}"


def point_label(point: TimelinePoint) -> str:
    """The tooltip of a marker: rate, status, dates and sources on one line each."""
    rows = [
        f"{number(point.rate_percent)}% {point.status}",
        f"date: {point.date.isoformat() if point.date else 'undated'}",
        f"effective: {point.effective.isoformat() if point.effective else '-'}",
        f"as of: {point.as_of.isoformat() if point.as_of else '-'}",
        f"sources: {', '.join(point.sources)}",
    ]
    if point.conflicting:
        rows.append("other sources state another rate or status that day")
    return "\n".join(rows)


def _legend() -> str:
    items = "".join(
        tag(
            "span",
            tag("span", "", class_="tf-swatch", style=f"background:{colour}") + esc(status),
            class_="tf-legend-item",
        )
        for status, colour in STATUS_COLOURS.items()
    )
    ring = tag("span", tag("span", "", class_="tf-swatch tf-ring") + esc("conflicting"))
    return tag("div", items + ring, class_="tf-legend")


def _line_html(line: TariffLine, index: int) -> str:
    count = len(line.points) + len(line.undated)
    chart = chart_svg(line) if line.points else ""
    body = chart + _points_table(line)
    return tag(
        "div",
        section(line_title(line), body, count),
        class_="tf-line",
        id=f"tf-line-{index}",
    )


def _points_table(line: TariffLine) -> str:
    headers = ["date", "rate", "status", "effective", "as of", "sources"]
    rows = [_row(p) for p in (*line.points, *line.undated)]
    return table(headers, rows)


def _row(point: TimelinePoint) -> list[str]:
    flag = tag("span", esc(" conflicting"), class_="tf-note") if point.conflicting else ""
    colour = STATUS_COLOURS.get(point.status, "#57606a")
    status = tag("span", esc(point.status), class_="tf-status", style=f"color:{colour}")
    return [
        esc(point.date.isoformat() if point.date else "undated"),
        tag("span", esc(f"{number(point.rate_percent)}%"), class_="tf-num"),
        status + flag,
        esc(point.effective.isoformat() if point.effective else ""),
        esc(point.as_of.isoformat() if point.as_of else ""),
        sources_cell(point.sources, point.evidence),
    ]


# --- the chart --------------------------------------------------------------------------


class _Scale:
    """Days to x pixels and rates to y pixels for one line."""

    def __init__(self, points: Sequence[TimelinePoint]) -> None:
        days = [p.date for p in points if p.date is not None]
        first, last = min(days), max(days)
        pad = max(7, (last - first).days // 20)
        self.first = first - dt.timedelta(days=pad)
        self.last = last + dt.timedelta(days=pad)
        self.top = max(10.0, max(p.rate_percent for p in points) * 1.1)

    def x(self, day: dt.date) -> float:
        span = (self.last - self.first).days or 1
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / span

    def y(self, rate: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - rate / self.top)


def chart_svg(line: TariffLine) -> str:
    """The step chart of one line: axes, the rate in force as steps, a marker per point."""
    scale = _Scale(line.points)
    parts = [_axes(scale), _steps(line, scale), _markers(line, scale)]
    label = f"Step chart of {line_title(line)}: {len(line.points)} dated points"
    return (
        f'<svg class="tf-chart" role="img"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"'
        f' aria-label="{esc(label)}">' + "".join(parts) + "</svg>"
    )


def _axes(scale: _Scale) -> str:
    bottom, right = HEIGHT - BOTTOM, WIDTH - RIGHT
    out = [
        f'<line class="tf-axis" x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>',
        f'<line class="tf-axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/>',
    ]
    for rate in _rate_ticks(scale.top):
        y = scale.y(rate)
        out.append(f'<line class="tf-grid" x1="{LEFT}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}"/>')
        out.append(
            f'<text class="tf-tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{esc(number(rate))}%</text>"
        )
    for day in _month_ticks(scale.first, scale.last):
        x = scale.x(day)
        out.append(
            f'<line class="tf-axis" x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 4}"/>'
        )
        out.append(
            f'<text class="tf-tick" x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">'
            f"{esc(day.strftime('%b %Y'))}</text>"
        )
    return "".join(out)


def _rate_ticks(top: float) -> list[float]:
    step = next(s for s in (5, 10, 25, 50, 100, 250, 500, 1000) if top / s <= 5)
    return [float(step * k) for k in range(int(top // step) + 1)]


def _month_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    day = dt.date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            months.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    every = max(1, -(-len(months) // 8))
    return months[::every]


def _steps(line: TariffLine, scale: _Scale) -> str:
    """The rate in force as a path: flat from each change to the next, gaps where none is."""
    days = sorted({p.date for p in line.points if p.date is not None})
    changes = [(day, in_force(line, day)) for day in days]
    segments: list[str] = []
    for n, (day, point) in enumerate(changes):
        if point is None:
            continue
        end = changes[n + 1][0] if n + 1 < len(changes) else scale.last
        x0, x1, y = scale.x(day), scale.x(end), scale.y(point.rate_percent)
        segments.append(f"M{x0:.1f},{y:.1f}H{x1:.1f}")
        following = changes[n + 1][1] if n + 1 < len(changes) else None
        if following is not None:
            segments.append(f"V{scale.y(following.rate_percent):.1f}")
    if not segments:
        return ""
    return f'<path class="tf-step" d="{"".join(segments)}" fill="none"/>'


def _markers(line: TariffLine, scale: _Scale) -> str:
    """One circle per dated point; points sharing a day and rate are set side by side."""
    seen: dict[tuple[dt.date, float], int] = defaultdict(int)
    out = []
    for index, point in enumerate(line.points):
        assert point.date is not None  # dated points only
        key = (point.date, point.rate_percent)
        shift = seen[key] * (2 * RADIUS + 2)
        seen[key] += 1
        colour = STATUS_COLOURS.get(point.status, "#57606a")
        ring = " tf-conflicting" if point.conflicting else ""
        out.append(
            f'<circle class="tf-point tf-{esc(point.status)}{ring}" data-point="{index}"'
            f' data-status="{esc(point.status)}" data-rate="{esc(number(point.rate_percent))}"'
            f' data-date="{point.date.isoformat()}" cx="{scale.x(point.date) + shift:.1f}"'
            f' cy="{scale.y(point.rate_percent):.1f}" r="{RADIUS}" fill="{colour}">'
            f"<title>{esc(point_label(point))}</title></circle>"
        )
    return "".join(out)


def timeline_report_html(timeline: Timeline, *, title: str = "tradefacts timeline") -> str:
    """A whole HTML document of the timeline (inline CSS, no scripts, nothing fetched)."""
    from .report import page_html

    body = tag("h1", esc(title), class_="tf-page-title") + tag(
        "div", timeline_html(timeline, styled=False), class_="tf-page-part"
    )
    return page_html(title, body)
