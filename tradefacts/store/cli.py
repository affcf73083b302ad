"""``tradefacts ingest``, ``query`` and ``export``: the fact store on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..cli import EXIT_OK, _add_dask, _add_progress, _error, _one_line
from ..errors import InputError, InputNotFoundError

DB_HELP = "the DuckDB fact store (created by ingest when missing)"


def add_commands(sub: Any) -> None:
    """Add the store's subcommands to the ``tradefacts`` parser."""
    p = sub.add_parser("ingest", help="extract new or changed articles into a DuckDB fact store")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("--db", required=True, metavar="FACTS.duckdb", help=DB_HELP)
    p.add_argument("--published", metavar="YYYY-MM-DD", help="reference date for all inputs")
    p.add_argument("--no-manifest", action="store_true", help="ignore manifest.json dates")
    p.add_argument("--force", action="store_true", help="re-extract articles already stored")
    p.add_argument("--parquet", metavar="DIR", help="with --dask: shared folder for the parts")
    _add_dask(p)
    _add_progress(p)
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("query", help="run a read-only SQL query on a fact store")
    p.add_argument("query", metavar="SQL")
    p.add_argument("--db", required=True, metavar="FACTS.duckdb", help="the fact store")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON records, not a table")
    fmt.add_argument("--csv", action="store_true", help="print CSV, not a table")
    p.set_defaults(handler=cmd_query)

    p = sub.add_parser("export", help="write a fact store's tables as Parquet")
    p.add_argument("--db", required=True, metavar="FACTS.duckdb", help="the fact store")
    p.add_argument("--parquet", required=True, metavar="DIR", help="write DIR/<table>/*.parquet")
    p.set_defaults(handler=cmd_export)


def cmd_ingest(args: argparse.Namespace) -> int:
    """``tradefacts ingest``: store new and changed articles; prints a one-line summary."""
    from . import open_store

    for raw in args.paths:
        if not Path(raw).exists():
            raise InputNotFoundError(f"{raw}: no such file or folder")
    if args.parquet and not args.dask:
        raise InputError("--parquet goes with --dask")
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    client = None
    if args.dask:
        from ..dask import connect

        client = connect(args.dask)
    try:
        with open_store(args.db) as store:
            summary = store.ingest(
                args.paths,
                progress=progress,
                published=args.published,
                force=args.force,
                manifest=not args.no_manifest,
                dask=client is not None,
                parquet_dir=args.parquet,
            )
    finally:
        if client is not None:
            client.close()
    for _, reason in summary.failures:
        _error(f"failed: {_one_line(reason)}")
    print(summary)
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    """``tradefacts query``: the result as a table (``--json`` records, ``--csv``)."""
    from . import open_store

    with open_store(args.db, read_only=True) as store:
        frame = store.sql(args.query)
    if args.json:
        records = json.loads(frame.to_json(orient="records", date_format="iso"))
        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    elif args.csv:
        sys.stdout.write(frame.to_csv(index=False))
    elif frame.empty:
        print("  ".join(map(str, frame.columns)))
        print("(0 rows)")
    else:
        print(frame.to_string(index=False, max_colwidth=80))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """``tradefacts export``: every table as ``DIR/<table>/part-00000.parquet``."""
    from . import open_store

    with open_store(args.db, read_only=True) as store:
        written = store.export_parquet(args.parquet)
    print(f"wrote {len(written)} tables to {args.parquet}")
    return EXIT_OK
