"""The ``tradefacts evaluate`` command."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .gold import GoldError
from .report import format_report, report_to_dict
from .runner import evaluate


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradefacts evaluate",
        description="Score extraction (and merge) against gold annotations (*.gold.json).",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--gold", type=Path, help="folder of *.gold.json files")
    source.add_argument(
        "--timeml",
        type=Path,
        metavar="DIR",
        help="folder of TimeML .tml files: score the dates (TIMEX3) instead",
    )
    parser.add_argument("--texts", type=Path, default=None, help="folder of the article texts")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false hits")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    """``tradefacts evaluate``: 0 when it ran, 2 on bad input (folder, gold file, text)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    if args.timeml is not None:
        return _timeml(args.timeml, verbose=args.verbose, as_json=args.json)
    try:
        report = evaluate(args.gold, args.texts)
    except GoldError as exc:
        print(f"tradefacts evaluate: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report_to_dict(report, verbose=args.verbose), indent=2))
    else:
        print(format_report(report, verbose=args.verbose))
    return 0


def _timeml(folder: Path, *, verbose: bool, as_json: bool) -> int:
    """``--timeml DIR``: TIMEX3 scores per type (DATE, TIME, DURATION, SET)."""
    from .timeml import evaluate_timeml, format_timeml_report, timeml_report_dict

    try:
        scores = evaluate_timeml(folder)
    except GoldError as exc:
        print(f"tradefacts evaluate: error: {exc}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(timeml_report_dict(scores), indent=2))
    else:
        print(format_timeml_report(scores, verbose=verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
