"""The Dask path: each partition extracts its articles and writes one Parquet file per table.

``write_parquet(items, directory)`` runs on the current Dask scheduler (a
``distributed.Client`` when one exists). Partition ``n`` writes
``DIRECTORY/<table>/part-<n>.parquet`` with the store's columns, through an in-memory
``FactStore``, so ``duckdb.read_parquet``, ``pandas.read_parquet`` and
``FactStore.load_parquet`` read the folder. A rerun partition overwrites its own files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..reading import Source

#: Articles per partition (one Parquet file per table each).
PARTITION_SIZE = 8

Entry = tuple[Source, dict[str, Any]]


def write_parquet(
    items: Sequence[Entry], directory: str | Path, *, partition_size: int = PARTITION_SIZE
) -> int:
    """Extract ``(source, articles row)`` pairs on Dask into Parquet under ``directory``;
    returns how many articles were written."""
    from ..dask import _bag_module

    db = _bag_module()
    size = max(1, partition_size)
    chunks = [(n, list(items[i : i + size])) for n, i in enumerate(range(0, len(items), size))]
    if not chunks:
        return 0
    Path(directory).mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence(chunks, npartitions=len(chunks))
    return sum(bag.map(_write_chunk, str(directory)).compute())


def _write_chunk(chunk: tuple[int, list[Entry]], directory: str) -> int:
    """Runs on a worker: extract one chunk and write its Parquet files."""
    from ..extraction import extract_many
    from . import open_store

    number, entries = chunk
    facts = list(extract_many([source for source, _ in entries]))
    rows = {row["doc_id"]: row for _, row in entries}
    with open_store(":memory:") as store:
        store.write([(item, rows[item.doc_id]) for item in facts])
        store.export_parquet(directory, part=number, overwrite=True)
    return len(facts)
