"""The event an article mainly reports, and when an undated one can have happened."""

from __future__ import annotations

import datetime as dt

from tradefacts.merging.grouping import Profile, cluster_profiles
from tradefacts.merging.main_event import event_window, main_event
from tradefacts.models import Evidence, MergedTradeEvent

PUBLISHED = dt.date(2025, 6, 25)  # a Wednesday


def event(
    type_: str = "meeting",
    date: dt.date | None = None,
    status: str = "occurred",
    participants: tuple[str, ...] = ("country:IDN", "country:USA"),
    spans: int = 1,
    date_text: str | None = None,
) -> MergedTradeEvent:
    evidence = tuple(
        Evidence(doc_id="d", start=10 * i, end=10 * i + 4, text="talk") for i in range(spans)
    )
    return MergedTradeEvent(
        type=type_,  # type: ignore[arg-type]
        date=date,
        date_text=date_text,
        status=status,  # type: ignore[arg-type]
        participants=participants,
        evidence=evidence,
        sources=("d",),
    )


def test_an_earlier_round_mentioned_at_length_is_not_the_main_event() -> None:
    first_round = event(date=dt.date(2025, 6, 10), spans=3)
    second_round = event(type_="negotiation", date=dt.date(2025, 6, 24))
    assert main_event([first_round, second_round], PUBLISHED) == second_round
    # without the second round, the first one is what the article reports
    assert main_event([first_round], PUBLISHED) == first_round


def test_a_round_planned_ahead_outranks_the_stale_round_it_recalls() -> None:
    first_round = event(date=dt.date(2025, 6, 10), spans=2)
    next_round = event(type_="negotiation", status="planned", date_text="next week")
    assert main_event([first_round, next_round], PUBLISHED) == next_round


def test_dated_talks_outrank_an_undated_mention_and_announcements() -> None:
    talks = event(date=PUBLISHED, status="planned", spans=4)
    recently = event(participants=("country:VNM", "person:scott-bessent"))
    announcement = event(type_="announcement", date=PUBLISHED, spans=9)
    assert main_event([recently, announcement, talks], PUBLISHED) == talks
    assert main_event([announcement], PUBLISHED) == announcement
    assert main_event([], PUBLISHED) is None


def test_the_window_of_an_undated_event() -> None:
    held = event()
    assert event_window(held, PUBLISHED) == (PUBLISHED - dt.timedelta(days=7), PUBLISHED, None)
    next_week = event(status="planned", date_text="next week")
    assert event_window(next_week, PUBLISHED) == (
        dt.date(2025, 6, 30),
        dt.date(2025, 7, 6),
        PUBLISHED,
    )
    this_month = event(status="planned", date_text="later this month")
    assert event_window(this_month, PUBLISHED) == (PUBLISHED, dt.date(2025, 6, 30), PUBLISHED)
    next_month = event(status="planned", date_text="next month")
    assert event_window(next_month, PUBLISHED)[:2] == (dt.date(2025, 7, 1), dt.date(2025, 7, 31))
    vague = event(status="planned", date_text="soon")
    assert event_window(vague, PUBLISHED)[:2] == (PUBLISHED, PUBLISHED + dt.timedelta(days=14))
    assert event_window(vague, None) == (None, None, None)
    unsaid = event(status="planned")
    week = dt.timedelta(days=7)
    assert event_window(unsaid, PUBLISHED) == (PUBLISHED - week, PUBLISHED + week, None)


def _profile(name: str, **fields: object) -> Profile:
    features = (("country:IDN", 3.0), ("country:USA", 3.0), ("person:jamieson-greer", 3.0))
    base: dict = {"key": name, "doc_id": name, "family": "talks", "features": features}
    return Profile(**(base | {"low": None, "high": None} | fields))


def test_talks_planned_after_an_article_are_not_talks_held_before_it() -> None:
    held = _profile("a", low=dt.date(2025, 7, 7), high=dt.date(2025, 7, 7), day=dt.date(2025, 7, 7))
    same = _profile("b", low=dt.date(2025, 7, 7), high=dt.date(2025, 7, 7), day=dt.date(2025, 7, 7))
    planned = _profile(
        "c", low=dt.date(2025, 7, 8), high=dt.date(2025, 7, 13), after=dt.date(2025, 7, 8)
    )
    assert cluster_profiles([held, same, planned]) == [[0, 1], [2]]
    later = _profile(
        "d", low=dt.date(2025, 7, 11), high=dt.date(2025, 7, 11), day=dt.date(2025, 7, 11)
    )
    assert cluster_profiles([held, planned, later]) == [[0], [1, 2]]


def test_talks_with_two_counterparts_in_one_week_are_two_events() -> None:
    day = dt.date(2025, 7, 7)
    korea = _profile("a", low=day, high=day, day=day, parties=frozenset({"USA", "KOR"}))
    vietnam = _profile("b", low=day, high=day, day=day, parties=frozenset({"USA", "VNM"}))
    us_only = _profile("c", low=day, high=day, day=day, parties=frozenset({"USA"}))
    assert cluster_profiles([korea, vietnam]) == [[0], [1]]
    groups = cluster_profiles([korea, us_only, vietnam])
    assert [0, 2] not in groups and len(groups) == 2  # the US-only report joins one of them
