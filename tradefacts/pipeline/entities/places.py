"""Countries and places: gazetteer matches, hyphenated compounds ("U.S.-Japan") and the
model's place entities.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..document import EntityInfo, Mention
from .gazetteer import Place, slugify
from .lines import blocked
from .organizations import add_ner_org, add_org, clean_ent
from .state import DocState, GazMatch, add_entity, inside_longer_person
from .tokens import POSSESSIVES, clean_name, in_ranges, token_table

PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}
COMPOUND_SPLIT = re.compile(r"[-–—/]")


def _add_country(state: DocState, code: str, start: int, end: int, kind: str) -> None:
    eid = f"country:{code}"
    name = state.g.country_display.get(code, code)
    add_entity(state, EntityInfo(id=eid, name=name, type="country", country=code))
    state.mentions.append(Mention(start, end, eid, kind))


def _add_place(state: DocState, place: Place, start: int, end: int) -> None:
    add_entity(state, EntityInfo(id=place.id, name=place.name, type="place", country=place.country))
    state.mentions.append(Mention(start, end, place.id, "name"))


def _ambiguous_ok(state: DocState, span: Span) -> bool:
    """An ambiguous country word counts only when the model sees a place or a possessive."""
    if span.text == "Georgia":
        return _georgia_is_country(state)
    label = span[0].ent_type_
    if label in ("PERSON", "ORG"):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return label in PLACE_LABELS or (nxt is not None and nxt.text in POSSESSIVES)


def _georgia_is_country(state: DocState) -> bool:
    """ "Georgia" is the country only when the text also speaks of Tbilisi/the Caucasus."""
    if state.georgia is None:
        texts = token_table(state.doc).texts
        state.georgia = any(t in ("Tbilisi", "Georgian", "Caucasus") for t in texts)
    return state.georgia


def _us_is_pronoun(span: Span) -> bool:
    """'US' in an all-caps line is the pronoun 'us' ("LET US")."""
    doc = span.doc
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    caps = [t for t in neighbours if t.is_alpha and len(t) > 2 and t.text.isupper()]
    return bool(caps) and span[0].ent_type_ != "GPE"


def add_gazetteer_mentions(state: DocState, gaz: list[GazMatch]) -> None:
    """Mentions of the gazetteer countries, places and organisations (ambiguous words checked)."""
    g = state.g
    deferred: list[GazMatch] = []
    for match in gaz:
        span, form = match.span, match.form
        if match.label == "COUNTRY":
            if form in g.ambiguous and not _ambiguous_ok(state, span):
                if span[0].ent_type_ == "ORG":
                    deferred.append(match)  # "Peru said ...": the country, if named elsewhere
                continue
            if form == "US" and _us_is_pronoun(span):
                continue
            if inside_longer_person(state, span):
                continue
            if form == "Georgia" and not _georgia_is_country(state):
                _add_place(state, g.places["Georgia"], span.start_char, span.end_char)
                continue
            code = g.country_names[form]
            _add_country(state, code, span.start_char, span.end_char, g.country_kind[form])
            for i in range(span.start, span.end):
                state.gaz_tokens[i] = match.label
                state.country_at[i] = code
        elif match.label == "PLACE":
            place = g.places[form]
            if form in g.ambiguous and not _ambiguous_ok(state, span):
                continue
            if inside_longer_person(state, span):
                continue
            _add_place(state, place, span.start_char, span.end_char)
            for i in range(span.start, span.end):
                state.gaz_tokens[i] = match.label
                if place.metonym and place.country:
                    state.country_at[i] = place.country
        elif match.label == "ORG":
            org = g.orgs[form]
            add_org(state, org, span.start_char, span.end_char)
            for i in range(span.start, span.end):
                state.gaz_tokens[i] = match.label
                if org.country:
                    state.org_country_at[i] = org.country
    _add_named_elsewhere(state, deferred)
    _add_compound_countries(state)
    _add_defined_abbreviations(state)
    _add_initialisms(state)


def _add_defined_abbreviations(state: DocState) -> None:
    """An abbreviation a text defines after a country, "Bosnia and Herzegovina (BiH)", names
    that country wherever the text uses it."""
    doc = state.doc
    defined: dict[str, str] = {}
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or (i - 1) not in state.country_at:
            continue
        abbr = doc[i + 1]
        if i + 1 in state.gaz_tokens or not _looks_abbreviated(abbr.text):
            continue
        if not _abbreviates(abbr.text, _country_text_before(state, i - 1)):
            continue  # "Mexico, the United States, and Canada (USMCA)": not Canada's letters
        defined.setdefault(abbr.text, state.country_at[i - 1])
    if not defined:
        return
    for tok in doc:
        code = defined.get(tok.text)
        if code is None or tok.i in state.gaz_tokens or tok.i in state.taken:
            continue
        _add_country(state, code, tok.idx, tok.idx + len(tok.text), "code")
        state.gaz_tokens[tok.i] = "COUNTRY"
        state.country_at[tok.i] = code


#: Small words left out of a country's initials ("Bosnia and Herzegovina": BH).
_INITIALS_SKIP = frozenset({"and", "of", "the"})


def _add_initialisms(state: DocState) -> None:
    """Capitals that are the initials of a many-word country the text names ("SA" after
    "South Africa", "NZ" after "New Zealand") name that country, when they fit only one."""
    doc = state.doc
    named: dict[str, set[str]] = {}
    for i, code in state.country_at.items():
        if i > 0 and state.country_at.get(i - 1) == code:
            continue  # not the first token of its mention
        words = [state.doc[i].text]
        j = i + 1
        while state.country_at.get(j) == code:
            words.append(doc[j].text)
            j += 1
        words = [w for w in words if w.lower() not in _INITIALS_SKIP]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            named.setdefault("".join(w[0] for w in words), set()).add(code)
    if not named:
        return
    for tok in doc:
        codes = named.get(tok.text)
        if not codes or len(codes) != 1 or not tok.is_upper or not tok.is_alpha:
            continue
        if tok.i in state.gaz_tokens or tok.i in state.taken:
            continue
        code = next(iter(codes))
        _add_country(state, code, tok.idx, tok.idx + len(tok.text), "code")
        state.gaz_tokens[tok.i] = "COUNTRY"
        state.country_at[tok.i] = code


def _country_text_before(state: DocState, last: int) -> str:
    """The text of the country mention whose tokens end at ``last``."""
    code = state.country_at[last]
    first = last
    while first - 1 in state.country_at and state.country_at[first - 1] == code:
        first -= 1
    return state.doc[first : last + 1].text


def _abbreviates(abbr: str, name: str) -> bool:
    """True when the capitals of ``abbr`` occur in order in ``name`` ("BiH" in "Bosnia and
    Herzegovina", "PH" in "Philippines"; not "USMCA" in "Canada")."""
    letters = iter(name.lower())
    return all(c.lower() in letters for c in abbr if c.isupper())


def _looks_abbreviated(text: str) -> bool:
    """True for "BiH", "DRC", "UAE": 2-5 letters, mostly capitals, starting with one."""
    capitals = sum(c.isupper() for c in text)
    return 2 <= len(text) <= 5 and text.isalpha() and text[0].isupper() and capitals >= 2


def _add_named_elsewhere(state: DocState, deferred: list[GazMatch]) -> None:
    """An ambiguous country word the model tagged ORG ("Peru said it will impose ...", the
    government speaking) counts when the text names that country elsewhere as a country."""
    g = state.g
    named = set(state.country_at.values())
    for match in deferred:
        span, code = match.span, g.country_names[match.form]
        acting = g.country_kind[match.form] == "name" and _acts_as_party(span)
        if (code not in named and not acting) or inside_longer_person(state, span):
            continue
        if any(i in state.gaz_tokens for i in range(span.start, span.end)):
            continue
        _add_country(state, code, span.start_char, span.end_char, g.country_kind[match.form])
        for i in range(span.start, span.end):
            state.gaz_tokens[i] = match.label
            state.country_at[i] = code


def _acts_as_party(span: Span) -> bool:
    """True for a one-word name that governs a verb or owns a noun, as a government does:
    "Chile raised its duty", "Peru's tariffs"; not "Chile peppers" or "Turkey prices"."""
    if len(span) != 1:
        return False
    tok = span[0]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.pos_ == "PROPN" or nxt.text in POSSESSIVES):
        return nxt.text in POSSESSIVES
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"}


def _add_compound_countries(state: DocState) -> None:
    """Countries inside one hyphenated token: "U.S.-Japan", "US-China", "EU–UK"."""
    g = state.g
    table = token_table(state.doc)
    for i, text in enumerate(table.texts):
        if len(text) > 60 or not COMPOUND_SPLIT.search(text) or i in state.gaz_tokens:
            continue
        offset = 0
        parts = COMPOUND_SPLIT.split(text)
        codes: list[tuple[str, int, int, str]] = []
        for part in parts:
            if part in g.country_names and part not in g.ambiguous:
                start = table.starts[i] + offset
                codes.append((g.country_names[part], start, start + len(part), part))
            offset += len(part) + 1
        if not codes or (len(codes) == 1 and len(parts) > 2):
            continue
        for code, start, end, part in codes:
            _add_country(state, code, start, end, g.country_kind[part])
        state.country_at[i] = codes[0][0]


def add_ner_orgs_and_places(state: DocState) -> None:
    """Organisations and places the model finds that no earlier step claimed."""
    for ent in state.ents:
        if ent.label_ not in ("ORG", "GPE", "LOC", "FAC"):
            continue
        if any(i in state.taken or i in state.gaz_tokens for i in range(ent.start, ent.end)):
            continue
        if blocked(state, ent.start_char, ent.end_char) or any(
            i in state.country_at for i in range(ent.start, ent.end)
        ):
            continue
        if ent.label_ == "ORG":
            if not in_ranges(state.headline_lines, ent.start_char, ent.end_char):
                add_ner_org(state, ent)
        else:
            _add_ner_place(state, ent)


def _add_ner_place(state: DocState, ent: Span) -> None:
    span = clean_ent(state, ent)
    if span is None or not slugify(span.text):
        return
    text = clean_name(span.text)
    place = state.g.places.get(text) or Place(f"place:{slugify(text)}", text, None, False)
    _add_place(state, place, span.start_char, span.end_char)
