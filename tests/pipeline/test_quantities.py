"""tf_quantities: money, percentages, durations and counts, with exact evidence."""

from __future__ import annotations

import time

import pytest

from tradefacts.pipeline.quantities import find_in_text, parse_number, quantities_in


def _run(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    return nlp(doc)


def _quantities(nlp, text: str, kind: str | None = None) -> list[tuple[float, str, str]]:
    doc = _run(nlp, text)
    return [(q.value, q.unit, q.text) for q in doc._.quantities if kind is None or q.kind == kind]


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        ("Japan pays about $1.4bn a year towards the cost.", 1.4e9, "USD", "$1.4bn"),
        ("Seoul offered US$350 billion in investment.", 3.5e11, "USD", "US$350 billion"),
        ("Tokyo set aside ¥211 billion for exporters.", 2.11e11, "JPY", "¥211 billion"),
        ("Brussels readied €600bn of countermeasures.", 6e11, "EUR", "€600bn"),
        ("The UK fund holds £2.5m.", 2.5e6, "GBP", "£2.5m"),
        ("Ottawa will hit C$30 billion of US goods.", 3e10, "CAD", "C$30 billion"),
        ("Canberra pledged A$1bn for farmers.", 1e9, "AUD", "A$1bn"),
        ("New Delhi approved Rs 500 crore for textile exporters.", 5e9, "INR", "Rs 500 crore"),
        ("The scheme costs ₹2 lakh per firm.", 2e5, "INR", "₹2 lakh"),
        ("Beijing cut RMB 100 billion in fees.", 1e11, "CNY", "RMB 100 billion"),
        ("Hanoi exported 30 billion yuan of goods.", 3e10, "CNY", "30 billion yuan"),
        ("Seoul earmarked 5 trillion won for carmakers.", 5e12, "KRW", "5 trillion won"),
        ("Toyota expects a 50 billion yen hit.", 5e10, "JPY", "50 billion yen"),
        ("The $68.5 billion trade deficit with Japan grew.", 6.85e10, "USD", "$68.5 billion"),
        ("Trade worth USD 3 trillion is at stake.", 3e12, "USD", "USD 3 trillion"),
        ("Markets lost $5tn in two days.", 5e12, "USD", "$5tn"),
        ("A fine of $500,000 was paid.", 5e5, "USD", "$500,000"),
        ("Mexico spent 20 billion Mexican pesos on the border.", 2e10, "MXN", None),
        ("The bank sold 2 billion Swiss francs.", 2e9, "CHF", None),
    ],
)
def test_money_value_currency_and_span(nlp, text, value, unit, span):
    found = _quantities(nlp, text, "money")
    assert len(found) == 1, found
    got_value, got_unit, got_text = found[0]
    assert got_value == pytest.approx(value)
    assert got_unit == unit
    if span is not None:
        assert got_text == span


def test_money_evidence_is_the_source_slice(nlp):
    text = "Line one.\nVietnam offered to buy $2.5 billion of US farm goods."
    doc = _run(nlp, text)
    (q,) = [q for q in doc._.quantities if q.kind == "money"]
    ev = q.evidence[0]
    assert text[ev.start : ev.end] == ev.text == q.text == "$2.5 billion"


def test_hedged_money_is_approximate_and_exact_money_is_not(nlp):
    doc = _run(nlp, "Japan pays about $1.4bn, while Korea pays $1bn.")
    flags = {q.text: q.approximate for q in doc._.quantities}
    assert flags == {"$1.4bn": True, "$1bn": False}


def test_vague_money_is_approximate_lower_bound(nlp):
    doc = _run(nlp, "We pay hundreds of billions of dollars; a multi-billion dollar gas project.")
    money = [(q.value, q.approximate) for q in doc._.quantities if q.kind == "money"]
    assert money == [(1e11, True), (1e9, True)]


def test_ambiguous_currency_words_need_a_scale(nlp):
    assert (
        _quantities(nlp, "They shipped 500 pounds of beef and Korea won 3 medals.", "money") == []
    )
    assert _quantities(nlp, "The levy raised 3 billion pounds.", "money") == [
        (3e9, "GBP", "3 billion pounds")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 24% levy", [(24.0, "percent", "24%")]),
        ("a 25 per cent tariff", [(25.0, "percent", "25 per cent")]),
        ("a 27.5 percent duty", [(27.5, "percent", "27.5 percent")]),
        ("prices rose 10pc", [(10.0, "percent", "10pc")]),
        ("duties of 10-20% on steel", [(10.0, "percent", "10"), (20.0, "percent", "20%")]),
        ("between 10% and 20%", [(10.0, "percent", "10%"), (20.0, "percent", "20%")]),
        (
            "tariffs of 10 and 15% on farm goods",
            [(10.0, "percent", "10"), (15.0, "percent", "15%")],
        ),
        ("rates of 5 or 8 per cent", [(5.0, "percent", "5"), (8.0, "percent", "8 per cent")]),
        # a number before "and" that is larger is no listed rate: "Section 232 and 25% duties"
        ("Section 232 and 25% duties", [(25.0, "percent", "25%")]),
        ("in 2019 and 20% of cases", [(20.0, "percent", "20%")]),
        ("levies of up to 145%", [(145.0, "percent", "145%")]),
        (
            "rates rose by 12 percentage points",
            [(12.0, "percentage_point", "12 percentage points")],
        ),
        ("a cut of 25 basis points", [(0.25, "percentage_point", "25 basis points")]),
        ("a twenty-five percent tariff", [(25.0, "percent", "twenty-five percent")]),
    ],
)
def test_percent_spellings(nlp, text, expected):
    assert _quantities(nlp, text, "percent") == expected


def test_percent_hedge_sets_approximate(nlp):
    doc = _run(nlp, "The won rose approximately 0.5% while the rupee fell 1.2%.")
    assert [(q.value, q.approximate) for q in doc._.quantities] == [(0.5, True), (1.2, False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 90-day pause", (90.0, "day", "90-day")),
        ("paused for 90 days", (90.0, "day", "90 days")),
        ("Akazawa's 50-minute meeting", (50.0, "minute", "50-minute")),
        ("talks lasted nearly an hour and a half", (90.0, "minute", "an hour and a half")),
        ("within two weeks", (2.0, "week", "two weeks")),
        ("a six-month review", (6.0, "month", "six-month")),
        ("over three years", (3.0, "year", "three years")),
        ("for half an hour", (30.0, "minute", "half an hour")),
    ],
)
def test_durations(nlp, text, expected):
    assert _quantities(nlp, text, "duration") == [expected]


def test_rates_ages_and_ago_are_not_durations(nlp):
    text = "It pays $2bn a year. A 45-year-old minister arrived. It began 3 days ago."
    assert _quantities(nlp, text, "duration") == []


def test_counts(nlp):
    doc = _run(nlp, "More than 75 countries requested talks, and three rounds are planned.")
    counts = [(q.value, q.unit, q.text, q.approximate) for q in doc._.quantities]
    assert counts == [
        (75.0, "countries", "75 countries", True),
        (3.0, "rounds", "three rounds", False),
    ]


def test_no_junk_from_years_dates_names_and_codes(nlp):
    text = (
        "In 2025 the G7 met on April 2. By 2027 the STOXX 600 and Section 232 rules, "
        "COVID-19 and the 1st round at 3 pm, call +1 202 555 0100, dozens of countries."
    )
    assert _quantities(nlp, text) == []


def test_quantities_in_clutter_are_dropped(nlp):
    text = "Japan pays $1.4bn a year.\n"
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "tf_clutter":
            doc._.clutter = [(0, 12)]
    assert doc._.quantities == []


def test_quantities_in_returns_local_range(nlp):
    doc = _run(nlp, "Rates: 24%. Money: $5bn.")
    assert [q.text for q in quantities_in(doc, 0, 11)] == ["24%"]
    assert [q.text for q in quantities_in(doc, 0, len(doc.text), "money")] == ["$5bn"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,234.5", 1234.5), ("twenty-five", 25), ("a hundred", 100), ("2.5 million", 2.5e6)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["first", "a third", "", "2nd"])
def test_parse_number_rejects_ordinals_and_fractions(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text",
    ["9" * 100000 + "%", "tariff " * 30000, "$" * 100000, '"' * 200000, "1," * 50000 + "%"],
)
def test_hostile_input_is_fast(text):
    started = time.perf_counter()
    found = find_in_text(text)
    assert time.perf_counter() - started < 10.0  # generous: catastrophic backtracking takes minutes
    assert all(f.value < 1e16 for f in found)
