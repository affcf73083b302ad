"""Quotes whose source is a writing ("the letter said"): the words are its author's (issue 18).
Sentences written for the tests, in several outlets' styles."""

from __future__ import annotations

import tradefacts


def speakers(text: str) -> list[tuple[str | None, str]]:
    facts = tradefacts.extract_text(text, doc_id="writing", published="2025-07-14")
    return [(s.speaker_name, s.text) for s in facts.statements if s.kind == "direct"]


def test_the_letter_said_is_its_posters_words(nlp):
    text = (
        "The news came by way of a letter to Prime Minister Anthony Albanese posted by Donald "
        "Trump to social media on Monday. \u201cStarting next month, we will charge Australia a "
        "tariff of 20% on its beef,\u201d the letter said. \u201cGoods routed through other "
        "countries will pay more,\u201d the letter continued."
    )
    found = speakers(text)
    assert [name for name, _ in found] == ["Donald Trump", "Donald Trump"]


def test_a_possessed_post_is_its_owners_words(nlp):
    text = (
        'Keir Starmer spoke to reporters in London. "We will keep talking to Washington about '
        "steel quotas for British mills,\" Starmer's post said."
    )
    assert [name for name, _ in speakers(text)] == ["Keir Starmer"]


def test_a_writing_without_a_named_author_gives_no_person(nlp):
    text = (
        'A letter reached the ministry on Friday. "The new duties will apply to every '
        'shipment of rice," the letter said.'
    )
    assert all(name is None or name != "Donald Trump" for name, _ in speakers(text))


def test_an_institutions_statement_read_is_the_institutions_words(nlp):
    text = (
        "Brazil's trade ministry said in a statement on Friday that it would answer in kind.\n\n"
        '"Raising duties on our coffee punishes American drinkers first," the statement read.'
    )
    assert [name for name, _ in speakers(text)] == ["Brazil's trade ministry"]


def test_a_statement_issued_by_a_government_is_its_words(nlp):
    text = (
        "The Norwegian government issued a statement after the call. "
        '"Both sides will keep talking about salmon quotas," the statement said.'
    )
    assert [name for name, _ in speakers(text)] == ["Norwegian government"]


def test_a_head_of_government_title_marks_a_name_the_model_misses(nlp):
    text = (
        "Irish Taoiseach Padraig Ruairc welcomed the clarity the deal brought.\n"
        '"It will help protect many jobs in Cork and Galway," he said.'
    )
    # the model tags no person in the first sentence: the title alone marks the name
    assert [name for name, _ in speakers(text)] == ["Padraig Ruairc"]


# --- "it added" after a body's reported speech; a framing "In a statement," ----------------


def test_it_added_after_a_bodys_reported_speech_is_the_bodys(nlp):
    text = (
        "The Kenyan Trade Ministry said on Friday that the levy on its tea was unfair. "
        "\u201cWe will respond in kind to every measure taken against our farmers,\u201d it added."
    )
    assert [name for name, _ in speakers(text)] == ["Kenyan Trade Ministry"]


def test_it_added_after_a_persons_office_is_the_persons_words(nlp):
    text = (
        "Prime Minister Luxon's office said New Zealand had the best deal on offer. "
        "\u201cWe will keep talking to our partners in Washington every week,\u201d it added."
    )
    assert [name for name, _ in speakers(text)] == ["Luxon"]


def test_in_a_statement_before_stated_still_reports_speech(nlp):
    text = (
        "In a statement, President Gustavo Petro stated that Colombia would "
        "\u201cnever accept tariffs imposed by blackmail\u201d from Washington."
    )
    assert [name for name, _ in speakers(text)] == ["Gustavo Petro"]


def test_stated_in_a_document_is_no_speech(nlp):
    text = (
        "The quotas, as stated in the agreement \u201cfor all goods of the parties "
        "concerned\u201d, apply from June."
    )
    assert speakers(text) == []


def test_it_added_after_the_statement_said_is_the_statements_author(nlp):
    text = (
        "Peru's trade ministry issued a statement on Friday. The statement said the duties "
        "broke the trade pact. \u201cWe will defend our exporters in every forum available,\u201d "
        "it added."
    )
    assert [name for name, _ in speakers(text)] == ["Peru's trade ministry"]
