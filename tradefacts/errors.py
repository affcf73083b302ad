"""Every error the library raises derives from :class:`TradefactsError`."""

from __future__ import annotations


class TradefactsError(Exception):
    """Base class of all tradefacts errors."""


class InputError(TradefactsError):
    """The input (a path, a text, a date) cannot be read or understood."""


class InputNotFoundError(InputError, FileNotFoundError):
    """A path that does not exist."""


class IsADirectoryInputError(InputError):
    """A directory where a single file was expected."""


class BinaryInputError(InputError):
    """A file that is not text (an image, a PDF, an archive...)."""


class InvalidDateError(InputError, ValueError):
    """A reference date that is not a real ISO ``YYYY-MM-DD`` date."""


class UnknownSchemaError(TradefactsError, KeyError):
    """A schema name that the library does not ship."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ModelNotFoundError(TradefactsError, ImportError):
    """No English spaCy model is installed."""


class ValidationError(TradefactsError, ValueError):
    """A document does not match a shipped schema; ``errors`` lists every failure."""

    def __init__(self, message: str, errors: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.errors: list[dict[str, str]] = errors or []


class MalformedJSONError(ValidationError, InputError):
    """Text that is not JSON at all (or is nested absurdly deep): a one-line message."""


class MissingDependencyError(TradefactsError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it."""


class DaskNotInstalledError(MissingDependencyError):
    """The optional Dask extra is not installed (``pip install "tradefacts[dask]"``)."""
