"""``tradefacts timeline``: the tariff timeline of articles, as text steps, JSON or HTML."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..errors import InvalidDateError
from ..models import TariffLine, Timeline, TimelinePoint
from ..reading import parse_published
from .build import timeline
from .products import product_group
from .query import in_force


def filter_lines(
    found: Timeline,
    imposer: str | None = None,
    target: str | None = None,
    product: str | None = None,
) -> Timeline:
    """The lines of ``found`` matching the filters given (codes compared upper-case; a product
    matches its group, "all" matches the all-goods line)."""
    wanted_product = None if product is None else product_group(product)
    lines = [
        line
        for line in found.lines
        if (imposer is None or line.imposer == imposer.upper())
        and (target is None or line.target == target.upper())
        and (
            wanted_product is None
            or line.products == ((wanted_product,) if wanted_product != "all" else ())
        )
    ]
    return Timeline(lines=tuple(lines))


def format_point(point: TimelinePoint) -> str:
    """``2025-08-07  15%  in_effect  effective 2025-08-07  as of 2025-07-23  [a, b]``."""
    day = point.date.isoformat() if point.date else "undated   "
    parts = [day, f"{point.rate_percent:g}%".rjust(5), point.status.ljust(10)]
    if point.effective:
        parts.append(f"effective {point.effective.isoformat()}")
    if point.as_of:
        parts.append(f"as of {point.as_of.isoformat()}")
    parts.append(f"[{', '.join(point.sources)}]")
    if point.conflicting:
        parts.append("CONFLICTING")
    return "  ".join(parts)


def format_timeline(found: Timeline) -> str:
    """Each line's heading, then its steps one per row (undated ones last)."""
    from ..view.timeline import line_title

    out: list[str] = []
    for line in found.lines:
        out.append(f"{line_title(line)} ({_count(line)})")
        out += ["  " + format_point(p) for p in (*line.points, *line.undated)]
    return "\n".join(out)


def _count(line: TariffLine) -> str:
    n = len(line.points) + len(line.undated)
    return f"{n} point" + ("" if n == 1 else "s")


def run(args: argparse.Namespace, articles: list[object]) -> int:
    """Build, filter and print (or write) the timeline; a filter matching nothing is a note."""
    try:
        day = parse_published(args.on) if args.on else None
    except InvalidDateError:
        raise InvalidDateError(f"invalid --on date {args.on!r}: expected YYYY-MM-DD") from None
    whole = timeline(articles)  # type: ignore[arg-type]
    found = filter_lines(whole, args.imposer, args.target, args.product)
    if day is not None:
        text = _in_force_rows(whole, found, args, day)
    else:
        if not found.lines:
            print("tradefacts: note: no tariff line matches", file=sys.stderr)
        if args.json:
            import json

            text = json.dumps(found.model_dump(mode="json"), indent=2, ensure_ascii=False)
        else:
            text = format_timeline(found)
    if args.output:
        from ..view.timeline import timeline_report_html

        Path(args.output).write_text(timeline_report_html(found), encoding="utf-8")
    if text:
        print(text)
    return 0


def _in_force_rows(whole: Timeline, found: Timeline, args: argparse.Namespace, day: date) -> str:
    """One row per line: the point in force on ``day``; a product without a line of its own
    falls back to the all-goods lines of the same sides (as ``Timeline.rate_on`` does)."""
    lines = list(found.lines)
    if args.product and not any(line.points for line in lines):
        lines = list(filter_lines(whole, args.imposer, args.target, "all").lines)
    if not lines:
        print("tradefacts: note: no tariff line matches", file=sys.stderr)
    rows = []
    for line in lines:
        point = in_force(line, day)
        rows.append(f"{_title(line)}: " + (format_point(point) if point else "no rate in force"))
    return "\n".join(rows)


def _title(line: TariffLine) -> str:
    from ..view.timeline import line_title

    return line_title(line)
