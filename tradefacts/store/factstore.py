"""``FactStore``: the facts of a corpus in one DuckDB file, queried with SQL.

Tables (see ``tables.py``): ``entities``, ``quantities``, ``tariffs``, ``statements``,
``events`` and ``evidence`` with the columns and dtypes of ``tradefacts.frames``, and
``articles``. Every write is one transaction: an article is in the store whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..dataframes import FACT_COLUMNS
from ..errors import InputError
from ..models import ArticleFacts
from . import require_duckdb
from .errors import (
    ReadOnlyQueryError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreNotFoundError,
    UnknownArticleError,
)
from .tables import (
    TABLES,
    arrow_table,
    arrow_tables,
    create_statements,
    lossless,
    rebuild,
    table_columns,
)

if TYPE_CHECKING:
    import pandas

    from ..models import CanonicalRecord, Timeline
    from .ingest import IngestSummary

MEMORY = ":memory:"
#: Statement types ``sql`` runs; anything else (DROP, INSERT, COPY, ATTACH...) is refused.
READ_STATEMENTS = ("SELECT", "EXPLAIN")

Meta = dict[str, Any]


class FactStore:
    """The facts of many articles in a DuckDB file; use it as a context manager."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self._duckdb = require_duckdb()
        self.path = str(path)
        self.read_only = read_only
        self._con: Any = None
        if self.path != MEMORY:
            _check_file(Path(self.path), read_only)
            # a read-only look first: a damaged file fails here, before any write could touch it
            if Path(self.path).exists():
                probe = self._connect(read_only=True)
                try:
                    self._check_size(probe)
                except BaseException:
                    probe.close()
                    raise
                if read_only:
                    self._con = probe
                    return
                probe.close()
        self._con = self._connect(read_only=read_only)
        if not read_only:
            with self._errors():
                for statement in create_statements():
                    self._con.execute(statement)
                self._add_missing_columns()

    # --- life cycle -----------------------------------------------------------------------

    def _connect(self, *, read_only: bool) -> Any:
        try:
            return self._duckdb.connect(self.path, read_only=read_only)
        except self._duckdb.Error as exc:
            raise _open_error(self.path, exc) from None

    def _check_size(self, con: Any) -> None:
        """A file shorter than the blocks its header counts was cut short."""
        sql = "SELECT block_size, total_blocks FROM pragma_database_size()"
        try:
            block_size, blocks = con.execute(sql).fetchall()[0]
        except self._duckdb.Error as exc:
            raise _open_error(self.path, exc) from None
        if Path(self.path).stat().st_size < int(block_size) * int(blocks):
            raise StoreCorruptError(f"{self.path}: the fact store is truncated (left unchanged)")

    def close(self) -> None:
        """Commit nothing more and release the file (safe to call twice)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> FactStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._con is None else ("read-only" if self.read_only else "open")
        return f"<FactStore {self.path} ({state})>"

    @property
    def con(self) -> Any:
        """The DuckDB connection (for anything ``sql`` does not cover)."""
        if self._con is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._con

    def _errors(self) -> Any:
        return _Translate(self._duckdb, self.path)

    def _add_missing_columns(self) -> None:
        """Columns added to a table by a later tradefacts (existing rows get NULL)."""
        for name in ["articles", *TABLES]:
            have = {row[0] for row in self.con.execute(f"DESCRIBE {name}").fetchall()}
            for column, sql_type in table_columns(name).items():
                if column not in have:
                    self.con.execute(f'ALTER TABLE {name} ADD COLUMN "{column}" {sql_type}')

    # --- writing --------------------------------------------------------------------------

    def add(self, facts: ArticleFacts | Iterable[ArticleFacts]) -> int:
        """Store articles' facts in one transaction, replacing any stored under the same
        doc_id; returns how many were stored."""
        items = [facts] if isinstance(facts, ArticleFacts) else list(facts)
        if not all(isinstance(item, ArticleFacts) for item in items):
            raise InputError("FactStore.add expects ArticleFacts or an iterable of them")
        metas = [_meta(item.doc_id, published=item.published) for item in items]
        self.write(list(zip(items, metas, strict=True)))
        return len(items)

    def write(self, batch: list[tuple[ArticleFacts | None, Meta]]) -> None:
        """Store ``(facts, articles row)`` pairs in one transaction (``facts`` is None for a
        failed file); rows already stored under those doc_ids are replaced."""
        if not batch:
            return
        self._require_writable()
        docs = [meta["doc_id"] for _, meta in batch]
        if len(set(docs)) != len(docs):
            raise InputError("FactStore.add: the same doc_id twice in one call")
        facts = [item for item, _ in batch if item is not None]
        for item in facts:
            _check_evidence(item)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        articles = []
        for stored, meta in batch:
            row = {**meta, "extracted_at": now}
            if stored is not None and not lossless(stored):
                row["facts_json"] = stored.model_dump_json()
            articles.append(row)
        tables = {"articles": arrow_table("articles", articles), **arrow_tables(facts)}
        con = self.con
        with self._errors():
            con.execute("BEGIN TRANSACTION")
            try:
                docs_table = arrow_table("docs", [{"doc_id": doc} for doc in docs])
                con.register("_tf_docs", docs_table)
                held = "SELECT doc_id FROM articles WHERE doc_id IN (SELECT doc_id FROM _tf_docs)"
                if con.execute(f"SELECT count(*) FROM ({held})").fetchall()[0][0]:
                    for name in ["articles", *TABLES]:
                        sql = f"DELETE FROM {name} WHERE doc_id IN (SELECT doc_id FROM _tf_docs)"
                        con.execute(sql)
                for name, table in tables.items():
                    if table.num_rows:
                        con.register("_tf_rows", table)
                        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _tf_rows")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            finally:
                for view in ("_tf_rows", "_tf_docs"):
                    con.unregister(view)

    def remove(self, doc_ids: Iterable[str]) -> None:
        """Delete articles and their facts, in one transaction."""
        self._require_writable()
        frame = _pandas().DataFrame({"doc_id": list(doc_ids)})
        with self._errors():
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.register("_tf_docs", frame)
                for name in ["articles", *TABLES]:
                    sql = f"DELETE FROM {name} WHERE doc_id IN (SELECT doc_id FROM _tf_docs)"
                    self.con.execute(sql)
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            finally:
                self.con.unregister("_tf_docs")

    def ingest(
        self,
        paths: Iterable[str | Path],
        progress: bool = True,
        *,
        published: dt.date | str | None = None,
        force: bool = False,
        manifest: bool = True,
        dask: bool = False,
        parquet_dir: str | Path | None = None,
    ) -> IngestSummary:
        """Extract and store the articles (files, or folders of .txt/.html) not stored yet.

        A text whose sha256 is stored is skipped (under any path); a path whose text changed
        is re-extracted and replaces its rows; ``force`` re-extracts everything. A file that
        cannot be read is stored as failed with the reason. ``dask=True`` extracts on the
        current Dask scheduler, which writes Parquet into ``parquet_dir`` (default: a folder
        next to the store, removed afterwards), then loads it. Returns the counts.
        """
        from .ingest import ingest

        with self._errors():
            return ingest(
                self,
                paths,
                progress=progress,
                published=published,
                force=force,
                manifest=manifest,
                dask=dask,
                parquet_dir=parquet_dir,
            )

    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyQueryError(f"{self.path}: the store is open read-only")

    # --- reading --------------------------------------------------------------------------

    def sql(self, query: str) -> pandas.DataFrame:
        """The result of a read-only SQL query (SELECT, WITH ... SELECT, EXPLAIN)."""
        if not isinstance(query, str) or not query.strip():
            raise InputError("the query is empty")
        with self._errors():
            statements = self.con.extract_statements(query)
            for statement in statements:
                kind = statement.type.name
                if kind not in READ_STATEMENTS:
                    raise ReadOnlyQueryError(
                        f"queries are read-only: a {kind} statement cannot run here"
                    )
            result = None
            for statement in statements:
                result = self.con.sql(statement.query)
            if result is None:
                return _pandas().DataFrame()
            return result.df()

    def frames(self) -> dict[str, pandas.DataFrame]:
        """Every stored fact as ``tradefacts.frames`` gives them (same columns and dtypes),
        in the order articles were stored."""
        return {name: self._table(name, TABLES[name]) for name in TABLES}

    def articles(self) -> pandas.DataFrame:
        """The ``articles`` table: one row per stored or failed article file."""
        with self._errors():
            return self.con.sql("SELECT * FROM articles").df()

    def _table(self, name: str, columns: dict[str, str]) -> pandas.DataFrame:
        listed = ", ".join(f'"{c}"' for c in columns)
        with self._errors():
            frame = self.con.sql(f"SELECT {listed} FROM {name}").df()
        return frame.astype(columns)

    def doc_ids(self) -> list[str]:
        """The doc_ids of the stored articles (failed files excluded), in stored order."""
        with self._errors():
            rows = self.con.execute("SELECT doc_id FROM articles WHERE status = 'ok'").fetchall()
        return [row[0] for row in rows]

    def stale(self) -> list[str]:
        """doc_ids of the articles extracted by another tradefacts version than this one."""
        sql = "SELECT doc_id FROM articles WHERE status = 'ok' AND version IS DISTINCT FROM ?"
        with self._errors():
            return [row[0] for row in self.con.execute(sql, [__version__]).fetchall()]

    def facts(self, doc_id: str) -> ArticleFacts:
        """The ``ArticleFacts`` stored under ``doc_id`` (equal to what was added)."""
        found = list(self._read_facts("WHERE doc_id = ?", [doc_id]))
        if not found:
            raise UnknownArticleError(f"{self.path}: no article {doc_id!r} in the store")
        return found[0]

    def all_facts(self) -> Iterator[ArticleFacts]:
        """The ``ArticleFacts`` of every stored article, in stored order."""
        return self._read_facts("", [])

    def _read_facts(self, where: str, params: list[Any]) -> Iterator[ArticleFacts]:
        con = self.con
        with self._errors():
            condition = f"{where} AND status = 'ok'" if where else "WHERE status = 'ok'"
            heads = con.execute(
                f"SELECT doc_id, published, facts_json FROM articles {condition}", params
            ).fetchall()
            # a store written before a table existed (dates), opened read-only, lacks it
            present = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
            by_table = {
                name: _grouped(con, name, where, params) if name in present else {}
                for name in TABLES
            }
        for doc_id, published, facts_json in heads:
            if facts_json is not None:
                yield ArticleFacts.model_validate_json(facts_json)
                continue
            rows = {name: by_table[name].get(doc_id, []) for name in TABLES}
            yield rebuild(doc_id, published, rows, rows.pop("evidence"))

    def merge(self, *, by_event: bool = False) -> CanonicalRecord | list[CanonicalRecord]:
        """``tradefacts.merge`` of every stored article, or with ``by_event`` the records of
        ``tradefacts.group`` (one per event, largest first)."""
        facts = list(self.all_facts())
        if by_event:
            from ..merging.grouping import group

            return group(facts)
        from ..merging import merge

        return merge(facts)

    def timeline(
        self, imposer: str | None = None, target: str | None = None, product: str | None = None
    ) -> Timeline:
        """``tradefacts.timeline`` of every stored article's tariffs, narrowed to the lines of
        ``imposer``, ``target`` and ``product`` when given (as ``tradefacts timeline`` does)."""
        from ..timelines import timeline
        from ..timelines.command import filter_lines

        return filter_lines(timeline(self.all_facts()), imposer, target, product)

    # --- Parquet --------------------------------------------------------------------------

    def export_parquet(
        self, directory: str | Path, *, part: int = 0, overwrite: bool = False
    ) -> list[Path]:
        """Write every table as ``DIRECTORY/<table>/part-<part>.parquet`` (the same columns);
        refuses a folder that already holds Parquet files unless ``overwrite``."""
        root = Path(directory)
        names = [*TABLES, "articles"]
        targets = [root / name / f"part-{part:05d}.parquet" for name in names]
        if not overwrite:
            for target in targets:
                if target.parent.is_dir() and any(target.parent.glob("*.parquet")):
                    raise StoreError(f"{target.parent}: already holds Parquet files")
        try:
            for target in targets:
                target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{root}: cannot write there ({exc.strerror or exc})") from None
        with self._errors():
            for name, target in zip(names, targets, strict=True):
                listed = ", ".join(f'"{c}"' for c in table_columns(name))
                self.con.execute(
                    f"COPY (SELECT {listed} FROM {name}) TO {_quote(str(target))} (FORMAT parquet)"
                )
        return targets

    def load_parquet(self, directory: str | Path) -> int:
        """Load what ``export_parquet`` (or the Dask path) wrote into ``directory``, in one
        transaction, replacing articles stored under the same doc_ids; returns how many."""
        self._require_writable()
        root = Path(directory)
        if not any((root / "articles").glob("*.parquet")):
            return 0
        con = self.con
        source = {
            name: f"read_parquet({_quote(str(root / name / '*.parquet'))}, union_by_name = true)"
            for name in ["articles", *TABLES]
            if any((root / name).glob("*.parquet"))
        }
        with self._errors():
            con.execute("BEGIN TRANSACTION")
            try:
                docs = f"SELECT doc_id FROM {source['articles']}"
                for name in ["articles", *TABLES]:
                    con.execute(f"DELETE FROM {name} WHERE doc_id IN ({docs})")
                for name, read in source.items():
                    con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {read}")
                count = con.execute(f"SELECT count(*) FROM {source['articles']}").fetchall()[0][0]
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return int(count)


def _meta(
    doc_id: str,
    *,
    published: dt.date | None = None,
    sha256: str | None = None,
    path: str | None = None,
    error: str | None = None,
) -> Meta:
    """The ``articles`` row of one article (``extracted_at`` is set when it is written)."""
    return {
        "doc_id": doc_id,
        "sha256": sha256,
        "published": published,
        "path": path,
        "version": __version__,
        "status": "failed" if error else "ok",
        "error": error,
        "facts_json": None,
    }


def _grouped(con: Any, name: str, where: str, params: list[Any]) -> dict[str, list[dict]]:
    cursor = con.execute(f"SELECT * FROM {name} {where}", params)
    columns = [d[0] for d in cursor.description]
    out: dict[str, list[dict]] = {}
    for values in cursor.fetchall():
        row = dict(zip(columns, values, strict=True))
        out.setdefault(row["doc_id"], []).append(row)
    return out


def _check_evidence(facts: ArticleFacts) -> None:
    for kind in FACT_COLUMNS:
        for fact in getattr(facts, kind):
            for ev in fact.evidence:
                if ev.doc_id != facts.doc_id:
                    raise InputError(
                        f"article {facts.doc_id!r} has evidence from {ev.doc_id!r}: the store "
                        "keeps an article's own evidence only"
                    )


def _check_file(path: Path, read_only: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, expected a DuckDB file")
    if not path.exists():
        if read_only:
            raise StoreNotFoundError(f"{path}: no such fact store")
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if head[8:12] != b"DUCK":
        raise StoreCorruptError(f"{path}: not a DuckDB database (left unchanged)")


_LOCK_PID = re.compile(r"\(PID (\d+)\)")


def _open_error(path: str, exc: Exception) -> StoreError:
    message = " ".join(str(exc).split())
    if "Could not set lock" in message:
        pid = _LOCK_PID.search(message)
        who = f" (PID {pid.group(1)})" if pid else ""
        return StoreLockedError(
            f"{path}: in use by another process{who}; DuckDB allows one writer at a time"
        )
    damaged = ("not a valid DuckDB", "Corrupt", "checksum", "Could not read enough bytes")
    if any(sign in message for sign in damaged):
        return StoreCorruptError(f"{path}: a damaged fact store (left unchanged): {message}")
    return StoreError(f"{path}: cannot open the fact store: {message}")


class _Translate:
    """Turns DuckDB errors into one-line ``StoreError``s."""

    def __init__(self, duckdb: Any, path: str) -> None:
        self._duckdb, self._path = duckdb, path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        if exc is not None and isinstance(exc, self._duckdb.Error):
            message = " ".join(str(exc).split())
            if "read-only mode" in message:
                raise ReadOnlyQueryError(
                    f"{self._path}: the store is read-only ({message})"
                ) from None
            if "Corrupt" in message or "Could not read enough bytes" in message:
                raise StoreCorruptError(
                    f"{self._path}: the fact store is damaged: {message}"
                ) from None
            raise StoreError(f"{self._path}: {message}") from None


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _pandas() -> Any:
    from ..dataframes import _pandas as load

    return load()
