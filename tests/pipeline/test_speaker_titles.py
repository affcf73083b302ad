"""Speakers named by a title ("the president said", "the Thai leader stated"), through the full
pipeline (entities resolve the title, statements attribute the quote). Every text here is
written for the test: other countries, people and wordings than any article the library saw.
"""

from __future__ import annotations

from tradefacts.pipeline.entities import person_slug, resolve_person


def _direct(doc) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    """Quote text -> speaker id of the doc's direct statements."""
    return {s.text: s.speaker for s in doc._.statements if s.kind == "direct"}


def _speaker_of(doc, fragment: str) -> str | None:  # type: ignore[no-untyped-def]
    hits = [speaker for text, speaker in _direct(doc).items() if fragment in text]
    assert len(hits) == 1, _direct(doc)
    return hits[0]


def test_bare_president_is_the_recent_president_not_another_body_president(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "President Gustavo Petro criticised the steel duties on Monday.\n\n"
        "Kristalina Georgieva met finance ministers in Bogota on Tuesday.\n\n"
        "Petro's decree on Friday will raise levies on imported cars \"so that our factories "
        'can finally compete on equal terms," the president told reporters.'
    )
    assert _speaker_of(doc, "our factories") == person_slug("Gustavo Petro")


def test_country_leader_is_that_countrys_head_of_government(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Vietnamese Prime Minister Pham Minh Chinh said on Monday that the duties were unfair.\n\n"
        "Trade Minister Nguyen Hong Dien will travel to Washington next week.\n\n"
        '"Finding a fair rate for our exporters is now the central problem in these talks," '
        "the Vietnamese leader stated."
    )
    assert _speaker_of(doc, "fair rate") == person_slug("Pham Minh Chinh")
    start = doc.text.index("the Vietnamese leader")
    assert resolve_person(doc, start, start + len("the Vietnamese leader")) == person_slug(
        "Pham Minh Chinh"
    )


def test_according_to_a_country_leader(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Chilean President Gabriel Boric said talks would go on. Earlier, Xi Jinping sent "
        "Boric a letter on copper. According to the Chinese leader, Chile has done too little "
        'to stop "the traders who keep turning the whole copper market into a playground for '
        'speculators."'
    )
    assert _speaker_of(doc, "copper market") == person_slug("Xi Jinping")


def test_leader_word_needs_a_country_and_a_leader_role(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Kenyan Trade Minister Lee Kinyanjui said the quota was too low. "
        '"We will not accept a quota this small for our flowers," the Kenyan leader said.'
    )
    kinyanjui = person_slug("Lee Kinyanjui")
    assert all(speaker != kinyanjui for text, speaker in _direct(doc).items() if "flowers" in text)


def test_title_introduced_before_the_name_with_commas(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Foreign Minister Kwame Mensah and Nigeria's industry, trade and investment minister, "
        "Bola Adeyemi, signed a memorandum in Abuja after a long meeting.\n\n"
        '"Our markets are so closely linked that a shock in one country is a shock in both," '
        "Mensah said at a joint press conference.\n\n"
        "Adeyemi, speaking after him, said Nigeria would cut the review period for licences. "
        '"Nigeria regards Ghana as a trusted partner, and our rules will reflect that," the '
        "minister said."
    )
    assert _speaker_of(doc, "shock in both") == person_slug("Kwame Mensah")
    assert _speaker_of(doc, "trusted partner") == person_slug("Bola Adeyemi")
    assert doc._.entities[person_slug("Bola Adeyemi")].role == "Trade and Investment Minister"


def test_minister_of_x_comma_name_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Mexico's Minister of Economy, Ana Torres, called the decision unfair.")
    person = doc._.entities[person_slug("Ana Torres")]
    assert person.role == "Minister of Economy"


def test_comma_after_an_introductory_title_is_no_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("After meeting the president, Lula Silva flew home to Brasilia.")
    assert doc._.entities[person_slug("Lula Silva")].role is None


def test_finance_minister_long_after_the_introduction(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Finance Minister Sri Mulyani Indrawati says the agreed rate reflects a close "
        "partnership.\n\n"
        "Officials have prepared support measures, including soft loans, subsidies and tax "
        "relief for exporters.\n\n"
        "\u201cThe outcome of this round shows that Indonesia must speed up its reforms and "
        "build a stronger economy,\u2019\u2019 the finance minister said."
    )
    assert _speaker_of(doc, "speed up") == person_slug("Sri Mulyani Indrawati")


def test_secretary_is_the_latest_person_with_that_title(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The round brought Helena Berg face to face with Pedro Alves Filho, Chile's deputy "
        "foreign minister, and Peru's trade secretary, Luis Ortega.\n\n"
        'Ortega said Lima expected its exports to rise under the deal. "For Peru this '
        'agreement is about jobs in the provinces, not only the capital," the secretary said.'
    )
    assert _speaker_of(doc, "provinces") == person_slug("Luis Ortega")


def test_quote_after_adding_colon_is_a_statement_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Prime Minister Mette Frederiksen, who will visit Ottawa later this year, said the outcome "
        'was "a sign of a steadier relationship", adding: "We will work together where we can '
        'and disagree where we must."'
    )
    speaker = person_slug("Mette Frederiksen")
    assert _direct(doc) == {
        "a sign of a steadier relationship": speaker,
        "We will work together where we can and disagree where we must.": speaker,
    }


def test_split_quote_around_its_attribution_stays_one_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Trade Minister Ana Brnabic spoke in Belgrade. "
        '"We are ready," the minister said, "and we will not wait for Brussels to decide."'
    )
    assert _direct(doc) == {
        "We are ready, and we will not wait for Brussels to decide.": person_slug("Ana Brnabic")
    }


def test_colon_after_a_non_reporting_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Nigerian President Bola Tinubu spoke on Wednesday. The agency reports Tinubu made two "
        'points about the deal: "We need machinery, and they want to sell. We also need '
        'fertiliser for our farmers."'
    )
    assert _speaker_of(doc, "machinery") == person_slug("Bola Tinubu")
