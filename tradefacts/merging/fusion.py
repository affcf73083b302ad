"""Fusing one field of a cluster of atoms: votes by source, the best-supported value, the
``Conflict`` where sources disagree, the sources that keep silent; and the union of the
cluster's evidence and sources.

Conflict sides hold values encoded as strings (``encode``); ``decode`` reads them back so a
merged record can be cut into atoms and merged again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..models import Conflict, ConflictSide, Evidences, Unstated
from .atoms import Atom
from .reports import build_reports
from .runs import in_order, union_of_evidence, union_of_sources

NULL = "null"

#: What fusing a cluster returns: the merged fact and its conflicts (by field name).
Fused = tuple[Any, list[tuple[str, Conflict]]]


def encode(value: Any) -> str:
    """Return the conflict-side string of a field value."""
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ", ".join(value) if value else "[]"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def decode(text: str, kind: str) -> Any:
    """Return the field value a conflict-side string stands for (``kind``: str, tuple, date)."""
    if text == NULL:
        return None
    if kind == "tuple":
        return () if text == "[]" else tuple(text.split(", "))
    if kind == "date":
        return dt.date.fromisoformat(text)
    return text


def votes(atoms: Iterable[Atom], name: str) -> dict[Any, set[str]]:
    """Return each value of field ``name`` with the sources giving it."""
    found: dict[Any, set[str]] = defaultdict(set)
    for atom in atoms:
        found[atom.values[name]].update(atom.sources)
    return found


def best(by_value: dict[Any, set[str]], null_can_win: bool = False) -> Any:
    """Return the best-supported value, then the first in a fixed order; None only if it is
    the sole value or ``null_can_win``."""
    candidates = (
        list(by_value) if null_can_win else [v for v in by_value if v is not None] or [None]
    )
    return min(candidates, key=lambda v: (-len(by_value[v]), v is None, encode(v)))


# Fused facts are built with ``reports.construct`` (``model_construct``, faster): every value
# comes from validated input models, and validating again would re-check each piece of
# evidence at every merge of a tree.


@dataclass
class Fusion:
    """Collects the conflicts and silent sources found while fusing one cluster."""

    conflicts: list[tuple[str, Conflict]] = field(default_factory=list)
    silent: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _sources: tuple[int, tuple[str, ...]] | None = None

    def sources(self, atoms: Sequence[Atom]) -> tuple[str, ...]:
        """Return the sorted sources of the cluster ``atoms`` (computed once per cluster)."""
        if self._sources is None or self._sources[0] != id(atoms):
            self._sources = (id(atoms), union_sources(atoms))
        return self._sources[1]

    def choose(
        self,
        atoms: Sequence[Atom],
        name: str,
        null_disagrees: bool = False,
        null_can_win: bool = False,
        chosen: Any = ...,
        quiet: bool = False,
    ) -> Any:
        """Return the value kept for field ``name``; record a conflict if sources disagree.

        A missing value (None) is silence, not disagreement, unless ``null_disagrees``; the
        sources that only keep silent are remembered (``unstated``) so records merge again,
        also when every source is silent and the ``chosen`` value comes from elsewhere (a date
        resolved from other articles): the next merge must resolve it again, maybe otherwise.
        """
        if len(atoms) == 1 and chosen is ...:
            return atoms[0].values[name]  # one voice: nothing disputed, nobody silent
        by_value = votes(atoms, name)
        if not null_disagrees and None in by_value:
            speaking = set().union(*(s for v, s in by_value.items() if v is not None))
            silent = by_value.pop(None) - speaking
            filled = chosen is not ... and chosen is not None
            if silent and (speaking or filled):
                self.silent[name] = in_order(silent, self.sources(atoms))
            if not by_value:
                by_value[None] = silent
        value = best(by_value, null_can_win) if chosen is ... else chosen
        if not quiet and len([v for v in by_value if v is not None or null_disagrees]) >= 2:
            conflict = _conflict(name, value, by_value, self.sources(atoms))
            self.conflicts.append((name, conflict))
        return value

    def unstated(self) -> tuple[Unstated, ...]:
        """Return the silent sources per field, for the fused fact."""
        return tuple(Unstated(field=n, sources=s) for n, s in sorted(self.silent.items()))

    def provenance(self, atoms: Sequence[Atom], kind: str) -> dict[str, Any]:
        """Return the fused fact's ``evidence``, ``sources``, ``unstated`` and ``reports``
        fields (after every field has been chosen; ``kind``: the fact kind)."""
        sources = self.sources(atoms)
        return {
            "evidence": union_evidence(atoms),
            "sources": sources,
            "unstated": self.unstated(),
            "reports": build_reports(atoms, kind, sources),
        }


def _conflict(
    name: str, chosen: Any, by_value: dict[Any, set[str]], ordered: tuple[str, ...]
) -> Conflict:
    """Return a Conflict over ``by_value`` (its ``fact`` is filled in once the fact is
    labelled); ``ordered``: every source, sorted."""
    sides = sorted(
        (ConflictSide(value=encode(v), sources=in_order(s, ordered)) for v, s in by_value.items()),
        key=lambda side: side.value,
    )
    return Conflict(fact="", field=name, chosen=encode(chosen), sides=tuple(sides))


def union_evidence(atoms: Sequence[Atom]) -> Evidences:
    """Return the union of the atoms' evidence in canonical order."""
    if len(atoms) == 1:
        return atoms[0].evidence
    return union_of_evidence(atom.evidence for atom in atoms)


def union_sources(atoms: Sequence[Atom]) -> tuple[str, ...]:
    """Return the sorted distinct sources of the atoms."""
    if len(atoms) == 1:
        return atoms[0].sorted_sources()
    return union_of_sources(atom.sorted_sources() for atom in atoms)
