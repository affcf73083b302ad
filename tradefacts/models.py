"""The public data model: pydantic v2 models, the single source of truth for the JSON shapes.

Every model is frozen (hashable, safe to compare and deduplicate); list-valued fields are
tuples in Python and arrays in JSON. ``model_dump(mode="json")`` yields the contract's names.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes the library accepts, plus ``EUU`` for the European Union."""
    text = resources.files("tradefacts").joinpath("data/country_codes.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def _check_country(code: str) -> str:
    if code not in country_codes():
        raise ValueError(f"unknown country code {code!r} (expected ISO 3166-1 alpha-3 or EUU)")
    return code


CountryCode = Annotated[
    str,
    Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code, or EUU for the EU"),
    AfterValidator(_check_country),
]

EntityType = Literal["person", "country", "organization", "place"]
QuantityKind = Literal["money", "percent", "duration", "count"]
Measure = Literal["baseline", "reciprocal", "sectoral", "retaliatory", "average", "other"]
TariffStatus = Literal[
    "in_effect", "paused", "announced", "proposed", "threatened", "claimed", "removed"
]
Qualifier = Literal["exact", "up_to", "average", "approximately"]
StatementKind = Literal["direct", "indirect"]
EventType = Literal["meeting", "negotiation", "announcement", "speech", "lawsuit", "visit", "other"]
EventStatus = Literal["occurred", "planned"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Model):
    """Where a fact was read: ``source_text[start:end] == text``."""

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.start > self.end:
            raise ValueError(f"evidence start {self.start} is after end {self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError("evidence text length differs from end - start")
        return self


Evidences = tuple[Evidence, ...]


class Entity(_Model):
    """A person, country, organisation or place, with every place it is mentioned."""

    id: str = Field(pattern=r"^(person|country|org|place):\S+$")
    name: str
    type: EntityType
    country: CountryCode | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: Evidences = ()


class Quantity(_Model):
    """A normalised amount: money (ISO 4217 unit), percent, duration or count."""

    kind: QuantityKind
    value: float
    unit: str
    approximate: bool = False
    text: str
    evidence: Evidences = ()


class TariffRate(_Model):
    """A numeric tariff: who levies it on whose goods, on what, and in which state."""

    rate_percent: float = Field(ge=0)
    imposer: CountryCode | None
    target: CountryCode | None = None
    products: tuple[str, ...] = ()
    measure: Measure = "other"
    status: TariffStatus = "in_effect"
    qualifier: Qualifier = "exact"
    evidence: Evidences = ()


class Statement(_Model):
    """Words attributed to a speaker; ``text`` is the quoted words only for direct quotes."""

    speaker: str | None = None
    speaker_name: str | None = None
    text: str
    kind: StatementKind = "direct"
    evidence: Evidences = ()


class TradeEvent(_Model):
    """A meeting, negotiation round, announcement, speech, lawsuit or visit."""

    type: EventType
    date: dt.date | None = None
    date_text: str | None = None
    status: EventStatus = "occurred"
    participants: tuple[str, ...] = ()
    location: str | None = None
    evidence: Evidences = ()


class ArticleFacts(_Model):
    """Everything extracted from one article."""

    doc_id: str
    published: dt.date | None = None
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    tariffs: tuple[TariffRate, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[TradeEvent, ...] = ()


# --- merged variants: each fact also carries the doc_ids that support it -------------------


class Unstated(_Model):
    """Sources of a merged fact that leave one of its fields blank while other sources fill it."""

    field: str
    sources: tuple[str, ...] = ()


class _Sourced(_Model):
    """Mixin field for merged facts."""

    sources: tuple[str, ...] = ()
    unstated: tuple[Unstated, ...] = ()


class MergedEntity(Entity, _Sourced):
    """An entity resolved across articles."""


class MergedQuantity(Quantity, _Sourced):
    """A quantity reported by one or more articles."""


class MergedTariffRate(TariffRate, _Sourced):
    """A tariff fact reported by one or more articles (one fact per product)."""

    scopes: tuple[Variant, ...] = Field(
        default=(),
        description="each product list the sources stated it with, e.g. 'steel, automobiles'",
    )


class Variant(_Model):
    """One wording of a merged statement and the articles that use it."""

    text: str
    sources: tuple[str, ...] = ()


class MergedStatement(Statement, _Sourced):
    """A statement fused across articles; ``text`` is the most complete wording."""

    variants: tuple[Variant, ...] = ()


class MergedTradeEvent(TradeEvent, _Sourced):
    """An event clustered across articles."""


class ConflictSide(_Model):
    """One value of a disputed slot and the articles that give it."""

    value: str
    sources: tuple[str, ...] = ()


class Conflict(_Model):
    """A slot of a fact on which the sources disagree."""

    fact: str = Field(description="which fact, e.g. 'tariff 24% USA->JPN'")
    field: str = Field(description="which slot, e.g. 'status'")
    chosen: str = Field(description="the value the record keeps")
    sides: tuple[ConflictSide, ...]


class CanonicalRecord(_Model):
    """What ``merge`` returns: the articles' joint account of one event."""

    event: MergedTradeEvent | None = None
    entities: tuple[MergedEntity, ...] = ()
    quantities: tuple[MergedQuantity, ...] = ()
    tariffs: tuple[MergedTariffRate, ...] = ()
    statements: tuple[MergedStatement, ...] = ()
    events: tuple[MergedTradeEvent, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    sources: tuple[str, ...] = ()


#: Top-level models that ship a JSON Schema, by name.
SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    model.__name__: model
    for model in (
        ArticleFacts,
        CanonicalRecord,
        Entity,
        Quantity,
        TariffRate,
        Statement,
        TradeEvent,
        Evidence,
    )
}
