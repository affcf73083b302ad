"""The notebook / report view of one ``ArticleFacts``: highlighted text, legend, tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..models import ArticleFacts, Evidence
from . import labels
from .highlight import Span, highlight
from .html import KINDS, esc, event_cells, legend, section, table, tag

ENTITY_KINDS = {"person", "country", "organization", "place"}


def fact_spans(facts: ArticleFacts) -> Iterator[Span]:
    """Every evidence span of every fact, with its kind and normalised label."""
    names = {e.id: e.name for e in facts.entities}
    groups: list[tuple[str, str, list[tuple[str, tuple[Evidence, ...]]]]] = [
        ("entity", "", [(labels.entity_label(e), e.evidence) for e in facts.entities]),
        ("quantity", "Amount", [(labels.quantity_label(q), q.evidence) for q in facts.quantities]),
        ("tariff", "Tariff", [(labels.tariff_label(t), t.evidence) for t in facts.tariffs]),
        ("statement", "Quote", [(labels.statement_label(s), s.evidence) for s in facts.statements]),
        ("event", "Event", [(labels.event_label(v, names), v.evidence) for v in facts.events]),
        ("date", "Date", [(labels.date_label(d), d.evidence) for d in facts.dates]),
    ]
    for group, prefix, items in groups:
        for index, (label, evidence) in enumerate(items):
            kind = facts.entities[index].type if group == "entity" else group
            fact_id = f"{group}-{index}"
            shown = f"{prefix}: {label}" if prefix else f"{KINDS[kind]}: {label}"
            for n, ev in enumerate(evidence):
                yield Span(ev.start, ev.end, kind, f"{fact_id}-e{n}", fact_id, shown)


def rebuild_text(facts: ArticleFacts) -> str:
    """A stand-in for a missing source text: evidence texts at their offsets, blanks between."""
    spans = [ev for _, _, ev in _all_evidence(facts)]
    chars = [" "] * max((ev.end for ev in spans), default=0)
    for ev in spans:
        chars[ev.start : ev.end] = ev.text
    return "".join(chars)


def article_html(facts: ArticleFacts, text: str | None = None, *, styled: bool = True) -> str:
    """HTML fragment for one article. ``text`` defaults to the source text kept by extraction;
    without either, the text is rebuilt from the evidence and the gaps shown as "…"."""
    from .html import style_block

    source = text if text is not None else facts.source_text
    rebuilt = source is None
    spans = list(fact_spans(facts))
    body = highlight(rebuild_text(facts) if rebuilt else source or "", spans, gaps=rebuilt)
    counts = Counter(kind for _, kind in {(s.fact_id, s.kind) for s in spans})
    note = (
        tag("p", esc("Source text not available: only the evidence is shown."), class_="tf-note")
        if rebuilt
        else ""
    )
    parts = [
        _header(facts),
        legend(counts),
        note,
        tag("div", body or esc("(empty article)"), class_="tf-text"),
        _tables(facts),
    ]
    view = tag("div", "".join(parts), class_="tf-view tf-article", data_doc=facts.doc_id)
    return (style_block() if styled else "") + view


def _all_evidence(facts: ArticleFacts) -> Iterator[tuple[str, int, Evidence]]:
    for group in ("entities", "quantities", "tariffs", "statements", "events", "dates"):
        for index, fact in enumerate(getattr(facts, group)):
            for ev in fact.evidence:
                yield group, index, ev


def _header(facts: ArticleFacts) -> str:
    published = facts.published.isoformat() if facts.published else "no reference date"
    summary = (
        f"{len(facts.entities)} entities · {len(facts.tariffs)} tariffs · "
        f"{len(facts.statements)} statements · {len(facts.quantities)} quantities · "
        f"{len(facts.events)} events"
    )
    title = tag("span", esc(facts.doc_id), class_="tf-title")
    meta = tag("span", esc(f"published {published} · {summary}"), class_="tf-meta")
    return tag("div", title + meta, class_="tf-header")


def _tables(facts: ArticleFacts) -> str:
    names = {e.id: e.name for e in facts.entities}
    tariffs = table(
        ["rate", "imposer", "target", "products", "measure", "status", "evidence"],
        (
            [
                esc(f"{labels.number(t.rate_percent)}%")
                + (esc(f" ({t.qualifier})") if t.qualifier != "exact" else ""),
                esc(t.imposer or "?"),
                esc(t.target or "all"),
                esc(", ".join(t.products) or "all goods"),
                esc(t.measure),
                esc(t.status) + tag("span", esc(labels.effective_note(t)), class_="tf-muted"),
                _quote(t.evidence),
            ]
            for t in facts.tariffs
        ),
    )
    statements = table(
        ["speaker", "kind", "text"],
        (
            [esc(s.speaker_name or s.speaker or "?"), esc(s.kind), tag("q", esc(s.text))]
            for s in facts.statements
        ),
    )
    events = table(
        ["type", "date", "status", "location", "participants"],
        (event_cells(v, names) for v in facts.events),
    )
    quantities = table(
        ["text", "kind", "value", "unit"],
        (
            [esc(q.text), esc(q.kind), esc(labels.number(q.value)), esc(q.unit)]
            for q in facts.quantities
        ),
    )
    entities = table(
        ["name", "type", "country", "role", "mentions"],
        (
            [
                esc(e.name),
                esc(e.type),
                esc(e.country or ""),
                esc(e.role or ""),
                esc(len(e.evidence)),
            ]
            for e in facts.entities
        ),
    )
    return tag(
        "div",
        section("Tariffs", tariffs, len(facts.tariffs))
        + section("Statements", statements, len(facts.statements))
        + section("Events", events, len(facts.events))
        + _collapsed("Money and quantities", quantities, len(facts.quantities))
        + _collapsed("Dates", _dates_table(facts), len(facts.dates))
        + _collapsed("Entities", entities, len(facts.entities)),
        class_="tf-tables",
    )


def _dates_table(facts: ArticleFacts) -> str:
    return table(
        ["text", "type", "value", "mentions"],
        (
            [esc(d.text), esc(d.type), esc(d.value or "?"), esc(len(d.evidence))]
            for d in facts.dates
        ),
    )


def _collapsed(title: str, content: str, count: int) -> str:
    summary = tag("summary", esc(title) + tag("span", esc(count), class_="tf-count"))
    return tag("details", summary + content, class_="tf-section tf-collapsed")


def _quote(evidence: tuple[Evidence, ...]) -> str:
    if not evidence:
        return ""
    first = evidence[0].text
    short = first if len(first) <= 90 else first[:87] + "…"
    more = f" (+{len(evidence) - 1})" if len(evidence) > 1 else ""
    return tag("span", esc(short + more), class_="tf-muted", title=first)
