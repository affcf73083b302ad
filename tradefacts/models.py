"""The public data model: pydantic v2 models, the single source of truth for the JSON shapes.

Every model is frozen (hashable, safe to compare and deduplicate); list-valued fields are
tuples in Python and arrays in JSON. ``model_dump(mode="json")`` yields the contract's names.
"""

from __future__ import annotations

import datetime as dt
import operator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

if TYPE_CHECKING:
    import pandas


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
QuantityKind = Literal["money", "percent", "duration", "count", "measure"]
Measure = Literal["baseline", "reciprocal", "sectoral", "retaliatory", "average", "other"]
TariffStatus = Literal[
    "in_effect", "paused", "announced", "proposed", "threatened", "claimed", "removed"
]
Qualifier = Literal["exact", "up_to", "average", "approximately"]
StatementKind = Literal["direct", "indirect"]
EventType = Literal["meeting", "negotiation", "announcement", "speech", "lawsuit", "visit", "other"]
EventStatus = Literal["occurred", "planned"]
TimexType = Literal["date", "time", "duration", "set"]


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


def evidence_key(evidence: Evidence) -> tuple[str, int, int, str]:
    """Return the canonical sort key of a piece of evidence (document, then position)."""
    stored = evidence.__dict__
    return stored["doc_id"], stored["start"], stored["end"], stored["text"]


def canonical_evidence(evidence: Evidences) -> Evidences:
    """Return ``evidence`` in canonical order without repeats (itself if already so)."""
    keys = list(map(evidence_key, evidence))
    if all(map(operator.lt, keys, keys[1:])):
        return evidence
    union = dict(zip(keys, evidence, strict=True))
    return tuple(map(union.__getitem__, sorted(union)))


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
    """A normalised amount: money (ISO 4217 unit), percent, duration, count or measure.

    A measure is a physical amount; its ``unit`` is quantulum3's unit name ("tonne", "barrel
    per day"). ``per_unit`` is the unit a price is quoted in ("$60 a barrel" -> "barrel").
    """

    kind: QuantityKind
    value: float
    unit: str
    per_unit: str | None = None
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
    effective: dt.date | None = Field(
        default=None, description="the day the rate applies from, when the text says it"
    )
    effective_text: str | None = Field(
        default=None, description="the words saying when it applies, e.g. 'from August 1'"
    )


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


class TimeExpression(_Model):
    """A date, time, duration or set as written, with its TIMEX3 value.

    ``value`` is a TIMEX3 string: ``2025-04-16``, ``2025-04``, ``2025``, ``2025-W16``,
    ``2025-Q2``, ``2025-SU``, ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``, ``P90D``,
    ``PT50M``, ``2025-04-16TMO``, ``XXXX-04-16`` when the year cannot be known; None when
    nothing can be said. Relative expressions are resolved against ``published``.
    """

    text: str
    type: TimexType
    value: str | None = Field(default=None, max_length=40)
    evidence: Evidences = ()


class _Carried:
    """A value that travels with a model without being part of it: never dumped, and always
    equal, so a model loaded from JSON still equals the extracted one."""

    __slots__ = ("value",)

    def __init__(self, value: str | None = None) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__


class ArticleFacts(_Model):
    """Everything extracted from one article."""

    doc_id: str
    published: dt.date | None = None
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    tariffs: tuple[TariffRate, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[TradeEvent, ...] = ()
    dates: tuple[TimeExpression, ...] = ()

    _source_text: _Carried = PrivateAttr(default_factory=_Carried)

    @property
    def source_text(self) -> str | None:
        """The article text the evidence offsets index, when extracted in this process (it is
        not part of the JSON: ``None`` for a model loaded from JSON)."""
        return self._source_text.value

    def with_source_text(self, text: str | None) -> ArticleFacts:
        """This object with ``text`` attached as its source text (for display)."""
        copy = self.model_copy()
        copy._source_text = _Carried(text)
        return copy

    def _repr_html_(self) -> str:
        from .view import article_html

        return article_html(self)

    def to_html(self, text: str | None = None) -> str:
        """An HTML fragment: the article with every fact's evidence highlighted, and tables."""
        from .view import article_html

        return article_html(self, text=text)

    def to_frames(self) -> dict[str, pandas.DataFrame]:
        """One pandas DataFrame per fact type plus one of evidence (see ``tradefacts.frames``)."""
        from .dataframes import frames

        return frames(self)


# --- merged variants: each fact also carries the doc_ids that support it -------------------


class Unstated(_Model):
    """Sources of a merged fact that leave one of its fields blank while other sources fill it."""

    field: str
    sources: tuple[str, ...] = ()


class _Sourced(_Model):
    """Mixin field for merged facts. A merged fact keeps its evidence in canonical order
    (``evidence_key``) and its sources sorted; validation puts them so, and merging relies on
    it to join records' sorted runs without sorting them again."""

    sources: tuple[str, ...] = ()
    unstated: tuple[Unstated, ...] = ()

    @field_validator("evidence", check_fields=False)
    @classmethod
    def _canonical_evidence(cls, evidence: Evidences) -> Evidences:
        return canonical_evidence(evidence)

    @field_validator("sources")
    @classmethod
    def _sorted_sources(cls, sources: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(set(sources)))


class _Report(_Model):
    """Mixin of a report: the sources that state a merged fact this way. Its ``evidence`` is
    given only when a source of it also states the fact another way (then the merged fact's
    evidence of that source cannot be split between the two); otherwise it is the merged
    fact's evidence from these sources."""

    sources: tuple[str, ...] = ()

    @field_validator("evidence", check_fields=False)
    @classmethod
    def _canonical_evidence(cls, evidence: Evidences) -> Evidences:
        return canonical_evidence(evidence)

    @field_validator("sources")
    @classmethod
    def _sorted_sources(cls, sources: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(set(sources)))


class EntityReport(Entity, _Report):
    """An entity as some sources state it, before ids are unified across articles."""


class QuantityReport(Quantity, _Report):
    """A quantity as some sources state it."""


class TariffReport(TariffRate, _Report):
    """A tariff as some sources state it (``products``: the product list they state)."""


class StatementReport(Statement, _Report):
    """A statement as some sources word and attribute it."""


class EventReport(TradeEvent, _Report):
    """An event as some sources state it, before dates are resolved across articles."""


_REPORTS_DOC = (
    "each distinct way the sources state this fact, with its sources: what a later merge "
    "reads, so merging records equals merging their articles"
)


class MergedEntity(Entity, _Sourced):
    """An entity resolved across articles."""

    reports: tuple[EntityReport, ...] = Field(default=(), description=_REPORTS_DOC)


class MergedQuantity(Quantity, _Sourced):
    """A quantity reported by one or more articles."""

    reports: tuple[QuantityReport, ...] = Field(default=(), description=_REPORTS_DOC)


class MergedTariffRate(TariffRate, _Sourced):
    """A tariff fact reported by one or more articles (one fact per product)."""

    reports: tuple[TariffReport, ...] = Field(default=(), description=_REPORTS_DOC)

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
    reports: tuple[StatementReport, ...] = Field(default=(), description=_REPORTS_DOC)


class MergedTradeEvent(TradeEvent, _Sourced):
    """An event clustered across articles."""

    reports: tuple[EventReport, ...] = Field(default=(), description=_REPORTS_DOC)


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

    @field_validator("sources")
    @classmethod
    def _sorted_sources(cls, sources: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(set(sources)))

    def _repr_html_(self) -> str:
        from .view import record_html

        return record_html(self)

    def to_html(self) -> str:
        """An HTML fragment: the central event, the facts with their sources, the conflicts."""
        from .view import record_html

        return record_html(self)

    def to_frames(self) -> dict[str, pandas.DataFrame]:
        """A pandas DataFrame per fact type, evidence and conflicts (see ``tradefacts.frames``)."""
        from .dataframes import frames

        return frames(self)


# --- timelines: tariff rates on a time axis (``tradefacts.timeline``) ---------------------


class TimelinePoint(_Model):
    """One rate of a tariff line as of one day, and the sources that state it."""

    date: dt.date | None = Field(
        default=None, description="``effective`` when stated, else ``as_of``; None if undated"
    )
    rate_percent: float = Field(ge=0)
    status: TariffStatus = "in_effect"
    effective: dt.date | None = Field(default=None, description="when the sources say it applies")
    as_of: dt.date | None = Field(
        default=None, description="the earliest publication date among the sources stating it"
    )
    sources: tuple[str, ...] = ()
    conflicting: bool = Field(
        default=False, description="other sources state another rate or status that day"
    )
    evidence: Evidences = ()


class TariffLine(_Model):
    """Every stated rate of one imposer on one target (None: every partner) and one product
    group (``()``: all goods), dated points in order plus the undated ones."""

    imposer: CountryCode | None
    target: CountryCode | None = None
    products: tuple[str, ...] = ()
    points: tuple[TimelinePoint, ...] = ()
    undated: tuple[TimelinePoint, ...] = ()


class Timeline(_Model):
    """What ``tradefacts.timeline`` returns: tariff lines, each a dated series of rates."""

    lines: tuple[TariffLine, ...] = ()

    def line(
        self, imposer: str | None, target: str | None, product: str | None = None
    ) -> TariffLine | None:
        """The line of ``imposer`` on ``target`` for ``product`` (None: all goods), or None."""
        from .timelines import find_line

        return find_line(self, imposer, target, product)

    def rate_on(
        self,
        imposer: str | None,
        target: str | None,
        product: str | None = None,
        *,
        on: dt.date | str,
    ) -> TimelinePoint | None:
        """The point in force on day ``on``, or None (see ``tradefacts.timelines.rate_on``)."""
        from .timelines import rate_on

        return rate_on(self, imposer, target, product, on=on)

    def _repr_html_(self) -> str:
        from .view.timeline import timeline_html

        return timeline_html(self)

    def to_html(self) -> str:
        """An HTML fragment: per line a step chart (inline SVG) and a table of its points."""
        from .view.timeline import timeline_html

        return timeline_html(self)

    def to_frames(self) -> dict[str, pandas.DataFrame]:
        """``{"timeline": ...}``: one row per point (see ``tradefacts.frames``)."""
        from .dataframes import frames

        return frames(self)


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
        TimeExpression,
        Evidence,
        Timeline,
    )
}
