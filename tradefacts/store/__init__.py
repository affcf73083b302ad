"""A corpus of facts in one DuckDB file (``pip install "tradefacts[store]"``).

``open_store(path)`` gives a ``FactStore``: one table per fact kind with the columns and dtypes
of ``tradefacts.frames`` plus an ``articles`` table; ``ingest`` extracts only new or changed
articles, each stored in one transaction; ``sql`` queries it; ``export_parquet`` writes
Parquet for Dask, Spark or pandas. DuckDB is imported when a store is opened, not before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    ReadOnlyQueryError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreNotFoundError,
    StoreNotInstalledError,
    UnknownArticleError,
)

if TYPE_CHECKING:
    from .factstore import FactStore
    from .ingest import IngestSummary


def require_duckdb() -> Any:
    """The ``duckdb`` module, or ``StoreNotInstalledError`` naming the extra."""
    try:
        import duckdb
    except ImportError:
        raise StoreNotInstalledError(
            'the fact store needs DuckDB: pip install "tradefacts[store]"'
        ) from None
    return duckdb


def open_store(path: str | Path, *, read_only: bool = False) -> FactStore:
    """The ``FactStore`` in the DuckDB file at ``path`` (created when missing, unless
    ``read_only``); ``":memory:"`` is a store that lives in this process only."""
    require_duckdb()
    from .factstore import FactStore

    return FactStore(path, read_only=read_only)


def __getattr__(name: str) -> Any:
    if name == "FactStore":
        from .factstore import FactStore

        return FactStore
    if name == "IngestSummary":
        from .ingest import IngestSummary

        return IngestSummary
    raise AttributeError(f"module 'tradefacts.store' has no attribute {name!r}")


__all__ = [
    "FactStore",
    "IngestSummary",
    "ReadOnlyQueryError",
    "StoreCorruptError",
    "StoreError",
    "StoreLockedError",
    "StoreNotFoundError",
    "StoreNotInstalledError",
    "UnknownArticleError",
    "open_store",
    "require_duckdb",
]
