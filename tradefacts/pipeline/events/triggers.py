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
from .clause import clause_head
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
        if _named_day_in_passing(span, anchor, data):
            continue
        weak = anchor.lower_ in data.weak_nouns or anchor.lemma_.lower() in data.weak_verbs
        found.append(Trigger(anchor, span.start, span.end, span.label_, weak))
    dated = _date_start_tokens(doc)
    for i in _trigger_word_candidates(doc, columns, data):
        if i in taken or _negated(doc[i]) or _hypothetical(doc[i], data):
            continue
        token = doc[i]
        lower, lemma = token.lower_, token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in data.object_verbs:
            if not has_object(token, data.verb_objects.get(lemma, frozenset())):
                continue
            etype, weak = data.object_verbs[lemma], lemma in data.weak_verbs
        elif lower in data.start_markers:
            if not opens_date(token, dated):
                continue
            etype, weak = "other", True
        elif token.pos_ == "VERB" and lemma in data.verbs:
            if lemma in data.destination_verbs and not goes_to_place(token):
                continue
            etype, weak = data.verbs[lemma], lemma in data.weak_verbs
        elif token.pos_ in ("NOUN", "PROPN") and lower in data.nouns:
            etype, weak = data.nouns[lower], lower in data.weak_nouns
        else:
            continue
        found.append(Trigger(token, token.i, token.i + 1, etype, weak))
    return _capped(sorted(found, key=lambda t: t.start), sentence_of)


def _negated(token: Token) -> bool:
    """A verb said not to happen ("Paris would not sign the deal", "did not meet"), or one that
    only describes a noun ("a self-imposed deadline")."""
    if token.pos_ in ("VERB", "AUX") and token.dep_ in ("amod", "compound"):
        return True
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.children)


def _hypothetical(token: Token, data: EventData) -> bool:
    """A happening only said to be possible: "the data could support the president imposing
    a levy", "Lima might sue" (the verb or a verb governing it in its clause has the modal)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    head = clause_head(token)
    for current in (token, *token.ancestors):
        if any(c.dep_ == "aux" and c.lower_ in data.hypothetical_modals for c in current.children):
            return True
        if current.i == head.i:
            break
    return False


def has_object(verb: Token, objects: frozenset[str]) -> bool:
    """True when the verb's object is one of ``objects``: "signed an executive order", "the
    deal was struck", "the order signed on Tuesday" (a participle's noun is its object)."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        nouns.append(verb.head)
    nouns += [c for n in list(nouns) for c in n.children if c.dep_ == "conj"]
    return any(n.lower_ in objects or n.lemma_.lower() in objects for n in nouns)


def opens_date(marker: Token, dated: set[int]) -> bool:
    """True when a date follows a start marker: "effective August 1", "starting from Monday"."""
    doc = marker.doc
    after = marker.i + 1
    if after < len(doc) and doc[after].lower_ in ("from", "on", "in", "as"):
        after += 1
    if after < len(doc) and doc[after].lower_ == "of":  # "effective as of June 1"
        after += 1
    return after in dated


def _date_start_tokens(doc: Doc) -> set[int]:
    """First token of every ``doc._.dates`` mention."""
    starts: set[int] = set()
    for d in doc._.dates or []:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and len(span):
            starts.add(span.start)
    return starts


def _named_day_in_passing(span: Span, anchor: Token, data: EventData) -> bool:
    """A named day that only labels something else is no event of the article: "Trump's
    'Liberation Day' tariffs" (unlike "the Liberation Day announcement")."""
    if span.text.lower() not in data.named_dates:
        return False
    head = anchor.head
    return anchor.dep_ in ("compound", "nmod", "amod", "poss") and head.lower_ not in data.nouns


def _trigger_word_candidates(doc: Doc, columns: Any, data: EventData) -> list[int]:
    """Indices of the tokens whose lemma may be a trigger verb or whose form a trigger noun
    (decided per distinct string, so the Python work scales with the vocabulary, not the doc)."""
    strings = doc.vocab.strings
    verbs = data.verbs.keys() | data.object_verbs.keys()
    words = data.nouns.keys() | data.start_markers
    lemmas = [h for h in numpy.unique(columns[:, 1]) if strings[int(h)].lower() in verbs]
    lowers = [h for h in numpy.unique(columns[:, 2]) if strings[int(h)] in words]
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
