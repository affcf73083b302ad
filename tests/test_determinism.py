"""Extraction is deterministic: an article's facts depend only on its text, doc_id and
reference date, never on the batch, the neighbours or the order it is extracted in (the
single-process, ``n_process`` and Dask paths all cut the input into batches differently)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

import tradefacts
from tradefacts import extraction
from tradefacts.extraction import text_doc_id
from tradefacts.reading import Source, chunk_spans, read_source

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ("uk_deal_a.txt", "china_geneva_b.txt", "canada_retaliation.txt")


def _dated(folder: Path, names: list[str]) -> list[Source]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    dates = {a["file"]: a["published"] for a in manifest["articles"]}
    return [read_source(folder / name, published=dates[name]) for name in names]


@pytest.fixture(scope="module")
def sources(nlp) -> list[Source]:
    seeds = ROOT / "seeds"
    names = sorted(p.name for p in seeds.glob("*.txt"))
    return _dated(seeds, names) + _dated(ROOT / "tests" / "gold" / "events", list(EVENTS))


def _by_doc(facts: Any) -> dict[str, dict[str, Any]]:
    return {f.doc_id: f.model_dump(mode="json") for f in facts}


def _differing(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """``doc_id.field`` of every fact list that differs (for a readable failure)."""
    assert got.keys() == expected.keys()
    return [
        f"{doc_id}.{field}"
        for doc_id, dump in expected.items()
        for field, value in dump.items()
        if got[doc_id][field] != value
    ]


def test_alone_in_one_batch_and_reordered_give_the_same_facts(sources):
    alone = _by_doc(
        tradefacts.extract_text(s.text, doc_id=s.doc_id, published=s.published) for s in sources
    )
    assert alone, "no articles"
    one_batch = _by_doc(tradefacts.extract_many(sources))
    reordered = _by_doc(tradefacts.extract_many(sources[::-1], batch_size=3))
    assert _differing(alone, one_batch) == []
    assert _differing(alone, reordered) == []


def test_chunks_of_a_long_article_give_the_same_facts_in_any_batch(sources, monkeypatch):
    # Small chunks so that one article's chunks land in different nlp.pipe batches.
    monkeypatch.setattr(extraction, "chunk_spans", functools.partial(chunk_spans, limit=1500))
    long_ones = sorted(sources, key=lambda s: len(s.text))[-2:]
    assert all(len(s.text) > 3000 for s in long_ones)
    alone = _by_doc(extraction.extract_source(s) for s in long_ones)
    for batch_size in (2, 5):
        batched = _by_doc(tradefacts.extract_many(sources[:3] + long_ones, batch_size=batch_size))
        assert _differing(alone, {k: batched[k] for k in alone}) == []


def test_a_text_item_keeps_its_doc_id_and_facts_in_any_batch(nlp):
    texts = [
        "Canada will impose a 25% tariff on US steel, Finance Minister Dominic LeBlanc said.",
        "China raised its tariffs on US soybeans to 15% on Monday, the commerce ministry said.",
        "Japan and the United States agreed on Wednesday to cut the tariff on cars to 15%.",
    ]
    whole = list(tradefacts.extract_many(texts, published="2025-04-17"))
    # One text per call, as a Dask partition of one article extracts it.
    apart = [f for t in texts for f in tradefacts.extract_many([t], published="2025-04-17")]
    assert [f.model_dump(mode="json") for f in apart] == [f.model_dump(mode="json") for f in whole]
    assert len({f.doc_id for f in apart}) == len(texts)  # no two partitions both say "text-0"
    assert [f.doc_id for f in whole] == [text_doc_id(t) for t in texts]
