"""Group articles by the central event each reports, and merge each group (pure, no spaCy).

Each article gets a :class:`Profile`: the date window of its central event (the event
``merge([article]).event`` finds, or its reference date when that event is undated or
missing) and weighted features (participants, the countries and people it names, its
tariffs, the place). Two articles are linked when their windows are compatible and the
IDF-weighted overlap of their features is high enough; links are taken strongest first, and
a link that would stretch a group's dates beyond :data:`DATE_WINDOW_DAYS` is refused (so
later rounds of the same talks stay apart). Everything is sorted on canonical keys, so the
result does not depend on the input order.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..models import ArticleFacts, CanonicalRecord

#: Two dated central events further apart than this are different events.
DATE_WINDOW_DAYS = 3
#: An undated central event is assumed to lie this many days before/after the reference date.
UNDATED_BEFORE_DAYS, UNDATED_AFTER_DAYS = 7, 7
#: The weighted overlap two articles need to be linked.
LINK_THRESHOLD = 0.15
#: Articles of different event-type families count this much less alike.
FAMILY_PENALTY = 0.8
#: Features shared by more articles than this are not used to find candidate pairs.
MAX_BLOCK = 5000

_FAMILIES = {
    "meeting": "talks",
    "negotiation": "talks",
    "visit": "talks",
    "announcement": "statement",
    "speech": "statement",
    "lawsuit": "lawsuit",
}
# How much each kind of feature says about which event an article reports.
_WEIGHT_PARTICIPANT = 3.0
_WEIGHT_PARTY = 2.0
_WEIGHT_TARIFF = 1.5
_WEIGHT_MENTION = 1.0


@dataclass(frozen=True)
class Profile:
    """What grouping needs to know of one article (small, picklable)."""

    key: str  # canonical order and identity: see profile_key
    doc_id: str
    family: str | None
    low: dt.date | None
    high: dt.date | None
    features: tuple[tuple[str, float], ...]


def profile(facts: ArticleFacts) -> Profile:
    """Return the grouping profile of one article."""
    from tradefacts.merging import merge

    event = merge([facts]).event
    features: dict[str, float] = defaultdict(float)

    def add(name: str, weight: float) -> None:
        features[name] = max(features[name], weight)

    person_country = {e.id: e.country for e in facts.entities if e.type == "person"}
    for entity in facts.entities:
        if entity.type in ("person", "country"):
            add(entity.id, _WEIGHT_MENTION)
    for tariff in facts.tariffs:
        add(f"tariff:{tariff.rate_percent:g}|{tariff.imposer}|{tariff.target}", _WEIGHT_TARIFF)
        for code in (tariff.imposer, tariff.target):
            if code:
                add(f"country:{code}", _WEIGHT_MENTION)
    low, high, family = _undated_window(facts.published) + (None,)
    if event is not None:
        family = _FAMILIES.get(event.type, "other")
        for participant in event.participants:
            add(participant, _WEIGHT_PARTICIPANT)
            country = person_country.get(participant)
            if country:
                add(f"party:{country}", _WEIGHT_PARTY)
            if participant.startswith("country:"):
                add(f"party:{participant.removeprefix('country:')}", _WEIGHT_PARTY)
        if event.location:
            add(f"place:{event.location.lower()}", _WEIGHT_MENTION)
        if event.date is not None:
            low = high = event.date
    return Profile(
        key=profile_key(facts),
        doc_id=facts.doc_id,
        family=family,
        low=low,
        high=high,
        features=tuple(sorted(features.items())),
    )


def profile_key(facts: ArticleFacts) -> str:
    """Canonical sort key and short identity of an article: doc_id, then a digest of its facts."""
    import hashlib

    digest = hashlib.sha1(facts.model_dump_json().encode("utf-8")).hexdigest()
    return f"{facts.doc_id}\x00{digest}"


def _undated_window(published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    if published is None:
        return None, None
    return (
        published - dt.timedelta(days=UNDATED_BEFORE_DAYS),
        published + dt.timedelta(days=UNDATED_AFTER_DAYS),
    )


class _Groups:
    """Union-find over articles that also keeps each group's date window."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.parent = list(range(len(profiles)))
        self.low = [p.low for p in profiles]  # latest start of any member's window
        self.high = [p.high for p in profiles]  # earliest end of any member's window

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def try_union(self, first: int, second: int) -> bool:
        a, b = self.find(first), self.find(second)
        if a == b:
            return True
        low = _latest(self.low[a], self.low[b])
        high = _earliest(self.high[a], self.high[b])
        if not _compatible(low, high):
            return False
        root, child = min(a, b), max(a, b)
        self.parent[child] = root
        self.low[root], self.high[root] = low, high
        return True


def _latest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else max(a, b)


def _earliest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else min(a, b)


def _compatible(low: dt.date | None, high: dt.date | None) -> bool:
    """Every member window lies within DATE_WINDOW_DAYS of every other one."""
    return low is None or high is None or (low - high).days <= DATE_WINDOW_DAYS


def cluster_profiles(profiles: Sequence[Profile]) -> list[list[int]]:
    """Return groups of indexes into ``profiles`` (which must be in canonical order)."""
    count = len(profiles)
    frequency = Counter(name for p in profiles for name, _ in p.features)
    idf = {name: math.log(1.0 + count / df) for name, df in frequency.items()}
    vectors = [dict(p.features) for p in profiles]
    edges: list[tuple[float, int, int]] = []
    for first, second in _candidate_pairs(vectors, frequency):
        a, b = profiles[first], profiles[second]
        if not _compatible(_latest(a.low, b.low), _earliest(a.high, b.high)):
            continue
        score = _similarity(vectors[first], vectors[second], idf)
        if a.family and b.family and a.family != b.family:
            score *= FAMILY_PENALTY
        if score >= LINK_THRESHOLD:
            edges.append((-score, first, second))
    groups = _Groups(profiles)
    for _, first, second in sorted(edges):
        groups.try_union(first, second)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(count):
        members[groups.find(index)].append(index)
    return sorted(members.values())


def _candidate_pairs(
    vectors: Sequence[dict[str, float]], frequency: Counter[str]
) -> set[tuple[int, int]]:
    """Pairs of articles that share at least one feature held by at most MAX_BLOCK articles."""
    holders: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for name in vector:
            if frequency[name] <= MAX_BLOCK:
                holders[name].append(index)
    pairs: set[tuple[int, int]] = set()
    for indexes in holders.values():
        pairs.update(combinations(indexes, 2))
    return pairs


def _similarity(a: dict[str, float], b: dict[str, float], idf: dict[str, float]) -> float:
    """Weighted Jaccard overlap of two feature vectors, each feature scaled by its IDF."""
    shared = sum(min(a[n], b[n]) * idf[n] for n in a.keys() & b.keys())
    total = sum(max(a.get(n, 0.0), b.get(n, 0.0)) * idf[n] for n in a.keys() | b.keys())
    return shared / total if total else 0.0


def record_order(record: CanonicalRecord) -> tuple[int, str, tuple[str, ...]]:
    """Sort key of grouped records: largest first, then by event date, then doc_ids."""
    event = record.event
    when = event.date.isoformat() if event and event.date else "9999"
    return -len(record.sources), when, record.sources


def group(facts: Iterable[ArticleFacts]) -> list[CanonicalRecord]:
    """Cluster articles by the central event each reports; one merged record per event.

    Records come largest first (ties by event date, then doc_ids); the result does not depend
    on the order of ``facts``. An empty input gives ``[]``.
    """
    from tradefacts.merging import merge

    articles = list(facts)
    profiles = [profile(article) for article in articles]
    order = sorted(range(len(articles)), key=lambda i: profiles[i].key)
    ordered_profiles = [profiles[i] for i in order]
    ordered = [articles[i] for i in order]
    records = [
        merge([ordered[i] for i in members]) for members in cluster_profiles(ordered_profiles)
    ]
    return sorted(records, key=record_order)
