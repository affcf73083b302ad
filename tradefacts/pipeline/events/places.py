"""Places of events: "in"/"at"/"to" place names, destinations of travel verbs, and datelines."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..document import doc_text
from .tables import event_data

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A dateline opening a line: "BEIJING (AP) —", "ZURICH, Aug 1 -", "New Delhi:", "MEXICO CITY —".
_DATELINE_WORD = r"[A-Z][A-Za-z\u00c0-\u017f.'-]{1,20}"
DATELINE = re.compile(
    rf"(?m)^[ \t]{{0,3}}(?P<place>{_DATELINE_WORD}(?: {_DATELINE_WORD}){{0,2}})[ \t]{{0,3}}"
    r"(?:\([A-Za-z .&-]{1,30}\))?[ \t]{0,3}(?:,[^\n,]{1,25})?[ \t]{0,3}"
    r"(?:\u2014|\u2013|--|-|:)(?:[ \t]|$)"
)


def goes_to_place(verb: Token) -> bool:
    """True when the verb has a "to"/"for" phrase naming a place: "return to Seoul"."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in ("to", "for")
        and any(g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS for g in child.children)
        for child in verb.children
    )


def place_names(doc: Doc) -> dict[int, tuple[str, set[int]]]:
    """Places the model tags that follow "in"/"at"/"to": root token -> (name, token indices)."""
    places: dict[int, tuple[str, set[int]]] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "FAC", "LOC"):
            continue
        root = ent.root
        if _names_a_party(root):
            continue
        if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "to"):
            text = ent.text
            if text.lower().startswith("the "):
                text = text[4:]
            if text.strip():
                places[root.i] = (text.strip(), set(range(ent.start, ent.end)))
    return places


def _names_a_party(root: Token) -> bool:
    """True for the home of the parties a noun names, not a venue: "postal operators in
    Spain and Portugal", "officials in Peru"."""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.head.lower_ in event_data().party_nouns
        and root.ent_type_ == "GPE"
    )


def find_location(
    places: dict[int, tuple[str, set[int]]], tokens: list[Token]
) -> tuple[str | None, set[int]]:
    """The first place of the clause named with "in"/"at"/"to" ("White House"), its tokens
    (``places`` as given by ``place_names``)."""
    for token in tokens:
        if token.i in places:
            return places[token.i]
    return None, set()


def datelines(doc: Doc) -> list[tuple[int, str]]:
    """``(local offset, "country:XXX")`` of every dateline of ``doc`` whose place is known."""
    from ..entities import gazetteer

    places = gazetteer().places
    extra = event_data().dateline_cities
    found: list[tuple[int, str]] = []
    for m in DATELINE.finditer(doc_text(doc)):
        name = m["place"]
        place = places.get(name) or places.get(name.title())
        country = place.country if place is not None else extra.get(name.lower())
        if country:
            found.append((m.start("place"), f"country:{country}"))
    return found


def dateline_spans(doc: Doc) -> list[tuple[int, int]]:
    """Local character spans of the datelines of ``doc`` ("WASHINGTON, Sept. 26 -"), known
    place or not: a date there is the story's, not an event's."""
    return [m.span() for m in DATELINE.finditer(doc_text(doc))]
