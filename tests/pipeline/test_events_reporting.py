"""tf_events on the wordings of real news reporting: orders and proclamations, measures taking
effect, rulings and hearings, deals struck, posts, and dates that are not the event's (a named
day in passing, a dateline, a start date of a measure). Sentences are our own."""

from __future__ import annotations

import datetime as dt

from test_events import annotate, only

REF = dt.date(2025, 6, 6)  # a Friday
TUESDAY = ("Tuesday", dt.date(2025, 6, 3), "day")
ON_FRIDAY = ("on Friday", dt.date(2025, 6, 6), "day")


def test_signed_executive_order_is_a_dated_announcement(nlp) -> None:
    text = "Chilean President Gabriel Boric signed an executive order Tuesday to raise duties."
    doc = annotate(nlp, text, {"Gabriel Boric": "person:gabriel-boric"}, [TUESDAY], REF)
    (event,) = doc._.events
    assert event.type == "announcement"
    assert event.date == dt.date(2025, 6, 3)
    assert "person:gabriel-boric" in event.participants


def test_issued_proclamation_is_a_dated_announcement(nlp) -> None:
    text = "On June 2, Prime Minister Anna Lind issued a proclamation imposing levies on salmon."
    doc = annotate(
        nlp, text, {"Anna Lind": "person:anna-lind"}, [("June 2", dt.date(2025, 6, 2), "day")], REF
    )
    (event,) = doc._.events
    assert event.type == "announcement"
    assert event.date == dt.date(2025, 6, 2)
    assert event.participants == ("person:anna-lind",)


def test_measure_taking_effect_names_imposer_and_target(nlp) -> None:
    text = "Mexican duties on Peruvian avocados came into effect on Friday."
    names = {"Mexican": "country:MEX", "Peruvian": "country:PER"}
    doc = annotate(nlp, text, names, [ON_FRIDAY], REF)
    (event,) = doc._.events
    assert event.type == "other"
    assert event.status == "occurred"
    assert event.date == REF
    assert {"country:MEX", "country:PER"} <= set(event.participants)


def test_start_date_of_a_measure_is_not_the_announcement_date(nlp) -> None:
    text = "Ottawa's minister Mary Ng announced a 15 percent levy beginning July 9 on steel."
    dates = [("July 9", dt.date(2025, 7, 9), "day")]
    doc = annotate(nlp, text, {"Mary Ng": "person:mary-ng"}, dates, REF)
    assert all(e.date != dt.date(2025, 7, 9) for e in only(doc, "announcement"))


def test_deal_clinched_is_a_dated_negotiation_of_both_sides(nlp) -> None:
    text = "Chile and Peru clinched a trade deal on Friday."
    doc = annotate(nlp, text, {"Chile": "country:CHL", "Peru": "country:PER"}, [ON_FRIDAY], REF)
    (event,) = doc._.events
    assert event.type in ("negotiation", "meeting")
    assert event.date == REF
    assert set(event.participants) == {"country:CHL", "country:PER"}


def test_court_ruling_takes_the_parties_of_what_it_ruled(nlp) -> None:
    text = "A federal court on Tuesday night ruled that Canada's lumber duties were illegal."
    dates = [("on Tuesday night", dt.date(2025, 6, 3), "day")]
    doc = annotate(nlp, text, {"Canada": "country:CAN"}, dates, REF)
    (event,) = doc._.events
    assert event.type == "lawsuit"
    assert event.date == dt.date(2025, 6, 3)
    assert "country:CAN" in event.participants


def test_court_hearing_arguments_is_a_lawsuit_event(nlp) -> None:
    text = "The High Court on Tuesday heard arguments in Kenya's challenge to the new levies."
    dates = [("on Tuesday", dt.date(2025, 6, 3), "day")]
    doc = annotate(nlp, text, {"Kenya": "country:KEN"}, dates, REF)
    (event,) = doc._.events
    assert event.type == "lawsuit"
    assert event.date == dt.date(2025, 6, 3)
    assert "country:KEN" in event.participants


def test_named_day_in_passing_is_no_event(nlp) -> None:
    text = "Importers in Kenya want relief from Donald Trump's Liberation Day tariffs."
    names = {"Donald Trump": "person:donald-trump", "Kenya": "country:KEN"}
    dates = [("Liberation Day", dt.date(2025, 4, 2), "day")]
    doc = annotate(nlp, text, names, dates, REF)
    assert doc._.events == []


def test_named_day_announcement_is_an_event(nlp) -> None:
    text = "Donald Trump's Liberation Day announcement rattled markets in Jakarta."
    doc = annotate(nlp, text, {"Donald Trump": "person:donald-trump"}, [], REF)
    (event,) = doc._.events
    assert event.type == "announcement"
    assert event.date == dt.date(2025, 4, 2)


def test_dateline_date_does_not_date_the_story_events(nlp) -> None:
    text = "NAIROBI, June 5 - Kenyan Trade Minister Lee Kinyanjui said the talks were useful."
    names = {"Lee Kinyanjui": "person:lee-kinyanjui", "Kenyan": "country:KEN"}
    dates = [("June 5", dt.date(2025, 6, 5), "day")]
    doc = annotate(nlp, text, names, dates, REF)
    assert all(e.date is None for e in doc._.events)


def test_page_header_date_does_not_date_the_story_events(nlp) -> None:
    text = "date 2025-06-05 Ghana has announced a 20% duty on imported rice."
    dates = [("2025-06-05", dt.date(2025, 6, 5), "day")]
    doc = annotate(nlp, text, {"Ghana": "country:GHA"}, dates, REF)
    assert all(e.date is None for e in doc._.events)


def test_negated_signing_is_no_event(nlp) -> None:
    text = "Norway would not sign the accord on Friday."
    doc = annotate(nlp, text, {"Norway": "country:NOR"}, [ON_FRIDAY], REF)
    assert doc._.events == []


def test_dated_social_media_post_is_an_announcement(nlp) -> None:
    text = "In a post on his Facebook page on Friday, Mr Santos praised the agreement."
    doc = annotate(nlp, text, {"Mr Santos": "person:juan-santos"}, [ON_FRIDAY], REF)
    (event,) = doc._.events
    assert event.type == "announcement"
    assert event.date == REF
    assert event.participants == ("person:juan-santos",)


def test_dated_measure_is_an_event_undated_one_is_background(nlp) -> None:
    dated = "Brazil on Friday suspended beef exports to Egypt."
    doc = annotate(nlp, dated, {"Brazil": "country:BRA"}, [ON_FRIDAY], REF)
    (event,) = doc._.events
    assert event.date == REF
    assert "country:BRA" in event.participants
    undated = "Brazil suspended beef exports to Egypt."
    assert annotate(nlp, undated, {"Brazil": "country:BRA"}, [], REF)._.events == []


def test_measure_does_not_borrow_the_governing_clause_date(nlp) -> None:
    text = "Ana Costa will meet Li Wei on Friday to discuss the tariffs Peru imposed."
    names = {"Ana Costa": "person:ana-costa", "Li Wei": "person:li-wei", "Peru": "country:PER"}
    doc = annotate(nlp, text, names, [ON_FRIDAY], dt.date(2025, 6, 4))
    assert [e.type for e in doc._.events] == ["meeting"]
