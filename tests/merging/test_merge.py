"""Tests of tradefacts.merge: entity, event, date, tariff, statement and quantity fusion,
conflicts, and the order/idempotence/associativity/no-loss properties over generated input."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradefacts.errors import InputError
from tradefacts.merging import format_summary, merge, quote_tokens
from tradefacts.models import (
    ArticleFacts,
    CanonicalRecord,
    Entity,
    Evidence,
    Quantity,
    Statement,
    TariffRate,
    TradeEvent,
)
from tradefacts.schema import schema_for


def ev(doc: str, text: str, start: int = 0) -> Evidence:
    return Evidence(doc_id=doc, start=start, end=start + len(text), text=text)


def person(pid: str, name: str, doc: str, country: str | None = None, role: str | None = None):
    return Entity(
        id=pid, name=name, type="person", country=country, role=role, evidence=(ev(doc, name),)
    )


def dumped(record: CanonicalRecord) -> str:
    return record.model_dump_json()


# --- hand-built articles about UK-India talks (not the seeds) --------------------------------

LONDON = dt.date(2025, 5, 6)  # a Tuesday


def article_one() -> ArticleFacts:
    doc = "one"
    return ArticleFacts(
        doc_id=doc,
        entities=(
            person("person:keir-starmer", "Keir Starmer", doc, "GBR", "Prime Minister"),
            person("person:piyush-goyal", "Piyush Goyal", doc, "IND", "Commerce Minister"),
        ),
        tariffs=(
            TariffRate(
                rate_percent=15,
                imposer="IND",
                target="GBR",
                products=("whisky", "automobiles"),
                status="announced",
                evidence=(ev(doc, "15% on whisky and cars", 10),),
            ),
        ),
        statements=(
            Statement(
                speaker="person:keir-starmer",
                speaker_name="Keir Starmer",
                text="This is a landmark deal that will favour British workers and businesses.",
                evidence=(ev(doc, "landmark", 40),),
            ),
        ),
        quantities=(
            Quantity(
                kind="money",
                value=4.8e9,
                unit="GBP",
                text="£4.8bn",
                evidence=(ev(doc, "£4.8bn", 60),),
            ),
        ),
        events=(
            TradeEvent(
                type="negotiation",
                date=None,
                date_text="on Tuesday",
                participants=("person:starmer", "person:piyush-goyal", "country:GBR"),
                location="London",
                evidence=(ev(doc, "talks in London", 80),),
            ),
            TradeEvent(
                type="visit",
                date=None,
                date_text="Friday",
                participants=("person:piyush-goyal", "person:rachel-reeves"),
                evidence=(ev(doc, "visit", 100),),
            ),
            TradeEvent(
                type="announcement",
                date=None,
                date_text="March 4",
                participants=("country:IND",),
                evidence=(ev(doc, "announced", 120),),
            ),
        ),
    )


def article_two() -> ArticleFacts:
    doc = "two"
    return ArticleFacts(
        doc_id=doc,
        published=LONDON,
        entities=(
            person("person:starmer", "Starmer", doc, "GBR"),
            person(
                "person:jonathan-reynolds", "Jonathan Reynolds", doc, "GBR", "Business Secretary"
            ),
        ),
        tariffs=(
            TariffRate(
                rate_percent=15,
                imposer="IND",
                target=None,
                products=("automobiles",),
                status="in_effect",
                evidence=(ev(doc, "15 per cent duty on cars", 5),),
            ),
        ),
        statements=(
            Statement(
                speaker="person:starmer",
                speaker_name="Starmer",
                text="This is a landmark deal that will favor British workers",
                evidence=(ev(doc, "landmark deal", 30),),
            ),
        ),
        quantities=(
            Quantity(
                kind="money",
                value=4.8e9,
                unit="GBP",
                text="£4.8 billion",
                evidence=(ev(doc, "£4.8 billion", 50),),
            ),
        ),
        events=(
            TradeEvent(
                type="meeting",
                date=LONDON,
                date_text="Tuesday",
                participants=("person:starmer", "person:jonathan-reynolds", "person:piyush-goyal"),
                location="Downing Street, London",
                evidence=(ev(doc, "met in Downing Street", 70),),
            ),
        ),
    )


def test_empty_input_gives_empty_record() -> None:
    assert merge([]) == CanonicalRecord()
    assert merge() == CanonicalRecord()


def test_wrong_input_type_is_an_input_error() -> None:
    with pytest.raises(InputError):
        merge([{"doc_id": "x"}])


def test_surname_only_person_joins_the_full_name_and_references_are_rewritten() -> None:
    record = merge([article_one(), article_two()])
    ids = [e.id for e in record.entities]
    assert "person:starmer" not in ids
    starmer = next(e for e in record.entities if e.id == "person:keir-starmer")
    assert starmer.name == "Keir Starmer"
    assert "Starmer" in starmer.aliases
    assert starmer.sources == ("one", "two")
    assert {e.doc_id for e in starmer.evidence} == {"one", "two"}
    assert all(s.speaker == "person:keir-starmer" for s in record.statements)
    assert all("person:starmer" not in v.participants for v in record.events)


def test_weekday_event_takes_the_date_and_anchors_its_article() -> None:
    record = merge([article_one(), article_two()])
    assert record.event is not None
    assert record.event.date == LONDON
    assert record.event.sources == ("one", "two")
    assert "person:jonathan-reynolds" in record.event.participants
    disputed = next(c for c in record.conflicts if c.field == "participants")
    assert sorted("person:jonathan-reynolds" in side.value for side in disputed.sides) == [
        False,
        True,
    ]
    assert record.event.location in {"London", "Downing Street, London"}
    by_type = {v.type: v for v in record.events}
    # "Friday" in article one, anchored on Tuesday 6 May -> Friday 9 May (within +-3 days)
    assert by_type["visit"].date == dt.date(2025, 5, 9)
    # "March 4" takes the anchor's year
    assert by_type["announcement"].date == dt.date(2025, 3, 4)


def test_without_any_dated_article_weekdays_stay_unresolved() -> None:
    record = merge([article_one()])
    assert all(v.date is None for v in record.events)


def test_multi_product_tariff_shares_the_per_product_fact() -> None:
    record = merge([article_one(), article_two()])
    cars = [t for t in record.tariffs if "automobiles" in t.products]
    whisky = [t for t in record.tariffs if "whisky" in t.products]
    assert len(cars) == 1 and len(whisky) == 1
    assert cars[0].sources == ("one", "two")
    assert cars[0].target == "GBR"
    assert whisky[0].sources == ("one",)
    fields = {(c.fact, c.field) for c in record.conflicts}
    label = next(c.fact for c in record.conflicts if "automobiles" in c.fact)
    assert (label, "status") in fields and (label, "products") in fields
    status = next(c for c in record.conflicts if c.fact == label and c.field == "status")
    assert {s.value for s in status.sides} == {"announced", "in_effect"}


def test_statement_spelling_and_length_variants_are_one_statement() -> None:
    record = merge([article_one(), article_two()])
    assert len(record.statements) == 1
    statement = record.statements[0]
    assert statement.text.startswith("This is a landmark deal that will favour")
    assert len(statement.variants) == 2
    assert statement.sources == ("one", "two")
    assert not any(c.fact.startswith("statement") for c in record.conflicts)


def test_short_quote_joins_the_full_quote_of_the_same_speaker_only() -> None:
    full = "A real pleasure to host the Korean delegation today. Big progress!"
    articles = [
        ArticleFacts(
            doc_id=doc,
            statements=(Statement(speaker=speaker, text=text, evidence=(ev(doc, "q"),)),),
        )
        for doc, speaker, text in [
            ("a", "person:lee-jae-myung", full),
            ("b", "person:lee-jae-myung", "Big Progress!"),
            ("c", "person:han-duck-soo", "Big progress!"),
            ("d", "person:lee-jae-myung", "We will never accept unfair tariffs on our chips."),
        ]
    ]
    record = merge(articles)
    by_speaker = {}
    for s in record.statements:
        by_speaker.setdefault(s.speaker, []).append(s)
    lee = sorted(by_speaker["person:lee-jae-myung"], key=lambda s: s.text)
    assert [s.text for s in lee] == [full, "We will never accept unfair tariffs on our chips."]
    assert lee[0].sources == ("a", "b")
    assert by_speaker["person:han-duck-soo"][0].sources == ("c",)


def test_quote_tokens_fold_spelling_case_and_quotes() -> None:
    assert quote_tokens("A Great Honor — ‘TRADE FAIRNESS’") == quote_tokens(
        "a great honour - 'trade fairness'"
    )
    assert quote_tokens("We organised it") == quote_tokens("we organized it")


def test_money_within_rounding_is_one_quantity() -> None:
    record = merge([article_one(), article_two()])
    assert len(record.quantities) == 1
    assert record.quantities[0].sources == ("one", "two")
    assert record.quantities[0].value == pytest.approx(4.8e9)


def test_participant_disagreement_and_planned_vs_occurred_are_conflicts() -> None:
    planned = ArticleFacts(
        doc_id="early",
        events=(
            TradeEvent(
                type="meeting",
                date=dt.date(2025, 7, 1),
                status="planned",
                participants=("person:maros-sefcovic", "person:howard-lutnick"),
                evidence=(ev("early", "will meet"),),
            ),
        ),
    )
    occurred = ArticleFacts(
        doc_id="late",
        events=(
            TradeEvent(
                type="meeting",
                date=dt.date(2025, 7, 1),
                status="occurred",
                participants=("person:maros-sefcovic", "person:jamieson-greer"),
                evidence=(ev("late", "met"),),
            ),
        ),
    )
    other = occurred.model_copy(
        update={
            "doc_id": "later",
            "events": (occurred.events[0].model_copy(update={"evidence": (ev("later", "met"),)}),),
        }
    )
    record = merge([planned, occurred, other])
    assert record.event is not None and record.event.status == "occurred"
    assert set(record.event.participants) == {
        "person:maros-sefcovic",
        "person:howard-lutnick",
        "person:jamieson-greer",
    }
    fields = {c.field: c for c in record.conflicts}
    assert fields["status"].chosen == "occurred"
    assert {s.value: s.sources for s in fields["status"].sides} == {
        "occurred": ("late", "later"),
        "planned": ("early",),
    }
    assert "participants" in fields


def test_undated_mention_joins_the_talks_it_shares_people_with_unless_planned() -> None:
    talks = TradeEvent(
        type="negotiation",
        date=dt.date(2025, 5, 12),
        participants=("person:he-lifeng", "person:scott-bessent", "country:CHN", "country:USA"),
        evidence=(ev("p", "talks in Geneva"),),
    )
    mention = TradeEvent(
        type="meeting",
        participants=("person:scott-bessent", "person:jamieson-greer", "country:USA"),
        evidence=(ev("q", "held talks with Bessent and Greer"),),
    )
    later = TradeEvent(
        type="negotiation",
        status="planned",
        participants=("person:scott-bessent", "person:li-chenggang"),
        evidence=(ev("q", "would be conducted separately", 50),),
    )
    record = merge(
        [
            ArticleFacts(doc_id="p", events=(talks,)),
            ArticleFacts(doc_id="q", events=(mention, later)),
        ]
    )
    assert record.event is not None
    assert record.event.sources == ("p", "q")
    assert record.event.date == dt.date(2025, 5, 12)
    assert "person:jamieson-greer" in record.event.participants
    assert "person:li-chenggang" not in record.event.participants
    assert len(record.events) == 2


def test_central_event_prefers_talks_with_most_sources() -> None:
    def article(doc: str, *events: TradeEvent) -> ArticleFacts:
        return ArticleFacts(doc_id=doc, events=events)

    talks = TradeEvent(
        type="negotiation",
        date=dt.date(2025, 6, 10),
        participants=("person:he-lifeng", "person:scott-bessent"),
        location="Geneva",
    )
    speech = TradeEvent(
        type="speech", date=dt.date(2025, 6, 9), participants=("person:xi-jinping",)
    )
    record = merge(
        [
            article("x", talks, speech),
            article("y", talks, speech),
            article("z", talks.model_copy(update={"date": None, "date_text": "Tuesday"})),
        ]
    )
    assert record.event is not None
    assert record.event.type == "negotiation"
    assert record.event.sources == ("x", "y", "z")
    assert record.event.location == "Geneva"
    assert record.event in record.events


def test_format_summary_lists_event_facts_and_conflicts() -> None:
    record = merge([article_one(), article_two()])
    text = format_summary(record)
    assert "2025-05-06" in text
    assert "Keir Starmer" in text
    assert "15% IND -> GBR on automobiles" in text
    assert "[2 sources]" in text
    assert "Conflicts (" in text
    assert format_summary(CanonicalRecord()).startswith("Sources: 0")


# --- properties over generated articles ------------------------------------------------------

PEOPLE = ["person:ann-lee", "person:lee", "person:bo-chan", "person:chan", "person:kim-park"]
COUNTRIES = ["country:USA", "country:JPN", "country:GBR"]
TEXTS = [
    "Big progress!",
    "A great honour to have met the delegation today. Big progress!",
    "A Great Honor to have met the Delegation today. Big Progress!",
    "We will not rush a deal with anyone",
    "we will not rush a deal",
    "Tariffs are taxes on consumers",
]


@st.composite
def articles(draw: st.DrawFn, doc: str | None = None, most_events: int = 3) -> ArticleFacts:
    doc = doc or draw(st.sampled_from(["d0", "d1", "d2", "d3", "d4"]))

    spots = iter(range(0, 10_000, 100))

    def evidence() -> tuple[Evidence, ...]:
        """Each fact is read at its own place in the article (one or two spans there)."""
        spot = next(spots)
        starts = draw(st.lists(st.integers(0, 30), min_size=1, max_size=2))
        return tuple(ev(doc, "x" * (s % 5 + 1), spot + s) for s in starts)

    entities = tuple(
        Entity(
            id=pid,
            name=pid.removeprefix("person:").replace("-", " ").title(),
            type="person",
            country=draw(st.sampled_from([None, "USA", "JPN"])),
            role=draw(st.sampled_from([None, "President", "Minister"])),
            aliases=tuple(draw(st.lists(st.sampled_from(["Mr X", "the boss"]), max_size=1))),
            evidence=evidence(),
        )
        for pid in draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))
    )
    tariffs = tuple(
        TariffRate(
            rate_percent=draw(st.sampled_from([10.0, 24.0, 25.0])),
            imposer=draw(st.sampled_from(["USA", "GBR"])),
            # One specific target per rate: a target-less report joins the single specific
            # target; when a second target only arrives in a later merge, the joined report's
            # evidence cannot be re-split (known limit of re-merging records, see
            # tradefacts/merging/inputs.py).
            target=draw(st.sampled_from([None, "JPN"])),
            products=tuple(draw(st.lists(st.sampled_from(["automobiles", "steel"]), max_size=2))),
            status=draw(st.sampled_from(["in_effect", "paused", "announced"])),
            measure=draw(st.sampled_from(["other", "reciprocal"])),
            qualifier=draw(st.sampled_from(["exact", "up_to"])),
            evidence=evidence(),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    statements = tuple(
        Statement(
            speaker=draw(st.sampled_from([None, *PEOPLE])),
            text=draw(st.sampled_from(TEXTS)),
            kind=draw(st.sampled_from(["direct", "indirect"])),
            evidence=evidence(),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    quantities = tuple(
        Quantity(
            kind="money",
            value=draw(st.sampled_from([1.4e9, 1.4e9 * 1.001, 6.85e10])),
            unit=draw(st.sampled_from(["USD", "JPY"])),
            text=draw(st.sampled_from(["$1.4bn", "US$1.4 billion"])),
            approximate=draw(st.booleans()),
            evidence=evidence(),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    events = tuple(
        TradeEvent(
            type=draw(st.sampled_from(["meeting", "negotiation", "announcement"])),
            date=draw(st.sampled_from([None, dt.date(2025, 4, 16), dt.date(2025, 4, 17)])),
            date_text=draw(
                st.sampled_from([None, "Wednesday", "on Thursday", "this month", "April 2"])
            ),
            status=draw(st.sampled_from(["occurred", "planned"])),
            participants=tuple(draw(st.lists(st.sampled_from(PEOPLE + COUNTRIES), max_size=3))),
            location=draw(st.sampled_from([None, "Washington", "Tokyo"])),
            evidence=evidence(),
        )
        for _ in range(draw(st.integers(0, most_events)))
    )
    return ArticleFacts(
        doc_id=doc,
        entities=entities,
        tariffs=tariffs,
        statements=statements,
        quantities=quantities,
        events=events,
    )


PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.lists(articles(), max_size=5), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_input_order(
    items: list[ArticleFacts], rng: random.Random
) -> None:
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert dumped(merge(shuffled)) == dumped(merge(items))


@PROPERTY
@given(st.lists(articles(), max_size=5))
def test_merging_a_list_with_itself_adds_nothing(items: list[ArticleFacts]) -> None:
    assert dumped(merge(items + items)) == dumped(merge(items))


@st.composite
def distinct_articles(draw: st.DrawFn, most: int = 6) -> list[ArticleFacts]:
    """Return articles with distinct doc ids (one article, one extraction), each reporting at
    most one event: when one article reports the same happening twice with different details,
    a record cut back into atoms may pair those details differently (known limit)."""
    return [draw(articles(f"doc{i}", most_events=1)) for i in range(draw(st.integers(0, most)))]


@PROPERTY
@given(distinct_articles(), st.integers(0, 6), st.integers(0, 6))
def test_merge_is_associative(items: list[ArticleFacts], cut1: int, cut2: int) -> None:
    first, second = sorted((cut1, cut2))
    a, b, c = items[:first], items[first:second], items[second:]
    everything = merge(a + b + c)
    assert dumped(merge(merge(a + b), *c)) == dumped(everything)
    assert dumped(merge(merge(a), merge(b), merge(c))) == dumped(everything)
    assert dumped(merge(everything)) == dumped(everything)


@PROPERTY
@given(st.lists(articles(), max_size=5))
def test_no_input_evidence_is_lost(items: list[ArticleFacts]) -> None:
    record = merge(items)
    kept = {
        kind: {e for fact in getattr(record, kind) for e in fact.evidence}
        for kind in ("entities", "quantities", "tariffs", "statements", "events")
    }
    for item in items:
        for kind in kept:
            for fact in getattr(item, kind):
                assert set(fact.evidence) <= kept[kind]
    assert set(record.sources) == {item.doc_id for item in items}


@PROPERTY
@given(st.lists(articles(), max_size=5))
def test_record_validates_against_the_json_schema(items: list[ArticleFacts]) -> None:
    schema = schema_for("CanonicalRecord")  # the shipped schema, generated from the model
    data = merge(items).model_dump(mode="json")
    jsonschema.Draft202012Validator(schema).validate(data)
    assert CanonicalRecord.model_validate(data) == merge(items)


# --- scale --------------------------------------------------------------------------------------


def synthetic_articles(count: int) -> list[ArticleFacts]:
    """Return ``count`` varied articles about many events, people and tariffs."""
    rng = random.Random(7)
    found = []
    for index in range(count):
        doc = f"doc{index:05d}"
        people = [f"person:p{rng.randrange(count)}-x{rng.randrange(50)}" for _ in range(4)]
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(200))
        found.append(
            ArticleFacts(
                doc_id=doc,
                entities=tuple(
                    Entity(id=p, name=p[7:], type="person", evidence=(ev(doc, "n", i),))
                    for i, p in enumerate(people)
                ),
                tariffs=tuple(
                    TariffRate(
                        rate_percent=rng.choice([10, 20, 25, 34, 50]),
                        imposer="USA",
                        target=rng.choice([None, "CHN", "JPN", "GBR"]),
                        products=tuple(rng.sample(["steel", "automobiles", "rice", "chips"], 2)),
                        evidence=(ev(doc, "t", i),),
                    )
                    for i in range(5)
                ),
                statements=tuple(
                    Statement(
                        speaker=people[i % 4],
                        text=f"quote {rng.randrange(count)} about trade and tariffs today {i}",
                        evidence=(ev(doc, "s", i),),
                    )
                    for i in range(5)
                ),
                quantities=tuple(
                    Quantity(
                        kind="money",
                        value=rng.randrange(1, 500) * 1e8,
                        unit="USD",
                        text="$",
                        evidence=(ev(doc, "$", i),),
                    )
                    for i in range(3)
                ),
                events=tuple(
                    TradeEvent(
                        type=rng.choice(["meeting", "announcement"]),
                        date=day if i else None,
                        date_text=rng.choice(["Monday", "Friday", None]),
                        participants=tuple(people[: i + 1]),
                        evidence=(ev(doc, "e", i),),
                    )
                    for i in range(3)
                ),
            )
        )
    return found


def test_merge_of_many_articles_keeps_every_source() -> None:
    # speed and its growth are measured in benchmarks/bench.py and bench_dask.py, not here
    record = merge(synthetic_articles(1000))
    assert len(record.sources) == 1000
    assert {s for t in record.tariffs for s in t.sources} <= set(record.sources)


# --- the shipped seeds, through the real pipeline ---------------------------------------------

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold"  # ../shared beside the repo


def seed_facts(paths: list[Path], with_dates: bool) -> list[ArticleFacts]:
    """Return the extracted seeds, with each gold ``published`` date or with none."""
    from tradefacts.extraction import extract

    found = []
    for path in paths:
        gold = json.loads((GOLD / f"{path.stem}.gold.json").read_text("utf-8"))
        found.append(extract(path, published=gold["published"] if with_dates else None))
    return found


@pytest.mark.skipif(not (GOLD / "record.gold.json").exists(), reason="record gold not present")
@pytest.mark.parametrize("with_dates", [True, False], ids=["with-dates", "without-dates"])
def test_seed_record_meets_the_merge_checks_of_the_record_gold(
    nlp: object, seed_paths: list[Path], with_dates: bool
) -> None:
    """Event date/place/people/type and every tariff, statement and money fact that must be
    in the record exactly once with enough sources (events_must also need the extractors)."""
    from tradefacts.evaluation import score_record

    gold = json.loads((GOLD / "record.gold.json").read_text("utf-8"))
    record = merge(seed_facts(seed_paths, with_dates))
    checks = score_record(gold, record).checks
    central = {"date", "location", "participant", "excludes", "type"}
    failed = [
        (c.name, c.detail)
        for c in checks
        if not c.passed and (not c.name.startswith("event ") or c.name.split()[1] in central)
    ]
    assert record.event is not None and record.event.date == dt.date(2025, 4, 16)
    assert not failed


def test_weekday_event_takes_no_date_from_a_meeting_with_other_countries() -> None:
    """Sharing one person (the host) is not enough when the guests' countries differ."""
    canada = TradeEvent(
        type="meeting",
        date=dt.date(2025, 7, 10),
        date_text="on Thursday",
        participants=("person:donald-trump", "person:mark-carney", "country:CAN"),
        evidence=(ev("ottawa", "met Carney on Thursday"),),
    )
    mexico = TradeEvent(
        type="meeting",
        date_text="on Thursday",
        participants=("person:donald-trump", "person:claudia-sheinbaum", "country:MEX"),
        evidence=(ev("mexico-city", "spoke with Sheinbaum on Thursday"),),
    )
    record = merge(
        [
            ArticleFacts(doc_id="ottawa", events=(canada,)),
            ArticleFacts(doc_id="mexico-city", events=(mexico,)),
        ]
    )
    assert len(record.events) == 2
    by_guest = {"country:CAN" in v.participants: v for v in record.events}
    assert by_guest[True].date == dt.date(2025, 7, 10)
    assert by_guest[False].date is None
    assert "person:claudia-sheinbaum" not in by_guest[True].participants


def test_undated_event_of_another_status_adds_no_participants() -> None:
    """A headline "talks held this month" filed with the planned round keeps its sources and
    evidence but does not add its people; they stay visible in the participants conflict."""

    def round_of_talks(doc: str, status: str, *people: str) -> ArticleFacts:
        event = TradeEvent(
            type="negotiation",
            date_text="later this month",
            status=status,
            participants=("country:KOR", "country:USA", *people),
            evidence=(ev(doc, "a second round later this month"),),
        )
        return ArticleFacts(doc_id=doc, events=(event,))

    record = merge(
        [
            round_of_talks("seoul", "planned", "person:yeo-han-koo"),
            round_of_talks("busan", "planned"),
            round_of_talks("wire", "occurred", "person:kim-jung-kwan"),
        ]
    )
    assert record.event is not None and len(record.events) == 1
    assert record.event.status == "planned"
    assert record.event.sources == ("busan", "seoul", "wire")
    assert "person:yeo-han-koo" in record.event.participants
    assert "person:kim-jung-kwan" not in record.event.participants
    sides = [side.value for c in record.conflicts if c.field == "participants" for side in c.sides]
    assert any("person:kim-jung-kwan" in value for value in sides)
