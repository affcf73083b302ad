"""Per-article lookups shared by every trigger of a doc: mentions and dates by token, the
article's main countries, places, sentences, line breaks and datelines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from ..document import DateMention, doc_text, in_clutter
from .places import dateline_spans, datelines, place_names

NEWLINE = re.compile("\n")
#: A machine-written date ("2025-04-09"): a page header's, not a reported happening's.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class ArticleContext:
    """Per-doc lookups shared by all triggers of a doc."""

    doc: Doc
    mention_tokens: dict[int, list[tuple[str, str]]]  # token index -> [(entity_id, type)]
    date_roots: list[tuple[DateMention, Token]]
    main_countries: list[str]
    places: dict[int, tuple[str, set[int]]]
    sentence_of: list[tuple[int, int]]  # token index -> (sentence start, sentence length)
    newlines: list[int]  # sorted offsets of line breaks
    resolve_person: Callable[[Doc, int, int], str | None] | None
    datelines: list[tuple[int, str]] = field(default_factory=list)  # (offset, country id)
    date_starts: dict[int, DateMention] = field(default_factory=dict)  # first token -> date


def build_context(doc: Doc, sentence_of: list[tuple[int, int]] | None = None) -> ArticleContext:
    """Index mentions and dates of ``doc`` by token."""
    entities = doc._.entities or {}
    mention_tokens: dict[int, list[tuple[str, str]]] = {}
    for m in doc._.mentions or []:
        info = entities.get(m.entity_id)
        etype = info.type if info is not None else m.entity_id.split(":", 1)[0]
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            mention_tokens.setdefault(token.i, []).append((m.entity_id, etype))
    date_roots: list[tuple[DateMention, Token]] = []
    date_starts: dict[int, DateMention] = {}
    for d in event_dates(doc):
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and len(span):
            date_roots.append((d, span.root))
            date_starts.setdefault(span.start, d)
    main_countries = article_main_countries(doc)
    return ArticleContext(
        doc,
        mention_tokens,
        date_roots,
        main_countries,
        place_names(doc),
        sentence_of if sentence_of is not None else sentence_starts(doc),
        [m.start() for m in NEWLINE.finditer(doc_text(doc))],
        _resolver(),
        datelines(doc),
        date_starts,
    )


def event_dates(doc: Doc) -> list[DateMention]:
    """The date mentions that may time an event: not a page header's ("date 2025-04-09") nor
    a dateline's ("WASHINGTON, Sept. 26 -"), which date the story, not what it reports."""
    spans = dateline_spans(doc)
    return [
        d
        for d in doc._.dates or []
        if not ISO_DATE.fullmatch(d.text.strip())
        and not any(a <= d.start and d.end <= b for a, b in spans)
        and not in_clutter(doc, d.start, d.end)
    ]


def article_main_countries(doc: Doc) -> list[str]:
    """The two most-mentioned countries of the doc (outside clutter), most frequent first."""
    entities = doc._.entities or {}
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in doc._.mentions or []:
        info = entities.get(m.entity_id)
        if info is None or info.type != "country" or in_clutter(doc, m.start, m.end):
            continue
        counts[m.entity_id] += 1
        first.setdefault(m.entity_id, m.start)
    ranked = sorted(counts, key=lambda e: (-counts[e], first[e]))
    return ranked[:2]


def _resolver() -> Callable[[Doc, int, int], str | None] | None:
    """``entities.resolve_person`` when the entities stage provides it."""
    from .. import entities as entities_module

    return getattr(entities_module, "resolve_person", None)


def sentence_starts(doc: Doc) -> list[tuple[int, int]]:
    """For every token: (start token of its sentence, sentence length).

    Only sentences of news length are read (hostile run-on "sentences" would cost quadratic
    time), so triggers in longer ones are dropped.
    """
    flags = doc.to_array(SENT_START)
    firsts = [0, *(int(i) for i in numpy.flatnonzero(flags == 1) if i > 0), len(doc)]
    out: list[tuple[int, int]] = []
    for first, after in zip(firsts, firsts[1:], strict=False):
        out.extend([(first, after - first)] * (after - first))
    return out
