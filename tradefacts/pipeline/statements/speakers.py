"""Speakers: the entity a cue's subject refers to.

A name is looked up among the doc's mentions (its apposition first: "the minister, Jane Doe,");
a pronoun takes the latest person subject before it; a bare title ("the trade minister") takes
the person a recent subject names with that title, else ``entities.resolve_person``. Countries
and organisations speak too ("Beijing said", "the ministry said"). When the parse lost the
cue's subject, the person (or body) named just before the cue speaks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..document import in_clutter, mentions_in, phrase_start
from .cues import SUBJECT_DEPS, cues, is_cue
from .frame import RUN, Frame, sentence_of
from .institutions import institution_speaker

NAME_DEPS = {"compound", "flat", "det", "amod", "poss", "case", "nmod", "punct"}
MAX_LOOKBACK_SENTENCES = 4
MAX_LOOKBACK_TOKENS = 200
SUBJECT_FALLBACK_CHARS = 80
BODY_FALLBACK_CHARS = 30


def _name_start(tok: Token) -> int:
    """Index of the first token of the name phrase headed by ``tok``."""
    return phrase_start(tok, NAME_DEPS)


def _name_span(tok: Token) -> tuple[int, int]:
    """Char range of the name phrase headed by ``tok`` ("U.S. President Donald Trump")."""
    return tok.doc[_name_start(tok)].idx, tok.idx + len(tok)


def _person_resolver() -> Callable[[Doc, int, int], str | None] | None:
    """``entities.resolve_person`` once the entities component provides it."""
    from .. import entities

    found: Any = getattr(entities, "resolve_person", None)
    return found if callable(found) else None


def subject_speaker(
    doc: Doc, subject: Token, pronouns: frozenset[str], frame: Frame, institutions: bool = True
) -> str | None:
    """Entity id the subject token refers to: a person, else a country or organisation, else
    (with ``institutions``) the institution the subject phrase names ("the Swiss government")."""
    if subject.lower_ in pronouns:
        found = _antecedent(subject, pronouns, frame)
        if found:
            return found
    elif (subject.lemma_ or subject.lower_).lower() in _DOCUMENT_NOUNS:
        found = document_author(doc, subject, pronouns, frame)
        if found:
            return found
    elif _is_title_subject(subject):
        found = _title_mention(doc, subject) or _title_antecedent(subject, frame)
        if found:
            return found
    elif subject.lower_ == "it" and institutions:
        return _body_antecedent(subject, pronouns, frame)
    found = _named_speaker(doc, subject, pronouns)
    if found is None and institutions and subject.lower_ not in pronouns:
        found = institution_speaker(subject, cues())
    return found


def _body_antecedent(pronoun: Token, pronouns: frozenset[str], frame: Frame) -> str | None:
    """The body an "it" reporting verb points back to: the subject of the latest reporting
    verb before it, outside quotation marks, that names an organisation or a country ("..., the
    ministry said. '...,' it added"; "The ministry said the levy was unfair. 'We will respond,'
    it added": the quote's own "We ... respond" is no reporting verb of the text); a writing
    ("the statement said") is its author's, a person's office ("Carney's office said") the
    person's."""
    c = cues()
    for sent in _lookback(pronoun):
        for tok in sorted((t for t in sent if t.i < pronoun.i), key=lambda t: -t.i):
            if tok.dep_ not in SUBJECT_DEPS or not is_cue(tok.head, c.verbs) or tok.lower_ == "it":
                continue
            if frame.quoted[tok.i]:
                continue
            found = _named_speaker(pronoun.doc, tok, pronouns, use_resolver=False)
            if found is None and tok.lower_ not in pronouns:
                found = institution_speaker(tok, c)
            if found is None and (tok.lemma_ or tok.lower_).lower() in _DOCUMENT_NOUNS:
                return document_author(pronoun.doc, tok, pronouns, frame)  # "the statement said"
            if found and not found.startswith("person:"):
                return found
            if found and tok.pos_ == "NOUN" and any(ch.dep_ == "poss" for ch in tok.children):
                return found  # "Carney's office said ...": a body of the person, speaking as them
            return None  # the latest reporting verb's subject is a person: not "it"
    return None


#: Nouns of writings whose words are their author's: "the letter said", "the post read".
_DOCUMENT_NOUNS = frozenset(
    {"letter", "post", "memo", "message", "note", "tweet", "missive", "statement"}
)
#: Writings an institution issues as itself ("China's finance ministry said in a statement").
_INSTITUTION_WRITINGS = frozenset({"statement", "letter", "note"})
#: How far back (tokens) a writing is looked for when the quote names it only as "the letter".
_DOCUMENT_REACH = 150


def document_author(doc: Doc, subject: Token, pronouns: frozenset[str], frame: Frame) -> str | None:
    """The person whose writing the subject is: its possessor ("Trump's letter"), or, for "the
    letter said", the writer of the same writing named before ("a letter posted by Trump",
    "Trump sent a letter")."""
    word = (subject.lemma_ or subject.lower_).lower()
    for i in range(subject.i, max(-1, subject.i - _DOCUMENT_REACH), -1):
        tok = doc[i]
        if (tok.lemma_ or tok.lower_).lower() != word:
            continue
        for writer in _writers(tok):
            found = (
                _antecedent(writer, pronouns, frame)
                if writer.lower_ in pronouns
                else _named_speaker(doc, writer, pronouns)
            )
            if found and found.startswith("person:"):
                return found
            if word in _INSTITUTION_WRITINGS and writer.lower_ not in pronouns:
                body = institution_speaker(writer, cues())  # "the ministry said in a statement"
                if body:
                    return body
    return None


def _writers(writing: Token) -> Iterator[Token]:
    """Tokens that may name who wrote ``writing``: its possessor, the agent of a participle on
    it ("posted by"), the subject of the verb it is the object of ("Trump sent a letter")."""
    yield from (c for c in writing.children if c.dep_ == "poss")
    for clause in writing.subtree:  # "a letter to X posted by Y" (the parse may hang it on X)
        if clause.dep_ == "acl":
            for agent in clause.children:
                if agent.dep_ == "agent":
                    yield from (c for c in agent.children if c.dep_ == "pobj")
    if writing.dep_ in {"dobj", "pobj"}:
        verb = writing.head if writing.dep_ == "dobj" else writing.head.head
        yield from (c for c in verb.children if c.dep_ == "nsubj")


def _is_title_subject(subject: Token) -> bool:
    """A common-noun subject such as "the trade minister" (the parser may tag a title PROPN)."""
    if any(t.pos_ == "PROPN" for t in subject.lefts):
        return False
    return subject.pos_ == "NOUN" or subject.pos_ == "PROPN" and subject.is_lower


def _title_mention(doc: Doc, subject: Token) -> str | None:
    """The person the entities layer resolved the title phrase to (it weighs roles, recency and
    who else the clause names), when it made a title mention there."""
    start, end = _name_span(subject)
    found = [m for m in mentions_in(doc, start, end, "person") if m.kind == "title"]
    return found[-1].entity_id if found else None


def _lookback(tok: Token) -> Iterator[Span]:
    """The text before ``tok`` sentence by sentence, newest first: its own sentence up to it,
    then up to MAX_LOOKBACK_SENTENCES earlier ones, MAX_LOOKBACK_TOKENS tokens at most."""
    doc = tok.doc
    floor = max(0, tok.i - MAX_LOOKBACK_TOKENS)
    end = tok.i
    for _ in range(MAX_LOOKBACK_SENTENCES + 1):
        if end <= floor:
            return
        start = max(sentence_of(doc[end - 1]).start, floor)
        yield doc[start:end]
        end = start


def _title_antecedent(title: Token, frame: Frame) -> str | None:
    """The person a recent sentence's subject names with the same title: "the trade minister"
    -> "Trade Minister Park Seong-ho, who ..., said" or "The minister, Priya Castellano, said"."""
    doc = frame.doc
    words = _title_words(title)
    for sent in _lookback(title):
        for tok in sent:
            if tok.i >= title.i or frame.quoted[tok.i] or not _is_topic(tok):
                continue
            phrase = [tok, *(c for c in tok.children if c.dep_ == "appos")]
            titles = {t.lemma_.lower() for n in phrase for t in doc[_name_start(n) : n.i + 1]}
            if not words <= titles:
                continue
            for named in reversed(phrase):
                found = _person_of(doc, *_name_span(named), None)
                if found:
                    return found
    return None


def _is_topic(tok: Token) -> bool:
    """True for a sentence subject, or a noun phrase opening a line (spaCy may attach that
    one to an unpunctuated headline above it instead of making it the subject)."""
    if tok.dep_ in SUBJECT_DEPS:
        return True
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in NAME_DEPS:
        return False
    first = tok.doc[_name_start(tok)]
    if first.i == 0:
        return True
    before = tok.doc[first.i - 1]
    return before.is_space and "\n" in before.text


def _title_words(title: Token) -> set[str]:
    """Lemmas of a title phrase without its determiner ("the trade minister" -> trade, minister)."""
    doc = title.doc
    return {
        t.lemma_.lower()
        for t in doc[_name_start(title) : title.i + 1]
        if t.dep_ not in ("det", "poss", "case", "punct")
    }


def _antecedent(pronoun: Token, pronouns: frozenset[str], frame: Frame) -> str | None:
    """The person a "he"/"she" subject points back to (memoised per pronoun)."""
    memo = RUN.antecedents if RUN.doc is pronoun.doc else {}
    if pronoun.i not in memo:
        memo[pronoun.i] = _find_antecedent(pronoun, pronouns, frame)
    return memo[pronoun.i]


def _find_antecedent(pronoun: Token, pronouns: frozenset[str], frame: Frame) -> str | None:
    """The latest person subject before the pronoun; per sentence, the subject of a reporting
    verb first, then the main clause's."""
    doc = frame.doc
    for sent in _lookback(pronoun):
        subjects = [
            t
            for t in sent
            if t.i < pronoun.i
            and _is_topic(t)
            and not frame.quoted[t.i]
            and t.lower_ not in pronouns
            and not in_clutter(doc, t.idx, t.idx + len(t))
        ]
        verbs = cues().verbs
        subjects.sort(
            key=lambda t: (
                # who said it first ("Trump linked X to Y, LeBlanc said. '...,' he said"),
                not (t.dep_ in SUBJECT_DEPS and is_cue(t.head, verbs)),
                # then the main clause's subject
                t.dep_ not in SUBJECT_DEPS or t.head.dep_ != "ROOT",
                -t.i,
            )
        )
        for t in subjects:  # only a title needs the (slower) resolver; names have mentions
            found = _named_speaker(doc, t, pronouns, use_resolver=t.pos_ == "NOUN")
            if found and found.startswith("person:"):
                return found
    return None


def _named_speaker(
    doc: Doc, subject: Token, pronouns: frozenset[str], use_resolver: bool = True
) -> str | None:
    """Entity id of a subject phrase: a person (its apposition first), a country or an org."""
    resolve = _person_resolver() if use_resolver else None
    appositions = [c for c in subject.children if c.dep_ == "appos"]
    own = mentions_in(doc, subject.idx, subject.idx + len(subject), "person")
    if appositions and subject.pos_ == "PROPN" and own:
        # "said Eric Miller, president of X": the subject is itself a name; its apposition
        # describes that person, whoever else a bare "president" would mean
        return own[-1].entity_id
    for token in [*appositions, subject]:
        found = _person_of(doc, *_name_span(token), resolve)
        if found and token is subject and _is_object_nearby(found, subject):
            return None  # "alongside Mr Modi, the prime minister said": not Modi
        if found:
            return found
    if subject.lower_ in pronouns and _person_resolver() is None:
        return _previous_person(doc, subject.idx)
    ents = doc._.entities or {}
    for m in mentions_in(doc, subject.idx, subject.idx + len(subject)):
        info = ents.get(m.entity_id)
        if info is not None and info.type in ("country", "organization"):
            return m.entity_id
    return None


def _is_object_nearby(person: str, subject: Token) -> bool:
    """True when ``person`` is named as a prepositional object earlier in the subject's sentence.

    A title or pronoun subject then refers to someone else ("After meeting Mr Kim, the president
    said"), whatever the most recent matching mention is.
    """
    doc = subject.doc
    sent = sentence_of(subject)
    own_start = doc[_name_start(subject)].idx  # the subject's own phrase is not "nearby"
    for m in mentions_in(doc, sent.start_char, own_start):
        if m.entity_id != person or m.end > own_start:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "pobj":
            return True
    return False


def _person_of(
    doc: Doc, start: int, end: int, resolve: Callable[[Doc, int, int], str | None] | None
) -> str | None:
    """The person entity id of the char range: a person mention in it, else the resolver's
    answer (titles such as "the trade minister")."""
    people = mentions_in(doc, start, end, "person")
    if people:
        return people[-1].entity_id
    if resolve is None:
        return None
    memo = RUN.resolved if RUN.doc is doc else {}
    if (start, end) not in memo:
        try:
            memo[(start, end)] = resolve(doc, start, end)
        except Exception:  # noqa: BLE001 - a failing resolver must not lose the quote
            memo[(start, end)] = None
    found: str | None = memo[(start, end)]
    return found


def _previous_person(doc: Doc, before: int) -> str | None:
    """The person mentioned last before local char ``before`` (outside clutter)."""
    ents = doc._.entities or {}
    best = None
    for m in doc._.mentions or []:
        if m.end <= before and ents.get(m.entity_id) is not None:
            if ents[m.entity_id].type == "person" and not in_clutter(doc, m.start, m.end):
                if best is None or m.start > best.start:
                    best = m
    return best.entity_id if best is not None else None


def person_before(cue: Token, frame: Frame, region: tuple[int, int]) -> str | None:
    """A person named just before the cue verb, for parses that lost its subject.

    spaCy runs an unpunctuated headline into the next paragraph, so the parsed subject can sit
    in another paragraph; then "The minister, Jane Doe, said" still names Jane Doe.
    """
    start = max(region[0], cue.idx - SUBJECT_FALLBACK_CHARS)
    ents = frame.doc._.entities or {}
    near = [
        m
        for m in mentions_in(frame.doc, start, cue.idx)
        if m.start >= start
        and m.entity_id in ents
        and not frame.quoted[frame.token_at(m.start) or 0]
    ]
    people = [m for m in near if ents[m.entity_id].type == "person"]
    if people:
        return people[-1].entity_id
    bodies = [
        m
        for m in near
        if ents[m.entity_id].type in ("country", "organization")
        and cue.idx - m.end <= BODY_FALLBACK_CHARS
    ]
    return bodies[-1].entity_id if bodies else None
