"""Date expressions -> dates, table-driven; and which of them dateparser alone gets right.

Each row is (expression, reference date, clause tense, expected date, who) where ``who`` says
whether plain ``dateparser.parse`` (with RELATIVE_BASE and PREFER_DATES_FROM set) already gives
the expected date ("dp") or only our own rule / guard does ("ours"). The second test measures
that split, so a rule of our own stays only where dateparser is wrong.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from tradefacts.pipeline.dateparsing import prefer_from
from tradefacts.pipeline.dates import resolve_expression

THU = dt.date(2025, 4, 17)  # a Thursday
SUN = dt.date(2025, 4, 20)
JAN2 = dt.date(2025, 1, 2)
D = dt.date

CASES = [
    # explicit dates: dateparser reads every spelling
    ("April 16, 2025", THU, "past", D(2025, 4, 16), "dp"),
    ("Apr. 16, 2025", THU, "past", D(2025, 4, 16), "dp"),
    ("Jan. 14, 2025", THU, "past", D(2025, 1, 14), "dp"),
    ("14 Jan 2025", THU, "past", D(2025, 1, 14), "dp"),
    ("3 March 2024", THU, "past", D(2024, 3, 3), "dp"),
    ("the 16th of April, 2025", THU, "near", D(2025, 4, 16), "dp"),
    ("Tuesday, April 15, 2025", THU, "past", D(2025, 4, 15), "dp"),
    ("16/04/2025", THU, "near", D(2025, 4, 16), "dp"),
    ("04/16/2025", THU, "near", D(2025, 4, 16), "dp"),
    ("16.04.2025", THU, "past", D(2025, 4, 16), "dp"),
    ("2025-03-30", THU, "past", D(2025, 3, 30), "dp"),
    ("April 16, 2025", None, "near", D(2025, 4, 16), "dp"),
    ("16/04/2025", None, "near", D(2025, 4, 16), "dp"),
    # day and month without a year: dateparser reads them, tense picks the year
    ("the 16th of April", THU, "near", D(2025, 4, 16), "dp"),
    ("16 April", THU, "past", D(2025, 4, 16), "dp"),
    ("Apr. 16th", THU, "past", D(2025, 4, 16), "dp"),
    ("April 2", THU, "past", D(2025, 4, 2), "dp"),
    ("August 1", THU, "future", D(2025, 8, 1), "dp"),
    ("August 1", THU, "near", D(2025, 8, 1), "dp"),
    ("August 1", THU, "past", D(2024, 8, 1), "dp"),
    ("Jan 5", THU, "future", D(2026, 1, 5), "dp"),
    ("Jan 5", THU, "past", D(2025, 1, 5), "dp"),
    ("Sept. 30", THU, "future", D(2025, 9, 30), "dp"),
    ("May 5", THU, "present", D(2025, 5, 5), "dp"),
    ("December 2", THU, "past", D(2024, 12, 2), "dp"),
    ("Wednesday, April 16", THU, "past", D(2025, 4, 16), "dp"),
    # our year rule: a past clause two days "ahead" is a late report, not last year
    ("April 18", THU, "past", D(2025, 4, 18), "ours"),
    ("April 19", THU, "past", D(2025, 4, 19), "ours"),
    # our year rule: with no tense, the nearest year (dateparser keeps the current one)
    ("December 30", JAN2, "near", D(2024, 12, 30), "ours"),
    ("January 3", D(2024, 12, 30), "near", D(2025, 1, 3), "ours"),
    # relative days and offsets
    ("today", THU, "near", THU, "dp"),
    ("tonight", THU, "near", THU, "dp"),
    ("this morning", THU, "near", THU, "dp"),
    ("yesterday", THU, "past", D(2025, 4, 16), "dp"),
    ("tomorrow", THU, "future", D(2025, 4, 18), "dp"),
    ("three days ago", THU, "past", D(2025, 4, 14), "dp"),
    ("5 days ago", THU, "past", D(2025, 4, 12), "dp"),
    ("two weeks ago", THU, "past", D(2025, 4, 3), "dp"),
    ("a week ago", THU, "past", D(2025, 4, 10), "dp"),
    ("in 90 days", THU, "future", D(2025, 7, 16), "dp"),
    ("in two weeks", THU, "future", D(2025, 5, 1), "dp"),
    ("the 16th", THU, "past", D(2025, 4, 16), "dp"),
    # weekdays: our tense rule (dateparser never picks the reference day itself)
    ("Wednesday", THU, "past", D(2025, 4, 16), "dp"),
    ("Wednesday", THU, "near", D(2025, 4, 16), "dp"),
    ("Monday morning", THU, "past", D(2025, 4, 14), "dp"),
    ("last Friday", THU, "past", D(2025, 4, 11), "dp"),
    ("next Friday", THU, "future", D(2025, 4, 18), "dp"),
    ("Thursday", THU, "past", THU, "ours"),
    ("Thursday", THU, "future", THU, "ours"),
    ("Sunday", THU, "near", SUN, "ours"),
    ("Wednesday", SUN, "near", D(2025, 4, 23), "ours"),
    ("early Tuesday", THU, "past", D(2025, 4, 15), "ours"),
    # named days: our table
    ("Liberation Day", THU, "past", D(2025, 4, 2), "ours"),
    # ambiguous numeric dates stay open (dateparser reads them month-first)
    ("04/05/2025", THU, "near", None, "ours"),
    # months, years and vague spans keep no date
    ("in July", THU, "future", None, "ours"),
    ("March 2025", THU, "past", None, "ours"),
    ("last year", THU, "past", None, "ours"),
    ("a year ago", THU, "past", None, "ours"),
    ("this week", THU, "near", None, "ours"),
    ("2027", THU, "future", None, "ours"),
    ("later this month", THU, "near", None, "dp"),
    ("mid-April", THU, "past", None, "dp"),
    ("the end of the week", THU, "near", None, "dp"),
    ("the coming weeks", THU, "future", None, "dp"),
    # traps: numbers that are not dates
    ("24%", THU, "near", None, "ours"),
    ("$68", THU, "near", None, "ours"),
    ("50-minute", THU, "near", None, "ours"),
    ("90 days", THU, "near", None, "ours"),
    ("Section 232", THU, "near", None, "dp"),
    ("G7", THU, "near", None, "dp"),
    ("the 2nd", THU, "future", None, "ours"),
    # without a reference date, relative spans never take today's date
    ("today", None, "near", None, "ours"),
    ("two weeks ago", None, "past", None, "ours"),
    ("August 1", None, "future", None, "ours"),
    ("the 16th", None, "past", None, "ours"),
]


def _row_id(row: tuple) -> str:
    return f"{row[0]}|{row[1]}|{row[2]}"


@pytest.mark.parametrize(
    ("text", "ref", "tense", "expected", "who"), CASES, ids=[_row_id(r) for r in CASES]
)
def test_expression_resolves_to_the_expected_date(text, ref, tense, expected, who):
    assert resolve_expression(text, ref, tense) == expected


def _dateparser_alone(text: str, ref: dt.date | None, tense: str) -> dt.date | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": prefer_from(tense)}  # type: ignore[arg-type]
    if ref is not None:
        settings["RELATIVE_BASE"] = dt.datetime(ref.year, ref.month, ref.day)  # type: ignore[assignment]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


def test_our_rules_are_kept_only_where_dateparser_alone_is_wrong():
    """The measurement behind the split: "dp" rows need no rule of ours, "ours" rows do."""
    wrong_where_marked_dp = [
        _row_id(row) for row in CASES if row[4] == "dp" and _dateparser_alone(*row[:3]) != row[3]
    ]
    right_where_marked_ours = [
        _row_id(row) for row in CASES if row[4] == "ours" and _dateparser_alone(*row[:3]) == row[3]
    ]
    assert wrong_where_marked_dp == []
    assert right_where_marked_ours == []
    assert len(CASES) >= 60
