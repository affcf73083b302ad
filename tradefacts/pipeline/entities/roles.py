"""Roles and countries of the article's persons, from a title before the name or an
apposition after it ("Ryosei Akazawa, Japan's economy minister").
"""

from __future__ import annotations

from spacy.tokens import Span

from ..document import Mention
from .organizations import add_ner_org
from .person_names import APPOSITION_CLOSERS
from .state import DocState, PersonRecord, TitlePhrase
from .tokens import token_at, token_range


def assign_roles(state: DocState, titles: list[TitlePhrase]) -> None:
    """Role and country from a title right before a name, or an apposition after it."""
    doc = state.doc
    by_start: dict[int, Mention] = {}
    for m in state.mentions:
        if m.entity_id in state.persons:
            by_start[token_at(doc, m.start)] = m
    for phrase in titles:
        named = by_start.get(phrase.end) or _apposed_name(state, phrase, by_start)
        if named is None:
            continue
        person = state.persons[named.entity_id]
        state.taken.update(range(phrase.start, phrase.end))
        if phrase.head not in state.g.person_heads and phrase.head not in ("chief",):
            if person.role is None:
                person.role = phrase.role
            continue
        if person.role is None or (person.official and person.role == person.official.role):
            person.role = phrase.role
        state.text_roles.setdefault(person.id, []).append(phrase.role)
        if phrase.country and (person.country is None or not person.official):
            person.country = phrase.country
        elif phrase.country and person.country is None:
            person.country = phrase.country
    _apposition_roles(state, titles)
    for person in state.persons.values():
        if person.role is None and person.official is not None:
            person.role = person.official.role
        if person.country is None and person.official is not None:
            person.country = person.official.country


def _apposed_name(
    state: DocState, phrase: TitlePhrase, by_start: dict[int, Mention]
) -> Mention | None:
    """The name set off by commas right after a title ("Peru's trade secretary, Luis Ortega,");
    not a clause subject after an introductory phrase ("After meeting the president, Lula
    flew home")."""
    doc = state.doc
    if phrase.end + 1 >= len(doc) or doc[phrase.end].text != ",":
        return None
    named = by_start.get(phrase.end + 1)
    if named is None or named.entity_id not in state.persons:
        return None
    last = token_range(doc, named.start, named.end)[1]
    return named if last < len(doc) and doc[last].text in APPOSITION_CLOSERS else None


def _apposition_roles(state: DocState, titles: list[TitlePhrase]) -> None:
    """Role/country from an apposition: "Ryosei Akazawa, Japan's economy minister"."""
    doc = state.doc
    state.index_persons()
    starts = {p.start: p for p in titles}
    for m in [m for m in state.mentions if m.entity_id in state.persons and m.kind == "name"]:
        first, last = token_range(doc, m.start, m.end)
        if first >= last or last >= len(doc) or doc[last].text != ",":
            continue
        span = doc[first:last]
        person = state.persons[m.entity_id]
        j = span.end + 1
        limit = min(len(doc), j + 10)
        while j < limit and doc[j].lower_ in ("a", "an", "the"):
            j += 1
        for k in range(j, limit):
            phrase = starts.get(k)
            if doc[k].text in (",", ".", ";", "—", "–") or doc[k].lower_ in ("who", "which"):
                break
            if phrase is None:
                continue
            if phrase.end in state.person_starts:
                break
            state.text_roles.setdefault(person.id, []).append(phrase.role)
            if person.role is None:
                person.role = phrase.role
            if person.country is None and phrase.country:
                person.country = phrase.country
            break
        if person.country is None:
            person.country = _apposition_org_country(state, span.end + 1)
        _affiliation(state, span, person)


def _apposition_org_country(state: DocState, start: int) -> str | None:
    """Country of a known organisation in the apposition ("..., a former State Department
    official," -> USA), up to the apposition's end."""
    doc = state.doc
    for k in range(start, min(len(doc), start + 16)):
        if doc[k].text in (".", ";", ",") or doc[k].lower_ in ("who", "which", "said"):
            return None
        if k in state.org_country_at:
            return state.org_country_at[k]
    return None


def _affiliation(state: DocState, span: Span, person: PersonRecord) -> None:
    """ "X of Japan Foresight": create the org (its country is not the person's)."""
    doc = state.doc
    j = span.end
    if j + 1 < len(doc) and doc[j].lower_ in ("of", "at", "from"):
        ent = state.ent_of[j + 1]
        if ent is not None and ent.label_ == "ORG":
            add_ner_org(state, ent)
