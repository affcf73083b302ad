"""Pipeline component tf_quantities: money, percentages, durations, counts and measures.

Spans are recognised with a few bounded regular expressions over ``doc.text`` (money, percent,
duration, measure) and with the dependency parse (counts: a cardinal number modifying a plural
noun). Money, percent, duration and count are normalised here: quantulum3 misreads news forms
such as "$1.4bn" (a "dollar barn newton") and "50-minute" (minutes of arc). Physical amounts
("770,000 tonnes", "2 million barrels a day") are read by quantulum3 (see ``measures.py``), and
money followed by "a barrel" records the unit in ``per_unit``. Results are ``models.Quantity``
objects with absolute evidence on ``doc._.quantities``; spans touching page clutter are dropped.

Decisions (documented for the other stages):
- ``text`` is the number with its unit/currency (``"$1.4bn"``, ``"24%"``, ``"75 countries"``);
  qualifiers before it ("about", "more than") set ``approximate`` but are not part of the text.
- ranges ("10-20%", "$5-10bn") give one quantity per end; a bare low end ("10" of "10-20%")
  gets the span of its own number and the unit of the high end.
- "percentage points" and "basis points" are kind ``percent`` with unit ``percentage_point``
  (a change of a rate, not a rate), so the tariff stage can tell them apart.
- vague money ("hundreds of billions of dollars", "multi-billion dollar") is emitted with
  ``approximate=True`` and the value of its lower bound (1e11, 1e9); vague counts ("dozens of
  countries") and fractions ("a third") are skipped.
- durations use the unit written, except fractional hours ("an hour and a half") which become
  minutes and decades which become years.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..models import Evidence, Quantity
from .data_files import read_table
from .document import doc_text, in_clutter, register_extensions
from .local_currency import localise_dollars

_SP = r"[ \u00a0]"
_DIGITS = r"(?:\d{1,3}(?:,\d{3}){1,4}(?![\d])|\d{1,15}(?![\d,]\d))(?:\.\d{1,6}(?!\d))?"
_DASH = r"(?:-|–|—|to)"


Segments = list[tuple[int, int]]
_DIGIT_NUMBER = re.compile(r"\d[\d,]{0,20}(?:\.\d{1,6})?|\.\d{1,6}")
_WORD = re.compile(r"[^\W\d_]{1,40}")


def anchor_segments(
    text: str, words: frozenset[str], chars: re.Pattern[str], before: int = 40, after: int = 160
) -> Segments:
    """Merged windows of ``text`` around anchors (``chars`` matches or one of ``words``).

    Every recogniser's match contains an anchor near its start, so scanning only these
    windows finds the same spans while skipping the bulk of the text (speed on long articles
    and hostile input). Each window reaches ``after`` characters past its last anchor.
    """
    points = [m.start() for m in chars.finditer(text)]
    points += [m.start() for m in _WORD.finditer(text) if m.group(0).lower() in words]
    return merge_windows(points, before, after, len(text))


def merge_windows(points: list[int], before: int, after: int, limit: int) -> Segments:
    """Sorted, merged ``[p - before, p + after)`` windows (clipped to ``[0, limit)``)."""
    segments: Segments = []
    for p in sorted(points):
        start, end = max(0, p - before), min(limit, p + after)
        if segments and start <= segments[-1][1]:
            segments[-1] = (segments[-1][0], max(segments[-1][1], end))
        else:
            segments.append((start, end))
    return segments


def word_index(text: str) -> dict[str, list[int]]:
    """Lower-case word -> start offsets of its occurrences in ``text``."""
    index: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        index.setdefault(m.group(0).lower(), []).append(m.start())
    return index


@dataclass(frozen=True)
class Cue:
    """What must occur in a recogniser's match: one of ``words`` or a ``chars`` match.

    The recogniser scans only ``before``/``after`` characters around each cue.
    """

    words: frozenset[str]
    chars: re.Pattern[str] | None
    before: int
    after: int

    def segments(self, text: str, index: dict[str, list[int]]) -> Segments:
        """The windows of ``text`` this cue opens."""
        points = [p for w in self.words for p in index.get(w, ())]
        if self.chars is not None:
            points += [m.start() for m in self.chars.finditer(text)]
        return merge_windows(points, self.before, self.after, len(text))


class SpanSet:
    """Non-overlapping ``(start, end)`` ranges with logarithmic overlap tests."""

    def __init__(self, ranges: list[tuple[int, int]] | None = None) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self.add_all(ranges or [])

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a stored range."""
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add_all(self, ranges: list[tuple[int, int]]) -> None:
        """Store ``ranges`` (which must not overlap the stored ones nor each other)."""
        if ranges:
            merged = sorted([*zip(self._starts, self._ends, strict=True), *ranges])
            self._starts = [a for a, _ in merged]
            self._ends = [b for _, b in merged]


def scan(pattern: re.Pattern[str], text: str, segments: Segments) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` restricted to the anchor windows of ``text``."""
    for start, end in segments:
        yield from pattern.finditer(text, start, end)


@dataclass(frozen=True)
class Found:
    """A recognised quantity span (local offsets) with its normalised value."""

    start: int
    end: int
    kind: str
    value: float
    unit: str
    approximate: bool = False
    per_unit: str | None = None


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    """The quantities data file (currencies, scales, number words, units)."""
    data: dict[str, Any] = read_table("quantities.json")
    return data


@lru_cache(maxsize=1)
def cues() -> dict[str, Cue]:
    """Per recogniser: the cue its matches contain and how far around it to look."""
    t = tables()
    alpha_prefixes = {
        p.rstrip(".").lower() for p in t["currency_prefixes"] if p.rstrip(".").isalpha()
    }
    symbols = re.compile(r"[$€£¥₹₩₱₫₺₪฿]+")
    money_words = {w.lower() for w in t["currency_words"]} | {
        c.lower() for c in t["currency_codes_after"]
    }
    pct_words = {"per", "percent", "pct", "pc", "percentage", "basis", "bps"}
    vague = {"thousands", "millions", "billions", "trillions", "multi"}
    vague |= {"multimillion", "multibillion", "multitrillion"}
    return {
        "vague_money": Cue(frozenset(vague), None, before=40, after=60),
        "money_prefix": Cue(frozenset(alpha_prefixes), symbols, before=12, after=80),
        "money_suffix": Cue(frozenset(money_words), None, before=80, after=25),
        "percent": Cue(frozenset(pct_words), re.compile("%+"), before=70, after=30),
        "duration": Cue(frozenset(t["duration_units"]), None, before=70, after=30),
        "measure": Cue(
            frozenset(unit.split()[0] for unit in t["measure_units"]), None, before=70, after=40
        ),
    }


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _number_pattern() -> str:
    """Regex for a number: digits (with separators/decimals) or English number words."""
    words = _alternation(list(tables()["number_words"]))
    word_number = rf"(?:(?:{words})(?:[- ](?:{words}))?(?:{_SP}hundred)?|a{_SP}hundred)"
    return rf"(?:{_DIGITS}|(?i:{word_number})(?![\w]))"


@lru_cache(maxsize=1)
def _scale_pattern() -> str:
    """Regex for a scale after a number: words with a space/hyphen, abbreviations attached."""
    scales = list(tables()["scales"])
    long_words = [s for s in scales if len(s) > 3]
    short = [s for s in scales if len(s) <= 3]
    return (
        rf"(?:[ \u00a0-](?i:{_alternation(long_words)})|{_SP}?(?:{_alternation(short)})"
        r"|" + rf"{_SP}(?:bn|mn|mln|bln|tn|trn))(?![\w])"
    )


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    """The compiled recognisers, built once."""
    t = tables()
    num = _number_pattern()
    scale = _scale_pattern()
    prefixes = _alternation(list(t["currency_prefixes"]))
    words = _alternation(list(t["currency_words"]))
    qualifiers = sorted({q.rsplit(" ", 1)[0] for q in t["qualified_currency_words"]})
    adj = _alternation(qualifiers)
    codes_after = _alternation(t["currency_codes_after"])
    pct_units = (
        r"%|(?i:per[ \u00a0-]?cent|percent|pct|pc|percentage[ \u00a0]points?"
        r"|basis[ \u00a0]points?|bps)(?![\w])"
    )
    lo_range = (
        rf"(?:(?P<lo>{_DIGITS})(?P<lounit>{pct_units})?{_SP}?{_DASH}{_SP}?"
        rf"|(?P<listed>{_DIGITS}){_SP}(?:and|or){_SP})?"
    )
    money_lo = rf"(?:(?P<lo>{_DIGITS})(?P<loscale>{scale})?{_SP}?(?:-|–|to){_SP}?)?"
    return {
        "vague_money": re.compile(
            rf"(?i)(?<![\w])(?:(?P<mult>tens|dozens|hundreds|several|many){_SP}of{_SP})?"
            rf"(?P<scale>thousands|millions|billions|trillions){_SP}of{_SP}"
            rf"(?:(?:U\.?S\.?|American){_SP})?(?P<word>dollars|euros|pounds|yen|yuan|rupees|won)"
            rf"|(?<![\w])multi-?{_SP}?(?P<mscale>million|billion|trillion)[- ]"
            r"(?P<mword>dollar|euro|pound|yen|yuan|rupee)(?![\w])"
        ),
        "money_prefix": re.compile(
            rf"(?<![\w$€£¥₹₩])(?P<cur>{prefixes}){_SP}?{money_lo}"
            rf"(?P<num>{_DIGITS})(?P<scale>{scale})?"
        ),
        "money_suffix": re.compile(
            rf"(?<![\w.$€£¥₹₩])(?P<num>{num})(?P<scale>{scale})?[ \u00a0-]"
            rf"(?:(?P<adj>(?i:{adj})){_SP})?(?P<word>(?i:{words})|{codes_after})(?![\w])"
        ),
        "percent": re.compile(
            rf"(?<![\w.])(?:{lo_range})(?P<num>{num})(?:{_SP}|-)?(?P<unit>{pct_units})"
        ),
        "duration": re.compile(
            rf"(?<![\w.])(?P<num>{num}|(?i:an?|one|half{_SP}an?))"
            rf"(?P<half>{_SP}and{_SP}a{_SP}half)?[ \u00a0-]"
            rf"(?P<unit>(?i:{_alternation(list(t['duration_units']))}))(?![\w])"
            rf"(?P<half2>{_SP}and{_SP}a{_SP}half)?(?![ -]old\b|{_SP}ago\b)"
        ),
        "article_ok": re.compile(
            r"(?i)(?<![\w])(?:for|lasted|lasting|last|nearly|almost|about|around|roughly|than"
            r"|within|under|over|barely|only|just)[ \u00a0]+$"
        ),
    }


def parse_number(text: str) -> float | None:
    """The value of a number written with digits or English words, or None.

    ``"1,234.5"`` -> 1234.5, ``"twenty-five"`` -> 25, ``"a hundred"`` -> 100,
    ``"2.5 million"`` -> 2.5e6. Ordinals and fractions give None.
    """
    if text.isdigit():
        return float(text)
    t = tables()
    text = text.strip().lower().replace("\u00a0", " ")
    if not text:
        return None
    parts = re.split(r"[ -]+", text)
    scale = 1.0
    if len(parts) > 1 and parts[-1] in t["scales"] and len(parts[-1]) > 3:
        scale = float(t["scales"][parts[-1]])
        parts = parts[:-1]
    if parts and parts[-1] == "hundred":
        scale *= 100
        parts = parts[:-1] or ["one"]
    if parts == ["a"]:
        return scale
    joined = " ".join(parts)
    if _DIGIT_NUMBER.fullmatch(joined):
        try:
            return float(joined.replace(",", "")) * scale
        except ValueError:
            return None
    total = 0.0
    for part in parts:
        if part not in t["number_words"]:
            return None
        total += t["number_words"][part]
    return total * scale


def _scale_value(scale: str | None) -> float:
    """Multiplier for a scale word/abbreviation (``"bn"`` -> 1e9), 1 when absent."""
    if not scale:
        return 1.0
    key = scale.strip(" \u00a0-").lower()
    return float(tables()["scales"].get(key, 1.0))


def _approximate(text: str, start: int, *, duration: bool = False) -> bool:
    """True when a hedge word ("about", "more than", "nearly") directly precedes ``start``.

    For durations "over"/"under" mean "during"/"within" ("over 90 days"), not a hedge.
    """
    words = text[max(0, start - 24) : start].lower().split()
    if not words:
        return False
    hedges = _hedges()
    hedge = " ".join(words[-2:]) if " ".join(words[-2:]) in hedges else words[-1]
    if hedge not in hedges:
        return False
    return not (duration and hedge in ("over", "under"))


@lru_cache(maxsize=1)
def _hedges() -> frozenset[str]:
    """Approximators ("about", "more than", "~"), lower case."""
    return frozenset(h.lower() for h in tables()["approximators"])


def _money_prefix(text: str, segments: Segments) -> list[Found]:
    """Money written currency-first: "$1.4bn", "US$350 billion", "Rs 500 crore"."""
    found = []
    prefixes = tables()["currency_prefixes"]
    for m in scan(patterns()["money_prefix"], text, segments):
        code = prefixes[m["cur"]]
        value = parse_number(m["num"])
        if value is None:
            continue
        scale = _scale_value(m["scale"])
        if m["cur"] in ("RM", "Rp", "Rs") and scale == 1.0 and value < 100:
            continue  # "RM 5" / "Rs 2" alone are too often something else
        approx = _approximate(text, m.start())
        if m["lo"]:
            lo = parse_number(m["lo"])
            lo_scale = _scale_value(m["loscale"]) if m["loscale"] else scale
            lo_end = m.end("loscale") if m["loscale"] else m.end("lo")
            if lo is not None:
                found.append(Found(m.start(), lo_end, "money", lo * lo_scale, code, approx))
            found.append(Found(m.start("num"), m.end(), "money", value * scale, code, approx))
        else:
            found.append(Found(m.start(), m.end(), "money", value * scale, code, approx))
    return found


def _currency_for_words(adj: str | None, word: str) -> str | None:
    """ISO code for a currency word, optionally qualified ("Canadian dollars")."""
    t = tables()
    singular = word.lower()
    if adj:
        qualified = t["qualified_currency_words"]
        for key in (f"{adj.lower()} {singular}", f"{adj.lower()} {singular.rstrip('s')}"):
            if key in qualified:
                return str(qualified[key])
    if word in t["currency_codes_after"]:
        return "CNY" if word == "RMB" else word
    code = t["currency_words"].get(singular)
    return str(code) if code else None


def _money_suffix(text: str, segments: Segments) -> list[Found]:
    """Money written number-first: "50 billion yen", "3 trillion USD", "500 crore rupees"."""
    found = []
    t = tables()
    for m in scan(patterns()["money_suffix"], text, segments):
        code = _currency_for_words(m["adj"], m["word"])
        value = parse_number(m["num"])
        if code is None or value is None:
            continue
        scale = _scale_value(m["scale"])
        if m["word"].lower() in t["currency_words_needing_scale"] and scale == 1.0 and value < 1000:
            continue  # "500 pounds" of beef, "3 won" as a verb
        if m["word"].isupper() and m["word"] not in t["currency_codes_after"]:
            continue
        found.append(
            Found(m.start(), m.end(), "money", value * scale, code, _approximate(text, m.start()))
        )
    return found


def _vague_money(text: str, segments: Segments) -> list[Found]:
    """Vague amounts, approximate at their lower bound: "hundreds of billions of dollars"."""
    t = tables()
    found = []
    for m in scan(patterns()["vague_money"], text, segments):
        if m["mscale"]:
            value, word = _scale_value(m["mscale"]), m["mword"]
        else:
            mult = float(t["vague_multipliers"].get((m["mult"] or "").lower(), 1))
            value, word = mult * _scale_value(m["scale"].rstrip("s")), m["word"]
        code = _currency_for_words(None, word if word.endswith("s") else word + "s")
        if code:
            found.append(Found(m.start(), m.end(), "money", value, code, True))
    return found


def _percent_unit(unit: str) -> tuple[str, float]:
    """(unit name, multiplier) for a percent marker: basis points are 1/100 of a point."""
    low = unit.lower()
    if low.startswith("basis") or low == "bps":
        return "percentage_point", 0.01
    if low.startswith("percentage"):
        return "percentage_point", 1.0
    return "percent", 1.0


def _percents(text: str, segments: Segments) -> list[Found]:
    """Percentages: "24%", "25 per cent", "10pc", ranges "10-20%" and lists "10 and 15%" (both
    ends)."""
    found = []
    for m in scan(patterns()["percent"], text, segments):
        value = parse_number(m["num"])
        if value is None:
            continue
        unit, mult = _percent_unit(m["unit"])
        approx = _approximate(text, m.start())
        listed = parse_number(m["listed"]) if m["listed"] else None
        if listed is not None and listed < value:  # "tariffs of 10 and 15%": both rates
            found.append(Found(m.start(), m.end("listed"), "percent", listed * mult, unit, approx))
            found.append(Found(m.start("num"), m.end(), "percent", value * mult, unit, approx))
        elif m["listed"]:  # "Section 232 and 25% tariffs": the number before is no rate
            found.append(Found(m.start("num"), m.end(), "percent", value * mult, unit, approx))
        elif m["lo"]:
            lo = parse_number(m["lo"])
            lo_end = m.end("lounit") if m["lounit"] else m.end("lo")
            if lo is not None:
                found.append(Found(m.start(), lo_end, "percent", lo * mult, unit, approx))
            found.append(Found(m.start("num"), m.end(), "percent", value * mult, unit, approx))
        else:
            found.append(Found(m.start(), m.end(), "percent", value * mult, unit, approx))
    return found


def _durations(text: str, segments: Segments) -> list[Found]:
    """Durations: "90 days", "90-day", "50-minute", "an hour and a half", "two weeks"."""
    found = []
    units = tables()["duration_units"]
    article_ok = patterns()["article_ok"]
    for m in scan(patterns()["duration"], text, segments):
        num = m["num"].lower()
        half = bool(m["half"] or m["half2"])
        if num in ("a", "an", "one") or num.startswith("half"):
            # "a year" after money is a rate ("$1.4bn a year"), not a duration
            if not half and not article_ok.search(text[max(0, m.start() - 12) : m.start()]):
                if num != "one" and not num.startswith("half"):
                    continue
            value: float | None = 0.5 if num.startswith("half") else 1.0
        else:
            value = parse_number(m["num"])
        if value is None:
            continue
        if m["num"].isdigit() and len(m["num"]) == 4 and units[m["unit"].lower()] == "year":
            continue
        value += 0.5 if half else 0.0
        unit = units[m["unit"].lower()]
        if unit == "decade":
            unit, value = "year", value * 10
        if unit == "hour" and value != int(value):
            unit, value = "minute", value * 60
        approx = _approximate(text, m.start(), duration=True)
        found.append(Found(m.start(), m.end(), "duration", value, unit, approx))
    return found


def _is_year_like(token: Token) -> bool:
    """True for a bare four-digit number that reads as a year (1800-2199)."""
    return bool(re.fullmatch(r"(1[89]|2[01])\d\d", token.text))


def _number_part_of(token: Token, heads: tuple[int, ...]) -> bool:
    """True when ``token`` is a cardinal attached to one of ``heads`` ("25" of "25 million")."""
    return token.tag_ == "CD" and token.head.i in heads


def _cardinal_tokens(doc: Doc) -> list[Token]:
    """Tokens tagged CD (read from the tag array: cheaper than touching every Token)."""
    if not doc.has_annotation("TAG"):
        return []
    cd = doc.vocab.strings.add("CD")
    tags = doc.to_array([TAG])
    return [doc[int(i)] for i in (tags == cd).nonzero()[0]]


def _counts(doc: Doc, text: str, taken: SpanSet) -> list[Found]:
    """Counts: a cardinal number modifying a plural noun ("75 countries", "three rounds")."""
    excluded = set(tables()["count_noun_exclusions"])
    found = []
    for token in _cardinal_tokens(doc):
        if token.dep_ != "nummod":
            continue
        head = token.head
        if head.tag_ not in ("NNS", "NNPS") or head.i <= token.i or head.i - token.i > 3:
            continue
        if head.lower_ in excluded or _is_year_like(token):
            continue
        first = token
        while first.i > 0 and _number_part_of(doc[first.i - 1], (token.i, head.i)):
            first = doc[first.i - 1]
        value = parse_number(doc[first.i : token.i + 1].text)
        if value is None:
            continue
        start, end = first.idx, head.idx + len(head.text)
        if taken.overlaps(start, end):
            continue
        approx = _approximate(text, start)
        found.append(Found(start, end, "count", value, head.lower_, approx))
    return found


Recogniser = Callable[[str, Segments], list[Found]]


def _recognisers() -> tuple[tuple[str, Recogniser], ...]:
    """(cue name, recogniser) in priority order: earlier ones win overlaps."""
    from .measures import find_measures  # measures builds on this module's number patterns

    return (
        ("vague_money", _vague_money),
        ("money_prefix", _money_prefix),
        ("money_suffix", _money_suffix),
        ("percent", _percents),
        ("measure", find_measures),
        ("duration", _durations),
    )


def find_in_text(text: str) -> list[Found]:
    """Money, percent, measure and duration spans of ``text`` (earlier recognisers win)."""
    from .measures import with_per_units

    index = word_index(text)
    accepted: list[Found] = []
    taken = SpanSet()
    for name, recogniser in _recognisers():
        segments = cues()[name].segments(text, index)
        new = [f for f in recogniser(text, segments) if not taken.overlaps(f.start, f.end)]
        accepted.extend(new)
        taken.add_all([(f.start, f.end) for f in new])
    return with_per_units(text, accepted)


def find_quantities(doc: Doc, text: str | None = None) -> list[Found]:
    """Every quantity span of ``doc`` (clutter included), sorted by position."""
    text = doc_text(doc) if text is None else text
    accepted = find_in_text(text)
    accepted.extend(_counts(doc, text, SpanSet([(f.start, f.end) for f in accepted])))
    return sorted(accepted, key=lambda f: (f.start, f.end))


def to_quantity(doc: Doc, found: Found, text: str | None = None) -> Quantity:
    """The pydantic ``Quantity`` for a recognised span, with absolute evidence.

    Pass ``text`` (= ``doc.text``) when converting many spans: ``doc.text`` is rebuilt from
    the tokens on every access.
    """
    text = doc_text(doc) if text is None else text
    base = doc._.base_offset
    span_text = text[found.start : found.end]
    return Quantity(
        kind=found.kind,  # type: ignore[arg-type]
        value=found.value,
        unit=found.unit,
        per_unit=found.per_unit,
        approximate=found.approximate,
        text=span_text,
        evidence=(
            Evidence(
                doc_id=doc._.doc_id,
                start=base + found.start,
                end=base + found.end,
                text=span_text,
            ),
        ),
    )


def quantities_in(doc: Doc, start: int, end: int, kind: str | None = None) -> list[Quantity]:
    """Quantities on ``doc._.quantities`` whose evidence lies in the LOCAL range, by kind."""
    base = doc._.base_offset
    return [
        q
        for q in doc._.quantities or []
        if (kind is None or q.kind == kind)
        and q.evidence
        and start <= q.evidence[0].start - base
        and q.evidence[0].end - base <= end
    ]


@Language.component("tf_quantities")
def quantities(doc: Doc) -> Doc:
    """Store the non-clutter quantities of ``doc`` on ``doc._.quantities``."""
    register_extensions()
    text = doc_text(doc)
    found = localise_dollars(doc, text, find_quantities(doc, text), tables()["local_dollars"])
    doc._.quantities = [
        to_quantity(doc, f, text) for f in found if not in_clutter(doc, f.start, f.end)
    ]
    return doc
