"""When a predicted fact matches a gold item, and the one-to-one matching of many.

Matching is one-to-one (maximum bipartite matching): a prediction matches at most one gold
item and a gold item at most one prediction, so a duplicate prediction is a false hit.
Required gold items are matched first, then optional ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Entity, Quantity, Statement, TariffRate, TradeEvent
from .institutions import institutions_match
from .names import name_from_id, names_match
from .normalise import normalize_text, products_overlap


def as_list(value: Any) -> list[Any]:
    """A gold value that may be a list of alternatives, as a list."""
    return list(value) if isinstance(value, list) else [value]


def is_country_code(value: str) -> bool:
    """Whether a gold value is an ISO alpha-3 code ("JPN") rather than a name."""
    return bool(re.fullmatch(r"[A-Z]{3}", value))


def match_one_to_one(
    predictions: Sequence[Any],
    gold: Sequence[dict[str, Any]],
    matches: Callable[[dict[str, Any], Any], bool],
) -> dict[int, int]:
    """Maximum one-to-one matching, prediction index -> gold index.

    Required gold items are matched first (their count is maximal); optional items then
    absorb what predictions they can without unmatching a required item.
    """
    edges = [[g for g, item in enumerate(gold) if matches(item, p)] for p in predictions]
    required = {g for g, item in enumerate(gold) if not item.get("optional")}
    owner: dict[int, int] = {}  # gold index -> prediction index

    def augment(p: int, allowed: set[int] | None, seen: set[int]) -> bool:
        for g in edges[p]:
            if (allowed is not None and g not in allowed) or g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], allowed, seen):
                owner[g] = p
                return True
        return False

    for allowed in (required, None):
        matched = set(owner.values())
        for p in range(len(predictions)):
            if p not in matched and augment(p, allowed, set()):
                matched = set(owner.values())
    return {p: g for g, p in owner.items()}


@dataclass(frozen=True)
class EntityNames:
    """Entity id -> display name lookup for one article or record."""

    by_id: dict[str, str]

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> EntityNames:
        """The lookup of these entities."""
        return cls({e.id: e.name for e in entities})

    def name(self, entity_id: str) -> str:
        """The entity's name, else one read from its id."""
        return self.by_id.get(entity_id) or name_from_id(entity_id)


def participant_matches(
    gold_participant: str, entity_ids: Iterable[str], names: EntityNames
) -> bool:
    """Whether a gold participant (a country code or a person's name) is among the ids."""
    if is_country_code(gold_participant):
        return f"country:{gold_participant}" in entity_ids
    return any(
        names_match(gold_participant, names.name(eid))
        for eid in entity_ids
        if eid.startswith("person:")
    )


def speaker_matches(gold_speaker: Any, stmt: Statement, names: EntityNames) -> bool:
    """Whether a statement's speaker is the gold ``speaker``: any of its names when it is a
    list; a country by code or name; a person by name (``names_match``); and, unless the
    prediction is a person, an institution by name (``institutions_match``). A null gold
    speaker wants no predicted speaker."""
    return any(_one_speaker_matches(g, stmt, names) for g in as_list(gold_speaker))


def _one_speaker_matches(gold_speaker: str | None, stmt: Statement, names: EntityNames) -> bool:
    """Whether the statement's speaker is this one gold name (see ``speaker_matches``)."""
    if not gold_speaker:
        return stmt.speaker is None and stmt.speaker_name is None
    if stmt.speaker and stmt.speaker.startswith("country:"):
        code = stmt.speaker.split(":", 1)[1]
        return gold_speaker == code or (
            not is_country_code(gold_speaker)
            and names_match(gold_speaker, stmt.speaker_name or names.name(stmt.speaker))
        )
    known = names.by_id.get(stmt.speaker) if stmt.speaker else None
    candidates = [n for n in (stmt.speaker_name, known) if n]
    if not candidates and stmt.speaker:
        # an id slug loses hyphens ("keller-sutter"), so it is only the last resort
        candidates.append(name_from_id(stmt.speaker))
    if any(names_match(gold_speaker, c) for c in candidates):
        return True
    is_person = bool(stmt.speaker and stmt.speaker.startswith("person:"))
    return not is_person and any(institutions_match(gold_speaker, c) for c in candidates)


def tariff_matches(gold: dict[str, Any], pred: TariffRate) -> bool:
    """Rate within 0.01, same imposer, target among the gold's, products overlapping."""
    if abs(pred.rate_percent - float(gold["rate"])) > 0.01:
        return False
    if pred.imposer not in as_list(gold.get("imposer")):
        return False
    if pred.target not in as_list(gold.get("target")):
        return False
    gold_products = gold.get("products") or []
    return not gold_products or products_overlap(gold_products, pred.products)


def money_matches(gold: dict[str, Any], pred: Quantity) -> bool:
    """Amount within 1% and the same currency."""
    amount = float(gold["amount"])
    return pred.unit == gold["currency"] and abs(pred.value - amount) <= abs(amount) * 0.01


def statement_matches(gold: dict[str, Any], pred: Statement, names: EntityNames) -> bool:
    """Normalised predicted text contains the gold fragment and the speaker is right."""
    if normalize_text(gold["contains"]) not in normalize_text(pred.text):
        return False
    return speaker_matches(gold.get("speaker"), pred, names)


def event_matches(gold: dict[str, Any], pred: TradeEvent, names: EntityNames) -> bool:
    """Same date (None == None) and at least one shared participant."""
    gold_date = gold.get("date")
    pred_date = pred.date.isoformat() if pred.date else None
    if gold_date != pred_date:
        return False
    return any(participant_matches(p, pred.participants, names) for p in gold["participants"])
