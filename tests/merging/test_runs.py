"""Unions of sorted runs (``merging.runs``) and the canonical order merged facts keep."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tradefacts.merging.runs import in_order, union_of_evidence, union_of_runs, union_of_sources
from tradefacts.models import (
    CanonicalRecord,
    Evidence,
    MergedEntity,
    canonical_evidence,
    evidence_key,
)

sorted_runs = st.lists(
    st.lists(st.text("abcd", max_size=3), max_size=6).map(lambda r: tuple(sorted(set(r)))),
    max_size=6,
)


@given(sorted_runs)
def test_union_of_runs_is_the_sorted_union(runs: list[tuple[str, ...]]) -> None:
    union = union_of_sources(runs)
    assert union == tuple(sorted({item for run in runs for item in run}))
    assert union_of_sources(list(reversed(runs))) == union


def test_runs_that_do_not_overlap_are_joined_reading_only_their_ends() -> None:
    read: list[int] = []

    def key(item: int) -> int:
        read.append(item)
        return item

    runs = [tuple(range(200, 300)), tuple(range(0, 100)), tuple(range(100, 200))]
    assert union_of_runs(runs, key) == tuple(range(300))
    assert set(read) <= {0, 99, 100, 199, 200, 299}
    read.clear()
    overlapping = [(1, 5, 9), (2, 5, 7)]
    assert union_of_runs(overlapping, key) == (1, 2, 5, 7, 9)
    assert set(read) == {1, 2, 5, 7, 9}  # overlapping runs are merged in full


def test_a_single_run_is_returned_as_it_is() -> None:
    run = ("a", "b")
    assert union_of_sources([(), run, ()]) is run
    assert union_of_sources([]) == ()


@given(st.sets(st.integers(0, 60)), st.integers(0, 60))
def test_in_order_sorts_members_of_an_ordered_universe(members: set[int], extra: int) -> None:
    universe = tuple(sorted(members | {extra, extra + 1}))
    names = {f"{m:03d}" for m in members}
    assert in_order(names, tuple(f"{u:03d}" for u in universe)) == tuple(sorted(names))


def _evidence(doc_id: str, start: int, text: str = "abc") -> Evidence:
    return Evidence(doc_id=doc_id, start=start, end=start + len(text), text=text)


def test_canonical_evidence_sorts_and_drops_repeats_only_when_needed() -> None:
    ordered = (_evidence("a", 0), _evidence("a", 4), _evidence("b", 0))
    assert canonical_evidence(ordered) is ordered
    shuffled = (ordered[2], ordered[0], ordered[2], ordered[1])
    assert canonical_evidence(shuffled) == ordered
    assert union_of_evidence([ordered[1:], ordered[:2]]) == ordered
    assert [evidence_key(e) for e in ordered] == sorted(evidence_key(e) for e in ordered)


def test_validated_merged_facts_and_records_are_in_canonical_order() -> None:
    """Merging relies on it: a record read from JSON or built by hand is put in order."""
    entity = MergedEntity(
        id="person:ana-lima",
        name="Ana Lima",
        type="person",
        evidence=[_evidence("b", 0, "Ana"), _evidence("a", 9, "Ana"), _evidence("a", 9, "Ana")],
        sources=["b", "a", "b"],
    )
    assert [e.doc_id for e in entity.evidence] == ["a", "b"]
    assert entity.sources == ("a", "b")
    record = CanonicalRecord(entities=(entity,), sources=("b", "a"))
    assert record.sources == ("a", "b")
    assert CanonicalRecord.model_validate_json(record.model_dump_json()) == record


def test_interleaved_runs_of_separate_documents_join_block_by_block() -> None:
    first = (_evidence("a", 0), _evidence("a", 5), _evidence("c", 1))
    second = (_evidence("b", 2), _evidence("d", 0), _evidence("d", 7))
    assert union_of_evidence([second, first]) == tuple(sorted(first + second, key=evidence_key))
    shared = (_evidence("a", 5), _evidence("b", 0))  # document a in two runs: merged in full
    assert union_of_evidence([first, shared]) == tuple(
        sorted(set(first + shared), key=evidence_key)
    )


@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from("abcde"), st.integers(0, 9)), max_size=6),
        max_size=5,
    )
)
def test_union_of_evidence_is_the_canonical_union(runs: list[list[tuple[str, int]]]) -> None:
    as_runs = [canonical_evidence(tuple(_evidence(d, s) for d, s in run)) for run in runs]
    everything = {e for run in as_runs for e in run}
    assert union_of_evidence(as_runs) == tuple(sorted(everything, key=evidence_key))
