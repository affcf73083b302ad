"""TIMEX3 values of recognised spans: resolved against the document date and the clause tense.

``Resolver`` walks a document's spans in text order. Values are TIMEX3 strings: ``2025-04-16``,
``2025-04``, ``2025``, ``2025-W16``, ``2025-W16-WE``, ``2025-Q2``, ``2025-H1``, ``2025-SU``,
``202`` (a decade), ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``, ``P90D`` / ``PT50M`` /
``PXY`` (durations, X: unknown number), ``2025-04-16TMO`` / ``2025-04-16T10:00`` (times),
``XXXX-04-16`` when the year cannot be known, and None when nothing can be said.

Relative expressions need the reference date (``published``); the day rules of ``dates.py``
(weekdays and "April 2" follow the clause tense) are reused, not repeated. Expressions that
point back at an earlier one ("the quarter", "a year earlier", "the year-ago period") take its
value: the last quarter, half or day named before them in the document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..dateparsing import Tense
from ..dates import month_day_date, weekday_date
from .patterns import RawTimex, tables

TenseOf = Callable[[int, int], Tense]

_BACK = {"last", "the past", "the previous", "this past", "early last", "late last"}
_BACK |= {"the end of last", "last fiscal", "the previous fiscal", "the last fiscal"}
_AHEAD = {"next", "the coming", "the following", "this coming", "early next", "late next"}
_AHEAD |= {"the end of next", "the start of next", "the beginning of next"}
_AHEAD |= {"next fiscal", "the next fiscal"}
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_NEAR_DAYS = 60
_DAY_BEFORE = {"the day before", "the previous day"}
_DAY_AFTER = {"the next day", "the following day"}
_DAY_ANAPHORA_REACH = 1200  # characters back to the day "that day" points to
_IN_THE_DAY_REACH = 250  # "earlier in the day" points to a day of about the sentence before
_INDEFINITE = re.compile(r"(?i)\ban?\s+(?:[a-z-]+\s+)?$")  # "a flat second quarter"
_INFINITIVE_LEAD = re.compile(r"(?i)\bto\s+(?!have\b|be\b)[a-z]+(?:\s+[a-z]+){0,3}\s+(?:on\s+)?$")
_YEARLIKE_SPANS = {"P6M", "P9M", "P12M"}  # spans results are reported for besides quarters
_ANCHOR = re.compile(r"^(?P<year>\d{4})(?P<rest>(?:-Q[1-4]|-H[12]|-\d\d(?:-\d\d)?)?)$")


@dataclass
class Resolver:
    """Computes values for one document; remembers the last quarter or day it named."""

    reference: dt.date | None
    tense_of: TenseOf
    anchor: str | None = None  # last absolute quarter / half / month / day value
    days: list[tuple[int, dt.date]] = field(default_factory=list)  # (end, day) named so far
    quarter: str | None = None  # last quarter or half value
    span_of_months: bool = False  # the last period named was nine months or so, not a quarter
    _words: dict[str, int] = field(default_factory=dict)
    _text: str | None = None

    def __post_init__(self) -> None:
        self._words = {k.lower(): v for k, v in tables()["number_words"].items()}

    # --- public -------------------------------------------------------------------------

    def value(self, raw: RawTimex, text: str) -> tuple[str, str | None]:
        """(TIMEX3 type, value) of ``raw``; ``text`` is the document text."""
        self._text = text
        method = getattr(self, f"_{raw.kind}")
        found = method(raw, text)
        type_, value = found if isinstance(found, tuple) else (raw.type, found)
        if type_ == "duration" and value in _YEARLIKE_SPANS:
            self.span_of_months = True  # "the first nine months ... a year earlier": a year
        if value is not None and type_ == "date" and _ANCHOR.match(value):
            if raw.kind not in ("year_earlier", "anaphoric_quarter"):
                self.anchor = value
                if len(value) == 10:
                    self.days.append((raw.end, dt.date.fromisoformat(value)))
                if ("-Q" in value or "-H" in value) and not self._indefinite(raw):
                    self.quarter = value
                    self.span_of_months = False
        return type_, value

    # --- helpers ------------------------------------------------------------------------

    def _indefinite(self, raw: RawTimex) -> bool:
        """True for "after a flat second quarter": a quarter named in passing, not the period
        the article reports on (a later "the quarter" or "a year ago" does not point to it)."""
        lead = (self._text or "")[max(0, raw.start - 24) : raw.start]
        return bool(_INDEFINITE.search(lead))

    def _tense(self, raw: RawTimex) -> Tense:
        return self.tense_of(raw.start, raw.end)

    def _number(self, words: str | None) -> int | None:
        """12 for "12" or "twelve", 24 for "twenty four"; None for "several"."""
        if words is None:
            return None
        words = words.lower().replace(",", "")
        if words.isdigit():
            return int(words)
        tokens = [w for w in re.split(r"[\s-]+", words) if w and w != "and"]
        if len(tokens) > 1 and tokens[0] in ("a", "an"):
            tokens = tokens[1:]  # "a two-hour meeting", "a hundred years"
        total = 0
        for word in tokens:
            if word not in self._words:
                return None
            if word == "hundred":
                total = max(total, 1) * 100
            else:
                total += self._words[word]
        return total or None

    def _year_of(self, raw: RawTimex, month: int, tense: Tense | None = None) -> int | None:
        """The year of a month named without one, from the reference date and the tense."""
        ref = self.reference
        if ref is None:
            return None
        rel = (raw.get("rel") or "").lower().replace("\n", " ")
        rel = " ".join(rel.split())
        if rel in _BACK:
            return ref.year if month < ref.month else ref.year - 1
        if rel in _AHEAD:
            return ref.year if month > ref.month else ref.year + 1
        if rel:
            return ref.year
        tense = tense or self._far_tense(raw, month)
        if tense == "past" and month > ref.month:
            return ref.year - 1
        if tense == "future" and month < ref.month:
            return ref.year + 1
        if tense in ("past", "future"):
            return ref.year
        gap = month - ref.month  # the nearest of the three candidate years
        return ref.year + (1 if gap < -6 else -1 if gap > 6 else 0)

    # --- kinds --------------------------------------------------------------------------

    def _iso(self, raw: RawTimex, text: str) -> str | None:
        return _iso_day(int(raw.get("year") or 0), int(raw.get("m") or 0), int(raw.get("d") or 0))

    def _numeric(self, raw: RawTimex, text: str) -> str | None:
        a, b, year = int(raw.get("a") or 0), int(raw.get("b") or 0), int(raw.get("year") or 0)
        if a > 12 >= b:
            return _iso_day(year, b, a)
        if b > 12 >= a or a == b:
            return _iso_day(year, a, b)
        return None  # "04/05/2025": day-first or month-first cannot be told

    def _named(self, raw: RawTimex, text: str) -> str | None:
        found: str | None = tables()["named_days"].get(raw.get("name") or "")
        return found

    def _month_number(self, raw: RawTimex) -> int:
        t = tables()
        name = (raw.get("month") or "").rstrip(".")
        return int(t["months"].get(name) or t["month_abbreviations"].get(name) or 0)

    def _month_day(self, raw: RawTimex, text: str) -> str | None:
        month = self._month_number(raw)
        day = int(
            raw.get("day") or tables()["day_words"].get((raw.get("dayword") or "").lower(), 0)
        )
        year = self._explicit_year(raw)
        if year:
            return _iso_day(int(year), month, day)
        if self.reference is None:
            return f"XXXX-{month:02d}-{day:02d}" if _iso_day(2000, month, day) else None
        found = month_day_date(self.reference, month, day, self._far_tense(raw, month, day))
        return found.isoformat() if found else None

    def _forward_lead(self, raw: RawTimex) -> bool:
        """True when a deadline word leads the span ("effective", "through", "until")."""
        if self._text is None:
            return False
        lead = self._text[max(0, raw.start - 16) : raw.start].lower()
        return bool(_forward_leads().search(lead))

    def _far_tense(self, raw: RawTimex, month: int, day: int = 15) -> Tense:
        """The clause tense when it decides the year, else "near" (the nearest year wins).

        A date within ``_NEAR_DAYS`` of the reference date keeps the nearest year whatever the
        tense: news reports deadlines in past clauses ("extended the offer to Nov. 20").
        """
        ref = self.reference
        if ref is None:
            return "near"
        this_year = _iso_day(ref.year, month, min(day, 28)) or ""
        gap = (dt.date.fromisoformat(this_year) - ref).days if this_year else 0
        if self._forward_lead(raw):  # "effective Feb. 1", "through January": a date to come
            return "future" if gap < -_NEAR_DAYS // 2 else "near"
        if abs(gap) <= _NEAR_DAYS or abs(gap) >= 365 - _NEAR_DAYS:
            return "near"
        return self._tense(raw)

    def _month_year(self, raw: RawTimex, text: str) -> str | None:
        year = self._explicit_year(raw)
        return f"{year}-{self._month_number(raw):02d}" if year else None

    def _month(self, raw: RawTimex, text: str) -> str | None:
        month = self._month_number(raw)
        year = self._year_of(raw, month)
        return f"{year}-{month:02d}" if year else f"XXXX-{month:02d}"

    def _season(self, raw: RawTimex, text: str) -> str | None:
        code = tables()["seasons"][(raw.get("season") or "").lower()]
        if self._explicit_year(raw):
            return f"{self._explicit_year(raw)}-{code}"
        year = self._year_of(raw, _SEASON_MONTH[code])
        if (raw.get("rel") or "").lower() in ("this", "the") and self.reference and code == "WI":
            year = self.reference.year if self.reference.month < 6 else self.reference.year + 1
        return f"{year}-{code}" if year else f"XXXX-{code}"

    def _quarter(self, raw: RawTimex, text: str) -> str | None:
        if raw.get("ordyear"):
            letter = (raw.get("ordyear") or "Q")[0]
            return f"{raw.get('year')}-{letter}{raw.get('qn')}"
        half = (raw.get("unit") or "").lower() == "half"
        ordinal = (raw.get("ord") or "").lower()
        n = (2 if half else 4) if ordinal == "last" else int(tables()["ordinals"][ordinal])
        if half and n > 2:
            return None
        letter = "H" if half else "Q"
        rel = " ".join((raw.get("rel") or "").lower().split())
        year = raw.get("year") or raw.get("lyear")
        if year is not None:
            return f"{year}-{letter}{n}"
        ref = self.reference
        if ref is None:
            return f"XXXX-{letter}{n}"
        if rel in ("the year-earlier", "the year-ago"):
            base = int(self.quarter[:4]) if self.quarter else ref.year
            return f"{base - 1}-{letter}{n}"
        if rel.endswith("year's"):
            shift = {"last year's": -1, "next year's": 1}.get(rel, 0)
            return f"{ref.year + shift}-{letter}{n}"
        current = (ref.month - 1) // 6 + 1 if half else (ref.month - 1) // 3 + 1
        tense = self._tense(raw)
        year_ = ref.year
        if n > current and (tense == "past" or (n > current + 1 and tense != "future")):
            year_ -= 1
        return f"{year_}-{letter}{n}"

    def _anaphoric_quarter(self, raw: RawTimex, text: str) -> str | None:
        rel = " ".join((raw.get("rel") or "").lower().split())
        period = (raw.get("unit") or "").lower() == "period"
        base = self.quarter
        ref = self.reference
        if base is not None and period and self.span_of_months:
            base = base[:4]  # "in the first nine months ... in the 1988 period": a year
        if base is None:
            if raw.get("lyear"):  # "the 1988 period" with no quarter named before
                return raw.get("lyear")
            if (period and rel != "the latest") or ref is None:
                return None  # "the period": which one is unknown; "the latest period": the last
            base = f"{ref.year}-Q{(ref.month - 1) // 3 + 1}"
            if rel in ("the latest", "the", "the last", "last") and self._tense(raw) == "past":
                base = _shift_quarter(base, -1)
        if raw.get("lyear"):
            return f"{raw.get('lyear')}{base[4:]}"
        if rel in ("the year-earlier", "the year-ago", "the prior-year") or rel.endswith(
            ("year's", "year’s")
        ):
            return f"{int(base[:4]) - 1}{base[4:]}"
        if rel in ("the previous", "the last", "last") and not period:
            return _shift_quarter(base, -1) if self.quarter else base
        if rel in ("next", "the next"):
            return _shift_quarter(base, 1) if len(base) > 4 else str(int(base) + 1)
        return base

    def _year_earlier(self, raw: RawTimex, text: str) -> str | None:
        n = self._number(raw.get("article")) or 1
        ago = (raw.get("dir") or "").lower() == "ago"
        base = self.quarter if ago else (self.quarter or self.anchor)
        if base is not None and base == self.quarter and self.span_of_months:
            return str(int(base[:4]) - n)
        if base is not None:
            return f"{int(base[:4]) - n}{base[4:]}"
        return str(self.reference.year - n) if self.reference else None

    def _decade(self, raw: RawTimex, text: str) -> str | None:
        if raw.get("word"):
            return f"19{tables()['decade_words'][(raw.get('word') or '').lower()]}"
        if raw.get("short"):
            return f"19{raw.get('short')}"
        return f"{raw.get('century')}{raw.get('decade')}"

    def _spoken_year(self, raw: RawTimex, text: str) -> str | None:
        return self._year_words(raw.get("spoken"))

    def _year_words(self, spoken: str | None) -> str | None:
        """ "1996" for "nineteen ninety-six", "2000" for "two thousand"."""
        words = [w for part in (spoken or "").lower().split() for w in part.split("-")]
        if words[:2] == ["two", "thousand"]:
            return str(2000 + (self._number(" ".join(words[2:])) or 0))
        rest = self._number(" ".join(words[1:]))
        return str(1900 + rest) if rest is not None and rest < 100 else None

    def _explicit_year(self, raw: RawTimex) -> str | None:
        """The year a span writes in digits or words, or None."""
        return raw.get("year") or (
            self._year_words(raw.get("spoken")) if raw.get("spoken") else None
        )

    def _century(self, raw: RawTimex, text: str) -> str | None:
        return f"{int(raw.get('nth') or 1) - 1:02d}"

    def _that_year(self, raw: RawTimex, text: str) -> str | None:
        if self.anchor is not None:
            return self.anchor[:4]
        return str(self.reference.year) if self.reference else None

    def _year(self, raw: RawTimex, text: str) -> str | None:
        return raw.get("year")

    def _relative_unit(self, raw: RawTimex, text: str) -> str | None:
        rel = " ".join((raw.get("rel") or "").lower().split())
        unit = " ".join((raw.get("unit") or "").lower().split()).lstrip("-")
        ref = self.reference
        if unit in ("end", "'s end", "’s end"):  # "year-end", "month's end"
            unit, rel = rel, "this"
        shift = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
        anchored = self._from_anchor(rel, unit, shift)
        if anchored is not None:
            return anchored
        if ref is None:
            return None
        if unit == "year":
            return str(ref.year + shift)
        if unit == "month":
            month = ref.month - 1 + shift
            return f"{ref.year + month // 12}-{month % 12 + 1:02d}"
        if unit == "week":
            return _iso_week(ref + dt.timedelta(weeks=shift))
        if unit == "weekend":
            return _weekend(ref, shift, self._tense(raw)) + "-WE"
        if unit == "decade":
            return str(ref.year // 10 + shift)
        return str(ref.year // 100 + shift) if unit == "century" else None

    def _from_anchor(self, rel: str, unit: str, shift: int) -> str | None:
        """ "the following year" / "the previous month": next to the last date named, if any."""
        if rel not in ("the following", "the previous") or self.anchor is None:
            return None
        year = int(self.anchor[:4])
        if unit == "year":
            return str(year + shift)
        if unit == "month" and re.match(r"^\d{4}-\d\d", self.anchor):
            month = int(self.anchor[5:7]) - 1 + shift
            return f"{year + month // 12}-{month % 12 + 1:02d}"
        return None

    def _ago(self, raw: RawTimex, text: str) -> tuple[str, str | None]:
        n = self._number(raw.get("num"))
        unit = (raw.get("unit") or "").lower().rstrip("s")
        direction = " ".join((raw.get("dir") or "").lower().split())
        if direction in ("earlier", "later", "before", "after"):  # from another event
            return "duration", self._duration(raw, text)
        sign = -1 if direction == "ago" else 1
        ref = self.reference
        if unit in ("hour", "minute", "second"):
            return "time", None
        if n is None:
            return "date", "PAST_REF" if sign < 0 else "FUTURE_REF"
        if ref is None:
            return "date", None
        if unit == "day":
            return "date", (ref + dt.timedelta(days=sign * n)).isoformat()
        if unit in ("week", "weekend"):
            return "date", (ref + dt.timedelta(weeks=sign * n)).isoformat()
        if unit == "month":
            month = ref.month - 1 + sign * n
            return "date", f"{ref.year + month // 12}-{month % 12 + 1:02d}"
        if unit == "quarter":
            return "date", _shift_quarter(f"{ref.year}-Q{(ref.month - 1) // 3 + 1}", sign * n)
        if unit == "year":
            return "date", str(ref.year + sign * n)
        if unit == "decade":
            return "date", str(ref.year // 10 + sign * n)
        return "date", None

    def _day_relative(self, raw: RawTimex, text: str) -> tuple[str, str | None]:
        rel = " ".join((raw.get("rel") or "").lower().split())
        offset = {"yesterday": -1, "tomorrow": 1, "today": 0}.get(rel)
        if offset is None:
            offset = -2 if "before" in rel else 2
        part = (raw.get("part") or "").lower()
        if self.reference is None:
            return ("time" if part else "date"), None
        day = (self.reference + dt.timedelta(days=offset)).isoformat()
        return ("time", f"{day}T{_PART_CODE[part]}") if part else ("date", day)

    def _ordinal_day(self, raw: RawTimex, text: str) -> str | None:
        """ "On the 30th, ...": that day of the reference month, or of the month before (after,
        in a clause about the future) when the day has not come yet (has passed)."""
        ref = self.reference
        day = int(raw.get("day") or 0)
        if ref is None or not 1 <= day <= 31:
            return None
        year, month = ref.year, ref.month
        if self._tense(raw) == "future":
            if day < ref.day:
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        elif day > ref.day:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return _iso_day(year, month, day)

    def _day_anaphora(self, raw: RawTimex, text: str) -> str | None:
        """ "that day", "the next day", "the day before": the day named before, shifted; unless
        the clause is about the future, the last day named that is not after the article's
        own (a deadline quoted in between is not the day of the story). "Earlier / later in
        the day" is the day of the sentence before, else the article's own day."""
        rel = " ".join((raw.get("rel") or "").lower().split())
        shift = -1 if rel in _DAY_BEFORE else 1 if rel in _DAY_AFTER else 0
        in_the_day = rel.endswith("in the day")
        past_only = self.reference is not None and (in_the_day or self._tense(raw) != "future")
        reach = _IN_THE_DAY_REACH if in_the_day else _DAY_ANAPHORA_REACH
        anchor = self._recent_day(raw, past_only, reach)
        if in_the_day:
            anchor = anchor or self.reference
        return (anchor + dt.timedelta(days=shift)).isoformat() if anchor is not None else None

    def _recent_day(self, raw: RawTimex, past_only: bool, reach: int) -> dt.date | None:
        """The day last named at most ``reach`` characters before ``raw`` (with ``past_only``,
        the last one not after the reference date)."""
        for end, day in reversed(self.days):
            if raw.start - end > reach:
                return None
            if not past_only or self.reference is None or day <= self.reference:
                return day
        return None

    def _day_part(self, raw: RawTimex, text: str) -> str | None:
        rel = (raw.get("rel") or "").lower()
        part = (raw.get("part") or "night").lower()
        offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
        if self.reference is None:
            return None
        if rel == "last" and part != "night":
            return None
        day = (self.reference + dt.timedelta(days=offset)).isoformat()
        return f"{day}T{_PART_CODE[part]}"

    def _weekday(self, raw: RawTimex, text: str) -> tuple[str, str | None]:
        weekday = int(tables()["weekdays"][raw.get("weekday") or ""])
        part = (raw.get("part") or "").lower()
        type_ = "time" if part else "date"
        mod = " ".join((raw.get("mod") or "").lower().split())
        mod = {"this past": "last", "the previous": "last", "this coming": "next"}.get(mod, mod)
        mod = {"the following": "next"}.get(mod, mod)
        if self.reference is None:
            return type_, None
        day = weekday_date(self.reference, weekday, self._weekday_tense(raw), mod or None)
        if day is None:
            return type_, None
        return type_, (f"{day.isoformat()}T{_PART_CODE[part]}" if part else day.isoformat())

    def _weekday_tense(self, raw: RawTimex) -> Tense:
        """The clause tense for a bare weekday; a present clause reports a day gone by.

        News tells of days past in the present ("shares closing unchanged Friday", "over
        Thursday's close"): only a future clause or a deadline word points ahead.
        """
        tense = self._tense(raw)
        lead = (self._text or "")[max(0, raw.start - 40) : raw.start]
        if tense in ("near", "present") and _INFINITIVE_LEAD.search(lead):
            return "future"  # "is scheduled to close Monday", "set to resume talks Tuesday"
        if tense == "present" and not self._forward_lead(raw):
            return "past"
        return tense

    def _clock_day(self, raw: RawTimex, text: str) -> str | None:
        kind = raw.get("day_kind") or "weekday"
        start, end = int(raw.get("day_start") or 0), int(raw.get("day_end") or 0)
        day = self.value(RawTimex(start, end, kind, "date", raw.parts), text)[1]
        if day is None or len(day) != 10:
            return None
        return self._clock(raw, text, day)

    def _clock(self, raw: RawTimex, text: str, day: str | None = None) -> str | None:
        if raw.get("noon"):
            hour, minute = (12, 0) if (raw.get("noon") or "").lower() == "noon" else (24, 0)
        else:
            hour, minute = int(raw.get("hour") or 0), int(raw.get("minute") or 0)
            if hour > 12 or hour == 0:
                return None
            pm = (raw.get("ampm") or "").lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        day = day or (self.reference.isoformat() if self.reference else "XXXX-XX-XX")
        return f"{day}T{hour:02d}:{minute:02d}"

    def _reference(self, raw: RawTimex, text: str) -> str | None:
        refs = {k.lower(): v for k, v in tables()["references"].items()}
        found: str | None = refs.get(" ".join((raw.get("ref") or "").lower().split()))
        return found

    def _duration(self, raw: RawTimex, text: str) -> str | None:
        words = (raw.get("num") or "").lower()
        n: float | None = None
        if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", words):
            n = float(words.replace(",", ""))
        elif "couple" in words:
            n = 2
        else:
            n = self._number(words)
        amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
        unit = (raw.get("unit") or "").lower()
        unit = "century" if unit.startswith("centur") else unit.rstrip("s")
        code = tables()["units"][unit]
        if unit in ("hour", "minute", "second"):
            return f"PT{amount}{code}"
        return f"P{amount}{code}"

    def _set(self, raw: RawTimex, text: str) -> str | None:
        adverb = (raw.get("adverb") or "").lower()
        unit = {"annually": "year", "yearly": "year", "daily": "day"}.get(adverb, adverb[:-2])
        unit = (raw.get("unit") or unit).lower()
        code = tables()["units"].get(unit)
        if code is None:
            return None
        return f"PT1{code}" if unit == "hour" else f"P1{code}"

    def _recurring(self, raw: RawTimex, text: str) -> str | None:
        """ "every Thursday" -> XXXX-WXX-4, "each July" -> XXXX-07: a named day or month that
        recurs is a set, not the next such date."""
        if raw.get("weekday"):
            return f"XXXX-WXX-{int(tables()['weekdays'][raw.get('weekday') or '']) + 1}"
        return f"XXXX-{self._month_number(raw):02d}"


@lru_cache(maxsize=1)
def _forward_leads() -> re.Pattern[str]:
    words = sorted(tables()["forward_leads"], key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")\s+$")


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _weekend(ref: dt.date, shift: int, tense: Tense) -> str:
    """The ISO week of the weekend meant: the last one (past), else the coming one."""
    if shift < 0 or (shift == 0 and tense == "past"):
        saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
    else:
        saturday = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
        if shift > 0 and ref.weekday() >= 5:
            saturday += dt.timedelta(weeks=1)
    return _iso_week(saturday)


def _shift_quarter(value: str, quarters: int) -> str:
    """ "1989-Q3" moved by ``quarters`` (halves move by halves)."""
    year, letter, n = int(value[:4]), value[5], int(value[6])
    size = 4 if letter == "Q" else 2
    index = year * size + n - 1 + quarters
    return f"{index // size}-{letter}{index % size + 1}"
