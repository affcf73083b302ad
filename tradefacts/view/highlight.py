"""The article text with every evidence span as a ``<mark>``, nested properly.

Evidence spans may nest or cross (a name inside a tariff sentence, two sentences of one
event). Marks are opened longest-first at each start; when a span ends while shorter spans
opened after it are still open, those are closed and reopened right after, so the HTML stays
well formed. Every fragment of one span carries the same ``data-ev`` id. The walk is linear in
the text plus the spans, times the nesting depth at crossings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .html import attrs, esc

#: Kinds drawn as an underline (sentence-long evidence) rather than a filled background.
LINE_KINDS = frozenset({"tariff", "statement", "event"})
#: Underline lanes: overlapping sentence-long spans are drawn at different depths.
MAX_LANE = 3


@dataclass(frozen=True)
class Span:
    """One evidence span to highlight."""

    start: int
    end: int
    kind: str
    ev_id: str
    fact_id: str
    label: str


def assign_lanes(spans: Sequence[Span]) -> dict[str, int]:
    """Underline lane of each line-kind span, so overlapping underlines do not coincide."""
    lanes: dict[str, int] = {}
    lane_ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.kind not in LINE_KINDS:
            continue
        free = next((i for i, end in enumerate(lane_ends) if end <= span.start), None)
        if free is None:
            lane_ends.append(span.end)
            free = len(lane_ends) - 1
        else:
            lane_ends[free] = span.end
        lanes[span.ev_id] = min(free, MAX_LANE)
    return lanes


def highlight(text: str, spans: Iterable[Span], *, gaps: bool = False) -> str:
    """HTML of ``text`` with ``spans`` marked. With ``gaps``, text covered by no span is
    unknown (rebuilt from evidence) and shown as an ellipsis."""
    usable = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    ordered = sorted(usable, key=lambda s: (s.start, -s.end, s.ev_id))
    lanes = assign_lanes(ordered)
    starts: dict[int, list[Span]] = {}
    for span in ordered:
        starts.setdefault(span.start, []).append(span)
    boundaries = sorted({0, len(text)} | {s.start for s in usable} | {s.end for s in usable})

    out: list[str] = []
    stack: list[Span] = []
    open_ends: Counter[int] = Counter()
    previous = 0
    for pos in boundaries:
        if pos > previous:
            out.append(_text(text[previous:pos], gap=gaps and not stack))
        previous = pos
        if open_ends[pos]:
            reopen: list[Span] = []
            while open_ends[pos]:
                span = stack.pop()
                out.append("</mark>")
                if span.end == pos:
                    open_ends[pos] -= 1
                else:
                    reopen.append(span)
            for span in reversed(reopen):
                out.append(_open(span, stack, lanes))
                stack.append(span)
        for span in starts.get(pos, ()):
            out.append(_open(span, stack, lanes))
            stack.append(span)
            open_ends[span.end] += 1
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _open(span: Span, stack: list[Span], lanes: dict[str, int]) -> str:
    """The opening tag; its tooltip lists this fact, then every fact around it."""
    labels = list(dict.fromkeys([span.label, *(s.label for s in reversed(stack))]))
    lane = lanes.get(span.ev_id)
    classes = f"tf-mark tf-{span.kind}" + (f" tf-lane-{lane}" if lane is not None else "")
    return (
        "<mark"
        + attrs(
            class_=classes,
            data_kind=span.kind,
            data_ev=span.ev_id,
            data_fact=span.fact_id,
            title="\n".join(labels),
        )
        + ">"
    )


def _text(piece: str, *, gap: bool) -> str:
    if gap:
        return f'<span class="tf-gap" title="{len(piece)} characters not shown">…</span>'
    return esc(piece)
