"""Pipeline component tf_dates: date expressions, resolved against ``doc._.reference_date``.

Spans come from bounded regular expressions over ``doc.text`` (weekdays, "April 2",
"2 April 2025", ISO dates, "today", "later this month", named days such as "Liberation Day")
plus spaCy DATE entities. Each span's text is normalised by ``dateparser`` (see
``dateparsing.py``: cached per span, reference date and clause tense); spaCy DATE spans our
patterns do not know ("the 16th", "in 90 days") gain a date the same way.

Rules of our own, kept where they beat dateparser (each measured in tests/pipeline/
test_date_table.py, where dateparser alone gets them wrong):
- weekdays follow the tense of the clause that governs them: past -> the latest such weekday on
  or before the reference date; future ("will", "is set to", "plans to", "next") -> the first
  on or after it; present tense, "would" under a past reporting verb, or no verb -> the nearest
  one (same day wins). "last X" / "next X" are strictly before / after.
- "April 2" (read by dateparser) takes the reference year, moved a year back (past clause) or
  forward (future clause) only when more than two days on the wrong side of the reference
  date; unknown tense takes the nearest of the three candidate years.
- "04/05/2025" (both fields <= 12) stays open: dateparser would silently read it month-first.
- named days ("Liberation Day") come from our table.
- month-, year- and vague spans ("in March", "last year", "later this month") keep
  ``date=None`` with granularity "month" / "year" / "vague".
- with no reference date, the LATEST explicit full date in the text (e.g. "April 16, 2025",
  even in a tweet's dateline) that is not in a future clause nor after "by/until/before"
  becomes ``doc._.reference_date``; without one, relative dates stay unresolved.
Date mentions inside page clutter are kept (they are mentions, not facts). The clause tense
comes from ``tense.py``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .data_files import read_table
from .dateparsing import Tense, day_of, has_date_cue
from .document import DateMention, doc_text, in_clutter, register_extensions
from .quantities import SpanSet, anchor_segments, scan
from .tense import governing_verb, tense_of_span

TenseOf = Callable[[int, int], Tense]

_SP = r"[ \u00a0]"
_PERIOD_EDGE = re.compile(r"(?i)(?:by\s)?(?:the\s)?(?:end|start|beginning|middle)\s")
_DEADLINE = re.compile(r"(?:by|until|till|before|through|deadline of)\s*$")
_PHOTO = re.compile(r"(?i)\bphoto(?:graph)?\b|\bpictured\b|getty images|reuters/|\bAP\s?photo")
_HANDLE = re.compile(r"\(@\w{1,30}\)|@\w{1,30}\s*\)?\s*$")
_STAMP_LEAD = re.compile(r"(?i)\b(?:published|updated|posted|first published)\b[\s:]*(?:on\s)?$")
_STAMP_WORDS = re.compile(
    r"(?i)(?<![a-z])(?:am|pm|a\.m\.|p\.m\.|gmt|bst|utc|edt|est|et|cet|cest|ist|jst|kst)\b"
)
_QUOTE_REACH = 2000  # characters looked at around a quoted "today" (bounds the work)
_DIGIT_ANCHORS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d/\d")


@dataclass(frozen=True)
class _Raw:
    """A recognised date span before resolution."""

    start: int
    end: int
    kind: str  # full | monthday | month | year | iso | numeric | weekday | relday | vague ...
    parts: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        """The named part of the match, or None."""
        return dict(self.parts).get(key)


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    """The dates data file (months, weekdays, named days, tense lemmas)."""
    data: dict[str, Any] = read_table("dates.json")
    return data


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, compiled regex) recognisers in priority order, built once."""
    t = tables()
    month_names = [m for m in t["months"] if len(m) > 3 or m == "May"]
    abbrevs = [m for m in t["months"] if len(m) <= 4 and m != "May"]
    month = rf"(?P<month>(?:{_alt(month_names)})(?![\w])|(?:{_alt(abbrevs)})\.?(?![\w]))"
    weekday_full = _alt([w for w in t["weekdays"] if len(w) > 4])
    weekday = rf"(?P<weekday>{weekday_full})(?![\w])"
    lead_weekday = rf"(?:(?:{weekday_full}),?{_SP})?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d\w])"
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)"
    unit = r"(?P<unit>weeks?|months?|years?|weekend)"
    rel_words = ("this", "last", "next", "the coming", "the past", "the previous", "the following")
    rel = "(?i:(?P<rel>" + "|".join(w.replace(" ", _SP) for w in rel_words) + "))"
    return [
        ("named", re.compile(rf"(?<![\w])(?P<name>{_alt(list(t['named_days']))})(?![\w])")),
        (
            "iso",
            re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])"),
        ),
        (
            "numeric",
            re.compile(
                r"(?<![\w/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\w/])"
            ),
        ),
        (
            "full",
            re.compile(rf"(?<![\w]){lead_weekday}{month}{_SP}{day}(?:,?{_SP}{year})?"),
        ),
        (
            "full",
            re.compile(
                rf"(?<![\w\d]){lead_weekday}{day}{_SP}(?:of{_SP})?{month}(?:,?{_SP}{year})?"
            ),
        ),
        ("monthyear", re.compile(rf"(?<![\w]){month},?{_SP}{year}")),
        (
            "month",
            re.compile(
                rf"(?<![\w])(?P<lead>(?i:in|since|until|by|from|through|during|before|after"
                rf"|early|late|mid|end{_SP}of|this|last|next)){_SP}?-?"
                rf"(?:(?i:early|late|mid){_SP}?-?)?{month}"
            ),
        ),
        (
            "weekday",
            re.compile(
                rf"(?<![\w])(?:(?P<mod>(?i:on|last|next|this|early|late|coming|past)){_SP})?"
                rf"{weekday}(?:(?P<poss>['’]s)|{_SP}(?P<part>morning|afternoon|evening|night))?"
            ),
        ),
        (
            "relday",
            re.compile(
                r"(?<![\w])(?P<rel>(?i:today|tonight|yesterday|tomorrow)"
                rf"|(?i:this){_SP}(?:morning|afternoon|evening))(?![\w])"
            ),
        ),
        (
            "ago",
            re.compile(
                r"(?<![\w])(?P<num>\d{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|a))"
                rf"{_SP}(?P<unit>(?i:days?|weeks?|months?|years?)){_SP}(?i:ago)(?![\w])"
            ),
        ),
        (
            "relperiod",
            re.compile(
                rf"(?<![\w])(?:(?i:(?:by{_SP})?(?:the{_SP})?(?:end|start|beginning|middle){_SP}of)"
                rf"{_SP}|(?P<dir>(?i:earlier|later|early|late)){_SP})?"
                rf"(?:{rel}|(?i:the))"
                rf"{_SP}(?i:{unit})(?![\w])"
            ),
        ),
        (
            "year",
            re.compile(
                rf"(?<![\w])(?P<lead>(?i:in|since|by|until|before|after|from|through|during"
                rf"|early|late|mid|end{_SP}of|fiscal)){_SP}?-?{year}"
            ),
        ),
    ]


def _parts(m: re.Match[str]) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in m.groupdict().items() if v is not None)


@lru_cache(maxsize=1)
def _anchor_words() -> frozenset[str]:
    """Lower-case words at least one of which sits in (or just after) every date span."""
    t = tables()
    words = {w.lower() for w in t["months"]} | {w.lower() for w in t["weekdays"]}
    words |= {name.split()[0].lower() for name in t["named_days"]}
    words |= {"today", "tonight", "yesterday", "tomorrow", "ago", "this", "last", "next"}
    words |= {"coming", "past", "previous", "following", "end", "start", "beginning", "middle"}
    return frozenset(words)


def recognise(text: str) -> list[_Raw]:
    """Date spans in ``text`` (local offsets), earlier recognisers winning overlaps."""
    found: list[_Raw] = []
    taken = SpanSet()
    segments = anchor_segments(text, _anchor_words(), _DIGIT_ANCHORS, before=60, after=80)
    for kind, pattern in patterns():
        new: list[_Raw] = []
        for m in scan(pattern, text, segments):
            start, end = m.start(), m.end()
            if kind == "weekday" and m["poss"]:
                end = m.start("poss")  # "Wednesday's meeting": the date is "Wednesday"
            if kind == "relperiod" and not (m["rel"] or _PERIOD_EDGE.match(m.group(0))):
                continue  # "the week" alone is no date; "the end of the week" is
            if taken.overlaps(start, end):
                continue
            new.append(_Raw(start, end, kind, _parts(m)))
        found.extend(new)
        taken.add_all([(r.start, r.end) for r in new])
    return sorted(found, key=lambda r: r.start)


# --- resolution --------------------------------------------------------------------------


def _weekday_date(ref: dt.date, weekday: int, tense: Tense, mod: str | None) -> dt.date | None:
    """The date of ``weekday`` relative to ``ref`` for the clause tense and modifier.

    Kept rule: dateparser never picks the reference day itself for a past or future weekday
    ("met on Thursday" in Thursday's paper), nor the nearest one in an untensed clause.
    """
    forward = (weekday - ref.weekday()) % 7
    back = (ref.weekday() - weekday) % 7
    mod = (mod or "").lower()
    if mod in ("next", "coming"):
        days = forward or 7
    elif mod in ("last", "past"):
        days = -(back or 7)
    elif tense == "past":
        days = -back
    elif tense == "future":
        days = forward
    else:
        days = forward if forward < back else -back
    try:
        return ref + dt.timedelta(days=days)
    except OverflowError:  # a reference date at the edge of the calendar
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day_date(ref: dt.date, month: int, day: int, tense: Tense) -> dt.date | None:
    """The date of "April 2" with the year chosen from the reference date and the clause tense."""
    this_year = _safe_date(ref.year, month, day)
    if this_year is None:
        return None
    slack = dt.timedelta(days=2)
    if tense == "past" and this_year > ref + slack:
        return _safe_date(ref.year - 1, month, day)
    if tense == "future" and this_year < ref - slack:
        return _safe_date(ref.year + 1, month, day)
    if tense in ("past", "future"):
        return this_year
    candidates = [d for d in (_safe_date(ref.year + k, month, day) for k in (-1, 0, 1)) if d]
    return min(candidates, key=lambda d: abs((d - ref).days))


#: Public names of the day rules above, shared with the TIMEX3 tagger (``pipeline/timex``).
weekday_date = _weekday_date
month_day_date = _month_day_date


def _ambiguous_numeric(raw: _Raw) -> bool:
    """True for "04/05/2025": both fields could be the month.

    Kept rule: dateparser silently reads such dates month-first.
    """
    a, b = int(raw.get("a") or 0), int(raw.get("b") or 0)
    return a <= 12 and b <= 12 and a != b


def _explicit_full(raw: _Raw, text: str) -> dt.date | None:
    """The date of a span that names day, month and year itself, or None (read by dateparser)."""
    if raw.get("year") is None or raw.kind not in ("iso", "numeric", "full"):
        return None
    if raw.kind == "numeric" and _ambiguous_numeric(raw):
        return None
    return day_of(text[raw.start : raw.end], None, absolute=True)


def _month_day(raw: _Raw, ref: dt.date, text: str, tense_of: TenseOf) -> dt.date | None:
    """The date of "April 2" / "the 2nd of April": dateparser reads it, our rule picks the year."""
    tense = tense_of(raw.start, raw.end)
    parsed = day_of(text[raw.start : raw.end], ref, tense)
    return _month_day_date(ref, parsed.month, parsed.day, tense) if parsed else None


def _resolve(raw: _Raw, ref: dt.date | None, text: str, tense_of: TenseOf) -> DateMention:
    """A ``DateMention`` for a recognised span, resolved against ``ref`` when possible.

    ``tense_of(start, end)`` gives the tense of the clause around a span (asked only when needed).
    """
    t = tables()
    span_text = text[raw.start : raw.end]
    mention = DateMention(raw.start, raw.end, span_text, None, "vague", None)
    weekday_name = raw.get("weekday")
    if weekday_name is not None:
        mention.weekday = t["weekdays"][weekday_name]
    if raw.kind in ("iso", "numeric", "full"):
        mention.granularity = "day"
        mention.date = _explicit_full(raw, text)
        if mention.date is None and raw.kind == "full" and ref is not None and not raw.get("year"):
            mention.date = _month_day(raw, ref, text, tense_of)
    elif raw.kind == "named":
        mention.granularity = "day"
        mention.date = dt.date.fromisoformat(t["named_days"][raw.get("name") or ""])
    elif raw.kind == "weekday":
        mention.granularity = "day"
        if ref is not None and mention.weekday is not None:
            tense = tense_of(raw.start, raw.end)
            mention.date = _weekday_date(ref, mention.weekday, tense, raw.get("mod"))
    elif raw.kind == "relday":
        mention.granularity = "day"
        mention.date = day_of(span_text, ref)
    elif raw.kind == "ago":
        if (raw.get("unit") or "").lower().rstrip("s") in ("day", "week"):
            mention.granularity = "day"
            mention.date = day_of(span_text, ref)
    elif raw.kind in ("month", "monthyear"):
        mention.granularity = "month"
    elif raw.kind == "year":
        mention.granularity = "year"
    elif raw.kind == "relperiod":
        unit = (raw.get("unit") or "").lower()
        mention.granularity = {"month": "month", "year": "year"}.get(unit.rstrip("s"), "vague")
    if mention.date is not None:
        mention.weekday = mention.date.weekday()
    return mention


_IN_OFFSET = re.compile(
    r"(?i)(?:\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|sixty|ninety)\s+(?:days?|weeks?)"
)
_LEADING_IN = re.compile(r"(?i)(?<![\w])in\s$")


def _with_leading_in(text: str, start: int, end: int) -> int:
    """The start of "in 90 days" when spaCy's DATE entity is only "90 days"."""
    if _IN_OFFSET.fullmatch(text[start:end]) and _LEADING_IN.search(text, max(0, start - 4), start):
        return start - 3
    return start


def _spacy_dates(doc: Doc, taken: SpanSet, ref: dt.date | None, text: str) -> list[DateMention]:
    """spaCy DATE entities no pattern covered: a day when dateparser reads one, else vague.

    Vague ones are kept only with a relative anchor word ("the coming weeks").
    """
    anchors = set(tables()["vague_anchor_words"])
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or len(ent) > 8:
            continue
        start, end = _with_leading_in(text, ent.start_char, ent.end_char), ent.end_char
        if taken.overlaps(start, end):
            continue
        span_text = text[start:end]
        date = None
        if has_date_cue(span_text):
            date = day_of(span_text, ref, tense_of_span(doc, start, end, text))
        if date is not None:
            out.append(DateMention(start, end, span_text, date, "day", date.weekday()))
            continue
        words = {tok.lower_.strip("-") for tok in ent} | {
            part for tok in ent for part in tok.lower_.split("-")
        }
        if words & anchors:
            out.append(DateMention(start, end, span_text, None, "vague", None))
    return out


def inside_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside an open quotation on its line (curly or straight quotes)."""
    line_start = text.rfind("\n", max(0, pos - _QUOTE_REACH), pos) + 1
    before = text[max(line_start, pos - _QUOTE_REACH) : pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _reanchor_quoted(
    doc: Doc, text: str, mention: DateMention, mentions: list[DateMention], starts: list[int]
) -> None:
    """Resolve a quoted "today"/"tomorrow" against the day its paragraph gives, if any.

    In “Japan is coming in today,” Trump posted Wednesday, "today" is that Wednesday.
    """
    if not inside_quotes(text, mention.start) or doc._.reference_date is None:
        return
    lo = max(text.rfind("\n", 0, mention.start) + 1, mention.start - _QUOTE_REACH)
    hi = text.find("\n", mention.end, mention.end + _QUOTE_REACH)
    hi = min(len(text), mention.end + _QUOTE_REACH) if hi < 0 else hi
    nearby = mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
    anchors = [
        m
        for m in nearby
        if m is not mention
        and m.date is not None
        and m.granularity == "day"
        and not inside_quotes(text, m.start)
    ]
    if not anchors:
        return
    offset = (mention.date - doc._.reference_date).days if mention.date else 0
    anchor_date = min(anchors, key=lambda m: abs(m.start - mention.start)).date
    if anchor_date is not None:
        try:
            mention.date = anchor_date + dt.timedelta(days=offset)
        except OverflowError:
            return
        mention.weekday = mention.date.weekday()


def _line_of(text: str, start: int, end: int) -> str:
    """The line around ``[start, end)``, at most ~300 characters each side."""
    lo = text.rfind("\n", max(0, start - 300), start) + 1
    hi = text.find("\n", end, end + 300)
    return text[max(lo, start - 300) : hi if hi >= 0 else min(len(text), end + 300)]


def _reliable_datestamp(doc: Doc, raw: _Raw, text: str) -> bool:
    """False for dates that do not date the article: deadlines, photo captions, clutter.

    In clutter, a social-media embed's dateline ("— name (@handle) April 16, 2025"), a
    "Published 13 June 2025" stamp or a bare date/time line ("3 July 2025 • 9:41am") is kept;
    other clutter (captions, credits: often an old file photo) is not.
    """
    before = text[max(0, raw.start - 12) : raw.start].lower()
    if _DEADLINE.search(before):
        return False
    line = _line_of(text, raw.start, raw.end)
    if _PHOTO.search(line):
        return False
    if in_clutter(doc, raw.start, raw.end):
        lead = text[max(0, raw.start - 80) : raw.start]
        if _HANDLE.search(lead) or _STAMP_LEAD.search(lead):
            return True
        rest = line.replace(text[raw.start : raw.end], " ", 1)
        return len(line) < 80 and not re.search(r"[A-Za-z]", _STAMP_WORDS.sub(" ", rest))
    return True


def infer_reference(doc: Doc, raws: list[_Raw], text: str) -> dt.date | None:
    """The latest explicit full date of ``doc`` that is a reliable, non-future datestamp."""
    best = None
    for raw in raws:
        date = _explicit_full(raw, text)
        if date is None or not _reliable_datestamp(doc, raw, text):
            continue
        if tense_of_span(doc, raw.start, raw.end, text) == "future":
            continue
        best = date if best is None or date > best else best
    return best


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date mention of ``doc`` (local offsets), resolved where the reference allows."""
    text = doc_text(doc)
    raws = recognise(text)
    ref = doc._.reference_date
    if ref is None:
        ref = infer_reference(doc, raws, text)
        if ref is not None:
            doc._.reference_date = ref

    def tense_of(start: int, end: int) -> Tense:
        return tense_of_span(doc, start, end, text)

    mentions = [_resolve(raw, ref, text, tense_of) for raw in raws]
    starts = [m.start for m in mentions]
    for raw, mention in zip(raws, mentions, strict=True):
        if raw.kind == "relday" and mention.date is not None:
            _reanchor_quoted(doc, text, mention, mentions, starts)
    mentions += _spacy_dates(doc, SpanSet([(m.start, m.end) for m in mentions]), ref, text)
    return sorted(mentions, key=lambda m: (m.start, m.end))


def resolve_expression(text: str, ref: dt.date | None, tense: Tense = "near") -> dt.date | None:
    """The day ``text`` (one date expression) names in a clause of ``tense``, as tf_dates does.

    Our recognisers and rules first; an expression they do not know goes to dateparser the way
    a spaCy DATE entity does.
    """
    raws = recognise(text)
    if not raws:
        return day_of(text, ref, tense) if has_date_cue(text) else None
    return _resolve(raws[0], ref, text, lambda start, end: tense).date


# --- helpers for the other stages ---------------------------------------------------------


def dates_in(doc: Doc, start: int, end: int) -> list[DateMention]:
    """Date mentions on ``doc._.dates`` overlapping the LOCAL character range."""
    mentions = doc._.dates or []
    starts = [m.start for m in mentions]
    hi = bisect.bisect_left(starts, end)
    return [m for m in mentions[:hi] if m.end > start]


def _token_span(doc: Doc, mention: DateMention) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def date_for_token(doc: Doc, token: Token) -> DateMention | None:
    """The date attached to ``token`` (a verb or noun): by the parse, else nearest in its sentence.

    A date is attached when walking up from the date's root reaches ``token`` before any other
    verb ("met ... on Wednesday", "Wednesday's meeting"), or reaches the verb governing
    ``token`` when ``token`` is a noun ("talks" in "held talks on Wednesday").
    """
    sent = token.sent
    candidates = dates_in(doc, sent.start_char, sent.end_char)
    if not candidates:
        return None
    own_verb = governing_verb(token)
    spans = [(m, _token_span(doc, m)) for m in candidates]
    for targets in ((token,), (own_verb,) if own_verb is not None else ()):
        for mention, span in spans:
            if span is None or len(span) == 0:
                continue
            current = span.root
            for _ in range(10):
                if current in targets:
                    return mention
                if current.pos_ in ("VERB", "AUX") and current is not span.root:
                    break
                if current.head.i == current.i:
                    break
                current = current.head
    return min(
        candidates,
        key=lambda m: min(abs(m.start - token.idx), abs(m.end - (token.idx + len(token)))),
    )


@Language.component("tf_dates")
def dates(doc: Doc) -> Doc:
    """Store the date mentions of ``doc`` on ``doc._.dates`` (sets an inferred reference date)."""
    register_extensions()
    doc._.dates = find_dates(doc)
    return doc
