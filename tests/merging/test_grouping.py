"""tradefacts.group: articles clustered by the event they report (tests/gold/events + seeds)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

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
