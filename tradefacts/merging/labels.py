"""How merged facts are named (the ``fact`` of a ``Conflict``) and ordered (canonical key)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from ..models import (
    MergedEntity,
    MergedQuantity,
    MergedStatement,
    MergedTariffRate,
    MergedTradeEvent,
)


def entity_label(e: MergedEntity) -> str:
    """Return the conflict label of an entity."""
    return f"entity {e.id}"


def quantity_label(q: MergedQuantity) -> str:
    """Return the conflict label of a quantity."""
    per_unit = f" per {q.per_unit}" if q.per_unit else ""
    return f"{q.kind} {q.value:g} {q.unit}{per_unit}"


def tariff_label(t: MergedTariffRate) -> str:
    """Return the conflict label of a tariff."""
    what = ", ".join(t.products) or "all goods"
    return f"tariff {t.rate_percent:g}% {t.imposer or '?'}->{t.target or 'all'} on {what}"


def statement_label(s: MergedStatement) -> str:
    """Return the conflict label of a statement (its text cut to 60 characters)."""
    text = s.text if len(s.text) <= 60 else s.text[:57] + "..."
    return f"statement {s.speaker or 'unknown'}: {text}"


def event_label(v: MergedTradeEvent) -> str:
    """Return the conflict label of an event."""
    when = v.date.isoformat() if v.date else (v.date_text or "undated")
    who = ", ".join(v.participants) or "-"
    return f"event {v.type} {when} ({who})"


def labels(facts: Sequence[Any], label_of: Callable[[Any], str]) -> list[str]:
    """Return a unique label per fact, in the given (canonical) order."""
    seen: dict[str, int] = defaultdict(int)
    found = []
    for fact in facts:
        label = label_of(fact)
        seen[label] += 1
        found.append(label if seen[label] == 1 else f"{label} #{seen[label]}")
    return found


def primary_key(fact: Any) -> str:
    """Return the primary part of a merged fact's canonical sort key (see ``canonical_keys``)."""
    if isinstance(fact, MergedEntity):
        return fact.id
    if isinstance(fact, MergedTariffRate):
        who = f"{fact.imposer or ''}|{fact.target or ''}"
        return f"{who}|{fact.rate_percent:012.3f}|{','.join(fact.products)}"
    if isinstance(fact, MergedStatement):
        return f"{fact.speaker or ''}|{fact.text}"
    if isinstance(fact, MergedTradeEvent):
        return f"{fact.date.isoformat() if fact.date else '9999'}|{fact.type}"
    return f"{fact.kind}|{fact.unit}|{fact.value:024.6f}"


_PROVENANCE = frozenset({"evidence", "sources", "unstated"})


def canonical_keys(facts: Sequence[Any]) -> list[tuple[str, str, str]]:
    """Return a canonical sort key per merged fact: its primary key, then (only where primary
    keys tie) its JSON without provenance, then (only where those tie too) its whole JSON.
    The JSON parts hold every evidence span, so they are made only when needed."""
    primary = [primary_key(fact) for fact in facts]
    tied = Counter(primary)
    light = [
        fact.model_dump_json(exclude=_PROVENANCE) if tied[key] > 1 else ""
        for fact, key in zip(facts, primary, strict=True)
    ]
    still = Counter(zip(primary, light, strict=True))
    return [
        (key, part, fact.model_dump_json() if part and still[(key, part)] > 1 else "")
        for fact, key, part in zip(facts, primary, light, strict=True)
    ]
