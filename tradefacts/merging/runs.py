"""Unions of sorted runs: a merged record keeps its facts' evidence and sources sorted, so a
later merge joins them run by run. In a tree reduction the records of neighbouring partitions
mostly cover separate ranges of documents, and their runs are then laid end to end without
comparing, or even reading, their items; overlapping runs are merged in full."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain, groupby, pairwise
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from ..models import Evidences, evidence_key

T = TypeVar("T")


def union_of_runs(
    runs: Iterable[Sequence[T]],
    key: Callable[[T], Any],
    block_of: Callable[[T], Any] | None = None,
) -> tuple[T, ...]:
    """Return the union of ``runs`` (each sorted by ``key`` without repeats) sorted by
    ``key`` without repeats. ``block_of`` gives the leading part of an item's key (evidence:
    its document): runs that share no block are joined block by block without sorting."""
    found = sorted((run for run in runs if run), key=lambda run: key(run[0]))
    if not found:
        return ()
    if len(found) == 1:
        return tuple(found[0])  # the run itself when it is a tuple
    if all(key(a[-1]) < key(b[0]) for a, b in pairwise(found)):
        return tuple(chain(*found))
    if block_of is not None:
        blocks = [(block, list(items)) for run in found for block, items in groupby(run, block_of)]
        if len({block for block, _ in blocks}) == len(blocks):
            blocks.sort(key=itemgetter(0))
            return tuple(chain.from_iterable(map(itemgetter(1), blocks)))
    items = list(chain(*found))
    union = dict(zip(map(key, items), items, strict=True))
    return tuple(map(union.__getitem__, sorted(union)))


_document = attrgetter("doc_id")


def _same(item: str) -> str:
    return item


def union_of_evidence(runs: Iterable[Evidences]) -> Evidences:
    """Return the union of sorted evidence runs in canonical order."""
    return union_of_runs(runs, evidence_key, _document)


def union_of_sources(runs: Iterable[Sequence[str]]) -> tuple[str, ...]:
    """Return the union of sorted source runs, sorted."""
    return union_of_runs(runs, _same)


def in_order(members: set[str] | frozenset[str], ordered: Sequence[str]) -> tuple[str, ...]:
    """Return ``members`` sorted, given ``ordered``, a sorted sequence holding all of them
    (filtering it is linear; sorting a small set directly is cheaper)."""
    if len(members) * 16 < len(ordered):
        return tuple(sorted(members))
    return tuple(filter(members.__contains__, ordered))
