"""``merge``: many ``ArticleFacts`` (or earlier ``CanonicalRecord``s) into one
``CanonicalRecord``.

Every input is cut into atoms (``inputs``), people are unified across articles
(``entities``), event dates are anchored across articles (``anchoring``), then each kind of
fact is clustered and each cluster fused (``entities``, ``quantities``, ``tariffs``,
``statements``, ``events``); the fused facts are sorted by a canonical key and their conflicts
labelled (``labels``).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from ..errors import InputError
from ..models import ArticleFacts, CanonicalRecord, Conflict, MergedTradeEvent
from .anchoring import anchor_dates
from .atoms import Atom, cluster_by_keys
from .entities import fuse_entity, unify_people
from .events import central_event, cluster_events, fuse_event
from .fusion import Fused
from .inputs import atoms_from_article, atoms_from_record
from .labels import (
    canonical_keys,
    entity_label,
    event_label,
    labels,
    quantity_label,
    statement_label,
    tariff_label,
)
from .quantities import fuse_quantity, quantity_key
from .runs import union_of_sources
from .statements import cluster_statements, fuse_statement
from .tariffs import cluster_tariffs, fuse_tariff


def merge(
    *inputs: ArticleFacts | CanonicalRecord | Iterable[ArticleFacts | CanonicalRecord],
    resolve_dates: bool = True,
) -> CanonicalRecord:
    """Return the CanonicalRecord of the given ArticleFacts and/or CanonicalRecords.

    Accepts a list (``merge([a, b])``) or several arguments (``merge(a, b)``, ``merge(rec, c)``).
    ``resolve_dates=False`` leaves weekday and month-day texts undated and undated mentions
    apart from the happening they would join: use it for the partial merges of a tree
    reduction whose last merge decides both from every article (see ``anchoring``); it only
    saves work, since every merge decides them again from what the articles state. Merging
    records equals merging their articles, in any grouping and order.
    """
    with _collector_paused():
        return _merge(inputs, resolve_dates)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: a merge builds millions of small acyclic objects, and
    the collector's repeated scans of them made tree merges grow x2.75 per doubling at 8,000
    articles (x1.97 without them). Plain reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _merge(inputs: tuple[Any, ...], resolve_dates: bool) -> CanonicalRecord:
    atoms: dict[str, list[Atom]] = defaultdict(list)
    source_runs: list[tuple[str, ...]] = []
    for item in _flatten(inputs):
        if isinstance(item, ArticleFacts):
            source_runs.append((item.doc_id,))
            parts = atoms_from_article(item)
        else:
            source_runs.append(item.sources)
            parts = atoms_from_record(item)
        for kind, found in parts.items():
            atoms[kind].extend(found)
    sources = union_of_sources(source_runs)
    if not sources and not any(atoms.values()):
        return CanonicalRecord()
    unify_people(atoms)
    entities, conflicts = _fuse_all(
        cluster_by_keys(atoms["entity"], lambda a: [a.values["id"]]), fuse_entity, entity_label
    )
    names = {e.id: e.name for e in entities}
    quantities, more = _fuse_all(
        cluster_by_keys(atoms["quantity"], lambda a: [quantity_key(a)]),
        fuse_quantity,
        quantity_label,
    )
    conflicts += more
    tariffs, more = _fuse_all(cluster_tariffs(atoms["tariff"]), fuse_tariff, tariff_label)
    conflicts += more
    statements, more = _fuse_all(
        cluster_statements(atoms["statement"]),
        lambda group: fuse_statement(group, names),
        statement_label,
    )
    conflicts += more
    events, more = _fuse_events(atoms["event"], resolve_dates)
    conflicts += more
    return CanonicalRecord(
        event=central_event(events),
        entities=tuple(entities),
        quantities=tuple(quantities),
        tariffs=tuple(tariffs),
        statements=tuple(statements),
        events=tuple(events),
        conflicts=tuple(sorted(conflicts, key=lambda c: (c.fact, c.field))),
        sources=sources,
    )


def resolve_dates(record: CanonicalRecord) -> CanonicalRecord:
    """Return ``merge(record)`` of a record merged with ``resolve_dates=False``: its events
    dated and joined across all its sources. Only the events are fused again (every other
    fact of a record merges into itself), so this costs the events, not the record."""
    with _collector_paused():
        before = set(labels(record.events, event_label))
        atoms = atoms_from_record(record, ("event",))
        unify_people(atoms, stated_people(record))
        events, conflicts = _fuse_events(atoms["event"], True)
        kept = [c for c in record.conflicts if c.fact not in before]
    return record.model_copy(
        update={
            "event": central_event(events),
            "events": tuple(events),
            "conflicts": tuple(sorted(kept + conflicts, key=lambda c: (c.fact, c.field))),
        }
    )


def stated_people(record: CanonicalRecord) -> set[str]:
    """Return the person ids the record's entities and statements are stated with (their
    reports' ids, else their own), which decide how people are unified."""
    ids = {r.id for e in record.entities for r in e.reports or (e,)}
    ids |= {r.speaker for s in record.statements for r in s.reports or (s,) if r.speaker}
    return {i for i in ids if i.startswith("person:")}


def _fuse_events(
    atoms: list[Atom], resolve_dates: bool
) -> tuple[list[MergedTradeEvent], list[Conflict]]:
    """Return the fused events and their conflicts (dated across articles if
    ``resolve_dates``)."""
    if resolve_dates:
        anchor_dates(atoms)
    return _fuse_all(cluster_events(atoms, join_loose=resolve_dates), fuse_event, event_label)


def _flatten(inputs: Sequence[Any]) -> list[ArticleFacts | CanonicalRecord]:
    """Return the input models, whether given as arguments, lists or both."""
    items: list[ArticleFacts | CanonicalRecord] = []
    for item in inputs:
        if isinstance(item, ArticleFacts | CanonicalRecord):
            items.append(item)
        elif isinstance(item, Iterable) and not isinstance(item, str | bytes | dict):
            items.extend(_flatten(list(item)))
        else:
            raise InputError(
                f"merge expects ArticleFacts or CanonicalRecord, not {type(item).__name__}"
            )
    return items


def _fuse_all(
    clusters: list[list[Atom]],
    fuse: Callable[[list[Atom]], Fused],
    label_of: Callable[[Any], str],
) -> tuple[list[Any], list[Conflict]]:
    """Return the fused facts in canonical order and their conflicts, labelled."""
    fused = [fuse(cluster) for cluster in clusters]
    keys = canonical_keys([fact for fact, _ in fused])
    fused = [pair for _, pair in sorted(zip(keys, fused, strict=True), key=itemgetter(0))]
    facts = [fact for fact, _ in fused]
    conflicts = [
        conflict.model_copy(update={"fact": label})
        for (_, found), label in zip(fused, labels(facts, label_of), strict=True)
        for _, conflict in found
    ]
    return facts, conflicts
