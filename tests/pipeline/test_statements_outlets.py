"""Outlets that quote, relay and add: who the words belong to. Sentences written for the tests,
in several outlets' styles."""

from __future__ import annotations

import pytest

import tradefacts


def speakers(text: str) -> list[str | None]:
    facts = tradefacts.extract_text(text, doc_id="outlets", published="2025-07-31")
    return [s.speaker_name for s in facts.statements if s.kind == "direct"]


@pytest.mark.parametrize(
    "text",
    [
        # an outlet's own reporting, quoted
        'Talks ended on Monday.\n\nThe Reuters news agency reported, "Seoul will pay a 15% '
        'tariff on most goods under the framework."',
        'Talks ended on Monday. CNN assessed, "The new 15% tariff on Korea is higher than the '
        'minimum rate applied since April."',
        'Talks ended on Monday. The Financial Times wrote, "This agreement is the latest one '
        'before the high tariffs take effect."',
    ],
)
def test_an_outlet_reporting_in_its_own_words_is_the_speaker(nlp, text: str) -> None:
    found = speakers(text)
    assert len(found) == 1 and found[0] in {"Reuters", "CNN", "Financial Times"}


def test_an_outlets_common_noun_names_the_outlet_itself(nlp) -> None:
    text = (
        "Reuters first broke the story on Monday.\n\nThe Reuters news agency reported, "
        '"Seoul will pay a 15% tariff on most goods under the framework."'
    )
    assert speakers(text) == ["Reuters"]


@pytest.mark.parametrize(
    "text",
    [
        'Talks ended on Monday.\n\nThe Reuters news agency reported, "Korea will pay a 15% '
        'tariff on most goods," adding, "It is still unclear how the investment will be '
        'structured."',
        'Minister Julia Park told reporters, "Seoul will pay a 15% tariff on cars," adding, '
        '"Talks on chips go on next week."',
    ],
)
def test_adding_after_a_quote_keeps_the_speaker_not_a_name_inside_the_quote(nlp, text: str) -> None:
    found = speakers(text)
    assert len(found) == 2 and found[0] == found[1] and found[0] in {"Reuters", "Julia Park"}


def test_an_outlet_relaying_a_persons_words_gives_them_to_the_person(nlp) -> None:
    text = (
        "Ghana and Canada signed an accord on Friday. The Herald reports Finance Minister Ama "
        'Owusu-Bekoe gave broad hints about its terms: "Our cocoa goes north duty free, and '
        'their machinery comes south at half the old rate."'
    )
    assert speakers(text) == ["Ama Owusu-Bekoe"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Trump has linked the duties to border security, Minister Paul Girard said, "
            'but crossings are minimal.\n"We have a very good story to tell," he said.',
            "Paul Girard",
        ),
        (
            "President Lula blamed the levies on politics, Finance Minister Rui Costa told "
            "reporters on Tuesday. \u201cThe numbers say otherwise,\u201d he said.",
            "Rui Costa",
        ),
    ],
)
def test_he_said_points_to_who_reported_the_previous_sentence(nlp, text: str, speaker: str) -> None:
    assert speakers(text)[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The office of the president called the move worrying.\n\u201cPunitive levies "
            "are a barrier to shared prosperity,\u201d the Presidency said.",
            "Presidency",
        ),
        (
            'Talks resumed in Bern. "Both sides want a result by June," the Federal Council '
            "said on Friday.",
            "Federal Council",
        ),
    ],
)
def test_a_capitalised_institution_speaks_as_itself(nlp, text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        'Peru\'s trade ministry filed a complaint. "The duties break WTO rules," the trade '
        'ministry said. "It is plain bullying," it further added.',
        '"We will answer in kind," the Danish government said on Friday. "Talks go on," it added.',
    ],
)
def test_it_added_points_back_to_the_institution_that_spoke(nlp, text: str) -> None:
    found = speakers(text)
    assert len(found) == 2 and found[0] == found[1] and found[0] is not None


def test_it_added_after_a_person_is_no_speaker(nlp) -> None:
    text = 'Trump spoke on Friday. "It is great," he said. "It works," it added.'
    assert speakers(text) == ["Donald Trump"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # passive: the one quoted is the subject, not the outlet that quotes
        (
            'The Brazilian trade ministry was quoted by Reuters as saying: "We will answer '
            'every new tariff with a measure of our own."',
            "Brazilian trade ministry",
        ),
        # active: the outlet quotes its object
        (
            'Bloomberg quotes Amina Okafor as calling the levy "a blow to every cocoa farmer '
            'in the region".',
            "Amina Okafor",
        ),
    ],
)
def test_who_is_quoted_as_saying_is_the_speaker(nlp, text: str, speaker: str) -> None:
    found = speakers(text)
    assert len(found) == 1 and found[0] is not None
    assert found[0].lower() == speaker.lower()


def test_a_named_speaker_keeps_the_words_whatever_their_title_means(nlp) -> None:
    # "president" alone would mean the president named before; the name says who speaks
    text = (
        "President Donald Trump spoke on Friday. \u201cThe exemption is the one thing keeping "
        "trade flowing across the border,\u201d said Lena Ortiz, president and CEO of Valley "
        "Growers Group."
    )
    assert speakers(text) == ["Lena Ortiz"]


def test_the_spokesperson_speaks_for_the_body_named_before(nlp) -> None:
    text = (
        "Peru's Ministry of Foreign Trade said on Monday it would study the measure. "
        'The spokesperson said, "These duties break the rules of our free trade agreement," '
        "adding that talks would continue."
    )
    assert speakers(text) == ["Ministry of Foreign Trade"]


def test_a_spokesperson_of_no_named_body_is_no_speaker(nlp) -> None:
    text = (
        "Peru's Ministry of Foreign Trade said on Monday it would study the measure. "
        'A spokesperson said, "These duties break the rules of our free trade agreement."'
    )
    assert speakers(text) == []


def test_the_government_speaks_as_the_national_government_named_before(nlp) -> None:
    text = (
        "According to the Kenyan government, the talks went well. "
        '"This is in the interests of both our countries," the government said.'
    )
    assert speakers(text) == ["Kenyan government"]


def test_the_government_speaks_as_the_national_government_named_later(nlp) -> None:
    text = (
        'Ministers flew to Washington "to hold talks with a view to improving the tariff '
        'situation," the government said in a statement. Talks began on Monday. '
        "The Peruvian government noted that other economies face lower duties."
    )
    assert speakers(text) == ["Peruvian government"]


def test_continued_before_a_quote_reports_it(nlp) -> None:
    text = (
        "Trade Minister Ana Soto spoke in Lima on Monday. Soto continued, "
        '"Before implementing this measure, Peru notified the Chilean side in advance."'
    )
    assert speakers(text) == ["Ana Soto"]


def test_continued_with_its_own_phrase_is_no_reporting_verb(nlp) -> None:
    text = (
        'Trade Minister Ana Soto said talks "will go on for as long as it takes." Talks '
        'continued with "a positive spirit on both sides of the table" into the night.'
    )
    assert speakers(text) == ["Ana Soto"]


def test_a_verb_that_reports_its_own_clause_does_not_claim_the_quote_before_it(nlp) -> None:
    text = (
        'Economy Minister Luis Ortega said the deal helped. "Nothing was conceded on our '
        'part," said Ortega. "It is a great achievement for our farmers." Both Sheinbaum and '
        "Ortega stressed that the pause keeps Peru's access to the market."
    )
    assert speakers(text) == ["Luis Ortega", "Luis Ortega"]
