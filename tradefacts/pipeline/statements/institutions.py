"""Institutions as speakers: "the Swiss government said", "an official from the Indian Ministry
of Commerce stated", "a spokesperson for Brazil's foreign ministry said", "the White House said".

Used when the cue's subject names no person. The institution is named as the text names it
(the subject phrase without its article); when the article has no entity for it yet, one is
added (an ``org:`` entity with a mention over the phrase), so the speaker is always grounded.
A bare "the ministry" takes the latest organisation the article named with that word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..data_files import read_table
from ..document import EntityInfo, Mention, doc_text, in_clutter, mentions_in, phrase_start
from .cues import Cues

AGENT_PREPS = ("from", "for", "of", "at", "with", "in")
LEADING_WORDS = ("the", "a", "an", "this", "that")
PHRASE_DEPS = ("compound", "amod", "poss", "case", "nmod", "det", "flat")
MAX_PHRASE_TOKENS = 8


def institution_speaker(subject: Token, c: Cues) -> str | None:
    """Entity id of the institution the cue's subject names, or None."""
    head = subject.lemma_.lower()
    if head in c.agent_heads:
        found = _institution_in_phrase(subject, c)  # "a ministry spokesman", "White House aide"
        if found:
            return found
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ in AGENT_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        found = _institution(obj, c)
                        if found:
                            return found
        if head in c.spokesperson_heads and _definite(subject):
            # "China's Ministry of Commerce said ... The Spokesperson said": the body named last
            return _earlier_institution(subject, c.spokesperson_bodies)
        return None
    return _institution(subject, c)


def _definite(tok: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ == "the" for child in tok.children)


def _institution(tok: Token, c: Cues) -> str | None:
    """The organisation, or government seat, a noun phrase headed by ``tok`` names."""
    doc = tok.doc
    start, end = _phrase_range(tok)
    ents = doc._.entities or {}
    covering = [
        m
        for m in mentions_in(doc, tok.idx, tok.idx + len(tok))
        if m.entity_id in ents and ents[m.entity_id].type in ("organization", "place")
    ]
    if covering:
        return _seat_country(doc, covering[-1].entity_id)
    if tok.lemma_.lower() not in c.institution_heads or tok.pos_ == "PROPN" and start == tok.i:
        return None
    if start == tok.i or all(doc[i].dep_ == "det" for i in range(start, tok.i)):
        found = _earlier_institution(tok) or _earlier_national(tok)
        if found is None and tok.text[:1].isupper() and not tok.is_sent_start:
            return _named_institution(doc, start, tok.i + 1)  # "the Presidency said"
        return found
    if tok.is_lower:  # "the Reuters news agency": a common noun after the name of one
        inside = [
            m
            for m in mentions_in(doc, doc[start].idx, tok.idx)
            if m.entity_id in ents and ents[m.entity_id].type == "organization"
        ]
        if inside:
            return inside[-1].entity_id
    return _named_institution(doc, start, tok.i + 1)


def _seat_country(doc: Doc, entity_id: str) -> str:
    """A capital speaks for its country ("Beijing vowed" -> China); other seats of government
    ("the White House", "Downing Street") and organisations speak as themselves."""
    ents = doc._.entities or {}
    info = ents.get(entity_id)
    if info is None or info.type != "place":
        return entity_id
    code = _capitals().get(info.name)
    return f"country:{code}" if code and f"country:{code}" in ents else entity_id


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital name -> ISO3 code, from ``data/countries.json``."""
    raw = read_table("countries.json")
    return {cap: code for code, rec in raw["countries"].items() for cap in rec["capitals"]}


def _institution_in_phrase(tok: Token, c: Cues) -> str | None:
    """An institution named by the modifiers of an agent noun ("a ministry spokesman")."""
    for child in tok.lefts:
        if child.dep_ in ("compound", "poss") and child.pos_ in ("NOUN", "PROPN"):
            found = _institution(child, c)
            if found:
                return found
    return None


def _phrase_range(tok: Token) -> tuple[int, int]:
    """Token range of the modifiers before ``tok`` ("China's Commerce" of "Ministry")."""
    return max(phrase_start(tok, PHRASE_DEPS), tok.i - MAX_PHRASE_TOKENS), tok.i


def _earlier_institution(tok: Token, words: frozenset[str] | None = None) -> str | None:
    """The latest organisation before ``tok`` (outside clutter) whose name holds one of
    ``words``, by default the bare noun itself ("the ministry")."""
    doc = tok.doc
    ents = doc._.entities or {}
    wanted = words if words is not None else frozenset({tok.lemma_.lower()})
    best: Mention | None = None
    for m in doc._.mentions or []:
        info = ents.get(m.entity_id)
        if m.end > tok.idx or info is None or info.type != "organization":
            continue
        if wanted & set(info.name.lower().split()) and not in_clutter(doc, m.start, m.end):
            best = m
    return best.entity_id if best is not None else None


def _earlier_national(tok: Token) -> str | None:
    """The latest "<country> <noun>" phrase before a bare "the <noun>" ("according to the
    Japanese government ... the government said"), else the first after it: that
    institution, named as the text names it there."""
    doc = tok.doc
    word = tok.lemma_.lower()
    # the latest before it, else the first after it ("..., the government said. ... The Swiss
    # government noted ...": a story may name the government in full only later)
    order = [*range(tok.i - 1, -1, -1), *range(tok.i + 1, len(doc))]
    for i in order:
        earlier = doc[i]
        if earlier.lemma_.lower() != word:
            continue
        start, _ = _phrase_range(earlier)
        if start < i and mentions_in(doc, doc[start].idx, earlier.idx, "country"):
            return _named_institution(doc, start, i + 1)
    return None


def _named_institution(doc: Doc, first: int, last: int) -> str | None:
    """An organisation entity for the phrase ``doc[first:last]`` (added when it is new)."""
    while first < last and doc[first].lower_ in LEADING_WORDS:
        first += 1
    if first >= last:
        return None
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    name = re.sub(r"\s+", " ", doc_text(doc)[start:end])
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'s", "")).strip("-")
    if not slug:
        return None
    eid = f"org:{slug}"
    ents = doc._.entities
    if ents is None or doc._.mentions is None:
        return None
    if eid not in ents:
        ents[eid] = EntityInfo(
            id=eid, name=name, type="organization", country=_country(doc, start, end)
        )
    if not any(m.entity_id == eid and m.start == start for m in doc._.mentions):
        doc._.mentions.append(Mention(start, end, eid, "name"))
        doc._.mentions.sort(key=lambda m: (m.start, m.end, m.entity_id))
    return eid


def _country(doc: Doc, start: int, end: int) -> str | None:
    """The country named inside the phrase ("Swiss government" -> CHE), if any."""
    ents = doc._.entities or {}
    for m in mentions_in(doc, start, end, "country"):
        return ents[m.entity_id].id.split(":", 1)[1]
    return None
