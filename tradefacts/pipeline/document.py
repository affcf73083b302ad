"""What the pipeline components share: ``Doc`` extensions, mention types and small helpers.

Each component reads what earlier components stored on ``doc._`` and stores its own results
there. Offsets on ``Mention`` / ``DateMention`` are *local* character offsets into ``doc.text``;
``evidence()`` turns them into absolute offsets of the source text (a long article is parsed
in chunks, ``doc._.base_offset`` is where this chunk starts).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..models import Evidence


@dataclass
class Mention:
    """A stretch of text that refers to an entity (``kind``: how it refers)."""

    start: int
    end: int
    entity_id: str
    kind: str = "name"  # name | surname | alias | title | pronoun | demonym | code


@dataclass
class EntityInfo:
    """An entity as known inside one article, before it becomes a pydantic ``Entity``."""

    id: str
    name: str
    type: str  # person | country | organization | place
    country: str | None = None
    role: str | None = None
    aliases: set[str] = field(default_factory=set)


@dataclass
class DateMention:
    """A date expression and what it resolves to (``date`` None when it cannot be pinned)."""

    start: int
    end: int
    text: str
    date: dt.date | None = None
    granularity: str = "day"  # day | month | year | vague
    weekday: int | None = None  # 0=Monday, kept so merge can match "Wednesday" to a date


_TEXT_KEY = "tradefacts_text"

_EXTENSIONS: dict[str, object] = {
    "doc_id": "",
    "base_offset": 0,
    "reference_date": None,
    "clutter": None,  # list[tuple[int, int]] sorted local char ranges
    "mentions": None,  # list[Mention]
    "entities": None,  # dict[str, EntityInfo]
    "quantities": None,  # list[models.Quantity]
    "dates": None,  # list[DateMention]
    "statements": None,  # list[models.Statement]
    "tariffs": None,  # list[models.TariffRate]
    "events": None,  # list[models.TradeEvent]
}


def register_extensions() -> None:
    """Register the ``doc._`` attributes (idempotent)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def evidence(doc: Doc, start: int, end: int) -> Evidence:
    """Evidence for the local character range ``[start, end)`` of ``doc``."""
    base = doc._.base_offset
    text = doc_text(doc)[start:end]
    return Evidence(doc_id=doc._.doc_id, start=base + start, end=base + end, text=text)


def in_clutter(doc: Doc, start: int, end: int | None = None) -> bool:
    """True when the local character range touches a range marked as page clutter."""
    ranges = doc._.clutter or []
    end = start + 1 if end is None else end
    i = bisect.bisect_right(ranges, (start, 1 << 62)) - 1
    for a, b in ranges[max(i, 0) : i + 2]:
        if a < end and start < b:
            return True
    return False


def mentions_in(doc: Doc, start: int, end: int, etype: str | None = None) -> list[Mention]:
    """Mentions overlapping the local character range, optionally of one entity type."""
    ents = doc._.entities or {}
    found = []
    for m in doc._.mentions or []:
        if m.start < end and start < m.end:
            if etype is None or (m.entity_id in ents and ents[m.entity_id].type == etype):
                found.append(m)
    return found


def phrase_start(token: Token, deps: Collection[str]) -> int:
    """Index of the first token of the phrase ``token`` heads through left children of ``deps``
    ("China's Commerce" of "Ministry", "Prime Minister" of "Starmer")."""
    start = token.i
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.lefts:
            if child.dep_ in deps:
                start = min(start, child.i)
                stack.append(child)
    return start
