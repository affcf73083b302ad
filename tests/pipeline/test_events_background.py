"""tf_events on undated past happenings: a strong trigger in the past tense ("met", "held
talks", "announced") is an event of the article even with no day; generic, planned, negated,
descriptive ("who led the talks"), year-old and weak mentions stay background. Sentences are
our own."""

from __future__ import annotations

import datetime as dt

from test_events import annotate

REF = dt.date(2025, 6, 6)


def test_undated_past_meeting_is_kept_undated(nlp) -> None:
    text = "Kenyan Trade Minister Lee Kinyanjui met Norway's envoy Ola Berg in Oslo."
    names = {"Lee Kinyanjui": "person:lee-kinyanjui", "Ola Berg": "person:ola-berg"}
    doc = annotate(nlp, text, names, (), REF)
    (event,) = doc._.events
    assert event.type == "meeting"
    assert event.date is None
    assert event.status == "occurred"
    assert {"person:lee-kinyanjui", "person:ola-berg"} <= set(event.participants)


def test_undated_rounds_of_talks_between_countries(nlp) -> None:
    text = "The decision followed three fruitless rounds of talks between Peru and Chile."
    doc = annotate(nlp, text, {"Peru": "country:PER", "Chile": "country:CHL"}, (), REF)
    (event,) = doc._.events
    assert event.date is None
    assert set(event.participants) == {"country:PER", "country:CHL"}


def test_announced_with_vague_time_is_an_undated_announcement(nlp) -> None:
    text = "Last week Vietnam announced a 20% duty on Thai rice."
    names = {"Vietnam": "country:VNM", "Thai": "country:THA"}
    doc = annotate(nlp, text, names, [("Last week", None, "vague")], REF)
    (event,) = doc._.events
    assert event.type == "announcement"
    assert event.date is None
    assert "country:VNM" in event.participants


def test_present_or_planned_talks_without_a_date_are_not_past_events(nlp) -> None:
    text = "Ghana negotiates with Togo over port fees."
    doc = annotate(nlp, text, {"Ghana": "country:GHA", "Togo": "country:TGO"}, (), REF)
    assert doc._.events == []


def test_negated_meeting_is_no_event(nlp) -> None:
    text = "Finnish Prime Minister Aino Salo did not meet Estonian officials."
    names = {"Aino Salo": "person:aino-salo", "Estonian": "country:EST"}
    doc = annotate(nlp, text, names, (), REF)
    assert doc._.events == []


def test_relative_clause_describing_a_person_is_no_event(nlp) -> None:
    text = "The deal was praised by Omar Haddad, who led the negotiations for Jordan."
    names = {"Omar Haddad": "person:omar-haddad", "Jordan": "country:JOR"}
    doc = annotate(nlp, text, names, (), REF)
    assert doc._.events == []


def test_year_old_announcement_is_background(nlp) -> None:
    text = "Chile announced a copper levy last year."
    doc = annotate(nlp, text, {"Chile": "country:CHL"}, [("last year", None, "year")], REF)
    assert doc._.events == []


def test_undated_weak_verb_stays_background(nlp) -> None:
    text = "Peru imposed a 10% duty on Bolivian sugar."
    doc = annotate(nlp, text, {"Peru": "country:PER", "Bolivian": "country:BOL"}, (), REF)
    assert doc._.events == []


def test_undated_press_conference_is_no_event(nlp) -> None:
    text = "Egyptian minister Samir Nour said at a press conference that exports would rise."
    doc = annotate(nlp, text, {"Samir Nour": "person:samir-nour"}, (), REF)
    assert doc._.events == []


def test_framing_meeting_is_no_undated_event(nlp) -> None:
    text = "After a long meeting with Laos, Cambodia raised its duties on Monday."
    names = {"Laos": "country:LAO", "Cambodia": "country:KHM"}
    doc = annotate(nlp, text, names, [("on Monday", dt.date(2025, 6, 2), "day")], REF)
    assert all(e.date is not None for e in doc._.events)


def test_self_imposed_deadline_is_no_announcement(nlp) -> None:
    text = "The pact came ahead of Seoul's self-imposed July 9 deadline."
    names = {"Seoul": "country:KOR"}
    doc = annotate(nlp, text, names, [("July 9", dt.date(2025, 7, 9), "day")], REF)
    assert doc._.events == []


def test_countries_of_the_parties_are_participants_not_the_place(nlp) -> None:
    text = "On Saturday, postal operators in Spain, Portugal and Greece said they would stop."
    names = {"Spain": "country:ESP", "Portugal": "country:PRT", "Greece": "country:GRC"}
    dates = [("On Saturday", dt.date(2025, 5, 31), "day")]
    doc = annotate(nlp, text, names, dates, REF)
    (event,) = doc._.events
    assert {"country:ESP", "country:PRT", "country:GRC"} <= set(event.participants)
    assert event.location is None


def test_year_only_time_does_not_make_a_background_mention_an_event(nlp) -> None:
    text = "Ecuador and Colombia have clashed over trade negotiations in 2024."
    names = {"Ecuador": "country:ECU", "Colombia": "country:COL"}
    doc = annotate(nlp, text, names, [("in 2024", None, "year")], REF)
    assert doc._.events == []


def test_presenting_a_joint_statement_is_an_announcement(nlp) -> None:
    text = "Last week, Kenya presented a joint statement with Uganda on the dairy dispute."
    names = {"Kenya": "country:KEN", "Uganda": "country:UGA"}
    doc = annotate(nlp, text, names, [("Last week", None, "vague")], REF)
    (event,) = doc._.events
    assert event.type == "announcement"
    assert "country:KEN" in event.participants


def test_statement_quoted_as_source_does_not_take_the_clause_people(nlp) -> None:
    text = (
        "Anna Berg met Luis Mora on Tuesday and discussed duties, according to a statement "
        "from the ministry on Tuesday evening."
    )
    names = {"Anna Berg": "person:anna-berg", "Luis Mora": "person:luis-mora"}
    dates = [("on Tuesday", dt.date(2025, 6, 3), "day")]
    doc = annotate(nlp, text, names, dates, REF)
    (event,) = doc._.events
    assert event.type == "meeting"
    assert event.date == dt.date(2025, 6, 3)


def test_hypothetical_measure_is_no_event(nlp) -> None:
    text = "Analysts said Chile could impose a copper duty on Monday."
    doc = annotate(
        nlp, text, {"Chile": "country:CHL"}, [("on Monday", dt.date(2025, 6, 9), "day")], REF
    )
    assert doc._.events == []


def test_since_clause_is_a_reference_point_not_an_event(nlp) -> None:
    text = "It is Peru's biggest policy shift since Bolivia announced a levy on Peruvian fruit."
    names = {"Peru": "country:PER", "Bolivia": "country:BOL", "Peruvian": "country:PER"}
    doc = annotate(nlp, text, names, (), REF)
    assert doc._.events == []


def test_running_tally_of_talks_is_no_event(nlp) -> None:
    text = "Ghana's negotiator has held four rounds of talks so far."
    doc = annotate(nlp, text, {"Ghana": "country:GHA"}, (), REF)
    assert doc._.events == []


def test_dates_opened_by_a_start_marker_are_not_the_measure_announcement(nlp) -> None:
    text = (
        "The study backed Lea Roth imposing on refined copper a 15% tariff effective "
        "January 1, 2027, and 30% on January 1, 2028."
    )
    dates = [
        ("January 1, 2027", dt.date(2027, 1, 1), "day"),
        ("January 1, 2028", dt.date(2028, 1, 1), "day"),
    ]
    doc = annotate(nlp, text, {"Lea Roth": "person:lea-roth"}, dates, REF)
    assert all(e.date is None for e in doc._.events if e.type == "announcement")
