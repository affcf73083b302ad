"""tradefacts: typed, validated, source-grounded facts from news articles about trade talks.

``extract`` / ``extract_text`` give an ``ArticleFacts`` for one article, ``extract_many`` many;
``merge`` fuses many into a ``CanonicalRecord``; ``validate`` checks JSON against a schema.
Heavy libraries (spaCy, dateparser) load on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    BinaryInputError,
    DaskNotInstalledError,
    InputError,
    InputNotFoundError,
    InvalidDateError,
    IsADirectoryInputError,
    MalformedJSONError,
    MissingDependencyError,
    ModelNotFoundError,
    TradefactsError,
    UnknownSchemaError,
    ValidationError,
)

__version__ = "0.1.0"

_LAZY = {
    "extract": "tradefacts.extraction",
    "extract_text": "tradefacts.extraction",
    "extract_many": "tradefacts.extraction",
    "merge": "tradefacts.merging",
    "group": "tradefacts.merging.grouping",
    "validate": "tradefacts.validation",
    "frames": "tradefacts.dataframes",
    "timeline": "tradefacts.timelines",
    "Timeline": "tradefacts.models",
    "open_store": "tradefacts.store",
    "ArticleFacts": "tradefacts.models",
    "CanonicalRecord": "tradefacts.models",
    "Entity": "tradefacts.models",
    "Evidence": "tradefacts.models",
    "Quantity": "tradefacts.models",
    "TariffRate": "tradefacts.models",
    "Statement": "tradefacts.models",
    "TradeEvent": "tradefacts.models",
    "TimeExpression": "tradefacts.models",
}

if TYPE_CHECKING:
    from .dataframes import frames
    from .extraction import extract, extract_many, extract_text
    from .merging import merge
    from .merging.grouping import group
    from .models import (
        ArticleFacts,
        CanonicalRecord,
        Entity,
        Evidence,
        Quantity,
        Statement,
        TariffRate,
        TimeExpression,
        Timeline,
        TradeEvent,
    )
    from .store import open_store
    from .timelines import timeline
    from .validation import validate


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tradefacts' has no attribute {name!r}")


__all__ = [
    "ArticleFacts",
    "BinaryInputError",
    "CanonicalRecord",
    "DaskNotInstalledError",
    "Entity",
    "Evidence",
    "InputError",
    "InputNotFoundError",
    "InvalidDateError",
    "IsADirectoryInputError",
    "MalformedJSONError",
    "MissingDependencyError",
    "ModelNotFoundError",
    "Quantity",
    "Statement",
    "TariffRate",
    "TimeExpression",
    "Timeline",
    "TradeEvent",
    "TradefactsError",
    "UnknownSchemaError",
    "ValidationError",
    "extract",
    "extract_many",
    "extract_text",
    "frames",
    "group",
    "merge",
    "timeline",
    "open_store",
    "validate",
]
