"""Events: clustering the happenings the articles report, fusing each cluster, and choosing
the central event.

Events that say when they happened cluster by type group and day (or what their date text
pins) and shared people; an event that says nothing about when joins the cluster it shares
most people with. A loose event is compared with per-cluster summaries built once
(``ClusterSummary``), and alike loose events decide once, so nothing compares atoms pairwise.

Participants of a fused event are who its atoms name, except people named only by atoms
that pin no day and state another status (``_supported_participants``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

from ..models import MergedTradeEvent
from .atoms import Atom, cluster_by_keys
from .date_texts import date_class
from .fusion import Fused, Fusion, best, votes
from .labels import canonical_keys
from .reports import construct

TALKS_TYPES = frozenset({"meeting", "negotiation", "visit"})


def type_group(event_type: str) -> str:
    """Return the clustering group of an event type (talks-like types are one group)."""
    return "talks" if event_type in TALKS_TYPES else event_type


@lru_cache(maxsize=65536)
def persons(participants: tuple[str, ...]) -> frozenset[str]:
    """Return the person ids among ``participants``."""
    return frozenset(p for p in participants if p.startswith("person:"))


def day(atom: Atom) -> dt.date | None:
    """Return an event atom's date: as stated, or as resolved across articles."""
    return atom.values["date"] or atom.values.get("resolved")


def _is_loose(atom: Atom) -> bool:
    """Return whether an event says nothing about when (no date, no date text)."""
    return day(atom) is None and not date_class(atom.values["date_text"])


def _cluster_bucketed(events: list[Atom]) -> list[list[Atom]]:
    """Return clusters of events with the same type group and date (or date class) that share
    a person, or a country when one of them names no person."""
    buckets: dict[tuple[str, str], list[Atom]] = defaultdict(list)
    for atom in events:
        when = day(atom)
        bucket_day = when.isoformat() if when else date_class(atom.values["date_text"])
        buckets[(type_group(atom.values["type"]), bucket_day)].append(atom)
    clusters: list[list[Atom]] = []
    for bucket_key in sorted(buckets):
        bucket = buckets[bucket_key]
        bare_countries = {
            p
            for a in bucket
            if not persons(a.values["participants"])
            for p in a.values["participants"]
        }

        def keys(atom: Atom, countries: set[str] = bare_countries) -> list[Hashable]:
            parts = atom.values["participants"]
            if not parts:
                return [("nobody",)]
            found: list[Hashable] = [("who", p) for p in persons(parts)]
            found += [("who", p) for p in parts if p in countries]
            return found

        clusters.extend(cluster_by_keys(bucket, keys))
    return clusters


def _cluster_signature(cluster: list[Atom]) -> tuple[str, ...]:
    """Return an order-independent tie-break key of a cluster."""
    return min(
        {
            (
                min(a.sources),
                str(day(a)),
                a.values["date_text"] or "",
                ",".join(a.values["participants"]),
            )
            for a in cluster
        }
    )


@dataclass
class ClusterSummary:
    """What a loose event compares against in a cluster, computed once per cluster."""

    participants: frozenset[str]
    countries: frozenset[str]
    status: Any
    source_count: int
    signature: tuple[str, ...]


def _summarise(cluster: list[Atom]) -> ClusterSummary:
    """Return the participants, countries, majority status and tie-break key of a cluster."""
    participants = frozenset(p for a in cluster for p in a.values["participants"])
    return ClusterSummary(
        participants=participants,
        countries=frozenset(p for p in participants if not p.startswith("person:")),
        status=best(votes(cluster, "status")),
        source_count=len(set().union(*(a.sources for a in cluster))),
        signature=_cluster_signature(cluster),
    )


def cluster_events(events: list[Atom], join_loose: bool = True) -> list[list[Atom]]:
    """Return event clusters. Events that say when they happened cluster by bucket; an event
    that says nothing about when joins the same-type cluster of its status that it shares most
    people with (and a country, if both name one), else (or without ``join_loose``) clusters
    with other such events."""
    loose = [a for a in events if join_loose and _is_loose(a) and persons(a.values["participants"])]
    loose_ids = {id(a) for a in loose}
    clusters = _cluster_bucketed([a for a in events if id(a) not in loose_ids])
    by_person: dict[tuple[str, str], set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        for atom in cluster:
            for person in persons(atom.values["participants"]):
                by_person[(type_group(atom.values["type"]), person)].add(index)
    summaries: dict[int, ClusterSummary] = {}
    # loose atoms alike in what is compared choose alike: decide once per kind of atom
    choices: dict[tuple[Any, ...], int | None] = {}
    joined: dict[int, list[Atom]] = defaultdict(list)
    leftover = []
    for atom in loose:
        group, parts = type_group(atom.values["type"]), atom.values["participants"]
        signature = (group, parts, atom.values["status"])
        if signature not in choices:
            choices[signature] = _best_cluster(signature, clusters, by_person, summaries)
        chosen = choices[signature]
        if chosen is None:
            leftover.append(atom)
        else:
            joined[chosen].append(atom)
    for index, extra in joined.items():
        clusters[index] = clusters[index] + extra
    return clusters + _cluster_bucketed(leftover)


def _best_cluster(
    signature: tuple[Any, ...],
    clusters: list[list[Atom]],
    by_person: dict[tuple[str, str], set[int]],
    summaries: dict[int, ClusterSummary],
) -> int | None:
    """Return the index of the cluster a loose event (type group, participants, status) joins:
    same status, no clash of countries, most shared people, then most sources; or None."""
    group, parts, status = signature
    people = persons(parts)
    countries = set(parts) - people
    found: tuple[Any, ...] | None = None
    for index in set().union(*(by_person.get((group, p), ()) for p in people)):
        if index not in summaries:
            summaries[index] = _summarise(clusters[index])
        summary = summaries[index]
        if countries and summary.countries and not countries & summary.countries:
            continue
        if summary.status != status:
            continue  # "talks would be held" is not the talks that were held
        rank = (
            -len(people & summary.participants),
            -summary.source_count,
            summary.signature,
            index,
        )
        found = rank if found is None or rank < found else found
    return None if found is None else found[-1]


def fuse_event(atoms: list[Atom]) -> Fused:
    """Return the event of a cluster: the earliest day stated or resolved, the majority
    status, the supported participants."""
    fusion = Fusion()
    date = min((d for d in map(day, atoms) if d is not None), default=None)
    fusion.choose(atoms, "date", chosen=date)  # remembers which sources left it open
    if date is not None:
        # the date is settled, so differing wordings of it are not a disagreement
        texts = [a.values["date_text"] for a in atoms if a.values["date_text"]]
        chosen = min(texts, key=lambda t: (-len(t), t)) if texts else None
        # wordings of one date ("Wednesday", "on Wednesday") agree; other days disagree
        same_day = len({date_class(t) for t in texts}) <= 1
        date_text = fusion.choose(atoms, "date_text", chosen=chosen, quiet=same_day)
    else:
        date_text = fusion.choose(atoms, "date_text", null_disagrees=True)
    status = fusion.choose(atoms, "status")
    participants = _supported_participants(atoms, status)
    fusion.choose(atoms, "participants", chosen=participants)
    event = construct(
        MergedTradeEvent,
        type=fusion.choose(atoms, "type"),
        date=date,
        date_text=date_text,
        status=status,
        participants=participants,
        location=fusion.choose(atoms, "location"),
        **fusion.provenance(atoms, "event"),
    )
    return event, fusion.conflicts


def _supported_participants(atoms: Sequence[Atom], status: Any) -> tuple[str, ...]:
    """Return the sorted participants of a fused event: everyone its atoms name, except those
    named only by atoms that pin no day and state another status ("talks will be held this
    month" joining talks held this month brings along who was said to attend the other one).
    The dropped names stay in the ``participants`` conflict."""
    supported = {
        p
        for a in atoms
        if day(a) is not None or a.values["status"] == status
        for p in a.values["participants"]
    }
    named = {p for a in atoms for p in a.values["participants"]}
    return tuple(sorted(supported or named))


def central_event(events: list[MergedTradeEvent]) -> MergedTradeEvent | None:
    """Return the happening the articles are about: talks-like, most sources, then most people."""
    if not events:
        return None

    def rank(v: MergedTradeEvent) -> tuple[Any, ...]:
        return (
            v.type not in TALKS_TYPES,
            -len(v.sources),
            v.status != "occurred",
            -len(persons(v.participants)),
            -len(v.participants),
            v.date is None,
        )

    top = min(map(rank, events))
    tied = [v for v in events if rank(v) == top]
    return min(zip(canonical_keys(tied), tied, strict=True), key=itemgetter(0))[1]
