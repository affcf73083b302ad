"""Clustering inside one article: mentions of one happening become one event.

Candidates cluster when they are of one type family, their statuses and dates agree, and they
share a person, or share countries when one side names no person (an undated, untimed mention
of talks joins the dated talks of the same countries). Participants are united and every
mention is kept as evidence; an event needs a grounded (non-clutter) mention, and a past
happening the article does not place in time is background, not an event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date

from spacy.tokens import Doc

from ...models import Evidence, TradeEvent
from ..document import evidence
from .candidates import Candidate
from .participants import SPEAKER_TYPES
from .tables import TYPE_PRIORITY, event_data, family

#: Type families a planned trip and the talks it is for belong to.
TRIP_FAMILIES = frozenset({"visit", "talks"})


@dataclass
class Cluster:
    """Candidates read as one happening."""

    members: list[Candidate]

    @property
    def date(self) -> Date | None:
        return next((m.date for m in self.members if m.date is not None), None)

    @property
    def persons(self) -> set[str]:
        return set().union(*(m.persons for m in self.members))

    @property
    def parties(self) -> set[str]:
        return set().union(*(m.parties for m in self.members))

    @property
    def status(self) -> str:
        firm = [m for m in self.members if not m.tentative] or self.members
        return firm[0].status


def _times_agree(cluster: Cluster, cand: Candidate) -> bool:
    """Dates agree: equal days, equal vague wording, or one side gives no time at all."""
    if cand.date_text is None:
        return True
    if cand.date is not None:
        if cluster.date is not None:
            return cluster.date == cand.date
        return not any(m.date_text for m in cluster.members)
    if cluster.date is not None:
        return False  # "next week" is not the dated happening
    texts = {m.date_text.lower() for m in cluster.members if m.date_text}
    return not texts or cand.date_text.lower() in texts


def _status_agrees(cluster: Cluster, cand: Candidate) -> bool:
    if cand.tentative or all(m.tentative for m in cluster.members):
        return True
    return cluster.status == cand.status


def _different_countries(
    named_a: set[str], parties_a: set[str], named_b: set[str], parties_b: set[str]
) -> bool:
    """True when both sides name countries and neither side's countries take part in the other
    (a person's country counts as taking part)."""
    if not named_a or not named_b or named_a & named_b:
        return False
    return not (named_a <= parties_b or named_b <= parties_a)


def _same_trip(cluster: Cluster, cand: Candidate) -> bool:
    """True for a planned trip and the planned talks it is for, told by one person's plans
    ("will travel to Washington next week for talks with Greer"): one happening."""
    families = {family(cluster.members[0].type), family(cand.type)}
    if not families <= TRIP_FAMILIES or cand.status != "planned" or cluster.status != "planned":
        return False
    return bool(cluster.persons & cand.persons)


def _compatible(cluster: Cluster, cand: Candidate) -> bool:
    """True when ``cand`` may be another mention of the happening of ``cluster``."""
    if family(cluster.members[0].type) != family(cand.type) and not _same_trip(cluster, cand):
        return False
    if not _status_agrees(cluster, cand) or not _times_agree(cluster, cand):
        return False
    if cand.distinct and not cand.persons <= cluster.persons:
        return False  # "a separate meeting with Bessent" is not the call with Lutnick
    cluster_countries = {
        p for m in cluster.members for p in m.participants if p.startswith("country:")
    }
    cand_countries = {p for p in cand.participants if p.startswith("country:")}
    if _different_countries(cluster_countries, cluster.parties, cand_countries, cand.parties):
        return False  # "talks with Japan" and "talks with Korea" are two happenings
    if cluster.persons & cand.persons:
        return True
    if cluster.persons and cand.persons:
        # different people: only an undated, unplaced-in-time mention of the same countries'
        # talks joins a dated happening ("Akazawa met top U.S. officials in Washington")
        undated = cand.date is None and cand.date_text is None and cluster.date is not None
        talks = family(cand.type) == "talks"
        return talks and undated and bool(cluster.parties & cand.parties)
    if cluster.parties & cand.parties:
        return True
    same_day = cand.date is not None and cluster.date == cand.date
    if same_day and family(cand.type) in SPEAKER_TYPES and cluster.parties and cand.parties:
        return False  # two announcers of one day ("Later that day, Canada announced ...")
    return same_day


def cluster_candidates(cands: Iterable[Candidate]) -> list[Cluster]:
    """Group candidates of one happening: dated ones first, then undated join the best match."""
    ordered = sorted(cands, key=lambda c: (c.date is None, c.tentative, c.clutter, c.start))
    clusters: list[Cluster] = []
    for cand in ordered:
        matches = [c for c in clusters if _compatible(c, cand)]
        if not matches:
            clusters.append(Cluster([cand]))
            continue
        best = max(
            matches,
            key=lambda c: (
                len(c.persons & cand.persons),
                len(c.parties & cand.parties),
                c.date is not None,
                c.status == cand.status,
                -c.members[0].start,
            ),
        )
        best.members.append(cand)
    return _join_lone_dated(clusters)


def _untimed_unplaced(cluster: Cluster) -> bool:
    """A past happening of people the article ties to no country and never dates."""
    return (
        cluster.status == "occurred"
        and not any(m.date_text or m.tentative for m in cluster.members)
        and bool(cluster.persons)
        and not cluster.parties
    )


def _join_lone_dated(clusters: list[Cluster]) -> list[Cluster]:
    """An untimed past mention by people of unknown country joins the one dated happening of
    its type family that names only countries ("South Korea and Japan agreed on Wednesday ...
    Ahn and Morimoto signed a memorandum"): the article tells one happening twice."""
    kept: list[Cluster] = []
    for cluster in clusters:
        kind = family(cluster.members[0].type)
        dated = [
            c
            for c in clusters
            if c.date is not None and c.status == "occurred" and family(c.members[0].type) == kind
        ]
        lone = dated[0] if len(dated) == 1 else None
        if lone is not None and not lone.persons and _untimed_unplaced(cluster):
            lone.members.extend(cluster.members)
        else:
            kept.append(cluster)
    return kept


def cluster_event(doc: Doc, cluster: Cluster) -> TradeEvent | None:
    """The event of a cluster, or None when all its mentions sit in page clutter."""
    grounded = [m for m in cluster.members if not m.clutter]
    if not grounded or all(m.weak for m in cluster.members):
        return None
    if cluster.members[0].type in event_data().inclusive_types and cluster.status == "planned":
        return None  # a measure's future start date is the measure's schedule (see tariffs)
    timed = any(m.date_text and not m.yearly for m in cluster.members)
    if not timed and cluster.status == "occurred" and not any(m.background for m in grounded):
        return None  # a past happening the article does not place in time is background
    members = sorted(cluster.members, key=lambda m: m.start)
    dated = next((m for m in cluster.members if m.date is not None), None)
    texted = dated or next((m for m in members if m.date_text), None)
    participants: list[str] = []
    for m in sorted(grounded, key=lambda m: m.start) + [m for m in members if m.clutter]:
        participants.extend(p for p in m.participants if p not in participants)
    types = [m.type for m in grounded]
    etype = min(types, key=lambda t: (-types.count(t), TYPE_PRIORITY.index(t)))
    location = next((m.location for m in grounded if m.location), None)
    proofs: list[Evidence] = sorted(
        {evidence(doc, m.start, m.end) for m in grounded},
        key=lambda e: (e.start, e.end),
    )
    return TradeEvent(
        type=etype,  # type: ignore[arg-type]
        date=dated.date if dated else None,
        date_text=texted.date_text if texted else None,
        status=cluster.status,  # type: ignore[arg-type]
        participants=tuple(participants),
        location=location,
        evidence=tuple(proofs),
    )
