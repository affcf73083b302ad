"""When a tariff rate applies: ``TariffRate.effective`` / ``effective_text`` from its clause.

A rate's effective date is a date mention of ``doc._.dates`` (already resolved by tf_dates
against the reference date and the clause tense) that an effect cue introduces: "from August
1", "took effect on April 5", "starting Oct. 1", "retroactive to Nov. 1", "at midnight on
Wednesday", "will take effect in 90 days"; "effective immediately" dates the rate on the
reference date. The cues are data (``data/effective.json``).

A sentence with several rates pairs each rate with the cued date between it and its
neighbouring rates ("10% from April 5 and 25% from May 1"); a cued date opening the sentence
before every rate ("From August 1, Japan will pay 25% and Korea 20%") dates them all. A
sentence without a rate that names the tariff before its cue ("The new charges will be
effective from April 10") dates the rates of the sentence before it that share the imposer of
that sentence's first rate. A rate the tariff rules did not read in a sentence about tariffs
("..., to rise to 50%, came into effect on August 27") dates the article's one fact at that
rate. A month and day without a year take the year nearest the
reference date, whatever the tense of the reporting verb.
``effective_text`` keeps the cue and the date as written, also when no reference date resolves
it (then ``effective`` is None).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ...models import TariffRate
from ..data_files import read_table
from ..dates import resolve_expression
from ..document import DateMention, doc_text
from .context import Percent, percents_in
from .cues import replaced_rate_status

#: Characters looked at before a date for its cue.
CUE_REACH = 60
_MONTH_DAY = re.compile(
    r"(?i)(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
_TARIFF_WORD = re.compile(r"(?i)(?<![\w])(?:tariffs?|dut(?:y|ies)|levy|levies)(?![\w])")
_BARE_ON = re.compile(r"(?i)(?<![\w])on\s+$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class EffectiveDate:
    """A cued date in the text (local offsets from the cue's start to the date's end)."""

    start: int
    end: int
    text: str
    date: dt.date | None


@dataclass(frozen=True)
class _Cues:
    before_date: re.Pattern[str]
    immediate: re.Pattern[str]
    follow_up: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> _Cues:
    """The compiled cue patterns of ``data/effective.json``."""
    data = read_table("effective.json")
    spaced = [c.replace(" ", r"\s+") for c in data["cues"]]
    before = re.compile(r"(?i)(?<![\w])(?:" + "|".join(spaced) + r")\s*(?:the\s+)?$")
    immediate = re.compile(
        r"(?i)(?<![\w])(?:" + "|".join(c.replace(" ", r"\s+") for c in data["immediate"]) + r")"
    )
    follow_up = re.compile(
        r"(?i)(?<![\w])(?:" + "|".join(data["follow_up_subjects"]) + r")(?![\w])"
    )
    return _Cues(before, immediate, follow_up)


def cued_dates(doc: Doc) -> list[EffectiveDate]:
    """Every date of ``doc`` an effect cue introduces, in text order (local offsets)."""
    text = doc_text(doc)
    found = []
    ref = doc._.reference_date
    for mention in doc._.dates or []:
        cued = _cued(text, mention, ref)
        if cued is not None:
            found.append(cued)
    for m in cues().immediate.finditer(text):
        found.append(EffectiveDate(m.start(), m.end(), m.group(0), ref))
    return sorted(found, key=lambda e: (e.start, e.end))


def on_dates(doc: Doc) -> list[EffectiveDate]:
    """Day dates introduced by a bare "on" (local offsets, from "on" to the date's end)."""
    text = doc_text(doc)
    ref = doc._.reference_date
    found = []
    for mention in doc._.dates or []:
        lead = text[max(0, mention.start - 4) : mention.start]
        if mention.granularity == "day" and _BARE_ON.search(lead):
            start = mention.start - len(lead) + lead.lower().rindex("on")
            found.append(
                EffectiveDate(start, mention.end, text[start : mention.end], _day(mention, ref))
            )
    return found


def _cued(text: str, mention: DateMention, ref: dt.date | None) -> EffectiveDate | None:
    if mention.granularity != "day":
        return None  # "from August" names no day
    lead = text[max(0, mention.start - CUE_REACH) : mention.start]
    m = cues().before_date.search(lead)
    if m is None:
        return None
    start = mention.start - len(lead) + m.start()
    return EffectiveDate(start, mention.end, text[start : mention.end], _day(mention, ref))


def _day(mention: DateMention, ref: dt.date | None) -> dt.date | None:
    """The mention's day; a month and day without a year take the year nearest the reference
    date: the tense of the reporting verb ("announced a tariff beginning Oct. 1") does not say
    on which side of it the rate starts."""
    if ref is None or mention.date is None or not _MONTH_DAY.search(mention.text):
        return mention.date
    if _YEAR.search(mention.text):
        return mention.date
    return resolve_expression(mention.text, ref, "near") or mention.date


def with_effective_dates(doc: Doc, tariffs: list[TariffRate]) -> list[TariffRate]:
    """``tariffs`` with ``effective`` / ``effective_text`` set where their clause says when,
    or a follow-up sentence does ("The new charges will be effective from April 10")."""
    if not tariffs:
        return tariffs
    dates = cued_dates(doc)
    if not dates:
        return tariffs
    percents = percents_in(doc)
    parallel = on_dates(doc)
    stated = [_statements(doc, tariff, percents) for tariff in tariffs]
    follow_ups = _follow_ups(doc, percents, dates)
    leading = _leading_imposers(tariffs, stated)
    rates = Counter(t.rate_percent for t in tariffs)
    claimed = {(pct.start, pct.end) for places in stated for pct, _ in places}
    unclaimed: dict[float, list[Percent]] = {}
    for pct in percents:
        if (pct.start, pct.end) not in claimed and _about_tariffs(doc, pct):
            unclaimed.setdefault(pct.value, []).append(pct)
    out = []
    for tariff, places in zip(tariffs, stated, strict=True):
        if any(_replaced(doc, pct) for pct, _ in places):
            out.append(tariff)  # "up from 84%, will apply from Saturday": the new rate's date
            continue
        found = next(
            (d for pct, _ in places if (d := date_of_percent(doc, pct, percents, dates, parallel))),
            None,
        )
        if found is None:
            found = next(
                (
                    follow_ups[sent]
                    for _, sent in places
                    if sent in follow_ups and leading.get(sent) == tariff.imposer
                ),
                None,
            )
        if found is None and rates[tariff.rate_percent] == 1:
            found = next(
                (
                    d
                    for pct in unclaimed.get(tariff.rate_percent, ())
                    if (d := date_of_percent(doc, pct, percents, dates, parallel))
                ),
                None,
            )
        if found is None:
            out.append(tariff)
        else:
            update = {"effective": found.date, "effective_text": found.text}
            update["status"] = status_on(tariff.status, found.date, doc._.reference_date)
            out.append(tariff.model_copy(update=update))
    return out


def status_on(status: str, effective: dt.date | None, reference: dt.date | None) -> str:
    """The status of a rate that applies from ``effective``, seen on ``reference``: a rate
    that starts later is announced ("starting next Monday"), one that started is in effect
    ("took effect on March 4"). Paused, removed, threatened, proposed and claimed stand."""
    if effective is None or reference is None or status not in {"in_effect", "announced"}:
        return status
    return "announced" if effective > reference else "in_effect"


def _replaced(doc: Doc, pct: Percent) -> bool:
    """True for the rate a change starts from ("up from 84%"): it has no start date of its own."""
    span = doc.char_span(pct.start, pct.end, alignment_mode="expand")
    return span is not None and replaced_rate_status(doc, span) is not None


def _about_tariffs(doc: Doc, pct: Percent) -> bool:
    """True when the sentence of ``pct`` names a tariff (a restated rate the rules did not read:
    "the increase in U.S. tariffs ..., to rise to 50%, came into effect on August 27")."""
    span = doc.char_span(pct.start, pct.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and bool(_TARIFF_WORD.search(span.sent.text))


def _statements(doc: Doc, tariff: TariffRate, percents: list[Percent]) -> list[tuple[Percent, int]]:
    """Where ``tariff``'s rate is written in its evidence: each percent and its sentence start."""
    base = doc._.base_offset or 0
    places = []
    for ev in tariff.evidence:
        start, end = ev.start - base, ev.end - base
        for pct in percents:
            if start <= pct.start and pct.end <= end and pct.value == tariff.rate_percent:
                span = doc.char_span(pct.start, pct.end, alignment_mode="expand")
                if span is not None and len(span):
                    places.append((pct, span.sent.start_char))
    return places


def _leading_imposers(
    tariffs: list[TariffRate], stated: list[list[tuple[Percent, int]]]
) -> dict[int, str | None]:
    """Per sentence start: the imposer of the rate written first in that sentence."""
    first: dict[int, tuple[int, str | None]] = {}
    for tariff, places in zip(tariffs, stated, strict=True):
        for pct, sent in places:
            if sent not in first or pct.start < first[sent][0]:
                first[sent] = (pct.start, tariff.imposer)
    return {sent: imposer for sent, (_, imposer) in first.items()}


def _follow_ups(
    doc: Doc, percents: list[Percent], dates: list[EffectiveDate]
) -> dict[int, EffectiveDate]:
    """Sentence start -> the cued date of the next sentence, when that one states no rate and
    names the tariff (or "it", "they") before its cue."""
    text = doc_text(doc)
    sents = list(doc.sents)
    out: dict[int, EffectiveDate] = {}
    for prev, nxt in zip(sents, sents[1:], strict=False):
        lo, hi = nxt.start_char, nxt.end_char
        if any(lo <= p.start < hi for p in percents):
            continue
        for d in dates:
            if lo <= d.start and d.end <= hi and cues().follow_up.search(text[lo : d.start]):
                out[prev.start_char] = d
                break
    return out


def date_of_percent(
    doc: Doc,
    pct: Percent,
    percents: list[Percent],
    dates: list[EffectiveDate],
    on_dates: list[EffectiveDate] | None = None,
) -> EffectiveDate | None:
    """The cued date of one rate: the first after it before the next rate, else (in a sentence
    where another rate has a cued date) an "on" date after it ("15% effective January 1, 2027,
    and 30% on January 1, 2028"), else (for the first rate of a sentence) the last cued date
    before it, else one opening the sentence before every rate."""
    span = doc.char_span(pct.start, pct.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sent = span.sent
    lo, hi = sent.start_char, sent.end_char
    in_sentence = [p for p in percents if lo <= p.start and p.end <= hi]
    before = [p for p in in_sentence if p.end <= pct.start]
    after = [p for p in in_sentence if p.start >= pct.end]
    stretch_lo = before[-1].end if before else lo
    stretch_hi = after[0].start if after else hi
    following = [d for d in dates if pct.end <= d.start and d.end <= stretch_hi]
    if following:
        return following[0]
    if on_dates and any(lo <= d.start and d.end <= hi for d in dates):
        parallel = [d for d in on_dates if pct.end <= d.start and d.end <= stretch_hi]
        if parallel:
            return parallel[0]
    # a date between two rates times the earlier one ("15% from May 1, and 10% ...")
    preceding = [d for d in dates if stretch_lo <= d.start and d.end <= pct.start]
    if preceding and not before:
        return preceding[-1]
    first = in_sentence[0].start if in_sentence else pct.start
    opening = [d for d in dates if lo <= d.start and d.end <= first]
    return opening[0] if len(opening) == 1 else None
