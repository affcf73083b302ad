"""Incremental ingest: extract only the articles whose text is not stored yet.

An article is its text: its sha256 identifies it, whatever the path. A path seen before with
another text is re-extracted under its doc_id, replacing its rows. Articles are parsed and
written a batch at a time, each batch in one transaction, so a killed ingest leaves only whole
articles, loses at most one batch of work, and the next run picks up where it stopped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputNotFoundError, TradefactsError
from ..reading import Source, parse_published, read_source
from .factstore import Meta, _meta

if TYPE_CHECKING:
    from ..models import ArticleFacts
    from .factstore import FactStore

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
#: Articles parsed together and then stored in one transaction (an article is never split
#: across transactions): a killed ingest loses at most the batch being parsed or written.
BATCH_SIZE = 8


@dataclass
class IngestSummary:
    """What one ingest did; ``failures`` lists ``(path, reason)``."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    stale: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        line = (
            f"{self.new} new, {self.unchanged} unchanged, {self.replaced} replaced, "
            f"{self.failed} failed"
        )
        if self.stale:
            line += f" ({self.stale} stored articles are from another tradefacts version: --force)"
        return line


def content_sha256(text: str) -> str:
    """The sha256 of an article's text (after reading: HTML is reduced to its text)."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files given, plus every .txt/.html of each folder (sorted), each once."""
    if isinstance(paths, str | Path):
        paths = [paths]
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            files = [path]
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


class _Index:
    """What the store holds: doc_ids, texts and paths, kept current while ingesting."""

    def __init__(self, store: FactStore) -> None:
        rows = store.con.execute("SELECT doc_id, sha256, path, status FROM articles").fetchall()
        self.taken = {doc for doc, _, _, _ in rows}
        self.by_hash = {sha: doc for doc, sha, _, status in rows if sha and status == "ok"}
        self.by_path = {path: (doc, sha, status) for doc, sha, path, status in rows if path}

    def new_doc_id(self, path: Path, sha: str | None) -> str:
        """The file name, or the name with part of the hash when another article has it."""
        doc_id = path.name
        if doc_id in self.taken:
            doc_id = f"{path.stem}-{(sha or 'failed')[:8]}{path.suffix}"
        number = 2
        while doc_id in self.taken:
            doc_id, number = f"{path.stem}-{number}{path.suffix}", number + 1
        self.taken.add(doc_id)
        return doc_id


def ingest(
    store: FactStore,
    paths: Iterable[str | Path],
    *,
    progress: bool = True,
    published: dt.date | str | None = None,
    force: bool = False,
    manifest: bool = True,
    dask: bool = False,
    parquet_dir: str | Path | None = None,
) -> IngestSummary:
    """``FactStore.ingest``: see there."""
    store._require_writable()
    files = article_files(paths)
    summary = IngestSummary()
    index = _Index(store)
    bar = _progress_bar(len(files), progress)
    todo = _plan(store, files, index, summary, bar, parse_published(published), force, manifest)
    try:
        if dask:
            planned = list(todo)
            _ingest_on_dask(store, planned, summary, parquet_dir)
            if bar is not None:
                bar.update(len(planned))
        else:
            _ingest_here(store, todo, summary, bar)
    finally:
        if bar is not None:
            bar.close()
    summary.stale = len(store.stale())
    return summary


def _plan(
    store: FactStore,
    files: list[Path],
    index: _Index,
    summary: IngestSummary,
    bar: Any,
    published: dt.date | None,
    force: bool,
    manifest: bool,
) -> Iterator[tuple[Source, Meta]]:
    """Read each file; yield the ones to extract with their ``articles`` row; record the
    files that cannot be read as failed; count the unchanged ones."""
    from ..cli import manifest_dates

    dates: dict[Path, dict[str, dt.date]] = {}
    queued: set[str] = set()
    for path in files:
        where = str(path.resolve())
        before = index.by_path.get(where)
        date = published
        if date is None and manifest:
            if path.parent not in dates:
                dates[path.parent] = _manifest(manifest_dates, path.parent)
            date = dates[path.parent].get(path.name)
        try:
            source = read_source(path, published=date)
        except TradefactsError as exc:
            _record_failure(store, index, path, where, before, exc, summary)
            _tick(bar)
            continue
        sha = content_sha256(source.text)
        if sha in queued or (sha in index.by_hash and not force):
            summary.unchanged += 1
            _tick(bar)
            continue
        queued.add(sha)
        if sha in index.by_hash:  # forced: the same article again
            doc_id = index.by_hash[sha]
        elif before is not None:
            doc_id = before[0]
        else:
            doc_id = index.new_doc_id(path, sha)
        meta = _meta(doc_id, published=date, sha256=sha, path=where)
        meta["replaces"] = sha in index.by_hash or (before is not None and before[2] == "ok")
        yield Source(text=source.text, doc_id=doc_id, published=date), meta


def _manifest(read: Any, folder: Path) -> dict[str, dt.date]:
    try:
        return dict(read(folder))
    except TradefactsError:
        return {}


def _record_failure(
    store: FactStore,
    index: _Index,
    path: Path,
    where: str,
    before: tuple[str, str | None, str] | None,
    exc: TradefactsError,
    summary: IngestSummary,
) -> None:
    reason = " ".join(str(exc).split())
    summary.failed += 1
    summary.failures.append((str(path), reason))
    if isinstance(exc, InputNotFoundError):
        return  # nothing there to record
    if before is not None and before[2] == "ok":
        return  # keep the article read earlier from this path
    doc_id = before[0] if before is not None else index.new_doc_id(path, None)
    store.write([(None, _meta(doc_id, path=where, error=reason))])


def _ingest_here(
    store: FactStore, todo: Iterator[tuple[Source, Meta]], summary: IngestSummary, bar: Any
) -> None:
    from ..extraction import extract_many

    pending: dict[str, Meta] = {}
    parsed: list[tuple[ArticleFacts, Meta]] = []

    def sources() -> Iterator[Source]:
        for source, meta in todo:
            pending[source.doc_id] = meta
            yield source

    def flush() -> None:
        store.write([(facts, _row(meta)) for facts, meta in parsed])  # whole articles or none
        for _, meta in parsed:
            _count(summary, meta)
            _tick(bar)
        parsed.clear()

    for facts in extract_many(sources(), batch_size=BATCH_SIZE):
        parsed.append((facts, pending.pop(facts.doc_id)))
        if len(parsed) >= BATCH_SIZE:
            flush()
    flush()


def _ingest_on_dask(
    store: FactStore,
    todo: list[tuple[Source, Meta]],
    summary: IngestSummary,
    parquet_dir: str | Path | None,
) -> None:
    from .scale import write_parquet

    if not todo:
        return
    if parquet_dir is not None:
        directory, cleanup = Path(parquet_dir), False
    else:
        near = Path(store.path).resolve().parent if store.path != ":memory:" else None
        directory, cleanup = Path(tempfile.mkdtemp(prefix="tradefacts-parts-", dir=near)), True
    try:
        write_parquet([(source, _row(meta)) for source, meta in todo], directory)
        store.load_parquet(directory)
    finally:
        if cleanup:
            shutil.rmtree(directory, ignore_errors=True)
    for _, meta in todo:
        _count(summary, meta)


def _row(meta: Meta) -> Meta:
    return {key: value for key, value in meta.items() if key != "replaces"}


def _count(summary: IngestSummary, meta: Meta) -> None:
    if meta.get("replaces"):
        summary.replaced += 1
    else:
        summary.new += 1


def _progress_bar(total: int, progress: bool) -> Any:
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, unit="article", leave=False)


def _tick(bar: Any) -> None:
    if bar is not None:
        bar.update(1)
