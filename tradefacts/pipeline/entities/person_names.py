"""Person-name candidates: model PERSON entities, officials, names after a title or an
honorific, and names the model mistyped that the text marks as a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .gazetteer import Gazetteer, Official
from .state import DocState, GazMatch, TitlePhrase, inside_longer_person
from .tokens import APOSTROPHES, POSSESSIVES, token_table

NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’.\-]{0,40}(?:[-'’.][^\W\d_]{0,40}){0,4}\.?$")
INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)?$")


@dataclass
class NameCandidate:
    """A token range that may name a person, and where it came from."""

    start: int  # token index
    end: int
    source: str  # ner | title | official | honorific | surname
    official: Official | None = None
    honorific: str | None = None


def name_tokens_ok(state: DocState, words: list[str], confirmed: bool) -> bool:
    """True when the words look like a person name (not quote words, all caps, headlines)."""
    g = state.g
    if not words:
        return False
    for k, text in enumerate(words):
        if text in g.particles and 0 < k < len(words) - 1:
            continue
        if INITIAL.match(text):
            continue
        if not NAME_TOKEN.match(text) or not text[0].isupper():
            return False
        if len(text) > 2 and text.isupper() and not confirmed:
            return False
    low = [w.lower().translate(APOSTROPHES) for w in words]
    if confirmed:
        return True
    if low[0] in g.not_person_words or low[-1] in g.not_person_words:
        return False
    return not all(w in g.not_person_words for w in low)


#: Parts of speech of a lower-case word that cannot end a name: a hyphen glued to one is a
#: dash ("Jair Bolsonaro-currently on trial-has"), unlike a name part ("Jae-myung").
_DASHED_WORD_POS = frozenset({"ADV", "VERB", "AUX", "ADP", "DET", "PRON", "SCONJ", "CCONJ"})


def _joined(doc: Doc, i: int) -> bool:
    """True when token ``i`` is a hyphen glued to both neighbours ("Jae-myung")."""
    texts = token_table(doc).texts
    return (
        0 < i < len(texts) - 1
        and texts[i] in ("-", "‐")
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_alpha
        and not (doc[i + 1].is_lower and doc[i + 1].pos_ in _DASHED_WORD_POS)
    )


def _extend_hyphens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a token range over glued hyphen parts on both sides."""
    while end < len(doc) - 1 and _joined(doc, end):
        end += 2
    while start > 1 and _joined(doc, start - 1):
        start -= 2
    return start, end


def trim(doc: Doc, start: int, end: int, g: Gazetteer) -> tuple[int, int, str | None]:
    """Drop leading non-name tokens/honorifics and trailing possessives: (start, end, honorific)."""
    honorific = None
    texts = token_table(doc).texts
    while start < end and not texts[start][:1].isalpha():
        start += 1
    while start < end and (
        texts[start] in g.honorifics
        or texts[start].lower() in g.heads
        or texts[start].lower() in g.modifiers
    ):
        if texts[start] in g.honorifics:
            honorific = texts[start]
        start += 1
    while end > start and (texts[end - 1] in POSSESSIVES or not texts[end - 1][:1].isalpha()):
        end -= 1
    return start, end - _platform_suffix(texts, start, end, g), honorific


def _platform_suffix(texts: list[str], start: int, end: int, g: Gazetteer) -> int:
    """Tokens of a platform closing the range ("Li Qiang Weibo [account]"): not name parts."""
    for size in (2, 1):
        if end - size > start and tuple(texts[end - size : end]) in g.platforms:
            return size
    return 0


def person_candidates(
    state: DocState, gaz: list[GazMatch], titles: list[TitlePhrase]
) -> list[NameCandidate]:
    """Every person-name candidate of the doc (overlapping; ``dedupe_candidates`` picks)."""
    doc, g = state.doc, state.g
    found: list[NameCandidate] = []
    for match in gaz:
        if match.label == "OFFICIAL":
            span = match.span
            if inside_longer_person(state, span) and len(span) == 1:
                continue
            off = g.official_by_form[match.form]
            found.append(NameCandidate(span.start, span.end, "official", official=off))
    for ent in state.ents:
        if ent.label_ == "PERSON":
            s, e, hon = trim(doc, ent.start, ent.end, g)
            if s < e:
                found.append(NameCandidate(s, e, "ner", honorific=hon))
    found.extend(_split_by_honorifics(state))
    found.extend(_cued_names(state, titles))
    for phrase in titles:
        s = phrase.end
        e = _name_run(doc, s, 4, g)
        if e > s and (e - s >= 2 or doc[s].ent_type_ in ("PERSON", "ORG", "")):
            found.append(NameCandidate(s, e, "title"))
        elif phrase.head in g.person_heads:
            found.extend(_apposed_after_title(doc, phrase.end, g))
    for i, text in enumerate(token_table(doc).texts):
        if text in g.honorifics and text[:2] in ("Mr", "Ms", "Mi", "Dr"):
            e = _name_run(doc, i + 1, 3, g)
            if e > i + 1:
                found.append(NameCandidate(i + 1, e, "honorific", honorific=text))
    _extend_by_known_openings(doc, found, g)
    for cand in found:
        cand.start, cand.end = _extend_hyphens(doc, cand.start, cand.end)
    return found


def _extend_by_known_openings(doc: Doc, found: list[NameCandidate], g: Gazetteer) -> None:
    """A name the model tagged without its first word, where another mention shows that word
    opening the same name ("Datuk Seri Tengku | Zafrul Abdul Aziz" and, elsewhere, "Tengku
    Zafrul"): the word belongs to the name."""
    texts = token_table(doc).texts
    openings = {(texts[c.start], texts[c.start + 1]) for c in found if c.end - c.start >= 2}
    for cand in found:
        s = cand.start
        if s == 0 or (texts[s - 1], texts[s]) not in openings:
            continue
        word = doc[s - 1]
        if word.is_title and word.is_alpha and word.text not in g.honorifics:
            cand.start = s - 1


def _split_by_honorifics(state: DocState) -> list[NameCandidate]:
    """One name the model cut in two at an honorific inside it: "Tengku Datuk | Seri |
    Zafrul Abdul Aziz" (the honorifics are dropped from the name later)."""
    doc, g = state.doc, state.g
    inner = g.in_name_honorifics
    persons = [ent for ent in state.ents if ent.label_ == "PERSON"]
    found = []
    for a, b in zip(persons, persons[1:], strict=False):
        gap = [t.text for t in doc[a.end : b.start]]
        if len(gap) > 3 or any(word not in inner for word in gap):
            continue
        if gap or doc[a.end - 1].text in inner:
            s, e, hon = trim(doc, a.start, b.end, g)
            if s < e:
                found.append(NameCandidate(s, e, "ner", honorific=hon))
    return found


#: Model labels a person's name is sometimes given ("Kemi Badenoch" as GPE).
MISTYPED_LABELS = {"GPE", "LOC", "ORG", "NORP", "FAC"}
#: Speech verbs before their subject in a quote attribution ("..., said Ibiapaba Netto").
INVERTED_SPEECH_VERBS = {"said", "says", "added", "adds", "asked", "wrote", "explained", "noted"}
#: Possessive determiners allowed before an apposition title ("..., its chief economist").
POSSESSIVE_DETERMINERS = {"its", "his", "her", "their", "our"}


def _cued_names(state: DocState, titles: list[TitlePhrase]) -> list[NameCandidate]:
    """Two- or three-word names the model typed as a place or organisation although the text
    marks a person: a known first name, an inverted quote attribution ("..., said Ibiapaba
    Netto") or an apposition title ("Kemi Badenoch, the Conservative leader, said"; "Nigeria's
    trade minister, Bola Adeyemi, said")."""
    doc, g = state.doc, state.g
    texts = token_table(doc).texts
    after_comma = {p.start: p for p in titles}
    before_comma = {p.end for p in titles if p.head in g.person_heads}
    found = []
    for ent in state.ents:
        if ent.label_ not in MISTYPED_LABELS:
            continue
        s, e, _ = trim(doc, ent.start, ent.end, g)
        if not 2 <= e - s <= 3 or not all(_name_like(doc[i], g) for i in range(s, e)):
            continue
        first = texts[s].lower()
        if (
            first in g.female_names
            or first in g.male_names
            or (s > 0 and texts[s - 1].lower() in INVERTED_SPEECH_VERBS)
            or _apposition_title(texts, e, after_comma)
            or (s > 1 and texts[s - 1] == "," and s - 1 in before_comma)  # "the minister, X,"
        ):
            found.append(NameCandidate(s, e, "cue"))
    return found


#: Tokens that close a name set off after its title ("the trade secretary, Luis Ortega, said").
APPOSITION_CLOSERS = {",", ".", ";", ")", "—", "–"}


def _apposed_after_title(doc: Doc, comma: int, g: Gazetteer) -> list[NameCandidate]:
    """A two- or three-word name set off by commas right after a title ("Canada's Minister of
    International Trade, Priya Deshmukh, said"); not the subject after an introductory phrase
    ("After meeting the president, Lula Silva flew home")."""
    if comma >= len(doc) or doc[comma].text != ",":
        return []
    s = comma + 1
    e = _name_run(doc, s, 3, g)
    if e - s < 2 or e >= len(doc) or doc[e].text not in APPOSITION_CLOSERS:
        return []
    if any(doc[i].lower_ in g.heads for i in range(s, e)):
        return []
    return [NameCandidate(s, e, "cue")]


def _apposition_title(texts: list[str], end: int, titles: dict[int, TitlePhrase]) -> bool:
    """True when token ``end`` starts ", [the|a] [its|X's] <title>" ("..., the Conservative
    leader", "..., the group's executive director")."""
    if end >= len(texts) or texts[end] != ",":
        return False
    k = end + 1
    if k < len(texts) and texts[k].lower() in ("the", "a", "an"):
        k += 1
    if k < len(texts) and texts[k].lower() in POSSESSIVE_DETERMINERS:
        k += 1
    elif k + 1 < len(texts) and texts[k + 1] in POSSESSIVES:  # "the group's executive director"
        k += 2
    return k in titles


def _name_run(doc: Doc, start: int, words: int, g: Gazetteer) -> int:
    """End of the run of up to ``words`` name-like words starting at token ``start`` (honorifics
    written inside a name, "Datuk Seri", do not count)."""
    inner = g.in_name_honorifics
    e, count = start, 0
    while e < len(doc) and count < words and _name_like(doc[e], g):
        count += doc[e].text not in inner
        e += 1
        while e < len(doc) - 1 and _joined(doc, e):
            e += 2
    return e


def _name_like(tok: Token, g: Gazetteer) -> bool:
    text = tok.text
    if (text,) in g.platforms:  # "his official Facebook page"
        return False
    return bool(
        NAME_TOKEN.match(text)
        and text[0].isupper()
        and not (len(text) > 2 and text.isupper())
        and text.lower() not in g.not_person_words
        and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X", "VERB")
    ) or bool(INITIAL.match(text))


def dedupe_candidates(cands: list[NameCandidate]) -> list[NameCandidate]:
    """Keep the longest candidate at each position (ties: official > title > ner)."""
    rank = {"official": 0, "title": 1, "honorific": 2, "ner": 3, "cue": 3, "surname": 4}
    cands.sort(key=lambda c: (-(c.end - c.start), rank[c.source], c.start))
    used: set[int] = set()
    kept: list[NameCandidate] = []
    for c in cands:
        if any(i in used for i in range(c.start, c.end)):
            continue
        used.update(range(c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)
