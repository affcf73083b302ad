"""tradefacts.timeline: lines, points, conflicts, undated points, rate_on, and folding."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradefacts
from tradefacts import InputError
from tradefacts.models import ArticleFacts, Evidence, TariffRate, Timeline
from tradefacts.timelines import point_status, product_group

from .articles import ARTICLES

D = dt.date


def fact(doc_id: str, rate: float, status: str = "in_effect", **fields) -> TariffRate:
    text = f"{rate:g}% tariff"
    ev = Evidence(doc_id=doc_id, start=0, end=len(text), text=text)
    fields.setdefault("imposer", "USA")
    fields.setdefault("target", "JPN")
    return TariffRate(rate_percent=rate, status=status, evidence=(ev,), **fields)


def article(doc_id: str, published: str | None, *tariffs: TariffRate) -> ArticleFacts:
    return ArticleFacts(doc_id=doc_id, published=published, tariffs=tariffs)


# --- on articles written for the tests, extracted for real ----------------------------------


@pytest.fixture(scope="module")
def written(nlp) -> list[ArticleFacts]:
    return [tradefacts.extract_text(t, doc_id=d, published=p) for d, p, t in ARTICLES]


def test_a_year_of_us_tariffs_on_japan(written) -> None:
    timeline = tradefacts.timeline(written)
    line = timeline.line("USA", "JPN")
    assert line is not None
    steps = [(p.date, p.rate_percent, p.status) for p in line.points]
    assert (D(2025, 4, 3), 24.0, "announced") in steps
    assert (D(2025, 4, 5), 10.0, "in_effect") in steps  # "took effect on April 5"
    assert (D(2025, 4, 10), 24.0, "paused") in steps
    assert (D(2025, 8, 1), 25.0, "in_effect") in steps  # "to 25% from August 1"
    assert (D(2025, 11, 5), 15.0, "removed") in steps
    assert [p.date for p in line.points] == sorted(p.date for p in line.points)

    deal = [p for p in line.points if p.date == D(2025, 8, 7)]
    assert {p.rate_percent for p in deal} == {15.0, 25.0}  # two sources disagree that day
    assert all(p.conflicting for p in deal)
    fifteen = next(p for p in deal if p.rate_percent == 15.0)
    assert fifteen.sources == ("post-0807", "times-0723")  # stated twice: one point
    assert fifteen.as_of == D(2025, 7, 23)  # the earliest publication stating it
    assert fifteen.effective == D(2025, 8, 7)
    for point in line.points:
        texts = {d: t for d, _, t in ARTICLES}
        assert all(texts[e.doc_id][e.start : e.end] == e.text for e in point.evidence)

    rate = timeline.rate_on
    assert rate("USA", "JPN", on="2025-04-04") is None  # announced, not yet in force
    assert rate("USA", "JPN", on="2025-04-20").rate_percent == 10.0
    assert rate("USA", "JPN", on="2025-08-03").rate_percent == 25.0
    assert rate("USA", "JPN", on=D(2025, 9, 1)).rate_percent == 15.0  # best-supported that day
    assert rate("USA", "JPN", on="2025-12-01") is None  # removed by the court


# --- the mechanism, on facts built by hand --------------------------------------------------


def test_timeline_of_nothing_is_empty() -> None:
    assert tradefacts.timeline([]) == Timeline()
    assert tradefacts.timeline([article("a", "2025-01-02")]).lines == ()
    assert Timeline().line("USA", "JPN") is None
    assert Timeline().rate_on("USA", "JPN", on="2025-01-01") is None


def test_bad_items_raise_a_typed_error() -> None:
    with pytest.raises(InputError, match="timeline expects"):
        tradefacts.timeline(["not facts"])  # type: ignore[list-item]


def test_a_rate_announced_with_its_start_day_is_in_effect_on_that_day() -> None:
    before = article("a", "2025-07-23", fact("a", 15, "announced", effective=D(2025, 8, 7)))
    after = article("b", "2025-08-09", fact("b", 15, "in_effect", effective=D(2025, 8, 7)))
    undated = article("c", "2025-07-24", fact("c", 20, "announced"))  # no start day
    timeline = tradefacts.timeline([before, after, undated])
    line = timeline.line("USA", "JPN")
    assert line is not None
    steps = [(p.date, p.rate_percent, p.status, p.sources, p.conflicting) for p in line.points]
    assert steps == [
        (D(2025, 7, 24), 20.0, "announced", ("c",), False),
        (D(2025, 8, 7), 15.0, "in_effect", ("a", "b"), False),  # one point, no conflict
    ]
    assert timeline.rate_on("USA", "JPN", on="2025-08-10").rate_percent == 15.0
    assert timeline.rate_on("USA", "JPN", on="2025-08-01") is None  # 20% was only announced


def test_lines_per_imposer_target_and_product_group() -> None:
    facts = article(
        "a",
        "2025-04-03",
        fact("a", 25, products=("automobiles", "steel")),
        fact("a", 10),
        fact("a", 10, target=None, measure="baseline"),
    )
    other = article("b", "2025-04-04", fact("b", 25, products=("autos",)))
    timeline = tradefacts.timeline([facts, other])
    keys = [(line.imposer, line.target, line.products) for line in timeline.lines]
    assert keys == [
        ("USA", "JPN", ()),
        ("USA", "JPN", ("automobiles",)),
        ("USA", "JPN", ("steel",)),
        ("USA", None, ()),
    ]
    cars = timeline.line("USA", "JPN", "cars")
    assert cars is not None and [p.sources for p in cars.points] == [("a",), ("b",)]
    assert product_group("Autos") == "automobiles" and product_group("lumber") == "lumber"


def test_undated_points_are_kept() -> None:
    timeline = tradefacts.timeline([article("a", None, fact("a", 25)), article("b", None)])
    line = timeline.line("USA", "JPN")
    assert line is not None and line.points == ()
    assert [(p.rate_percent, p.sources, p.date) for p in line.undated] == [(25.0, ("a",), None)]


def test_an_effective_date_dates_an_undated_article() -> None:
    timeline = tradefacts.timeline([article("a", None, fact("a", 25, effective=D(2025, 8, 1)))])
    (point,) = timeline.lines[0].points
    assert (point.date, point.effective, point.as_of) == (D(2025, 8, 1), D(2025, 8, 1), None)


def test_one_article_stating_two_rates_that_day_is_no_conflict() -> None:
    facts = article("a", "2025-04-10", fact("a", 24, "paused"), fact("a", 10))
    points = tradefacts.timeline([facts]).lines[0].points
    assert [p.conflicting for p in points] == [False, False]


def test_different_facts_of_one_day_are_no_conflict() -> None:
    facts = [
        article("a", "2025-04-09", fact("a", 50, "announced")),
        article("b", "2025-04-09", fact("b", 125, "threatened")),
        article("c", "2025-04-09", fact("c", 125, "in_effect")),
    ]
    points = tradefacts.timeline(facts).lines[0].points
    flags = {(p.rate_percent, p.status): p.conflicting for p in points}
    assert flags == {
        (50.0, "announced"): False,  # nobody else states 50% or an announcement
        (125.0, "threatened"): True,  # b and c disagree on the state of 125%
        (125.0, "in_effect"): True,
    }


def test_pause_and_removal_end_only_the_rate_they_name() -> None:
    facts = [
        article("a", "2025-04-05", fact("a", 10)),
        article("b", "2025-04-06", fact("b", 24)),
        article("c", "2025-04-09", fact("c", 24, "paused")),
        article("d", "2025-05-01", fact("d", 10, "removed")),
    ]
    timeline = tradefacts.timeline(facts)
    on = {day: timeline.rate_on("USA", "JPN", on=day) for day in ("2025-04-06", "2025-04-10")}
    assert on["2025-04-06"].rate_percent == 24.0
    assert on["2025-04-10"] is None  # the 24% in force was paused; 10% was superseded
    assert timeline.rate_on("USA", "JPN", on="2025-06-01") is None


def test_of_rates_in_force_that_day_support_then_the_highest_wins() -> None:
    one = article("a", "2025-08-27", fact("a", 25), fact("a", 50))
    assert tradefacts.timeline([one]).rate_on("USA", "JPN", on="2025-09-01").rate_percent == 50
    more = [one, article("b", "2025-08-27", fact("b", 25))]
    assert tradefacts.timeline(more).rate_on("USA", "JPN", on="2025-09-01").rate_percent == 25


def test_a_product_line_without_points_falls_back_to_all_goods() -> None:
    steel = fact("a", 25, "announced", products=("steel",))
    facts = article("a", "2025-04-05", fact("a", 10), steel)
    timeline = tradefacts.timeline([facts])
    assert timeline.rate_on("USA", "JPN", "steel", on="2025-05-01") is None  # own points
    assert timeline.rate_on("USA", "JPN", "rice", on="2025-05-01").rate_percent == 10.0


def test_records_take_their_sources_dates_from_published(nlp) -> None:
    a = article("a", "2025-07-23", fact("a", 15, effective=D(2025, 8, 7)))
    b = article("b", "2025-07-25", fact("b", 15))
    record = tradefacts.merge([a, b])
    timeline = tradefacts.timeline(record, published={"a": "2025-07-23", "b": "2025-07-25"})
    (point,) = timeline.lines[0].points
    assert (point.date, point.as_of, point.sources) == (D(2025, 8, 7), D(2025, 7, 23), ("a", "b"))
    undated = tradefacts.timeline(tradefacts.merge([b]))
    assert undated.lines[0].points == () and len(undated.lines[0].undated) == 1


def test_timeline_json_round_trips() -> None:
    timeline = tradefacts.timeline([article("a", "2025-04-05", fact("a", 10))])
    data = timeline.model_dump(mode="json")
    assert tradefacts.validate(data, schema="Timeline") == timeline


DAYS = st.dates(min_value=D(2025, 1, 1), max_value=D(2025, 12, 31))
FACTS = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d"]),
        st.one_of(st.none(), DAYS),
        st.sampled_from([10.0, 15.0, 25.0]),
        st.sampled_from(["in_effect", "announced", "paused", "removed"]),
        st.one_of(st.none(), DAYS),
        st.sampled_from([(), ("steel",), ("cars",), ("automobiles", "steel")]),
    ),
    max_size=12,
)


def _articles(rows) -> list[ArticleFacts]:
    by_doc: dict[str, list] = {}
    published: dict[str, dt.date | None] = {}
    for doc_id, day, rate, status, effective, products in rows:
        published.setdefault(doc_id, day)
        by_doc.setdefault(doc_id, []).append(
            fact(doc_id, rate, status, effective=effective, products=products)
        )
    return [article(d, published[d], *set(tariffs)) for d, tariffs in by_doc.items()]


@settings(max_examples=60, deadline=None)
@given(FACTS, st.randoms(use_true_random=False))
def test_order_free_lossless_and_foldable(rows, random) -> None:
    facts = _articles(rows)
    timeline = tradefacts.timeline(facts)
    shuffled = list(facts)
    random.shuffle(shuffled)
    assert tradefacts.timeline(shuffled) == timeline
    # folding partial timelines gives the timeline of everything (how a corpus scales)
    half = len(facts) // 2
    parts = [tradefacts.timeline(facts[:half]), tradefacts.timeline(facts[half:])]
    assert tradefacts.timeline(parts) == timeline
    # every statement is somewhere: on its line's points or undated
    stated = {
        (f.doc_id, t.rate_percent, point_status(t), product_group(p) if p else None)
        for f in facts
        for t in f.tariffs
        for p in (t.products or (None,))
    }
    kept = {
        (s, p.rate_percent, p.status, line.products[0] if line.products else None)
        for line in timeline.lines
        for p in (*line.points, *line.undated)
        for s in p.sources
    }
    assert kept == stated
    for line in timeline.lines:
        assert all(p.date is not None for p in line.points)
        assert [p.date for p in line.points] == sorted(p.date for p in line.points)
        for p in line.points:
            assert p.date == (p.effective or p.as_of)


def test_building_and_drawing_a_timeline_imports_no_heavy_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tradefacts; t = tradefacts.timeline([]); t.to_html();"
        "print(sorted(m for m in ('spacy', 'dateparser', 'pandas', 'dask') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
