"""Small HTML building blocks. Every string that reaches the output goes through ``esc``."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from ..models import Evidence, TradeEvent
from . import labels

#: Fact kinds as shown: CSS class suffix -> legend label.
KINDS: dict[str, str] = {
    "person": "Person",
    "country": "Country",
    "organization": "Organisation",
    "place": "Place",
    "quantity": "Money / quantity",
    "tariff": "Tariff",
    "statement": "Quote",
    "event": "Event",
    "date": "Date",
}


def esc(value: object) -> str:
    """Text safe inside an element and inside a double-quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def attrs(**values: object) -> str:
    """`` name="value"`` pairs, escaped; ``None`` values are left out, ``_`` becomes ``-``."""
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"'
        for name, value in values.items()
        if value is not None
    )


def tag(name: str, content: str = "", **values: object) -> str:
    """``<name attrs>content</name>``; ``content`` must already be HTML."""
    return f"<{name}{attrs(**values)}>{content}</{name}>"


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The shipped CSS (every rule is scoped under ``.tf-view``)."""
    return resources.files("tradefacts.view").joinpath("styles.css").read_text("utf-8")


def style_block() -> str:
    return f"<style>{stylesheet()}</style>"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], empty: str = "none") -> str:
    """A compact table; ``rows`` hold HTML cells (escape text with ``esc`` first)."""
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    if not body:
        return tag("p", esc(empty), class_="tf-empty")
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    return f'<table class="tf-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def section(title: str, content: str, count: int | None = None) -> str:
    heading = esc(title) + (tag("span", esc(count), class_="tf-count") if count is not None else "")
    return tag("section", tag("h4", heading) + content, class_="tf-section")


def chip(kind: str, text: str, title: str | None = None) -> str:
    """A small coloured label in the colour of ``kind``."""
    return tag("span", esc(text), class_=f"tf-chip tf-{kind}", title=title)


def legend(counts: dict[str, int]) -> str:
    """The colour legend, with the number of highlighted facts of each kind."""
    items = "".join(
        chip(kind, f"{label} {counts.get(kind, 0)}", title=f"{counts.get(kind, 0)} {label} facts")
        for kind, label in KINDS.items()
    )
    return tag("div", items, class_="tf-legend")


def evidence_list(evidence: Sequence[Evidence]) -> str:
    """The evidence grouped by source: each source once, then ``[start-end] "text"`` lines."""
    by_doc: dict[str, list[Evidence]] = {}
    for ev in sorted(evidence, key=lambda e: (e.doc_id, e.start, e.end)):
        by_doc.setdefault(ev.doc_id, []).append(ev)
    groups = "".join(
        tag(
            "li",
            tag("span", esc(doc_id), class_="tf-doc")
            + tag(
                "ul",
                "".join(
                    tag(
                        "li",
                        tag("span", esc(f"[{ev.start}-{ev.end}]"), class_="tf-offsets")
                        + tag("q", esc(ev.text)),
                    )
                    for ev in spans
                ),
            ),
        )
        for doc_id, spans in by_doc.items()
    )
    return tag("ul", groups, class_="tf-evidence")


def sources_cell(sources: Sequence[str], evidence: Sequence[Evidence]) -> str:
    """``N sources`` expandable to the evidence read in each source."""
    noun = "source" if len(sources) == 1 else "sources"
    summary = tag("summary", esc(f"{len(sources)} {noun}"), title=", ".join(sources))
    return tag("details", summary + evidence_list(evidence), class_="tf-details")


def event_cells(v: TradeEvent, names: dict[str, str]) -> list[str]:
    """The table cells of one event: type, date (with its words), status, place, participants."""
    date_words = tag("span", esc(f" {v.date_text}"), class_="tf-muted") if v.date_text else ""
    return [
        esc(v.type),
        esc(v.date.isoformat() if v.date else "") + date_words,
        esc(v.status),
        esc(v.location or ""),
        esc(", ".join(labels.participant_names(v.participants, names))),
    ]
