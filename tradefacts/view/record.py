"""The notebook / report view of a ``CanonicalRecord``: central event, facts, conflicts."""

from __future__ import annotations

from ..models import CanonicalRecord, MergedTradeEvent
from . import labels
from .html import chip, esc, event_cells, section, sources_cell, table, tag


def record_html(record: CanonicalRecord, *, styled: bool = True) -> str:
    """HTML fragment for a merged record; every fact expands to its evidence in each source."""
    from .html import style_block

    names = {e.id: e.name for e in record.entities}
    parts = [
        _header(record),
        _central(record.event, names),
        _tariffs(record),
        _statements(record),
        _quantities(record),
        _events(record, names),
        _conflicts(record),
        _entities(record),
    ]
    view = tag("div", "".join(parts), class_="tf-view tf-record")
    return (style_block() if styled else "") + view


def _header(record: CanonicalRecord) -> str:
    noun = "source" if len(record.sources) == 1 else "sources"
    title = tag("span", esc("Canonical record"), class_="tf-title")
    meta = tag(
        "span",
        esc(f"{len(record.sources)} {noun}: {', '.join(record.sources) or '-'}"),
        class_="tf-meta",
    )
    return tag("div", title + meta, class_="tf-header")


def _central(event: MergedTradeEvent | None, names: dict[str, str]) -> str:
    if event is None:
        return tag("div", esc("No central event."), class_="tf-central tf-empty")
    when = event.date.isoformat() if event.date else (event.date_text or "undated")
    heading_text = f"{event.type.capitalize()} · {when} · {event.status}"
    heading = tag("div", esc(heading_text), class_="tf-big")
    people = "".join(
        chip(_kind(pid), labels.participant_names((pid,), names)[0], title=pid)
        for pid in event.participants
    )
    rows = [
        ("Place", esc(event.location or "-")),
        ("Participants", people or esc("-")),
        ("Sources", sources_cell(event.sources, event.evidence)),
    ]
    body = "".join(tag("div", tag("span", esc(k), class_="tf-key") + v) for k, v in rows)
    return tag("div", tag("h4", esc("Central event")) + heading + body, class_="tf-central")


def _kind(entity_id: str) -> str:
    prefix = entity_id.split(":", 1)[0]
    return {"org": "organization"}.get(prefix, prefix)


def _tariffs(record: CanonicalRecord) -> str:
    rows = (
        [
            esc(f"{labels.number(t.rate_percent)}%")
            + (esc(f" ({t.qualifier})") if t.qualifier != "exact" else ""),
            tag("span", esc(f"{t.imposer or '?'} → {t.target or 'all'}"), class_="tf-nowrap"),
            esc(", ".join(t.products) or "all goods"),
            esc(t.measure),
            esc(t.status) + tag("span", esc(labels.effective_note(t)), class_="tf-muted"),
            sources_cell(t.sources, t.evidence),
        ]
        for t in record.tariffs
    )
    headers = ["rate", "imposer → target", "products", "measure", "status", "sources"]
    return section("Tariffs", table(headers, rows), len(record.tariffs))


def _statements(record: CanonicalRecord) -> str:
    rows = (
        [
            esc(s.speaker_name or s.speaker or "?"),
            esc(s.kind),
            tag("q", esc(s.text)),
            sources_cell(s.sources, s.evidence),
        ]
        for s in record.statements
    )
    table_html = table(["speaker", "kind", "text", "sources"], rows)
    return section("Statements", table_html, len(record.statements))


def _quantities(record: CanonicalRecord) -> str:
    rows = (
        [
            esc(q.text),
            esc(q.kind),
            esc(f"{'~' if q.approximate else ''}{labels.number(q.value)} {q.unit}"),
            sources_cell(q.sources, q.evidence),
        ]
        for q in record.quantities
    )
    table_html = table(["text", "kind", "value", "sources"], rows)
    return section("Money and quantities", table_html, len(record.quantities))


def _events(record: CanonicalRecord, names: dict[str, str]) -> str:
    rows = ([*event_cells(v, names), sources_cell(v.sources, v.evidence)] for v in record.events)
    headers = ["type", "date", "status", "location", "participants", "sources"]
    return section("Events", table(headers, rows), len(record.events))


def _conflicts(record: CanonicalRecord) -> str:
    rows = (
        [
            esc(c.fact),
            esc(c.field),
            tag("strong", esc(c.chosen)),
            "".join(_side(side.value, side.sources) for side in c.sides),
        ]
        for c in record.conflicts
    )
    table_html = table(["fact", "field", "kept", "sides"], rows, empty="no conflicts")
    return section("Conflicts", table_html, len(record.conflicts))


def _side(value: str, sources: tuple[str, ...]) -> str:
    return tag("div", esc(value) + tag("span", esc(f" ({', '.join(sources)})"), class_="tf-muted"))


def _entities(record: CanonicalRecord) -> str:
    rows = (
        [
            chip(e.type, e.name, title=e.id),
            esc(e.country or ""),
            esc(e.role or ""),
            sources_cell(e.sources, e.evidence),
        ]
        for e in record.entities
    )
    count = tag("span", esc(len(record.entities)), class_="tf-count")
    summary = tag("summary", esc("Entities") + count)
    content = table(["name", "country", "role", "sources"], rows)
    return tag("details", summary + content, class_="tf-section tf-collapsed")
