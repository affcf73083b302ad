"""The tense of the clause governing a span: what tf_dates resolves relative dates with.

past, future, present, or near (a future seen from the past: "would", "agreed to meet"). The
verb lists are data (data/dates.json: future_lemmas, reported_future_lemmas).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from .data_files import read_table
from .dateparsing import Tense
from .document import doc_text

_AUX_PAST = {"was", "were", "had", "has", "have", "did", "'d", "’d"}
_AUX_WILL = {"will", "'ll", "’ll", "shall", "wo"}
_SCHEDULED = {"scheduled", "set", "slated", "due", "poised"}
_AUX_MODAL = {"can", "could", "may", "might", "must", "should", "ca"}

__all__ = ["Tense", "governing_verb", "tense_of_span", "verb_tense"]


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    """The dates data file (the tense lemma lists are read from it)."""
    data: dict[str, Any] = read_table("dates.json")
    return data


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause ``token`` belongs to (walking up the parse), or None."""
    current = token
    for _ in range(10):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def verb_tense(verb: Token, depth: int = 0) -> Tense:
    """Tense of ``verb``'s clause: past, future, present, or near (future seen from the past)."""
    t = tables()
    aux = _aux_words(verb)
    if aux & _AUX_WILL:
        return "future"
    if "would" in aux:
        return "near"
    if aux & _AUX_MODAL:
        return "future"
    if verb.tag_ == "VB" and "to" in aux:
        head = verb.head
        if head.i == verb.i or depth > 4:
            return "future"
        if head.lemma_.lower() in t["future_lemmas"] or head.lower_ in _SCHEDULED:
            return "future" if verb_tense(head, depth + 1) != "past" else "near"
        if head.lemma_.lower() in t["reported_future_lemmas"]:
            return "near"
        head_tense = verb_tense(head, depth + 1) if head.pos_ in ("VERB", "AUX") else "near"
        return "near" if head_tense == "past" else head_tense
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if aux & _AUX_PAST or not aux:
            return "past"
        if verb.lemma_.lower() in t["future_lemmas"] or verb.lower_ in _SCHEDULED:
            return "future"
        return "present"
    if verb.tag_ == "VBG":
        if aux & {"was", "were"}:
            return "past"
        if aux & {"is", "are", "am", "'s", "'re", "’s", "’re"}:
            return "future"
        head = verb.head
        if head.i != verb.i and head.pos_ in ("VERB", "AUX") and depth < 4:
            return verb_tense(head, depth + 1)
        return "near"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return "near"


#: Prepositions of a deadline: the date they govern ends a period whose tense it does not share.
_DEADLINE_PREPOSITIONS = frozenset({"until", "till", "through", "before", "by"})


def _reporting_verb_of(verb: Token, span: Span) -> Token | None:
    """The verb of saying a date belongs to when the parser hung it on the reported clause:
    "India said on Tuesday it would retaliate" (the date stands before the clause's subject,
    with no "that" between: the saying happened on Tuesday)."""
    head = verb.head
    if verb.dep_ != "ccomp" or not (head.i < span.start) or head.i == verb.i:
        return None
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or span.end > subjects[0].left_edge.i:
        return None
    between = span.doc[head.i + 1 : span.start]
    if any(t.dep_ == "mark" or t.lower_ == "that" for t in between):
        return None
    return head


def tense_of_span(doc: Doc, start: int, end: int, text: str | None = None) -> Tense:
    """Tense governing the local character range (a date span); ``text`` is ``doc.text``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "near"
    if span.root.head.lower_ in _DEADLINE_PREPOSITIONS and span.root.dep_ == "pobj":
        return "near"  # "halved it to 10% until 8 July": the end of a period, not the verb's time
    verb = governing_verb(span.root)
    if verb is None:
        return "near"
    verb = _reporting_verb_of(verb, span) or verb
    lo, hi = sorted((verb.idx, start))
    if hi - lo > 400 or "\n" in (doc_text(doc) if text is None else text)[lo:hi]:
        return "near"  # a parse across lines (a dateline, a list) says nothing about tense
    return verb_tense(verb)
