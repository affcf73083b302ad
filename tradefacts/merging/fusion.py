"""Fuse many ``ArticleFacts`` (or earlier ``CanonicalRecord``s) into one ``CanonicalRecord``.

Every input fact is first cut into *atoms*: one fact as one source states it (a merged record is
cut back into atoms from its ``sources``, ``variants`` and ``conflicts``, so records can be merged
again). Atoms are bucketed by a key and linked inside a bucket (union-find), then each cluster is
fused: a field with one voice keeps it, a disputed field keeps the best-supported value and
records a ``Conflict``. Every choice is by support, then by a fixed order, and every list is
sorted by a canonical key, so the record does not depend on the order of the input.

Scaling (many outlets reporting one fact make clusters of hundreds of atoms): nothing compares
atoms pairwise. Clusters come from shared keys (union-find); quote keys are computed once per
distinct wording; a loose event is compared with per-cluster summaries built once
(``ClusterSummary``), and alike loose events decide once; evidence is deduplicated by plain
tuples; a merged record is cut back into atoms with its evidence grouped by source once.

Event participants: a fused event lists who its atoms name, except people named only by atoms
that pin no day and state another status (``_supported_participants``); a weekday-only event
takes no date from a same-weekday happening of other countries.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..models import (
    ArticleFacts,
    CanonicalRecord,
    Conflict,
    ConflictSide,
    Evidence,
    MergedEntity,
    MergedQuantity,
    MergedStatement,
    MergedTariffRate,
    MergedTradeEvent,
    Unstated,
    Variant,
)

__all__ = ["merge", "format_summary"]

NULL = "null"
TALKS_TYPES = frozenset({"meeting", "negotiation", "visit"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: index + 1
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.IGNORECASE)
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY_RE = re.compile(
    rf"\b(?:({_MONTH_ALT})\.?\s{{1,3}}(\d{{1,2}})|(\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}}({_MONTH_ALT}))\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\b(19|20)\d{2}\b")
_MAX_QUOTE_NGRAM = 5


# --- atoms and union-find ---------------------------------------------------------------------


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


def _cluster_by_keys(
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


# --- value encoding for conflicts (and back, to merge records again) -------------------------


def _encode(value: Any) -> str:
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


def _decode(text: str, kind: str) -> Any:
    """Return the field value a conflict-side string stands for (``kind``: str, tuple, date)."""
    if text == NULL:
        return None
    if kind == "tuple":
        return () if text == "[]" else tuple(text.split(", "))
    if kind == "date":
        return dt.date.fromisoformat(text)
    return text


# --- fusing one field of a cluster ------------------------------------------------------------


def _votes(atoms: Iterable[Atom], name: str) -> dict[Any, set[str]]:
    """Return each value of field ``name`` with the sources giving it."""
    votes: dict[Any, set[str]] = defaultdict(set)
    for atom in atoms:
        votes[atom.values[name]].add(atom.source)
    return votes


def _best(votes: dict[Any, set[str]], null_can_win: bool = False) -> Any:
    """Return the best-supported value, then the first in a fixed order; None only if it is
    the sole value or ``null_can_win``."""
    candidates = list(votes) if null_can_win else [v for v in votes if v is not None] or [None]
    return min(candidates, key=lambda v: (-len(votes[v]), v is None, _encode(v)))


@dataclass
class Fusion:
    """Collects the conflicts and silent sources found while fusing one cluster."""

    conflicts: list[tuple[str, Conflict]] = field(default_factory=list)
    silent: dict[str, tuple[str, ...]] = field(default_factory=dict)

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
        sources that only keep silent are remembered (``unstated``) so records merge again.
        """
        votes = _votes(atoms, name)
        if not null_disagrees and None in votes:
            speaking = set().union(*(s for v, s in votes.items() if v is not None))
            silent = votes.pop(None) - speaking
            if speaking and silent:
                self.silent[name] = tuple(sorted(silent))
            if not votes:
                votes[None] = silent
        value = _best(votes, null_can_win) if chosen is ... else chosen
        if not quiet and len([v for v in votes if v is not None or null_disagrees]) >= 2:
            self.conflicts.append((name, _conflict(name, value, votes)))
        return value

    def unstated(self) -> tuple[Unstated, ...]:
        """Return the silent sources per field, for the fused fact."""
        return tuple(Unstated(field=n, sources=s) for n, s in sorted(self.silent.items()))


def _conflict(name: str, chosen: Any, votes: dict[Any, set[str]]) -> Conflict:
    """Return a Conflict over ``votes`` (its ``fact`` is filled in once the fact is labelled)."""
    sides = sorted(
        (ConflictSide(value=_encode(v), sources=tuple(sorted(s))) for v, s in votes.items()),
        key=lambda side: side.value,
    )
    return Conflict(fact="", field=name, chosen=_encode(chosen), sides=tuple(sides))


def _evidence(atoms: Iterable[Atom]) -> tuple[Evidence, ...]:
    """Return the union of the atoms' evidence in canonical order."""
    # keyed by plain tuples: hashing them is far cheaper than hashing the models
    union = {(e.doc_id, e.start, e.end, e.text): e for atom in atoms for e in atom.evidence}
    return tuple(union[key] for key in sorted(union))


def _sources(atoms: Iterable[Atom]) -> tuple[str, ...]:
    """Return the sorted distinct sources of the atoms."""
    return tuple(sorted({atom.source for atom in atoms}))


# --- entity ids -------------------------------------------------------------------------------


def _surname_map(person_ids: Iterable[str]) -> dict[str, str]:
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


def _name_rank(name: str) -> tuple[int, int, str]:
    """Sort key putting the fullest display name first (more words, longer, then A-Z)."""
    return (-len(name.split()), -len(name), name)


# --- statements -------------------------------------------------------------------------------


_SPELLING_RULES = (
    (re.compile(r"(?<=\w{3})our\b"), "or"),  # honour -> honor, labour -> labor
    (re.compile(r"(?<=\w{2})is(e|es|ed|ing|ation|ations)\b"), r"iz\1"),  # organise -> organize
    (re.compile(r"(?<=\w{3})tre\b"), "ter"),  # centre -> center
    (re.compile(r"aluminium"), "aluminum"),
)


@lru_cache(maxsize=65536)
def quote_tokens(text: str) -> tuple[str, ...]:
    """Return the comparison tokens of a quote: folded case, accents, quotes and spelling."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    folded = folded.replace("'", "").replace("\u2019", "")
    for pattern, replacement in _SPELLING_RULES:
        folded = pattern.sub(replacement, folded)
    return tuple(re.findall(r"[a-z0-9]+", folded))


def _quote_keys(tokens: tuple[str, ...], short: set[tuple[str, ...]]) -> list[Hashable]:
    """Return keys two wordings of one quote share: a common 5-word run, or a short quote
    (2-4 words, one of ``short``) found whole inside the other."""
    if len(tokens) < 2:
        return [("short", tokens)]
    keys: list[Hashable] = [
        ("run", tokens[i : i + _MAX_QUOTE_NGRAM]) for i in range(len(tokens) - _MAX_QUOTE_NGRAM + 1)
    ]
    for size in range(2, min(_MAX_QUOTE_NGRAM, len(tokens) + 1)):
        for i in range(len(tokens) - size + 1):
            if tokens[i : i + size] in short:
                keys.append(("short", tokens[i : i + size]))
    return keys


def _cluster_statements(atoms: list[Atom]) -> list[list[Atom]]:
    """Return clusters of one speaker's statements that are wordings of the same quote."""
    short = {
        quote_tokens(a.values["text"])
        for a in atoms
        if 2 <= len(quote_tokens(a.values["text"])) < _MAX_QUOTE_NGRAM
    }

    keys_by_text: dict[str, list[Hashable]] = {}

    def keys(atom: Atom) -> list[Hashable]:
        text = atom.values["text"]
        if text not in keys_by_text:
            tokens = quote_tokens(text)
            keys_by_text[text] = _quote_keys(tokens, short) if tokens else [("raw", text)]
        return keys_by_text[text]

    return _cluster_by_keys(atoms, keys)


# --- events and dates -------------------------------------------------------------------------


def _group(event_type: str) -> str:
    """Return the clustering group of an event type (talks-like types are one group)."""
    return "talks" if event_type in TALKS_TYPES else event_type


def _weekday(text: str | None) -> int | None:
    """Return the weekday (0 = Monday) a date text names, or None."""
    match = _WEEKDAY_RE.search(text or "")
    return WEEKDAYS.index(match.group(1).lower()) if match else None


def _month_day(text: str | None) -> tuple[int, int] | None:
    """Return (month, day) of a year-less month-day text like "April 2", or None."""
    if not text or _YEAR_RE.search(text):
        return None
    match = _MONTH_DAY_RE.search(text)
    if not match:
        return None
    month_name = (match.group(1) or match.group(4)).lower()
    day = int(match.group(2) or match.group(3))
    return MONTHS[month_name], day


@lru_cache(maxsize=65536)
def _persons(participants: tuple[str, ...]) -> frozenset[str]:
    """Return the person ids among ``participants``."""
    return frozenset(p for p in participants if p.startswith("person:"))


def _overlap(first: tuple[str, ...], people: set[str], places: set[str]) -> bool:
    """Return whether participants ``first`` meet a group with ``people`` and other ids."""
    mine = _persons(first)
    if mine and people:
        return bool(mine & people)
    return bool(set(first) & (people | places))


def _day(atom: Atom) -> dt.date | None:
    """Return an event atom's date: as stated, or as resolved across articles."""
    return atom.values["date"] or atom.values.get("resolved")


def _date_class(text: str | None) -> str:
    """Return what an undated event's date text pins: a weekday, a month-day, "month" for
    "later this month", "week" for "next week", else the text itself ('' for none)."""
    weekday = _weekday(text)
    if weekday is not None:
        return WEEKDAYS[weekday]
    month_day = _month_day(text)
    if month_day is not None:
        return f"--{month_day[0]:02d}-{month_day[1]:02d}"
    folded = (text or "").casefold().strip()
    for unit in ("week", "month", "year"):
        if unit in folded:
            return unit
    return folded


def _is_loose(atom: Atom) -> bool:
    """Return whether an event says nothing about when (no date, no date text)."""
    return _day(atom) is None and not _date_class(atom.values["date_text"])


def _cluster_bucketed(events: list[Atom]) -> list[list[Atom]]:
    """Return clusters of events with the same type group and date (or date class) that share
    a person, or a country when one of them names no person."""
    buckets: dict[tuple[str, str], list[Atom]] = defaultdict(list)
    for atom in events:
        day = _day(atom)
        when = day.isoformat() if day else _date_class(atom.values["date_text"])
        buckets[(_group(atom.values["type"]), when)].append(atom)
    clusters: list[list[Atom]] = []
    for bucket_key in sorted(buckets):
        bucket = buckets[bucket_key]
        bare_countries = {
            p
            for a in bucket
            if not _persons(a.values["participants"])
            for p in a.values["participants"]
        }

        def keys(atom: Atom, countries: set[str] = bare_countries) -> list[Hashable]:
            parts = atom.values["participants"]
            if not parts:
                return [("nobody",)]
            found: list[Hashable] = [("who", p) for p in _persons(parts)]
            found += [("who", p) for p in parts if p in countries]
            return found

        clusters.extend(_cluster_by_keys(bucket, keys))
    return clusters


def _cluster_signature(cluster: list[Atom]) -> tuple[str, ...]:
    """Return an order-independent tie-break key of a cluster."""
    return min(
        {
            (
                a.source,
                str(_day(a)),
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
        status=_best(_votes(cluster, "status")),
        source_count=len({a.source for a in cluster}),
        signature=_cluster_signature(cluster),
    )


def _cluster_events(events: list[Atom]) -> list[list[Atom]]:
    """Return event clusters. Events that say when they happened cluster by bucket; an event
    that says nothing about when joins the same-type cluster of its status that it shares most
    people with (and a country, if both name one), else clusters with other such events."""
    loose = [a for a in events if _is_loose(a) and _persons(a.values["participants"])]
    loose_ids = {id(a) for a in loose}
    clusters = _cluster_bucketed([a for a in events if id(a) not in loose_ids])
    by_person: dict[tuple[str, str], set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        for atom in cluster:
            for person in _persons(atom.values["participants"]):
                by_person[(_group(atom.values["type"]), person)].add(index)
    summaries: dict[int, ClusterSummary] = {}
    # loose atoms alike in what is compared choose alike: decide once per kind of atom
    choices: dict[tuple[Any, ...], int | None] = {}
    joined: dict[int, list[Atom]] = defaultdict(list)
    leftover = []
    for atom in loose:
        group, parts = _group(atom.values["type"]), atom.values["participants"]
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
    people = _persons(parts)
    countries = set(parts) - people
    best: tuple[Any, ...] | None = None
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
        best = rank if best is None or rank < best else best
    return None if best is None else best[-1]


def _resolve_dates(events: list[Atom]) -> bool:
    """Date each weekday-only cluster from a dated cluster of the same happening (same type
    group, that weekday, shared participants; most shared, then most sources); then let each
    article so anchored resolve its other weekday and month-day texts near the anchor.
    Return whether any date was set."""
    clusters = _cluster_events(events)
    dated_by_participant: dict[tuple[str, int, str], set[int]] = defaultdict(set)
    for index, cluster in enumerate(clusters):
        day = _day(cluster[0])
        if day is not None:
            group = _group(cluster[0].values["type"])
            for atom in cluster:
                for participant in atom.values["participants"]:
                    dated_by_participant[(group, day.weekday(), participant)].add(index)
    anchors: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for cluster in clusters:
        if _day(cluster[0]) is not None:
            continue
        weekdays = {w for a in cluster if (w := _weekday(a.values["date_text"])) is not None}
        if len(weekdays) != 1:
            continue
        weekday = weekdays.pop()
        group = _group(cluster[0].values["type"])
        people = {p for a in cluster for p in _persons(a.values["participants"])}
        places = {p for a in cluster for p in a.values["participants"]} - people
        candidates = set().union(
            *(dated_by_participant.get((group, weekday, p), ()) for p in people | places)
        )
        best: tuple[Any, ...] | None = None
        for index in candidates:
            other = clusters[index]
            if not any(_overlap(a.values["participants"], people, places) for a in other):
                continue
            theirs = {p for a in other for p in a.values["participants"]}
            their_places = theirs - _persons(tuple(theirs))
            if places and their_places and not places & their_places:
                continue  # Trump meeting the Swiss on Thursday is not his Thursday with Italy
            day = _day(other[0])
            rank = (
                not any(_weekday(a.values["date_text"]) == weekday for a in other),
                -len(theirs & (people | places)),
                -len({a.source for a in other}),
                day,
            )
            best = rank if best is None or rank < best else best
        if best is None:
            continue
        for atom in cluster:
            atom.values["resolved"] = best[-1]
            anchors[atom.source][best[-1]] += 1
    changed = bool(anchors)
    for atom in events:
        counts = anchors.get(atom.source)
        if _day(atom) is not None or not counts:
            continue
        anchor = min(counts, key=lambda d: (-counts[d], d))
        resolved = _from_anchor(atom.values["date_text"], anchor)
        if resolved is not None:
            atom.values["resolved"] = resolved
    return changed


def _from_anchor(text: str | None, anchor: dt.date) -> dt.date | None:
    """Return the date a weekday or month-day text means near ``anchor``, or None."""
    weekday = _weekday(text)
    if weekday is not None:
        offset = (weekday - anchor.weekday() + 3) % 7 - 3
        return anchor + dt.timedelta(days=offset)
    month_day = _month_day(text)
    if month_day is not None:
        try:
            return dt.date(anchor.year, *month_day)
        except ValueError:
            return None
    return None


# --- cutting inputs into atoms ----------------------------------------------------------------


def _ev(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Return an atom's evidence (duplicates are dropped when a cluster is fused)."""
    return tuple(evidence)


def _atoms_from_article(facts: ArticleFacts) -> dict[str, list[Atom]]:
    """Return the atoms of one article, by fact kind (tariffs cut into one atom per product)."""
    src = facts.doc_id
    atoms: dict[str, list[Atom]] = defaultdict(list)
    values: dict[str, Any]
    for e in facts.entities:
        values = {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "country": e.country,
            "role": e.role,
            "aliases": frozenset(e.aliases),
        }
        atoms["entity"].append(Atom(src, values, _ev(e.evidence)))
    for q in facts.quantities:
        values = {
            "kind": q.kind,
            "unit": q.unit,
            "reading": (q.value, q.text),
            "approximate": q.approximate,
        }
        atoms["quantity"].append(Atom(src, values, _ev(q.evidence)))
    for t in facts.tariffs:
        scope = tuple(sorted(set(t.products)))
        for product in scope or (None,):
            values = {
                "rate": round(t.rate_percent, 2),
                "imposer": t.imposer,
                "product": product,
                "target": t.target,
                "measure": t.measure,
                "status": t.status,
                "qualifier": t.qualifier,
                "products": scope,
            }
            atoms["tariff"].append(Atom(src, values, _ev(t.evidence)))
    for s in facts.statements:
        values = {
            "speaker": s.speaker,
            "speaker_name": s.speaker_name,
            "text": s.text,
            "kind": s.kind,
        }
        atoms["statement"].append(Atom(src, values, _ev(s.evidence)))
    for v in facts.events:
        values = {
            "type": v.type,
            "date": v.date,
            "date_text": v.date_text,
            "status": v.status,
            "participants": tuple(sorted(set(v.participants))),
            "location": v.location,
        }
        atoms["event"].append(Atom(src, values, _ev(v.evidence)))
    return atoms


def _sides_by_source(record: CanonicalRecord) -> dict[tuple[str, str], dict[str, list[str]]]:
    """Return, per (fact label, field), each source's stated values (encoded)."""
    table: dict[tuple[str, str], dict[str, list[str]]] = {}
    for conflict in record.conflicts:
        per_source: dict[str, list[str]] = defaultdict(list)
        for side in conflict.sides:
            for source in side.sources:
                per_source[source].append(side.value)
        table[(conflict.fact, conflict.field)] = per_source
    return table


def _evidence_by_source(
    evidence: Iterable[Evidence], sources: Iterable[str]
) -> tuple[dict[str, list[Evidence]], list[Evidence]]:
    """Return a fact's evidence grouped by its source, and the evidence of no listed source."""
    listed = set(sources)
    by_source: dict[str, list[Evidence]] = defaultdict(list)
    foreign: list[Evidence] = []
    for item in evidence:
        (by_source[item.doc_id] if item.doc_id in listed else foreign).append(item)
    return by_source, foreign


def _split(
    fact: Any,
    label: str,
    chosen: dict[str, Any],
    kinds: dict[str, str],
    sides: dict[tuple[str, str], dict[str, list[str]]],
    grouped: tuple[dict[str, list[Evidence]], list[Evidence]] | None = None,
) -> list[Atom]:
    """Return one atom per source (per disputed value) of a merged fact; ``grouped`` is the
    fact's evidence by source (see ``_evidence_by_source``), computed here if not given."""
    atoms: list[Atom] = []
    silent = {u.field: frozenset(u.sources) for u in getattr(fact, "unstated", ())}
    by_source, foreign = grouped or _evidence_by_source(fact.evidence, fact.sources)
    decoded: dict[tuple[str, str], Any] = {}
    for source in fact.sources or ("",):
        evidence = _ev([*by_source.get(source, ()), *foreign])
        options: list[dict[str, Any]] = [{}]
        for name, value in chosen.items():
            stated = sides.get((label, name), {}).get(source)
            if stated:
                values = []
                for text in stated:
                    if (name, text) not in decoded:
                        decoded[(name, text)] = _decode(text, kinds.get(name, "str"))
                    values.append(decoded[(name, text)])
            elif source in silent.get(name, ()):
                values = [None]
            else:
                values = [value]
            options = [dict(o, **{name: v}) for o in options for v in values]
        atoms.extend(Atom(source, o, evidence) for o in options)
    return atoms


def _atoms_from_record(record: CanonicalRecord) -> dict[str, list[Atom]]:
    """Return a merged record cut back into per-source atoms."""
    sides = _sides_by_source(record)
    atoms: dict[str, list[Atom]] = defaultdict(list)
    chosen: dict[str, Any]
    for e, label in zip(record.entities, _labels(record.entities, _entity_label), strict=True):
        chosen = {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "country": e.country,
            "role": e.role,
            "aliases": frozenset(e.aliases) | {e.name},
        }
        atoms["entity"] += _split(e, label, chosen, {}, sides)
    for q, label in zip(
        record.quantities, _labels(record.quantities, _quantity_label), strict=True
    ):
        chosen = {
            "kind": q.kind,
            "unit": q.unit,
            "reading": (q.value, q.text),
            "approximate": q.approximate,
        }
        atoms["quantity"] += _split(q, label, chosen, {}, sides)
    for t, label in zip(record.tariffs, _labels(record.tariffs, _tariff_label), strict=True):
        chosen = {
            "rate": round(t.rate_percent, 2),
            "imposer": t.imposer,
            "product": t.products[0] if t.products else None,
            "target": t.target,
            "measure": t.measure,
            "status": t.status,
            "qualifier": t.qualifier,
            "products": t.products,
        }
        stated: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for scope_variant in t.scopes:
            for source in set(scope_variant.sources):
                stated[source].append(_decode(scope_variant.text, "tuple"))
        for atom in _split(t, label, chosen, {"products": "tuple"}, sides):
            for scope in stated.get(atom.source) or [atom.values["products"]]:
                atoms["tariff"].append(
                    Atom(atom.source, dict(atom.values, products=scope), atom.evidence)
                )
    for s, label in zip(
        record.statements, _labels(record.statements, _statement_label), strict=True
    ):
        grouped = _evidence_by_source(s.evidence, s.sources)
        for variant in s.variants or (Variant(text=s.text, sources=s.sources),):
            wording = s.model_copy(update={"text": variant.text, "sources": variant.sources})
            chosen = {
                "speaker": s.speaker,
                "speaker_name": s.speaker_name,
                "text": variant.text,
                "kind": s.kind,
            }
            atoms["statement"] += _split(wording, label, chosen, {}, sides, grouped)
    for v, label in zip(record.events, _labels(record.events, _event_label), strict=True):
        chosen = {
            "type": v.type,
            "date": v.date,
            "date_text": v.date_text,
            "status": v.status,
            "participants": v.participants,
            "location": v.location,
        }
        atoms["event"] += _split(v, label, chosen, {"participants": "tuple", "date": "date"}, sides)
    return atoms


# --- labels (how conflicts name their fact) ---------------------------------------------------


def _entity_label(e: MergedEntity) -> str:
    return f"entity {e.id}"


def _quantity_label(q: MergedQuantity) -> str:
    return f"{q.kind} {q.value:g} {q.unit}"


def _tariff_label(t: MergedTariffRate) -> str:
    what = ", ".join(t.products) or "all goods"
    return f"tariff {t.rate_percent:g}% {t.imposer or '?'}->{t.target or 'all'} on {what}"


def _statement_label(s: MergedStatement) -> str:
    text = s.text if len(s.text) <= 60 else s.text[:57] + "..."
    return f"statement {s.speaker or 'unknown'}: {text}"


def _event_label(v: MergedTradeEvent) -> str:
    when = v.date.isoformat() if v.date else (v.date_text or "undated")
    who = ", ".join(v.participants) or "-"
    return f"event {v.type} {when} ({who})"


def _labels(facts: Sequence[Any], label_of: Callable[[Any], str]) -> list[str]:
    """Return a unique label per fact, in the given (canonical) order."""
    seen: dict[str, int] = defaultdict(int)
    labels = []
    for fact in facts:
        label = label_of(fact)
        seen[label] += 1
        labels.append(label if seen[label] == 1 else f"{label} #{seen[label]}")
    return labels


# --- fusing each kind of fact -----------------------------------------------------------------


Fused = tuple[Any, list[tuple[str, Conflict]]]


def _fuse_entity(atoms: list[Atom]) -> Fused:
    fusion = Fusion()
    canonical = atoms[0].values["id"]
    full_names = [a.values["name"] for a in atoms if a.values.get("own_id", True)]
    name = min(full_names or [a.values["name"] for a in atoms], key=_name_rank)
    aliases = set().union(*(a.values["aliases"] for a in atoms)) | {a.values["name"] for a in atoms}
    entity = MergedEntity(
        id=canonical,
        name=name,
        type=fusion.choose(atoms, "type"),
        country=fusion.choose(atoms, "country"),
        role=fusion.choose(atoms, "role"),
        aliases=tuple(sorted(aliases - {name})),
        evidence=_evidence(atoms),
        sources=_sources(atoms),
        unstated=fusion.unstated(),
    )
    return entity, fusion.conflicts


def _fuse_quantity(atoms: list[Atom]) -> Fused:
    value, text = min((a.values["reading"] for a in atoms), key=lambda r: (-len(r[1]), r[1], r[0]))
    quantity = MergedQuantity(
        kind=atoms[0].values["kind"],
        value=value,
        unit=atoms[0].values["unit"],
        approximate=any(a.values["approximate"] for a in atoms),
        text=text,
        evidence=_evidence(atoms),
        sources=_sources(atoms),
    )
    return quantity, []


def _fuse_tariff(atoms: list[Atom]) -> Fused:
    fusion = Fusion()
    product = atoms[0].values["product"]
    tariff = MergedTariffRate(
        rate_percent=atoms[0].values["rate"],
        imposer=atoms[0].values["imposer"],
        target=fusion.choose(atoms, "target", null_disagrees=True, null_can_win=True),
        products=(product,) if product else (),
        measure=fusion.choose(atoms, "measure"),
        status=fusion.choose(atoms, "status"),
        qualifier=fusion.choose(atoms, "qualifier"),
        evidence=_evidence(atoms),
        sources=_sources(atoms),
        unstated=fusion.unstated(),
    )
    fusion.choose(atoms, "products")
    scopes = _votes(atoms, "products")
    tariff = tariff.model_copy(
        update={
            "scopes": tuple(
                Variant(text=_encode(scope), sources=tuple(sorted(scopes[scope])))
                for scope in sorted(scopes)
                if scope
            )
        }
    )
    return tariff, fusion.conflicts


def _fuse_statement(atoms: list[Atom], names: dict[str, str]) -> Fused:
    fusion = Fusion()
    wordings = _votes(atoms, "text")
    text = min(wordings, key=lambda t: (-len(quote_tokens(t)), -len(wordings[t]), -len(t), t))
    speaker = atoms[0].values["speaker"]
    speaker_name = names.get(speaker) if speaker else None
    if speaker_name is None:
        speaker_name = _best(_votes(atoms, "speaker_name"))
    statement = MergedStatement(
        speaker=speaker,
        speaker_name=speaker_name,
        text=text,
        kind=fusion.choose(atoms, "kind"),
        evidence=_evidence(atoms),
        sources=_sources(atoms),
        unstated=fusion.unstated(),
        variants=tuple(
            Variant(text=t, sources=tuple(sorted(s))) for t, s in sorted(wordings.items())
        ),
    )
    return statement, fusion.conflicts


def _fuse_event(atoms: list[Atom]) -> Fused:
    fusion = Fusion()
    date = min((d for d in map(_day, atoms) if d is not None), default=None)
    fusion.choose(atoms, "date", chosen=date)  # remembers which sources left it open
    if date is not None:
        # the date is settled, so differing wordings of it are not a disagreement
        texts = [a.values["date_text"] for a in atoms if a.values["date_text"]]
        chosen = min(texts, key=lambda t: (-len(t), t)) if texts else None
        # wordings of one date ("Wednesday", "on Wednesday") agree; other days disagree
        same_day = len({_date_class(t) for t in texts}) <= 1
        date_text = fusion.choose(atoms, "date_text", chosen=chosen, quiet=same_day)
    else:
        date_text = fusion.choose(atoms, "date_text", null_disagrees=True)
    status = fusion.choose(atoms, "status")
    participants = _supported_participants(atoms, status)
    fusion.choose(atoms, "participants", chosen=participants)
    event = MergedTradeEvent(
        type=fusion.choose(atoms, "type"),
        date=date,
        date_text=date_text,
        status=status,
        participants=participants,
        location=fusion.choose(atoms, "location"),
        evidence=_evidence(atoms),
        sources=_sources(atoms),
        unstated=fusion.unstated(),
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
        if _day(a) is not None or a.values["status"] == status
        for p in a.values["participants"]
    }
    named = {p for a in atoms for p in a.values["participants"]}
    return tuple(sorted(supported or named))


# --- clustering each kind of fact -------------------------------------------------------------


def _cluster_tariffs(atoms: list[Atom]) -> list[list[Atom]]:
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

    return _cluster_by_keys(atoms, keys)


def _tariff_key(atom: Atom) -> tuple[Any, ...]:
    return (atom.values["rate"], atom.values["imposer"], atom.values["product"])


def _quantity_key(atom: Atom) -> tuple[Any, ...]:
    """Return the clustering key of a quantity: kind, unit and the value to 3 significant digits."""
    value = atom.values["reading"][0]
    return (atom.values["kind"], atom.values["unit"], float(f"{value:.3g}"))


# --- the public functions ---------------------------------------------------------------------


def merge(
    *inputs: ArticleFacts | CanonicalRecord | Iterable[ArticleFacts | CanonicalRecord],
) -> CanonicalRecord:
    """Return the CanonicalRecord of the given ArticleFacts and/or CanonicalRecords.

    Accepts a list (``merge([a, b])``) or several arguments (``merge(a, b)``, ``merge(rec, c)``).
    """
    items = _flatten(inputs)
    atoms: dict[str, list[Atom]] = defaultdict(list)
    sources: set[str] = set()
    for item in items:
        if isinstance(item, ArticleFacts):
            sources.add(item.doc_id)
            parts = _atoms_from_article(item)
        else:
            sources.update(item.sources)
            parts = _atoms_from_record(item)
        for kind, found in parts.items():
            atoms[kind].extend(found)
    if not sources and not any(atoms.values()):
        return CanonicalRecord()
    _unify_people(atoms)
    entities, conflicts = _fuse_all(
        _cluster_by_keys(atoms["entity"], lambda a: [a.values["id"]]),
        _fuse_entity,
        _entity_label,
    )
    names = {e.id: e.name for e in entities}
    quantities, more = _fuse_all(
        _cluster_by_keys(atoms["quantity"], lambda a: [_quantity_key(a)]),
        _fuse_quantity,
        _quantity_label,
    )
    conflicts += more
    tariffs, more = _fuse_all(_cluster_tariffs(atoms["tariff"]), _fuse_tariff, _tariff_label)
    conflicts += more
    statements, more = _fuse_all(
        _statement_clusters(atoms["statement"]),
        lambda group: _fuse_statement(group, names),
        _statement_label,
    )
    conflicts += more
    events_atoms = atoms["event"]
    for _ in range(3):
        if not _resolve_dates(events_atoms):
            break
    events, more = _fuse_all(_cluster_events(events_atoms), _fuse_event, _event_label)
    conflicts += more
    return CanonicalRecord(
        event=_central(events),
        entities=tuple(entities),
        quantities=tuple(quantities),
        tariffs=tuple(tariffs),
        statements=tuple(statements),
        events=tuple(events),
        conflicts=tuple(sorted(conflicts, key=lambda c: (c.fact, c.field))),
        sources=tuple(sorted(sources)),
    )


def _flatten(inputs: Sequence[Any]) -> list[ArticleFacts | CanonicalRecord]:
    """Return the input models, whether given as arguments, lists or both."""
    from ..errors import InputError

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


def _unify_people(atoms: dict[str, list[Atom]]) -> None:
    """Rewrite surname-only person ids to the one full-name id with that surname, everywhere."""
    ids = {a.values["id"] for a in atoms["entity"]}
    ids |= {a.values["speaker"] for a in atoms["statement"] if a.values["speaker"]}
    ids |= {p for a in atoms["event"] for p in a.values["participants"]}
    mapping = _surname_map(i for i in ids if i.startswith("person:"))
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


def _statement_clusters(atoms: list[Atom]) -> list[list[Atom]]:
    """Return statement clusters: per speaker, wordings of the same quote."""
    by_speaker: dict[str, list[Atom]] = defaultdict(list)
    for atom in atoms:
        by_speaker[atom.values["speaker"] or ""].append(atom)
    clusters = []
    for speaker in sorted(by_speaker):
        clusters.extend(_cluster_statements(by_speaker[speaker]))
    return clusters


def _fuse_all(
    clusters: list[list[Atom]],
    fuse: Callable[[list[Atom]], Fused],
    label_of: Callable[[Any], str],
) -> tuple[list[Any], list[Conflict]]:
    """Return the fused facts in canonical order and their conflicts, labelled."""
    fused = [fuse(cluster) for cluster in clusters]
    fused.sort(key=lambda pair: _fact_key(pair[0]))
    facts = [fact for fact, _ in fused]
    conflicts = [
        conflict.model_copy(update={"fact": label})
        for (_, found), label in zip(fused, _labels(facts, label_of), strict=True)
        for _, conflict in found
    ]
    return facts, conflicts


def _fact_key(fact: Any) -> tuple[str, str]:
    """Return a canonical sort key of a merged fact."""
    if isinstance(fact, MergedEntity):
        primary = fact.id
    elif isinstance(fact, MergedTariffRate):
        who = f"{fact.imposer or ''}|{fact.target or ''}"
        primary = f"{who}|{fact.rate_percent:012.3f}|{','.join(fact.products)}"
    elif isinstance(fact, MergedStatement):
        primary = f"{fact.speaker or ''}|{fact.text}"
    elif isinstance(fact, MergedTradeEvent):
        primary = f"{fact.date.isoformat() if fact.date else '9999'}|{fact.type}"
    else:
        primary = f"{fact.kind}|{fact.unit}|{fact.value:024.6f}"
    return primary, fact.model_dump_json()


def _central(events: list[MergedTradeEvent]) -> MergedTradeEvent | None:
    """Return the happening the articles are about: talks-like, most sources, then most people."""
    if not events:
        return None
    return min(
        events,
        key=lambda v: (
            v.type not in TALKS_TYPES,
            -len(v.sources),
            v.status != "occurred",
            -len(_persons(v.participants)),
            -len(v.participants),
            v.date is None,
            _fact_key(v),
        ),
    )


def format_summary(record: CanonicalRecord) -> str:
    """Return a readable plain-text summary of a record."""
    lines: list[str] = []
    names = {e.id: e.name for e in record.entities}

    def who(ids: Iterable[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "-"

    def n(sources: Sequence[str]) -> str:
        return f"[{len(sources)} source{'s' if len(sources) != 1 else ''}]"

    lines.append(f"Sources: {len(record.sources)} ({', '.join(record.sources) or '-'})")
    if record.event is None:
        lines.append("Event: none found")
    else:
        v = record.event
        when = v.date.isoformat() if v.date else f"undated ({v.date_text or '?'})"
        lines.append(f"Event: {v.type}, {v.status}, {when} {n(v.sources)}")
        lines.append(f"  Place: {v.location or '-'}")
        lines.append(f"  Participants: {who(v.participants)}")
    lines.append(f"Tariffs ({len(record.tariffs)}):")
    for t in record.tariffs:
        what = ", ".join(t.products) or "all goods"
        target = t.target or "all partners"
        lines.append(
            f"  {t.rate_percent:g}% {t.imposer or '?'} -> {target} on {what}: "
            f"{t.status}, {t.measure} {n(t.sources)}"
        )
    lines.append(f"Statements ({len(record.statements)}):")
    for s in record.statements:
        lines.append(
            f"  {s.speaker_name or s.speaker or 'unknown'} ({s.kind}): "
            f"\u201c{s.text}\u201d {n(s.sources)}"
        )
    lines.append(f"Money and quantities ({len(record.quantities)}):")
    for q in record.quantities:
        lines.append(f"  {q.text} = {q.value:g} {q.unit} {n(q.sources)}")
    lines.append(f"Events ({len(record.events)}):")
    for v in record.events:
        when = v.date.isoformat() if v.date else (v.date_text or "undated")
        lines.append(f"  {v.type} {when} ({v.status}): {who(v.participants)} {n(v.sources)}")
    lines.append(f"Conflicts ({len(record.conflicts)}):")
    for c in record.conflicts:
        sides = "; ".join(f"{side.value} ({', '.join(side.sources)})" for side in c.sides)
        lines.append(f"  {c.fact} / {c.field}: chose {c.chosen} <- {sides}")
    return "\n".join(lines) + "\n"
