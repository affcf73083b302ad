"""The ``tradefacts`` command line: extract, merge, view, timeline, validate, schema, evaluate.

Exit codes: 0 success; 1 a document is not valid (``validate``); 2 bad input (missing or
unreadable file, malformed JSON, unknown schema, bad date, bad usage); 3 an internal error.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InputError, InputNotFoundError, TradefactsError, ValidationError

PROG = "tradefacts"
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
MANIFEST_NAME = "manifest.json"

EXIT_OK, EXIT_INVALID, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args_list)
    except ValidationError as exc:
        _error(str(exc).splitlines()[0] if isinstance(exc, InputError) else str(exc))
        return EXIT_INPUT if isinstance(exc, InputError) else EXIT_INVALID
    except TradefactsError as exc:
        _error(_one_line(str(exc)))
        return EXIT_INPUT
    except BrokenPipeError:  # `tradefacts merge seeds/ | head`: stop quietly
        _silence_stdout()
        return 141
    except OSError as exc:  # writing -o into a missing folder, a full disk, ...
        _error(_one_line(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as exc:  # noqa: BLE001 - the user sees one line, never a traceback
        _error(f"internal error: {type(exc).__name__}: {_one_line(str(exc))}")
        return EXIT_INTERNAL


def _run(argv: list[str]) -> int:
    if argv and argv[0] == "evaluate":
        from .evaluation import main as evaluate_main

        return int(evaluate_main(argv[1:]) or 0)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help / --version exit 0
        return int(exc.code) if isinstance(exc.code, int) else EXIT_INPUT
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_INPUT
    return int(args.handler(args))


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Typed, source-grounded facts from news articles about trade negotiations.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("extract", help="facts of each article (.txt/.html) as JSON")
    _add_inputs(p, "OUT.json", "write JSON here, not stdout")
    _add_dask(p)
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser("merge", help="fuse many articles into one CanonicalRecord")
    _add_inputs(p, "OUT.json", "also write the record as JSON")
    p.add_argument("--json", action="store_true", help="print the record JSON, not a summary")
    p.add_argument(
        "--by-event", action="store_true", help="group the articles by event: one record each"
    )
    _add_dask(p)
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("view", help="a self-contained HTML report of the facts")
    _add_inputs(p, "REPORT.html", "write HTML here, not stdout")
    p.add_argument("--merge", action="store_true", help="show the merged record, then each article")
    p.add_argument("--timeline", action="store_true", help="show the tariff timeline instead")
    p.set_defaults(handler=cmd_view, dask=None)

    p = sub.add_parser("timeline", help="tariff rates over time, per imposer, target and product")
    _add_inputs(p, "REPORT.html", "also write the timeline as an HTML report")
    p.add_argument("--imposer", metavar="ISO3", help="only lines of this imposer (e.g. USA)")
    p.add_argument("--target", metavar="ISO3", help="only lines on this target (e.g. JPN)")
    p.add_argument("--product", metavar="NAME", help="only this product group ('all': all goods)")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="print the rate in force on this day")
    p.add_argument("--json", action="store_true", help="print the Timeline JSON")
    p.set_defaults(handler=cmd_timeline, dask=None)

    p = sub.add_parser("validate", help="check a JSON file against a shipped schema")
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--schema", metavar="NAME", help="schema name (guessed when omitted)")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("schema", help="list the shipped schemas, print one, or write them all")
    p.add_argument("name", nargs="?", metavar="NAME")
    p.add_argument("--write", metavar="DIR", help="write every <Model>.schema.json into DIR")
    p.set_defaults(handler=cmd_schema)

    from .store.cli import add_commands as add_store_commands

    add_store_commands(sub)  # ingest, query, export

    sub.add_parser(
        "evaluate",
        help="score extraction against gold annotations (see `tradefacts evaluate --help`)",
        add_help=False,
    )
    return parser


# --- inputs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleInput:
    """One article file to read, and whether the user named it (not found in a folder)."""

    path: Path
    explicit: bool


def expand_paths(paths: Sequence[str]) -> list[ArticleInput]:
    """Files named directly, plus every .txt/.html in each folder (sorted by name)."""
    found: list[ArticleInput] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not files:
                raise InputError(f"{path}: no .txt or .html articles in this folder")
            found.extend(ArticleInput(p, explicit=False) for p in files)
        elif not path.exists():
            raise InputNotFoundError(f"{path}: no such file or folder")
        else:
            found.append(ArticleInput(path, explicit=True))
    return found


def manifest_dates(folder: Path) -> dict[str, dt.date]:
    """``file name -> published`` from ``folder/manifest.json`` (empty when absent)."""
    from .reading import parse_published

    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: unreadable manifest ({_one_line(str(exc))})") from None
    articles = data.get("articles", []) if isinstance(data, dict) else []
    dates: dict[str, dt.date] = {}
    for entry in articles:
        if isinstance(entry, dict) and entry.get("file") and entry.get("published"):
            date = parse_published(str(entry["published"]))
            if date is not None:
                dates[str(entry["file"])] = date
    return dates


def read_articles(
    inputs: Sequence[ArticleInput], published: str | None, use_manifest: bool
) -> Iterator[Any]:
    """``Source`` objects for the inputs; unreadable files found in folders are skipped."""
    from .reading import parse_published, read_source

    fixed = parse_published(published)
    manifests: dict[Path, dict[str, dt.date]] = {}
    for item in inputs:
        date = fixed
        if date is None and use_manifest:
            folder = item.path.parent
            if folder not in manifests:
                manifests[folder] = manifest_dates(folder)
            date = manifests[folder].get(item.path.name)
        try:
            yield read_source(item.path, published=date)
        except TradefactsError as exc:
            if item.explicit:
                raise
            _error(f"skipped {item.path}: {_one_line(str(exc))}")


def _extract(args: argparse.Namespace) -> list[Any]:
    from .extraction import extract_many

    inputs = expand_paths(args.paths)
    sources = list(read_articles(inputs, args.published, not args.no_manifest))
    if not sources:
        raise InputError("no readable articles")
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    if args.dask:
        return list(_extract_on_dask(args, sources, progress).compute())
    return list(extract_many(sources, progress=progress))


def _extract_on_dask(args: argparse.Namespace, sources: list[Any], progress: bool) -> Any:
    """Extract on the Dask cluster of ``--dask``; returns the Bag of facts kept there."""
    from .dask import connect, persist_extraction

    client = connect(args.dask)
    args.dask_client = client
    bag, errors = persist_extraction(client, sources, progress=progress)
    for failure in errors:
        _error(f"skipped {failure.doc_id}: {_one_line(failure.message)}")
    return bag


def _add_inputs(parser: argparse.ArgumentParser, output: str, output_help: str) -> None:
    """The arguments every reading command takes: paths, dates, an output file, progress."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="reference date for all inputs")
    parser.add_argument("-o", "--output", metavar=output, help=output_help)
    parser.add_argument("--no-manifest", action="store_true", help="ignore manifest.json dates")
    _add_progress(parser)


def _add_dask(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local'",
    )


def _add_progress(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )


# --- commands -----------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    """``tradefacts extract``: ArticleFacts JSON (one object, or a list for several inputs)."""
    facts = _extract(args)
    several = len(facts) > 1 or any(Path(p).is_dir() for p in args.paths)
    payload: Any = [f.model_dump(mode="json") for f in facts]
    _emit(payload if several else payload[0], args.output)
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    """``tradefacts merge``: a readable summary of the CanonicalRecord (JSON with -o/--json)."""
    from .merging import format_summary, merge

    if args.by_event:
        return _merge_by_event(args)
    if args.dask:
        from .dask import merge_bag

        record = merge_bag(_extract_dask_bag(args)).compute()
    else:
        record = merge(_extract(args))
    if args.output:
        _write_json(record.model_dump(mode="json"), args.output)
    if args.json:
        _emit(record.model_dump(mode="json"), None)
    else:
        print(format_summary(record))
    return EXIT_OK


def _extract_dask_bag(args: argparse.Namespace) -> Any:
    inputs = expand_paths(args.paths)
    sources = list(read_articles(inputs, args.published, not args.no_manifest))
    if not sources:
        raise InputError("no readable articles")
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    return _extract_on_dask(args, sources, progress)


def _merge_by_event(args: argparse.Namespace) -> int:
    """``merge --by-event``: one summary per event, largest first (a JSON list with -o/--json)."""
    from .merging import format_summary
    from .merging.grouping import group

    if args.dask:
        from .dask import group_bag

        records = group_bag(_extract_dask_bag(args))
    else:
        records = group(_extract(args))
    payload = [record.model_dump(mode="json") for record in records]
    if args.output:
        _write_json(payload, args.output)
    if args.json:
        _emit(payload, None)
        return EXIT_OK
    for number, record in enumerate(records, 1):
        print(f"=== Event {number} of {len(records)} ===")
        print(format_summary(record))
    return EXIT_OK


def cmd_view(args: argparse.Namespace) -> int:
    """``tradefacts view``: an HTML report (inline CSS, no scripts) of articles or the record."""
    from .view import report_html

    articles = _extract(args)
    if args.timeline:
        from .timelines import timeline
        from .view import timeline_report_html

        page = timeline_report_html(timeline(articles), title="tradefacts: tariff timeline")
        _write_page(page, args.output)
        return EXIT_OK
    record = None
    if args.merge:
        from .merging import merge

        record = merge(articles)
    title = "tradefacts: " + (
        f"{len(articles)} articles merged" if record else ", ".join(a.doc_id for a in articles)
    )
    page = report_html(articles, record, title=title)
    if args.output:
        Path(args.output).write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
    return EXIT_OK


def _write_page(page: str, output: str | None) -> None:
    if output:
        Path(output).write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)


def cmd_timeline(args: argparse.Namespace) -> int:
    """``tradefacts timeline``: each line's steps (JSON with --json, HTML with -o)."""
    from .timelines.command import run

    return run(args, _extract(args))


def cmd_validate(args: argparse.Namespace) -> int:
    """``tradefacts validate``: 0 valid, 1 invalid (every failing path listed), 2 bad input."""
    from .validation import guess_schema, load_document, validate

    path = Path(args.file)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a JSON file")
    document = load_document(path)
    name = args.schema or guess_schema(document)
    validate(document, schema=name)
    count = f" ({len(document)} documents)" if isinstance(document, list) else ""
    print(f"{path}: valid {name}{count}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """``tradefacts schema``: list names; ``NAME`` prints one; ``--write DIR`` writes all."""
    from .schema import schema_names, schema_text, write_schemas

    if args.write:
        for path in write_schemas(args.write):
            print(path)
        return EXIT_OK
    if args.name:
        sys.stdout.write(schema_text(args.name))
        return EXIT_OK
    print("\n".join(schema_names()))
    return EXIT_OK


# --- output -------------------------------------------------------------------------------


def _dumps(payload: Any) -> str:
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _write_json(payload: Any, output: str) -> None:
    Path(output).write_text(_dumps(payload), encoding="utf-8")


def _emit(payload: Any, output: str | None) -> None:
    if output:
        _write_json(payload, output)
    else:
        sys.stdout.write(_dumps(payload))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)
