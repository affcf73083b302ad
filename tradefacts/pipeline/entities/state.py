"""Working state of the entity component for one doc, and the records it builds."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..document import EntityInfo, Mention
from .gazetteer import Gazetteer, Official
from .tokens import token_at

TEXT_ROLES_KEY = "tradefacts_text_roles"  # person id -> roles the article gives them


@dataclass
class PersonRecord:
    """A person being built for one doc."""

    id: str
    name: str
    tokens: tuple[str, ...]
    official: Official | None = None
    role: str | None = None
    country: str | None = None
    gender: str | None = None


@dataclass
class TitlePhrase:
    """A title phrase in the text: role words, optional country, token range."""

    start: int  # token index of the first token (country modifier included)
    end: int  # token index after the head (and any "for X" complement)
    role: str
    country: str | None
    head: str


@dataclass(frozen=True)
class GazMatch:
    """A gazetteer match: table (COUNTRY/PLACE/ORG/OFFICIAL), the table form, the span."""

    label: str
    form: str
    span: Span


@dataclass
class DocState:
    """Everything the component builds for one doc, passed between the steps."""

    doc: Doc
    g: Gazetteer
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    persons: dict[str, PersonRecord] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)  # token indices used by person names
    gaz_tokens: dict[int, str] = field(default_factory=dict)  # token -> gazetteer label
    country_at: dict[int, str] = field(default_factory=dict)  # token -> ISO3 of that token
    skip_lines: list[tuple[int, int]] = field(default_factory=list)
    headline_lines: list[tuple[int, int]] = field(default_factory=list)
    ent_of: list[Span | None] = field(default_factory=list)  # token -> model entity
    georgia: bool | None = None
    org_country_at: dict[int, str] = field(default_factory=dict)  # token -> known org country
    ents: list[Span] = field(default_factory=list)  # the model's entities, read once
    solo_counts: dict[str, int] | None = None
    person_starts: set[int] = field(default_factory=set)  # first tokens of person mentions
    positions: dict[str, list[int]] = field(default_factory=dict)  # person -> mention starts
    text_roles: dict[str, list[str]] = field(default_factory=dict)  # person -> titles in text

    def index_persons(self) -> None:
        """Refresh ``person_starts`` and ``positions`` from the person mentions so far."""
        self.person_starts = set()
        self.positions = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.entity_id in self.persons:
                self.positions.setdefault(m.entity_id, []).append(m.start)
                if len(self.doc):
                    self.person_starts.add(token_at(self.doc, m.start))

    def person_ent(self, i: int) -> Span | None:
        """The model's PERSON entity covering token ``i``, if any."""
        ent = self.ent_of[i] if i < len(self.ent_of) else None
        return ent if ent is not None and ent.label_ == "PERSON" else None


def add_entity(state: DocState, info: EntityInfo) -> EntityInfo:
    """Add ``info`` or complete the existing entity with its country/role; return the stored one."""
    existing = state.entities.get(info.id)
    if existing is None:
        state.entities[info.id] = info
        return info
    if existing.country is None and info.country is not None:
        existing.country = info.country
    if existing.role is None and info.role is not None:
        existing.role = info.role
    return existing


def inside_longer_person(state: DocState, span: Span) -> bool:
    """True when the span sits inside a longer PERSON entity ("Michael Jordan")."""
    ent = state.person_ent(span.start)
    return ent is not None and ent.end - ent.start > span.end - span.start
