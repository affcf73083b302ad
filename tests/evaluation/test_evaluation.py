"""The scored evaluation: the scorer's rules on hand-made predictions, and floors on real runs.

``FLOORS`` holds the F1 the library must keep reaching per gold set and fact type (and the
record checks passed). They were measured with the library as it stood and only go up.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tradefacts import evaluation as ev
from tradefacts.models import (
    ArticleFacts,
    CanonicalRecord,
    Entity,
    MergedEntity,
    MergedQuantity,
    MergedStatement,
    MergedTariffRate,
    MergedTradeEvent,
    Quantity,
    Statement,
    TariffRate,
    TradeEvent,
)

GOLD = Path(__file__).resolve().parent.parent / "gold"
SEEDS_GOLD = GOLD / "seeds"
OWN_GOLD = GOLD / "own"
HOLDOUT_GOLD = GOLD / "holdout"
SAME_EVENT = GOLD / "same_event"
SAME_EVENT_PUBLISHED = "2025-04-17"

#: F1 floors per gold set and fact type ("micro" = all types), and record checks passed.
#: Measured 2026-11-22 03:50 UTC (`tradefacts evaluate --gold tests/gold/<set>`), rounded down.
#: Raised at 03:50 from (own) persons 0.98, tariffs 0.74, statements 0.97, events 0.73,
#: micro 0.91; "holdout" (written by someone who never saw the code, not tuned on) added.
FLOORS: dict[str, dict[str, float]] = {
    "seeds": {
        "persons": 1.0,
        "countries": 1.0,
        "tariffs": 1.0,
        "statements": 1.0,
        "money": 1.0,
        "events": 1.0,
        "micro": 1.0,
    },
    "own": {
        "persons": 1.0,
        "countries": 1.0,
        "tariffs": 0.89,  # 0.893 on 2026-12-07 (sixth session), was 0.885
        "statements": 1.0,
        "money": 1.0,
        "events": 0.97,
        "micro": 0.97,
    },
    "holdout": {
        "persons": 1.0,
        "countries": 0.98,
        "tariffs": 0.61,  # 0.611 on 2026-12-06 (fifth session), was 0.583
        "statements": 1.0,
        "money": 0.97,
        "events": 0.83,
        "micro": 0.89,
    },
}
#: Tariff status agreement on hits (not scored: hits whose status is the gold's, of all hits),
#: per gold set. Measured 2026-12-07 (eighth session): seeds 14/14, own 38/54, held-out 14/22,
#: dev 70/136; before that session's status rules 14/14, 33/54, 13/22 and 59/136.
STATUS_FLOORS: dict[str, float] = {"seeds": 1.0, "own": 0.70, "holdout": 0.63, "dev": 0.51}
#: The real development set (../shared/dev, 64 texts in folds A and B): F1 floors. The texts are
#: third-party pages, never committed: the test runs where they were rebuilt into .corpus/dev
#: (see ../shared/dev/README.md) and skips, saying so, elsewhere. Measured 2026-12-06 on 64
#: texts (`tradefacts evaluate --gold ../shared/dev/gold --texts .corpus/dev`), rounded down.
DEV_FLOORS: dict[str, float] = {
    "persons": 0.985,
    "countries": 0.99,
    "tariffs": 0.945,  # 0.951 (tp 136, fp 4, fn 10) in the seventh session, was 0.948
    "statements": 0.96,  # 0.962 (tp 138, fp 6, fn 5), was 0.958
    "money": 0.95,
    "events": 0.80,  # issue 18: 0.805 (tp 105, fp 13, fn 38), was 0.718
    "micro": 0.945,  # 0.950 in the sixth session, was 0.946
}
#: Largest gap allowed between the tariff F1 of folds A and B (rules that fit one fold's texts
#: show as a gap).
DEV_FOLD_GAP = 0.05
DEV_GOLD = Path(__file__).resolve().parents[3] / "shared" / "dev" / "gold"
DEV_TEXTS = Path(__file__).resolve().parents[2] / ".corpus" / "dev"
#: Checks of tests/gold/seeds/record.gold.json passed (of 35).
RECORD_FLOORS: dict[str, int] = {"with dates": 35, "without dates": 35, "seeds+same_event": 35}


# --------------------------------------------------------------------------- helpers


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def person(name: str) -> Entity:
    return Entity(id=f"person:{slug(name)}", name=name, type="person")


def country(code: str) -> Entity:
    return Entity(id=f"country:{code}", name=code, type="country")


def quote(text: str, speaker: str | None, kind: str = "direct") -> Statement:
    sid = f"person:{slug(speaker)}" if speaker else None
    return Statement(speaker=sid, speaker_name=speaker, text=text, kind=kind)  # type: ignore[arg-type]


def tariff(rate: float, imposer: str, target: str | None, *products: str) -> TariffRate:
    return TariffRate(rate_percent=rate, imposer=imposer, target=target, products=products)


def money(value: float, unit: str = "USD") -> Quantity:
    return Quantity(kind="money", value=value, unit=unit, text=f"{value} {unit}")


def facts(**kwargs: object) -> ArticleFacts:
    return ArticleFacts(doc_id="t.txt", **kwargs)  # type: ignore[arg-type]


def scores(gold: dict, predicted: ArticleFacts) -> dict[str, ev.TypeScore]:
    base = {"doc": "t.txt", "persons": [], "countries": [], "tariffs": []}
    base.update({"statements": [], "money": [], "events": []})
    return ev.score_article({**base, **gold}, predicted)


def counts(score: ev.TypeScore) -> tuple[int, int, int]:
    return score.tp, score.fp, score.fn


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Donald Trump", "Trump", True),
        ("Donald Trump", "Mr. Trump", True),
        ("Donald Trump", "Donald J. Trump", True),
        ("Scott Bessent", "Kent Bessent", False),
        ("Rachel Reeves", "Reeves", True),
        ("Xi Jinping", "Xi", True),
        ("Lee Jae-myung", "Lee Jae Myung", False),  # three tokens: last word differs
        ("Lee Jae-myung", "Lee Jaemyung", True),
        ("Piyush Goyal", "Piyush Goyal", True),
        ("Marcelo Ebrard", "Ebrard", True),
        ("Ursula von der Leyen", "Leyen", True),
        ("Maroš Šefčovič", "Maros Sefcovic", True),
        ("Ryosei Akazawa", "Akazawa Ryosei", True),
        ("Ryosei Akazawa", "Ishiba", False),
        ("Luiz Inácio Lula da Silva", "Lula", True),
        ("Luiz Inácio Lula da Silva", "Lula da Silva", True),
        ("Luiz Inácio Lula da Silva", "da", False),
        ("Jair Bolsonaro", "Eduardo Bolsonaro", False),
        ("Le Minh Tuan", "Mr Tuan", True),
    ],
)
def test_names_match_by_surname_and_first_name(gold: str, predicted: str, expected: bool) -> None:
    assert ev.names_match(gold, predicted) is expected


def test_persons_ignore_list_drops_predictions_and_duplicates_are_false_hits() -> None:
    predicted = facts(
        entities=(
            person("Donald Trump"),
            Entity(id="person:trump", name="Trump", type="person"),
            person("Nathan Layne"),
            person("Anna Kowalski"),
        )
    )
    gold = {"persons": [{"name": "Donald Trump"}], "ignore_persons": ["Nathan Layne"]}
    s = scores(gold, predicted)["persons"]
    assert counts(s) == (1, 2, 0)
    assert any("Kowalski" in f for f in s.false_hits)
    assert not any("Layne" in f for f in s.false_hits)


def test_countries_are_a_set_of_codes() -> None:
    predicted = facts(entities=(country("GBR"), country("IND"), person("Keir Starmer")))
    s = scores({"countries": ["GBR", "EUU"]}, predicted)["countries"]
    assert counts(s) == (1, 1, 1)
    assert s.misses == ["EUU"] and s.false_hits == ["IND"]


# --------------------------------------------------------------------------- statements


def test_right_quote_wrong_speaker_is_a_miss_and_a_false_hit() -> None:
    gold = {"statements": [{"speaker": "Rachel Reeves", "contains": "a good deal for britain"}]}
    right = scores(gold, facts(statements=(quote("It is a good deal for Britain.", "Reeves"),)))
    wrong = scores(gold, facts(statements=(quote("It is a good deal for Britain.", "Lammy"),)))
    nobody = scores(gold, facts(statements=(quote("It is a good deal for Britain.", None),)))
    assert counts(right["statements"]) == (1, 0, 0)
    assert counts(wrong["statements"]) == (0, 1, 1)
    assert counts(nobody["statements"]) == (0, 1, 1)


def test_statement_text_is_normalised_before_containment() -> None:
    gold = {"statements": [{"speaker": "Piyush Goyal", "contains": "we won't be rushed"}]}
    text = "India’s   position is clear \u2014\nWE WON’T be rushed into anything"
    s = scores(gold, facts(statements=(quote(text, "Piyush Goyal"),)))["statements"]
    assert counts(s) == (1, 0, 0)


def test_normalize_text_unifies_quotes_dashes_and_spaces() -> None:
    assert ev.normalize_text("“Once\u2013in\u2014a\u00a0Generation”  ‘deal’…") == (
        "\"once-in-a generation\" 'deal'..."
    )


def test_indirect_statements_are_not_scored_against_direct_quotes() -> None:
    predicted = facts(statements=(quote("talks would resume next week", "Goyal", kind="indirect"),))
    assert counts(scores({}, predicted)["statements"]) == (0, 0, 0)


def test_country_speaker_matches_by_name_or_code() -> None:
    stmt = Statement(speaker="country:JPN", speaker_name="Japan", text="a win-win deal")
    gold = {"statements": [{"speaker": "Japan", "contains": "win-win"}]}
    assert counts(scores(gold, facts(statements=(stmt,)))["statements"]) == (1, 0, 0)


# --------------------------------------------------------------------------- optional, one-to-one


def test_optional_items_are_neither_hits_nor_misses() -> None:
    gold = {
        "statements": [
            {"speaker": "Mark Carney", "contains": "elbows up", "optional": True},
            {"speaker": "Mark Carney", "contains": "we will not back down", "optional": True},
        ]
    }
    s = scores(gold, facts(statements=(quote("Elbows up", "Carney"),)))["statements"]
    assert counts(s) == (0, 0, 0)
    assert s.optional_matched == 1


def test_duplicate_predictions_of_one_gold_item_the_second_is_a_false_hit() -> None:
    gold = {"tariffs": [{"rate": 25, "imposer": "CAN", "target": "USA", "products": ["steel"]}]}
    dup = facts(tariffs=(tariff(25, "CAN", "USA", "steel"), tariff(25, "CAN", "USA", "steel")))
    assert counts(scores(gold, dup)["tariffs"]) == (1, 1, 0)


def test_matching_is_maximal_not_greedy() -> None:
    # The first prediction fits both gold items, the second only the first item: a greedy
    # matcher that pairs the first prediction with the first item would lose a hit.
    gold = {
        "money": [
            {"amount": 100e9, "currency": "EUR"},
            {"amount": 100.5e9, "currency": "EUR"},
        ]
    }
    predicted = facts(quantities=(money(100.4e9, "EUR"), money(99.5e9, "EUR")))
    assert counts(scores(gold, predicted)["money"]) == (2, 0, 0)


def test_required_items_are_matched_before_optional_ones() -> None:
    # Gold: one required multi-product tariff plus optional per-product splits. A split
    # prediction listed first must not steal the required item from the cars prediction.
    gold = {
        "tariffs": [
            {"rate": 25, "imposer": "USA", "target": "MEX", "products": ["automobiles", "steel"]},
            {
                "rate": 25,
                "imposer": "USA",
                "target": "MEX",
                "products": ["steel"],
                "optional": True,
            },
        ]
    }
    predicted = facts(tariffs=(tariff(25, "USA", "MEX", "steel"), tariff(25, "USA", "MEX", "cars")))
    s = scores(gold, predicted)["tariffs"]
    assert counts(s) == (1, 0, 0)
    assert s.optional_matched == 1


# --------------------------------------------------------------------------- tariffs, money, events


def test_tariff_target_list_accepts_any_listed_value_including_null() -> None:
    gold = {"tariffs": [{"rate": 10, "imposer": "USA", "target": [None, "VNM"], "products": []}]}
    assert counts(scores(gold, facts(tariffs=(tariff(10, "USA", None),)))["tariffs"]) == (1, 0, 0)
    assert counts(scores(gold, facts(tariffs=(tariff(10, "USA", "VNM"),)))["tariffs"]) == (1, 0, 0)
    assert counts(scores(gold, facts(tariffs=(tariff(10, "USA", "KOR"),)))["tariffs"]) == (0, 1, 1)


def test_tariff_rate_tolerance_and_imposer() -> None:
    gold = {"tariffs": [{"rate": 27.5, "imposer": "USA", "target": "IND", "products": []}]}
    assert counts(scores(gold, facts(tariffs=(tariff(27.505, "USA", "IND"),)))["tariffs"])[0] == 1
    assert counts(scores(gold, facts(tariffs=(tariff(27.6, "USA", "IND"),)))["tariffs"])[0] == 0
    assert counts(scores(gold, facts(tariffs=(tariff(27.5, "IND", "USA"),)))["tariffs"])[0] == 0


@pytest.mark.parametrize(
    ("gold_products", "predicted", "hit"),
    [
        (["automobiles"], ("cars",), True),
        (["automobiles"], ("vehicles",), True),
        (["automobiles"], ("autos", "steel"), True),
        (["aluminum"], ("aluminium",), True),
        (["steel", "aluminum"], ("aluminium",), True),
        (["rice"], ("steel",), False),
        (["bourbon"], ("bourbon whiskey",), True),
        (["auto parts"], ("auto components",), True),
        (["auto parts"], ("cars",), False),
        (["steel"], ("steel products",), True),
        (["whisky"], ("bourbon whiskey",), True),
        (["automobiles"], ("electric vehicles",), True),
        (["automobiles"], ("car parts",), False),
        (["rice"], (), False),
        ([], ("whisky",), True),
    ],
)
def test_tariff_products_overlap_with_synonyms(
    gold_products: list[str], predicted: tuple[str, ...], hit: bool
) -> None:
    gold = {"tariffs": [{"rate": 25, "imposer": "GBR", "target": "USA", "products": gold_products}]}
    s = scores(gold, facts(tariffs=(tariff(25, "GBR", "USA", *predicted),)))["tariffs"]
    assert s.tp == int(hit)


def test_money_within_one_percent_and_same_currency() -> None:
    gold = {"money": [{"amount": 350e9, "currency": "USD"}]}
    assert counts(scores(gold, facts(quantities=(money(353e9),)))["money"]) == (1, 0, 0)
    assert counts(scores(gold, facts(quantities=(money(360e9),)))["money"]) == (0, 1, 1)
    assert counts(scores(gold, facts(quantities=(money(350e9, "JPY"),)))["money"]) == (0, 1, 1)
    pct = Quantity(kind="percent", value=350e9, unit="percent", text="x")
    assert counts(scores(gold, facts(quantities=(pct,)))["money"]) == (0, 0, 1)


def test_events_need_same_date_and_a_shared_participant() -> None:
    import datetime as dt

    gold = {
        "events": [
            {"date": "2025-06-03", "participants": ["Piyush Goyal", "GBR"]},
            {"date": None, "participants": ["IND", "USA"]},
        ]
    }
    ents = (person("Piyush Goyal"), country("IND"), country("USA"))
    by_person = TradeEvent(
        type="meeting", date=dt.date(2025, 6, 3), participants=("person:piyush-goyal",)
    )
    by_code = TradeEvent(type="negotiation", date=None, participants=("country:USA",))
    wrong_day = TradeEvent(type="meeting", date=dt.date(2025, 6, 4), participants=("country:GBR",))
    s = scores(gold, facts(entities=ents, events=(by_person, by_code, wrong_day)))["events"]
    assert counts(s) == (2, 1, 0)


def test_event_participant_names_come_from_the_entities() -> None:
    import datetime as dt

    gold = {"events": [{"date": "2025-06-03", "participants": ["Piyush Goyal"]}]}
    ent = Entity(id="person:p-goyal", name="Piyush Goyal", type="person")
    event = TradeEvent(type="visit", date=dt.date(2025, 6, 3), participants=("person:p-goyal",))
    assert counts(scores(gold, facts(entities=(ent,), events=(event,)))["events"]) == (1, 0, 0)


def test_empty_prediction_scores_precision_one_recall_zero() -> None:
    s = scores({"persons": [{"name": "Keir Starmer"}]}, facts())["persons"]
    assert (s.precision, s.recall, s.f1) == (1.0, 0.0, 0.0)


# --------------------------------------------------------------------------- oracle


def oracle_facts(gold: dict) -> ArticleFacts:
    """Predictions built from the gold's required items: a correct system's output."""
    import datetime as dt

    def pid(name: str) -> str:
        return f"country:{name}" if re.fullmatch(r"[A-Z]{3}", name) else f"person:{slug(name)}"

    def first(value: object) -> Any:
        return value[0] if isinstance(value, list) else value

    req = [k for k in ("tariffs", "statements", "money", "events")]
    items = {k: [i for i in gold.get(k, []) if not i.get("optional")] for k in req}
    return facts(
        entities=tuple(person(p["name"]) for p in gold["persons"])
        + tuple(country(c) for c in gold["countries"]),
        tariffs=tuple(
            TariffRate(
                rate_percent=t["rate"],
                imposer=first(t["imposer"]),
                target=first(t["target"]),
                products=tuple(t["products"]),
            )
            for t in items["tariffs"]
        ),
        statements=tuple(quote(s["contains"].upper(), s["speaker"]) for s in items["statements"]),
        quantities=tuple(money(m["amount"], m["currency"]) for m in items["money"]),
        events=tuple(
            TradeEvent(
                type=e["type"],
                date=dt.date.fromisoformat(e["date"]) if e["date"] else None,
                participants=tuple(pid(p) for p in e["participants"]),
            )
            for e in items["events"]
        ),
    )


def all_gold_paths() -> list[Path]:
    return sorted(SEEDS_GOLD.glob("*.gold.json")) + sorted(OWN_GOLD.glob("*.gold.json"))


@pytest.mark.parametrize(
    "gold_path", [p for p in all_gold_paths() if p.name != "record.gold.json"], ids=lambda p: p.name
)
def test_gold_files_are_consistent_and_an_oracle_scores_perfectly(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ev.check_gold(gold, gold_path)
    assert ev.find_text(gold_path, gold["doc"], None).is_file()
    if gold_path.parent == OWN_GOLD:
        assert gold["written_for_testing"] is True and gold["published"]
        words = len(ev.find_text(gold_path, gold["doc"], None).read_text("utf-8").split())
        assert 300 <= words <= 900, words
    result = ev.score_article(gold, oracle_facts(gold))
    for fact_type, s in result.items():
        assert (s.fp, s.fn) == (0, 0), (fact_type, s.misses, s.false_hits)


# --------------------------------------------------------------------------- record


def _record(**kwargs: object) -> CanonicalRecord:
    return CanonicalRecord(**kwargs)  # type: ignore[arg-type]


RECORD_GOLD = {
    "event": {
        "date": "2025-05-08",
        "location_any": ["Downing Street", "London"],
        "participants_must": ["Keir Starmer", "GBR"],
        "participants_must_not": ["Rachel Reeves"],
        "type_any": ["meeting", "negotiation"],
    },
    "tariffs_must": [
        {
            "rate": 10,
            "imposer": "USA",
            "target": "GBR",
            "products": ["automobiles"],
            "min_sources": 2,
        }
    ],
    "statements_must": [{"speaker": "Keir Starmer", "contains": "historic day", "min_sources": 2}],
    "money_must": [{"amount": 5e9, "currency": "GBP", "min_sources": 1}],
    "events_must": [
        {
            "type_any": ["announcement"],
            "date": None,
            "status": "planned",
            "participants": ["GBR"],
            "min_sources": 2,
        }
    ],
}


def good_record() -> CanonicalRecord:
    import datetime as dt

    src = ("a.txt", "b.txt")
    return _record(
        event=MergedTradeEvent(
            type="meeting",
            date=dt.date(2025, 5, 8),
            location="10 Downing Street, London",
            participants=("person:keir-starmer", "country:GBR", "person:j-d-smith"),
            sources=src,
        ),
        entities=(
            MergedEntity(id="person:keir-starmer", name="Keir Starmer", type="person", sources=src),
            MergedEntity(id="country:GBR", name="United Kingdom", type="country", sources=src),
        ),
        tariffs=(
            MergedTariffRate(
                rate_percent=10, imposer="USA", target="GBR", products=("cars",), sources=src
            ),
        ),
        statements=(
            MergedStatement(
                speaker="person:keir-starmer",
                speaker_name="Keir Starmer",
                text="A historic day!",
                sources=src,
            ),
        ),
        quantities=(
            MergedQuantity(kind="money", value=5e9, unit="GBP", text="£5bn", sources=("a.txt",)),
        ),
        events=(
            MergedTradeEvent(
                type="announcement", status="planned", participants=("country:GBR",), sources=src
            ),
        ),
        sources=src,
    )


def test_record_checks_pass_on_a_correct_record() -> None:
    result = ev.score_record(RECORD_GOLD, good_record(), "t")
    assert [c.name for c in result.checks if not c.passed] == []
    assert result.total == 10  # date, location, 2 participants, exclusions, type, 3 musts, 1 event


def test_record_checks_fail_on_duplicates_too_few_sources_and_wrong_participants() -> None:
    rec = good_record()
    dup = rec.tariffs[0].model_copy(update={"sources": ("c.txt",)})
    reeves = MergedEntity(id="person:rachel-reeves", name="Rachel Reeves", type="person")
    bad = rec.model_copy(
        update={
            "tariffs": (rec.tariffs[0], dup),
            "statements": (rec.statements[0].model_copy(update={"sources": ("a.txt",)}),),
            "entities": (*rec.entities, reeves),
            "event": rec.event.model_copy(  # type: ignore[union-attr]
                update={"participants": (*rec.event.participants, "person:rachel-reeves")}  # type: ignore[union-attr]
            ),
        }
    )
    failed = {c.name for c in ev.score_record(RECORD_GOLD, bad, "t").checks if not c.passed}
    assert failed == {
        "tariff 10% USA->GBR [automobiles] None",
        'statement Keir Starmer: "historic day"',
        "event excludes non-participants",
    }


def test_record_without_central_event_fails_the_event_check() -> None:
    result = ev.score_record(RECORD_GOLD, _record(), "t")
    assert result.passed == 0 and result.total == 5


# --------------------------------------------------------------------------- running, command


def _tiny_gold_dir(tmp_path: Path, record: bool = False) -> Path:
    (tmp_path / "a.txt").write_text("Keir Starmer met Narendra Modi on Tuesday.", encoding="utf-8")
    gold = {"doc": "a.txt", "published": "2025-07-24", "persons": [{"name": "Keir Starmer"}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    if record:
        (tmp_path / "record.gold.json").write_text(json.dumps(RECORD_GOLD), encoding="utf-8")
    return tmp_path


def fake_extractor(path: Path, published: str | None) -> ArticleFacts:
    return ArticleFacts(
        doc_id=path.name, entities=(person("Keir Starmer"), person("Narendra Modi"))
    )


def test_evaluate_with_a_given_extractor_and_missing_merge(tmp_path: Path) -> None:
    report = ev.evaluate(
        _tiny_gold_dir(tmp_path, record=True), extractor=fake_extractor, merger=None
    )
    assert counts(report.totals["persons"]) == (1, 1, 0)
    assert [(r.label, r.available) for r in report.records] == [
        ("with dates", False),
        ("without dates", False),
    ]
    text = ev.format_report(report, verbose=True)
    assert "not available" in text and "Narendra Modi" in text


def test_evaluate_reports_a_failing_merge_and_extractor_without_crashing(tmp_path: Path) -> None:
    def broken(path: Path, published: str | None) -> ArticleFacts:
        raise RuntimeError("boom")

    def bad_merge(items: list[ArticleFacts]) -> CanonicalRecord:
        raise NotImplementedError("later")

    report = ev.evaluate(_tiny_gold_dir(tmp_path, record=True), extractor=broken, merger=bad_merge)
    assert report.articles[0].error == "RuntimeError: boom"
    assert report.totals["persons"].fn == 1
    assert all(not r.available and "later" in (r.error or "") for r in report.records)


def test_evaluate_merges_dated_and_undated_extractions(tmp_path: Path) -> None:
    seen: list[str | None] = []

    def recording(path: Path, published: str | None) -> ArticleFacts:
        seen.append(published)
        return fake_extractor(path, published)

    report = ev.evaluate(
        _tiny_gold_dir(tmp_path, record=True),
        extractor=recording,
        merger=lambda items: good_record(),
    )
    assert seen == ["2025-07-24", None]  # the dated run is reused for the record
    assert [r.passed for r in report.records] == [10, 10]
    data = ev.report_to_dict(report)
    assert data["records"][0]["passed"] == 10 and data["totals"]["persons"]["tp"] == 1


def test_main_exit_codes_for_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main(["--gold", str(tmp_path / "nope")]) == 2
    assert ev.main(["--gold", str(tmp_path)]) == 2  # no gold files
    (tmp_path / "x.gold.json").write_text("{not json", encoding="utf-8")
    assert ev.main(["--gold", str(tmp_path)]) == 2
    (tmp_path / "x.gold.json").write_text(json.dumps({"doc": "missing.txt"}), encoding="utf-8")
    assert ev.main(["--gold", str(tmp_path)]) == 2
    assert ev.main([]) == 2
    (tmp_path / "missing.txt").write_text("text", encoding="utf-8")
    for bad in (
        {"doc": "missing.txt", "published": "17 April"},
        {"doc": "missing.txt", "tariffs": [{"rate": 10}]},
        {"doc": "missing.txt", "events": [{"date": "2025-13-01", "participants": []}]},
        {"doc": "missing.txt", "statements": "none"},
    ):
        (tmp_path / "x.gold.json").write_text(json.dumps(bad), encoding="utf-8")
        assert ev.main(["--gold", str(tmp_path)]) == 2, bad
    assert "error" in capsys.readouterr().err


# --------------------------------------------------------------------------- floors on real runs


@pytest.fixture(scope="session")
def cached_extractor() -> ev.Extractor:
    """``tradefacts.extract`` memoised per (path, published): each article is parsed once."""
    cache: dict[tuple[str, str | None], ArticleFacts] = {}

    def run(path: Path, published: str | None) -> ArticleFacts:
        key = (str(path), published)
        if key not in cache:
            cache[key] = ev.default_extractor(path, published)
        return cache[key]

    return run


@pytest.fixture(scope="session")
def reports(nlp: object, cached_extractor: ev.Extractor) -> dict[str, ev.EvaluationReport]:
    return {
        "seeds": ev.evaluate(SEEDS_GOLD, extractor=cached_extractor),
        "own": ev.evaluate(OWN_GOLD, extractor=cached_extractor),
        "holdout": ev.evaluate(HOLDOUT_GOLD, extractor=cached_extractor),
    }


@pytest.mark.parametrize("gold_set", sorted(FLOORS))
def test_f1_floors(reports: dict[str, ev.EvaluationReport], gold_set: str) -> None:
    report = reports[gold_set]
    assert not [a.error for a in report.articles if a.error]
    reached = {t: s.f1 for t, s in report.totals.items()} | {"micro": report.micro.f1}
    below = {
        t: (round(reached[t], 3), floor)
        for t, floor in FLOORS[gold_set].items()
        if reached[t] < floor
    }
    assert not below, f"{gold_set}: F1 below floor (reached, floor): {below}"
    assert status_agreement(report) >= STATUS_FLOORS[gold_set]


def status_agreement(report: ev.EvaluationReport) -> float:
    """Share of the tariff hits whose status is the gold's."""
    agreed, checked = report.totals["tariffs"].slots.get("status", [0, 0])
    return agreed / checked if checked else 1.0


def test_dev_set_floors(nlp: object) -> None:
    if not DEV_GOLD.is_dir() or not DEV_TEXTS.is_dir() or not any(DEV_TEXTS.glob("*.txt")):
        pytest.skip(f"real dev texts not rebuilt in {DEV_TEXTS} (see ../shared/dev/README.md)")
    report = ev.evaluate(DEV_GOLD, texts_dir=DEV_TEXTS)
    assert not [a.error for a in report.articles if a.error]
    reached = {t: s.f1 for t, s in report.totals.items()} | {"micro": report.micro.f1}
    below = {t: (round(reached[t], 3), f) for t, f in DEV_FLOORS.items() if reached[t] < f}
    assert not below, f"dev: F1 below floor (reached, floor): {below}"
    assert status_agreement(report) >= STATUS_FLOORS["dev"]
    manifest = json.loads((DEV_GOLD.parent / "manifest.json").read_text(encoding="utf-8"))
    fold_of = {f"{entry['id']}.txt": entry["fold"] for entry in manifest}
    by_fold: dict[str, list[int]] = {}
    for article in report.articles:
        score = article.scores["tariffs"]
        counts = by_fold.setdefault(fold_of[article.doc], [0, 0, 0])
        counts[0], counts[1], counts[2] = (
            counts[0] + score.tp,
            counts[1] + score.fp,
            counts[2] + score.fn,
        )
    f1 = {fold: 2 * tp / (2 * tp + fp + fn) for fold, (tp, fp, fn) in by_fold.items()}
    assert set(f1) == {"A", "B"}
    assert abs(f1["A"] - f1["B"]) <= DEV_FOLD_GAP, f"tariff F1 by fold: {f1}"


def test_record_floors(reports: dict[str, ev.EvaluationReport]) -> None:
    results = {r.label: r for r in reports["seeds"].records}
    assert set(results) == {"with dates", "without dates"}
    for label in results:
        floor = RECORD_FLOORS[label]
        if floor:
            assert results[label].available, results[label].error
        passed = results[label].passed
        assert passed >= floor, (label, passed, floor)


# --------------------------------------------------------------------------- same event


@pytest.fixture(scope="session")
def seed_facts(reports: dict[str, ev.EvaluationReport], cached_extractor: ev.Extractor) -> list:
    """The seeds as extracted for the evaluation (cache hits: same path and date)."""
    return [cached_extractor(Path(a.text_path), a.published) for a in reports["seeds"].articles]


@pytest.fixture(scope="session")
def same_event_facts(cached_extractor: ev.Extractor) -> list[ArticleFacts]:
    paths = sorted(SAME_EVENT.glob("*.txt"))
    assert len(paths) == 2
    return [cached_extractor(p, SAME_EVENT_PUBLISHED) for p in paths]


def test_same_event_articles_add_sources_without_duplicating_facts(
    seed_facts: list[ArticleFacts], same_event_facts: list[ArticleFacts]
) -> None:
    merge = ev.default_merger()
    assert merge is not None, "tradefacts.merge is not available"
    gold = json.loads((SEEDS_GOLD / "record.gold.json").read_text(encoding="utf-8"))
    before = ev.score_record(gold, merge(seed_facts), "seeds")
    record = merge(seed_facts + same_event_facts)
    after = ev.score_record(gold, record, "seeds+same_event")
    lost = [
        b.name
        for b, a in zip(before.checks, after.checks, strict=True)
        if b.passed and not a.passed and b.name.startswith(("tariff", "statement", "money"))
    ]
    assert not lost, f"adding two articles on the same talks broke: {lost}"
    assert after.passed >= RECORD_FLOORS["seeds+same_event"], after.checks
    new_docs = {f.doc_id for f in same_event_facts}
    names = ev.EntityNames.of(record.entities)
    for must in gold["statements_must"][:2]:  # Trump's post and Ishiba's quote: in both
        found = [st for st in record.statements if ev.statement_matches(must, st, names)]
        assert len(found) == 1, (must["contains"], [st.text for st in found])
        assert new_docs <= set(found[0].sources), (must["contains"], found[0].sources)


def test_text_lookup_prefers_texts_dir_then_gold_folder_then_repo_seeds(tmp_path: Path) -> None:
    gold_dir, texts = tmp_path / "gold", tmp_path / "texts"
    gold_dir.mkdir()
    texts.mkdir()
    gold_path = gold_dir / "a.gold.json"
    seed_name = sorted(p.name for p in ev.REPO_SEEDS.glob("*.txt"))[0]
    assert ev.find_text(gold_path, seed_name, texts) == ev.REPO_SEEDS / seed_name
    (gold_dir / seed_name).write_text("beside", encoding="utf-8")
    assert ev.find_text(gold_path, seed_name, texts) == gold_dir / seed_name
    (texts / seed_name).write_text("given", encoding="utf-8")
    assert ev.find_text(gold_path, seed_name, texts) == texts / seed_name
    with pytest.raises(ev.GoldError):
        ev.find_text(gold_path, "no_such_article.txt", texts)


def test_status_and_type_agreement_is_reported_but_not_scored() -> None:
    import datetime as dt

    gold = {
        "tariffs": [
            {"rate": 24, "imposer": "USA", "target": "JPN", "products": [], "status": "paused"},
            {"rate": 10, "imposer": "USA", "target": "JPN", "products": [], "status": "in_effect"},
        ],
        "events": [
            {"type": "meeting", "date": "2025-05-08", "participants": ["GBR"], "status": "occurred"}
        ],
    }
    predicted = facts(
        tariffs=(
            TariffRate(rate_percent=24, imposer="USA", target="JPN", status="in_effect"),
            TariffRate(rate_percent=10, imposer="USA", target="JPN", status="in_effect"),
        ),
        events=(
            TradeEvent(
                type="visit",
                date=dt.date(2025, 5, 8),
                participants=("country:GBR",),
                status="occurred",
            ),
        ),
    )
    result = scores(gold, predicted)
    assert counts(result["tariffs"]) == (2, 0, 0)
    assert result["tariffs"].slots == {"status": [1, 2]}
    assert result["events"].slots == {"type": [0, 1], "status": [1, 1]}
    assert "status in_effect (gold paused)" in result["tariffs"].slot_diffs[0]
