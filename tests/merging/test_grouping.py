"""tradefacts.group: articles clustered by the event they report (tests/gold/events + seeds)."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tradefacts
from tradefacts.cli import main

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "tests" / "gold" / "events"
SEEDS = ROOT / "seeds"


def _manifest() -> dict:
    return json.loads((EVENTS / "manifest.json").read_text(encoding="utf-8"))


def _expected_labels() -> dict[str, str]:
    manifest = _manifest()
    labels = {entry["doc_id"]: entry["event"] for entry in manifest["articles"]}
    for path in SEEDS.glob("*.txt"):
        labels[path.name] = manifest["seed_event"]
    return labels


@pytest.fixture(scope="module")
def corpus(nlp) -> list[tradefacts.ArticleFacts]:
    seeds = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))["articles"]
    items = [(SEEDS / a["file"], a["published"]) for a in seeds]
    items += [(EVENTS / a["file"], a["published"]) for a in _manifest()["articles"]]
    return [tradefacts.extract(path, published=published) for path, published in items]


@pytest.fixture(scope="module")
def records(corpus) -> list[tradefacts.CanonicalRecord]:
    return tradefacts.group(corpus)


def test_each_event_is_one_group(records):
    labels = _expected_labels()
    found = [{labels[doc_id] for doc_id in record.sources} for record in records]
    assert all(len(group) == 1 for group in found), found
    assert sorted(group.pop() for group in found) == sorted(set(labels.values()))


def test_seeds_are_the_largest_group_and_records_come_largest_first(records):
    assert set(records[0].sources) == {p.name for p in SEEDS.glob("*.txt")}
    assert str(records[0].event.date) == "2025-04-16"
    sizes = [len(record.sources) for record in records]
    assert sizes == sorted(sizes, reverse=True)


def test_article_about_two_events_goes_to_its_main_one(records):
    by_doc = {doc_id: record for record in records for doc_id in record.sources}
    assert "japan_round2_a.txt" in by_doc["japan_round2_b.txt"].sources
    assert "000_9897e3b85be99b34.txt" not in by_doc["japan_round2_b.txt"].sources
    assert "china_geneva_b.txt" in by_doc["china_geneva_a.txt"].sources


def test_order_independent_and_deterministic(corpus, records):
    for seed in range(3):
        shuffled = list(corpus)
        random.Random(seed).shuffle(shuffled)
        assert tradefacts.group(shuffled) == records
    assert tradefacts.group(corpus) == records


def test_each_group_is_the_merge_of_its_articles(corpus, records):
    by_doc = {facts.doc_id: facts for facts in corpus}
    for record in records:
        assert record == tradefacts.merge([by_doc[d] for d in record.sources])


def test_article_without_a_date_is_placed_by_its_other_facts(corpus):
    undated = [
        f.model_copy(update={"published": None}) if f.doc_id == "uk_deal_a.txt" else f
        for f in corpus
    ]
    groups = [set(r.sources) for r in tradefacts.group(undated)]
    assert {"uk_deal_a.txt", "uk_deal_b.txt"} in groups


def test_empty_input():
    assert tradefacts.group([]) == []
    assert tradefacts.group(iter(())) == []


def test_cli_merge_by_event(tmp_path, capsys, nlp):
    out = tmp_path / "events.json"
    paths = [str(EVENTS / "uk_deal_a.txt"), str(EVENTS / "uk_deal_b.txt")]
    paths.append(str(EVENTS / "canada_retaliation.txt"))
    assert main(["merge", "--by-event", *paths, "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("=== Event") == 2
    records = tradefacts.validate(str(out), schema="CanonicalRecord")
    assert [len(r.sources) for r in records] == [2, 1]


# --- event identity: rounds of one negotiation, negotiations of one week ----------------------

ROUNDS = ROOT / "tests" / "gold" / "rounds"


def _rounds_manifest() -> list[dict]:
    return json.loads((ROUNDS / "manifest.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture(scope="module")
def rounds(nlp) -> list[tradefacts.ArticleFacts]:
    return [
        tradefacts.extract(ROUNDS / a["file"], published=a["published"]) for a in _rounds_manifest()
    ]


def test_rounds_of_one_negotiation_and_talks_of_one_week_are_separate_events(rounds):
    """Two rounds of the US-Indonesia talks two weeks apart (each round's reports mention the
    other), the US trade representative's talks with Korea on Monday and Vietnam on Wednesday,
    and a Korean round planned later that week: one record per event."""
    expected = defaultdict(set)
    for entry in _rounds_manifest():
        expected[entry["event"]].add(entry["doc_id"])
    found = [set(record.sources) for record in tradefacts.group(rounds)]
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected.values()))


def test_rounds_join_the_other_test_articles_without_changing_their_groups(corpus, rounds):
    labels = _expected_labels() | {a["doc_id"]: a["event"] for a in _rounds_manifest()}
    found = [
        {labels[doc_id] for doc_id in record.sources}
        for record in tradefacts.group(corpus + rounds)
    ]
    assert all(len(group) == 1 for group in found), found
    assert len(found) == len(set(labels.values()))


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_grouping_does_not_depend_on_order_or_partitions(corpus, rounds, data):
    db = pytest.importorskip("dask.bag")
    import dask

    from tradefacts.dask import group_bag

    articles = corpus + rounds
    expected = [record.model_dump_json() for record in tradefacts.group(articles)]
    shuffled = data.draw(st.permutations(articles))
    assert [r.model_dump_json() for r in tradefacts.group(shuffled)] == expected
    bag = db.from_sequence(shuffled, npartitions=data.draw(st.integers(1, len(shuffled))))
    with dask.config.set(scheduler="synchronous"):
        records = group_bag(bag, split_every=data.draw(st.integers(2, 8)))
    assert [record.model_dump_json() for record in records] == expected


def test_dev_reports_of_two_rounds_are_two_records(nlp, real_facts):
    """The dev set's reports of the US-Japan talks: h01-h04 (and the seeds) report the first
    round of 16 April, h05-h06 the second round two weeks later."""
    dev = {f.doc_id: f for f in real_facts["dev"]}
    wanted = [f"h0{n}.txt" for n in range(1, 7)]
    if not all(name in dev for name in wanted):
        pytest.skip("dev texts h01-h06 absent: rebuild .corpus/dev (see ../shared/dev/README.md)")
    seeds = real_facts["seeds"]
    records = tradefacts.group(seeds + [dev[name] for name in wanted])
    first = {f.doc_id for f in seeds} | set(wanted[:4])
    found = sorted(tuple(sorted(r.sources)) for r in records)
    assert found == sorted([tuple(sorted(first)), tuple(wanted[4:])])
