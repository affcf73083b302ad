"""Quantities: one cluster per kind, unit, per-unit and value to three significant digits."""

from __future__ import annotations

from typing import Any

from ..models import MergedQuantity
from .atoms import Atom
from .fusion import Fused, union_evidence, union_sources
from .reports import build_reports, construct


def quantity_key(atom: Atom) -> tuple[Any, ...]:
    """Return the clustering key of a quantity: kind, unit, per-unit ("$60 a barrel") and the
    value to 3 significant digits."""
    value = atom.values["reading"][0]
    kind, unit, per_unit = atom.values["kind"], atom.values["unit"], atom.values["per_unit"]
    return (kind, unit, per_unit or "", float(f"{value:.3g}"))


def fuse_quantity(atoms: list[Atom]) -> Fused:
    """Return the quantity of a cluster, read from its longest wording."""
    value, text = min((a.values["reading"] for a in atoms), key=lambda r: (-len(r[1]), r[1], r[0]))
    sources = union_sources(atoms)
    quantity = construct(
        MergedQuantity,
        kind=atoms[0].values["kind"],
        value=value,
        unit=atoms[0].values["unit"],
        per_unit=atoms[0].values["per_unit"],
        approximate=any(a.values["approximate"] for a in atoms),
        text=text,
        evidence=union_evidence(atoms),
        sources=sources,
        reports=build_reports(atoms, "quantity", sources),
    )
    return quantity, []
