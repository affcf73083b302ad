"""Entity resolution across articles: a surname-only person joins the one full name with
that surname (everywhere it is referenced), and one id's atoms fuse into one entity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..models import MergedEntity
from .atoms import Atom
from .fusion import Fused, Fusion
from .reports import construct


def surname_map(person_ids: Iterable[str]) -> dict[str, str]:
    """Return surname-only person ids mapped to the one full-name id with that surname."""
    ids = set(person_ids)
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for pid in ids:
        tokens = pid.removeprefix("person:").split("-")
        if len(tokens) >= 2:
            full_by_surname[tokens[-1]].add(pid)
    mapping = {}
    for pid in ids:
        slug = pid.removeprefix("person:")
        if "-" not in slug and len(full_by_surname.get(slug, ())) == 1:
            mapping[pid] = next(iter(full_by_surname[slug]))
    return mapping


def unify_people(atoms: dict[str, list[Atom]], more_ids: Iterable[str] = ()) -> None:
    """Rewrite surname-only person ids to the one full-name id with that surname, everywhere
    (``more_ids``: ids named by facts whose atoms are not given)."""
    ids = {a.values["id"] for a in atoms["entity"]} | set(more_ids)
    ids |= {a.values["speaker"] for a in atoms["statement"] if a.values["speaker"]}
    ids |= {p for a in atoms["event"] for p in a.values["participants"]}
    mapping = surname_map(i for i in ids if i.startswith("person:"))
    if not mapping:
        return
    for atom in atoms["entity"]:
        if atom.values["id"] in mapping:
            atom.values["id"] = mapping[atom.values["id"]]
            atom.values["own_id"] = False
    for atom in atoms["statement"]:
        atom.values["speaker"] = mapping.get(atom.values["speaker"], atom.values["speaker"])
    for atom in atoms["event"]:
        atom.values["participants"] = tuple(
            sorted({mapping.get(p, p) for p in atom.values["participants"]})
        )


def _name_rank(name: str) -> tuple[int, int, str]:
    """Sort key putting the fullest display name first (more words, longer, then A-Z)."""
    return (-len(name.split()), -len(name), name)


def fuse_entity(atoms: list[Atom]) -> Fused:
    """Return the entity of one id's atoms: the fullest own name, every other name an alias."""
    fusion = Fusion()
    canonical = atoms[0].values["id"]
    full_names = [a.values["name"] for a in atoms if a.values.get("own_id", True)]
    name = min(full_names or [a.values["name"] for a in atoms], key=_name_rank)
    aliases = set().union(*(a.values["aliases"] for a in atoms)) | {a.values["name"] for a in atoms}
    entity = construct(
        MergedEntity,
        id=canonical,
        name=name,
        type=fusion.choose(atoms, "type"),
        country=fusion.choose(atoms, "country"),
        role=fusion.choose(atoms, "role"),
        aliases=tuple(sorted(aliases - {name})),
        **fusion.provenance(atoms, "entity"),
    )
    return entity, fusion.conflicts
