"""Merging is a monoid: every tree of merges over real extracted facts, in every order, gives
exactly the flat merge (compared as JSON), with and without reference dates.

Partial merges of a tree reduction pass ``resolve_dates=False`` and the root is dated with
``resolve_dates``, as ``tradefacts.dask.merge_bag`` does; since records keep their facts'
``reports`` (what each source states), merges that resolve dates are associative too."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradefacts.merging import merge, resolve_dates
from tradefacts.merging.inputs import EvidenceBySource, atoms_from_record
from tradefacts.models import ArticleFacts, CanonicalRecord, Evidence

Item = ArticleFacts | CanonicalRecord

#: The corpora trees are drawn over (tests/merging/conftest.py).
CORPORA = ["seeds", "seeds-undated", "own", "own-undated"]
DEV = ["dev", "dev-undated"]


def dumped(record: CanonicalRecord) -> str:
    return record.model_dump_json()


def partial(*items: Item | list[Item], resolve: bool = False) -> CanonicalRecord:
    """A merge inside a tree reduction: dates are resolved by the last merge only."""
    return merge(*items, resolve_dates=resolve)


@pytest.fixture(scope="module")
def flat(real_facts: dict[str, list[ArticleFacts]]) -> dict[str, str]:
    """The flat merge of each corpus, as JSON."""
    return {name: dumped(merge(facts)) for name, facts in real_facts.items() if facts}


def _tree(items: list[Item], data: st.DataObject, resolve: bool) -> Item:
    """A random tree of merges over ``items`` in their order: each node merges 2-4 subtrees;
    a leaf is the article, its one-article record, or that record read back from JSON."""
    if len(items) == 1:
        how = data.draw(st.sampled_from(["article", "record", "json"]))
        if how == "article":
            return items[0]
        record = partial(items[0], resolve=resolve)
        return CanonicalRecord.model_validate_json(dumped(record)) if how == "json" else record
    width = data.draw(st.integers(2, min(4, len(items))))
    cuts = sorted(
        data.draw(st.sets(st.integers(1, len(items) - 1), min_size=width - 1, max_size=width - 1))
    )
    bounds = [0, *cuts, len(items)]
    children = [_tree(items[a:b], data, resolve) for a, b in pairwise(bounds)]
    return partial(children, resolve=resolve)


def _check_trees(facts: list[ArticleFacts], expected: str, data: st.DataObject) -> None:
    order = data.draw(st.permutations(facts))
    root = _tree(order, data, resolve=False)
    assert dumped(resolve_dates(merge([root], resolve_dates=False))) == expected
    assert dumped(merge(root)) == expected
    resolving = _tree(order, data, resolve=True)  # dating in every merge is associative too
    assert dumped(merge(resolving)) == expected


TREES = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("corpus", CORPORA)
@TREES
@given(data=st.data())
def test_every_tree_of_merges_equals_the_flat_merge(
    real_facts: dict[str, list[ArticleFacts]], flat: dict[str, str], corpus: str, data: Any
) -> None:
    _check_trees(real_facts[corpus], flat[corpus], data)


@pytest.mark.parametrize("corpus", ["seeds", "seeds-undated"])
@TREES
@given(data=st.data())
def test_seeds_and_own_articles_together(
    real_facts: dict[str, list[ArticleFacts]], corpus: str, data: Any
) -> None:
    """One record of many unrelated events: trees mix facts that never meet in the corpora."""
    undated = corpus.endswith("undated")
    facts = real_facts[corpus] + real_facts["own-undated" if undated else "own"][:12]
    _check_trees(facts, dumped(merge(facts)), data)


@pytest.mark.parametrize("corpus", DEV)
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_tree_over_the_dev_set_equals_the_flat_merge(
    real_facts: dict[str, list[ArticleFacts]], flat: dict[str, str], corpus: str, data: Any
) -> None:
    if not real_facts[corpus]:
        pytest.skip("dev texts absent: rebuild .corpus/dev (see ../shared/dev/README.md)")
    facts = real_facts[corpus] + real_facts["seeds" if corpus == "dev" else "seeds-undated"]
    _check_trees(facts, dumped(merge(facts)), data)


@pytest.mark.parametrize("corpus", ["seeds", "seeds-undated"])
def test_pairwise_tree_of_the_seeds_equals_one_merge(
    real_facts: dict[str, list[ArticleFacts]], flat: dict[str, str], corpus: str
) -> None:
    level: list[Item] = list(real_facts[corpus])
    while len(level) > 1:
        level = [partial(level[i : i + 2]) for i in range(0, len(level), 2)]
    assert dumped(merge(level)) == flat[corpus]
    assert dumped(merge(merge(real_facts[corpus]))) == flat[corpus]


def test_dates_resolved_in_partial_merges_are_undone_by_the_next_merge(
    real_facts: dict[str, list[ArticleFacts]], flat: dict[str, str]
) -> None:
    """Seed 004 alone dates its "early Wednesday" announcement from its own April 2
    announcement; with every article it belongs to Wednesday April 16. A record keeps what
    its sources stated, not what a partial merge resolved, so the next merge decides again."""
    seeds = real_facts["seeds-undated"]
    level = [merge(seeds[i : i + 2]) for i in range(0, len(seeds), 2)]
    assert any(dumped(part) != dumped(partial(part)) for part in level)  # something resolved
    assert dumped(merge(level)) == flat["seeds-undated"]


@pytest.mark.parametrize("corpus", ["seeds", "seeds-undated"])
def test_resolve_dates_equals_merging_the_partial_record_again(
    real_facts: dict[str, list[ArticleFacts]], corpus: str
) -> None:
    """``resolve_dates`` fuses only the events again; the record must be what a whole merge
    of the partial record gives, for one partial merge and for a tree of them."""
    seeds = real_facts[corpus]
    once = partial(seeds)
    assert dumped(resolve_dates(once)) == dumped(merge(once))
    tree = partial(partial(seeds[:2]), partial(seeds[2:]))
    assert dumped(resolve_dates(tree)) == dumped(merge(tree))
    if corpus.endswith("undated"):  # something was left to resolve, so the two differ
        assert dumped(resolve_dates(once)) != dumped(once)


def test_reports_keep_what_each_source_states(real_facts: dict[str, list[ArticleFacts]]) -> None:
    """Seed 004 reports two undated Bessent meetings (one planned, one held) that fuse into
    one event: its reports keep both statements, each with its own evidence, and cutting the
    record gives back the article's atoms."""
    seed = next(f for f in real_facts["seeds-undated"] if f.doc_id.startswith("004"))
    record = merge([seed], resolve_dates=False)
    twice = [v for v in record.events if len(v.reports) > 1]
    assert twice, "expected an event that seed 004 states two ways"
    for event in twice:
        assert all(r.sources == (seed.doc_id,) and r.evidence for r in event.reports)
        assert {e for r in event.reports for e in r.evidence} == set(event.evidence)
    from tradefacts.merging.inputs import atoms_from_article

    def stated(atoms: list[Any]) -> set[tuple[Any, ...]]:
        return {(a.stated, a.evidence) for a in atoms}

    assert stated(atoms_from_record(record)["event"]) == stated(atoms_from_article(seed)["event"])


@pytest.mark.parametrize("corpus", ["seeds", "seeds-undated", "own"])
def test_merge_bag_equals_one_merge(
    real_facts: dict[str, list[ArticleFacts]], flat: dict[str, str], corpus: str
) -> None:
    db = pytest.importorskip("dask.bag")
    import dask

    from tradefacts.dask import merge_bag

    facts = real_facts[corpus]
    for partitions, split_every in ((len(facts), 2), (3, 3), (1, 8)):
        bag = db.from_sequence(facts, npartitions=min(partitions, len(facts)))
        with dask.config.set(scheduler="synchronous"):
            record = merge_bag(bag, split_every=split_every).compute()
        assert dumped(record) == flat[corpus]


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_merge_bag_in_any_order_and_partitioning(
    real_facts: dict[str, list[ArticleFacts]], flat: dict[str, str], data: Any
) -> None:
    db = pytest.importorskip("dask.bag")
    import dask

    from tradefacts.dask import merge_bag

    corpus = data.draw(st.sampled_from(CORPORA))
    facts = data.draw(st.permutations(real_facts[corpus]))
    partitions = data.draw(st.integers(1, len(facts)))
    split_every = data.draw(st.integers(2, 8))
    bag = db.from_sequence(facts, npartitions=partitions)
    with dask.config.set(scheduler="synchronous"):
        record = merge_bag(bag, split_every=split_every).compute()
    assert dumped(record) == flat[corpus]


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
    of_group = EvidenceBySource(evidence, ("a", "b", "c"))
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
