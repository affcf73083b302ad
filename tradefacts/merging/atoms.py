"""Atoms, one fact as one source states it, and clustering them by shared keys (union-find).

Nothing compares atoms pairwise: two atoms that share any key land in one cluster, so
clustering is linear in the number of atoms and keys.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Evidence


@dataclass
class Atom:
    """One fact as some sources state it alike: ``values`` by field name, plus the evidence.

    An article's atom has one source; a merged record cut back into atoms gives one atom per
    stated variant with every source stating it, so re-merging a record of many articles
    costs its distinct variants, not its sources. Everything that reads atoms counts sources
    (sets), never atoms, so grouping sources changes no result.
    """

    sources: frozenset[str]
    values: dict[str, Any]
    evidence: tuple[Evidence, ...] = ()  # in canonical order (``models.evidence_key``)
    ordered: tuple[str, ...] | None = None  # the sources sorted, when known
    #: the values as the sources state them (before ids are unified and dates resolved),
    #: in field order: what a merged fact's ``reports`` keep
    stated: tuple[Any, ...] | None = None

    def __post_init__(self) -> None:
        if self.stated is None:
            self.stated = tuple(self.values.values())

    def sorted_sources(self) -> tuple[str, ...]:
        """Return the atom's sources sorted."""
        if self.ordered is None:
            self.ordered = tuple(sorted(self.sources))
        return self.ordered


def split_sources(atom: Atom, groups: Sequence[Iterable[str]]) -> list[Atom]:
    """Return ``atom`` split into one atom per group of its sources, each with the evidence of
    its sources and the evidence of no source of ``atom``."""
    parts = []
    for group in groups:
        sources = frozenset(group)
        evidence = tuple(
            e for e in atom.evidence if e.doc_id in sources or e.doc_id not in atom.sources
        )
        parts.append(Atom(sources, dict(atom.values), evidence, stated=atom.stated))
    return parts


class UnionFind:
    """Disjoint sets over ``0..n-1``."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        """Return the representative of ``item``'s set."""
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first: int, second: int) -> None:
        """Join the sets of ``first`` and ``second`` (the smaller index becomes the root)."""
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def union_all(self, items: Sequence[int]) -> None:
        """Join every item of ``items`` into one set."""
        for other in items[1:]:
            self.union(items[0], other)

    def groups(self) -> list[list[int]]:
        """Return the sets, each sorted, in order of their smallest member."""
        by_root: dict[int, list[int]] = defaultdict(list)
        for item in range(len(self.parent)):
            by_root[self.find(item)].append(item)
        return [by_root[root] for root in sorted(by_root)]


def cluster_by_keys(
    items: Sequence[Atom], keys_of: Callable[[Atom], Iterable[Hashable]]
) -> list[list[Atom]]:
    """Return clusters of ``items``: two items sharing any key are in one cluster (in order
    of their first item, each in input order)."""
    keys = [list(keys_of(item)) for item in items]
    if all(len(found) == 1 for found in keys):  # one key each: plain grouping does
        by_key: dict[Hashable, list[Atom]] = defaultdict(list)
        for item, (key,) in zip(items, keys, strict=True):
            by_key[key].append(item)
        return list(by_key.values())
    finder = UnionFind(len(items))
    first_with: dict[Hashable, int] = {}
    for index, found in enumerate(keys):
        for key in found:
            if key in first_with:
                finder.union(first_with[key], index)
            else:
                first_with[key] = index
    return [[items[i] for i in group] for group in finder.groups()]
