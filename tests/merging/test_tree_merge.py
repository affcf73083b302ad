"""Tree merges of the shipped seeds equal one flat merge, with and without reference dates.

Without a reference date, weekday texts ("on Wednesday") are dated only from other articles.
Partial merges of a tree reduction therefore leave them undated (``resolve_dates=False``)
and the last merge dates them from every article, as ``tradefacts.dask.merge_bag`` does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradefacts.merging import merge, resolve_dates
from tradefacts.merging.inputs import EvidenceBySource
from tradefacts.models import ArticleFacts, CanonicalRecord, Evidence

PUBLISHED = "2025-04-17"

# Known limit (tradefacts/merging/inputs.py): a record keeps one value per source and field,
# so when one article reports a happening twice with different details and a partial merge
# puts both in one event (seed 004's two undated Bessent meetings, one planned, one held),
# the next merge cannot pair the details back. Without reference dates the seeds hit it.
UNDATED_LIMIT = pytest.mark.xfail(
    reason="one article's two reports of a happening fused in a partial merge", strict=False
)


@pytest.fixture(scope="session")
def seeds_by_dating(nlp: object, seed_paths: list[Path]) -> dict[bool, list[ArticleFacts]]:
    """The seeds extracted once, with a reference date (True) and without one (False)."""
    from tradefacts.extraction import extract

    return {
        dated: [extract(path, published=PUBLISHED if dated else None) for path in seed_paths]
        for dated in (True, False)
    }


def dumped(record: CanonicalRecord) -> str:
    return record.model_dump_json()


def partial(*items: ArticleFacts | CanonicalRecord | list[ArticleFacts]) -> CanonicalRecord:
    """A merge inside a tree reduction: dates are resolved by the last merge only."""
    return merge(*items, resolve_dates=False)


@pytest.mark.parametrize(
    "dated", [True, pytest.param(False, marks=UNDATED_LIMIT)], ids=["with-dates", "without-dates"]
)
def test_pairwise_tree_of_the_seeds_equals_one_merge(
    seeds_by_dating: dict[bool, list[ArticleFacts]], dated: bool
) -> None:
    seeds = seeds_by_dating[dated]
    flat = dumped(merge(seeds))
    level: list[ArticleFacts | CanonicalRecord] = list(seeds)
    while len(level) > 1:
        level = [partial(level[i : i + 2]) for i in range(0, len(level), 2)]
    assert dumped(merge(level)) == flat
    assert dumped(merge(merge(seeds))) == flat


def test_dates_resolved_in_partial_merges_stick_without_reference_dates(
    seeds_by_dating: dict[bool, list[ArticleFacts]],
) -> None:
    """Why partial merges must not resolve: an article alone dates its "early Wednesday"
    announcement from its own April 2 announcement, and the record keeps that date as the
    article's, though with every article it belongs to Wednesday April 16. If this starts
    passing, resolving in every merge has become associative and the docs can say so."""
    seeds = seeds_by_dating[False]
    level = [merge(seeds[i : i + 2]) for i in range(0, len(seeds), 2)]
    assert dumped(merge(level)) != dumped(merge(seeds))


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    order=st.permutations(range(5)),
    cut1=st.integers(0, 5),
    cut2=st.integers(0, 5),
)
def test_seed_merge_is_associative(
    seeds_by_dating: dict[bool, list[ArticleFacts]], order: list[int], cut1: int, cut2: int
) -> None:
    """((a+b)+c) == (a+(b+c)) == merge([a, b, c]) for any split of the dated seeds, in any
    order, with partial inner merges and with inner merges that resolve dates."""
    dated = True
    seeds = [seeds_by_dating[dated][i] for i in order]
    first, second = sorted((cut1, cut2))
    a, b, c = seeds[:first], seeds[first:second], seeds[second:]
    flat = dumped(merge(a + b + c))
    assert dumped(merge(partial(a + b), *c)) == flat
    assert dumped(merge(*a, partial(b + c))) == flat
    assert dumped(merge(partial(a), partial(b), partial(c))) == flat
    if dated:
        assert dumped(merge(merge(a + b), *c)) == flat
        assert dumped(merge(*a, merge(b + c))) == flat


@UNDATED_LIMIT
def test_merge_bag_of_undated_seeds_equals_one_merge(
    seeds_by_dating: dict[bool, list[ArticleFacts]],
) -> None:
    db = pytest.importorskip("dask.bag")
    import dask

    from tradefacts.dask import merge_bag

    seeds = seeds_by_dating[False]
    bag = db.from_sequence(seeds, npartitions=len(seeds))
    with dask.config.set(scheduler="synchronous"):
        record = merge_bag(bag, split_every=2).compute()
    assert dumped(record) == dumped(merge(seeds))


@pytest.mark.parametrize("dated", [True, False], ids=["with-dates", "without-dates"])
def test_resolve_dates_equals_merging_the_partial_record_again(
    seeds_by_dating: dict[bool, list[ArticleFacts]], dated: bool
) -> None:
    """``resolve_dates`` fuses only the events again; the record must be what a whole merge
    of the partial record gives, for one partial merge and for a tree of them."""
    seeds = seeds_by_dating[dated]
    once = partial(seeds)
    assert dumped(resolve_dates(once)) == dumped(merge(once))
    tree = partial(partial(seeds[:2]), partial(seeds[2:]))
    assert dumped(resolve_dates(tree)) == dumped(merge(tree))
    if not dated:  # something was left to resolve, so the test can tell the two apart
        assert dumped(resolve_dates(once)) != dumped(once)


def _evidence(doc_id: str, start: int) -> Evidence:
    return Evidence(doc_id=doc_id, start=start, end=start + 3, text="abc")


def test_evidence_by_source_slices_groups_and_keeps_foreign_evidence() -> None:
    evidence = (
        _evidence("a", 0),
        _evidence("a", 9),
        _evidence("b", 1),
        _evidence("x", 5),  # a source the fact does not list
        _evidence("c", 2),
        _evidence("a", 20),  # not next to a's other evidence: still a's
    )
    of_group = EvidenceBySource(evidence, ["a", "b", "c"])
    assert of_group(frozenset("abc")) is evidence
    assert of_group(frozenset("ca")) == (
        evidence[0],
        evidence[1],
        evidence[5],
        evidence[4],
        evidence[3],
    )
    assert of_group(frozenset("b")) == (evidence[2], evidence[3])
    assert of_group(frozenset("z")) == (evidence[3],)
