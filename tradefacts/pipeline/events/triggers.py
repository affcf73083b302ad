"""Event triggers: the words and phrases of ``data/events.json`` that name a happening.

Verb lemmas ("meet", "sue"), nouns ("talks", "summit") and phrases ("second round", "by phone")
are matched outside quotations (a quote's tense and dates are the speaker's, not the article's)
and outside run-on "sentences" too long to be news text; weak triggers ("said", "posted") only
count later when a date attaches to them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..document import doc_text
from ..quotes import quoted_ranges
from .context import sentence_starts
from .places import goes_to_place
from .tables import EventData, event_data

MAX_SENTENCE_TOKENS = 160
MAX_TRIGGERS_PER_SENTENCE = 6
MAX_TRIGGERS = 800


@dataclass
class Trigger:
    """A word or phrase that names a happening; ``token`` is its syntactic anchor."""

    token: Token
    start: int  # token index range of the trigger words
    end: int
    type: str
    weak: bool


def build_phrase_matcher(nlp: Language) -> PhraseMatcher:
    """A lower-case phrase matcher over the trigger phrases, one label per event type."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_type: dict[str, list[str]] = {}
    for phrase, etype in event_data().phrases.items():
        by_type.setdefault(etype, []).append(phrase)
    for etype, phrases in by_type.items():
        matcher.add(etype, [nlp.make_doc(p) for p in phrases])
    return matcher


def find_triggers(
    doc: Doc, matcher: PhraseMatcher, sentence_of: list[tuple[int, int]] | None = None
) -> list[Trigger]:
    """Trigger phrases and words of ``doc`` outside quotations; a token is in one trigger.

    Events told inside a quote are the speaker's words: their tense and dates are the
    speaker's, not the article's, so they are left to the statements stage.
    """
    data = event_data()
    columns = doc.to_array([POS, LEMMA, LOWER, IDX])
    starts = columns[:, 3]
    taken: set[int] = set()
    for a, b in quoted_ranges(doc_text(doc)):
        lo, hi = numpy.searchsorted(starts, [a, b], side="left")
        taken.update(range(int(lo), int(hi)))
    sentence_of = sentence_of if sentence_of is not None else sentence_starts(doc)
    for first, size in set(sentence_of):
        if size > MAX_SENTENCE_TOKENS:
            taken.update(range(first, first + size))
    found: list[Trigger] = []
    spans = [Span(doc, s, e, label=label) for label, s, e in matcher(doc)]
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        anchor = _phrase_anchor(span, data)
        taken.update(range(span.start, span.end))
        weak = anchor.lower_ in data.weak_nouns or anchor.lemma_.lower() in data.weak_verbs
        found.append(Trigger(anchor, span.start, span.end, span.label_, weak))
    for i in _trigger_word_candidates(doc, columns, data):
        if i in taken:
            continue
        token = doc[i]
        lower, lemma = token.lower_, token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in data.verbs:
            if lemma in data.destination_verbs and not goes_to_place(token):
                continue
            etype, weak = data.verbs[lemma], lemma in data.weak_verbs
        elif token.pos_ in ("NOUN", "PROPN") and lower in data.nouns:
            etype, weak = data.nouns[lower], lower in data.weak_nouns
        else:
            continue
        found.append(Trigger(token, token.i, token.i + 1, etype, weak))
    return _capped(sorted(found, key=lambda t: t.start), sentence_of)


def _trigger_word_candidates(doc: Doc, columns: Any, data: EventData) -> list[int]:
    """Indices of the tokens whose lemma may be a trigger verb or whose form a trigger noun
    (decided per distinct string, so the Python work scales with the vocabulary, not the doc)."""
    strings = doc.vocab.strings
    lemmas = [h for h in numpy.unique(columns[:, 1]) if strings[int(h)].lower() in data.verbs]
    lowers = [h for h in numpy.unique(columns[:, 2]) if strings[int(h)] in data.nouns]
    mask = numpy.isin(columns[:, 1], lemmas) | numpy.isin(columns[:, 2], lowers)
    return [int(i) for i in numpy.flatnonzero(mask)]


def _capped(triggers: list[Trigger], sentence_of: list[tuple[int, int]]) -> list[Trigger]:
    """At most a few triggers per sentence and a bounded number per doc."""
    per_sentence: Counter[int] = Counter()
    kept: list[Trigger] = []
    for trig in triggers:
        sent_start = sentence_of[trig.token.i][0]
        if per_sentence[sent_start] < MAX_TRIGGERS_PER_SENTENCE:
            per_sentence[sent_start] += 1
            kept.append(trig)
    return kept[:MAX_TRIGGERS]


def _phrase_anchor(span: Span, data: EventData) -> Token:
    """The token of a trigger phrase that carries it in the tree (its verb, else its noun)."""
    for token in span:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() not in ("be", "have"):
            return token
    for token in reversed(span):
        if token.lower_ in data.nouns or token.lower_ in ("round", "dinner", "conference"):
            return token
    return span.root
