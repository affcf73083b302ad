"""A readable plain-text summary of a ``CanonicalRecord`` (``tradefacts merge``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import CanonicalRecord


def format_summary(record: CanonicalRecord) -> str:
    """Return a readable plain-text summary of a record."""
    lines: list[str] = []
    names = {e.id: e.name for e in record.entities}

    def who(ids: Iterable[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "-"

    def n(sources: Sequence[str]) -> str:
        return f"[{len(sources)} source{'s' if len(sources) != 1 else ''}]"

    lines.append(f"Sources: {len(record.sources)} ({', '.join(record.sources) or '-'})")
    if record.event is None:
        lines.append("Event: none found")
    else:
        v = record.event
        when = v.date.isoformat() if v.date else f"undated ({v.date_text or '?'})"
        lines.append(f"Event: {v.type}, {v.status}, {when} {n(v.sources)}")
        lines.append(f"  Place: {v.location or '-'}")
        lines.append(f"  Participants: {who(v.participants)}")
    lines.append(f"Tariffs ({len(record.tariffs)}):")
    for t in record.tariffs:
        what = ", ".join(t.products) or "all goods"
        target = t.target or "all partners"
        lines.append(
            f"  {t.rate_percent:g}% {t.imposer or '?'} -> {target} on {what}: "
            f"{t.status}, {t.measure} {n(t.sources)}"
        )
    lines.append(f"Statements ({len(record.statements)}):")
    for s in record.statements:
        lines.append(
            f"  {s.speaker_name or s.speaker or 'unknown'} ({s.kind}): "
            f"\u201c{s.text}\u201d {n(s.sources)}"
        )
    lines.append(f"Money and quantities ({len(record.quantities)}):")
    for q in record.quantities:
        per_unit = f" per {q.per_unit}" if q.per_unit else ""
        lines.append(f"  {q.text} = {q.value:g} {q.unit}{per_unit} {n(q.sources)}")
    lines.append(f"Events ({len(record.events)}):")
    for v in record.events:
        when = v.date.isoformat() if v.date else (v.date_text or "undated")
        lines.append(f"  {v.type} {when} ({v.status}): {who(v.participants)} {n(v.sources)}")
    lines.append(f"Conflicts ({len(record.conflicts)}):")
    for c in record.conflicts:
        sides = "; ".join(f"{side.value} ({', '.join(side.sources)})" for side in c.sides)
        lines.append(f"  {c.fact} / {c.field}: chose {c.chosen} <- {sides}")
    return "\n".join(lines) + "\n"
