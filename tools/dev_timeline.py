"""Print the tariff timeline of a gold-annotated corpus, each article dated by its gold file.

    python tools/dev_timeline.py --texts .corpus/dev --gold ../shared/dev/gold \\
        [--line USA CHN --line USA JPN ...] [--on 2025-09-01 ...] [-o timeline.html]

Gold files (``<id>.gold.json``) give each text's ``published`` date, as ``tradefacts
evaluate`` uses them. Prints each asked line's steps (all lines when none is asked), then the
rate in force on each ``--on`` day.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import tradefacts
from tradefacts.reading import read_source
from tradefacts.timelines.command import filter_lines, format_point, format_timeline
from tradefacts.view import timeline_report_html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", required=True, type=Path)
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--line", nargs=2, action="append", metavar=("IMPOSER", "TARGET"))
    parser.add_argument("--on", action="append", default=[], metavar="YYYY-MM-DD")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    sources = []
    for path in sorted(args.texts.glob("*.txt")):
        gold = args.gold / f"{path.stem}.gold.json"
        published = json.loads(gold.read_text("utf-8")).get("published") if gold.is_file() else None
        sources.append(read_source(path, published=published))
    timeline = tradefacts.timeline(list(tradefacts.extract_many(sources)))
    pairs = [tuple(pair) for pair in args.line or []]
    shown = [filter_lines(timeline, imposer, target) for imposer, target in pairs] or [timeline]
    for part in shown:
        print(format_timeline(part), end="\n\n")
    for day in args.on:
        for imposer, target in pairs:
            point = timeline.rate_on(imposer, target, on=day)
            print(day, f"{imposer}->{target}", format_point(point) if point else "-")
    n_points = sum(len(line.points) + len(line.undated) for line in timeline.lines)
    print(f"{len(sources)} articles, {len(timeline.lines)} lines, {n_points} points")
    if args.output:
        args.output.write_text(timeline_report_html(timeline, title="dev timeline"), "utf-8")


if __name__ == "__main__":
    main()
