"""tf_tariffs: targets that unseen reporting states in ways the rules missed (issue 24's real
training articles showed them; the sentences here are written for the tests, with countries
and goods of their own)."""

from __future__ import annotations

from tariff_support import annotate

from tradefacts.models import TariffRate


def facts_of(nlp, text: str) -> list[TariffRate]:
    return list(annotate(nlp, text)._.tariffs)


def sides(nlp, text: str) -> set[tuple[float, str | None, str | None]]:
    return {(t.rate_percent, t.imposer, t.target) for t in facts_of(nlp, text)}


def test_from_hung_on_the_tariff_beside_on_goods_names_the_targets(nlp):
    # the parser attaches "from Peru and Chile" to the tariff word, not to "goods"
    text = "The European Union imposed a 25% tariff on goods from Turkey and Egypt."
    assert sides(nlp, text) == {(25.0, "EUU", "TUR"), (25.0, "EUU", "EGY")}
    text = "Mexico's government imposed a 35 per cent tariff on goods from China and South Korea."
    assert sides(nlp, text) == {(35.0, "MEX", "CHN"), (35.0, "MEX", "KOR")}


def test_from_hung_on_the_verb_beside_on_goods_names_the_target(nlp):
    text = "The prime minister said he would impose a 20% tariff on goods from Vietnam."
    assert sides(nlp, text) == {(20.0, None, "VNM")}


def test_countries_that_will_see_a_rate_bear_it(nlp):
    text = (
        "Under the new schedule, Ghana and Senegal will see 12 percent duties in the United States."
    )
    assert sides(nlp, text) == {(12.0, "USA", "GHA"), (12.0, "USA", "SEN")}


def test_the_country_warned_of_a_tariff_is_its_target(nlp):
    text = "The president warned Colombia that he would impose a 50% tariff on its coffee."
    assert sides(nlp, text) == {(50.0, None, "COL")}
    text = "Trump warned Canada he would impose a 100% tariff if it signed a deal with China."
    assert sides(nlp, text) == {(100.0, "USA", "CAN")}


def test_exports_to_a_place_make_it_the_imposer_and_the_owner_the_target(nlp):
    assert sides(nlp, "Peru's 12% tariff on fish exports to China was cut last year.") == {
        (12.0, "CHN", "PER")
    }
    # no destination: the owner of the tariff imposes it
    assert sides(nlp, "China's 34% tariff on US exports takes effect on Thursday.") == {
        (34.0, "CHN", "USA")
    }


def test_who_announces_a_tariff_that_will_be_imposed_imposes_it(nlp):
    text = "A 20% duty will be imposed on wine and cheese, the trade ministry in Canberra said."
    assert sides(nlp, text) == {(20.0, "AUS", None)}
    # the announcer is not the imposer of a tariff on its own goods
    text = "A 25% tariff will be imposed on Chinese goods, officials in Beijing warned."
    assert sides(nlp, text) == {(25.0, None, "CHN")}


def test_goods_in_a_country_are_taxed_by_that_country(nlp):
    text = "The measures include 30% duties on all Peruvian goods in Chile."
    assert sides(nlp, text) == {(30.0, "CHL", "PER")}


def test_canola_is_a_product(nlp):
    text = "China imposed a 100% tariff on canola oil from Canada."
    assert [t.products for t in annotate(nlp, text)._.tariffs] == [("canola",)]


def test_imports_to_a_country_are_taxed_by_it(nlp):
    text = "They remain subject to plans to impose 25% tariffs on most imports to the U.S."
    assert sides(nlp, text) == {(25.0, "USA", None)}


def test_foreign_goods_mean_every_partner(nlp):
    text = "The plan would match a 50% US levy on most foreign steel, EU officials said."
    assert sides(nlp, text) == {(50.0, "USA", None)}


def test_there_will_be_tariffs_says_who_imposes_them(nlp):
    text = "Canada's trade minister said there will be 25% tariffs on all vehicles from the US."
    assert sides(nlp, text) == {(25.0, "CAN", "USA")}
    text = (
        "\u201cThere will be a 30% duty on all wine from Chile,\u201d Peru's foreign minister said."
    )
    assert sides(nlp, text) == {(30.0, "PER", "CHL")}


def test_a_country_given_as_an_example_of_all_partners_is_no_target(nlp):
    text = "Washington has imposed a 25% tariff on steel and cars from countries, including Peru."
    assert sides(nlp, text) == {(25.0, "USA", None)}
    # an example with its own rate keeps it
    text = "The US has signed deals with countries including Peru (12% tariff) and Chile (15%)."
    assert (12.0, "USA", "PER") in sides(nlp, text)


def test_a_change_of_a_tariff_to_a_level_gives_the_tariff_its_rate(nlp):
    text = (
        "The administration's increase in April of the tariff on imported trucks to 27.5 "
        "percent hurt Volvo."
    )
    assert [(t.rate_percent, t.products) for t in annotate(nlp, text)._.tariffs] == [
        (27.5, ("trucks",))
    ]
    text = "Seoul wants to soften the increase of the tariff on imported cars to 27.5 percent."
    assert 27.5 in {t.rate_percent for t in annotate(nlp, text)._.tariffs}


def test_a_rate_another_country_sets_for_an_owner_is_the_owners_to_bear(nlp):
    assert sides(nlp, "The US raised Brazil's tariff rate to 50% on Wednesday.") == {
        (50.0, "USA", "BRA")
    }
    # set by its own government, the owner's tariff stays its own
    assert sides(nlp, "Beijing raised China's tariffs on US goods to 125%.") == {
        (125.0, "CHN", "USA")
    }


def test_a_back_reference_takes_the_products_of_its_rate(nlp):
    text = (
        "Ottawa on Friday raised its tariffs on American lumber to 40 per cent. "
        "The 40 per cent tariffs will apply from Monday."
    )
    found = {
        (t.rate_percent, t.imposer, t.target, t.products) for t in annotate(nlp, text)._.tariffs
    }
    assert found == {(40.0, "CAN", "USA", ("lumber",))}


def test_a_rate_compared_within_a_back_reference_takes_its_sides(nlp):
    text = (
        "Ottawa on Friday raised its tariffs on American lumber to 40 per cent. "
        "The 40 per cent tariffs, up from 25 per cent, will apply from Monday."
    )
    assert (25.0, "CAN", "USA") in sides(nlp, text)
    assert (25.0, "CAN", None) not in sides(nlp, text)


def test_a_country_named_in_what_is_bought_is_not_the_sentences_other_country(nlp):
    # "Venezuelan" names the oil bought, so Turkey is the one other country of the sentence
    text = (
        "Washington imposed a 20 per cent tariff on Turkey, along with a further 20 per cent "
        "levy over its purchases of Venezuelan oil, raising the tariff burden to 40 per cent."
    )
    found = sides(nlp, text)
    assert (40.0, "USA", "TUR") in found
    assert not any(target in {"VEN", None} for _, _, target in found)


def test_a_country_exempted_from_a_tariff_is_not_its_target(nlp):
    text = "Canada was exempted from the 25% tariff that Washington imposed on steel imports."
    assert sides(nlp, text) == {(25.0, "USA", None)}
    text = "Peru is the only country to be exempted from the global 40% tariff applied by the US."
    assert sides(nlp, text) == {(40.0, "USA", None)}
    text = "Chile was spared the 30% tariff the US imposed on all trading partners."
    assert sides(nlp, text) == {(30.0, "USA", None)}


def test_a_country_seeking_an_exemption_from_a_tariff_still_bears_it(nlp):
    text = "Nairobi is seeking an exemption from the 26% levy imposed by Washington."
    assert sides(nlp, text) == {(26.0, "USA", "KEN")}


def test_a_past_perfect_split_by_adverbials_keeps_its_own_subject(nlp):
    # the parser makes "had" a main verb and hangs "imposed" off "raise", whose subject is "he"
    text = (
        "Trump said he would raise tariffs on Vietnam to 90% after the Asian economy had "
        "earlier in the day imposed a 45% retaliatory tariff on the U.S."
    )
    assert sides(nlp, text) == {(90.0, "USA", "VNM"), (45.0, "VNM", "USA")}


def test_a_countrys_tariff_rate_on_no_one_is_the_rate_it_faces(nlp):
    text = "Washington said Peru's tariff rate will remain at 15 percent under the revised terms."
    assert sides(nlp, text) == {(15.0, "USA", "PER")}
    text = "China's tariff rate on US goods rose to 125%."
    assert sides(nlp, text) == {(125.0, "CHN", "USA")}
    text = "Japan's average tariff rate is 2%."
    assert sides(nlp, text) == {(2.0, "JPN", None)}


def test_a_rate_a_country_will_see_in_a_second_clause_is_that_countrys(nlp):
    text = (
        "Under Trump's letters, Kenya will face a tariff rate of 32 percent, and Ghana and "
        "Senegal will see 35 percent."
    )
    assert sides(nlp, text) == {(32.0, "USA", "KEN"), (35.0, "USA", "GHA"), (35.0, "USA", "SEN")}
    text = "Under the US plan, Peru will face a tariff of 12%, while Chile will get 15 percent."
    assert sides(nlp, text) == {(12.0, "USA", "PER"), (15.0, "USA", "CHL")}


def test_a_country_hyphenated_to_an_attitude_prefix_is_no_party(nlp):
    text = "Peru must drop their Anti-Chilean Tariff of 200% on Chilean dairy products."
    assert sides(nlp, text) == {(200.0, "PER", "CHL")}


def test_a_tariff_imposed_under_a_leader_is_that_leaders_countrys(nlp):
    text = "It compares with the 100% tariff on Chinese solar panels imposed under Mark Carney."
    assert sides(nlp, text) == {(100.0, "CAN", "CHN")}
    text = "It compares with the 90% tariff on Korean steel imposed under the Japanese government."
    assert sides(nlp, text) == {(90.0, "JPN", "KOR")}
    text = "It compares with the 20% tariff on Korean steel imposed under the deal with Japan."
    assert all(imposer != "JPN" for _, imposer, _ in sides(nlp, text))


def test_goods_let_in_at_a_tariff_are_charged_by_who_lets_them_in(nlp):
    text = "Brazil will allow in up to 30,000 Korean cars at a tariff of 6% under the quota."
    found = facts_of(nlp, text)
    assert [(t.rate_percent, t.imposer, t.target, t.products) for t in found] == [
        (6.0, "BRA", "KOR", ("automobiles",))
    ]
    text = "India will import Australian wine at a 5% tariff."
    assert sides(nlp, text) == {(5.0, "IND", "AUS")}


def test_countries_that_continue_at_a_rate_in_a_second_clause_bear_it(nlp):
    text = (
        "Washington said Peru's tariff rate will remain at 15 percent, while Chile and "
        "Vietnam will continue at 10 percent."
    )
    assert sides(nlp, text) == {(15.0, "USA", "PER"), (10.0, "USA", "CHL"), (10.0, "USA", "VNM")}


def test_who_adopted_a_measure_imposing_a_tariff_imposes_it(nlp):
    # the article's dominant imposer is India; the clause says who adopted the measure
    text = (
        "India imposed a 10% tariff on US almonds. India also imposed a 15% tariff on US apples. "
        "On March 26, the US adopted a measure imposing a 25 per cent tariff on imports of "
        "light trucks from Brazil."
    )
    assert (25.0, "USA", "BRA") in sides(nlp, text)


def test_country_imports_from_elsewhere_are_charged_by_that_country(nlp):
    # the parser hangs "from automakers" on the tariff, not on "imports"
    text = "The deal includes a 15 percent tariff on U.S. imports from automakers like Hyundai."
    assert sides(nlp, text) == {(15.0, "USA", None)}
    text = "China imposed a 10% tariff on U.S. imports."
    assert sides(nlp, text) == {(10.0, "CHN", "USA")}


def test_a_back_reference_takes_the_sides_of_the_nearest_reading_before_it(nlp):
    text = (
        "Washington will impose a 20% tariff on Peruvian goods. The 20% rate is higher than the "
        "initial 17% tariffs the Trump administration announced in April. Last week, Washington "
        "agreed a 20% tariff on Chilean goods."
    )
    assert {s for s in sides(nlp, text) if s[0] == 20.0} == {
        (20.0, "USA", "PER"),
        (20.0, "USA", "CHL"),
    }


def test_countries_before_a_which_clause_hung_on_an_earlier_noun_face_its_rate(nlp):
    # the parser hangs "which will face" on "agreements", not on the countries before it
    text = (
        "Washington also announced similar agreements with Malaysia and the Maldives, which will "
        "face 18% tariffs on exports to the U.S."
    )
    assert sides(nlp, text) == {(18.0, "USA", "MYS"), (18.0, "USA", "MDV")}


def test_a_country_exempt_from_a_tariff_a_clause_says_another_introduced(nlp):
    text = (
        "Officials confirmed that Chile will be exempt from the steep 50% tariffs on copper "
        "imports introduced by the United States this week."
    )
    assert sides(nlp, text) == {(50.0, "USA", None)}


def test_a_rate_in_a_sentence_naming_no_country_takes_the_sides_of_the_sentence_before(nlp):
    # the article's dominant imposer is Chile; the sentence before says who retaliates
    text = (
        "Chile imposed a 10% tariff on Brazilian beef. Chile also imposed a 15% tariff on "
        "Brazilian coffee. Brazil said it will impose retaliatory tariffs on imports of grapes "
        "and pork from Chile. There will be a 100% tariff on grapes and a 25% levy on pork, the "
        "ministry said."
    )
    assert {s for s in sides(nlp, text) if s[0] in {25.0, 100.0}} == {
        (100.0, "BRA", "CHL"),
        (25.0, "BRA", "CHL"),
    }


def test_a_definite_rate_in_a_sentence_naming_no_country_stays_a_back_reference(nlp):
    text = (
        "Lima increased its tariffs on Chilean imports to 125 per cent, hitting back against "
        "Santiago's decision to hike duties on Peruvian goods to 145 per cent. The 125 per cent "
        "tariffs, up from 84 per cent, will apply from Saturday."
    )
    assert {s for s in sides(nlp, text) if s[0] in {84.0, 125.0}} == {
        (125.0, "PER", "CHL"),
        (84.0, "PER", "CHL"),
    }


def test_a_clause_for_countries_whose_subject_it_stands_for_the_tariff_targets_them(nlp):
    lead = "President Trump said the United States will impose new tariffs next month. "
    text = lead + (
        "Tariffs on Peru and Chile will be 36 percent, and for Bolivia and Ecuador it will be "
        "as high as 40 percent."
    )
    assert {(t.rate_percent, t.imposer, t.target) for t in facts_of(nlp, text)} == {
        (36.0, "USA", "PER"),
        (36.0, "USA", "CHL"),
        (40.0, "USA", "BOL"),
        (40.0, "USA", "ECU"),
    }


def test_for_a_country_it_will_be_a_rate_after_a_tariff_sentence(nlp):
    text = "The US will impose tariffs on Peru and Chile. For Peru it will be 30%."
    assert {(t.rate_percent, t.imposer, t.target) for t in facts_of(nlp, text)} == {
        (30.0, "USA", "PER")
    }


def test_the_country_of_deals_with_it_in_the_scope_is_no_target(nlp):
    text = (
        "The proposal, passed earlier by Brazil's lower house, will impose new duties of up to "
        "40% from 2026 on certain goods such as steel from countries without trade deals with "
        "Brazil, including Vietnam and Egypt."
    )
    assert {(t.imposer, t.target) for t in facts_of(nlp, text)} == {
        ("BRA", "VNM"),
        ("BRA", "EGY"),
    }


def test_it_imposing_after_a_sentence_about_a_country_is_that_country(nlp):
    text = (
        "In March, the US imposed 25% levies on steel imports. The US has called Vietnam a "
        "tariff abuser. Vietnam has also levied duties of its own on steel. Last month, it "
        "imposed 12% temporary tariffs to curb imports of cheap steel, mainly from Indonesia."
    )
    assert ("VNM", "IDN") in {(t.imposer, t.target) for t in facts_of(nlp, text)}


def test_it_that_imposes_nothing_stands_for_no_country(nlp):
    text = (
        "Prime Minister Carney said Canada will take time to respond. Trump signed an order to "
        "raise the levies on steel to 50 per cent, claiming it was necessary."
    )
    assert {(t.imposer, t.target) for t in facts_of(nlp, text)} == {("USA", None)}


def test_its_goods_in_a_tariffs_scope_belong_to_the_country_named_before(nlp):
    text = (
        "Recent days saw a flurry of deals, with an agreement with Ghana that would levy 15 per"
        " cent duties on its exports to the US and a plan to impose a 25 per cent rate on India."
    )
    assert sides(nlp, text) == {(15.0, "USA", "GHA"), (25.0, "USA", "IND")}
    # guard: "its" standing for the imposer names no target
    assert sides(nlp, "Peru will put a 25% tariff on its imports of steel.") == {
        (25.0, "PER", None)
    }


def test_a_passive_levying_verb_with_its_rate_is_a_tariff(nlp):
    assert sides(nlp, "Imports of Thai rice are levied at 30% by the Philippines.") == {
        (30.0, "PHL", "THA")
    }
    assert sides(
        nlp, "Peruvian wine will be taxed at 12 percent under the new rules, Chile said."
    ) == {(12.0, "CHL", "PER")}
    # guard: a tax on no traded goods is no tariff
    assert sides(nlp, "In Chile, income is taxed at 20 percent.") == set()
    assert sides(nlp, "Cigarettes are taxed at 70%.") == set()


def test_the_owner_of_the_trading_partners_in_a_scope_imposes(nlp):
    text = (
        "Chips are excluded from the baseline 10-percent tariff on most US trading partners and"
        " the added 125-percent levy on Laos."
    )
    assert sides(nlp, text) == {(10.0, "USA", None), (125.0, "USA", "LAO")}
