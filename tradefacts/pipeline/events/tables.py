"""The event tables of ``data/events.json`` (triggers and cues), and the event type vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import Any

from ..data_files import read_table

#: Types that may describe the same happening (a "meeting" reported elsewhere as "talks").
TYPE_FAMILY = {"meeting": "talks", "negotiation": "talks"}
#: Event types, most specific first: the type of a clause or cluster whose triggers differ.
TYPE_PRIORITY = ("lawsuit", "speech", "visit", "meeting", "negotiation", "announcement", "other")


@dataclass(frozen=True)
class EventData:
    """The trigger and cue tables of ``data/events.json``."""

    verbs: dict[str, str]
    weak_verbs: frozenset[str]
    nouns: dict[str, str]
    weak_nouns: frozenset[str]
    phrases: dict[str, str]
    planned_modals: frozenset[str]
    planned_verbs: frozenset[str]
    planned_modifiers: frozenset[str]
    distinct_modifiers: frozenset[str]  # "a separate meeting with Bessent": another happening
    planned_date_words: tuple[str, ...]
    party_nouns: frozenset[str]
    two_sides: tuple[str, ...]
    excluded_preps: frozenset[str]
    framing_preps: frozenset[str]
    companion_verbs: frozenset[str]
    named_dates: dict[str, Date]
    institution_nouns: frozenset[str]
    dateline_cities: dict[str, str]
    destination_verbs: frozenset[str]
    collective_nouns: frozenset[str]
    object_verbs: dict[str, str]
    verb_objects: dict[str, frozenset[str]]
    content_verbs: frozenset[str]
    start_markers: frozenset[str]
    inclusive_types: frozenset[str]
    background_types: frozenset[str]
    background_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    reference_marks: frozenset[str]
    tally_words: tuple[str, ...]
    bloc_nouns: frozenset[str]
    bloc_countries: tuple[str, ...]
    market_nouns: frozenset[str]


@lru_cache(maxsize=1)
def event_data() -> EventData:
    """The event tables, loaded once."""
    raw: dict[str, Any] = read_table("events.json")
    return EventData(
        verbs=dict(raw["verbs"]),
        weak_verbs=frozenset(raw["weak_verbs"]),
        nouns=dict(raw["nouns"]),
        weak_nouns=frozenset(raw["weak_nouns"]),
        phrases=dict(raw["phrases"]),
        planned_modals=frozenset(raw["planned_modals"]),
        planned_verbs=frozenset(raw["planned_verbs"]),
        planned_modifiers=frozenset(raw["planned_modifiers"]),
        distinct_modifiers=frozenset(raw["distinct_modifiers"]),
        planned_date_words=tuple(raw["planned_date_words"]),
        party_nouns=frozenset(raw["party_nouns"]),
        two_sides=tuple(raw["two_sides"]),
        excluded_preps=frozenset(raw["excluded_preps"]),
        framing_preps=frozenset(raw["framing_preps"]),
        companion_verbs=frozenset(raw["companion_verbs"]),
        named_dates={k: Date.fromisoformat(v) for k, v in raw["named_dates"].items()},
        institution_nouns=frozenset(raw["institution_nouns"]),
        dateline_cities={k.lower(): v for k, v in raw["dateline_cities"].items()},
        destination_verbs=frozenset(raw["destination_verbs"]),
        collective_nouns=frozenset(raw["collective_nouns"]),
        object_verbs=dict(raw["object_verbs"]),
        verb_objects={k: frozenset(v) for k, v in raw["verb_objects"].items()},
        content_verbs=frozenset(raw["content_verbs"]),
        start_markers=frozenset(raw["start_markers"]),
        inclusive_types=frozenset(raw["inclusive_types"]),
        background_types=frozenset(raw["background_types"]),
        background_verbs=frozenset(raw["background_verbs"]),
        hypothetical_modals=frozenset(raw["hypothetical_modals"]),
        reference_marks=frozenset(raw["reference_marks"]),
        tally_words=tuple(raw["tally_words"]),
        bloc_nouns=frozenset(raw["bloc_nouns"]),
        bloc_countries=tuple(raw["bloc_countries"]),
        market_nouns=frozenset(raw["market_nouns"]),
    )


def family(etype: str) -> str:
    """The type family of an event type: mentions of one family may be one happening."""
    return TYPE_FAMILY.get(etype, etype)
