"""Pipeline component tf_timex: every time expression of a doc as a ``TimeExpression``.

Spans come from the patterns of ``data/timex.json`` (``patterns.py``: regular expressions,
no parser call); values from ``values.py``, resolved against ``doc._.reference_date`` (the
article's ``published`` date) and the tense of the clause around the span (``tense.py``,
asked only for spans whose value depends on it). Results go to ``doc._.timexes`` in text
order, each with evidence equal to its source slice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ...models import TimeExpression
from ..dateparsing import Tense
from ..document import DateMention, doc_text
from ..document import evidence as make_evidence
from ..tense import tense_of_span
from .patterns import recognise
from .values import Resolver

EXTENSION = "timexes"


def register_extension() -> None:
    """Register ``doc._.timexes`` (idempotent)."""
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)


def time_expressions(
    text: str, reference: dt.date | None, tense_of: Callable[[int, int], Tense]
) -> list[tuple[int, int, str, str | None]]:
    """(start, end, type, value) of every time expression of ``text``, in text order.

    ``tense_of(start, end)`` gives the tense of the clause around a span ("near" when unknown).
    """
    resolver = Resolver(reference, tense_of)
    found = []
    for raw in recognise(text):
        type_, value = resolver.value(raw, text)
        found.append((raw.start, raw.end, type_, value))
    return found


def find_timexes(doc: Doc) -> list[TimeExpression]:
    """The ``TimeExpression``s of ``doc`` (evidence in source offsets)."""
    return [timex for timex, _ in _found(doc)]


def _found(doc: Doc) -> list[tuple[TimeExpression, tuple[int, int]]]:
    """Each ``TimeExpression`` of ``doc`` with its local character range."""
    text = doc_text(doc)

    def tense_of(start: int, end: int) -> Tense:
        return tense_of_span(doc, start, end, text)

    return [
        (
            TimeExpression(
                text=text[start:end],
                type=type_,  # type: ignore[arg-type]
                value=value,
                evidence=(make_evidence(doc, start, end),),
            ),
            (start, end),
        )
        for start, end, type_, value in time_expressions(text, doc._.reference_date, tense_of)
    ]


_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")


def fill_date_mentions(doc: Doc, found: list[tuple[TimeExpression, tuple[int, int]]]) -> None:
    """Give ``doc._.dates`` (what events and effective dates read) the days only this tagger
    resolves ("that day", "the next day", "earlier in the day"): a day-valued expression no
    date mention overlaps becomes one, and an overlapping mention left unresolved ("Later that
    day" read as a date by the model, with no day) takes its day. Resolved mentions are never
    changed."""
    mentions: list[DateMention] | None = doc._.dates
    if mentions is None:
        return
    added = []
    for timex, (start, end) in found:
        if timex.type != "date" or not timex.value or not _DAY_VALUE.match(timex.value):
            continue
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        day = dt.date.fromisoformat(timex.value)
        if not overlapping:
            added.append(DateMention(start, end, timex.text, day, "day", None))
        elif all(m.date is None for m in overlapping):
            for m in overlapping:
                m.date, m.granularity = day, "day"
    if added:
        mentions.extend(added)
        mentions.sort(key=lambda m: (m.start, m.end))


@Language.component("tf_timex")
def timex(doc: Doc) -> Doc:
    """Store the time expressions of ``doc`` on ``doc._.timexes`` (and the days only they
    resolve on ``doc._.dates``)."""
    register_extension()
    found = _found(doc)
    doc._.timexes = [timex for timex, _ in found]
    fill_date_mentions(doc, found)
    return doc


register_extension()
