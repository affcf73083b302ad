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


# --- a day told by reference to the one before ("later that day", "the next day") ----------


def announcers(text: str) -> set[tuple[tuple[str, ...], dt.date | None]]:
    facts = tradefacts.extract_text(text, doc_id="anaphora", published="2025-04-09")
    return {(e.participants, e.date) for e in facts.events if e.type == "announcement"}


def test_later_that_day_takes_the_day_named_before(nlp):
    text = (
        "Peru announced duties on Chilean fruit on Monday. "
        "Later that day, Chile announced a complaint to the WTO."
    )
    assert (("country:CHL",), dt.date(2025, 4, 7)) in announcers(text)


def test_the_next_day_is_the_day_after_the_one_named_before(nlp):
    text = (
        "Peru announced duties on Chilean fruit on Monday. "
        "The next day, Ecuador announced retaliation against Peru."
    )
    assert any(p[0] == "country:ECU" and d == dt.date(2025, 4, 8) for p, d in announcers(text))


def test_two_announcers_of_one_day_are_two_announcements(nlp):
    text = (
        "Kenya announced a levy on Ugandan sugar on Monday. "
        "Later that day, Tanzania announced a ban on Kenyan maize."
    )
    days = [d for _, d in announcers(text)]
    assert days.count(dt.date(2025, 4, 7)) == 2
