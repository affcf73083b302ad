"""Title phrases ("Japan's chief trade negotiator"): role words, canonical role, country."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from .gazetteer import Gazetteer, gazetteer
from .state import DocState, TitlePhrase
from .tokens import APOSTROPHES, POSSESSIVES


def title_phrases(state: DocState, matches: list[tuple[int, int, int]]) -> list[TitlePhrase]:
    """Title phrases around each head match, with role words and country modifier."""
    doc = state.doc
    spans = [Span(doc, s, e) for _, s, e in matches]
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    phrases: list[TitlePhrase] = []
    last_end = -1
    for head in spans:
        if head.start < last_end:
            continue
        phrase = expand_title(state, head)
        if phrase is not None:
            phrases.append(phrase)
            last_end = max(phrase.end, head.end)
    return phrases


def expand_title(state: DocState, head: Span) -> TitlePhrase | None:
    """Grow a head ("minister") into its title phrase ("Japan's chief trade negotiator")."""
    doc, g = state.doc, state.g
    head_text = head.text.lower()
    if head_text in g.plural_heads:
        return None
    # words before the head that belong to the title
    i = head.start
    while i > 0 and head.start - i < 6:
        prev = doc[i - 1]
        low = prev.text.lower()
        if prev.i in state.country_at or prev.text in POSSESSIVES:
            break
        if (
            low in g.modifiers
            or low in g.heads
            or (
                prev.is_title
                and prev.is_alpha
                and not prev.is_stop
                and prev.i not in state.taken
                and prev.ent_type_ != "PERSON"
            )
        ):
            i -= 1
            continue
        break
    country, start = _country_before(state, i)
    # "Minister for Economic Revitalization", "Secretary of State"
    end = head.end
    if end + 1 < len(doc) and doc[end].lower_ in ("for", "of") and doc[end + 1].is_title:
        j = end + 1
        while j < len(doc) and j - end < 5 and (doc[j].is_title or doc[j].lower_ == "and"):
            if doc[j].ent_type_ == "PERSON" and j > end + 1:
                break
            j += 1
        if doc[j - 1].lower_ == "and":
            j -= 1
        if not _starts_person_name(state, end + 1):
            end = j
    role_tokens = [t for t in doc[i:end] if t.i not in state.country_at]
    role_words = [t.text for t in role_tokens if t.text.lower() not in ("former", "the", "a")]
    while role_words and role_words[0].lower() in ("and", "of", "for"):
        role_words = role_words[1:]
    if not role_words:
        return None
    role = _canonical_role(state, " ".join(role_words))
    if country is None:
        country = _default_country(state, role)
    return TitlePhrase(start=start, end=end, role=role, country=country, head=head_text)


def _starts_person_name(state: DocState, i: int) -> bool:
    doc = state.doc
    return i < len(doc) and doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B"


def _country_before(state: DocState, i: int) -> tuple[str | None, int]:
    """Country modifier ending at token ``i`` ("Japan's", "Japanese", "U.S."): (code, start)."""
    doc = state.doc
    j = i
    if j > 0 and doc[j - 1].text in POSSESSIVES:
        j -= 1
    if j > 0 and (j - 1) in state.country_at:
        k = j - 1
        code = state.country_at[k]
        while k > 0 and state.country_at.get(k - 1) == code:
            k -= 1
        return code, k
    if j > 0 and doc[j - 1].text in POSSESSIVES and j - 1 > 0:
        # "the country's" / "California's": state -> USA
        place = state.g.places.get(doc[j - 2].text)
        if place and place.country:
            return place.country, j - 2
    if i > 0:
        place = state.g.places.get(doc[i - 1].text)
        if place and place.country and not place.metonym:
            return place.country, i - 1
    return None, i


def _canonical_role(state: DocState, words: str) -> str:
    low = re.sub(r"\s+", " ", words.lower().translate(APOSTROPHES)).strip()
    low = re.sub(r"^(?:u\.s\.|us) ", "", low)
    if low in state.g.canonical_roles:
        return state.g.canonical_roles[low]
    return " ".join(w if w.isupper() or "." in w else _cap(w) for w in words.split())


def _cap(word: str) -> str:
    if word.lower() in ("and", "of", "for", "the"):
        return word.lower()
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _default_country(state: DocState, role: str) -> str | None:
    low = role.lower()
    for key, code in state.g.default_country.items():
        if low == key or low.endswith(" " + key):
            return code
    return None


#: Words that make a different office of the same head ("deputy prime minister").
RANK_WORDS = {"deputy", "vice", "assistant", "under", "undersecretary", "acting", "former"}


def role_matches(role: str | None, phrase_role: str, head: str) -> bool:
    """True when a person's role fits a title phrase ("Prime Minister" ~ "prime minister")."""
    if not role:
        return False
    r, p = role.lower(), phrase_role.lower()
    if r == p:
        return True
    rw, pw = set(r.split()), set(p.split())
    if (rw - pw) & RANK_WORDS or (pw - rw) & RANK_WORDS:
        return False
    if r.endswith(" " + p) or p.endswith(" " + r):
        return True
    # a bare head ("the minister", "the president") fits any role ending in it
    return p == head and " " not in p and r.split()[-1] == p


def refers_to_person(g: Gazetteer, phrase: TitlePhrase) -> bool:
    """True when the phrase can stand for one person: a person title ("the trade minister") or
    a generic leader word with a country ("the Thai leader")."""
    return phrase.head in g.person_heads or is_country_leader(g, phrase)


def is_country_leader(g: Gazetteer, phrase: TitlePhrase) -> bool:
    """ "the South Korean leader", "Japan's premier": a bare generic head with a country, which
    means that country's head of state or government."""
    return (
        phrase.country is not None
        and phrase.head in g.leader_heads
        and phrase.role.lower() == phrase.head
    )


def holds_leader_role(g: Gazetteer, roles: Iterable[str | None]) -> bool:
    """True when one of the roles is a head of state or government ("President")."""
    return any(r is not None and r.lower() in g.leader_roles for r in roles)


def qualified(doc: Doc, i: int) -> bool:
    """ "the president of the European Commission": a title qualified by another body."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return False
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    return j < len(doc) and doc[j].is_title


def head_matches(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of title heads ("minister", "prime minister") in ``[start, end)``."""
    g = gazetteer()
    out = []
    i = start
    while i < end:
        two = f"{doc[i].lower_} {doc[i + 1].lower_}" if i + 1 < end else ""
        if two in g.heads:
            out.append((i, i + 2))
            i += 2
        elif doc[i].lower_ in g.heads:
            out.append((i, i + 1))
            i += 1
        else:
            i += 1
    return out
