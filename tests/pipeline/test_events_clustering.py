"""tf_events clustering: one happening told twice is one event. A planned trip and the talks it
is for fuse; a dated agreement ("agreed on Tuesday") is an event and takes in the undated signing
by the same sides' ministers; unrelated or differently timed happenings stay apart. Sentences are
our own."""

from __future__ import annotations

import datetime as dt

from test_events import annotate

REF = dt.date(2025, 6, 6)  # a Friday


def test_planned_trip_and_its_talks_are_one_visit(nlp) -> None:
    text = (
        "Ruto to visit Oslo.\n\n"
        "William Ruto will travel to Oslo next week for talks with Norwegian minister Ola Berg."
    )
    names = {
        "Ruto": "person:william-ruto",
        "William Ruto": "person:william-ruto",
        "Ola Berg": "person:ola-berg",
        "Norwegian": "country:NOR",
    }
    doc = annotate(nlp, text, names, [("next week", None, "vague")], REF)
    (event,) = doc._.events
    assert event.type == "visit"
    assert event.status == "planned"
    assert event.date_text == "next week"
    assert {"person:william-ruto", "person:ola-berg"} <= set(event.participants)


def test_planned_trips_of_different_people_stay_apart(nlp) -> None:
    text = (
        "William Ruto will travel to Oslo next week. Ola Berg will hold talks with Peru next month."
    )
    names = {
        "William Ruto": "person:william-ruto",
        "Ola Berg": "person:ola-berg",
        "Peru": "country:PER",
    }
    dates = [("next week", None, "vague"), ("next month", None, "vague")]
    doc = annotate(nlp, text, names, dates, REF)
    assert len(doc._.events) == 2


def test_dated_agreement_is_an_occurred_event(nlp) -> None:
    text = "Peru and Chile agreed on Tuesday to cut duties on copper wire."
    names = {"Peru": "country:PER", "Chile": "country:CHL"}
    doc = annotate(nlp, text, names, [("on Tuesday", dt.date(2025, 6, 3), "day")], REF)
    (event,) = doc._.events
    assert event.date == dt.date(2025, 6, 3)
    assert event.status == "occurred"
    assert set(event.participants) == {"country:PER", "country:CHL"}


def test_undated_agreement_is_no_event(nlp) -> None:
    text = "Peru and Chile agreed to cut duties on copper wire."
    doc = annotate(nlp, text, {"Peru": "country:PER", "Chile": "country:CHL"}, (), REF)
    assert doc._.events == []


def test_agreeing_to_meet_stays_a_planned_meeting(nlp) -> None:
    text = "Peru and Chile agreed to meet again next month."
    names = {"Peru": "country:PER", "Chile": "country:CHL"}
    doc = annotate(nlp, text, names, [("next month", None, "vague")], REF)
    assert [e.status for e in doc._.events if e.type == "meeting"] == ["planned"]


def test_undated_signing_joins_the_dated_agreement(nlp) -> None:
    text = (
        "Peru and Chile agreed on Tuesday to cut duties on copper wire.\n\n"
        "Minister Ana Soto and her counterpart Luis Vera signed a memorandum in Lima."
    )
    names = {
        "Peru": "country:PER",
        "Chile": "country:CHL",
        "Ana Soto": "person:ana-soto",
        "Luis Vera": "person:luis-vera",
    }
    doc = annotate(nlp, text, names, [("on Tuesday", dt.date(2025, 6, 3), "day")], REF)
    (event,) = doc._.events
    assert event.date == dt.date(2025, 6, 3)
    assert {"country:PER", "person:ana-soto", "person:luis-vera"} <= set(event.participants)
    assert len(event.evidence) == 2


def test_undated_signing_stays_apart_when_its_people_have_other_countries(nlp) -> None:
    text = (
        "Peru and Chile agreed on Tuesday to cut duties on copper wire.\n\n"
        "Minister Ana Soto and her counterpart Luis Vera signed a memorandum in Oslo."
    )
    names = {
        "Peru": "country:PER",
        "Chile": "country:CHL",
        "Ana Soto": "person:ana-soto",
        "Luis Vera": "person:luis-vera",
    }
    home = {"person:ana-soto": "NOR", "person:luis-vera": "SWE"}
    dates = [("on Tuesday", dt.date(2025, 6, 3), "day")]
    doc = annotate(nlp, text, names, dates, REF, home=home)
    assert len(doc._.events) == 2
