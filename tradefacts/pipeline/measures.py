"""Physical amounts ("770,000 tonnes of rice", "2 million barrels a day") and prices per unit.

We recognise the span (a number, an optional scale, a unit word from the table
``measure_units`` in data/quantities.json, an optional rate "per day" / "a year"); quantulum3
reads it: the value and the unit's canonical name ("tonne", "barrel per day"). Before handing a
span over we spell out what quantulum3 misreads in news text: attached scale abbreviations
("1.2m tonnes" would be 1.2 metres) and "a day" (read as a separate duration).

Money followed by "a barrel" / "per tonne" keeps its kind; the unit goes to ``per_unit``.
quantulum3 loads its unit tables in seconds: it is imported on the first span that needs it.

quantulum3 always runs in its classifier-free mode here. Its default is to disambiguate units
with a scikit-learn model whenever scikit-learn imports, so the same text would give other
units (and an ``InconsistentVersionWarning``) wherever scikit-learn happens to be installed.
We switch the classifier off around our own calls only (``classifier_free_parse``), so one
behaviour holds everywhere and other users of quantulum3 in the process keep theirs.
"""

from __future__ import annotations

import re
import threading
import warnings
from functools import lru_cache
from typing import Any

from .quantities import (
    Found,
    Segments,
    _approximate,
    _number_pattern,
    _scale_pattern,
    _scale_value,
    parse_number,
    scan,
    tables,
)

_SP = r"[ \u00a0]"
_MAX_SPAN = 80
_AGREEMENT = 0.01  # relative difference allowed between quantulum3's value and ours


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def unit_words() -> frozenset[str]:
    """Lower-case words a measure's unit starts with (the recogniser's cue words)."""
    return frozenset(unit.split()[0] for unit in tables()["measure_units"])


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    """The measure and the price-per-unit recognisers, built once."""
    t = tables()
    units = _alternation(list(t["measure_units"])).replace(r"\ ", _SP)
    rates = _alternation(list(t["measure_rates"]))
    return {
        "measure": re.compile(
            rf"(?<![\w.$€£¥₹])(?P<num>{_number_pattern()})(?P<scale>{_scale_pattern()})?"
            rf"[ \u00a0-](?P<unit>(?i:{units}))(?![\w])"
            rf"(?:{_SP}(?i:per|an?|each){_SP}(?P<rate>(?i:{rates}))(?![\w])|/(?P<slash>(?i:{rates})))?"
        ),
        "per_unit": re.compile(
            rf"{_SP}?(?:(?i:per|an?|each){_SP}|/{_SP}?)(?P<unit>(?i:{units}))(?![\w])"
        ),
    }


@lru_cache(maxsize=1)
def _quantulum() -> tuple[Any, Any]:
    """quantulum3's parser and classifier modules, imported on first use (seconds)."""
    with warnings.catch_warnings():
        # "Classifier dependencies not installed" (scikit-learn absent): we never use it.
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser

    classifier_free_parse("1 tonne", modules=(parser, classifier))  # load the unit tables now
    return parser, classifier


#: Held while quantulum3's module-level classifier switch is turned off for one of our calls.
_CLASSIFIER_SWITCH = threading.Lock()


def classifier_free_parse(text: str, *, modules: tuple[Any, Any] | None = None) -> list[Any]:
    """quantulum3's quantities in ``text``, its units disambiguated without scikit-learn.

    quantulum3 reads ``classifier.USE_CLF`` on every disambiguation (True whenever
    scikit-learn imports; ``classifier_path=None`` means "the default classifier", not "none"),
    so it is False for the duration of the call and restored afterwards.
    """
    parser, classifier = modules if modules is not None else _quantulum()
    with _CLASSIFIER_SWITCH:
        previous = classifier.USE_CLF
        classifier.USE_CLF = False
        try:
            return list(parser.parse(text))
        finally:
            classifier.USE_CLF = previous


def warm_up() -> None:
    """Load quantulum3 and its unit tables (the benchmark times this separately)."""
    _quantulum()


@lru_cache(maxsize=4096)
def read_measure(text: str) -> tuple[float, str] | None:
    """(value, unit name) quantulum3 reads in one recognised span, or None.

    quantulum3 runs without its classifier (``classifier_free_parse``), scikit-learn installed
    or not. Anything it raises, and dimensionless or partial reads, give None.
    """
    if not text or len(text) > _MAX_SPAN:
        return None
    try:
        found = classifier_free_parse(text)
    except Exception:  # noqa: BLE001 - a library failure on an odd span is no measure
        return None
    for quantity in found:
        unit = getattr(quantity, "unit", None)
        name = str(getattr(unit, "name", "") or "")
        value = getattr(quantity, "value", None)
        if name and name != "dimensionless" and isinstance(value, (int, float)):
            return float(value), name
    return None


def unit_name(unit_words_text: str) -> str | None:
    """quantulum3's name for a unit word ("tonnes" -> "tonne", "bbl" -> "barrel")."""
    phrase = tables()["measure_units"].get(" ".join(unit_words_text.lower().split()))
    read = read_measure(f"1 {phrase}") if phrase else None
    return read[1] if read else None


def _handover_text(m: re.Match[str]) -> str:
    """The span as quantulum3 reads it right: scale words and "per" spelled out."""
    t = tables()
    number = m["num"]
    scale = (m["scale"] or "").strip(" \u00a0-")
    if scale:
        number += " " + t["scale_words"].get(scale.lower(), scale.lower())
    text = f"{number} {t['measure_units'][' '.join(m['unit'].lower().split())]}"
    rate = m["rate"] or m["slash"]
    if rate:
        text += f" per {t['measure_rates'][rate.lower()]}"
    return text


def find_measures(text: str, segments: Segments) -> list[Found]:
    """Physical amounts in ``text`` (kind ``measure``), value and unit read by quantulum3."""
    found = []
    for m in scan(patterns()["measure"], text, segments):
        read = read_measure(_handover_text(m))
        if read is None:
            continue
        value, unit = read
        ours = parse_number(m["num"])
        if ours is not None:
            ours *= _scale_value(m["scale"])
            if abs(value - ours) > abs(ours) * _AGREEMENT:
                continue  # the two readings disagree: no fact rather than a wrong one
        approx = _approximate(text, m.start())
        found.append(Found(m.start(), m.end(), "measure", value, unit, approx))
    return found


def with_per_units(text: str, found: list[Found]) -> list[Found]:
    """``found`` with money followed by "a barrel" / "per tonne" given its ``per_unit``."""
    pattern = patterns()["per_unit"]
    out = []
    for item in found:
        if item.kind == "money":
            m = pattern.match(text, item.end, min(len(text), item.end + 40))
            per_unit = unit_name(m["unit"]) if m else None
            if per_unit is not None:
                item = Found(
                    item.start,
                    item.end,
                    item.kind,
                    item.value,
                    item.unit,
                    item.approximate,
                    per_unit,
                )
        out.append(item)
    return out
