"""The tariff-role re-ranker (issue 24): candidates, decoding, the shipped data file."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from tariff_support import annotate

from tradefacts.pipeline.tariffs import roles_model
from tradefacts.pipeline.tariffs.roles_model import RolesModel


@pytest.fixture
def model_override():
    """Set ``roles_model.active_model`` for one test and restore it."""

    def use(model: RolesModel | None) -> None:
        roles_model.active_model = model

    yield use
    roles_model.active_model = None


def sides(nlp, text: str) -> set[tuple[float, str | None, str | None]]:
    return {(t.rate_percent, t.imposer, t.target) for t in annotate(nlp, text)._.tariffs}


def shipped() -> dict:
    ref = resources.files("tradefacts.pipeline").joinpath("data/tariff_roles.json")
    return json.loads(ref.read_text(encoding="utf-8"))


def test_shipped_model_is_enabled_only_when_it_wins_by_cross_validation_and_on_both_folds():
    data = shipped()
    folds = data["folds"].values()
    assert len(folds) == 2
    wins = all(f["model_f1"] > f["rules_f1"] for f in folds)
    assert data["enabled"] == (data["cv_f1"] > data["cv_rules_f1"] and wins)
    assert data["mode"] in {"fill", "full"}
    assert data["fields"] in {"both", "imposer", "target"}
    assert 0.0 < data["threshold"] <= 1.0 and data["margin"] >= 0.0
    assert data["weights"] or data["trees"]
    assert all(isinstance(v, float) for v in data["weights"].values())
    model = RolesModel.from_json(data)
    assert 0.0 < model.probability({"rule_pair": 1.0, "imposer_default": 1.0}) < 1.0


def tree_features(tree) -> set[str]:
    if not isinstance(tree, list):
        return set()
    return {tree[0]} | tree_features(tree[2]) | tree_features(tree[3])


def test_features_stay_within_the_model_vocabulary(nlp):
    seen: set[str] = set()

    def record(ctx, pspan, reading, candidates):
        for c in candidates:
            seen.update(c.features)

    roles_model.recorder = record
    try:
        for text in (
            "Canada imposed a 25% tariff on American steel, Ottawa said.",
            "Tariffs on Vietnamese shoes will rise to 46%, while Japan faces 24%.",
            "The 10% rate secured by Britain applies to cars shipped to the United States.",
        ):
            annotate(nlp, text)
    finally:
        roles_model.recorder = None
    vocabulary = roles_model.feature_names()
    assert seen and seen <= vocabulary
    assert set(shipped()["weights"]) <= vocabulary
    assert set().union(*map(tree_features, shipped()["trees"])) <= vocabulary


def test_candidates_pair_every_country_of_the_sentence_and_every_partner(nlp):
    pairs: list[tuple[str, str | None]] = []

    def record(ctx, pspan, reading, candidates):
        pairs.extend((c.imposer, c.target) for c in candidates)

    roles_model.recorder = record
    try:
        annotate(nlp, "Mexico said Canada would face a 30% levy on its lumber.")
    finally:
        roles_model.recorder = None
    assert {("MEX", "CAN"), ("CAN", "MEX"), ("MEX", None), ("CAN", None)} <= set(pairs)
    assert all(imposer != target for imposer, target in pairs)


def test_a_model_decides_the_sides_the_clause_leaves_out(nlp, model_override):
    text = "A 30% levy will apply from Monday, Mexico and Canada said."
    weights = {"target_every_partner": 6.0}
    model_override(RolesModel(weights, 0.0, 0.9, "fill"))
    assert {target for _, _, target in sides(nlp, text)} == {None}


def test_fill_mode_keeps_sides_the_clause_states(nlp, model_override):
    text = "Canada imposed a 25% tariff on American steel."
    model_override(RolesModel({"target_every_partner": 9.0, "imposer_default": 9.0}, 0.0, 0.9))
    assert sides(nlp, text) == {(25.0, "CAN", "USA")}


def test_fill_mode_keeps_every_partner_when_the_scope_says_so(nlp, model_override):
    text = "The United States will impose a 20% tariff on all imports, Ghana said."
    to_ghana = {"target_in_sentence": 9.0, "target_every_partner": -9.0}
    model_override(RolesModel(to_ghana, 0.0, 0.9, "fill"))
    assert sides(nlp, text) == {(20.0, "USA", None)}
    model_override(RolesModel(to_ghana, 0.0, 0.9, "full"))
    assert sides(nlp, text) == {(20.0, "USA", "GHA")}


def test_kept_measures_keep_every_partner_for_a_baseline_rate(nlp, model_override):
    text = "The United States kept its 10% baseline tariff, officials in Ghana said."
    to_ghana = {"target_in_sentence": 9.0, "target_every_partner": -9.0}
    model_override(RolesModel(to_ghana, 0.0, 0.9, "fill"))
    assert sides(nlp, text) == {(10.0, "USA", "GHA")}
    model_override(RolesModel(to_ghana, 0.0, 0.9, "fill", kept_measures=("baseline",)))
    assert sides(nlp, text) == {(10.0, "USA", None)}
    assert RolesModel.from_json(
        {"bias": 0, "threshold": 1, "kept_measures": ["baseline", "sectoral"]}
    ).kept_measures == ("baseline", "sectoral")


def test_fill_mode_keeps_every_partner_for_an_average_rate(nlp, model_override):
    text = "Ghana's trade minister met US officials. Ghana's average tariff is 7.5%, he said."
    to_us = {"target_default": 9.0, "target_every_partner": -9.0}
    model_override(RolesModel(to_us, 0.0, 0.9, "fill"))
    assert sides(nlp, text) == {(7.5, "GHA", None)}
    model_override(RolesModel(to_us, 0.0, 0.9, "full"))
    assert sides(nlp, text) == {(7.5, "GHA", "USA")}


def test_a_fallback_target_of_the_sentence_gives_way_only_within_the_sentence(nlp, model_override):
    text = (
        "Chile welcomed the order. Chile's minister flew to Washington. Chile's exports rose. "
        "Rival exporter Norway is still waiting on an order covering a similar agreement with "
        "the United States, including a 15% tariff on U.S. imports from automakers like Volvo."
    )
    assert sides(nlp, text) == {(15.0, "USA", "NOR")}  # the rules: the sentence's exporter
    to_focus = {"target_top": 9.0, "target_every_partner": 4.0}
    model_override(RolesModel(to_focus, 0.0, 1.0, "fill"))
    assert sides(nlp, text) == {(15.0, "USA", None)}  # not Chile, named only before
    model_override(RolesModel(to_focus, 0.0, 1.0, "full"))
    assert sides(nlp, text) == {(15.0, "USA", "CHL")}


def test_keep_sentence_fallback_holds_a_target_the_sentence_names(nlp, model_override):
    text = (
        "Korean carmakers were worried. "
        "Their cars will face 25% tariffs from Washington, officials in Seoul said."
    )
    assert sides(nlp, text) == {(25.0, "USA", "KOR")}  # the rules: a fallback of the sentence
    to_every = {"target_every_partner": 9.0}
    model_override(RolesModel(to_every, 0.0, 1.0, "fill"))
    assert sides(nlp, text) == {(25.0, "USA", None)}
    model_override(RolesModel(to_every, 0.0, 1.0, "fill", keep_sentence_fallback=True))
    assert sides(nlp, text) == {(25.0, "USA", "KOR")}
    assert RolesModel.from_json(
        {"bias": 0, "threshold": 1, "keep_sentence_fallback": True}
    ).keep_sentence_fallback


def test_full_mode_may_overrule_a_stated_side(nlp, model_override):
    text = "Canada imposed a 25% tariff on American steel."
    model_override(RolesModel({"target_every_partner": 9.0}, 0.0, 0.9, "full"))
    assert {target for _, _, target in sides(nlp, text)} == {None}


def test_further_targets_of_the_best_imposer_need_the_threshold(nlp, model_override):
    text = "The United States will put 25% tariffs on Canada, Mexico said."
    assert sides(nlp, text) == {(25.0, "USA", "CAN")}  # the rules
    weights = {"rule_pair": 6.0, "target_in_sentence": 3.0}
    model_override(RolesModel(weights, -2.0, 0.5, "full"))
    assert sides(nlp, text) == {(25.0, "USA", "CAN"), (25.0, "USA", "MEX")}
    model_override(RolesModel(weights, -2.0, 0.9999, "full"))
    assert sides(nlp, text) == {(25.0, "USA", "CAN")}


def test_further_targets_are_named_in_the_sentence_or_the_one_before(nlp, model_override):
    text = (
        "Chile welcomed the talks. Chile's minister flew to Washington. Chile's copper sold well. "
        "Markets were calm on Friday. "
        "The United States will put 25% tariffs on Canada, Mexico said."
    )
    weights = {"rule_pair": 6.0, "target_in_sentence": 3.0, "target_top": 3.0}
    model_override(RolesModel(weights, -2.0, 0.5, "full"))
    # Chile, the article's most-named country, scores as high but is named sentences earlier
    assert sides(nlp, text) == {(25.0, "USA", "CAN"), (25.0, "USA", "MEX")}


def test_the_model_is_plain_arithmetic_over_named_features():
    model = RolesModel({"a": 2.0, "b": -1.0}, 0.5, 0.5)
    assert model.probability({}) == pytest.approx(1 / (1 + 2.718281828459045**-0.5))
    assert model.probability({"a": 1.0, "b": 1.0, "unknown": 5.0}) == pytest.approx(
        1 / (1 + 2.718281828459045**-1.5)
    )
    assert RolesModel.from_json({"weights": {"a": 1}, "bias": 0, "threshold": 0.3}).mode == "fill"


def test_trees_add_the_leaves_each_tree_reaches():
    trees = (["a", 0.5, -1.0, ["b", 2.0, 0.5, 2.0]], 0.25)
    model = RolesModel({}, 0.0, 0.5, trees=trees)
    logistic = RolesModel({"a": 10.0}, 0.0, 0.5)  # trees replace the weights when present

    def sigmoid(z: float) -> float:
        return 1 / (1 + 2.718281828459045**-z)

    assert model.probability({}) == pytest.approx(sigmoid(-1.0 + 0.25))
    assert model.probability({"a": 1.0, "b": 2.0}) == pytest.approx(sigmoid(0.5 + 0.25))
    assert model.probability({"a": 1.0, "b": 3.0}) == pytest.approx(sigmoid(2.0 + 0.25))
    assert logistic.probability({"a": 1.0}) > 0.99
    data = {"bias": 0.1, "threshold": 0.9, "trees": [["a", 0.5, -1.0, 1.0]], "margin": 0.2}
    loaded = RolesModel.from_json(data)
    assert (loaded.margin, loaded.fields, loaded.weights) == (0.2, "both", {})


def test_the_rules_stand_unless_the_model_beats_them_by_the_margin(nlp, model_override):
    text = "Canada imposed a 25% tariff on American steel."
    weights = {"target_every_partner": 6.0}  # p(every partner) 0.998 vs the rules' pair 0.5
    model_override(RolesModel(weights, 0.0, 1.0, "full", margin=0.4))
    assert sides(nlp, text) == {(25.0, "CAN", None)}
    model_override(RolesModel(weights, 0.0, 1.0, "full", margin=0.6))
    assert sides(nlp, text) == {(25.0, "CAN", "USA")}


def test_fields_limit_the_side_the_model_may_change(nlp, model_override):
    text = "Canada imposed a 25% tariff on American steel, Mexico said."
    weights = {"rule_imposer": -9.0, "target_every_partner": 9.0}
    model_override(RolesModel(weights, 0.0, 1.0, "full", fields="imposer"))
    assert sides(nlp, text) == {(25.0, "MEX", "USA")}
    model_override(RolesModel(weights, 0.0, 1.0, "full", fields="target"))
    assert sides(nlp, text) == {(25.0, "CAN", None)}
    model_override(RolesModel(weights, 0.0, 1.0, "full", fields="both"))
    assert {(imposer, target) for _, imposer, target in sides(nlp, text)} <= {
        ("MEX", None),
        ("USA", None),
    }


def features_of(nlp, text: str) -> dict[tuple[str, str | None], dict[str, float]]:
    """The candidates' features of the text's first rate, by (imposer, target)."""
    found: list[dict[tuple[str, str | None], dict[str, float]]] = []

    def record(ctx, pspan, reading, candidates):
        found.append({(c.imposer, c.target): c.features for c in candidates})

    roles_model.recorder = record
    try:
        annotate(nlp, text)
    finally:
        roles_model.recorder = None
    assert found, text
    return found[0]


def test_scope_words_of_the_rate_speak_for_every_partner(nlp):
    feats = features_of(
        nlp,
        "Britain is the only country spared the global 50% tariff the United States put on steel.",
    )
    assert feats[("USA", None)]["every_partner_scope_words"] == 1.0
    assert feats[("USA", None)]["every_partner_products"] == 1.0
    assert feats[("USA", "GBR")]["target_exempted"] == 1.0
    plain = features_of(nlp, "The United States put a 25% tariff on Canadian lumber.")
    assert plain[("USA", None)].get("every_partner_scope_words", 0.0) == 0.0


def test_a_relative_clause_holding_the_rate_names_its_target(nlp):
    feats = features_of(
        nlp, "Washington signed deals with Peru and Chile, which will face 12% tariffs on exports."
    )
    assert feats[("USA", "CHL")]["target_antecedent_of_rate_clause"] == 1.0
    assert feats[("USA", None)].get("target_antecedent_of_rate_clause", 0.0) == 0.0


def test_an_addressed_partner_in_a_quote_is_the_articles_focus(nlp):
    text = (
        "Norway's prime minister spoke with Trump about tariffs on Norway. "
        "Trump said: \u201cYou want to pay 1% tariffs.\u201d"
    )
    feats = features_of(nlp, text)
    focus = feats[("USA", "NOR")]
    assert focus["target_focus"] == 1.0
    assert focus["target_focus_addressed"] == 1.0 and focus["target_focus_in_quote"] == 1.0
    assert feats[("USA", None)]["every_partner_addressed"] == 1.0


def test_a_country_named_only_in_what_is_bought_is_no_target(nlp):
    text = (
        "Washington put a 20% tariff on Brazil, with another 20% levy over its purchases of "
        "Venezuelan oil, taking the total to 40%."
    )
    feats = features_of(nlp, text)
    assert not any("VEN" in pair for pair in feats)  # the seller of what is bought: no side
    assert feats[("USA", "BRA")]["target_only_in_purchased_goods"] == 0.0
    buyer = features_of(nlp, "Brazil's purchases of oil drew a 20% tariff from Washington.")
    assert buyer[("USA", "BRA")]["target_only_in_purchased_goods"] == 0.0
