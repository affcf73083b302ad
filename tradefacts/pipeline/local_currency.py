"""Which dollar a bare "$" is: the local dollar of the country the clause is about.

Canadian, Australian and other outlets write their own dollar as "$" and the US dollar as
"US$". A bare "$" amount whose clause subject is such a country ("Canada has retaliatory
tariffs on $90 billion of U.S. goods") or one of its people is that country's dollar
(``local_dollars`` in ``data/quantities.json``); every other bare "$" stays USD.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .document import EntityInfo, Mention

if TYPE_CHECKING:
    from .quantities import Found

#: Verbs above the amount that are searched for a subject.
_MAX_STEPS = 6


def localise_dollars(doc: Doc, text: str, found: list[Found], local: dict[str, str]) -> list[Found]:
    """``found`` with each bare-"$" USD amount re-read as its clause subject's local dollar."""
    if not local or not any(_bare_dollar(text, f) for f in found):
        return found
    mentions: list[Mention] = sorted(doc._.mentions or [], key=lambda m: m.start)
    infos: dict[str, EntityInfo] = doc._.entities or {}
    starts = [m.start for m in mentions]
    out = []
    for f in found:
        if _bare_dollar(text, f):
            token = _token_at(doc, f.start)
            country = _subject_country(token, mentions, starts, infos) if token else None
            if country in local:
                f = replace(f, unit=local[country])
        out.append(f)
    return out


def _bare_dollar(text: str, f: Found) -> bool:
    """True for a money amount written with a lone "$" (not "US$", "C$", "A$" ...)."""
    if f.kind != "money" or f.unit != "USD" or text[f.start : f.start + 1] != "$":
        return False
    return f.start == 0 or not text[f.start - 1].isalpha()


def _token_at(doc: Doc, start: int) -> Token | None:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _subject_country(
    token: Token, mentions: list[Mention], starts: list[int], infos: dict[str, EntityInfo]
) -> str | None:
    """The country of the subject of the nearest verb above ``token`` that has one."""
    cur = token
    for _ in range(_MAX_STEPS):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ not in {"VERB", "AUX"}:
            continue
        subject = next((c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return _country_of(subject, mentions, starts, infos)
    return None


def _country_of(
    subject: Token, mentions: list[Mention], starts: list[int], infos: dict[str, EntityInfo]
) -> str | None:
    """The country a subject token names (a country, a demonym, or a person's country)."""
    k = bisect.bisect_right(starts, subject.idx) - 1
    if k < 0 or mentions[k].end <= subject.idx:
        return None
    entity = mentions[k].entity_id
    if entity.startswith("country:"):
        return entity.split(":", 1)[1]
    info = infos.get(entity)
    return info.country if info is not None else None
