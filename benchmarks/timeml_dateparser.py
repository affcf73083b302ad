"""Baseline: ``dateparser.search_dates`` over whole TimeML texts, scored like tf_timex.

Run from the repository root:  python benchmarks/timeml_dateparser.py .corpus/timebank

Each file's DCT is dateparser's ``RELATIVE_BASE``; every span search_dates returns is a DATE
with the value of its granularity (day, month or year of the parsed datetime). This is what a
user gluing libraries together gets; compare with ``tradefacts evaluate --timeml``.
"""

from __future__ import annotations

import datetime as dt
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's tradefacts

from tradefacts.evaluation.timeml import (  # noqa: E402
    PredictedTimex,
    evaluate_timeml,
    format_timeml_report,
)


def _value(text: str, found: dt.datetime) -> str:
    """The TIMEX3 value at the granularity the text states (a crude, generous reading)."""
    words = text.lower()
    if any(ch.isdigit() for ch in words) and len(words) == 4 and words.isdigit():
        return f"{found.year:04d}"
    month_only = not any(ch.isdigit() for ch in words) and any(
        m in words
        for m in (
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
        )
    )
    return f"{found.year:04d}-{found.month:02d}" if month_only else found.date().isoformat()


def predict(documents):  # type: ignore[no-untyped-def]
    from dateparser.search import search_dates

    for doc in documents:
        base = dt.datetime(doc.dct.year, doc.dct.month, doc.dct.day) if doc.dct else None
        settings = {"RELATIVE_BASE": base} if base else {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(doc.text, languages=["en"], settings=settings) or []
        out, pos = [], 0
        for text, when in found:
            start = doc.text.find(text, pos)
            if start < 0:
                continue
            pos = start + len(text)
            out.append(PredictedTimex(start, pos, "DATE", _value(text, when)))
        yield out


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".corpus/timebank")
    print(format_timeml_report(evaluate_timeml(folder, predict=predict)))
