"""tf_tariffs on constructions that failed on unseen reporting (issue 18). Each test names its
construction; the sentences are written for the tests in several outlets' styles (per cent /
percent / %, wire, business and regional press), with countries and goods of their own."""

from __future__ import annotations

from tariff_support import annotate

from tradefacts.models import TariffRate


def facts(nlp, text: str) -> list[TariffRate]:
    return list(annotate(nlp, text)._.tariffs)


def sides(nlp, text: str) -> set[tuple[float, str | None, str | None]]:
    return {(t.rate_percent, t.imposer, t.target) for t in facts(nlp, text)}


def by_rate(nlp, text: str) -> dict[float, list[TariffRate]]:
    out: dict[float, list[TariffRate]] = {}
    for t in facts(nlp, text):
        out.setdefault(t.rate_percent, []).append(t)
    return out


# ------------------------------------------------------------------ hyphenated percent units


def test_hyphenated_percent_units_are_rates(nlp):
    assert sides(nlp, "Indonesia will impose a 12-percent levy on Australian beef.") == {
        (12.0, "IDN", "AUS")
    }
    assert sides(nlp, "Ottawa announced a 25-per-cent surtax on American steel.") == {
        (25.0, "CAN", "USA")
    }


# ------------------------------------------------------------ elliptical rates in a list


def test_rates_listed_after_a_tariff_take_its_sides_and_their_own_goods(nlp):
    found = by_rate(
        nlp,
        "Ottawa said Canada will keep paying a 25% tariff on lumber, 35% on wheat and 50% "
        "on aluminum.",
    )
    assert set(found) == {25.0, 35.0, 50.0}
    assert [t.products for t in found[35.0]] == [("wheat",)]
    assert [t.products for t in found[50.0]] == [("aluminum",)]
    assert {t.target for ts in found.values() for t in ts} == {"CAN"}


def test_a_listed_rate_on_other_goods_is_not_given_the_first_rates_goods(nlp):
    found = by_rate(
        nlp, "Mexico will pay a 25 per cent duty on cars and 10 per cent on other goods."
    )
    assert [t.products for t in found[10.0]] == [()]


def test_a_second_rate_with_its_own_trade_flow(nlp):
    text = (
        "Washington and Beijing agreed to cut their duties. The levy has since dropped to 30 "
        "percent on Chinese goods, and 10 percent on goods entering China from the United States."
    )
    assert sides(nlp, text) >= {(10.0, "CHN", "USA")}
    assert (30.0, "CHN", "USA") not in sides(nlp, text)


def test_rates_in_parentheses_after_listed_countries_target_those_countries(nlp):
    text = (
        "Brazil has signed deals with partners including India (12% tariff), Mexico (8%), "
        "and Vietnam (5%)."
    )
    assert {(t.rate_percent, t.target) for t in facts(nlp, text)} == {
        (12.0, "IND"),
        (8.0, "MEX"),
        (5.0, "VNM"),
    }


def test_a_market_move_with_an_on_phrase_is_no_tariff(nlp):
    text = "Tariffs weighed on sentiment. Shares of Sony fell 3% on weak exports to Europe."
    assert facts(nlp, text) == []


# ------------------------------------------------------ the rate's subject through a verb chain


def test_subject_of_a_verb_chain_carries_the_rate(nlp):
    found = by_rate(nlp, "Duties on Vietnamese rice were due to climb from 5% to 18%.")
    assert set(found) == {5.0, 18.0}
    assert all(t.target == "VNM" and t.products == ("rice",) for t in found[18.0])


def test_participle_on_a_tariff_word_links_the_rate(nlp):
    text = "Parcels sent from China by express couriers could face tariffs reaching 90%."
    assert 90.0 in by_rate(nlp, text)


# ----------------------------------------------------------------- the direction of trade


def test_goods_arriving_in_a_country_are_taxed_by_that_country(nlp):
    assert sides(nlp, "A 12% duty applies to Brazilian coffee arriving in Japan.") == {
        (12.0, "JPN", "BRA")
    }


def test_goods_entering_a_country_from_another(nlp):
    text = "Officials said a 15 per cent levy now falls on goods entering India from Malaysia."
    assert sides(nlp, text) == {(15.0, "IND", "MYS")}


# ------------------------------------------------------------ verb roles in both voices


def test_passive_participle_without_auxiliary_marks_the_target(nlp):
    text = "With Malaysia struck by a 30% levy, exporters scrambled to find other buyers."
    assert {t.target for t in facts(nlp, text)} == {"MYS"}


def test_agent_of_a_rate_secured_is_its_target(nlp):
    text = "The 15% rate secured by South Korea was lower than the tariffs many had expected."
    assert {(t.rate_percent, t.target) for t in facts(nlp, text)} == {(15.0, "KOR")}


def test_agent_of_the_increase_a_tariff_word_modifies_is_the_imposer(nlp):
    text = (
        "The law allows India to adopt countermeasures in response to the 50% tariff increase "
        "announced by U.S. President Donald Trump."
    )
    assert sides(nlp, text) == {(50.0, "USA", "IND")}


# ------------------------------------------------------ relative pronouns and stand-ins


def test_which_subject_of_pay_is_each_conjunct_antecedent(nlp):
    text = "Washington signed accords with Vietnam and Cambodia, which will pay 19% tariffs."
    assert {(t.imposer, t.target) for t in facts(nlp, text)} == {("USA", "VNM"), ("USA", "KHM")}


def test_where_clause_of_imposing_targets_the_antecedents(nlp):
    text = (
        "Many of the trucks were assembled in Mexico and Canada, where Trump has imposed "
        "tariffs of 25%."
    )
    assert {t.target for t in facts(nlp, text)} == {"MEX", "CAN"}


def test_which_subject_of_imposing_is_the_imposer(nlp):
    text = "The report named Vietnam, which imposed a 20% levy on American pork, as a culprit."
    assert sides(nlp, text) == {(20.0, "VNM", "USA")}


def test_those_with_its_own_goods_stands_for_the_tariffs(nlp):
    text = (
        "By March 1, the rate on imported sofas is set to climb to 25 per cent, while those on "
        "bathroom vanities will jump to 40 per cent."
    )
    found = by_rate(nlp, text)
    assert [t.products for t in found[25.0]] == [("sofas",)]
    assert [t.products for t in found[40.0]] == [("bathroom vanities",)]


def test_the_bloc_stands_for_the_union_not_the_last_country(nlp):
    text = (
        "Britain welcomed the news. Brussels reached a deal with Washington: the bloc will face "
        "15% tariffs on most of its goods."
    )
    assert {(t.rate_percent, t.target) for t in facts(nlp, text)} == {(15.0, "EUU")}


# ------------------------------------------------ neighbouring phrases keep their own parts


def test_list_members_do_not_lend_their_countries_to_the_first_tariff(nlp):
    text = (
        "The ruling blocked the duties Trump had imposed, including a 30% levy on imports from "
        "China, 25% tariffs on many goods from Mexico and Canada, and 10% duties on all other "
        "trading partners."
    )
    assert sides(nlp, text) == {
        (30.0, "USA", "CHN"),
        (25.0, "USA", "MEX"),
        (25.0, "USA", "CAN"),
        (10.0, "USA", None),
    }


def test_a_comma_then_the_subject_ends_the_on_phrase(nlp):
    text = (
        "After imposing a blanket 10% tariff on all Chinese goods in early February, Trump "
        "hiked the rate to 20% last week."
    )
    assert sides(nlp, text) == {(10.0, "USA", "CHN"), (20.0, "USA", "CHN")}


# ------------------------------------------------ back references and previous levels


def test_a_definite_rate_refers_back_to_the_rate_named_before(nlp):
    text = (
        "Beijing on Friday increased its tariffs on US imports to 125 per cent. The 125 per cent "
        "tariffs will apply from Saturday."
    )
    assert sides(nlp, text) == {(125.0, "CHN", "USA")}


def test_an_indefinite_rate_does_not_borrow_another_tariffs_sides(nlp):
    text = (
        "Canada responded with retaliatory tariffs of 25 percent on U.S. goods. Separately, a 25 "
        "percent tariff on all steel imports took effect in Washington."
    )
    assert (25.0, "CAN", "USA") in sides(nlp, text)
    assert len(facts(nlp, text)) == 2


def test_up_from_a_rate_is_the_previous_level_of_the_same_tariff(nlp):
    found = by_rate(
        nlp, "Ottawa raised its surtax on Chinese electric vehicles to 100%, up from 6.1%."
    )
    assert {(t.imposer, t.target) for t in found[6.1]} == {("CAN", "CHN")}
    assert found[6.1][0].products == found[100.0][0].products


def test_all_goods_of_a_kind_are_on_every_partner(nlp):
    text = "Washington raised tariffs on all steel imports to 50 per cent, Japan said."
    assert {(t.rate_percent, t.target) for t in facts(nlp, text)} == {(50.0, None)}


# ------------------------------------------- joint subjects, changes, asides, examples


def test_a_joint_subject_member_named_as_the_goods_owner_is_the_target(nlp):
    text = "Vietnam and the US set the tariff rate at 20 percent on a range of Vietnamese goods."
    assert sides(nlp, text) == {(20.0, "USA", "VNM")}


def test_a_subject_that_responds_with_tariffs_stays_their_imposer(nlp):
    text = (
        "Canada responded with retaliatory tariffs of 25 percent on 30 billion Canadian dollars "
        "of U.S. goods."
    )
    assert sides(nlp, text) == {(25.0, "CAN", "USA")}


def test_the_size_of_a_change_is_not_a_rate(nlp):
    text = "The US will cut tariffs on Malaysian goods from 44% to 19%, a 25% reduction."
    assert {t.rate_percent for t in facts(nlp, text)} == {44.0, 19.0}


def test_rates_in_asides_on_listed_countries_are_not_each_others_imposers(nlp):
    text = (
        "Set to begin Monday, the new tariff rate far exceeds those imposed on Japan (15%) and "
        "South Korea (25%)."
    )
    found = facts(nlp, text)
    assert {(t.rate_percent, t.target) for t in found} == {(15.0, "JPN"), (25.0, "KOR")}
    assert not {t.imposer for t in found} & {"JPN", "KOR"}


def test_examples_after_including_stay_in_the_scope(nlp):
    text = (
        "The US said it would reduce tariffs on key Korean goods, including automobiles, auto "
        "parts and lumber, from 25 percent to 15 percent."
    )
    for t in facts(nlp, text):
        assert (t.imposer, t.target) == ("USA", "KOR")
        assert {"automobiles", "lumber"} <= set(t.products)


def test_the_on_phrase_of_an_imposing_clause_on_the_tariff_is_its_scope(nlp):
    text = (
        "Ottawa drafted countermeasures in response to new 25% tariffs introduced by the United "
        "States on Canadian steel imports."
    )
    assert sides(nlp, text) == {(25.0, "USA", "CAN")}


def test_european_goods_in_a_tariff_scope_are_the_unions(nlp):
    text = "Without a deal, tariffs on many European products were set to jump from 10% to 30%."
    assert {(t.rate_percent, t.target) for t in facts(nlp, text)} == {(10.0, "EUU"), (30.0, "EUU")}


def test_a_rate_a_country_had_been_set_to_face(nlp):
    text = (
        "It is far more than the 26% that India had been set to face when Trump unveiled tariffs."
    )
    assert {(t.rate_percent, t.target) for t in facts(nlp, text)} == {(26.0, "IND")}


def test_goods_sent_into_a_country_are_taxed_by_it(nlp):
    text = (
        "We will charge Brazil a tariff of 50% on Brazilian products sent into the United States."
    )
    assert sides(nlp, text) == {(50.0, "USA", "BRA")}


# ------------------------------------------------------------ legislatures and cabinets


def test_a_legislature_or_cabinet_approving_a_tariff_is_its_countrys_imposing(nlp):
    assert sides(nlp, "Brazil's Congress approved tariffs of 30% on imports from Argentina.") == {
        (30.0, "BRA", "ARG")
    }
    assert sides(nlp, "India's cabinet approved a 20 per cent duty on steel from Vietnam.") == {
        (20.0, "IND", "VNM")
    }
    assert sides(
        nlp, "Mexico's Senate on Wednesday passed levies of up to 50% on imports from China."
    ) == {(50.0, "MEX", "CHN")}


def test_where_after_places_without_a_comma_targets_those_places(nlp):
    assert sides(
        nlp,
        "Over 30% of the 2 million phones sold in Japan last year were imports, mostly from "
        "Vietnam and Thailand where Tokyo has imposed duties of 12%.",
    ) == {(12.0, "JPN", "VNM"), (12.0, "JPN", "THA")}


def test_imports_of_goods_name_the_goods(nlp):
    text = "Ottawa imposed a 20% tariff on imports of Chinese kayaks."
    assert [t.products for t in facts(nlp, text)] == [("kayaks",)]
    text = "Mexico set a 30% duty on shipments of apples from the US."
    assert [t.products for t in facts(nlp, text)] == [("apples",)]


def test_a_table_product_cut_from_its_scope_by_a_hyphen_still_names_its_category(nlp):
    # the scope stops at the dash of "heavy-duty"; the head noun still names the category
    text = "The decree introduced 25% tariffs on imports of medium and heavy-duty vehicles."
    assert [t.products for t in facts(nlp, text)] == [("automobiles",)]


def test_a_tariff_subject_hung_on_the_auxiliary_still_carries_the_level(nlp):
    # "have, for now, fallen": the parser hangs "duties" on "have", not on "fallen"
    text = "The duties have, for now, fallen to 30 percent on Chinese goods."
    assert sides(nlp, text) == {(30.0, None, "CHN")}


def test_goods_subject_to_a_tariff_are_its_products(nlp):
    text = "From Monday, European wine will be subject to a 15% tariff in the United States."
    assert [t.products for t in facts(nlp, text)] == [("wine",)]


def test_a_tariff_added_to_any_existing_rates_is_not_on_every_partner(nlp):
    text = (
        "Washington will charge a 15% tariff on EU goods. The 15% tariff is not added to any "
        "existing rates."
    )
    assert sides(nlp, text) == {(15.0, "USA", "EUU")}


def test_tariffs_that_total_a_rate_carry_it(nlp):
    # the parser makes the percent an adverbial of "total", not its object
    assert sides(nlp, "Washington's tariffs on China total 145%.") == {(145.0, "USA", "CHN")}
    assert sides(nlp, "Tariffs could shave 0.5% off growth.") == set()


def test_goods_that_enter_at_a_rate_are_its_products(nlp):
    text = "About 5,000 tonnes of refined sugar can enter Peru at a 9% duty rate."
    assert [t.products for t in facts(nlp, text)] == [("refined sugar", "sugar")]


def test_an_amount_of_goods_names_the_goods_not_the_unit(nlp):
    text = "Mexico imposed a 20% tariff on 5,000 barrels of maple syrup."
    assert [t.products for t in facts(nlp, text)] == [("maple syrup",)]


def test_makers_that_export_under_a_tariff_name_its_goods(nlp):
    text = "Kenyan coffee growers can export to the US under a 10% tariff starting Monday."
    assert [(t.imposer, t.target, t.products) for t in facts(nlp, text)] == [
        ("USA", "KEN", ("coffee",))
    ]


def test_a_conjunct_tariff_hung_on_a_date_takes_the_first_tariffs_goods(nlp):
    # "and 30% tariff" is parsed as a conjunct of the date "January 1"
    text = (
        "The review could support imposing on refined nickel a 15% tariff effective January 1, "
        "2027, and 30% tariff on January 1, 2028."
    )
    assert {t.products for t in facts(nlp, text)} == {("refined nickel",)}


def test_goods_a_which_clause_says_face_a_tariff_are_its_products(nlp):
    text = (
        "Trump announced tariffs on Canadian imports of 25 per cent, except for potash, which "
        "faces a 10 per cent tariff."
    )
    assert {t.rate_percent: t.products for t in facts(nlp, text)} == {25.0: (), 10.0: ("potash",)}


def test_goods_subject_to_duties_in_a_noun_phrase_are_its_products(nlp):
    # not the subject of the clause ("the Secretary"): the noun the adjective follows
    text = (
        "The Secretary of Commerce will extend the list of maple syrup products subject to "
        "additional duties of up to 25 percent."
    )
    assert [t.products for t in facts(nlp, text)] == [("maple syrup",)]


def test_a_rate_set_on_the_verb_takes_the_goods_named_after_it(nlp):
    # "cut the tariff to 10 percent on/for X": the goods hang on the rate, not the tariff word
    for prep in ("on", "for"):
        text = f"Ghana cut the tariff to 10 percent {prep} shea butter."
        assert [t.products for t in facts(nlp, text)] == [("shea butter",)]


def test_goods_listed_after_the_tariff_with_including_are_its_products(nlp):
    text = (
        "Kenya imposed a 30% tariff on Ugandan food and drinks products, including maize flour, "
        "tea and beef."
    )
    products = facts(nlp, text)[0].products
    assert {"maize flour", "tea", "beef", "food", "drinks"} == set(products)


def test_a_range_of_goods_names_the_goods(nlp):
    text = "Norway approved tariffs of 25% on a wide range of agricultural and marine goods."
    assert [t.products for t in facts(nlp, text)] == [("agricultural products", "marine goods")]


def test_a_purpose_clause_curbing_imports_names_the_goods(nlp):
    text = "Last month, Vietnam imposed 12% temporary duties to curb imports of cheap glassware."
    assert [t.products for t in facts(nlp, text)] == [("glassware",)]


def test_makers_named_as_a_table_word_give_their_goods(nlp):
    text = "Korea agreed a 15 percent tariff on imports from carmakers like Volvo."
    assert [t.products for t in facts(nlp, text)] == [("automobiles",)]


def test_import_fees_are_a_tariff_word(nlp):
    text = "Oslo slapped blanket 20% import fees on Chilean wine in March."
    assert [(t.rate_percent, t.imposer, t.target, t.products) for t in facts(nlp, text)] == [
        (20.0, "NOR", "CHL", ("wine",))
    ]


def test_a_bare_back_reference_covers_the_goods_of_the_rate_it_refers_to(nlp):
    text = (
        "Norway slapped 25% import fees on Chilean copper and 25% on Peruvian salmon in March. "
        "Chile could still face the 25% duty if talks fail."
    )
    assert sides_goods(nlp, text) == {(25.0, "CHL", ("copper",)), (25.0, "PER", ("salmon",))}


def test_a_back_reference_with_its_own_scope_keeps_it(nlp):
    # "on all Chilean goods" names the scope: no goods carried from before
    text = (
        "Norway slapped 25% import fees on Chilean copper in March. Chile could still face "
        "the 25% duty on all Chilean goods if talks fail."
    )
    assert sides_goods(nlp, text) == {(25.0, "CHL", ("copper",)), (25.0, "CHL", ())}


def sides_goods(nlp, text: str) -> set[tuple[float, str | None, tuple[str, ...]]]:
    return {(t.rate_percent, t.target, t.products) for t in facts(nlp, text)}


def test_rates_compared_in_a_sentence_naming_no_country_share_the_back_references_sides(nlp):
    text = (
        "President Lee announced a trade agreement with Norway that includes a 12% tariff on "
        "Norwegian imports to Korea. The 12% tariff is a step back from the 30% Lee had "
        "proposed earlier and the 28% rate floated in April."
    )
    assert sides(nlp, text) == {
        (12.0, "KOR", "NOR"),
        (30.0, "KOR", "NOR"),
        (28.0, "KOR", "NOR"),
    }


def test_that_rate_after_a_tariff_sentence_is_that_tariffs_rate(nlp):
    text = (
        "Canada agreed a deal with Peru that sets a 9% tariff on Peruvian goods. "
        "That rate is down from 20% in March."
    )
    assert sides(nlp, text) == {(9.0, "CAN", "PER"), (20.0, "CAN", "PER")}


def test_a_rate_of_something_else_after_a_tariff_sentence_is_no_tariff(nlp):
    for follow in ("The rate of inflation rose to 3% in March.", "The jobless rate hit 6%."):
        text = f"Canada agreed a deal with Peru that sets a 9% tariff on Peruvian goods. {follow}"
        assert sides(nlp, text) == {(9.0, "CAN", "PER")}


def test_rates_standing_for_the_duties_named_before_cover_their_goods(nlp):
    text = (
        "Norway will impose anti-dumping duties of up to 31.5% on frozen salmon fillets from "
        "Chile. The rates range from 11.2% to 31.5% depending on the producer."
    )
    assert {(t.rate_percent, t.products) for t in facts(nlp, text)} == {
        (31.5, ("frozen salmon fillets",)),
        (11.2, ("frozen salmon fillets",)),
    }


def test_goods_hung_on_a_package_of_tariffs_are_the_tariffs_goods(nlp):
    text = (
        "On May 2, Ghana approved the introduction of the first package of tariffs of 25% on a "
        "wide range of Nigerian cement and steel."
    )
    assert [(t.target, t.products) for t in facts(nlp, text)] == [("NGA", ("cement", "steel"))]


def test_a_rate_a_tariff_is_lowered_to_covers_that_tariffs_goods(nlp):
    text = "Ghana will lower tariffs on Nigerian cement to a rate of 15% from the current 35%."
    assert {(t.rate_percent, t.products) for t in facts(nlp, text)} == {
        (15.0, ("cement",)),
        (35.0, ("cement",)),
    }


def test_a_period_or_the_payers_are_no_goods(nlp):
    text = "Duties of up to 34.9 per cent for a period of five years would be levied by Peru."
    assert [t.products for t in facts(nlp, text)] == [()]
    text = "Smaller players from Chile must pay a 25pc tariff until the quota resets."
    assert [t.products for t in facts(nlp, text)] == [()]


def test_examples_hung_on_a_modifier_of_the_goods_are_its_products(nlp):
    text = (
        "Items worth over $200, including handmade ceramics, will now face a 10% import duty in "
        "Peru."
    )
    assert [t.products for t in facts(nlp, text)] == [("handmade ceramics",)]


def test_a_rate_an_imposing_verb_puts_on_goods_is_a_tariff_of_its_subject(nlp):
    text = (
        "Laos agreed to drop all tariffs on Thai goods, while Thailand will charge 20% on "
        "Lao products."
    )
    assert [(t.rate_percent, t.imposer, t.target, t.products) for t in facts(nlp, text)] == [
        (20.0, "THA", "LAO", ())
    ]


def test_makers_of_goods_name_the_goods(nlp):
    text = "Malagasy exporters of vanilla will pay a 19% duty in the U.S. market."
    assert [t.products for t in facts(nlp, text)] == [("vanilla",)]


def test_a_conjunct_rate_with_its_own_goods_keeps_them_apart(nlp):
    text = (
        "Beijing said it would impose levies of 10 percent on Canadian peas and 25 percent on pork."
    )
    assert {(t.rate_percent, t.products) for t in facts(nlp, text)} == {
        (10.0, ("peas",)),
        (25.0, ("pork",)),
    }


def test_goods_hit_with_a_tariff_in_the_passive_are_its_products(nlp):
    text = "Starting Friday, Ecuadorian shrimp will be hit with a combined 18% duty by Beijing."
    assert [(t.imposer, t.target, t.products) for t in facts(nlp, text)] == [
        ("CHN", "ECU", ("shrimp",))
    ]


def test_a_number_of_goods_is_no_product(nlp):
    text = "A very small number of Chilean products will be subjected to the 35 per cent tariff."
    assert [t.products for t in facts(nlp, text)] == [()]


def test_what_a_country_is_punished_for_names_no_goods(nlp):
    for text in (
        "Norway ordered an additional 25 per cent tariff on goods from Peru for its purchases "
        "of Iranian oil.",
        "Chile imposed a 20% tariff on Peru for its role in the copper smuggling trade.",
    ):
        assert [t.products for t in facts(nlp, text)] == [()]
    text = "Japan secured 15% rates for its cars."  # goods "for" a rate stay goods
    assert [t.products for t in facts(nlp, text)] == [("automobiles",)]


def test_a_rate_naming_no_goods_takes_the_goods_the_sentence_before_gives_it(nlp):
    text = (
        "China put tariffs of 100% on Canadian peas last week. Canada will answer Beijing's 100% "
        "tariffs, Ottawa said."
    )
    assert {(t.imposer, t.target, t.products) for t in facts(nlp, text)} == {
        ("CHN", "CAN", ("peas",))
    }


def test_another_rates_goods_are_not_carried_to_the_next_sentence(nlp):
    text = (
        "China put tariffs of 25% on Canadian peas last week. Canada also faces a 10% Chinese "
        "tariff."
    )
    assert {(t.rate_percent, t.products) for t in facts(nlp, text)} == {
        (25.0, ("peas",)),
        (10.0, ()),
    }


# ------------------------------------------------------------- a change noun "of" a tariff


def test_a_change_nouns_level_is_the_rate_when_the_parser_hangs_it_on_a_verb(nlp):
    # "to 18.5 percent" is parsed under "mitigating", not under the change noun "increase"
    [fact] = facts(
        nlp,
        "Norway has placed top priority on mitigating the impact of the government's increase"
        " in March of the tariff on imported salmon to 18.5 percent.",
    )
    assert (fact.rate_percent, fact.products) == (18.5, ("salmon",))
    # an "on" phrase hung on the verb too, between the change noun and its level
    [fact] = facts(nlp, "Ghana wants to soften the effect of the hike of the duty on cocoa to 12%.")
    assert (fact.rate_percent, fact.products) == (12.0, ("cocoa",))


def test_the_on_phrase_of_a_change_noun_is_the_tariffs_scope(nlp):
    [fact] = facts(nlp, "Kenya is worried about the cut of the tariff on tea to 3 percent.")
    assert fact.products == ("tea",)
    [fact] = facts(nlp, "The increase in tariffs on cars to 25% was announced by Mexico.")
    assert (fact.imposer, fact.products) == ("MEX", ("automobiles",))


def test_the_owner_of_a_change_noun_imposes_the_tariff(nlp):
    [fact] = facts(nlp, "Kenya is worried about Uganda's cut of the tariff on tea to 3 percent.")
    assert fact.imposer == "UGA"
    [fact] = facts(
        nlp,
        "Chile fears the impact of the Lula government's increase in May of the levy on wine"
        " to 20 percent.",
    )
    assert fact.imposer == "BRA"


def test_a_rate_after_an_unrelated_object_is_not_read_as_a_change(nlp):
    # guard: "the effect" is no change noun, and "of the debt" holds no tariff word
    assert facts(nlp, "Peru wants to soften the effect of the debt on farms to 12%.") == []


# ------------------------------------------- a listed rate with its own scope, "by X% to Y%"


def test_a_listed_rate_with_its_own_scope_is_not_the_tariff_words_rate(nlp):
    # the parser hangs "20% on cocoa" on the subject; it still keeps its own goods
    found = by_rate(
        nlp,
        "Through a message, Trump detailed that Ghana will continue to pay a 25% tariff on"
        " fentanyl, 25% on automobiles, and 50% on gold.",
    )
    assert sorted(t.products for t in found[25.0]) == [(), ("automobiles",)]
    assert [t.products for t in found[50.0]] == [("gold",)]


def test_the_level_after_by_x_to_y_is_a_rate(nlp):
    found = by_rate(
        nlp,
        "The pact cut Korean tariffs on Peruvian grapes by 12.5% to 5% and removed a 5% tariff"
        " on copper wire.",
    )
    assert ("grapes",) in [t.products for t in found[5.0]]
    assert len(found[5.0]) == 2
    assert found.get(12.5) is None  # the change itself is no rate


def test_foreign_made_goods_brought_into_the_imposer_are_every_partners(nlp):
    text = (
        "Kenya's carmakers were hit after Brazil announced sweeping 30 per cent tariffs on"
        " foreign-made trucks being imported into Brazil."
    )
    assert sides(nlp, text) == {(30.0, "BRA", None)}
    # guard: goods of a named country keep their target
    assert sides(nlp, "Chile imposed a 12% tariff on Peruvian ships entering Chile.") == {
        (12.0, "CHL", "PER")
    }


def test_an_object_pronoun_set_to_a_level_stands_for_the_tariff_before_it(nlp):
    found = by_rate(nlp, "Peru put a 10% duty on Chilean wine in May and doubled it to 20%.")
    assert [(t.imposer, t.target, t.products) for t in found[20.0]] == [("PER", "CHL", ("wine",))]
    # guard: no tariff word before the pronoun, no rate
    assert facts(nlp, "The central bank raised it to 5% in June, while tariffs stayed put.") == []


def test_rates_listed_before_one_percent_sign_are_each_a_rate_and_moves_are_no_goods(nlp):
    found = by_rate(
        nlp,
        "The moves will see fresh Kenyan tariffs of 10 and 15% imposed on several Ugandan"
        " dairy products.",
    )
    assert sorted(found) == [10.0, 15.0]
    assert all("moves" not in t.products for ts in found.values() for t in ts)


def test_a_scope_after_an_aside_in_dashes_is_the_tariffs(nlp):
    [fact] = facts(
        nlp,
        "The Commission proposed 50% tariffs \u2014 twice the current rate \u2014 on all cement"
        " imports above a quota.",
    )
    assert fact.products == ("cement",)


def test_a_participle_of_origin_parsed_as_the_head_leaves_the_goods(nlp):
    [fact] = facts(nlp, "One idea was a 30% tariff on cane sugar originating from Brazil.")
    assert fact.products == ("cane sugar",)


def test_a_scope_pointing_back_takes_the_goods_named_before(nlp):
    found = by_rate(
        nlp, "Ghana put 20% duties on cocoa. Kenya answered with 10% duties on the same products."
    )
    assert [t.products for t in found[10.0]] == [("cocoa",)]
    found = by_rate(
        nlp, "Ghana put 20% duties on cocoa. Kenya answered with 10% duties on those goods."
    )
    assert [t.products for t in found[10.0]] == [("cocoa",)]
    # guard: "all goods" points nowhere
    found = by_rate(
        nlp, "Ghana put 20% duties on cocoa. Kenya answered with 10% duties on all goods."
    )
    assert [t.products for t in found[10.0]] == [()]


def test_adjectives_of_trade_in_general_name_no_goods(nlp):
    [fact] = facts(
        nlp, "Lula will try to reverse the 50 percent tariffs on commercial exports to Peru."
    )
    assert fact.products == ()
    [fact] = facts(nlp, "Ghana cut the 10% duty on total imports of rice.")
    assert fact.products == ("rice",)


def test_a_change_of_levies_with_no_scope_takes_the_goods_of_the_tariff_named_before(nlp):
    text = (
        "Ghana wants to end cocoa tariffs on Kenyan imports ahead of a doubling of levies to 50%."
    )
    [fact] = facts(nlp, text)
    assert (fact.rate_percent, fact.products) == (50.0, ("cocoa",))
    text = "Peru may scrap metals tariffs on Chilean imports before a doubling of levies to 40%."
    assert [t.products for t in facts(nlp, text)] == [("metals",)]
    # guard: a levy that is no change keeps no other tariff's goods
    [fact] = facts(nlp, "Canada removed its steel tariffs, and Mexico kept a 25% levy.")
    assert fact.products == ()


def test_trucks_are_not_automobiles(nlp):
    [fact] = facts(nlp, "Peru will put 25% tariffs on imports of medium and heavy-duty trucks.")
    assert fact.products == ("trucks",)
    [fact] = facts(nlp, "Peru will put 25% tariffs on pickup trucks.")
    assert fact.products == ("automobiles",)


# ------------------------------------------------------------ "respectively" pairs in order


def test_respectively_pairs_targets_with_rates_in_order(nlp):
    text = "Kenya and Ghana will face U.S. duties of 12% and 18%, respectively, from next month."
    assert sides(nlp, text) == {(12.0, "USA", "KEN"), (18.0, "USA", "GHA")}
    text = "Washington set tariffs of 15 per cent and 25 per cent on Chile and Peru respectively."
    assert sides(nlp, text) == {(15.0, "USA", "CHL"), (25.0, "USA", "PER")}


def test_respectively_pairs_imposers_with_rates_in_order(nlp):
    text = "Chile and Peru imposed tariffs of 5% and 9%, respectively, on Bolivian wheat."
    assert sides(nlp, text) == {(5.0, "CHL", "BOL"), (9.0, "PER", "BOL")}


def test_respectively_with_unequal_counts_pairs_nothing(nlp):
    # one rate for two countries: each country faces it
    text = "A 30% tariff will be imposed on imports from Kenya and Ghana, respectively, in May."
    assert {(rate, target) for rate, _, target in sides(nlp, text)} == {
        (30.0, "KEN"),
        (30.0, "GHA"),
    }


# ------------------------------------------------------------ a rate in parentheses after a country


def test_rate_in_parentheses_after_a_country_is_that_countrys(nlp):
    text = "Washington unveiled duties on Kenya (14%), Ghana (21%) and Peru (17%) on Friday."
    assert sides(nlp, text) == {(14.0, "USA", "KEN"), (21.0, "USA", "GHA"), (17.0, "USA", "PER")}


def test_rate_in_parentheses_after_goods_keeps_the_clause_target(nlp):
    text = "Chile raised its tariffs on Peruvian wine (12%) this year."
    assert sides(nlp, text) == {(12.0, "CHL", "PER")}


# ------------------------------------------------- a passive agent inside the subject of "face"


def test_agent_inside_the_subject_of_face_imposes(nlp):
    for text in (
        "Kenyan exporters, already squeezed by the duties imposed by Ghana, will face 30% levies "
        "from May.",
        "Some Kenyan products will now face up to 30% total duty — some of the highest rates ever "
        "imposed by Ghana.",
        "Kenyan tea, long taxed by Ghana at lower rates, will face a 30% duty from May.",
    ):
        assert sides(nlp, text) == {(30.0, "GHA", "KEN")}, text


# ------------------------------------------------------- "over"/"amid" give a reason, not scope


def test_reason_after_the_scope_names_no_goods_and_no_target(nlp):
    facts_ = facts(nlp, "Washington slapped 25% duties on Kenyan goods over Ugandan oil purchases.")
    assert [(t.imposer, t.target, t.products) for t in facts_] == [("USA", "KEN", ())]
    facts_ = facts(nlp, "Beijing put 15% tariffs on US coal amid a dispute with Canada.")
    assert [(t.imposer, t.target, t.products) for t in facts_] == [("CHN", "USA", ("coal",))]


# ---------------------------------------------- a rate in the second verb of a relative clause


def test_rate_in_a_coordinated_or_complement_verb_of_a_relative_clause(nlp):
    text = (
        "Peru matched Chilean tariffs, which remain in place and went up from 12 per cent to "
        "18 per cent last month."
    )
    assert sides(nlp, text) == {(12.0, "CHL", "PER"), (18.0, "CHL", "PER")}
    text = (
        "Chilean tariffs on Peruvian wine, which were scheduled to take effect at 18% on May 1, "
        "have been cut to 12%."
    )
    assert {rate for rate, _, _ in sides(nlp, text)} == {18.0, 12.0}


def test_higher_rates_after_a_tariff_sentence_are_tariff_rates(nlp):
    doc = nlp(
        "Washington set a 20% tariff rate on Peru and Chile. Other partners were hit with higher "
        "rates, such as Bolivia (32%) and Paraguay (35%)."
    )
    found = {(t.rate_percent, t.target) for t in doc._.tariffs}
    assert {(32.0, "BOL"), (35.0, "PRY")} <= found


def test_higher_rates_of_something_else_are_no_tariffs(nlp):
    doc = nlp(
        "Washington set a 20% tariff rate on Peru. Borrowers there face higher rates of "
        "interest, about 9% a year."
    )
    assert {t.rate_percent for t in doc._.tariffs} == {20.0}


def test_every_conjunct_of_a_passive_subject_is_a_target(nlp):
    doc = nlp(
        "The United States announced new tariffs. Bolivia and Paraguay will also be subjected "
        "to a 30% levy."
    )
    assert {(t.imposer, t.target) for t in doc._.tariffs} == {("USA", "BOL"), ("USA", "PRY")}


def test_the_goods_a_verb_hits_with_a_rate_are_its_products(nlp):
    doc = nlp("Lima hit Chilean grapes and Bolivian quinoa with a 40% tariff.")
    assert {t.products for t in doc._.tariffs} == {("grapes", "quinoa")}
    assert {t.target for t in doc._.tariffs} == {"CHL", "BOL"}


def test_hitting_back_with_a_rate_names_no_goods(nlp):
    doc = nlp("Peru hits back with 30 per cent tariffs on all Chilean imports.")
    assert [(t.imposer, t.target, t.products) for t in doc._.tariffs] == [("PER", "CHL", ())]


def test_a_transshipment_charge_is_a_tariff_on_transshipped_goods(nlp):
    doc = nlp(
        "Washington struck a deal with Cambodia. Goods routed through Cambodia from third "
        "countries will be slapped with a 40% transshipment charge, while a 35% duty applies "
        "to goods that are merely transshipped through Laos."
    )
    found = {(t.rate_percent, t.products) for t in doc._.tariffs}
    assert {(40.0, ("transshipments",)), (35.0, ("transshipments",))} <= found
