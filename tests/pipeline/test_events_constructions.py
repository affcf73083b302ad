"""tf_events on constructions of real reporting (issue 18), each on sentences of our own in
several outlets' styles: who takes part (pronoun and institution subjects), which verbs name a
dated act, and which date times the clause (scene-setting participles, framing nouns, a
measure's start day without a year)."""

from __future__ import annotations

import datetime as dt

import tradefacts

REF = "2025-07-30"  # a Wednesday


def events(text: str, published: str = REF) -> set[tuple[dt.date | None, frozenset[str]]]:
    facts = tradefacts.extract_text(text, doc_id="constructions", published=published)
    return {(e.date, frozenset(e.participants)) for e in facts.events}


def dated_parties(text: str, day: dt.date, published: str = REF) -> set[str]:
    """Participants of the events of ``text`` dated ``day``."""
    return {p for date, parts in events(text, published) if date == day for p in parts}


# --- a pronoun subject of an "as"/"when" clause is the governing clause's subject -----------


def test_as_clause_pronoun_subject_is_the_governing_capital(nlp):
    text = "Beijing vowed to fight to the end on Tuesday as it announced duties on US soybeans."
    assert "country:CHN" in dated_parties(text, dt.date(2025, 7, 29))


def test_as_clause_pronoun_subject_wire_style(nlp):
    text = (
        "OTTAWA, July 30 (Wire) - Ottawa hit back on Monday as it unveiled counter-tariffs "
        "on American steel, officials said."
    )
    assert "country:CAN" in dated_parties(text, dt.date(2025, 7, 28))


# --- a country's institution takes part ("Mexico's Senate approved") ------------------------


def test_possessive_country_of_a_legislature_takes_part(nlp):
    text = "Mexico's Senate on Tuesday approved duties of up to 50% on imports from Asia."
    assert "country:MEX" in dated_parties(text, dt.date(2025, 7, 29))


def test_possessive_country_of_a_ministry_responding(nlp):
    text = (
        "Japan's trade ministry responded on Monday, saying it would study the new levies "
        "before deciding on any countermeasures."
    )
    assert "country:JPN" in dated_parties(text, dt.date(2025, 7, 28))


# --- raising or cutting a tariff is a dated act; raising prices is not ----------------------


def test_raising_tariffs_on_a_day_is_an_event(nlp):
    text = "Beijing on Tuesday raised its tariffs on US goods to 125 per cent."
    assert "country:CHN" in dated_parties(text, dt.date(2025, 7, 29))


def test_cutting_duties_on_a_day_is_an_event(nlp):
    text = "India cut its duties on Australian wine on Monday, the commerce ministry said."
    assert "country:IND" in dated_parties(text, dt.date(2025, 7, 28))


def test_raising_prices_is_no_event(nlp):
    text = "Japanese carmakers raised prices on Monday to offset higher costs."
    assert not any(date == dt.date(2025, 7, 28) for date, _ in events(text))


# --- dated statement verbs ("warned on Thursday", "stressed on Tuesday") ---------------------


def test_warned_on_a_day_is_a_dated_statement(nlp):
    text = "EU trade chief Maros Sefcovic warned on Monday that talks could collapse."
    assert "person:maros-sefcovic" in dated_parties(text, dt.date(2025, 7, 28))


def test_undated_warning_is_no_event(nlp):
    text = "Economists warned that the levies could push up consumer prices."
    assert not events(text)


# --- a scene-setting participle times its clause --------------------------------------------


def test_speaking_at_a_forum_on_a_day_times_the_statement(nlp):
    text = (
        "Speaking at a business forum in Jakarta on Monday, Trade Minister Budi Santoso said "
        "the tariff would hurt exporters."
    )
    assert "person:budi-santoso" in dated_parties(text, dt.date(2025, 7, 28))


def test_addressing_lawmakers_on_a_day_times_the_statement(nlp):
    text = (
        "Addressing lawmakers in Ottawa on Tuesday, Finance Minister Dominic LeBlanc said "
        "Canada would not back down."
    )
    assert "person:dominic-leblanc" in dated_parties(text, dt.date(2025, 7, 29))


# --- a participle on a framing noun dates that noun, not the clause -------------------------


def test_investigation_launched_last_year_does_not_date_the_announcement(nlp):
    text = (
        "China has announced a 75.8% duty on Canadian canola, following an anti-dumping "
        "probe launched last year."
    )
    found = events(text, "2025-08-14")
    assert any(date is None and "country:CHN" in parts for date, parts in found)


# --- a measure's start day without a year is the nearest such day ---------------------------


def test_start_day_without_year_is_not_last_year(nlp):
    text = (
        "President Donald Trump signed an executive order imposing a 50% tariff on Brazilian "
        "goods effective 6 August."
    )
    assert not any(date is not None and date.year == 2024 for date, _ in events(text))


def test_start_day_without_year_newswire_abbreviation(nlp):
    text = "Trump also announced a 25 percent tariff beginning Oct. 1 on heavy trucks."
    found = events(text, "2025-09-26")
    assert not any(date is not None and date.year == 2024 for date, _ in found)


def test_start_day_with_its_year_stays_as_written(nlp):
    text = "Ottawa imposed a 25% surtax on US steel effective March 13, 2025."
    found = events(text, "2025-09-26")
    assert any(date == dt.date(2025, 3, 13) for date, _ in found)


# --- a country's company or body acts for it ("the UK's Royal Mail will halt") --------------


def test_possessive_country_of_an_organisation_takes_part(nlp):
    text = "The UK's Royal Mail will halt parcel shipments to the United States on Friday."
    assert "country:GBR" in dated_parties(text, dt.date(2025, 8, 1))


def test_possessive_country_of_a_carmaker_takes_part(nlp):
    text = "South Korea's Hyundai Motor said on Thursday that the levies cut its profit by half."
    assert "country:KOR" in dated_parties(text, dt.date(2025, 7, 24))


# --- "the bloc" is the union of countries the article names, not the dateline's country -----


def test_the_bloc_is_the_named_union(nlp):
    text = (
        "WASHINGTON - The European Union published its list of targeted US goods on Wednesday. "
        "The 27-nation bloc announced late Tuesday that it would act from April 1."
    )
    parties = dated_parties(text, dt.date(2025, 7, 29))
    assert "country:EUU" in parties
    assert "country:USA" not in parties


def test_the_bloc_without_a_named_union_is_nobody(nlp):
    text = "WASHINGTON - The bloc announced on Tuesday that it would retaliate."
    assert "country:USA" not in dated_parties(text, dt.date(2025, 7, 29))


# --- "during a speech": the framed clause's subject gave it ---------------------------------


def test_during_a_speech_the_subject_spoke(nlp):
    text = "Trump has singled out Australian beef during a speech on his new tariffs."
    found = events(text, "2025-04-03")
    assert any(date is None and "person:donald-trump" in parts for date, parts in found)


def test_during_a_news_conference_the_subject_spoke_on_that_day(nlp):
    text = "Prime Minister Mark Carney announced the cuts during a news conference on Friday."
    assert "person:mark-carney" in dated_parties(text, dt.date(2025, 8, 22), "2025-08-23")


def test_during_planned_talks_is_no_happening(nlp):
    text = "Japanese officials had planned to focus on trade matters during these talks."
    assert not any(date is None for date, _ in events(text, "2025-04-16"))


# --- "after/following <trigger noun>": a happening the article reports, undated -------------


def test_after_talks_with_a_leader_is_an_undated_meeting(nlp):
    text = "After talks with Japanese Prime Minister Shigeru Ishiba, Trump said the deal was done."
    found = events(text, "2025-07-09")
    assert any(date is None and "person:shigeru-ishiba" in parts for date, parts in found)


def test_following_a_summit_between_two_countries_is_an_undated_meeting(nlp):
    text = "Following a summit between Brazil and Argentina, both governments lowered duties."
    found = events(text, "2025-07-09")
    assert any(date is None and "country:BRA" in parts for date, parts in found)


def test_ahead_of_talks_is_no_happening(nlp):
    text = "Ahead of talks with Brazil's Lula, the US has kept its tariffs in place."
    assert not any(date is None for date, _ in events(text, "2025-07-09"))


# --- a market move's "after" clause happened that day; a country's reaction may be later ----


def test_stocks_surged_after_an_announcement_that_day(nlp):
    text = "U.S. stocks surged on Tuesday after President Donald Trump announced a tariff pause."
    assert "person:donald-trump" in dated_parties(text, dt.date(2025, 7, 29))


def test_the_peso_fell_after_a_threat_that_day(nlp):
    text = "The Mexican peso fell sharply on Monday after Trump announced new duties on steel."
    assert "person:donald-trump" in dated_parties(text, dt.date(2025, 7, 28))


def test_a_country_reeling_after_a_levy_is_not_that_day(nlp):
    text = "Chile was reeling on Tuesday after Donald Trump announced a 50 percent copper duty."
    assert "person:donald-trump" not in dated_parties(text, dt.date(2025, 7, 29))


# --- an act noun subject of a future clause keeps its own (past) day ------------------------


def test_decision_on_monday_will_simplify_is_last_monday(nlp):
    text = "Trump's decision on Monday to impose metals duties will simplify the tariff code."
    assert "person:donald-trump" in dated_parties(text, dt.date(2025, 7, 28))


def test_announcement_on_tuesday_will_hit_exporters_is_last_tuesday(nlp):
    text = "Canada's announcement on Tuesday of new steel quotas will hurt exporters."
    assert "country:CAN" in dated_parties(text, dt.date(2025, 7, 29))


def test_meeting_on_friday_will_decide_stays_planned(nlp):
    text = "Friday's meeting between Carney and Trump will decide the fate of the levies."
    found = tradefacts.extract_text(text, doc_id="planned", published=REF).events
    assert all(e.status == "planned" for e in found if e.date is not None)


# --- a subject stranded by a conjunction read as a preposition ------------------------------


def test_subject_stranded_after_a_conjunction_read_as_preposition(nlp):
    text = "This comes after the US, on July 30, withdrew the duty-free exemption for parcels."
    assert "country:USA" in dated_parties(text, dt.date(2025, 7, 30), "2025-08-24")


def test_subject_stranded_before_an_aside(nlp):
    text = "The move came after Canada, on Monday, lifted its surtax on American whiskey."
    assert "country:CAN" in dated_parties(text, dt.date(2025, 7, 28))


def test_earlier_in_the_day_dates_an_event_through_the_timex_tagger(nlp) -> None:
    facts = tradefacts.extract_text(
        "Trump announced the accord on Tuesday. Earlier in the day, he met Kenyan President "
        "William Ruto at the White House.",
        doc_id="day",
        published="2025-07-16",
    )
    meetings = [e for e in facts.events if e.type == "meeting"]
    assert [(m.date, m.date_text) for m in meetings] == [
        (dt.date(2025, 7, 15), "Earlier in the day")
    ]


# --- a purpose phrase is the aim of the act it hangs on, not an act of its own ---------------


def test_purpose_gerund_and_bid_infinitive_join_the_trip(nlp):
    for text in (
        "Kenyan Trade Minister Amina Otieno was travelling to Accra on Tuesday on a trip aimed "
        "at striking a deal with Ghanaian President John Mahama.",
        "Kenyan Trade Minister Amina Otieno flew to Accra on Tuesday in a bid to strike a deal "
        "with Ghanaian President John Mahama.",
    ):
        facts = tradefacts.extract_text(text, doc_id="purpose", published=REF)
        assert [e.type for e in facts.events] == ["visit"], facts.events
        assert "person:amina-otieno" in facts.events[0].participants


# --- a date that labels a thing ("the July 9 cutoff") gives way to one that times the clause --


def test_a_deadline_date_in_a_with_phrase_does_not_date_the_reported_act(nlp):
    text = (
        'With the August 9 cutoff for his "reciprocal tariff" pause fast approaching, President '
        "William Ruto revealed on Monday that Kenya and Ghana have struck a new trade accord."
    )
    facts = tradefacts.extract_text(text, doc_id="cutoff", published=REF)
    dates = {e.date for e in facts.events}
    assert dt.date(2025, 7, 28) in dates
    assert not any(d is not None and d.month == 8 for d in dates), facts.events


# --- "a separate meeting" is another happening, not one more mention of the one told ---------


def test_a_separate_meeting_does_not_join_the_meeting_told_before(nlp):
    text = (
        "Kenyan Trade Minister Amina Otieno met Ghanaian Trade Minister Kwame Asante in Accra "
        "on Monday. Otieno extended her stay to seek a separate meeting with Ghanaian Finance "
        "Minister Ama Mensah."
    )
    facts = tradefacts.extract_text(text, doc_id="separate", published=REF)
    monday = [e for e in facts.events if e.date == dt.date(2025, 7, 28)]
    assert monday and all("person:ama-mensah" not in e.participants for e in monday)


# --- every capital of a joint subject stands for its country -----------------------------------


def test_joint_capitals_subject_names_both_countries(nlp):
    text = "Kenyan officials said on Monday that Nairobi and Accra have struck a new trade accord."
    facts = tradefacts.extract_text(text, doc_id="capitals", published=REF)
    assert any({"country:KEN", "country:GHA"} <= set(e.participants) for e in facts.events)
