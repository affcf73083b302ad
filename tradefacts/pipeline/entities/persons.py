"""Persons of one doc: full names define the people, then surnames, "Mr X" and aliases are
linked to them (within-article mention resolution).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..document import EntityInfo, Mention, doc_text
from .gazetteer import Gazetteer, Official, official_by_spelling, person_slug
from .lines import blocked
from .org_context import thing_context
from .person_names import NameCandidate, dedupe_candidates, name_tokens_ok, person_candidates, trim
from .roles import assign_roles
from .state import DocState, GazMatch, PersonRecord, TitlePhrase
from .tokens import APOSTROPHES, char_range, clean_name, in_ranges, token_table, tokens_text

FAMILY_FIRST_COUNTRIES = {"CHN", "KOR", "PRK", "TWN"}


def add_persons(state: DocState, gaz: list[GazMatch], titles: list[TitlePhrase]) -> None:
    """Find person names, cluster them within the doc and add entities + mentions."""
    doc = state.doc
    candidates = person_candidates(state, gaz, titles)
    things = _things(state, candidates)
    accepted: list[NameCandidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        start_char, end_char = char_range(doc, cand.start, cand.end)
        if blocked(state, start_char, end_char):
            continue
        if _model_only(cand) and tokens_text(doc, cand.start, cand.end) in things:
            continue
        if any(i in state.gaz_tokens for i in range(cand.start, cand.end)):
            continue
        words = doc_text(doc)[start_char:end_char].split()
        confirmed = cand.official is not None or cand.source in ("title", "honorific")
        if not name_tokens_ok(state, words, confirmed):
            continue
        accepted.append(cand)
    accepted = dedupe_candidates(accepted)
    headline = [c for c in accepted if _in_headline(state, c)]
    body = [c for c in accepted if not _in_headline(state, c)]
    # full names first (define the people), then single tokens
    full = [c for c in body if c.end - c.start >= 2 or (c.official and " " in c.official.name)]
    for cand in full:
        _register_full(state, cand)
    for cand in body:
        _link_candidate(state, cand, allow_new=True)
    for cand in headline:
        _link_candidate(state, cand, allow_new=False)
    assign_roles(state, titles)
    _scan_surnames(state)
    for person in state.persons.values():
        info = state.entities[person.id]
        info.role = info.role or person.role
        info.country = info.country or person.country


def _model_only(cand: NameCandidate) -> bool:
    """A name only the model calls a person (no title, honorific or known official)."""
    return cand.source == "ner" and cand.honorific is None and cand.official is None


def _things(state: DocState, candidates: list[NameCandidate]) -> set[str]:
    """Names the model alone calls persons that some context shows to be things (companies,
    brands, papers), unless another candidate of the same name is marked as a person."""
    doc = state.doc
    things, persons = set(), set()
    for cand in candidates:
        text = tokens_text(doc, cand.start, cand.end)
        if not _model_only(cand):
            persons.add(text)
        elif thing_context(doc, cand.start, cand.end, state.g):
            things.add(text)
    return things - persons


def _in_headline(state: DocState, cand: NameCandidate) -> bool:
    doc = state.doc
    start = token_table(doc).starts
    return in_ranges(state.headline_lines, start[cand.start], start[cand.end - 1] + 1)


def _register_full(state: DocState, cand: NameCandidate) -> None:
    """Create the person a full-name candidate names (merging "Donald J. Trump"/"Donald Trump")."""
    doc, g = state.doc, state.g
    text = clean_name(tokens_text(doc, cand.start, cand.end))
    official = cand.official or g.official_by_form.get(text) or official_by_spelling(text)
    name = official.name if official else without_name_honorifics(g, text, min_words=1)
    tokens = tuple(name.split())
    if len(tokens) < 2:
        return
    for person in state.persons.values():
        if (
            same_person(person.tokens, tokens)
            or particle_surname(g, person.tokens, tokens)
            or leading_part(person.tokens, tokens)
        ):
            if len(tokens) > len(person.tokens) and not person.official and not official:
                pass  # keep the first full form as canonical: ids stay stable
            return
        if leading_part(tokens, person.tokens) and not person.official:
            # "Tengku Zafrul" then "Tengku Zafrul Abdul Aziz": one person, named by the fuller
            # name (no mention points to the person yet: full names are registered first)
            del state.persons[person.id], state.entities[person.id]
            person.id, person.name, person.tokens = person_slug(name), name, tokens
            state.persons[person.id] = person
            state.entities[person.id] = EntityInfo(id=person.id, name=name, type="person")
            return
    pid = person_slug(name)
    gender = _gender_of(state, tokens[0], cand.honorific, official)
    record = PersonRecord(
        id=pid,
        name=name,
        tokens=tokens,
        official=official,
        country=official.country if official else None,
        gender=gender,
    )
    state.persons[pid] = record
    state.entities[pid] = EntityInfo(id=pid, name=name, type="person")


def particle_surname(g: Gazetteer, full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """True when ``part`` is the particle surname ending ``full`` ("Da Silva", "von der Leyen"
    of "Luiz Inácio Lula da Silva", "Ursula von der Leyen"), in any capitalisation."""
    if len(part) >= len(full) or part[0].lower() not in g.particles:
        return False
    return [t.lower() for t in full[-len(part) :]] == [t.lower() for t in part]


def without_name_honorifics(g: Gazetteer, name: str, min_words: int = 2) -> str:
    """``name`` without the honorifics written inside it ("Tengku Datuk Seri Zafrul Abdul Aziz"
    -> "Tengku Zafrul Abdul Aziz"; "Datuk Seri Faridah" -> "Faridah"), when at least
    ``min_words`` name words remain."""
    kept: list[str] = []
    dropped_last = False
    for word in name.split():
        drop = word in g.name_honorifics or (dropped_last and word in g.name_honorifics_after)
        if not drop:
            kept.append(word)
        dropped_last = drop
    return " ".join(kept) if len(kept) >= min_words else name


def leading_part(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """True when ``part`` (two or more words) opens a name of four or more ("Tengku Zafrul" of
    "Tengku Zafrul Abdul Aziz": names with no surname the way English ones have)."""
    if len(full) < 4 or not 2 <= len(part) < len(full):
        return False
    return [t.lower() for t in full[: len(part)]] == [t.lower() for t in part]


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Full names naming the same person: same first and last token ("Donald J. Trump")."""
    return a[0].lower() == b[0].lower() and a[-1].lower() == b[-1].lower()


def _gender_of(
    state: DocState, first: str, honorific: str | None, official: Official | None
) -> str | None:
    g = state.g
    if official and official.gender:
        return official.gender
    if honorific in g.female_honorifics:
        return "f"
    if honorific in g.male_honorifics:
        return "m"
    low = first.lower()
    if low in g.female_names:
        return "f"
    if low in g.male_names:
        return "m"
    return None


def _find_person(state: DocState, tokens: tuple[str, ...]) -> PersonRecord | None:
    """The doc's person a name (full or partial) refers to."""
    if not tokens:
        return None
    persons = list(state.persons.values())
    if len(tokens) >= 2:
        for p in persons:
            if same_person(p.tokens, tokens) or particle_surname(state.g, p.tokens, tokens):
                return p
        for p in persons:  # "Jae-myung Lee" / middle names: last token + first initial
            if p.tokens[-1] == tokens[-1] and p.tokens[0][:1] == tokens[0][:1]:
                return p
        for p in persons:  # "Tengku Zafrul" of "Tengku Zafrul Abdul Aziz", either way round
            if leading_part(p.tokens, tokens) or leading_part(tokens, p.tokens):
                return p
        return None
    word = tokens[0]
    for p in reversed(persons):
        if p.tokens[-1] == word or " ".join(p.tokens[1:]) == word:
            return p
    for p in reversed(persons):  # family name first: "Xi", "Lee"
        if p.tokens[0] == word and len(p.tokens) >= 2:
            if p.official is not None and word in p.official.aliases:
                return p
            if _family_first(p):
                return p
    for p in persons:  # particles: "von der Leyen"
        if p.official is not None and word in p.official.aliases:
            return p
    return _by_given_name(persons, word)


def _by_given_name(persons: list[PersonRecord], word: str) -> PersonRecord | None:
    """The one person whose given name is ``word`` ("Mr Pichai", "Keir"); None when the article
    names several people with that given name."""
    named = [p for p in persons if len(p.tokens) >= 2 and p.tokens[0] == word]
    return named[0] if len(named) == 1 else None


def _family_first(p: PersonRecord) -> bool:
    """Names written family name first ("Lee Jae-myung", "He Lifeng")."""
    if len(p.tokens) < 2 or len(p.tokens) > 3:
        return False
    if p.official is not None and p.tokens[0] in p.official.aliases:
        return True
    return "-" in p.tokens[-1] or p.country in FAMILY_FIRST_COUNTRIES


def _link_candidate(state: DocState, cand: NameCandidate, allow_new: bool) -> None:
    """Add the mention of one candidate, creating a surname-only person when needed."""
    doc, g = state.doc, state.g
    text = clean_name(tokens_text(doc, cand.start, cand.end))
    tokens = tuple(without_name_honorifics(g, text, min_words=1).split())
    person = _find_person(state, tokens)
    official = cand.official
    if person is None and official is None and len(tokens) >= 2:
        official = official_by_spelling(text)  # "Maros Sefkovic"
    if person is None and official is not None:
        if allow_new or state.persons:
            _register_official(state, official)
            person = state.persons.get(person_slug(official.name))
    if person is None and len(tokens) == 1:
        official = g.official_by_form.get(tokens[0])
        if official is not None:
            _register_official(state, official)
            person = state.persons.get(person_slug(official.name))
    if person is None:
        if not allow_new or len(tokens) != 1 or cand.source == "ner" and not _solo_ok(state, cand):
            return
        pid = person_slug(text)
        person = PersonRecord(
            id=pid,
            name=text,
            tokens=tokens,
            gender=_gender_of(state, "", cand.honorific, None),
        )
        state.persons[pid] = person
        state.entities[pid] = EntityInfo(id=pid, name=text, type="person")
    if person.gender is None and cand.honorific:
        person.gender = _gender_of(state, "", cand.honorific, None)
    kind = _mention_kind(person, tokens)
    _add_person_mention(state, person, cand.start, cand.end, kind)


def _solo_ok(state: DocState, cand: NameCandidate) -> bool:
    """A lone NER PERSON word with no full name in the article becomes a person only when it
    looks like a surname and the model tags it PERSON at least twice (one stray tag on a
    brand or a capitalised word is too weak)."""
    tok = state.doc[cand.start]
    if tok.pos_ != "PROPN" or tok.text.lower() in state.g.not_person_words:
        return False
    if state.solo_counts is None:
        state.solo_counts = {}
        for ent in state.ents:
            if ent.label_ == "PERSON":
                key = ent.text.translate(APOSTROPHES).removesuffix("'s")
                state.solo_counts[key] = state.solo_counts.get(key, 0) + 1
    return state.solo_counts.get(tok.text, 0) >= 2


def _register_official(state: DocState, official: Official) -> None:
    pid = person_slug(official.name)
    if pid in state.persons:
        return
    tokens = tuple(official.name.split())
    state.persons[pid] = PersonRecord(
        id=pid,
        name=official.name,
        tokens=tokens,
        official=official,
        country=official.country,
        gender=official.gender,
    )
    state.entities[pid] = EntityInfo(id=pid, name=official.name, type="person")


def _mention_kind(person: PersonRecord, tokens: tuple[str, ...]) -> str:
    if len(tokens) >= 2:
        return "name"
    if len(tokens) == 1 and tokens[0] in person.tokens:
        return "surname"
    return "alias"


def _add_person_mention(
    state: DocState, person: PersonRecord, start: int, end: int, kind: str
) -> None:
    doc = state.doc
    for i in range(start, end):
        state.taken.add(i)
    state.mentions.append(Mention(*char_range(doc, start, end), person.id, kind))


def _scan_surnames(state: DocState) -> None:
    """Catch surname mentions the model missed or tagged ORG/GPE ("Bessent has said")."""
    doc = state.doc
    surnames: dict[str, PersonRecord] = {}
    for p in state.persons.values():
        surnames.setdefault(p.tokens[-1], p)
        if _family_first(p):
            surnames.setdefault(p.tokens[0], p)
        if p.official:
            for alias in p.official.aliases:
                if " " not in alias:
                    surnames.setdefault(alias, p)
    for word, person in _given_names_used_alone(state).items():
        surnames.setdefault(word, person)
    if not surnames:
        return
    hyphenated = {word.split("-")[0]: word for word in surnames if "-" in word.strip("-")}
    for i, text in enumerate(token_table(doc).texts):
        end = i + 1
        if text in hyphenated and text not in surnames:  # "Keller-Sutter": three tokens
            end = _tokens_spelling(doc, i, hyphenated[text])
            text = hyphenated[text] if end > i else text
        if text not in surnames or i in state.taken or i in state.gaz_tokens:
            continue
        tok = doc[i]
        if tok.is_stop or not text[:1].isupper():
            continue
        ent = state.person_ent(i)
        if ent is not None and _trimmed_len(state, ent) > end - i:
            continue  # part of another person's name ("Melania Trump")
        if blocked(state, tok.idx, doc[end - 1].idx + len(doc[end - 1])):
            continue
        _add_person_mention(state, surnames[text], i, end, "surname")


def _tokens_spelling(doc: Doc, start: int, word: str) -> int:
    """The end of the tokens from ``start`` that spell ``word`` exactly, else ``start``."""
    text, at = "", doc[start].idx
    for i in range(start, min(len(doc), start + 7)):
        token = doc[i]
        if token.idx != at + len(text) or (i > start and doc[i - 1].whitespace_):
            return start
        text += token.text
        if text == word:
            return i + 1
        if not word.startswith(text):
            return start
    return start


def _given_names_used_alone(state: DocState) -> dict[str, PersonRecord]:
    """Given names the article already uses alone for one person ("Mr Pichai"): its other
    bare uses name that person too."""
    text = doc_text(state.doc)
    persons = list(state.persons.values())
    found: dict[str, PersonRecord] = {}
    for m in state.mentions:
        person = state.persons.get(m.entity_id)
        if person is None or m.kind != "surname" or len(person.tokens) < 2:
            continue
        word = text[m.start : m.end].split()[-1]
        if word == person.tokens[0] and _by_given_name(persons, word) is person:
            found[word] = person
    return found


def _trimmed_len(state: DocState, ent: Span) -> int:
    s, e, _ = trim(state.doc, ent.start, ent.end, state.g)
    return e - s
