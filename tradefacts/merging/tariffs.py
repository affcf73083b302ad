"""Tariffs: one atom per product, clustered by rate, imposer, product and target."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from typing import Any

from ..models import MergedTariffRate, Variant
from .atoms import Atom, cluster_by_keys
from .fusion import Fused, Fusion, encode, votes
from .reports import construct
from .runs import in_order


def _tariff_key(atom: Atom) -> tuple[Any, ...]:
    return (atom.values["rate"], atom.values["imposer"], atom.values["product"])


def cluster_tariffs(atoms: list[Atom]) -> list[list[Atom]]:
    """Return tariff clusters: same rate, imposer and product; a target-less report joins the
    one specific target stated for that rate and product, if there is exactly one."""
    targets: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    for atom in atoms:
        if atom.values["target"] is not None:
            targets[_tariff_key(atom)].add(atom.values["target"])

    def keys(atom: Atom) -> list[Hashable]:
        target = atom.values["target"]
        known = targets.get(_tariff_key(atom), set())
        if target is None and len(known) == 1:
            target = next(iter(known))
        return [(_tariff_key(atom), target)]

    return cluster_by_keys(atoms, keys)


def fuse_tariff(atoms: list[Atom]) -> Fused:
    """Return the per-product tariff of a cluster; the product lists the sources stated it
    with become its ``scopes``."""
    fusion = Fusion()
    product = atoms[0].values["product"]
    tariff = construct(
        MergedTariffRate,
        rate_percent=atoms[0].values["rate"],
        imposer=atoms[0].values["imposer"],
        target=fusion.choose(atoms, "target", null_disagrees=True, null_can_win=True),
        products=(product,) if product else (),
        measure=fusion.choose(atoms, "measure"),
        status=fusion.choose(atoms, "status"),
        qualifier=fusion.choose(atoms, "qualifier"),
        **_effective(fusion, atoms),
        **fusion.provenance(atoms, "tariff"),
    )
    fusion.choose(atoms, "products")
    scopes = votes(atoms, "products")
    tariff = tariff.model_copy(
        update={
            "scopes": tuple(
                Variant(text=encode(scope), sources=in_order(scopes[scope], fusion.sources(atoms)))
                for scope in sorted(scopes)
                if scope
            )
        }
    )
    return tariff, fusion.conflicts


def _effective(fusion: Fusion, atoms: list[Atom]) -> dict[str, Any]:
    """The best-supported effective date, with the wording of the sources that state it."""
    effective = fusion.choose(atoms, "effective")
    stating = [a for a in atoms if a.values["effective"] == effective] or atoms
    text = fusion.choose(stating, "effective_text", quiet=True)
    return {"effective": effective, "effective_text": text}
