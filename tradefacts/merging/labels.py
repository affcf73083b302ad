"""How merged facts are named (the ``fact`` of a ``Conflict``) and ordered (canonical key)."""

from __future__ import annotations

from collections import defaultdict
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


def fact_key(fact: Any, full: bool = True) -> tuple[str, str]:
    """Return a canonical sort key of a merged fact (without ``full``, only its primary part:
    facts whose primary parts differ sort alike either way)."""
    if isinstance(fact, MergedEntity):
        primary = fact.id
    elif isinstance(fact, MergedTariffRate):
        who = f"{fact.imposer or ''}|{fact.target or ''}"
        primary = f"{who}|{fact.rate_percent:012.3f}|{','.join(fact.products)}"
    elif isinstance(fact, MergedStatement):
        primary = f"{fact.speaker or ''}|{fact.text}"
    elif isinstance(fact, MergedTradeEvent):
        primary = f"{fact.date.isoformat() if fact.date else '9999'}|{fact.type}"
    else:
        primary = f"{fact.kind}|{fact.unit}|{fact.value:024.6f}"
    return primary, fact.model_dump_json() if full else ""
