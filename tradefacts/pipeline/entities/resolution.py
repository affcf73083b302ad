"""``resolve_person``: the person a speaker/subject span refers to (name, surname, "Mr X",
title phrase or pronoun), optionally through the officials table.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from ..document import EntityInfo, Mention
from .doc_index import DocIndex, index_of
from .gazetteer import Official, gazetteer, person_slug
from .persons import particle_surname, same_person
from .pronouns import PRONOUNS_FEMALE, PRONOUNS_MALE, resolve_pronoun
from .state import DocState, TitlePhrase
from .title_references import resolve_title
from .titles import (
    expand_title,
    head_matches,
    holds_leader_role,
    is_country_leader,
    qualified,
    refers_to_person,
    role_matches,
)
from .tokens import APOSTROPHES, slice_text, token_range


def resolve_person(doc: Doc, start: int, end: int, *, use_officials: bool = False) -> str | None:
    """Person id the local char span refers to (name, surname, "Mr X", title, pronoun).

    ``use_officials``: let a title phrase naming nobody in the article resolve through the
    officials table (the person is then added to the doc); off by default.
    """
    if doc._.entities is None or start >= end or not len(doc):
        return None
    index = index_of(doc)
    inside = _mentions_overlapping(index, start, end)
    if inside:
        return max(inside, key=lambda m: (m.kind != "title", m.end - m.start)).entity_id
    text = slice_text(doc, start, end).strip().translate(APOSTROPHES)
    low = text.lower()
    if low in PRONOUNS_MALE or low in PRONOUNS_FEMALE:
        return resolve_pronoun(doc, index, start, "f" if low in PRONOUNS_FEMALE else "m")
    if low in ("they", "them", "their", "we", "i", "you", "it") or len(text) > 200:
        return None
    return _resolve_phrase(doc, index, start, end, text, use_officials)


def _mentions_overlapping(index: DocIndex, start: int, end: int) -> list[Mention]:
    k = bisect.bisect_left(index.starts, end)
    out = []
    while k > 0 and index.starts[k - 1] > start - 300:
        k -= 1
        m = index.person_mentions[k]
        if m.start < end and start < m.end:
            out.append(m)
    return out


def _resolve_phrase(
    doc: Doc, index: DocIndex, start: int, end: int, text: str, use_officials: bool
) -> str | None:
    """A name/surname/title phrase that has no mention of its own yet."""
    g = gazetteer()
    words = [w for w in re.split(r"\s+", text) if w]
    while words and (words[0].lower() in ("the", "a", "an") or words[0] in g.honorifics):
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    if not words:
        return None
    persons = index.persons
    if all(w[:1].isupper() for w in words) and not any(w.lower() in g.heads for w in words):
        tokens = tuple(words)
        for p in persons.values():
            if same_person(p.tokens, tokens) or (len(tokens) == 1 and tokens[0] in p.tokens):
                return p.id
            if particle_surname(g, p.tokens, tokens):
                return p.id
        official = g.official_by_form.get(" ".join(words))
        if official is not None and use_officials:
            return _ensure_official(doc, official, start, end, "alias")
        return None
    first, last = token_range(doc, start, end)
    if first >= last:
        return None
    return _resolve_title_span(doc, index, doc[first:last], use_officials)


def _resolve_title_span(doc: Doc, index: DocIndex, span: Span, use_officials: bool) -> str | None:
    g = gazetteer()
    state = DocState(doc=doc, g=g)
    state.persons = index.persons
    state.country_at = index.country_at
    state.positions = index.positions
    state.text_roles = index.text_roles
    heads = [Span(doc, s, e) for s, e in head_matches(doc, span.start, span.end)]
    if not heads:
        return None
    phrase = expand_title(state, heads[-1])
    if phrase is None or not refers_to_person(g, phrase) or qualified(doc, phrase.end):
        return None
    person = resolve_title(state, phrase, span.start_char)
    if person is not None:
        return person.id
    if not use_officials:
        return None
    return _official_for_title(doc, phrase, span.start_char, span.end_char)


def _official_for_title(doc: Doc, phrase: TitlePhrase, start: int, end: int) -> str | None:
    """The officials-table holder of a country's role (needs the country); adds the person."""
    if phrase.country is None:
        return None
    g = gazetteer()
    when = doc._.reference_date
    leader = is_country_leader(g, phrase)
    matches = [
        o
        for o in g.officials
        if o.country == phrase.country
        and o.in_office(when)
        and (
            any(role_matches(r, phrase.role, phrase.head) for r in (o.role, *o.roles))
            or (leader and holds_leader_role(g, (o.role, *o.roles)))
        )
    ]
    if len(matches) != 1:
        return None
    return _ensure_official(doc, matches[0], start, end, "title")


def _ensure_official(doc: Doc, official: Official, start: int, end: int, kind: str) -> str:
    """Add an officials-table person (entity + mention) to the doc; return its id."""
    pid = person_slug(official.name)
    ents = doc._.entities
    if pid not in ents:
        ents[pid] = EntityInfo(
            id=pid, name=official.name, type="person", country=official.country, role=official.role
        )
    mentions = doc._.mentions
    if not any(m.entity_id == pid and m.start == start and m.end == end for m in mentions):
        mentions.append(Mention(start, end, pid, kind))
        mentions.sort(key=lambda m: (m.start, m.end, m.entity_id))
    return pid
