"""Errors of the fact store; all derive from ``tradefacts.errors.TradefactsError``."""

from __future__ import annotations

from ..errors import InputError, MissingDependencyError, TradefactsError


class StoreError(TradefactsError):
    """A fact store cannot be opened, read or written."""


class StoreNotInstalledError(MissingDependencyError):
    """DuckDB (the ``store`` extra) is not installed."""


class StoreLockedError(StoreError):
    """Another process has the store open for writing (DuckDB allows one writer per file)."""


class StoreCorruptError(StoreError, InputError):
    """The file is not a DuckDB database, or a damaged one; it is left untouched."""


class StoreNotFoundError(StoreError, InputError):
    """A store opened read-only that does not exist."""


class ReadOnlyQueryError(StoreError):
    """A statement that would change the store, given where only queries are allowed."""


class UnknownArticleError(StoreError, KeyError):
    """A doc_id the store does not hold."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


__all__ = [
    "ReadOnlyQueryError",
    "StoreCorruptError",
    "StoreError",
    "StoreLockedError",
    "StoreNotFoundError",
    "StoreNotInstalledError",
    "UnknownArticleError",
]
