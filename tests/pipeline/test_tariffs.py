"""tf_tariffs: numeric tariffs with imposer, target, products, status, qualifier and measure."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from tariff_support import annotate, stub_mentions, stub_percents

from tradefacts.models import Quantity, TariffRate
from tradefacts.pipeline.document import register_extensions
from tradefacts.pipeline.tariffs import find_tariffs, tables
from tradefacts.pipeline.tariffs import tariffs as tariffs_component

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold"


def facts(nlp, text: str) -> list[TariffRate]:
    return list(annotate(nlp, text)._.tariffs)


def only(nlp, text: str) -> TariffRate:
    found = facts(nlp, text)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- the brief's cases


def test_hit_with_levies_on_exports_to(nlp):
    t = only(nlp, "Japan has been hit with 24% levies on its exports to the United States.")
    assert (t.rate_percent, t.imposer, t.target) == (24.0, "USA", "JPN")


def test_possessive_imposer_and_target_goods(nlp):
    t = only(nlp, "China's 125 per cent tariffs on US goods took effect on Saturday.")
    assert (t.rate_percent, t.imposer, t.target, t.products) == (125.0, "CHN", "USA", ())


def test_average_import_tax(nlp):
    t = only(nlp, "Japan has long maintained low import tax rates, averaging 1.9%, analysts say.")
    assert (t.imposer, t.target, t.measure, t.qualifier) == ("JPN", None, "average", "average")


def test_products_governed_by_tariff_phrase(nlp):
    t = only(
        nlp,
        "The US has already imposed a 25 per cent tariff on Japanese cars, steel and aluminium.",
    )
    assert (t.imposer, t.target, t.status) == ("USA", "JPN", "in_effect")
    assert set(t.products) == {"automobiles", "steel", "aluminum"}
    assert t.measure == "sectoral"


def test_claimed_rate_disputed(nlp):
    t = only(
        nlp,
        "Trump lambasted Japan for what he said was a 700% tariff on rice, "
        "a figure Tokyo disputes.",
    )
    assert t.imposer == "JPN" and t.target in (None, "USA")
    assert t.products == ("rice",) and t.status == "claimed"


def test_up_to_with_dominant_imposer(nlp):
    text = (
        "US tariffs have rattled markets. Washington imposed new duties this month. "
        "The tariffs targeted many nations, with China hit the hardest, "
        "facing levies of up to 145%."
    )
    t = only(nlp, text)
    assert (t.rate_percent, t.imposer, t.target, t.qualifier) == (145.0, "USA", "CHN", "up_to")


def test_baseline_rate_uses_article_imposer(nlp):
    text = (
        "Donald Trump's tariffs hit dozens of countries. "
        "A 10% universal rate remains in place for most partners."
    )
    t = only(nlp, text)
    assert (t.imposer, t.target, t.measure, t.status) == ("USA", None, "baseline", "in_effect")


def test_retaliatory(nlp):
    t = only(nlp, "Canada imposed retaliatory 25% tariffs on US steel.")
    assert (t.imposer, t.target, t.products, t.measure) == ("CAN", "USA", ("steel",), "retaliatory")


def test_retaliation_named_for_another_tariff_is_not_this_rates_measure(nlp):
    # "retaliatory" modifies the other side's tariffs, not the duties that carry the rate
    text = (
        "Ghana vowed retaliatory tariffs against Kenya after Nairobi's decision to impose "
        "30% duties on cocoa imports."
    )
    t = only(nlp, text)
    assert (t.rate_percent, t.measure) == (30.0, "sectoral")
    text = "Peru responded with retaliatory tariffs of 20% on Chilean wine."
    assert only(nlp, text).measure == "retaliatory"


def test_a_scope_adjective_of_another_noun_is_not_the_rates_measure(nlp):
    # "global" describes the reset, not the levy: the rate is Kenya's, not every partner's
    text = (
        "The 30% import levy - among the highest under Washington's global trade reset - took "
        "effect at midnight, Kenyan officials said."
    )
    t = only(nlp, text)
    assert (t.measure, t.target) == ("other", "KEN")
    assert only(nlp, "Washington set a global 10% tariff on all imports.").measure == "baseline"


def test_threatened(nlp):
    t = only(nlp, "The EU threatened 50% duties on American whiskey.")
    assert (t.imposer, t.target, t.products, t.status) == ("EUU", "USA", ("whiskey",), "threatened")


# --------------------------------------------------------------------------- statuses


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Washington suspended the 20% tariffs on EU goods for 90 days.", "paused"),
        (
            "Japan currently faces 24% levies on its exports to the United States, though these "
            "have been paused for 90 days.",
            "paused",
        ),
        ("Trump lifted the 25% tariff on Canadian energy.", "removed"),
        ("Ottawa announced a 25 percent surcharge on American steel.", "announced"),
        (
            "India has proposed cutting its tariffs on American motorcycles to 30 per cent.",
            "proposed",
        ),
        ("Mexico is considering a 15pc duty on Chinese cars.", "proposed"),
        ("Korean carmakers could face a 25 percent levy in the United States.", "threatened"),
        ("A 10% baseline tariff remains in effect for British goods.", "in_effect"),
        (
            "Trump claims the EU charges a 39% tariff on American cars, a figure Brussels denies.",
            "claimed",
        ),
    ],
)
def test_status(nlp, text, status):
    assert only(nlp, text).status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Peruvian avocados will face a 20% tariff in Chile.", "announced"),
        ("The plan will see fresh duties of 15% imposed on Kenyan tea.", "announced"),
        ("Peruvian avocados face a 20% tariff in Chile.", "in_effect"),
        ("The US set a 19 per cent levy on imports from Ghana after the talks.", "announced"),
        ("Chile imposed a 20% tariff on Peruvian avocados.", "in_effect"),
        ("Peruvian avocados will now be facing a 20% tariff in Chile.", "announced"),
        ("Peruvian avocados now face a 20% tariff in Chile.", "in_effect"),
        ("Peruvian avocados will still face a 20% tariff in Chile.", "in_effect"),
    ],
)
def test_a_verb_cue_in_a_future_clause_announces_the_rate(nlp, text, status):
    assert only(nlp, text).status == status


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("Kenya's 25% tariff on Ghanaian cocoa has been reduced to 15%.", "removed", "in_effect"),
        ("Kenya's 25% tariff on Ghanaian cocoa will be lowered to 15% in May.", "in_effect",
         "announced"),
        ("Kenya's tariffs on Ghanaian cocoa, which were scheduled to take effect at 25% on May 1, "
         "have been cut to 15%.", "removed", "announced"),
    ],
)  # fmt: skip
def test_the_rate_in_the_subject_of_a_change_to_a_new_rate(nlp, text, old, new):
    found = {t.rate_percent: t.status for t in facts(nlp, text)}
    assert found == {25.0: old, 15.0: new}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ghanaian cocoa will also be subjected to a 30% levy in Kenya.", "announced"),
        ("Kenyan tea shipped to Ghana will soon pay a 12% duty.", "announced"),
        ("Kenya's tariffs on Ghanaian cocoa will go up to 50% within a week.", "announced"),
        ("Ghana will axe its 20% tariff on Kenyan tea.", "in_effect"),
        ("Ghana's 12% tariff on Kenyan tea will go to zero.", "in_effect"),
        ("Ghana's 10% tariff on Kenyan tea will continue.", "in_effect"),
        ("Ghana will not impose a 25% tariff on Kenyan tea.", "in_effect"),
        ("Ghana's duty on Kenyan tea will not exceed 15%.", "announced"),
    ],
)
def test_a_rate_of_a_will_clause_without_a_cue_word_is_announced(nlp, text, status):
    assert only(nlp, text).status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ruto claimed that the 30% tariff on Ghanaian cocoa is not nearly enough.", "in_effect"),
        ("Ruto claims Ghana charges a 30% tariff on Kenyan tea.", "claimed"),
    ],
)
def test_a_claim_about_a_definite_rate_does_not_put_its_existence_in_doubt(nlp, text, status):
    assert only(nlp, text).status == status


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        (
            "Chile raised its tariff on Peruvian avocados to 30 per cent, up from the 20 per cent "
            "imposed in March.",
            {30.0: "in_effect", 20.0: "removed"},
        ),
        ("The tariff on Kenyan tea was cut from 39% to 15% last week.", {39.0: "removed"}),
        (
            "Ghana said its tariff on Nigerian cement will be reduced to 15% from 39%.",
            {15.0: "announced", 39.0: "in_effect"},
        ),
        (
            "The 45 per cent duties on Nigerian cement, up from 30 per cent, will apply from "
            "Saturday, Ghana said.",
            {30.0: "in_effect"},
        ),
        ("Ghana's tariffs ranging from 10% to 50% hit Nigerian goods.", {10.0: "in_effect"}),
        (
            "Ghana has proposed raising tariffs on Nigerian cars to 50%, from 20% now.",
            {50.0: "proposed", 20.0: "in_effect"},  # proposed: no change yet
        ),
        (
            "Ghana and Kenya agreed to set tariffs on Kenyan goods at 15 percent, down from the 25 "
            "percent rate Ghana had threatened to apply from Friday.",
            {15.0: "announced", 25.0: "threatened"},  # the threat is the old rate's
        ),
        (
            "The tariff rate for Kenyan tea will be raised from the current 10 percent to 25 "
            "percent.",
            {10.0: "in_effect", 25.0: "announced"},
        ),
    ],
)
def test_the_rate_a_change_starts_from_is_removed_once_the_change_happened(nlp, text, rates):
    found = {t.rate_percent: t.status for t in facts(nlp, text)}
    assert {rate: found.get(rate) for rate in rates} == rates


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Trump announced an agreement with Kenya that would levy 15 per cent duties on its "
            "tea.",
            "announced",
        ),
        (
            "Ghana and the US reached a trade agreement under which the US would impose a 20% "
            "tariff on Ghanaian cocoa.",
            "announced",
        ),
        ("The deal would impose a 15% tariff on Kenyan tea.", "announced"),
        ("Trump said he would impose a 15% tariff on Kenyan tea.", "threatened"),
    ],
)
def test_would_levy_in_a_clause_of_an_agreement_is_the_agreed_rate(nlp, text, status):
    assert only(nlp, text).status == status


def test_clause_split_statuses(nlp):
    found = facts(
        nlp,
        "Japan was granted a 90-day reprieve from a looming 24% across-the-board tariff, "
        "though a 10% baseline tariff remains in effect.",
    )
    by_rate = {t.rate_percent: t for t in found}
    assert by_rate[24.0].status == "paused" and by_rate[24.0].target == "JPN"
    assert by_rate[10.0].status == "in_effect" and by_rate[10.0].measure == "baseline"


# --------------------------------------------------------------------------- varied phrasings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Beijing slapped 84% tariffs on American goods in response to Washington's move.",
            (84.0, "CHN", "USA"),
        ),
        (
            "The European Commission proposed 25% countermeasures on US motorcycles.",
            (25.0, "EUU", "USA"),
        ),
        ("Washington raised tariffs on Chinese goods to 145%.", (145.0, "USA", "CHN")),
        (
            "South Korea's exports of cars face a 25pc levy in the United States.",
            (25.0, "USA", "KOR"),
        ),
        ("British exports face a 10 percent tariff in America.", (10.0, "USA", "GBR")),
        (
            "Mexico's President Claudia Sheinbaum said her government would impose 30% tariffs "
            "on US pork.",
            (30.0, "MEX", "USA"),
        ),
        ("Trump said he would hit Canada with a 35% tariff from August 1.", (35.0, "USA", "CAN")),
        ("India levies an average tariff of about 17% on imports.", (17.0, "IND", None)),
        (
            "Vietnam was hit with a 46 per cent duty by the Trump administration.",
            (46.0, "USA", "VNM"),
        ),
        ("The UK will cut its tariff on American beef to 10%.", (10.0, "GBR", "USA")),
    ],
)
def test_imposer_and_target(nlp, text, expected):
    t = only(nlp, text)
    assert (t.rate_percent, t.imposer, t.target) == expected


def test_range_gives_both_ends(nlp):
    found = facts(nlp, "Mexico is considering tariffs of between 10% and 20% on Chinese cars.")
    assert sorted(t.rate_percent for t in found) == [10.0, 20.0]
    assert all(t.imposer == "MEX" and t.target == "CHN" for t in found)
    assert all(t.products == ("automobiles",) for t in found)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("China imposed levies of up to 125% on US goods.", "up_to"),
        ("The US duty on Chinese EVs is as high as 100%.", "up_to"),
        ("Canada's dairy tariffs average 250%.", "average"),
        ("The EU charges tariffs of about 10% on American cars.", "approximately"),
        ("The EU charges a 10% tariff on American cars.", "exact"),
    ],
)
def test_qualifier(nlp, text, qualifier):
    assert only(nlp, text).qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "Following the talks, the dollar rose approximately 0.5% against the yen.",
        "Japan currently spends around 1.8% of its GDP on defense amid tariff talks.",
        "Shares in IHI rose 5 per cent as tariff fears eased.",
        "The STOXX 600 fell 0.7 percent after the tariff announcement.",
        "Tariffs could shave 0.5% off growth this year.",
        "Economists said tariffs would raise consumer prices by 2.3%.",
        "Tariff revenue rose 20% in March.",
        "The ruling party won 52% of the vote despite the tariff row.",
        "Inflation rose 2.4% as tariffs bit.",
        "About 25% of imports are covered by the tariffs.",
        "The interest rate stays at 4.5% while tariff talks continue.",
    ],
)
def test_percents_that_are_not_tariffs(nlp, text):
    assert facts(nlp, text) == []


def test_evidence_is_grounded_sentence(nlp):
    text = "Talks went on.\nCanada imposed retaliatory 25% tariffs on US steel. Markets fell."
    doc = annotate(nlp, text)
    (t,) = doc._.tariffs
    (ev,) = t.evidence
    assert (
        text[ev.start : ev.end] == ev.text == "Canada imposed retaliatory 25% tariffs on US steel."
    )


def test_same_fact_twice_is_one_fact_with_two_evidences(nlp):
    text = (
        "Canada imposed 25% tariffs on US steel. "
        "Ottawa said the 25% tariffs on US steel were a response to Washington."
    )
    found = facts(nlp, text)
    assert len(found) == 1
    assert len(found[0].evidence) == 2


# --------------------------------------------------------------------------- scoring


def _matches(gold: dict, pred: TariffRate) -> bool:
    from tradefacts.evaluation import tariff_matches

    return tariff_matches(gold, pred)


def _f1(pairs: list[tuple[list[TariffRate], list[dict]]]) -> float:
    from tradefacts.evaluation import match_one_to_one

    tp = fp = fn = 0
    for preds, gold in pairs:
        pairing = match_one_to_one(preds, gold, _matches)
        hit = set(pairing.values())
        tp += sum(1 for g in hit if not gold[g].get("optional"))
        fn += sum(1 for g, item in enumerate(gold) if g not in hit and not item.get("optional"))
        fp += len(preds) - len(pairing)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


OWN_ARTICLES = [
    (
        "Britain and the United States are still negotiating. British exports face a 10% "
        "baseline tariff, while UK carmakers were hit with a 25% levy on cars. London has not "
        "retaliated, and the pound fell 0.4% on the news.",
        [
            {"rate": 10, "imposer": "USA", "target": ["GBR", None]},
            {"rate": 25, "imposer": "USA", "target": "GBR", "products": ["automobiles"]},
        ],
    ),
    (
        "China hit back on Friday. Beijing said it would raise its tariffs on US goods to 125%, "
        "after Washington lifted its own levies on Chinese imports to 145 per cent. China's "
        "exports grew 12.4% in March.",
        [
            {"rate": 125, "imposer": "CHN", "target": "USA"},
            {"rate": 145, "imposer": "USA", "target": "CHN"},
        ],
    ),
    (
        "The European Union unveiled countermeasures worth 21 billion euros. The bloc plans "
        "25% duties on American motorcycles and soybeans, and threatened 50% tariffs on US "
        "whiskey. EU officials said the duties of 25 percent could be paused if talks progress.",
        [
            {"rate": 25, "imposer": "EUU", "target": "USA", "products": ["motorcycles"]},
            {"rate": 50, "imposer": "EUU", "target": "USA", "products": ["whiskey"]},
            {"rate": 25, "imposer": "EUU", "target": "USA", "products": [], "optional": True},
        ],
    ),
    (
        "India has been hit with a 26% reciprocal tariff by Washington. New Delhi charges an "
        "average tariff of 17% on imports, and as much as 150% on alcohol, Trump said. Indian "
        "stocks slid 1.2%.",
        [
            {"rate": 26, "imposer": "USA", "target": "IND"},
            {"rate": 17, "imposer": "IND", "target": [None, "USA"]},
            {"rate": 150, "imposer": "IND", "target": [None, "USA"], "optional": True},
        ],
    ),
    (
        "Mexico and Canada face 25pc tariffs on goods that do not comply with the USMCA trade "
        "pact. Canadian Prime Minister Mark Carney said Ottawa would keep its 25% tariffs on US "
        "cars. Mexico's economy shrank 0.6% in the quarter.",
        [
            {"rate": 25, "imposer": "USA", "target": "MEX"},
            {"rate": 25, "imposer": "USA", "target": "CAN"},
            {"rate": 25, "imposer": "CAN", "target": "USA", "products": ["automobiles"]},
        ],
    ),
    (
        "Vietnam was hit with a 46 per cent levy, one of the steepest. Hanoi offered to cut its "
        "tariffs on US goods to zero. South Korea, meanwhile, faces a 25 percent tariff on its "
        "exports to the United States that has been paused until July.",
        [
            {"rate": 46, "imposer": [None, "USA"], "target": "VNM"},
            {"rate": 25, "imposer": "USA", "target": "KOR"},
        ],
    ),
]


def test_f1_on_own_articles(nlp):
    pairs = [(facts(nlp, text), gold) for text, gold in OWN_ARTICLES]
    assert _f1(pairs) >= 0.9


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold not available")
def test_f1_on_seeds(nlp, seed_paths):
    pairs = []
    for path in seed_paths:
        gold_path = GOLD / (path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text("utf-8"))
        pairs.append((facts(nlp, path.read_text("utf-8")), gold["tariffs"]))
    assert pairs
    assert _f1(pairs) >= 0.9


# --------------------------------------------------------------------------- robustness


def _bare_doc(nlp, text: str):
    """A tokenised doc without the parser (fast), with stub mentions and percents."""
    register_extensions()
    doc = nlp.make_doc(text)
    doc._.doc_id = "hostile"
    stub_percents(doc)
    stub_mentions(doc)
    return doc


@pytest.mark.parametrize(
    "text",
    [
        "tariff " * 30_000,
        "a 25% tariff on US steel, " * 3_000,
        "tariffs of " + "25% " * 5_000,
        '" ' * 100_000 + " tariffs of 25%",
        "",
        "🚨📈 25% 关税 tariff \u200f\u200e\u200b levy",
    ],
)
def test_hostile_input_is_fast_and_safe(nlp, text):
    doc = _bare_doc(nlp, text)
    start = time.perf_counter()
    found = tariffs_component(doc)._.tariffs
    assert time.perf_counter() - start < 10.0  # generous bound
    for t in found:
        for ev in t.evidence:
            assert text[ev.start : ev.end] == ev.text


def test_long_digit_run_percent(nlp):
    text = "1" * 100_000 + "% tariff"
    doc = _bare_doc(nlp, text)
    end = len(text) - len(" tariff")
    ev = {"doc_id": "hostile", "start": 0, "end": end, "text": text[:end]}
    doc._.quantities = [
        Quantity(kind="percent", value=1e15, unit="percent", text=text[:end], evidence=(ev,))
    ]
    start = time.perf_counter()
    tariffs_component(doc)
    assert time.perf_counter() - start < 10.0  # generous bound


def test_tables_load_once():
    assert tables() is tables()
    assert ("cars",) in tables().products and tables().products[("aluminium",)] == "aluminum"


def test_no_quantities_no_tariffs(nlp):
    doc = nlp.make_doc("Tariffs of 25% on steel.")
    register_extensions()
    doc._.quantities = []
    assert find_tariffs(doc) == []


# --------------------------------------------------------------------------- scope and roles


def test_on_phrase_hanging_off_the_rate(nlp):
    t = only(
        nlp,
        "Under the plan, duties of 35 per cent on Australian wine and beef, imposed by Beijing "
        "in 2020, will be lifted.",
    )
    assert t.target == "AUS" and set(t.products) == {"wine", "beef"}


def test_range_with_on_phrase_after_both_ends(nlp):
    found = facts(
        nlp,
        "Canada imposed provisional duties of between 12 per cent and 30 per cent "
        "on Brazilian beef.",
    )
    assert sorted(t.rate_percent for t in found) == [12.0, 30.0]
    assert all((t.imposer, t.target, t.products) == ("CAN", "BRA", ("beef",)) for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "The United States taxes many partners. Brazil is seeking relief from the 40 per cent "
        "duty on its coffee.",
        "The United States taxes many partners. Brazil won an exemption from the 40% duty on "
        "its coffee.",
    ],
)
def test_exemption_from_levy_marks_the_subject_as_target(nlp, text):
    t = only(nlp, text)
    assert (t.rate_percent, t.imposer, t.target, t.products) == (40.0, "USA", "BRA", ("coffee",))
    assert t.status == "in_effect"


def test_rate_on_goods_is_a_tariff_rate(nlp):
    t = only(nlp, "Officials said the rate on Vietnamese shoes will drop to 12 percent.")
    assert (t.rate_percent, t.target, t.products) == (12.0, "VNM", ("footwear",))


def test_rate_change_to_and_from(nlp):
    found = facts(
        nlp,
        "The US said the rate on Malaysian chips would be lowered to 15 percent from 30 percent.",
    )
    assert sorted(t.rate_percent for t in found) == [15.0, 30.0]
    assert all((t.imposer, t.target) == ("USA", "MYS") for t in found)


def test_elliptical_second_tariff_shares_the_sides(nlp):
    found = facts(
        nlp,
        "Beijing said a 20 per cent tariff will be applied to Canadian pork and beef, and a "
        "5 per cent tariff to cotton.",
    )
    by_rate = {t.rate_percent: t for t in found}
    assert set(by_rate[20.0].products) == {"pork", "beef"} and by_rate[20.0].target == "CAN"
    assert by_rate[5.0].products == ("cotton",) and by_rate[5.0].target == "CAN"


def test_subjects_securing_rates_in_a_deal_are_targets(nlp):
    found = facts(
        nlp,
        "India and Vietnam secured 18 percent rates for their textiles in deals with Washington.",
    )
    assert {t.target for t in found} == {"IND", "VNM"}
    assert all(t.imposer == "USA" and t.products == ("textiles",) for t in found)


def test_pronoun_subject_of_relative_clause_imposes(nlp):
    text = (
        "Donald Trump spoke to reporters on Monday. Malaysian exports will face a 19% levy, "
        "down from the 24% rate he had threatened in April."
    )
    by_rate = {t.rate_percent: t for t in facts(nlp, text)}
    assert (by_rate[24.0].imposer, by_rate[24.0].target) == ("USA", "MYS")


def test_trading_partner_fills_a_sectoral_target(nlp):
    text = (
        "Mexico's tariffs on Brazilian goods will fall under the new pact. "
        "Mexico will also cut its duty on coffee to 5 per cent."
    )
    by_rate = {t.rate_percent: t for t in facts(nlp, text)}
    assert (by_rate[5.0].imposer, by_rate[5.0].target, by_rate[5.0].products) == (
        "MEX",
        "BRA",
        ("coffee",),
    )


def test_appositive_after_on_phrase_is_not_a_target(nlp):
    text = (
        "Washington slapped a 41 percent tariff on Cambodian imports, one of the highest rates "
        "on any country and well above the 15 percent agreed by Japan."
    )
    assert {t.target for t in facts(nlp, text) if t.rate_percent == 41.0} == {"KHM"}


def test_compared_average_belongs_to_the_compared_country(nlp):
    text = (
        "Brazil's average tariff is about 11 per cent, compared with roughly 4 per cent for "
        "Australia, analysts said."
    )
    by_rate = {t.rate_percent: t for t in facts(nlp, text)}
    assert (by_rate[11.0].imposer, by_rate[11.0].target) == ("BRA", None)
    assert (by_rate[4.0].imposer, by_rate[4.0].target) == ("AUS", None)


def test_compared_rate_swaps_the_target(nlp):
    text = (
        "Washington imposed a 36 percent tariff on Cambodian goods, well above the 20 percent "
        "agreed by Vietnam."
    )
    by_rate = {t.rate_percent: t for t in facts(nlp, text)}
    assert (by_rate[36.0].imposer, by_rate[36.0].target) == ("USA", "KHM")
    assert (by_rate[20.0].imposer, by_rate[20.0].target) == ("USA", "VNM")


def test_comparison_without_a_country_is_not_a_tariff(nlp):
    found = facts(nlp, "Japan charges a 5% tariff on US beef, compared with 8% last year.")
    assert [t.rate_percent for t in found] == [5.0]
