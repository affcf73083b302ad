"""One-line normalised descriptions of facts, shared by tooltips and tables."""

from __future__ import annotations

from collections.abc import Mapping

from ..models import Entity, Quantity, Statement, TariffRate, TimeExpression, TradeEvent

_QUALIFIER_PREFIX = {"up_to": "up to ", "approximately": "~", "average": "avg ", "exact": ""}


def number(value: float) -> str:
    """``25`` not ``25.0``; large amounts with thousands separators."""
    if abs(value) >= 10_000:
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return f"{value:g}"


def tariff_label(t: TariffRate) -> str:
    """``25% USA -> JPN, automobiles, in_effect``."""
    rate = f"{_QUALIFIER_PREFIX.get(t.qualifier, '')}{number(t.rate_percent)}%"
    what = ", ".join(t.products) or "all goods"
    return f"{rate} {t.imposer or '?'} -> {t.target or 'all'}, {what}, {t.status}"


def effective_note(t: TariffRate) -> str:
    """`` from 2025-08-01`` (or the words, `` from August 1``, when unresolved); ``""``."""
    if t.effective is not None:
        return f" from {t.effective.isoformat()}"
    return f" ({t.effective_text})" if t.effective_text else ""


def statement_label(s: Statement) -> str:
    """``Donald Trump, direct``."""
    return f"{s.speaker_name or s.speaker or 'unknown speaker'}, {s.kind}"


def event_label(e: TradeEvent, names: Mapping[str, str] | None = None) -> str:
    """``meeting 2025-04-16 (on Wednesday), occurred, Washington: Japan, United States``."""
    when = e.date.isoformat() if e.date else "undated"
    if e.date_text:
        when += f" ({e.date_text})"
    parts = [f"{e.type} {when}", e.status]
    if e.location:
        parts.append(e.location)
    label = ", ".join(parts)
    if e.participants:
        label += ": " + ", ".join(participant_names(e.participants, names))
    return label


def quantity_label(q: Quantity) -> str:
    """``$1.4bn = 1,400,000,000 USD (money)``."""
    approx = "~" if q.approximate else ""
    return f"{q.text} = {approx}{number(q.value)} {q.unit} ({q.kind})"


def date_label(d: TimeExpression) -> str:
    """``next Friday = 2025-04-18 (date)``; ``?`` when the value is unknown."""
    return f"{d.text} = {d.value or '?'} ({d.type})"


def entity_label(e: Entity) -> str:
    """``Shigeru Ishiba (person, JPN, Prime Minister)``."""
    details = [e.type] + [x for x in (e.country, e.role) if x]
    return f"{e.name} ({', '.join(details)})"


def participant_names(ids: tuple[str, ...], names: Mapping[str, str] | None) -> list[str]:
    """Entity ids as display names where known (``person:donald-trump`` -> ``Donald Trump``)."""
    names = names or {}
    return [names.get(i, i.split(":", 1)[-1]) for i in ids]
