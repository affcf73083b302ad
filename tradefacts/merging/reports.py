"""A merged fact's ``reports``: each distinct way its sources state it, with those sources.

Reports are what makes merging a monoid. A record is cut back into atoms from its facts'
reports (``inputs.atoms_from_reports``), which gives the atoms of its articles exactly (the
values as stated, before ids are unified and dates resolved; each atom's evidence), only
grouped by source where sources state alike. Every fused field is a function of the set of
atoms that counts sources, never atoms, so ``merge`` of records equals ``merge`` of their
articles for every partition and order.

A report's ``evidence`` is left empty, and read back as the fact's evidence from the report's
sources, unless one of its sources also states the fact another way (then that source's
evidence belongs partly to each report and is kept with each).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import cache
from itertools import pairwise
from typing import Any

from pydantic import BaseModel

from ..models import (
    EntityReport,
    EventReport,
    Evidences,
    QuantityReport,
    StatementReport,
    TariffReport,
)
from .atoms import Atom
from .runs import union_of_evidence, union_of_sources

#: Builds the report of one kind from stated values (``Atom.stated``), evidence and sources.
Maker = Callable[[tuple[Any, ...], Evidences, tuple[str, ...]], Any]


_set = object.__setattr__


@cache
def _defaults(cls: type[BaseModel]) -> dict[str, Any]:
    """Return every field of ``cls`` in order with its default (``...`` when required)."""
    return {
        name: ... if field.is_required() else field.get_default(call_default_factory=True)
        for name, field in cls.model_fields.items()
    }


def construct(cls: type[BaseModel], **given: Any) -> Any:
    """Return a model of ``cls`` from trusted values, unvalidated, missing fields at their
    defaults: ``model_construct`` without its per-field alias look-ups (a merge builds a
    fused fact per cluster and a report per stated value, at every merge of a tree)."""
    return _build(cls, {**_defaults(cls), **given})  # in field order


def _report(cls: type[BaseModel], **fields: Any) -> Any:
    """Return a report of ``cls`` from every one of its fields, given in field order."""
    return _build(cls, fields)


def _build(cls: type[BaseModel], fields: dict[str, Any]) -> Any:
    model = cls.__new__(cls)
    _set(model, "__dict__", fields)
    _set(model, "__pydantic_fields_set__", set(fields))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def _entity(stated: tuple[Any, ...], evidence: Evidences, sources: tuple[str, ...]) -> Any:
    id_, name, type_, country, role, aliases = stated
    return _report(
        EntityReport,
        id=id_,
        name=name,
        type=type_,
        country=country,
        role=role,
        aliases=tuple(sorted(aliases)),
        evidence=evidence,
        sources=sources,
    )


def _quantity(stated: tuple[Any, ...], evidence: Evidences, sources: tuple[str, ...]) -> Any:
    kind, unit, per_unit, (value, text), approximate = stated
    return _report(
        QuantityReport,
        kind=kind,
        value=value,
        unit=unit,
        per_unit=per_unit,
        approximate=approximate,
        text=text,
        evidence=evidence,
        sources=sources,
    )


def _tariff(stated: tuple[Any, ...], evidence: Evidences, sources: tuple[str, ...]) -> Any:
    rate, imposer, _product, target, measure, status, qualifier, *when, products = stated
    effective, effective_text = when
    return _report(
        TariffReport,
        rate_percent=rate,
        imposer=imposer,
        target=target,
        products=products,
        measure=measure,
        status=status,
        qualifier=qualifier,
        effective=effective,
        effective_text=effective_text,
        evidence=evidence,
        sources=sources,
    )


def _statement(stated: tuple[Any, ...], evidence: Evidences, sources: tuple[str, ...]) -> Any:
    speaker, speaker_name, text, kind = stated
    return _report(
        StatementReport,
        speaker=speaker,
        speaker_name=speaker_name,
        text=text,
        kind=kind,
        evidence=evidence,
        sources=sources,
    )


def _event(stated: tuple[Any, ...], evidence: Evidences, sources: tuple[str, ...]) -> Any:
    type_, date, date_text, status, participants, location = stated
    return _report(
        EventReport,
        type=type_,
        date=date,
        date_text=date_text,
        status=status,
        participants=participants,
        location=location,
        evidence=evidence,
        sources=sources,
    )


MAKERS: dict[str, Maker] = {
    "entity": _entity,
    "quantity": _quantity,
    "tariff": _tariff,
    "statement": _statement,
    "event": _event,
}


def _plain(value: Any) -> Any:
    if isinstance(value, frozenset):
        return tuple(sorted(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _order(stated: tuple[Any, ...]) -> str:
    """Return the sort key of a report (its stated values as text)."""
    return repr(tuple(map(_plain, stated)))


def shared_sources(groups: Sequence[Sequence[str]], total: int) -> set[str]:
    """Return the sources that are in more than one of ``groups`` (whose union has ``total``
    sources): none when the sizes add up to the union."""
    if len(groups) < 2 or sum(map(len, groups)) == total:
        return set()
    counts = Counter(source for group in groups for source in group)
    return {source for source, count in counts.items() if count > 1}


def build_reports(atoms: Sequence[Atom], kind: str, sources: tuple[str, ...]) -> tuple[Any, ...]:
    """Return the reports of a fused fact of ``kind`` from its atoms (``sources``: all the
    atoms' sources, sorted), one per distinct stated value, in a fixed order."""
    make = MAKERS[kind]
    first = atoms[0].stated
    if len(atoms) == 1 or all(atom.stated == first for atom in atoms):
        return (make(first, (), sources),)  # type: ignore[arg-type]
    by_stated: dict[tuple[Any, ...], list[Atom]] = defaultdict(list)
    for atom in atoms:
        by_stated[atom.stated].append(atom)  # type: ignore[index]
    grouped = [
        (
            group[0].sorted_sources()
            if len(group) == 1
            else union_of_sources(a.sorted_sources() for a in group),
            stated,
            group,
        )
        for stated, group in by_stated.items()
    ]
    # in order of their sources; stated values break ties (one source stating two ways)
    grouped.sort(key=lambda entry: entry[0])
    if any(a[0] == b[0] for a, b in pairwise(grouped)):
        grouped.sort(key=lambda entry: (entry[0], _order(entry[1])))
    shared = shared_sources([members for members, _, _ in grouped], len(sources))
    reports = []
    for members, stated, group in grouped:
        evidence: Evidences = ()
        if shared and not shared.isdisjoint(members):
            evidence = union_of_evidence(a.evidence for a in group)
        reports.append(make(stated, evidence, members))
    return tuple(reports)
