"""The gold rules for speakers and names (``FORMAT.md``, "Scoring"), on small made-up examples:
list speakers, institutions (content words, dropped countries, acronyms), hyphenated names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradefacts import evaluation as ev
from tradefacts.models import ArticleFacts, CanonicalRecord, MergedStatement, Statement

QUOTE = "We will respond firmly to any new duties on our exports."
FRAGMENT = "respond firmly to any new duties"


def said_by(speaker_id: str | None, speaker_name: str | None, text: str = QUOTE) -> Statement:
    return Statement(speaker=speaker_id, speaker_name=speaker_name, text=text, kind="direct")


def statement_counts(speaker: object, *predicted: Statement) -> tuple[int, int, int]:
    gold = {"doc": "t.txt", "statements": [{"speaker": speaker, "contains": FRAGMENT}]}
    score = ev.score_article(gold, ArticleFacts(doc_id="t.txt", statements=predicted))["statements"]
    return score.tp, score.fp, score.fn


# --------------------------------------------------------------------------- institutions


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Ministry of Commerce", "China's Commerce Ministry", True),
        ("China's Commerce Ministry", "Ministry of Commerce", True),
        ("Chinese Ministry of Commerce", "China's Commerce Ministry", True),
        ("Department for Business and Trade", "the UK's Department of Business & Trade", True),
        ("U.S. Customs and Border Protection", "Customs and Border Protection", True),
        ("Swiss government", "government", True),
        ("Swiss government", "Japanese government", False),
        ("Ministry of Commerce", "Ministry of Communications", False),
        ("Commerce Department", "Ministry of Commerce", False),
        ("China", "Chinese government", False),
        ("Ministry of External Affairs", "MEA", True),
        ("Court of International Trade", "CIT", True),
        ("U.S. Customs and Border Protection", "CBP", True),
        ("Ministry of External Affairs", "MFA", False),
        ("Ministry of External Affairs", "Mea", False),
    ],
)
def test_institutions_match_on_content_words_or_acronym(
    gold: str, predicted: str, expected: bool
) -> None:
    assert ev.institutions_match(gold, predicted) is expected


def test_institution_speaker_scores_a_hit() -> None:
    org = said_by("org:ministry-of-commerce", "Ministry of Commerce")
    assert statement_counts("China's Commerce Ministry", org) == (1, 0, 0)
    acronym = said_by("org:mea", "MEA")
    assert statement_counts("Ministry of External Affairs", acronym) == (1, 0, 0)


def test_right_quote_with_the_wrong_institution_is_a_miss_and_a_false_hit() -> None:
    other = said_by("org:ministry-of-finance", "Ministry of Finance")
    assert statement_counts("Ministry of Commerce", other) == (0, 1, 1)
    wrong_country = said_by("org:japanese-government", "Japanese government")
    assert statement_counts("Swiss government", wrong_country) == (0, 1, 1)


def test_a_predicted_person_is_not_matched_as_an_institution() -> None:
    # "Canola Council" is not a person's name for "Canola Council of Canada" (its last word
    # differs), only an institution's: a prediction typed as a person does not get it.
    as_org = said_by("org:canola-council", "Canola Council")
    as_person = said_by("person:canola-council", "Canola Council")
    assert statement_counts("Canola Council of Canada", as_org) == (1, 0, 0)
    assert statement_counts("Canola Council of Canada", as_person) == (0, 1, 1)


# --------------------------------------------------------------------------- list speakers


def test_any_name_of_a_list_speaker_is_right() -> None:
    speakers = ["Ministry of Commerce", "He Yadong"]
    assert statement_counts(speakers, said_by("org:commerce-ministry", "Commerce Ministry")) == (
        1,
        0,
        0,
    )
    assert statement_counts(speakers, said_by("person:he-yadong", "He Yadong")) == (1, 0, 0)
    assert statement_counts(speakers, said_by("person:li-qiang", "Li Qiang")) == (0, 1, 1)


def test_a_list_speaker_is_still_one_gold_item() -> None:
    # Two predictions of the same quote by either listed speaker: one hit, one false hit.
    speakers = ["Ministry of Commerce", "He Yadong"]
    both = (
        said_by("org:ministry-of-commerce", "Ministry of Commerce"),
        said_by("person:he-yadong", "He Yadong"),
    )
    assert statement_counts(speakers, *both) == (1, 1, 0)


def test_list_speakers_in_the_record_gold_and_in_reports() -> None:
    gold = {
        "statements_must": [
            {"speaker": ["White House", "Karoline Leavitt"], "contains": "new duties"}
        ]
    }
    stmt = MergedStatement(
        speaker="org:white-house", speaker_name="the White House", text=QUOTE, sources=("a",)
    )
    result = ev.score_record(gold, CanonicalRecord(statements=(stmt,)), "t")
    assert [(c.name, c.passed) for c in result.checks] == [
        ('statement White House / Karoline Leavitt: "new duties"', True)
    ]


def test_gold_files_with_list_speakers_load_and_score(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ministry spoke.", encoding="utf-8")
    statement = {"speaker": ["Ministry of Commerce", "He Yadong"], "contains": FRAGMENT}
    gold = {"doc": "a.txt", "published": "2025-04-04", "statements": [statement]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")

    def extractor(path: Path, published: str | None) -> ArticleFacts:
        return ArticleFacts(doc_id=path.name, statements=(said_by("person:li-qiang", "Li Qiang"),))

    report = ev.evaluate(tmp_path, extractor=extractor, merger=False)
    assert report.articles[0].scores["statements"].misses == [
        f'Ministry of Commerce / He Yadong: "{FRAGMENT}"'
    ]


@pytest.mark.parametrize("speaker", [[], ["Ministry of Commerce", 7], 7, {"name": "x"}])
def test_malformed_speakers_are_gold_errors(speaker: object) -> None:
    gold = {"doc": "a.txt", "statements": [{"speaker": speaker, "contains": FRAGMENT}]}
    with pytest.raises(ev.GoldError, match="speaker"):
        ev.check_gold(gold, Path("a.gold.json"))


# --------------------------------------------------------------------------- hyphenated names


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Karin Keller-Sutter", "Keller-Sutter", True),
        ("Keller-Sutter", "Karin Keller-Sutter", True),
        ("Karin Keller-Sutter", "Karin Keller\u2011Sutter", True),  # non-breaking hyphen
        ("Karin Keller-Sutter", "Mrs Keller\u2013Sutter", True),  # en dash
        ("Karin Keller-Sutter", "Sutter", False),
        ("Karin Keller-Sutter", "Keller", False),
        ("Karin Keller-Sutter", "Anna Keller", False),
    ],
)
def test_a_hyphenated_name_is_one_word(gold: str, predicted: str, expected: bool) -> None:
    assert ev.names_match(gold, predicted) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Ferdinand Marcos Jr.", "Ferdinand Marcos", True),
        ("Ferdinand Marcos", "Ferdinand Marcos Jr", True),
        ("Martin Luther King III", "Martin Luther King", True),
        ("Ferdinand Marcos Jr.", "Imelda Marcos", False),
    ],
)
def test_a_generational_suffix_is_no_surname(gold: str, predicted: str, expected: bool) -> None:
    assert ev.names_match(gold, predicted) is expected


def test_hyphenated_speakers_match_on_the_whole_word() -> None:
    full = said_by("person:karin-keller-sutter", "Karin Keller-Sutter")
    assert statement_counts("Keller-Sutter", full) == (1, 0, 0)
    assert statement_counts("Sutter", full) == (0, 1, 1)
