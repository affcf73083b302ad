"""tf_statements: quote pairing, split and multi-paragraph quotes, and speaker attribution.

Speakers are resolved through the entities layer; these tests set the mentions by hand (names,
surnames, titles, countries) so they check this component's own logic on any entities version.
"""

from __future__ import annotations

import re
import time

import pytest
from spacy.tokens import Doc

from tradefacts.models import Statement
from tradefacts.pipeline.document import EntityInfo, Mention
from tradefacts.pipeline.statements import pair_quotes, statements

# --- quote pairing (no model needed) -----------------------------------------------------------


def quoted(text: str) -> list[list[str]]:
    """The inner text of every paired quote, piece by piece."""
    return [[text[a:b] for a, b in q.pieces] for q in pair_quotes(text)]


def test_pairs_straight_and_curly_quotes() -> None:
    assert quoted('He said "big progress" and “a fair deal”.') == [
        ["big progress"],
        ["a fair deal"],
    ]


def test_apostrophes_are_not_closing_quotes() -> None:
    text = "She called it ‘a deal that Japan’s carmakers don’t like, as in the ’90s’ on Friday."
    assert quoted(text) == [["a deal that Japan’s carmakers don’t like, as in the ’90s"]]


def test_straight_single_quotes_british_style() -> None:
    text = "The minister said the levies were 'unfair' and 'won't last', adding 'it's over'."
    assert quoted(text) == [["unfair"], ["won't last"], ["it's over"]]


def test_plural_possessive_does_not_close_a_single_quote_early() -> None:
    text = "He called the farmers’ offer ‘the growers’ last chance’ on Monday."
    assert quoted(text) == [["the growers’ last chance"]]


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    text = "\"We want 'FAIR'. I will attend,\" he posted. “Talks on ‘TRADE FAIRNESS,’” he said."
    assert quoted(text) == [
        ["We want 'FAIR'. I will attend,"],
        ["Talks on ‘TRADE FAIRNESS,’"],
    ]


def test_unbalanced_quote_does_not_shift_later_paragraphs() -> None:
    text = 'He said "this is wrong.\nAnalysts said "tariffs hurt" all.\n"We respond," she said.'
    assert quoted(text) == [["tariffs hurt"], ["We respond,"]]


def test_quote_running_over_paragraphs_is_one_quote() -> None:
    text = '"Our first goal is jobs.\n\n"The second is the border," he added.\nNext "x" here.'
    assert quoted(text) == [["Our first goal is jobs.", "The second is the border,"], ["x"]]


def test_open_quote_not_continued_is_dropped() -> None:
    assert quoted('"Unclosed words here.\nPlain paragraph with "closed" words.') == [["closed"]]


@pytest.mark.parametrize(
    "text",
    ['"' * 200_000, "“" * 100_000 + "”" * 100_000, "'" * 200_000, '"\n' * 100_000, "‘a’ " * 50_000],
)
def test_hostile_quote_marks_are_fast(text: str) -> None:
    started = time.perf_counter()
    pair_quotes(text)
    assert time.perf_counter() - started < 10.0  # generous: catastrophic backtracking takes minutes


# --- attribution on parsed articles ------------------------------------------------------------

PEOPLE = dict[str, tuple[str, str]]  # surface -> (entity id, canonical name)


def annotate(
    doc: Doc, people: PEOPLE, others: dict[str, tuple[str, str, str]] | None = None
) -> None:
    """Set ``doc._.mentions``/``entities`` by hand: every occurrence of each surface form."""
    entities: dict[str, EntityInfo] = {}
    mentions: list[Mention] = []
    table = {k: (eid, name, "person") for k, (eid, name) in people.items()}
    table.update(others or {})
    taken: list[tuple[int, int]] = []
    for surface in sorted(table, key=len, reverse=True):
        eid, name, etype = table[surface]
        entities.setdefault(eid, EntityInfo(id=eid, name=name, type=etype))
        for m in re.finditer(rf"\b{re.escape(surface)}\b", doc.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            kind = "name" if surface == name else "alias"
            mentions.append(Mention(m.start(), m.end(), eid, kind))
    doc._.entities = entities
    doc._.mentions = sorted(mentions, key=lambda m: m.start)


def run(nlp, text: str, people: PEOPLE, others=None, clutter=None) -> list[Statement]:  # type: ignore[no-untyped-def]
    """Statements of ``text`` with hand-set entity mentions (and clutter ranges)."""
    doc = nlp(text)
    annotate(doc, people, others)
    doc._.clutter = clutter or []
    return statements(doc)._.statements


def by_text(found: list[Statement], fragment: str) -> Statement:
    """The one statement whose text contains ``fragment``."""
    hits = [s for s in found if fragment in s.text]
    assert len(hits) == 1, [s.text for s in found]
    return hits[0]


def assert_grounded(text: str, found: list[Statement]) -> None:
    for s in found:
        assert s.evidence
        for ev in s.evidence:
            assert text[ev.start : ev.end] == ev.text
        assert s.text == " ".join(ev.text for ev in s.evidence)


UK_ARTICLE = """Britain and India close in on trade pact

The business secretary, Jonathan Reynolds, said on Tuesday that the latest round had been 'constructive'.
'We are closer than ever to a deal that works for British exporters,' Reynolds said. 'But we will not sign at any price.'
India's commerce minister Piyush Goyal told reporters in New Delhi: 'The ’90s are long gone and India’s farmers deserve a fair deal with Britain.'
Goyal described the British demands on whisky duties as 'unreasonable'.
Shadow trade secretary Kemi Badenoch struck a different tone. 'The government has given away far too much to get this deal over the line,' she warned.
The so-called 'reciprocal' tariffs announced in Washington were not discussed.
"""  # noqa: E501

UK_PEOPLE: PEOPLE = {
    "Jonathan Reynolds": ("person:jonathan-reynolds", "Jonathan Reynolds"),
    "Reynolds": ("person:jonathan-reynolds", "Jonathan Reynolds"),
    "Piyush Goyal": ("person:piyush-goyal", "Piyush Goyal"),
    "Goyal": ("person:piyush-goyal", "Piyush Goyal"),
    "Kemi Badenoch": ("person:kemi-badenoch", "Kemi Badenoch"),
}


def test_uk_article_single_quotes_split_quote_colon_and_pronoun(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, UK_ARTICLE, UK_PEOPLE)
    assert_grounded(UK_ARTICLE, found)
    split = by_text(found, "closer than ever")
    assert split.speaker == "person:jonathan-reynolds"
    assert split.speaker_name == "Jonathan Reynolds"
    # after a sentence-final attribution the next quote is its own statement, same speaker
    after = by_text(found, "But we will not sign at any price.")
    assert after is not split and after.speaker == "person:jonathan-reynolds"
    colon = by_text(found, "’90s are long gone")
    assert colon.speaker == "person:piyush-goyal"
    assert by_text(found, "unreasonable").speaker == "person:piyush-goyal"
    assert by_text(found, "given away far too much").speaker == "person:kemi-badenoch"
    assert by_text(found, "constructive").speaker == "person:jonathan-reynolds"
    assert not [s for s in found if "reciprocal" in s.text]  # a term, not a statement
    assert all(s.kind == "direct" for s in found)


MEXICO_ARTICLE = """Mexico vows calm response to US steel tariffs

Mexican President Claudia Sheinbaum said her government would not be rushed into retaliation.
"We are going to defend Mexican workers and we will do it with a cool head," Sheinbaum told a news conference in Mexico City. "Nobody should doubt that."
"Mexico is not a piñata," said Marcelo Ebrard, the economy minister, "and we will keep talking to Washington until we reach a fair agreement."

"Our first goal is to protect jobs in the auto industry on both sides of the border.

"The second is to keep the border open for trade and investment," he added.
Officials in Washington declined to comment.
"""  # noqa: E501

MEXICO_PEOPLE: PEOPLE = {
    "Claudia Sheinbaum": ("person:claudia-sheinbaum", "Claudia Sheinbaum"),
    "Sheinbaum": ("person:claudia-sheinbaum", "Claudia Sheinbaum"),
    "Marcelo Ebrard": ("person:marcelo-ebrard", "Marcelo Ebrard"),
}


def test_mexico_article_split_quotes_and_quote_across_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, MEXICO_ARTICLE, MEXICO_PEOPLE)
    assert_grounded(MEXICO_ARTICLE, found)
    sheinbaum = by_text(found, "cool head")
    assert sheinbaum.speaker_name == "Claudia Sheinbaum"
    assert by_text(found, "Nobody should doubt that.").speaker_name == "Claudia Sheinbaum"
    ebrard = by_text(found, "not a piñata")
    assert ebrard.speaker_name == "Marcelo Ebrard"
    assert ebrard.text == (
        "Mexico is not a piñata, and we will keep talking to Washington until we reach a fair"
        " agreement."
    )
    across = by_text(found, "protect jobs in the auto industry")
    assert across.speaker_name == "Marcelo Ebrard"
    assert "keep the border open" in across.text
    assert len(across.evidence) == 2
    assert len([s for s in found if s.kind == "direct"]) == 4


EU_CHINA_ARTICLE = """EU and China trade barbs over electric vehicle duties

Beijing said in a statement: "China will take resolute countermeasures to safeguard its legitimate rights and interests."
The EU trade commissioner Maros Sefcovic met Chinese commerce minister Wang Wentao in Brussels on Friday.
"The door to negotiations remains open, but our patience is not unlimited," according to Sefcovic.
Later, the trade commissioner wrote on social media that the talks were "frank and constructive".
Wang argued that the duties were "pure protectionism dressed up as fairness" and urged Brussels to reconsider.
"""  # noqa: E501

EU_PEOPLE: PEOPLE = {
    "Maros Sefcovic": ("person:maros-sefcovic", "Maros Sefcovic"),
    "Sefcovic": ("person:maros-sefcovic", "Maros Sefcovic"),
    "the trade commissioner": ("person:maros-sefcovic", "Maros Sefcovic"),
    "Wang Wentao": ("person:wang-wentao", "Wang Wentao"),
    "Wang": ("person:wang-wentao", "Wang Wentao"),
}
EU_OTHERS = {
    "Beijing": ("country:CHN", "China", "country"),
    "China": ("country:CHN", "China", "country"),
    "Brussels": ("country:EUU", "European Union", "country"),
}


def test_eu_china_article_colon_according_to_title_and_country_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, EU_CHINA_ARTICLE, EU_PEOPLE, EU_OTHERS)
    assert_grounded(EU_CHINA_ARTICLE, found)
    assert by_text(found, "resolute countermeasures").speaker == "country:CHN"
    assert by_text(found, "door to negotiations").speaker_name == "Maros Sefcovic"
    assert by_text(found, "frank and constructive").speaker_name == "Maros Sefcovic"
    assert by_text(found, "pure protectionism").speaker_name == "Wang Wentao"


KOREA_ARTICLE = """Seoul seeks tariff relief

South Korea's trade minister Ahn Duk-geun said on Thursday the talks had gone well.
"It's clear that Washington wants a quick deal," said Ahn Duk-geun. "We are ready to move fast."
"My baseline is that it will be hard to finish everything before the July deadline."
Ahn is due to return to Washington next month.
"""  # noqa: E501


def test_unattributed_quote_paragraph_continues_previous_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    people = {
        "Ahn Duk-geun": ("person:ahn-duk-geun", "Ahn Duk-geun"),
        "Ahn": ("person:ahn-duk-geun", "Ahn Duk-geun"),
    }
    found = [s for s in run(nlp, KOREA_ARTICLE, people) if s.kind == "direct"]
    assert_grounded(KOREA_ARTICLE, found)
    assert len(found) == 2
    assert all(s.speaker == "person:ahn-duk-geun" for s in found)
    assert "quick deal" in found[0].text
    assert "move fast" in found[1].text and "My baseline" in found[1].text
    assert len(found[1].evidence) == 2


def test_quotes_in_clutter_and_without_speaker_are_not_emitted(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"This is a fantastic deal for American farmers," Trump posted.\n'
        '"Tariffs are a tax on consumers and everybody knows it," the sign read.\n'
        'Canada\'s "elbows up" campaign continued.\n'
    )
    people = {"Trump": ("person:donald-trump", "Donald Trump")}
    assert [s.speaker for s in run(nlp, text, people)] == ["person:donald-trump"]
    first_line = text.index("\n")
    assert run(nlp, text, people, clutter=[(0, first_line)]) == []


def test_scare_quote_in_reported_speech_keeps_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Canadian Prime Minister Mark Carney said there had been "real progress" on steel.\n'
        'The plan relies on a "Buy Canadian" label.\n'
    )
    people = {
        "Mark Carney": ("person:mark-carney", "Mark Carney"),
        "Carney": ("person:mark-carney", "Mark Carney"),
    }
    found = run(nlp, text, people)
    assert [(s.text, s.speaker) for s in found] == [("real progress", "person:mark-carney")]


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", '"', "“”", "’’’ ‘‘‘", "🙂 “🙂” said he", '\u200f"مرحبا" قال', '"a"\n' * 200],
)
def test_odd_text_never_crashes(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert isinstance(doc._.statements, list)


def test_hard_wrapped_quote_continues_on_the_next_line() -> None:
    text = (
        'The minister said: "We will defend our workers and\n'
        'we will do it with a cool head," she told\n'
        "reporters.\n"
        'A headline with "an odd mark\n'
        'Next line with "closed" words.'
    )
    assert quoted(text) == [
        ["We will defend our workers and", "we will do it with a cool head,"],
        ["closed"],
    ]


def test_hard_wrapped_attribution_on_the_next_line(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada's trade minister Dominic LeBlanc met officials in Washington on Friday.\n"
        '"We are making real progress on steel and aluminium," LeBlanc\n'
        "told reporters after the meeting.\n"
    )
    people = {
        "Dominic LeBlanc": ("person:dominic-leblanc", "Dominic LeBlanc"),
        "LeBlanc": ("person:dominic-leblanc", "Dominic LeBlanc"),
    }
    found = [s for s in run(nlp, text, people) if s.kind == "direct"]
    assert [(s.text, s.speaker) for s in found] == [
        ("We are making real progress on steel and aluminium,", "person:dominic-leblanc")
    ]


KOREA_TITLES = """Seoul secures lower car tariffs

Trade Minister Park Seong-ho, who led the talks alongside Finance Minister Choi Min-jae, said the deal protected farmers.

"We avoided the worst outcome, and we protected the red lines that matter most," the trade minister told reporters on Thursday.
"""  # noqa: E501


def test_title_only_speaker_refers_back_to_the_subject_with_that_title(nlp) -> None:  # type: ignore[no-untyped-def]
    people = {
        "Park Seong-ho": ("person:park-seong-ho", "Park Seong-ho"),
        "Choi Min-jae": ("person:choi-min-jae", "Choi Min-jae"),
    }
    found = [s for s in run(nlp, KOREA_TITLES, people) if s.kind == "direct"]
    assert by_text(found, "worst outcome").speaker == "person:park-seong-ho"


def test_person_cue_wins_over_a_country_subject_for_scare_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Brazilian President Lula da Silva said Brazil would respond "in kind" to the tariff.\n'
    people = {"Lula da Silva": ("person:luiz-inacio-lula-da-silva", "Luiz Inácio Lula da Silva")}
    others = {"Brazil": ("country:BRA", "Brazil", "country")}
    found = [s for s in run(nlp, text, people, others) if s.kind == "direct"]
    assert [(s.text, s.speaker) for s in found] == [("in kind", "person:luiz-inacio-lula-da-silva")]


def test_indirect_speech_is_the_complement_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Indian commerce minister Piyush Goyal said that both sides had agreed to conclude the "
        "first tranche of the deal by the autumn.\n"
        "The administration has said the rules would also apply to allies.\n"
        'Goyal said the proposal was "unacceptable" to Indian farmers and dairy producers.\n'
    )
    people = {
        "Piyush Goyal": ("person:piyush-goyal", "Piyush Goyal"),
        "Goyal": ("person:piyush-goyal", "Piyush Goyal"),
    }
    found = run(nlp, text, people)
    assert_grounded(text, [s for s in found if s.kind == "direct"])
    indirect = [s for s in found if s.kind == "indirect"]
    assert [(s.text, s.speaker) for s in indirect] == [
        (
            "both sides had agreed to conclude the first tranche of the deal by the autumn",
            "person:piyush-goyal",
        )
    ]
    (ev,) = indirect[0].evidence
    assert text[ev.start : ev.end] == ev.text == indirect[0].text


# --- real-reporting conventions ------------------------------------------------------------------

PORTUGAL_ARTICLE = """Lisbon weighs its answer to new duties

"Portugal is not the problem here," Costa said on radio on Monday. "We buy more from them than they buy from us, and that will change quickly."
"We will answer calmly, with our partners," Costa said, "and we will not be rushed."
The government in Lisbon said it would publish its list of countermeasures on Friday.
"""  # noqa: E501

PORTUGAL_PEOPLE: PEOPLE = {"Costa": ("person:antonio-costa", "António Costa")}


def test_quote_after_a_sentence_final_attribution_is_its_own_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    found = [s for s in run(nlp, PORTUGAL_ARTICLE, PORTUGAL_PEOPLE) if s.kind == "direct"]
    assert_grounded(PORTUGAL_ARTICLE, found)
    first = by_text(found, "not the problem")
    second = by_text(found, "that will change quickly")
    assert first is not second
    assert first.speaker == second.speaker == "person:antonio-costa"
    merged = by_text(found, "answer calmly")  # attribution inside the sentence: one statement
    assert merged.text.endswith("and we will not be rushed.")
    assert len(found) == 3


INSTITUTIONS_ARTICLE = """Nairobi reacts to export levy

"Kenya and the United States have found a workable arrangement on avocado exports," the Kenyan government said in a post on X.
In response, an official from the Ministry of Trade of Kenya, speaking on condition of anonymity, stated: "Exporters hit by the levy will receive support from next month."
"We will respond with measures of our own if the levy stays in place," a spokesperson for Uganda's foreign ministry said.
Nairobi vowed to "defend every single job in the flower industry" as talks continued.
"""  # noqa: E501

INSTITUTIONS_OTHERS = {
    "Kenyan": ("country:KEN", "Kenya", "country"),
    "Kenya": ("country:KEN", "Kenya", "country"),
    "Uganda": ("country:UGA", "Uganda", "country"),
    "Nairobi": ("place:nairobi", "Nairobi", "place"),
    "Ministry of Trade of Kenya": (
        "org:ministry-of-trade-of-kenya",
        "Ministry of Trade of Kenya",
        "organization",
    ),
}


def test_institutions_speak_when_no_person_is_named(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(INSTITUTIONS_ARTICLE)
    annotate(doc, {}, INSTITUTIONS_OTHERS)
    found = statements(doc)._.statements
    assert_grounded(INSTITUTIONS_ARTICLE, found)
    government = by_text(found, "workable arrangement")
    assert government.speaker_name == "Kenyan government"
    assert doc._.entities[government.speaker].type == "organization"
    assert any(m.entity_id == government.speaker for m in doc._.mentions)  # grounded
    official = by_text(found, "receive support")
    assert official.speaker == "org:ministry-of-trade-of-kenya"
    spokesperson = by_text(found, "measures of our own")
    assert spokesperson.speaker_name == "Uganda's foreign ministry"
    capital = by_text(found, "every single job")  # a capital speaks for its country
    assert capital.speaker == "country:KEN"


TERMS_ARTICLE = """Ottawa and Canberra trade barbs

Albanese said the so-called "stacking" of duties would end, and that the "fair trade" clause was a dead letter.
He warned that duties would stay unless the rules deemed 'unfair' by Ottawa were dropped.
"Australia has always honoured its commitments and always will,’’ stated Mr Anthony.
"""  # noqa: E501

TERMS_PEOPLE: PEOPLE = {
    "Albanese": ("person:anthony-albanese", "Anthony Albanese"),
    "Anthony": ("person:anthony-albanese", "Anthony Albanese"),
}
TERMS_OTHERS = {"Ottawa": ("country:CAN", "Canada", "country")}


def test_terms_and_fragments_voiced_by_others_get_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, TERMS_ARTICLE, TERMS_PEOPLE, TERMS_OTHERS)
    texts = [s.text for s in found if s.kind == "direct"]
    assert not [t for t in texts if t in ("stacking", "fair trade", "unfair")], texts
    # a doubled closing mark and a quote mark parsed as the cue's subject
    assert by_text(found, "honoured its commitments").speaker == "person:anthony-albanese"
