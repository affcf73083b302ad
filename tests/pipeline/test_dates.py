"""tf_dates: date spans, tense-aware resolution, inferred reference dates, helpers."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tradefacts.pipeline.dates import date_for_token, dates_in, recognise

THU = dt.date(2025, 4, 17)  # a Thursday
WED = dt.date(2025, 4, 16)


def _run(nlp, text: str, ref: dt.date | None):
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    doc._.reference_date = ref
    return nlp(doc)


def _dates(nlp, text: str, ref: dt.date | None = THU) -> dict[str, dt.date | None]:
    return {m.text: m.date for m in _run(nlp, text, ref)._.dates}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Trump met Akazawa on Wednesday.", "on Wednesday", WED),
        ("Meloni is set to meet Trump on Thursday.", "on Thursday", THU),
        ("Modi will travel to Washington on Monday.", "on Monday", dt.date(2025, 4, 21)),
        ("Sheinbaum spoke to Carney on Monday.", "on Monday", dt.date(2025, 4, 14)),
        ("Starmer plans to visit Beijing on Tuesday.", "on Tuesday", dt.date(2025, 4, 22)),
        ("Lee Jae-myung held talks with Xi early Tuesday.", "early Tuesday", dt.date(2025, 4, 15)),
        ("The EU had announced countermeasures last Friday.", "last Friday", dt.date(2025, 4, 11)),
        ("Officials meet again next Friday.", "next Friday", dt.date(2025, 4, 18)),
        ("Ottawa said the levies take effect on May 5.", "May 5", dt.date(2025, 5, 5)),
        ("The tariffs announced on December 2 hit Vietnam.", "December 2", dt.date(2024, 12, 2)),
        ("Seoul and Tokyo met on 3 March 2024.", "3 March 2024", dt.date(2024, 3, 3)),
        ("India replied today.", "today", THU),
        ("India replied yesterday.", "yesterday", WED),
        ("India replies tomorrow.", "tomorrow", dt.date(2025, 4, 18)),
        ("Since Liberation Day markets fell.", "Liberation Day", dt.date(2025, 4, 2)),
        ("The deal was signed 2025-03-30 in Hanoi.", "2025-03-30", dt.date(2025, 3, 30)),
    ],
)
def test_resolution_follows_tense_and_reference(nlp, text, span, expected):
    assert _dates(nlp, text)[span] == expected


def test_a_deadline_ends_a_period_in_the_past_tense_but_may_lie_ahead(nlp):
    # the past verb does not move the deadline a year back: the nearest 8 July is ahead
    text = "He cut the rate to 10% until 8 July to allow time for talks."
    assert _dates(nlp, text)["8 July"] == dt.date(2025, 7, 8)
    text = "Ottawa had paused the duties through June 30."
    assert _dates(nlp, text)["June 30"] == dt.date(2025, 6, 30)


def test_a_date_before_the_reported_clause_belongs_to_the_saying(nlp):
    # the parser hangs "on Monday" on "retaliate"; it is when Peru spoke
    assert _dates(nlp, "Peru said on Monday it will retaliate.")["on Monday"] == dt.date(
        2025, 4, 14
    )
    # after "that", the date is inside the reported clause
    text = "Peru said that on Monday it will publish the list."
    assert _dates(nlp, text)["on Monday"] == dt.date(2025, 4, 21)


def test_future_weekday_on_its_own_weekday_is_the_same_day(nlp):
    assert _dates(nlp, "Trump will attend the talks on Wednesday.", WED) == {"on Wednesday": WED}


def test_reported_would_picks_the_nearest_weekday(nlp):
    text = "Trump earlier said the issue would be discussed in Wednesday's meeting."
    assert _dates(nlp, text)["Wednesday"] == WED


def test_vague_spans_keep_no_date_but_a_granularity(nlp):
    text = (
        "They agreed to meet later this month, after talks last week. A deal could come "
        "by the end of this month or next year, in March or in the coming weeks."
    )
    doc = _run(nlp, text, THU)
    got = {m.text: (m.date, m.granularity) for m in doc._.dates}
    assert got["later this month"] == (None, "month")
    assert got["last week"] == (None, "vague")
    assert got["by the end of this month"] == (None, "month")
    assert got["next year"] == (None, "year")
    assert got["in March"] == (None, "month")
    assert any(t.endswith("coming weeks") and g == (None, "vague") for t, g in got.items())


def test_weekday_is_kept_without_a_reference(nlp):
    doc = _run(nlp, "Brazil's minister met Lutnick on Tuesday.", None)
    (m,) = doc._.dates
    assert (m.text, m.date, m.weekday) == ("on Tuesday", None, 1)
    assert doc._.reference_date is None


def test_reference_inferred_from_latest_full_date(nlp):
    text = (
        "Canada retaliated on March 4, 2025. Trump met Carney on Tuesday.\n"
        "— a reporter (@someone) March 11, 2025\n"
        "Talks must end by June 30, 2025."
    )
    doc = _run(nlp, text, None)
    assert doc._.reference_date == dt.date(2025, 3, 11)
    assert {m.text: m.date for m in doc._.dates}["on Tuesday"] == dt.date(2025, 3, 11)


def test_quoted_today_follows_the_day_of_the_post(nlp):
    text = "“Korea is coming in today to negotiate,” Trump posted Wednesday."
    assert _dates(nlp, text)["today"] == WED


def test_years_durations_and_numbers_are_not_dates(nlp):
    got = _dates(nlp, "Spending rises to 2% by 2027 after a 90-day pause and 50-minute talks.")
    assert got == {"by 2027": None}


def test_ambiguous_numeric_date_is_left_open(nlp):
    got = _dates(nlp, "The filing of 04/05/2025 and of 16/04/2025 differ.")
    assert got == {"04/05/2025": None, "16/04/2025": WED}


def test_dates_in_and_date_for_token(nlp):
    text = "Mexico imposed duties on Monday. Carney will visit Paris on Friday."
    doc = _run(nlp, text, THU)
    second = text.index("Carney")
    assert [m.text for m in dates_in(doc, second, len(text))] == ["on Friday"]
    visit = next(t for t in doc if t.lower_ == "visit")
    imposed = next(t for t in doc if t.lower_ == "imposed")
    assert date_for_token(doc, visit).date == dt.date(2025, 4, 18)
    assert date_for_token(doc, imposed).date == dt.date(2025, 4, 14)


def test_possessive_weekday_attaches_to_its_noun(nlp):
    text = "Opposite Lutnick for Wednesday's talks was Vietnam's deputy prime minister."
    doc = _run(nlp, text, THU)
    talks = next(t for t in doc if t.lower_ == "talks")
    assert date_for_token(doc, talks).date == WED


@pytest.mark.parametrize("text", ['"' * 200000, "9" * 100000 + "%", "tariff " * 30000])
def test_hostile_input_is_fast(text):
    started = time.perf_counter()
    recognise(text)
    assert time.perf_counter() - started < 10.0  # generous: catastrophic backtracking takes minutes


@pytest.mark.parametrize("text", ["April 2, " * 20000, "on Wednesday " * 15000])
def test_text_dense_with_dates_stays_linear(text):
    started = time.perf_counter()
    assert len(recognise(text)) in (20000, 15000)
    assert time.perf_counter() - started < 3.0


def test_reference_from_a_published_stamp_in_clutter_but_not_from_a_photo_caption(nlp):
    text = (
        "By A Reporter in Seoul\nPublished 13 June 2025\n"
        "Workers at a Hyundai plant, Jan. 14, 2025. (AP Photo/Someone, File)\n"
        "Korea announced the deal on Thursday."
    )
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    for name, proc in nlp.pipeline:
        if name == "tf_dates":
            doc._.clutter = [(0, text.index("Korea"))]  # byline, stamp and caption
        doc = proc(doc)
    assert doc._.reference_date == dt.date(2025, 6, 13)
    assert {m.text: m.date for m in doc._.dates}["on Thursday"] == dt.date(2025, 6, 12)


def test_photo_caption_date_does_not_become_the_reference(nlp):
    text = (
        "Soybeans at a port in Qingdao, Jan. 14, 2025. (AP Photo/Someone)\n"
        "Beijing hit back on Tuesday."
    )
    doc = _run(nlp, text, None)
    assert doc._.reference_date is None
    assert {m.text: m.date for m in doc._.dates}["on Tuesday"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tariffs will take effect in 90 days.", {"in 90 days": dt.date(2025, 7, 16)}),
        ("The deal was signed two weeks ago in Tokyo.", {"two weeks ago": dt.date(2025, 4, 3)}),
        ("Markets fell 3 days ago.", {"3 days ago": dt.date(2025, 4, 14)}),
        ("Talks resume on the 2nd of May.", {"2nd of May": dt.date(2025, 5, 2)}),
        ("The duties paused for 90 days expire soon.", {}),
        ("A 24% tariff hit G7 partners under Section 232 after a 50-minute call.", {}),
    ],
)
def test_dateparser_reads_forms_our_patterns_did_not_resolve(nlp, text, expected):
    assert {k: v for k, v in _dates(nlp, text).items() if v is not None} == expected
