"""TariffRate.effective / effective_text: when the clause says the rate applies (own sentences,
several outlets' styles), resolved against the reference date; and how merge fuses them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradefacts import extract_text, merge

REF = "2025-04-08"  # a Tuesday


def tariffs_of(text: str, published: str | None = REF):
    return extract_text(text, doc_id="eff", published=published).tariffs


def only(text: str, published: str | None = REF):
    found = tariffs_of(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "date", "words"),
    [
        (
            "The United States will impose a 25% tariff on Japanese cars from August 1, "
            "the White House said.",
            dt.date(2025, 8, 1),
            "from August 1",
        ),
        (
            "China's 84% tariffs on all US goods took effect on April 10.",
            dt.date(2025, 4, 10),
            "took effect on April 10",
        ),
        (
            "Washington said a 50% duty on Indian goods would apply starting Aug. 27.",
            dt.date(2025, 8, 27),
            "starting Aug. 27",
        ),
        (
            "The 104 per cent tariff on Chinese goods takes effect at midnight on Wednesday, "
            "the White House said.",
            dt.date(2025, 4, 9),
            "at midnight on Wednesday",
        ),
        (
            "Trump said a 10% tariff on all imports will take effect in 90 days.",
            dt.date(2025, 7, 7),
            "take effect in 90 days",
        ),
        (
            "The EU will impose a 20% tariff on US whiskey, effective immediately.",
            dt.date(2025, 4, 8),
            "effective immediately",
        ),
    ],
)
def test_effective_date_from_the_clause(nlp, text: str, date: dt.date, words: str) -> None:
    tariff = only(text)
    assert tariff.effective == date
    assert tariff.effective_text == words
    assert words in text  # the words are the source's own


def test_retroactive_date_takes_the_nearest_year(nlp) -> None:
    tariff = only(
        "Canada's 25% tariff on US steel is retroactive to Nov. 1, officials said.",
        published="2025-11-20",
    )
    assert tariff.effective == dt.date(2025, 11, 1)
    assert tariff.effective_text == "retroactive to Nov. 1"


@pytest.mark.parametrize(
    "text",
    [
        "Trump announced on Wednesday a 25% tariff on Mexican goods.",
        "Japan has until July 9 to avoid a 24% tariff on its exports to the US.",
        "The 10% tariff on Chinese goods was imposed two weeks ago, Beijing said.",
        "Washington set an August 1 deadline before a 30% tariff on EU goods kicks in.",
    ],
)
def test_no_effective_date_when_the_clause_does_not_say(nlp, text: str) -> None:
    found = tariffs_of(text)
    assert found
    assert all(t.effective is None and t.effective_text is None for t in found), found


def test_without_a_reference_date_the_words_stay_and_the_day_does_not(nlp) -> None:
    tariff = only("The 104% tariff on Chinese goods takes effect at midnight on Wednesday.", None)
    assert tariff.effective is None
    assert tariff.effective_text == "at midnight on Wednesday"


def test_a_full_date_needs_no_reference(nlp) -> None:
    tariff = only("A 39% tariff on Swiss goods took effect on August 7, 2025.", None)
    assert tariff.effective == dt.date(2025, 8, 7)


def test_each_rate_of_a_sentence_takes_its_own_date(nlp) -> None:
    found = tariffs_of(
        "China will levy a 15% tariff on US coal from February 10, and a 10% tariff on crude "
        "oil from March 4, the commerce ministry said.",
        published="2025-02-04",
    )
    by_rate = {t.rate_percent: t.effective for t in found}
    assert by_rate == {15.0: dt.date(2025, 2, 10), 10.0: dt.date(2025, 3, 4)}


def test_a_parallel_rate_takes_its_on_date(nlp) -> None:
    found = tariffs_of(
        "The president could impose on refined copper a 15% tariff effective January 1, 2027, "
        "and a 30% tariff on January 1, 2028, the fact sheet said.",
        published="2025-07-31",
    )
    by_rate = {t.rate_percent: (t.effective, t.effective_text) for t in found}
    assert by_rate == {
        15.0: (dt.date(2027, 1, 1), "effective January 1, 2027"),
        30.0: (dt.date(2028, 1, 1), "on January 1, 2028"),
    }


def test_a_follow_up_sentence_dates_the_rates_before_it(nlp) -> None:
    found = tariffs_of(
        "Beijing slapped an 84% tariff on all US goods after Washington raised its duty on "
        "Chinese goods to 104%. The new charges will be effective from April 10, the finance "
        "ministry said. Separately, Canada kept its 25% tariff on US steel.",
        published="2025-04-09",
    )
    by_rate = {t.rate_percent: t.effective for t in found}
    assert by_rate[84.0] == dt.date(2025, 4, 10)
    assert by_rate[104.0] is None  # another imposer's rate, told in passing
    assert by_rate[25.0] is None


def test_a_restated_rate_dates_the_one_fact_at_that_rate(nlp) -> None:
    text = (
        "Washington imposes a 50% tariff on its imports from Brazil.\n"
        "The increase in U.S. tariffs on Brazilian goods, ordered by the president to rise to "
        "50%, came into effect on Wednesday, August 6, officials said."
    )
    by_rate = {t.rate_percent: t for t in tariffs_of(text, published="2025-08-06")}
    assert by_rate[50.0].effective == dt.date(2025, 8, 6)
    assert by_rate[50.0].effective_text == "came into effect on Wednesday, August 6"


def test_a_month_and_day_take_the_nearest_year_whatever_the_reporting_tense(nlp) -> None:
    tariff = only(
        "Trump also announced a 25 percent tariff beginning Oct. 1 on heavy trucks made abroad.",
        published="2025-09-26",
    )
    assert tariff.effective == dt.date(2025, 10, 1)


def test_merge_fuses_effective_dates_with_support_and_conflicts(nlp) -> None:
    a = extract_text(
        "The US will raise its tariff on Indian goods to 50% from August 27.",
        doc_id="a",
        published="2025-08-07",
    )
    b = extract_text(
        "India faces a 50% US tariff from August 27, officials in New Delhi said.",
        doc_id="b",
        published="2025-08-08",
    )
    c = extract_text(
        "The 50% US tariff on Indian goods applies from August 28, a trade body said.",
        doc_id="c",
        published="2025-08-08",
    )
    silent = extract_text("India faces a 50% US tariff.", doc_id="d", published="2025-08-09")
    record = merge([a, b, c, silent])
    fifty = [t for t in record.tariffs if t.rate_percent == 50 and t.target == "IND"]
    assert len(fifty) == 1
    assert fifty[0].effective == dt.date(2025, 8, 27)
    assert fifty[0].effective_text == "from August 27"
    conflict = next(c for c in record.conflicts if c.field == "effective")
    assert conflict.chosen == "2025-08-27"
    assert {s.value: s.sources for s in conflict.sides} == {
        "2025-08-27": ("a", "b"),
        "2025-08-28": ("c",),
    }
    unstated = {u.field: u.sources for u in fifty[0].unstated}
    assert unstated.get("effective") == ("d",)
    # merging the record again keeps the choice
    again = merge([record])
    assert [t.effective for t in again.tariffs if t.rate_percent == 50] == [dt.date(2025, 8, 27)]


CUES = ["from", "starting", "effective", "beginning on", "took effect on", "as of"]
SIDES = [("The United States", "Japanese"), ("Canada", "US"), ("The EU", "Chinese")]


@settings(max_examples=25, deadline=None)
@given(
    cue=st.sampled_from(CUES),
    sides=st.sampled_from(SIDES),
    rate=st.integers(min_value=1, max_value=150),
    day=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
    tail=st.sampled_from(["", ", officials said", ", according to a statement"]),
)
def test_a_cued_full_date_is_the_effective_day(nlp, cue, sides, rate, day, tail) -> None:
    imposer, target = sides
    when = f"{day:%B} {day.day}, {day.year}"
    text = f"{imposer} imposes a {rate}% tariff on {target} steel {cue} {when}{tail}."
    found = tariffs_of(text, published=None)
    assert found, text
    for tariff in found:
        assert tariff.effective == day, text
        assert tariff.effective_text is not None and tariff.effective_text in text
        assert tariff.effective_text.endswith(when)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Kenya imposed a 20% tariff on Ugandan sugar, effective from May 1.", "announced"),
        ("Kenya's 20% tariff on Ugandan sugar took effect on April 1.", "in_effect"),
        ("Kenya announced a 20% tariff on Ugandan sugar, effective April 1.", "in_effect"),
        ("Kenya threatened a 20% tariff on Ugandan sugar starting May 1.", "threatened"),
    ],
)
def test_a_rate_that_starts_after_the_reference_date_is_announced(text: str, status: str) -> None:
    assert only(text).status == status  # REF is 2025-04-08
