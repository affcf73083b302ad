"""The tariff-role trainer (tools/train_tariff_roles.py): mention labels and the learners."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))

import train_tariff_roles as trainer  # noqa: E402
from tariff_corpus import SETS, Article, articles  # noqa: E402

from tradefacts.pipeline.tariffs.roles_model import Candidate, Reading, RolesModel  # noqa: E402


def article(tariffs: list[dict]) -> Article:
    return Article("x01", "train", "T", {"tariffs": tariffs}, "")


def tariff(imposer, target, products=(), optional=False) -> dict:
    return {"rate": 25, "imposer": imposer, "target": target, "products": list(products),
            "optional": optional}  # fmt: skip


def mention(gold: list[int], named: set[str], words: str) -> trainer.Mention:
    return trainer.Mention("x01", 0, "25%", gold, named, words)


def test_a_mention_of_the_only_gold_tariff_at_its_rate_refers_to_it():
    art = article([tariff("USA", "CAN")])
    assert trainer.derive_label(art, mention([0], set(), "")) == ([0], "only")


def test_gold_tariffs_with_the_same_sides_need_no_choice():
    art = article([tariff("USA", "CAN", ["steel"]), tariff("USA", "CAN", ["cars"])])
    assert trainer.derive_label(art, mention([0, 1], set(), "")) == ([0, 1], "same")


def test_the_sentence_names_the_countries_and_products_of_the_tariff_it_states():
    art = article([tariff("USA", "MEX"), tariff("USA", "CAN"), tariff("CHN", "USA", ["soybeans"])])
    words = "ottawa said the 25% duty on canadian lumber stays"
    assert trainer.derive_label(art, mention([0, 1, 2], {"CAN"}, words)) == ([1], "named")
    words = "beijing put a 25% tariff on american soybeans"
    assert trainer.derive_label(art, mention([0, 1, 2], {"CHN", "USA"}, words)) == ([2], "named")
    both = "25% tariffs on canada and mexico"
    assert trainer.derive_label(art, mention([0, 1, 2], {"CAN", "MEX"}, both)) == ([0, 1], "named")


def test_a_required_reading_is_kept_when_only_an_optional_one_is_named():
    art = article([tariff("USA", None, ["steel"]), tariff("USA", "JPN", ["steel"], True)])
    words = "the 25% tariff on steel from countries including japan"
    assert trainer.derive_label(art, mention([0, 1], {"JPN"}, words)) == ([0, 1], "all")


def test_undecidable_mentions_keep_every_gold_tariff_at_the_rate():
    art = article([tariff("USA", "MEX"), tariff("USA", "CAN")])
    assert trainer.derive_label(art, mention([0, 1], set(), "the 25% tariffs")) == (
        [0, 1],
        "all",
    )


def rate(article_id: str, pairs: list[tuple[str, str | None, dict, int]]) -> trainer.Rate:
    cands = [Candidate(i, t, f) for i, t, f, _ in pairs]
    return trainer.Rate(article_id, cands, [lab for *_, lab in pairs], Reading("USA", ["CAN"]))


def toy_rates() -> list[trainer.Rate]:
    out = []
    for n in range(12):
        stated = {"stated_target": 1.0, "target_share": n / 12}
        out.append(
            rate(
                f"a{n}",
                [
                    ("USA", "CAN", {"rule_pair": 1.0, **stated}, int(n % 4 != 0)),
                    ("USA", None, {"target_every_partner": 1.0}, int(n % 4 == 0)),
                    ("CAN", "USA", {"imposer_stated_as_target": 1.0}, 0),
                ],
            )
        )
    return out


def test_boosted_trees_are_deterministic_and_learn_the_labels():
    rates = toy_rates()
    first = trainer.fit_trees(rates, 20, 2, 0.3, "full")
    assert first == trainer.fit_trees(rates, 20, 2, 0.3, "full")
    trees, bias = first
    model = RolesModel({}, bias, 1.0, "full", trees=tuple(trees))
    right = model.probability({"rule_pair": 1.0, "stated_target": 1.0, "target_share": 0.5})
    wrong = model.probability({"imposer_stated_as_target": 1.0})
    assert right > 0.5 > wrong
    json.dumps(trees)  # plain data


def test_logistic_fit_is_deterministic_and_learns_the_labels():
    rates = toy_rates()
    weights, bias = trainer.fit(rates, 1.0, "full")
    assert (weights, bias) == trainer.fit(rates, 1.0, "full")
    model = RolesModel(weights, bias, 1.0, "full")
    assert model.probability({"rule_pair": 1.0, "stated_target": 1.0}) > model.probability(
        {"imposer_stated_as_target": 1.0}
    )


def test_mention_labels_point_at_gold_tariffs_of_the_mentions_rate():
    data = json.loads(trainer.MENTIONS_PATH.read_text(encoding="utf-8"))["mentions"]
    assert data
    for art_id, entries in data.items():
        paths = [folder / "gold" / f"{art_id}.gold.json" for folder, _ in SETS.values()]
        path = next(p for p in paths if p.is_file())
        gold = json.loads(path.read_text("utf-8"))
        rates = [float(t["rate"]) for t in gold["tariffs"]]
        for e in entries:
            assert e["by"] in {"only", "same", "named", "all", "read"}
            assert e["gold"] and len({rates[i] for i in e["gold"]}) == 1
            assert e["rate"][:1].isdigit()


def test_mention_labels_sit_at_their_rate_in_the_texts():
    texts = {a.id: a.text for a in articles()}
    if not texts:
        pytest.skip("article texts are not under .corpus/ (third-party pages, never committed)")
    data = json.loads(trainer.MENTIONS_PATH.read_text(encoding="utf-8"))["mentions"]
    for art_id, entries in data.items():
        if art_id in texts:
            for e in entries:
                assert texts[art_id][e["at"] : e["at"] + len(e["rate"])] == e["rate"]


def test_our_real_training_articles_have_a_manifest_entry_and_gold_each():
    folder, _ = SETS["real"]
    entries = [
        e
        for part in sorted(folder.glob("manifest*.json"))
        for e in json.loads(part.read_text("utf-8"))
    ]
    ids = [e["id"] for e in entries]
    assert ids and len(ids) == len(set(ids))
    with_tariffs = 0
    for e in entries:
        assert {"url", "query", "rank", "sha256", "published"} <= set(e)
        gold = json.loads((folder / "gold" / f"{e['id']}.gold.json").read_text("utf-8"))
        assert gold["published"] == e["published"] and isinstance(gold["tariffs"], list)
        with_tariffs += bool(gold["tariffs"])
    # a page on trade talks may state no rate (it still scores the other fields)
    assert with_tariffs >= 0.9 * len(entries)


# --- the bootstrap of the gain (tools/roles_bootstrap.py) ----------------------------------


def test_paired_bootstrap_of_a_gain_on_every_article_excludes_zero():
    import roles_bootstrap

    rows = [((8, 2, 2), (9, 1, 1))] * 30 + [((5, 0, 0), (5, 0, 0))] * 30
    gain, low, high = roles_bootstrap.paired_bootstrap(rows, resamples=500)
    assert gain > 0 and 0 < low <= gain <= high


def test_paired_bootstrap_of_a_mixed_result_spans_zero():
    import roles_bootstrap

    rows = [((8, 2, 2), (9, 1, 1))] * 10 + [((9, 1, 1), (8, 2, 2))] * 10
    gain, low, high = roles_bootstrap.paired_bootstrap(rows, resamples=500)
    assert gain == pytest.approx(0.0) and low < 0 < high
