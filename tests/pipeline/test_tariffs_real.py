"""tf_tariffs on the shapes real reporting uses (issue 10): implicit sides, anaphora, goods
crossing borders, products outside the vocabulary. Every sentence here is written for the test
(other countries, people and goods than any article the rules were tuned on)."""

from __future__ import annotations

from tariff_support import annotate

from tradefacts.models import TariffRate


def facts(nlp, text: str) -> list[TariffRate]:
    return list(annotate(nlp, text)._.tariffs)


def sides(nlp, text: str) -> set[tuple[float, str | None, str | None]]:
    return {(t.rate_percent, t.imposer, t.target) for t in facts(nlp, text)}


def products_of(nlp, text: str, rate: float) -> set[str]:
    return {p for t in facts(nlp, text) if t.rate_percent == rate for p in t.products}


# --------------------------------------------------------------------------- sides


def test_goods_imported_into_a_country_are_taxed_by_it(nlp):
    text = (
        "The pact provides for an 18 percent tariff on most Peruvian products imported into "
        "the United States."
    )
    assert sides(nlp, text) == {(18.0, "USA", "PER")}


def test_goods_imported_from_a_country_are_its_exports(nlp):
    text = "Last week, Chile announced a 22% tariff on all goods imported from the US."
    assert sides(nlp, text) == {(22.0, "CHL", "USA")}


def test_agent_of_a_nominalised_announcement_is_the_imposer(nlp):
    text = (
        "Kenya will push for a trade agreement with the United States following the "
        "announcement of a 35% tariff on its coffee exports by President Donald Trump."
    )
    found = facts(nlp, text)
    assert {(t.rate_percent, t.imposer, t.target) for t in found} == {(35.0, "USA", "KEN")}
    assert "coffee" in found[0].products


def test_possessor_of_a_decision_to_impose_is_the_imposer(nlp):
    text = (
        "Talks stalled after Trump's decision to impose a 25 per cent tariff on India, along "
        "with an additional 25 per cent levy over its purchase of Russian oil."
    )
    assert ("USA", "IND") in {(t.imposer, t.target) for t in facts(nlp, text)}
    assert "RUS" not in {t.imposer for t in facts(nlp, text)}


def test_a_descriptive_noun_stands_for_the_country_named_before(nlp):
    text = (
        "President Trump said he would raise tariffs on India to 60% after the South Asian "
        "nation had earlier imposed a 40% retaliatory tariff on the U.S."
    )
    assert sides(nlp, text) == {(60.0, "USA", "IND"), (40.0, "IND", "USA")}


def test_imposer_left_implicit_is_the_other_country_of_the_sentence(nlp):
    text = (
        "Ghana argues that US exports face an average duty of 6.2%, with most goods entering "
        "tariff-free."
    )
    assert sides(nlp, text) == {(6.2, "GHA", "USA")}


def test_target_left_implicit_is_the_country_of_the_person_speaking(nlp):
    text = (
        "Argentine President Javier Milei said on Friday that his government would challenge the "
        "40 percent tariffs on exports to the United States announced by Donald Trump."
    )
    assert sides(nlp, text) == {(40.0, "USA", "ARG")}


def test_rate_added_to_another_countrys_tariffs(nlp):
    text = (
        "Premier Smith said Ottawa should add another 15 per cent to Canada's retaliatory "
        "tariffs on aluminum."
    )
    assert (15.0, "CAN") in {(t.rate_percent, t.imposer) for t in facts(nlp, text)}


def test_rate_that_imports_are_subject_to(nlp):
    text = "US imports from Colombia were already subject to a 10pc rate since 5 April."
    assert sides(nlp, text) == {(10.0, "USA", "COL")}


def test_goods_sent_to_a_legislature_are_no_border_crossing(nlp):
    text = (
        "Sheinbaum's government has proposed raising tariffs on cars imported from China to "
        "45%, from 15% now, in a package sent to Congress last week."
    )
    assert "USA" not in {t.imposer for t in facts(nlp, text)}


# --------------------------------------------------------------------------- products


def test_products_outside_the_vocabulary_come_from_the_scope_nouns(nlp):
    text = (
        "Trump announced a 45 percent tariff on all Dining Tables, Garden Sheds, and associated "
        "products, starting next month."
    )
    assert products_of(nlp, text, 45.0) >= {"dining tables", "garden sheds"}


def test_a_vocabulary_word_heading_a_longer_noun_is_not_that_category(nlp):
    text = (
        "Peru responded in March with 80% tariffs on American soybean oil, soybean meal, "
        "and lentils."
    )
    found = products_of(nlp, text, 80.0)
    assert "energy" not in found  # "oil" alone would be energy
    assert {"soybean oil", "soybean meal"} <= found


def test_generic_goods_keep_their_product_modifier(nlp):
    text = "Morocco faces a 12% tariff on its citrus exports to the United States."
    assert "citrus" in products_of(nlp, text, 12.0)


def test_object_of_the_imposing_verb_before_the_tariff_names_the_product(nlp):
    text = (
        "The report could support the President imposing on refined nickel a 15% tariff next year."
    )
    assert "refined nickel" in products_of(nlp, text, 15.0)


def test_an_apposition_is_not_a_product(nlp):
    text = "Seoul now pays a 15% duty for cars, a mainstay of South Korea's export economy."
    found = products_of(nlp, text, 15.0)
    assert "automobiles" in found
    assert not any("mainstay" in p for p in found)


def test_one_fact_when_mentions_name_overlapping_products(nlp):
    text = (
        "Japan will impose anti-dumping duties of up to 29.5% on coated steel coil from Vietnam. "
        "The 29.5% duties on Vietnamese steel take effect next month."
    )
    found = [t for t in facts(nlp, text) if t.rate_percent == 29.5 and t.target == "VNM"]
    assert len(found) == 1
    assert "steel" in found[0].products


def test_goods_that_have_a_rate_are_its_target(nlp):
    text = (
        "Chilean products already had the lowest tariff rate of any US trading partner, at "
        "10 per cent."
    )
    assert "CHL" not in {t.imposer for t in facts(nlp, text)}


def test_a_set_of_tariffs_carries_the_rates_of_its_change(nlp):
    text = (
        "And a set of broad tariffs that apply to most other Vietnamese exports to the US will "
        "be lowered, from 30 per cent to 18 per cent."
    )
    assert sides(nlp, text) == {(30.0, "USA", "VNM"), (18.0, "USA", "VNM")}


def test_a_tariff_burden_carries_its_rate(nlp):
    text = (
        "Washington has imposed a 30 per cent tariff on Brazil, effectively doubling the tariff "
        "burden to 60 per cent."
    )
    assert (60.0, "USA") in {(t.rate_percent, t.imposer) for t in facts(nlp, text)}


def test_surtax_is_a_tariff_word(nlp):
    text = "Trump put a 15 percent surtax on Nicaragua earlier this year over migration."
    assert sides(nlp, text) == {(15.0, "USA", "NIC")}


def test_each_rate_of_a_list_keeps_its_own_scope(nlp):
    text = (
        "The court said Trump's 20% tariffs on imports from Peru and Chile, the 35% tariff on "
        "Vietnamese products, and the blanket 10% tariffs on nearly every country on the planet "
        "exceed his authority."
    )
    found = facts(nlp, text)
    assert {t.target for t in found if t.rate_percent == 35.0} == {"VNM"}
    assert {t.target for t in found if t.rate_percent == 10.0} == {None}
    assert not any("planet" in p for t in found for p in t.products)


def test_a_rate_in_apposition_keeps_its_own_scope(nlp):
    text = (
        "Judges ruled that Trump's 20% tariffs on imports from Peru and Chile, the 35% tariff "
        "on Vietnamese products, and the blanket 10% tariffs on nearly every country, exceed "
        "any authority granted to the President."
    )
    found = facts(nlp, text)
    assert {t.target for t in found if t.rate_percent == 35.0} == {"VNM"}
    assert {t.target for t in found if t.rate_percent == 10.0} == {None}


def test_relative_clause_on_a_noun_inside_the_tariff_phrase(nlp):
    text = (
        "Exporters complain about levies on Chile's struggling copper industry, which stand at 30%."
    )
    found = facts(nlp, text)
    assert [(t.rate_percent, t.target) for t in found] == [(30.0, "CHL")]
    assert "copper" in found[0].products


def test_rate_parsed_as_a_second_object_still_links(nlp):
    text = "Ottawa will take steps to reduce the current 12.5 per cent U.S. tariffs on lumber."
    found = facts(nlp, text)
    assert [(t.rate_percent, t.imposer) for t in found] == [(12.5, "USA")]
    assert "lumber" in found[0].products


def test_products_of_a_tariff_applied_to_goods(nlp):
    text = "The global 35% tariff applied by the US to copper took effect this week."
    found = facts(nlp, text)
    assert [(t.rate_percent, t.imposer) for t in found] == [(35.0, "USA")]
    assert "copper" in found[0].products


def test_an_aside_inside_the_goods_does_not_hide_them(nlp):
    text = "Trump also announced a 40 percent tariff beginning Nov. 1 on Large (Huge!) Boats."
    assert products_of(nlp, text, 40.0) >= {"large boats"}


def test_rate_imposed_on_other_countries_has_no_single_target(nlp):
    text = (
        "Danish furniture makers can export to the US under a 12% tariff, a reduction from the "
        "30% rate imposed by Donald Trump on other countries."
    )
    assert (30.0, "USA", None) in sides(nlp, text)


def test_the_country_as_a_stand_in_is_a_target_not_every_partner(nlp):
    text = (
        "The move underscores the impact of President Donald Trump's steep 60% tariffs on "
        "Vietnam. Analysts expect the country to retaliate against the 60% tariffs on the country."
    )
    assert (60.0, "USA", "VNM") in sides(nlp, text)
    assert (60.0, "USA", None) not in sides(nlp, text)


def test_a_country_before_a_comma_is_not_the_subject_of_the_next_verb(nlp):
    text = (
        "Trump decided to impose a 20 per cent tariff on Turkey over its purchase of Iranian "
        "gas, effectively doubling the tariff burden to 40 per cent."
    )
    assert (40.0, "USA") in {(t.rate_percent, t.imposer) for t in facts(nlp, text)}


def test_a_tariff_is_never_a_product(nlp):
    text = "These tariffs of 15% are added to previous tariffs of 15% on many Peruvian products."
    assert not any("tariff" in p for t in facts(nlp, text) for p in t.products)


def test_the_people_who_face_a_tariff_are_not_its_products(nlp):
    text = (
        "Its exporters face a 12% baseline tariff, a 30% duty on wine that hits the country hard."
    )
    assert not any("exporters" in p for t in facts(nlp, text) for p in t.products)
