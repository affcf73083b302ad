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
    """One fact as one source states it: ``values`` by field name, plus its evidence."""

    source: str
    values: dict[str, Any]
    evidence: tuple[Evidence, ...] = ()


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
    """Return clusters of ``items``: two items sharing any key are in one cluster."""
    finder = UnionFind(len(items))
    first_with: dict[Hashable, int] = {}
    for index, item in enumerate(items):
        for key in keys_of(item):
            if key in first_with:
                finder.union(first_with[key], index)
            else:
                first_with[key] = index
    return [[items[i] for i in group] for group in finder.groups()]
