"""A "when/as" clause happens on the day of the clause it modifies; an "after" clause may not."""

from __future__ import annotations

import datetime as dt

import tradefacts


def dated(text: str) -> set[tuple[str, dt.date | None]]:
    facts = tradefacts.extract_text(text, doc_id="when", published="2025-04-09")
    return {(e.type, e.date) for e in facts.events}


def test_a_when_clause_takes_the_day_of_its_main_clause(nlp):
    text = "Markets in Seoul fell sharply on Monday when Beijing announced new retaliatory tariffs."
    assert ("announcement", dt.date(2025, 4, 7)) in dated(text)


def test_an_after_clause_does_not_take_the_later_day(nlp):
    text = (
        "Mexico was reeling on Friday after Donald Trump slapped a 30 percent tariff on its goods."
    )
    assert ("announcement", dt.date(2025, 4, 4)) not in dated(text)


def test_departing_for_a_place_is_a_visit(nlp):
    text = "Indonesia's trade delegation departed for Washington on April 8 for tariff talks."
    assert ("visit", dt.date(2025, 4, 8)) in dated(text)


def test_heading_without_a_place_is_no_visit(nlp):
    text = "Prices of imported steel will head higher on Monday, traders said."
    assert not any(kind == "visit" for kind, _ in dated(text))
