"""Date anchoring across articles: a weekday-only event takes the day of a dated report of
the same happening, and the article so anchored resolves its other weekday and month-day
texts near that day. A weekday-only event takes no date from a same-weekday happening of
other countries.

Anchoring depends on every article merged, so every merge redoes it from the dates as the
articles state them (a merged fact's ``reports`` keep them unresolved): a partial merge may
date "Wednesday" from the wrong happening (an article's own April 2 announcement, when the
meeting of April 16 is in another partition), and the next merge decides again. An anchor
counts the happenings (clusters) an article reports on a date, not its atoms, so a record,
which groups alike atoms, anchors as its articles do."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from .atoms import Atom, split_sources
from .date_texts import from_anchor, weekday
from .events import cluster_events, day, persons, type_group

#: Anchoring rounds: a date set in one round can anchor another article in the next.
_ROUNDS = 3


def anchor_dates(events: list[Atom]) -> None:
    """Set ``resolved`` dates on event atoms, in rounds until nothing changes."""
    for _ in range(_ROUNDS):
        if not _resolve_dates(events):
            break


def _overlap(first: tuple[str, ...], people: set[str], places: set[str]) -> bool:
    """Return whether participants ``first`` meet a group with ``people`` and other ids."""
    mine = persons(first)
    if mine and people:
        return bool(mine & people)
    return bool(set(first) & (people | places))


def _resolve_dates(events: list[Atom]) -> bool:
    """Date each weekday-only cluster from a dated cluster of the same happening (same type
    group, that weekday, shared participants; most shared, then most sources); then let each
    article so anchored resolve its other weekday and month-day texts near the anchor.
    Return whether any date was set."""
    clusters = cluster_events(events)
    dated_by_participant: dict[tuple[str, int, str], set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        when = day(cluster[0])
        if when is not None:
            group = type_group(cluster[0].values["type"])
            for atom in cluster:
                for participant in atom.values["participants"]:
                    dated_by_participant[(group, when.weekday(), participant)].add(index)
    anchors: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for cluster in clusters:
        if day(cluster[0]) is not None:
            continue
        weekdays = {w for a in cluster if (w := weekday(a.values["date_text"])) is not None}
        if len(weekdays) != 1:
            continue
        named_weekday = weekdays.pop()
        group = type_group(cluster[0].values["type"])
        people = {p for a in cluster for p in persons(a.values["participants"])}
        places = {p for a in cluster for p in a.values["participants"]} - people
        candidates = set().union(
            *(dated_by_participant.get((group, named_weekday, p), ()) for p in people | places)
        )
        best: tuple[Any, ...] | None = None
        for index in candidates:
            other = clusters[index]
            if not any(_overlap(a.values["participants"], people, places) for a in other):
                continue
            theirs = {p for a in other for p in a.values["participants"]}
            their_places = theirs - persons(tuple(theirs))
            if places and their_places and not places & their_places:
                continue  # Trump meeting the Swiss on Thursday is not his Thursday with Italy
            rank = (
                not any(weekday(a.values["date_text"]) == named_weekday for a in other),
                -len(theirs & (people | places)),
                -len(set().union(*(a.sources for a in other))),
                day(other[0]),
            )
            best = rank if best is None or rank < best else best
        if best is None:
            continue
        for atom in cluster:
            atom.values["resolved"] = best[-1]
        for source in set().union(*(atom.sources for atom in cluster)):
            anchors[source][best[-1]] += 1  # counts happenings, not atoms: records group them
    if anchors:
        events[:] = [part for atom in events for part in _resolve_near_anchor(atom, anchors)]
    return bool(anchors)


def _resolve_near_anchor(atom: Atom, anchors: dict[str, dict[dt.date, int]]) -> list[Atom]:
    """Return ``atom`` with its weekday or month-day text resolved near the anchor of its
    article (the date it was anchored to most, then the earliest); an atom of several
    sources anchored differently is split by source."""
    if day(atom) is not None or not any(source in anchors for source in atom.sources):
        return [atom]
    by_date: dict[dt.date | None, set[str]] = defaultdict(set)
    for source in atom.sources:
        counts = anchors.get(source)
        anchor = min(counts, key=lambda d: (-counts[d], d)) if counts else None
        by_date[anchor and from_anchor(atom.values["date_text"], anchor)].add(source)
    parts = split_sources(atom, list(by_date.values())) if len(by_date) > 1 else [atom]
    for resolved, part in zip(by_date, parts, strict=True):
        if resolved is not None:
            part.values["resolved"] = resolved
    return parts
