"""Measures (physical amounts) and prices per unit: our spans, quantulum3's reading.

The second table measures the split: on the spans our own parser keeps (money, percent,
duration), quantulum3 alone reads the wrong unit or value.
"""

from __future__ import annotations

import pytest

from tradefacts.pipeline.measures import classifier_free_parse, read_measure
from tradefacts.pipeline.quantities import find_in_text


def _found(text: str) -> list[tuple[str, float, str, str | None, str]]:
    return [
        (f.kind, f.value, f.unit, f.per_unit, text[f.start : f.end]) for f in find_in_text(text)
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        ("Japan will buy 770,000 tonnes of rice.", 770_000, "tonne", "770,000 tonnes"),
        ("Tokyo lifted the quota to 13,000 metric tons of beef.", 13_000, "tonne", None),
        ("Imports of 1.4 billion litres of ethanol.", 1.4e9, "litre", "1.4 billion litres"),
        ("Output of 2 million barrels per day.", 2e6, "barrel per day", None),
        ("Output of 2 million barrels a day.", 2e6, "barrel per day", "2 million barrels a day"),
        ("China bought 1.2m tonnes of soybeans.", 1.2e6, "tonne", "1.2m tonnes"),
        ("Exports of two million barrels.", 2e6, "barrel", "two million barrels"),
        ("A 3,000 MW plant.", 3000, "megawatt", "3,000 MW"),
        ("Sales of 15 million bushels of wheat.", 1.5e7, "bushel", "15 million bushels"),
        ("Capacity of 30 tonnes/year.", 30, "tonne per year", "30 tonnes/year"),
        ("A 5 million cubic metres tank.", 5e6, "cubic metre", "5 million cubic metres"),
        ("About 500 kg of samples.", 500, "kilogram", "500 kg"),
        ("Shipments of 40,000 short tons.", 40_000, "short ton", "40,000 short tons"),
        ("It holds 2,000 troy ounces of gold.", 2000, "ounce", "2,000 troy ounces"),
    ],
)
def test_measures_value_unit_and_span(text, value, unit, span):
    measures = [f for f in _found(text) if f[0] == "measure"]
    assert len(measures) == 1
    _, got_value, got_unit, per_unit, got_span = measures[0]
    assert got_value == pytest.approx(value)
    assert (got_unit, per_unit) == (unit, None)
    if span is not None:
        assert got_span == span


@pytest.mark.parametrize(
    ("text", "value", "per_unit"),
    [
        ("Brent fell to $60 a barrel.", 60, "barrel"),
        ("Wheat traded at $250 per tonne.", 250, "tonne"),
        ("Gold hit $3,300 an ounce.", 3300, "ounce"),
        ("Beef at €5/kg.", 5, "kilogram"),
    ],
)
def test_prices_per_unit_are_money_with_a_per_unit(text, value, per_unit):
    money = [f for f in _found(text) if f[0] == "money"]
    assert [(f[1], f[3]) for f in money] == [(value, per_unit)]


@pytest.mark.parametrize(
    "text",
    ["$1.4bn a year", "a 50-minute call", "a 24% tariff", "40,000 cars", "500 pounds of beef"],
)
def test_no_measure_without_a_unit_word(text):
    assert not [f for f in _found(text) if f[0] == "measure" or f[3] is not None]


def test_money_percent_and_duration_keep_our_reading():
    assert set(_found("$1.4bn and a 50-minute call and 24%")) == {
        ("money", 1.4e9, "USD", None, "$1.4bn"),
        ("duration", 50.0, "minute", None, "50-minute"),
        ("percent", 24.0, "percent", None, "24%"),
    }


def _quantulum_alone(text: str) -> tuple[float, str] | None:
    """quantulum3 without our rules (in the classifier-free mode the pipeline runs it in)."""
    found = classifier_free_parse(text)
    return (found[0].value, found[0].unit.name) if found else None


@pytest.mark.parametrize(
    ("span", "ours"),
    [
        ("$1.4bn", (1.4e9, "USD")),  # quantulum3: 1.4 "dollar barn newton"
        ("50-minute", (50.0, "minute")),  # quantulum3: 50 minutes of arc
        ("1.2m tonnes", (1.2e6, "tonne")),  # quantulum3: 1.2 metres; we spell out "million"
        ("2 million barrels a day", (2e6, "barrel per day")),  # quantulum3: barrels, then 1 day
    ],
)
def test_quantulum3_alone_is_wrong_where_our_rules_stay(span, ours):
    assert _quantulum_alone(span) != ours
    assert [(f.value, f.unit) for f in find_in_text(span)][:1] == [ours]


def test_read_measure_survives_odd_spans():
    for odd in ("", "1 " + "x" * 200, "\x00 tonnes", "NaN tonnes", "1e400 tonnes", "- - tonnes"):
        read_measure(odd)  # never raises


def test_measures_in_the_pipeline_carry_the_new_kind(nlp):
    doc = nlp("Japan agreed to buy 770,000 tonnes of US rice, priced at $600 a tonne.")
    got = {(q.kind, q.unit, q.per_unit) for q in doc._.quantities}
    assert ("measure", "tonne", None) in got
    assert ("money", "USD", "tonne") in got


def _facts(doc_id: str, *quantities):
    from tradefacts.models import ArticleFacts, Evidence, Quantity

    return ArticleFacts(
        doc_id=doc_id,
        quantities=tuple(
            Quantity(
                kind=kind,
                value=value,
                unit=unit,
                per_unit=per_unit,
                text=text,
                evidence=(Evidence(doc_id=doc_id, start=0, end=len(text), text=text),),
            )
            for kind, value, unit, per_unit, text in quantities
        ),
    )


def test_merge_keys_quantities_on_unit_and_per_unit():
    import tradefacts

    a = _facts(
        "a",
        ("measure", 770_000, "tonne", None, "770,000 tonnes"),
        ("money", 60, "USD", "barrel", "$60"),
    )
    b = _facts(
        "b",
        ("measure", 770_000, "tonne", None, "770,000 tonnes"),
        ("money", 60, "USD", None, "$60"),
        ("measure", 770_000, "barrel", None, "770,000 barrels"),
    )
    record = tradefacts.merge([a, b])
    got = sorted((q.kind, q.unit, q.per_unit or "", len(q.sources)) for q in record.quantities)
    assert got == [
        ("measure", "barrel", "", 1),
        ("measure", "tonne", "", 2),
        ("money", "USD", "", 1),
        ("money", "USD", "barrel", 1),
    ]
    again = tradefacts.merge([record, _facts("c", ("money", 60, "USD", "barrel", "$60"))])
    per_barrel = [q for q in again.quantities if q.per_unit == "barrel"]
    assert len(per_barrel) == 1 and len(per_barrel[0].sources) == 2


def test_quantulum3_loads_only_on_the_first_measure():
    import subprocess
    import sys

    code = (
        "import sys, tradefacts\n"
        "tradefacts.extract_text('Japan paid $1.4bn on Tuesday, a 24% rise.', doc_id='a')\n"
        "print('quantulum3' in sys.modules)\n"
        "tradefacts.extract_text('Japan bought 770,000 tonnes of rice.', doc_id='b')\n"
        "print('quantulum3' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "True"]
