"""Group articles by the event each mainly reports, and merge each group (pure, no spaCy).

Each article gets a :class:`Profile`: the date window of its main event (``main_event``: not
an earlier round it mentions; an undated one lies in a window its status and date text give
from the reference date: before it if held, after it if planned) and weighted features
(participants, the countries and people it names, its tariffs, the place). Two articles are
linked when their windows are compatible, a planned event is not one already held before it
was announced, each main event has no party the other lacks on both sides (talks of the US
with Japan and with Korea the same week), and the IDF-weighted overlap of their features is
high enough; links are taken strongest first, and a link that would stretch a group's dates
beyond :data:`DATE_WINDOW_DAYS` or join such events is refused (so later rounds of the same
talks stay apart). Everything is sorted on canonical keys, so the result does not depend on
the input order.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..models import ArticleFacts, CanonicalRecord
from .main_event import event_window, main_event

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
    day: dt.date | None = None  # the date of the main event, when stated
    after: dt.date | None = None  # a planned main event happens on or after this day
    parties: frozenset[str] = frozenset()  # the countries taking part in the main event


def profile(facts: ArticleFacts) -> Profile:
    """Return the grouping profile of one article."""
    from tradefacts.merging import merge

    event = main_event(merge([facts]).events, facts.published)
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
    after, parties = None, set()
    if event is not None and event.date is None:
        low, high, after = event_window(event, facts.published)
    if event is not None:
        family = _FAMILIES.get(event.type, "other")
        for participant in event.participants:
            add(participant, _WEIGHT_PARTICIPANT)
            country = person_country.get(participant)
            if participant.startswith("country:"):
                country = participant.removeprefix("country:")
            if country:
                add(f"party:{country}", _WEIGHT_PARTY)
                parties.add(country)
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
        day=event.date if event is not None else None,
        after=after,
        parties=frozenset(parties),
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
    """Union-find over articles that also keeps each group's date window, the earliest date
    and latest on-or-after day of its main events, and the sets of parties to them."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.parent = list(range(len(profiles)))
        self.low = [p.low for p in profiles]  # latest start of any member's window
        self.high = [p.high for p in profiles]  # earliest end of any member's window
        self.day = [p.day for p in profiles]  # earliest stated date of a member
        self.after = [p.after for p in profiles]  # latest day a planned member is after
        self.parties = [{p.parties} - {frozenset()} for p in profiles]

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
        day = _earliest(self.day[a], self.day[b])
        after = _latest(self.after[a], self.after[b])
        if not _compatible(low, high) or not _in_order(day, after):
            return False
        if any(_other_parties(x, y) for x in self.parties[a] for y in self.parties[b]):
            return False
        root, child = min(a, b), max(a, b)
        self.parent[child] = root
        self.low[root], self.high[root] = low, high
        self.day[root], self.after[root] = day, after
        self.parties[root] = self.parties[a] | self.parties[b]
        return True


def _in_order(day: dt.date | None, after: dt.date | None) -> bool:
    """A happening planned after ``after`` is not one held on ``day``, before it."""
    return day is None or after is None or day >= after


def _other_parties(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether each of two main events has a party the other lacks: talks of the US with
    Japan and with Korea the same week are two events, though they share the US side."""
    return bool(first - second) and bool(second - first)


def _linkable(a: Profile, b: Profile) -> bool:
    """Whether two articles' main events can be one happening (dates, parties)."""
    if not _compatible(_latest(a.low, b.low), _earliest(a.high, b.high)):
        return False
    if not _in_order(_earliest(a.day, b.day), _latest(a.after, b.after)):
        return False
    return not (a.parties and b.parties and _other_parties(a.parties, b.parties))


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
        if not _linkable(a, b):
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
