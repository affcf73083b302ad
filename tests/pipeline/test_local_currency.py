"""A bare "$" is the local dollar of the country its clause is about; "up to $800" and "$800"
are one quantity. Sentences written for the test."""

from __future__ import annotations

import pytest

import tradefacts


def money(text: str) -> list[tuple[float, str]]:
    facts = tradefacts.extract_text(text, doc_id="t", published="2025-06-04")
    return [(q.value, q.unit) for q in facts.quantities if q.kind == "money"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prime Minister Mark Carney said Canada currently has retaliatory tariffs in place "
            "on $90 billion worth of U.S. goods.",
            [(9e10, "CAD")],
        ),
        ("Australia will spend $2 billion to help its beef farmers.", [(2e9, "AUD")]),
        ("New Zealand exported $3 billion of dairy to China last year.", [(3e9, "NZD")]),
        ("The US buys $30 billion of steel a year.", [(3e10, "USD")]),
        ("Canada buys US$5 billion of American beef.", [(5e9, "USD")]),
        ("Brazil sold $4 billion of coffee abroad.", [(4e9, "USD")]),
    ],
)
def test_bare_dollar_follows_the_clause_subject(nlp, text: str, expected) -> None:
    assert money(text) == expected


def test_one_amount_stated_approximately_and_exactly_is_one_quantity(nlp) -> None:
    facts = tradefacts.extract_text(
        "Parcels worth up to $800 entered duty free. The $800 threshold ends on Friday.",
        doc_id="t",
    )
    found = [q for q in facts.quantities if q.kind == "money"]
    assert [(q.value, q.approximate, len(q.evidence)) for q in found] == [(800.0, False, 2)]
