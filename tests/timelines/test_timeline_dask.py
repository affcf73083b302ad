"""timeline_bag: a corpus's timeline folded partition by partition equals timeline() of all."""

from __future__ import annotations

import datetime as dt

import pytest

import tradefacts

from .test_timeline import article, fact

db = pytest.importorskip("dask.bag")
tfdask = pytest.importorskip("tradefacts.dask")


def test_timeline_bag_equals_one_timeline() -> None:
    facts = [
        article(f"doc-{n:02d}", f"2025-{1 + n % 12:02d}-{1 + n % 27:02d}", fact(f"doc-{n:02d}", r))
        for n, r in enumerate([10, 15, 25, 10, 50, 25, 15, 10, 24, 34, 10, 15, 25, 30, 10, 20])
    ]
    facts.append(article("later", None, fact("later", 15, effective=dt.date(2025, 8, 7))))
    bag = db.from_sequence(facts, npartitions=5)
    folded = tfdask.timeline_bag(bag, split_every=2).compute(scheduler="sync")
    assert folded == tradefacts.timeline(facts)
    assert sum(len(line.points) for line in folded.lines) == len(
        {(f.published or dt.date(2025, 8, 7), f.tariffs[0].rate_percent) for f in facts}
    )
