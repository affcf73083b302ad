"""Organisations: known ones from the gazetteer and new ones from the model's ORG entities."""

from __future__ import annotations

from spacy.tokens import Span

from ..document import EntityInfo, Mention
from .gazetteer import Org, slugify
from .state import DocState, add_entity
from .tokens import POSSESSIVES, clean_name


def add_org(state: DocState, org: Org, start: int, end: int) -> None:
    """Add an organisation entity and a ``name`` mention over the char range."""
    add_entity(
        state, EntityInfo(id=org.id, name=org.name, type="organization", country=org.country)
    )
    state.mentions.append(Mention(start, end, org.id, "name"))


def clean_ent(state: DocState, ent: Span) -> Span | None:
    """The model entity without "the", possessives, punctuation and trailing numbers; None
    when what is left is not a name (lower case, a title word, a dangling "and")."""
    s, e = ent.start, ent.end
    doc = ent.doc
    while s < e and (doc[s].lower_ == "the" or not doc[s].text[:1].isalnum()):
        s += 1
    while e > s and (doc[e - 1].text in POSSESSIVES or not doc[e - 1].text[:1].isalnum()):
        e -= 1
    while e > s and doc[e - 1].like_num:
        e -= 1
    if s >= e:
        return None
    span = doc[s:e]
    if not span.text[:1].isupper() or not any(c.isalpha() for c in span.text):
        return None
    if any(t.lower_ in state.g.plural_heads or t.lower_ in state.g.person_heads for t in span):
        return None
    if span[-1].lower_ in ("and", "or", "of") or span[0].is_stop and span[0].lower_ != "the":
        return None
    return span


def add_ner_org(state: DocState, ent: Span) -> None:
    """An organisation from the model's ORG entity (the known one when the gazetteer has it)."""
    span = clean_ent(state, ent)
    if span is None:
        return
    if all(t.lower_ in state.g.modifiers or t.lower_ in state.g.heads for t in span):
        return  # "Commerce", "Treasury" as part of a title
    text = clean_name(span.text)
    org = state.g.orgs.get(text)
    if org is None:
        org = Org(f"org:{slugify(text)}", text, None)
    if not slugify(text):
        return
    add_org(state, org, span.start_char, span.end_char)
    state.gaz_tokens.update({i: "ORG" for i in range(span.start, span.end)})
