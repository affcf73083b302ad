"""Per-doc lookups for the helpers other components call, rebuilt when the mentions change;
and the simple queries over them (``countries_in``, ``person_mentions``, ``iter_entities``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..document import EntityInfo, Mention
from .gazetteer import Official, gazetteer, is_metonym
from .state import TEXT_ROLES_KEY, PersonRecord
from .tokens import token_range

if not Doc.has_extension("tf_entity_index"):
    Doc.set_extension("tf_entity_index", default=None)  # private cache of the helpers


def countries_in(doc: Doc, start: int, end: int) -> list[str]:
    """ISO3 codes mentioned in the local char range (names, codes, demonyms, metonyms)."""
    ents = doc._.entities or {}
    found: list[str] = []
    for m in doc._.mentions or []:
        if m.start < start or m.end > end:
            continue
        info = ents.get(m.entity_id)
        if info is None:
            continue
        code = None
        if info.type == "country":
            code = info.country
        elif info.type == "place" and is_metonym(info.id):
            code = info.country
        if code and code not in found:
            found.append(code)
    return found


def person_mentions(doc: Doc) -> list[Mention]:
    """Person mentions of the doc, in text order."""
    return list(index_of(doc).person_mentions)


def iter_entities(doc: Doc, etype: str | None = None) -> Iterator[EntityInfo]:
    """Entities of the doc (optionally of one type)."""
    for info in (doc._.entities or {}).values():
        if etype is None or info.type == etype:
            yield info


@dataclass
class DocIndex:
    """Per-doc lookup structures for the helpers, rebuilt when the mentions change."""

    key: tuple[int, int, int]
    person_mentions: list[Mention]
    starts: list[int]
    persons: dict[str, PersonRecord]
    country_at: dict[int, str]
    has_sents: bool
    positions: dict[str, list[int]] = field(default_factory=dict)  # person -> mention starts
    text_roles: dict[str, list[str]] = field(default_factory=dict)  # person -> titles in text
    sent_starts: list[int] | None = None  # token index of each sentence start (lazy)


def index_of(doc: Doc) -> DocIndex:
    """The cached index of ``doc`` (built once per set of mentions)."""
    mentions = doc._.mentions or []
    ents = doc._.entities or {}
    key = (id(mentions), len(mentions), len(ents))
    cached = doc._.tf_entity_index
    if cached is not None and cached.key == key:
        return cached  # type: ignore[no-any-return]
    people = sorted(
        (m for m in mentions if m.entity_id in ents and ents[m.entity_id].type == "person"),
        key=lambda m: (m.start, m.end),
    )
    country_at: dict[int, str] = {}
    for m in mentions:
        info = ents.get(m.entity_id)
        if info is not None and info.country and (info.type == "country" or is_metonym(info.id)):
            first, last = token_range(doc, m.start, m.end)
            for i in range(first, last):
                country_at[i] = info.country
    positions: dict[str, list[int]] = {}
    for m in people:
        positions.setdefault(m.entity_id, []).append(m.start)
    index = DocIndex(
        key=key,
        person_mentions=people,
        starts=[m.start for m in people],
        persons={p.id: p for p in _doc_persons(doc)},
        country_at=country_at,
        has_sents=len(doc) > 0 and doc.has_annotation("SENT_START"),
        positions=positions,
        text_roles=doc.user_data.get(TEXT_ROLES_KEY) or {},
    )
    doc._.tf_entity_index = index
    return index


def sentence_of(doc: Doc, index: DocIndex, i: int) -> int:
    """Token index where the sentence holding token ``i`` starts (sentence starts read once)."""
    if index.sent_starts is None:
        index.sent_starts = [sent.start for sent in doc.sents] if index.has_sents else [0]
    k = bisect.bisect_right(index.sent_starts, i) - 1
    return index.sent_starts[max(k, 0)]


def _doc_persons(doc: Doc) -> list[PersonRecord]:
    """Person records rebuilt from ``doc._.entities`` (roles/countries as stored)."""
    g = gazetteer()
    out = []
    for info in (doc._.entities or {}).values():
        if info.type != "person":
            continue
        official = g.official_by_form.get(info.name)
        out.append(
            PersonRecord(
                id=info.id,
                name=info.name,
                tokens=tuple(info.name.split()) or (info.name,),
                official=official,
                role=info.role,
                country=info.country,
                gender=_gender_hint(info.name, official),
            )
        )
    return out


def _gender_hint(name: str, official: Official | None) -> str | None:
    g = gazetteer()
    if official and official.gender:
        return official.gender
    first = name.split()[0].lower() if name.split() else ""
    if first in g.female_names:
        return "f"
    if first in g.male_names:
        return "m"
    return None
