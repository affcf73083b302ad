"""Where time expressions are: the regular expressions of ``data/timex.json``, compiled once.

Each pattern of the data file names a ``kind`` (how ``values.py`` computes its value) and a
TIMEX3 ``type``; ``{PLACEHOLDERS}`` in its regex are filled from the file's tables. All
patterns run over the text; where matches overlap the longest wins (then the earlier pattern).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..data_files import read_table

_MAX_SPAN = 80  # characters: longer matches are accidents (a pattern running across lines)


@dataclass(frozen=True)
class RawTimex:
    """A recognised span (local offsets) before its value is computed."""

    start: int
    end: int
    kind: str
    type: str
    parts: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        """The named part of the match, or None."""
        for name, value in self.parts:
            if name == key:
                return value
        return None


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    """The TIMEX3 data file."""
    data: dict[str, Any] = read_table("timex.json")
    return data


def _alt(words: list[str] | dict[str, Any]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in ordered)


def _placeholders(t: dict[str, Any]) -> dict[str, str]:
    months = _alt(t["months"])
    abbrevs = _alt(t["month_abbreviations"])
    numbers = t["number_words"]
    tens = [w for w, n in numbers.items() if n >= 20 and n % 10 == 0 and n < 100]
    units = [w for w, n in numbers.items() if 1 <= n <= 9 and w not in ("a", "an")]
    teens = [w for w, n in numbers.items() if 10 <= n <= 19]
    unit_words = [f"{u}s?" for u in t["units"] if u != "century"] + ["century", "centuries"]
    return {
        "MONTH": rf"(?P<month>(?:{months})|(?:{abbrevs})(?:\.|(?=\s\d)))",
        "MONTH_NAME": months,
        "MONTH_FULL": rf"(?P<month>{months})",
        "DAY_WORD": _alt(t["day_words"]),
        "SPOKEN_YEAR": (
            rf"(?P<spoken>(?i:nineteen[\s-](?:{'|'.join(tens)})(?:[\s-](?:{'|'.join(units)}))?"
            rf"|nineteen[\s-](?:{'|'.join(teens)})"
            rf"|two\sthousand(?:\s(?:and\s)?(?:{'|'.join(units)}|{'|'.join(teens)}))?))"
        ),
        "WEEKDAY": rf"(?P<weekday>{_alt(t['weekdays'])})",
        "WEEKDAY_NAME": _alt(t["weekdays"]),
        "YEAR": r"(?P<year>(?:19|20)\d\d)(?!\d)",
        "NAMED_DAY": _alt(t["named_days"]),
        "ORDINAL": _alt(t["ordinals"]),
        "SEASON": _alt(t["seasons"]),
        "DECADE_WORD": _alt(t["decade_words"]),
        "TENS_WORD": "|".join(tens),
        "UNIT_WORD": "|".join(units),
        "TEEN_WORD": "|".join(teens),
        "NUMBER": r"\d{1,3}(?:,\d{3})*",
        "NUMBER_WORD": f"(?i:{_alt(numbers)})",
        "UNIT_WORDS": "|".join(sorted(unit_words, key=len, reverse=True)),
        "REFERENCE": _alt(t["references"]),
    }


_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")


@lru_cache(maxsize=1)
def compiled() -> list[tuple[str, str, re.Pattern[str]]]:
    """(kind, type, regex) of every pattern, in the data file's order."""
    t = tables()
    fill = _placeholders(t)
    out = []
    for entry in t["patterns"]:
        source = _PLACEHOLDER.sub(lambda m: fill[m.group(1)], entry["regex"])
        out.append((entry["kind"], entry["type"], re.compile(source)))
    return out


_MAY_LEADS = re.compile(
    r"(?i)(?:\b(?:in|since|by|until|till|from|through|during|of|before|after|early|late|mid"
    r"|last|this|next|end|and|or|to)[\s-]|,\s)$"
)
_CAPITALISED_NEXT = re.compile(r"\s(?:[A-Z][a-z]|[A-Z]\.)")


@lru_cache(maxsize=1)
def _not_time() -> re.Pattern[str]:
    """Phrases whose time words are no time expression ("as soon as", "the future of")."""
    return re.compile("|".join(f"(?:{p})" for p in tables()["not_time_expressions"]))


def _keep(raw: RawTimex, text: str) -> bool:
    """False for a bare month that is a modal or a first name ("May", "April Ryan"), a title
    ("This Week"), or a time word inside a phrase that is no time ("as soon as", "the people of
    tomorrow")."""
    if raw.kind in ("reference", "day_relative"):
        window_start = max(0, raw.start - 20)
        for m in _not_time().finditer(text, window_start, min(len(text), raw.end + 20)):
            if m.start() < raw.end and raw.start < m.end():
                return False
    if raw.kind == "relative_unit" and (raw.get("unit") or "a")[0].isupper():
        return False  # "This Week", "Next Year": a name written in title case
    if raw.kind != "month" or raw.get("rel") or raw.get("edge"):
        return True
    lead = text[max(0, raw.start - 12) : raw.start]
    if raw.get("month") == "May" and not _MAY_LEADS.search(lead):
        return False
    return not _CAPITALISED_NEXT.match(text, raw.end)


@lru_cache(maxsize=1)
def cue_kinds() -> dict[str, tuple[str, ...]]:
    """Lower-case cue word (``#digit`` for a digit) -> the kinds whose matches contain it."""
    index: dict[str, list[str]] = {}
    for kind, words in tables()["cues"].items():
        if not kind.startswith("_"):
            for word in words:
                index.setdefault(word, []).append(kind)
    return {word: tuple(kinds) for word, kinds in index.items()}


_TOKEN = re.compile(r"[A-Za-z]+|\d")
_SPACE = re.compile(r"\s")


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per kind, merged windows of ``text`` that can hold its matches: ``_MAX_SPAN`` around
    each of its cue words, widened to whitespace so that no window ends inside a word."""
    index = cue_kinds()
    points: dict[str, list[int]] = {}
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        kinds = index.get("#digit" if word.isdigit() else word.lower())
        for kind in kinds or ():
            points.setdefault(kind, []).append(m.start())
    out: dict[str, list[tuple[int, int]]] = {}
    for kind, starts in points.items():
        windows: list[tuple[int, int]] = []
        for p in starts:
            start, end = max(0, p - _MAX_SPAN), min(len(text), p + 2 * _MAX_SPAN)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
        out[kind] = []
        for start, end in windows:
            space = _SPACE.search(text, end)
            out[kind].append((start, space.start() if space else len(text)))
    return out


def recognise(text: str) -> list[RawTimex]:
    """The time expressions of ``text`` (local offsets, sorted, not overlapping)."""
    found: list[tuple[int, int, RawTimex]] = []
    windows_of = _windows(text)
    for order, (kind, type_, pattern) in enumerate(compiled()):
        windows = windows_of.get(kind, [])
        for m in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            start, end = m.span()
            if end - start > _MAX_SPAN or start == end:
                continue
            parts = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            raw = RawTimex(start, end, kind, type_, parts)
            if _keep(raw, text):
                found.append((start - end, order, raw))
    found.sort(key=lambda item: (item[0], item[1], item[2].start))
    starts: list[int] = []
    taken: list[RawTimex] = []  # sorted by start, never overlapping
    for _, _, raw in found:
        i = bisect.bisect_left(starts, raw.start)
        if (i > 0 and taken[i - 1].end > raw.start) or (i < len(taken) and starts[i] < raw.end):
            continue
        starts.insert(i, raw.start)
        taken.insert(i, raw)
    return _with_clock_days(taken, text)


_CLOCK_DAY_GAP = re.compile(r"(?:\s|,\s|\son\s|\sat\s)")
_DAY_KINDS = ("weekday", "day_relative", "month_day")


def _with_clock_days(found: list[RawTimex], text: str) -> list[RawTimex]:
    """A clock time and the day next to it ("10 p.m. Wednesday", "Friday at noon") as one."""
    out: list[RawTimex] = []
    for raw in found:
        last = out[-1] if out else None
        if last is not None and {last.kind, raw.kind} & {"clock"} and last.kind != raw.kind:
            day = raw if last.kind == "clock" else last
            clock = last if last.kind == "clock" else raw
            gap = text[last.end : raw.start]
            if day.kind in _DAY_KINDS and not day.get("part") and _CLOCK_DAY_GAP.fullmatch(gap):
                parts = (
                    *clock.parts,
                    *day.parts,
                    ("day_kind", day.kind),
                    ("day_start", str(day.start)),
                    ("day_end", str(day.end)),
                )
                out[-1] = RawTimex(last.start, raw.end, "clock_day", "time", parts)
                continue
        out.append(raw)
    return out
