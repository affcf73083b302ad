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
