"""tf_timex: every date, time, duration and set as a TIMEX3 value, on sentences written here."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradefacts.extraction import extract_text
from tradefacts.pipeline.dateparsing import Tense
from tradefacts.pipeline.timex import recognise, time_expressions

WED = dt.date(2025, 4, 16)  # a Wednesday, in ISO week 16 and the second quarter
TIMEX_VALUE = re.compile(
    r"^(?:\d{2,4}|XXXX)(?:-(?:\d\d|XX|W(?:\d\d|XX)(?:-WE|-[1-7])?|Q[1-4]|H[12]|SP|SU|FA|WI)"
    r"(?:-(?:\d\d|XX))?)?(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?$"
    r"|^(?:PRESENT|PAST|FUTURE)_REF$|^PT?(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|H|S|Q|DE|CE|WE)$"
)


def _values(text: str, ref: dt.date | None = WED, tense: Tense = "near") -> dict[str, tuple]:
    """{span text: (type, value)} with a fixed clause tense (no parser needed)."""
    return {
        text[start:end]: (type_, value)
        for start, end, type_, value in time_expressions(text, ref, lambda s, e: tense)
    }


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The accord was signed on April 16, 2025, in Geneva.", "April 16, 2025", "2025-04-16"),
        ("Ministers met on 3 March 2024 in Seoul.", "3 March 2024", "2024-03-03"),
        ("The file is dated 2025-04-16.", "2025-04-16", "2025-04-16"),
        ("Exports to Canada fell in April 2025.", "April 2025", "2025-04"),
        ("Steel duties doubled in 2018.", "2018", "2018"),
        ("Shipments slowed sharply this week.", "this week", "2025-W16"),
        ("Shipments slowed sharply last week.", "last week", "2025-W15"),
        ("Profits rose in the second quarter of 2025.", "the second quarter of 2025", "2025-Q2"),
        ("Q3 2024 exports were flat.", "Q3 2024", "2024-Q3"),
        ("A trade deal could come this summer.", "this summer", "2025-SU"),
        ("Port volumes jumped last year.", "last year", "2024"),
        ("The mills were built in the 1990s.", "the 1990s", "199"),
        ("Levies are now at 25 percent.", "now", "PRESENT_REF"),
        ("The ministry recently raised duties on rice.", "recently", "PAST_REF"),
        ("Both sides hope to settle in the near future.", "the near future", "FUTURE_REF"),
        ("The truce ends three months from now.", "three months from now", "2025-07"),
        ("Beijing cut rates two years ago.", "two years ago", "2023"),
        ("Markets rallied yesterday.", "yesterday", "2025-04-15"),
        ("The envoy lands in Ottawa tomorrow.", "tomorrow", "2025-04-17"),
        ("Exports were 8% lower than a year earlier.", "a year earlier", "2024"),
        ("It was called Liberation Day.", "Liberation Day", "2025-04-02"),
        ("The quota was set in January nineteen ninety-seven.", None, "1997-01"),
    ],
)
def test_dates_and_their_values(text: str, span: str | None, expected: str) -> None:
    found = _values(text)
    if span is None:
        assert [value for _, value in found.values()] == [expected]
    else:
        assert found[span] == ("date", expected)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Washington announced a 90-day pause on the levies.", "90-day", "P90D"),
        ("The exemption lasts three months.", "three months", "P3M"),
        ("They held a 50-minute meeting.", "50-minute", "PT50M"),
        ("Talks went on for several weeks.", "several weeks", "PXW"),
        ("Officials have negotiated for 1.5 years.", "1.5 years", "P1.5Y"),
    ],
)
def test_durations(text: str, span: str, expected: str) -> None:
    assert _values(text)[span] == ("duration", expected)


def test_times_and_sets() -> None:
    found = _values("Customs reopens at 10 a.m. Wednesday; inspections happen every week.")
    assert found["10 a.m. Wednesday"] == ("time", "2025-04-16T10:00")
    assert found["every week"] == ("set", "P1W")
    assert _values("Talks resume tonight.")["tonight"] == ("time", "2025-04-16TNI")


@pytest.mark.parametrize(
    "text",
    [
        "Tariffs on steel rose to 24% overnight of trading.",
        "Japan pays $68 per tonne.",
        "The measure falls under Section 232 of the act.",
        "Exports rose 2,025 units and 1,990 tonnes.",
        "The plant has 2020 employees and ships 1998 tonnes.",
        "May the talks succeed; April Ryan asked a question.",
        "She said this was as soon as they could act; the future of the WTO is unclear.",
        "The reporter spoke on 'This Week' with the host.",
    ],
)
def test_what_is_not_a_date(text: str) -> None:
    dates = {span: value for span, value in _values(text).items() if value[0] == "date"}
    assert dates == {}


def test_a_50_minute_meeting_is_a_duration_not_a_date() -> None:
    assert _values("A 50-minute meeting ended the talks.") == {"50-minute": ("duration", "PT50M")}


def test_without_a_reference_only_absolute_values() -> None:
    found = _values("They met on April 16 and again on June 2, 2025; more talks next week.", None)
    assert found["April 16"] == ("date", "XXXX-04-16")
    assert found["June 2, 2025"] == ("date", "2025-06-02")
    assert found["next week"] == ("date", None)


def test_ambiguous_numeric_dates_have_no_value() -> None:
    assert _values("The notice is dated 04/05/2025.")["04/05/2025"] == ("date", None)
    assert _values("The notice is dated 24/05/2025.")["24/05/2025"] == ("date", "2025-05-24")


@pytest.mark.parametrize(
    ("tense", "expected"),
    [("past", "2025-04-11"), ("future", "2025-04-18")],
)
def test_weekdays_follow_the_tense(tense: Tense, expected: str) -> None:
    assert _values("They meet on Friday.", tense=tense)["Friday"] == ("date", expected)


def test_months_and_days_without_year_take_the_nearest_year() -> None:
    dec = dt.date(2025, 1, 10)
    assert _values("The levy started on Dec. 15.", dec)["Dec. 15"] == ("date", "2024-12-15")
    assert _values("Exports slumped in December.", dec)["December"] == ("date", "2024-12")
    # a deadline reported in a past clause stays in the coming weeks
    found = _values("The offer was extended to Nov. 20.", dt.date(2025, 11, 2), "past")
    assert found["Nov. 20"] == ("date", "2025-11-20")


def test_expressions_that_point_back() -> None:
    text = (
        "Third-quarter profit fell. In the quarter, sales rose from a year earlier. "
        "The plant opened on May 22, 1995, and the following year it doubled output."
    )
    found = _values(text, dt.date(2025, 10, 30), "past")
    assert found["Third-quarter"] == ("date", "2025-Q3")
    assert found["the quarter"] == ("date", "2025-Q3")
    assert found["a year earlier"] == ("date", "2024-Q3")
    assert found["the following year"] == ("date", "1996")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "April 16",
                "last week",
                "2025",
                " ",
                "\n",
                "24%",
                "$68",
                "the third quarter",
                "ago",
                "two",
                "years",
                "Friday",
                "May",
                ",",
                "now",
                "10 a.m.",
                "-",
                "of",
                "nineteen ninety-six",
            ]
        ),
        max_size=30,
    ),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
)
def test_spans_are_ordered_disjoint_and_values_well_formed(parts: list[str], ref) -> None:
    text = " ".join(parts)
    found = time_expressions(text, ref, lambda s, e: "past")
    spans = [(start, end) for start, end, _, _ in found]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    for _, _, type_, value in found:
        assert type_ in ("date", "time", "duration", "set")
        assert value is None or TIMEX_VALUE.match(value), value


def test_recognise_finds_every_expression_of_a_long_text() -> None:
    text = "Talks resumed on Friday after 90 days. " * 2000
    assert len(recognise(text)) == 4000


def test_extracted_dates_are_grounded(nlp) -> None:
    text = (
        "WASHINGTON (Reuters) - U.S. and Japanese negotiators met on Wednesday and will meet "
        "again next week, after a 90-day pause announced on April 9. The 24% levy stays."
    )
    facts = extract_text(text, doc_id="t", published="2025-04-16")
    found = {d.text: (d.type, d.value) for d in facts.dates}
    assert found == {
        "Wednesday": ("date", "2025-04-16"),
        "next week": ("date", "2025-W17"),
        "90-day": ("duration", "P90D"),
        "April 9": ("date", "2025-04-09"),
    }
    for expression in facts.dates:
        for ev in expression.evidence:
            assert text[ev.start : ev.end] == ev.text == expression.text


def test_repeated_expressions_are_one_fact_with_all_evidence(nlp) -> None:
    text = "Tokyo met on Friday.\n\nSeoul also met on Friday."
    facts = extract_text(text, doc_id="t", published="2025-04-16")
    (friday,) = facts.dates
    assert friday.value == "2025-04-11"
    assert [ev.start for ev in friday.evidence] == [text.index("Friday"), text.rindex("Friday")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of the miner closing unchanged Friday, traders say.", "2025-04-11"),
        ("The tariff adds 5% to Thursday's closing price of soybeans.", "2025-04-10"),
        ("The waiver runs until Friday, the ministry says.", "2025-04-18"),
    ],
)
def test_a_weekday_in_a_present_clause_is_a_day_gone_by(text: str, expected: str) -> None:
    found = _values(text, tense="present")
    day = next(value for span, value in found.items() if span.endswith("day"))
    assert day == ("date", expected)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Ferries leave Dover each Thursday for Calais.", "each Thursday", "XXXX-WXX-4"),
        ("Growers march to the capital every July.", "every July", "XXXX-07"),
        ("The board meets every Monday at the ministry.", "every Monday", "XXXX-WXX-1"),
    ],
)
def test_a_named_day_or_month_that_recurs_is_a_set(text: str, span: str, expected: str) -> None:
    found = _values(text)
    assert found[span] == ("set", expected)
    assert not any(value[0] == "date" for value in found.values())


def test_phrases_that_are_no_time_filter_today_and_tomorrow() -> None:
    text = "He wants the people of tomorrow on the board; in today's world trade is fast."
    assert {s: v for s, v in _values(text).items() if v[0] == "date"} == {}
    assert _values("The envoys meet tomorrow.")["tomorrow"] == ("date", "2025-04-17")


def test_a_season_after_the_article_and_an_edge_word() -> None:
    found = _values("Orders rose from the low levels of the early summer.", dt.date(2025, 10, 1))
    assert found["the early summer"] == ("date", "2025-SU")


def test_last_years_quarter_is_the_quarter_named_a_year_before() -> None:
    text = "Third-quarter net rose to $5 million from $4 million in last year's quarter."
    found = _values(text, dt.date(2025, 10, 30), "past")
    assert found["last year's quarter"] == ("date", "2024-Q3")


def test_after_nine_months_a_year_earlier_is_a_year() -> None:
    text = (
        "Third-quarter profit fell 8% from a year ago. In the first nine months, revenue rose "
        "to $4 billion from $3.7 billion a year earlier. Fourth-quarter sales may slow; "
        "they were flat a year earlier."
    )
    found = _values(text, dt.date(2025, 10, 30), "past")
    assert found["a year ago"] == ("date", "2024-Q3")
    assert found["the first nine months"] == ("duration", "P9M")
    values = [v for s, v in time_expressions_in_order(text) if s == "a year earlier"]
    assert values == ["2024", "2024-Q4"]
    text = (
        "Third-quarter net rose. In the first nine months, net was $9 million against $7 million "
        "in the 2024 period; the year-ago period had a charge, and the next period may too."
    )
    found = _values(text, dt.date(2025, 10, 30), "past")
    assert found["the 2024 period"] == ("date", "2024")
    assert found["the year-ago period"] == ("date", "2024")
    assert found["the next period"] == ("date", "2026")


def time_expressions_in_order(text: str) -> list[tuple[str, str | None]]:
    """(span, value) in text order (repeated spans kept), reference 2025-10-30, past clauses."""
    found = time_expressions(text, dt.date(2025, 10, 30), lambda s, e: "past")
    return [(text[start:end], value) for start, end, _, value in found]


def test_a_quarter_named_in_passing_is_no_anchor() -> None:
    text = (
        "Net rose in the third quarter. After a flat second quarter, the group cited demand. "
        "In the quarter, sales rose from a year ago."
    )
    found = _values(text, dt.date(2025, 10, 30), "past")
    assert found["second quarter"] == ("date", "2025-Q2")
    assert found["the quarter"] == ("date", "2025-Q3")
    assert found["a year ago"] == ("date", "2024-Q3")


def test_the_latest_period_without_a_quarter_named_is_the_last_quarter() -> None:
    found = _values("Sales in the latest period fell 3%.", dt.date(2025, 11, 2), "past")
    assert found["the latest period"] == ("date", "2025-Q3")
    assert _values("Sales in the period fell 3%.", dt.date(2025, 11, 2), "past")["the period"] == (
        "date",
        None,
    )


def test_a_weekday_after_an_infinitive_is_ahead() -> None:
    found = _values("The merger is scheduled to close Monday.", tense="near")
    assert found["Monday"] == ("date", "2025-04-21")
    found = _values("The envoy is said to have met ministers Monday.", tense="near")
    assert found["Monday"] == ("date", "2025-04-14")
    found = _values("Ford is expected to report earnings Thursday.", tense="present")
    assert found["Thursday"] == ("date", "2025-04-17")


# ------------------------------------------------------------ days pointed back to


def test_that_day_and_its_neighbours_point_to_the_day_named_before() -> None:
    found = _values(
        "Envoys met in Lima on April 9. Later that day, Peru eased its rice duty. The next day, "
        "Chile followed, and the day before, Bolivia had asked for talks.",
        tense="past",
    )
    assert found["Later that day"] == ("date", "2025-04-09")
    assert found["The next day"] == ("date", "2025-04-10")
    assert found["the day before"] == ("date", "2025-04-09")  # before "the next day"


def test_earlier_in_the_day_is_the_articles_own_day_without_a_day_just_before() -> None:
    text = (
        "Officials said duties would start on May 1.\n\nThe ministry said it was ready.\n\n"
        "Earlier in the day, the president posted a letter."
    )
    assert _values(text, tense="past")["Earlier in the day"] == ("date", "2025-04-16")


def test_earlier_in_the_day_after_a_day_of_the_sentence_before_is_that_day() -> None:
    text = "The leaders met on Monday. Earlier in the day, they toured a port."
    assert _values(text, tense="past")["Earlier in the day"] == ("date", "2025-04-14")


def test_a_quoted_deadline_is_not_the_day_a_past_that_day_points_to() -> None:
    text = (
        "Talks ended on April 11. He said duties start on May 5. After meeting the "
        "delegation that day, he left."
    )
    assert _values(text, tense="past")["that day"] == ("date", "2025-04-11")


def test_with_no_day_named_that_day_has_no_value() -> None:
    assert _values("After meeting the delegation that day, he left.", tense="past")["that day"] == (
        "date",
        None,
    )


def test_an_ordinal_day_alone_is_a_day_of_the_reference_month_or_the_one_before() -> None:
    found = _values("On the 14th, envoys met. On the 28th, talks failed.", tense="past")
    assert found["the 14th"] == ("date", "2025-04-14")
    assert found["the 28th"] == ("date", "2025-03-28")  # not yet come on April 16
    assert _values("Duties rise on the 2nd.", tense="future")["the 2nd"] == ("date", "2025-05-02")


def test_an_ordinal_before_a_noun_is_no_day() -> None:
    assert "the 20th" not in _values("The 20th century ended; he came in the 10th round.")
