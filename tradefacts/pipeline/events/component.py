"""Pipeline component tf_events: trade events (meetings, talks rounds, speeches, lawsuits...).

How an event is read:

1. **Triggers** come from ``data/events.json``: verb lemmas ("meet", "sue"), nouns
   ("talks", "summit", "lawsuit") and phrases ("second round", "spoke to reporters",
   "by phone", "Liberation Day"). Weak triggers ("said", "posted", "stated", "discussions")
   only count when a date attaches to them. Triggers inside quotations of four or more words
   are skipped (the speaker's tense and dates, not the article's).
2. **Clause.** From the trigger we climb the dependency tree through nouns, prepositions and
   ``xcomp`` verbs up to the clause head (a root, ``ccomp``, ``advcl``, ``relcl``, ``conj``
   verb...). The clause is the head's subtree on the trigger's line, minus embedded clauses
   that do not contain the trigger ("flanked by" participles stay). Triggers of one type
   family sharing a clause head make one event; a purpose infinitive of another trigger
   ("will travel to Ottawa to meet Carney") joins it. A trigger noun that only frames another
   clause ("After the meeting, X told reporters", "advantage from its negotiations") reads
   only its own phrase.
3. **Participants** are the person and country mentions (``doc._.mentions``) of the clause,
   minus prepositional phrases that frame or comment ("according to", "on tariffs", "of ..."),
   minus the location, minus country words that only modify a non-party noun ("EU tariffs").
   Announcements and speeches take only the verb's subject (the announcer). Subjects and
   possessives without a mention (pronouns, titles) go through ``entities.resolve_person``;
   "the two sides" -> the article's two most-mentioned countries, as does a participant-less
   "next round" / "second meeting". A clause without its own subject borrows the governing
   clause's subject ("Speaking to reporters, Ishiba said..."; relative clauses take their head).
4. **Date** is the ``doc._.dates`` mention inside the clause (or a participle on its nouns:
   "a letter posted on Wednesday") nearest the trigger in the tree, else one modifying a
   governing clause of the same sentence (not for planned events). A date that modifies another
   trigger's noun belongs to that trigger. ``date_text`` is the date mention's text.
5. **Status** is ``planned`` for modals (will, would), planning verbs ("set to", "scheduled",
   "invited", "agreed to hold"), planning modifiers ("next round") and dates after the
   reference date or worded as future ("next week"); else ``occurred``.
6. **Clustering** inside the article: mentions of one happening become one event (same type
   family, agreeing status and dates, a shared person, or shared countries when one side names
   no person; an undated, untimed mention of talks joins the dated talks of the same countries).
   Participants are united and every mention is kept as evidence.
7. **Kept** are events with a participant that are placed in time (a date or date words) or
   planned: an undated past happening is background, not an event of the article.

Evidence is the clause span (its first to its last token), so two events of one sentence keep
separate evidence. Triggers inside page clutter never give evidence, but a clutter mention
(a photo caption) may lend its date to the event it clusters with.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, POS, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ...models import Evidence, TradeEvent
from ..document import DateMention, doc_text, evidence, in_clutter, register_extensions

#: Dependency labels at which the climb from a trigger to its clause head stops.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "acl", "csubj", "pcomp"})
#: Children whose subtree is a separate clause, cut out of a clause they do not lead to.
EMBEDDED_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "acl", "csubj"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod", "poss", "nummod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "i", "we", "his"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
#: Types that may describe the same happening (a "meeting" reported elsewhere as "talks").
TYPE_FAMILY = {"meeting": "talks", "negotiation": "talks"}
#: Words that make a talks trigger a session of the article's own ongoing talks ("next round",
#: "a second meeting", "the joint review of the pact"): their parties are its main countries.
ROUND_WORDS = frozenset(
    {"round", "next", "second", "third", "further", "another", "new", "joint", "review"}
)
#: Types whose participants are the verb's subject only (the announcer, the speaker).
SPEAKER_TYPES = frozenset({"announcement", "speech"})
MAX_SENTENCE_TOKENS = 160
MAX_TRIGGERS_PER_SENTENCE = 6
MAX_TRIGGERS = 800
TYPE_PRIORITY = ("lawsuit", "speech", "visit", "meeting", "negotiation", "announcement", "other")


@dataclass(frozen=True)
class EventData:
    """The trigger and cue tables of ``data/events.json``."""

    verbs: dict[str, str]
    weak_verbs: frozenset[str]
    nouns: dict[str, str]
    weak_nouns: frozenset[str]
    phrases: dict[str, str]
    planned_modals: frozenset[str]
    planned_verbs: frozenset[str]
    planned_modifiers: frozenset[str]
    planned_date_words: tuple[str, ...]
    party_nouns: frozenset[str]
    two_sides: tuple[str, ...]
    excluded_preps: frozenset[str]
    framing_preps: frozenset[str]
    companion_verbs: frozenset[str]
    named_dates: dict[str, Date]
    institution_nouns: frozenset[str]
    dateline_cities: dict[str, str]
    destination_verbs: frozenset[str]
    collective_nouns: frozenset[str]


@lru_cache(maxsize=1)
def event_data() -> EventData:
    """The event tables, loaded once."""
    raw: dict[str, Any] = json.loads(
        resources.files("tradefacts.pipeline").joinpath("data/events.json").read_text("utf-8")
    )
    return EventData(
        verbs=dict(raw["verbs"]),
        weak_verbs=frozenset(raw["weak_verbs"]),
        nouns=dict(raw["nouns"]),
        weak_nouns=frozenset(raw["weak_nouns"]),
        phrases=dict(raw["phrases"]),
        planned_modals=frozenset(raw["planned_modals"]),
        planned_verbs=frozenset(raw["planned_verbs"]),
        planned_modifiers=frozenset(raw["planned_modifiers"]),
        planned_date_words=tuple(raw["planned_date_words"]),
        party_nouns=frozenset(raw["party_nouns"]),
        two_sides=tuple(raw["two_sides"]),
        excluded_preps=frozenset(raw["excluded_preps"]),
        framing_preps=frozenset(raw["framing_preps"]),
        companion_verbs=frozenset(raw["companion_verbs"]),
        named_dates={k: Date.fromisoformat(v) for k, v in raw["named_dates"].items()},
        institution_nouns=frozenset(raw["institution_nouns"]),
        dateline_cities={k.lower(): v for k, v in raw["dateline_cities"].items()},
        destination_verbs=frozenset(raw["destination_verbs"]),
        collective_nouns=frozenset(raw["collective_nouns"]),
    )


@dataclass
class Trigger:
    """A word or phrase that names a happening; ``token`` is its syntactic anchor."""

    token: Token
    start: int  # token index range of the trigger words
    end: int
    type: str
    weak: bool


@dataclass
class Candidate:
    """One reading of an event from one clause, before within-article clustering."""

    type: str
    start: int  # local character span of the clause (the evidence)
    end: int
    participants: list[str]
    date: Date | None
    date_text: str | None
    status: str
    location: str | None
    clutter: bool
    weak: bool = False
    tentative: bool = False  # "occurred" only by default: no date, no past tense
    persons: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)  # countries, also those of the persons


# --- triggers --------------------------------------------------------------------------------


def build_phrase_matcher(nlp: Language) -> PhraseMatcher:
    """A lower-case phrase matcher over the trigger phrases, one label per event type."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_type: dict[str, list[str]] = {}
    for phrase, etype in event_data().phrases.items():
        by_type.setdefault(etype, []).append(phrase)
    for etype, phrases in by_type.items():
        matcher.add(etype, [nlp.make_doc(p) for p in phrases])
    return matcher


#: Shorter quoted bits are scare quotes or names ("Liberation Day"), not reported speech.
MIN_QUOTE_WORDS = 4
QUOTE_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"'}


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (a quote never runs past its paragraph line)."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    closer = ""
    for i, char in enumerate(text):
        if char == "\n":
            opened = None
        elif opened is None and char in QUOTE_OPEN:
            opened, closer = i, QUOTE_OPEN[char]
        elif opened is not None and char == closer:
            if len(text[opened:i].split()) >= MIN_QUOTE_WORDS:
                ranges.append((opened, i + 1))
            opened = None
    return ranges


def _inside(ranges: list[tuple[int, int]], char: int) -> bool:
    i = bisect.bisect_right(ranges, (char, 1 << 62)) - 1
    return i >= 0 and ranges[i][0] <= char < ranges[i][1]


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
    sentence_of = sentence_of if sentence_of is not None else _sentence_starts(doc)
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
            if lemma in data.destination_verbs and not _goes_to_place(token):
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


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _goes_to_place(verb: Token) -> bool:
    """True when the verb has a "to"/"for" phrase naming a place: "return to Seoul"."""
    return any(
        child.dep_ == "prep"
        and child.lower_ in ("to", "for")
        and any(g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS for g in child.children)
        for child in verb.children
    )


def _sentence_starts(doc: Doc) -> list[tuple[int, int]]:
    """For every token: (start token of its sentence, sentence length).

    Only sentences of news length are read (hostile run-on "sentences" would cost quadratic
    time), so triggers in longer ones are dropped.
    """
    flags = doc.to_array(SENT_START)
    firsts = [0, *(int(i) for i in numpy.flatnonzero(flags == 1) if i > 0), len(doc)]
    out: list[tuple[int, int]] = []
    for first, after in zip(firsts, firsts[1:], strict=False):
        out.extend([(first, after - first)] * (after - first))
    return out


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


# --- clause ----------------------------------------------------------------------------------


def clause_head(token: Token) -> Token:
    """The head of the clause ``token`` belongs to (stops at clause-level dependencies)."""
    current = token
    for _ in range(40):
        if current.dep_ in CLAUSE_DEPS or current.head.i == current.i:
            return current
        if current.dep_ == "conj" and current.pos_ in ("VERB", "AUX"):
            return current
        current = current.head
    return current


def under_framing_prep(token: Token, data: EventData) -> bool:
    """True when a trigger noun only frames another clause: "after the meeting", "ahead of
    talks", "advantage from its negotiations"."""
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ in ("pobj", "pcomp") and head.lower_ in data.framing_preps:
            return True
        if current.dep_ in ("pobj", "pcomp") and head.lower_ in ("of", "to"):
            if head.head.lower_ in data.framing_preps:
                return True
        if current.dep_ not in ("pobj", "pcomp", "prep", "compound", "amod"):
            return False
        current = head
    return False


def path_to(head: Token, token: Token) -> set[int]:
    """Indices of the tokens from ``token`` up to ``head`` (inclusive)."""
    path = {token.i}
    current = token
    for _ in range(60):
        if current.i == head.i or current.head.i == current.i:
            break
        current = current.head
        path.add(current.i)
    return path


def clause_tokens(head: Token, keep: set[int]) -> list[Token]:
    """Subtree of ``head`` without embedded clauses that hold none of the ``keep`` tokens."""
    out: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if child.i not in keep and _is_embedded_clause(child) and not _companion(child):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _companion(token: Token) -> bool:
    """A participle that adds participants: "flanked by X", "accompanied by Y"."""
    return token.dep_ == "acl" and token.lemma_.lower() in event_data().companion_verbs


def _is_embedded_clause(token: Token) -> bool:
    if token.dep_ in EMBEDDED_DEPS:
        return True
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")


def same_line(tokens: list[Token], anchor: Token, newlines: list[int]) -> list[Token]:
    """The tokens on the anchor's line: a parse that runs across a line break (a headline
    glued to the next paragraph) must not join them. ``newlines``: sorted newline offsets."""
    k = bisect.bisect_left(newlines, anchor.idx)
    start = newlines[k - 1] + 1 if k > 0 else 0
    end = newlines[k] if k < len(newlines) else 1 << 62
    return [t for t in tokens if start <= t.idx < end]


def participant_tokens(tokens: list[Token], keep: set[int], triggers: set[int]) -> set[int]:
    """Clause tokens that may name participants: framing prepositional phrases removed."""
    data = event_data()
    inside = {t.i for t in tokens}
    dropped: set[int] = set()
    for token in tokens:
        if token.i in keep or token.dep_ != "prep":
            continue
        word = token.lower_
        members = word == "of" and (
            token.head.i in triggers or token.head.lemma_.lower() in data.collective_nouns
        )
        if word in data.excluded_preps and not members:
            dropped.update(t.i for t in token.subtree)
    return inside - dropped


# --- participants ----------------------------------------------------------------------------


def article_main_countries(doc: Doc) -> list[str]:
    """The two most-mentioned countries of the doc (outside clutter), most frequent first."""
    entities = doc._.entities or {}
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in doc._.mentions or []:
        info = entities.get(m.entity_id)
        if info is None or info.type != "country" or in_clutter(doc, m.start, m.end):
            continue
        counts[m.entity_id] += 1
        first.setdefault(m.entity_id, m.start)
    ranked = sorted(counts, key=lambda e: (-counts[e], first[e]))
    return ranked[:2]


def _token_index_by_char(doc: Doc) -> Callable[[int], int | None]:
    def index(char: int) -> int | None:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None and len(span) else None

    return index


@dataclass
class ArticleContext:
    """Per-doc lookups shared by all triggers of a doc."""

    doc: Doc
    mention_tokens: dict[int, list[tuple[str, str]]]  # token index -> [(entity_id, type)]
    date_roots: list[tuple[DateMention, Token]]
    main_countries: list[str]
    places: dict[int, tuple[str, set[int]]]
    sentence_of: list[tuple[int, int]]  # token index -> (sentence start, sentence length)
    newlines: list[int]  # sorted offsets of line breaks
    resolve_person: Callable[[Doc, int, int], str | None] | None
    datelines: list[tuple[int, str]] = field(default_factory=list)  # (offset, country id)
    date_starts: dict[int, DateMention] = field(default_factory=dict)  # first token -> date


def build_context(doc: Doc, sentence_of: list[tuple[int, int]] | None = None) -> ArticleContext:
    """Index mentions and dates of ``doc`` by token."""
    entities = doc._.entities or {}
    mention_tokens: dict[int, list[tuple[str, str]]] = {}
    for m in doc._.mentions or []:
        info = entities.get(m.entity_id)
        etype = info.type if info is not None else m.entity_id.split(":", 1)[0]
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            mention_tokens.setdefault(token.i, []).append((m.entity_id, etype))
    date_roots: list[tuple[DateMention, Token]] = []
    date_starts: dict[int, DateMention] = {}
    for d in doc._.dates or []:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and len(span):
            date_roots.append((d, span.root))
            date_starts.setdefault(span.start, d)
    main_countries = article_main_countries(doc)
    return ArticleContext(
        doc,
        mention_tokens,
        date_roots,
        main_countries,
        place_names(doc),
        sentence_of if sentence_of is not None else _sentence_starts(doc),
        [m.start() for m in NEWLINE.finditer(doc_text(doc))],
        _resolver(),
        datelines(doc),
        date_starts,
    )


NEWLINE = re.compile("\n")
#: A dateline opening a line: "BEIJING (AP) —", "ZURICH, Aug 1 -", "New Delhi:", "MEXICO CITY —".
_DATELINE_WORD = r"[A-Z][A-Za-z\u00c0-\u017f.'-]{1,20}"
DATELINE = re.compile(
    rf"(?m)^[ \t]{{0,3}}(?P<place>{_DATELINE_WORD}(?: {_DATELINE_WORD}){{0,2}})[ \t]{{0,3}}"
    r"(?:\([A-Za-z .&-]{1,30}\))?[ \t]{0,3}(?:,[^\n,]{1,25})?[ \t]{0,3}"
    r"(?:\u2014|\u2013|--|-|:)(?:[ \t]|$)"
)


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


def home_country(ctx: ArticleContext, char: int) -> str | None:
    """The country of the last dateline before ``char``, else the article's main country."""
    k = bisect.bisect_right(ctx.datelines, (char, "~")) - 1
    if k >= 0:
        return ctx.datelines[k][1]
    return ctx.main_countries[0] if ctx.main_countries else None


def _resolver() -> Callable[[Doc, int, int], str | None] | None:
    """``entities.resolve_person`` when the entities stage provides it."""
    from .. import entities as entities_module

    return getattr(entities_module, "resolve_person", None)


def collect_participants(
    ctx: ArticleContext, tokens: list[Token], allowed: set[int], triggers: set[int], head: Token
) -> tuple[list[str], set[int]]:
    """Participant entity ids in ``allowed`` tokens (text order) and the tokens they came from."""
    data = event_data()
    found: list[str] = []
    used: set[int] = set()
    for token in tokens:
        if token.i not in allowed:
            continue
        for entity_id, etype in ctx.mention_tokens.get(token.i, []):
            if etype == "person" or (
                etype == "country" and _country_takes_part(token, triggers, ctx, data)
            ):
                if entity_id not in found:
                    found.append(entity_id)
                used.add(token.i)
    text = " ".join(t.lower_ for t in tokens if t.i in allowed)
    if any(phrase in text for phrase in data.two_sides):
        for code in ctx.main_countries:
            if code not in found:
                found.append(code)
    unresolved = [s for s in _subjects(head) if s.i in allowed and not _names_party(ctx, s)]
    unresolved += [
        t
        for t in tokens
        if t.i in allowed
        and t.i not in ctx.mention_tokens
        and t.dep_ == "poss"
        and t.lower_ in POSSESSIVE_PRONOUNS
        and (t.head.i in triggers or t.head.dep_ in SUBJECT_DEPS)
    ]
    for subject in unresolved:
        person = _resolve(ctx, subject)
        ids = [person] if person else institution_countries(ctx, subject, head)
        found.extend(i for i in ids if i not in found)
    return found, used


def _names_party(ctx: ArticleContext, token: Token) -> bool:
    """True when ``token`` itself is (part of) a person or country mention."""
    return any(etype in ("person", "country") for _, etype in ctx.mention_tokens.get(token.i, []))


def institution_countries(ctx: ArticleContext, subject: Token, head: Token) -> list[str]:
    """Countries a government-like subject stands for: "Beijing", "the Chinese commerce
    ministry", "the European Commission"; an unqualified "the government" / "the ministry" is
    the government of the person whose words report it, else of the article's home country."""
    data = event_data()
    phrase = clause_tokens(subject, {subject.i})
    infos = ctx.doc._.entities or {}
    countries: list[str] = []
    institutional = any(t.lemma_.lower() in data.institution_nouns for t in phrase)
    for token in phrase:
        for entity_id, etype in ctx.mention_tokens.get(token.i, []):
            info = infos.get(entity_id)
            country = getattr(info, "country", None)
            metonym = etype == "place" and token.i == subject.i
            if country and (institutional or metonym) and etype in ("organization", "place"):
                code = f"country:{country}"
                if code not in countries:
                    countries.append(code)
    if countries or not institutional:
        return countries
    reporter = _reporting_person_country(ctx, head)
    home = reporter or home_country(ctx, subject.idx)
    return [home] if home else []


def _reporting_person_country(ctx: ArticleContext, head: Token) -> str | None:
    """``country:XXX`` of the person whose reported words the clause ``head`` is:
    "Parmelin said the government would convene ..." -> Parmelin's country."""
    infos = ctx.doc._.entities or {}
    current = head
    for _ in range(3):
        if current.dep_ not in ("ccomp", "parataxis") or current.head.i == current.i:
            return None
        current = current.head
        for subject in _subjects(current):
            for entity_id, etype in ctx.mention_tokens.get(subject.i, []):
                country = getattr(infos.get(entity_id), "country", None)
                if etype == "person" and country:
                    return f"country:{country}"
    return None


def _country_takes_part(
    token: Token, triggers: set[int], ctx: ArticleContext, data: EventData
) -> bool:
    """A country word counts unless it only modifies a non-party noun ("EU tariffs")."""
    if token.dep_ not in ("compound", "amod", "poss", "nmod"):
        return True
    head = token.head
    for _ in range(3):
        if head.i in triggers or head.lower_ in data.party_nouns:
            return True
        if any(etype == "person" for _, etype in ctx.mention_tokens.get(head.i, [])):
            return True
        if head.dep_ not in ("compound", "amod") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _subjects(head: Token) -> list[Token]:
    return [c for c in head.children if c.dep_ in SUBJECT_DEPS]


def _resolve(ctx: ArticleContext, token: Token) -> str | None:
    """Person id for a pronoun or title subject, via ``entities.resolve_person``."""
    if ctx.resolve_person is None:
        return None
    span = ctx.doc[token.left_edge.i : token.right_edge.i + 1]
    if token.lower_ in PERSONAL_PRONOUNS:
        span = ctx.doc[token.i : token.i + 1]
    try:
        person = ctx.resolve_person(ctx.doc, span.start_char, span.end_char)
    except Exception:  # a helper stage failing must not lose the event
        return None
    return person if person and person.startswith("person:") else None


def borrowed_subject(ctx: ArticleContext, head: Token) -> list[str]:
    """Participants of the governing clause's subject, for clauses without one of their own."""
    if _subjects(head) and not all(s.lower_ in RELATIVE_PRONOUNS for s in _subjects(head)):
        return []
    if head.dep_ == "acl" and head.tag_ == "VBN":
        # "a letter posted on Wednesday": the noun is what was posted; the poster is the
        # subject of the clause that names the letter
        return _subject_ids(ctx, clause_head(head.head))
    if head.dep_ in ("relcl", "acl"):
        antecedent = head.head
        ids = _entity_ids_at(ctx, antecedent)
        if not ids:  # "a committee that is due to meet": the government behind the body
            ids = institution_countries(ctx, antecedent, clause_head(antecedent))
        return ids
    current = head
    for _ in range(3):
        if current.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or current.head.i == current.i:
            return []
        current = current.head
        if _subjects(current):
            return _subject_ids(ctx, current)
    return []


def _subject_ids(ctx: ArticleContext, head: Token) -> list[str]:
    """Person/country ids of the subjects of clause ``head`` (pronouns and titles resolved)."""
    ids: list[str] = []
    for s in _subjects(head):
        ids.extend(_entity_ids_at(ctx, s) or ([p] if (p := _resolve(ctx, s)) else []))
    return ids


def _entity_ids_at(ctx: ArticleContext, token: Token) -> list[str]:
    """Person/country ids of mentions on the phrase headed by ``token`` (its name, not clauses)."""
    ids: list[str] = []
    stack = [token]
    while stack:
        t = stack.pop()
        for entity_id, etype in ctx.mention_tokens.get(t.i, []):
            if etype in ("person", "country") and entity_id not in ids:
                ids.append(entity_id)
        stack.extend(c for c in t.children if c.dep_ not in EMBEDDED_DEPS and c.dep_ != "prep")
    return ids


# --- date, location, status ------------------------------------------------------------------


def tree_distance(a: Token, b: Token) -> int:
    """Number of edges between two tokens of one sentence."""
    up_a = [a, *a.ancestors]
    depth = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return n + depth[t.i]
    return 99


def attach_date(
    ctx: ArticleContext,
    trigger: Token,
    head: Token,
    inside: set[int],
    planned: bool,
    others: set[int] = frozenset(),  # type: ignore[assignment]
) -> DateMention | None:
    """The date mention of the clause nearest the trigger, else one on a governing clause.

    A date that modifies another trigger's noun ("the April 2 tariff announcement") belongs
    to that trigger (``others``), not to this one.
    """
    local = [
        (d, r)
        for d, r in ctx.date_roots
        if r.i in inside and not (r.head.i in others and r.dep_ in NOUN_MODIFIER_DEPS)
    ]
    if local:
        nearest = min(
            local, key=lambda dr: (tree_distance(trigger, dr[1]), abs(dr[1].i - trigger.i))
        )
        return nearest[0]
    adjacent = ctx.date_starts.get(trigger.i + 1)
    if adjacent is not None and trigger.pos_ == "VERB":
        # "said on Monday it had ...": the parser often hangs the date on the reported clause
        return adjacent
    if planned:
        return None
    governing = _date_lenders(head)
    for d, root in ctx.date_roots:
        same_sentence = ctx.sentence_of[root.i][0] == ctx.sentence_of[head.i][0]
        if same_sentence and clause_head(root).i in governing:
            return d
    return None


def _date_lenders(head: Token) -> set[int]:
    """Clause heads above ``head`` whose date also times it. A reporting tag ("..., the
    ministry said") is not timed by the words it reports, nor is a conjunct with a subject of
    its own ("X was announced last month, and Japan has held six rounds") by its sibling."""
    lenders: set[int] = set()
    current = head
    for _ in range(40):
        if current.head.i == current.i or current.dep_ == "parataxis":
            break
        if current.dep_ == "conj" and _subjects(current):
            break
        current = current.head
        lenders.add(current.i)
    return lenders


def place_names(doc: Doc) -> dict[int, tuple[str, set[int]]]:
    """Places the model tags that follow "in"/"at"/"to": root token -> (name, token indices)."""
    places: dict[int, tuple[str, set[int]]] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "FAC", "LOC"):
            continue
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "to"):
            text = ent.text
            if text.lower().startswith("the "):
                text = text[4:]
            if text.strip():
                places[root.i] = (text.strip(), set(range(ent.start, ent.end)))
    return places


def find_location(ctx: ArticleContext, tokens: list[Token]) -> tuple[str | None, set[int]]:
    """The first place of the clause named with "in"/"at"/"to" ("White House"), its tokens."""
    for token in tokens:
        if token.i in ctx.places:
            return ctx.places[token.i]
    return None, set()


def is_planned(
    ctx: ArticleContext, trigger: Token, head: Token, path: set[int], when: DateMention | None
) -> bool:
    """True for future, modal or intended happenings."""
    data = event_data()
    doc = ctx.doc
    for i in path | {head.i}:
        token = doc[i]
        lemma = token.lemma_.lower()
        if lemma in data.planned_verbs and any(c.dep_ == "xcomp" for c in token.children):
            return True
        if lemma in ("schedule", "set", "slate", "due") and token.tag_ == "VBN":
            return True
        if lemma == "invite":
            return True
        for child in token.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in data.planned_modals:
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and token.i != head.i:
                continue
            if child.dep_ in ("amod", "compound") and child.lower_ in data.planned_modifiers:
                return True
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in data.planned_verbs:
        return True
    if when is not None:
        reference = doc._.reference_date
        if when.date is not None and reference is not None:
            return bool(when.date > reference)
        lowered = when.text.lower()
        return any(word in lowered for word in data.planned_date_words)
    return False


# --- candidates ------------------------------------------------------------------------------


def candidates(
    doc: Doc, triggers: list[Trigger], sentence_of: list[tuple[int, int]] | None = None
) -> list[Candidate]:
    """One candidate per clause that holds triggers and names at least one participant."""
    data = event_data()
    ctx = build_context(doc, sentence_of)
    trigger_tokens = {i for t in triggers for i in range(t.start, t.end)} | {
        t.token.i for t in triggers
    }
    by_token = {t.token.i: t for t in triggers}
    grouped: dict[tuple[int, str], list[Trigger]] = {}
    isolated: list[Trigger] = []
    for trig in triggers:
        if trig.token.pos_ in ("NOUN", "PROPN") and under_framing_prep(trig.token, data):
            isolated.append(trig)
            continue
        grouped.setdefault(_group_key(trig, by_token), []).append(trig)
    out: list[Candidate] = []
    for (head_i, _), group in grouped.items():
        cand = _candidate(ctx, doc[head_i], group, trigger_tokens)
        if cand is not None:
            out.append(cand)
    for trig in isolated:
        cand = _isolated_candidate(ctx, trig, trigger_tokens)
        if cand is not None:
            out.append(cand)
    return out


def _group_key(trig: Trigger, by_token: dict[int, Trigger]) -> tuple[int, str]:
    """(clause head, type family) of a trigger; a purpose infinitive of another trigger
    ("will travel to Edinburgh to meet producers") joins that trigger's event."""
    head = clause_head(trig.token)
    governor = by_token.get(head.head.i)
    is_purpose = head.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    )
    if is_purpose and governor is not None and governor is not trig:
        return clause_head(governor.token).i, _family(governor.type)
    return head.i, _family(trig.type)


def _candidate(
    ctx: ArticleContext, head: Token, group: list[Trigger], trigger_tokens: set[int]
) -> Candidate | None:
    """The candidate of the triggers of one clause (one type family), or None."""
    main = min(group, key=lambda t: (TYPE_PRIORITY.index(t.type), t.start))
    keep: set[int] = set()
    for trig in group:
        keep |= path_to(head, trig.token)
    tokens = same_line(clause_tokens(head, keep), main.token, ctx.newlines)
    inside = {t.i for t in tokens}
    location, place_tokens = find_location(ctx, tokens)
    allowed = participant_tokens(tokens, keep, trigger_tokens) - place_tokens
    if main.type in SPEAKER_TYPES and main.token.pos_ == "VERB":
        allowed = _speaker_tokens(main.token, allowed)
    participants, _ = collect_participants(ctx, tokens, allowed, trigger_tokens, head)
    for entity_id in borrowed_subject(ctx, head):
        if entity_id not in participants:
            participants.append(entity_id)
    planned = is_planned(ctx, main.token, head, keep, None)
    own = {i for t in group for i in range(t.start, t.end)}
    dated_inside = inside | _participle_tokens(tokens, inside)
    when = attach_date(ctx, main.token, head, dated_inside, planned, trigger_tokens - own)
    if not planned:
        planned = is_planned(ctx, main.token, head, keep, when)
    if not participants and _is_round(main) and (planned or when is not None):
        # "the next round of negotiations will take place by the end of the month": the
        # article's own negotiation, between its two main countries
        participants = list(ctx.main_countries) if len(ctx.main_countries) == 2 else []
    if not participants:
        return None
    return _make_candidate(ctx, main, tokens, participants, when, planned, location, group)


def _participle_tokens(tokens: list[Token], inside: set[int]) -> set[int]:
    """Tokens of participles on the clause's nouns: "a letter posted on Wednesday"."""
    out: set[int] = set()
    for token in tokens:
        for child in token.children:
            if child.dep_ == "acl" and child.i not in inside and child.tag_ == "VBN":
                out.update(t.i for t in child.subtree)
    return out


def _speaker_tokens(verb: Token, allowed: set[int]) -> set[int]:
    """For "X announced ... to Y": only the subject's tokens (whoever announces or speaks);
    all ``allowed`` tokens when the verb has no subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "agent"]
    if not subjects and verb.dep_ == "xcomp":  # object control: "led Ishiba to declare"
        subjects = [c for c in verb.head.children if c.dep_ == "dobj"]
    if not subjects:
        return allowed
    return {t.i for s in subjects for t in s.subtree} & allowed


def _is_round(trig: Trigger) -> bool:
    """A further session of the ongoing talks: "next round", "a second meeting"."""
    if trig.type not in ("negotiation", "meeting"):
        return False
    words = {t.lower_ for t in trig.token.doc[trig.start : trig.end]}
    words |= {c.lower_ for c in trig.token.children if c.dep_ in ("amod", "compound")}
    return bool(words & ROUND_WORDS)


def _isolated_candidate(
    ctx: ArticleContext, trig: Trigger, trigger_tokens: set[int]
) -> Candidate | None:
    """A trigger noun under a temporal preposition: only what its own phrase says."""
    tokens = same_line(clause_tokens(trig.token, {trig.token.i}), trig.token, ctx.newlines)
    inside = {t.i for t in tokens}
    allowed = participant_tokens(tokens, {trig.token.i}, trigger_tokens)
    participants, _ = collect_participants(ctx, tokens, allowed, trigger_tokens, trig.token)
    if not participants:
        return None
    local = [(d, r) for d, r in ctx.date_roots if r.i in inside]
    when = local[0][0] if local else None
    planned = is_planned(ctx, trig.token, trig.token, {trig.token.i}, when)
    return _make_candidate(ctx, trig, tokens, participants, when, planned, None, [trig])


def _make_candidate(
    ctx: ArticleContext,
    main: Trigger,
    tokens: list[Token],
    participants: list[str],
    when: DateMention | None,
    planned: bool,
    location: str | None,
    group: list[Trigger],
) -> Candidate:
    doc = ctx.doc
    start, end = _trimmed_span(doc, tokens)
    etype = main.type
    if etype == "negotiation" and any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for c in main.token.children
    ):
        etype = "meeting"
    persons = {p for p in participants if p.startswith("person:")}
    infos = doc._.entities or {}
    parties = {p for p in participants if p.startswith("country:")}
    for person in persons:
        country = getattr(infos.get(person), "country", None)
        if country:
            parties.add(f"country:{country}")
    day, day_text = (when.date, when.text) if when is not None else named_date(doc, group)
    return Candidate(
        type=etype,
        start=start,
        end=end,
        participants=participants,
        date=day,
        date_text=day_text,
        status="planned" if planned else "occurred",
        location=location,
        clutter=any(in_clutter(doc, doc[t.start].idx, doc[t.end - 1].idx + 1) for t in group),
        weak=all(t.weak for t in group) and day is None and not _names_a_day(when),
        tentative=not planned and day is None and not _past_tense(tokens, main.token),
        parties=parties,
        persons=persons,
    )


def _names_a_day(when: DateMention | None) -> bool:
    """True for a day expression ("Monday", "on Tuesday night") even when no reference date
    resolves it: merge can pin it from other articles."""
    return when is not None and (when.weekday is not None or when.granularity == "day")


def _past_tense(tokens: list[Token], trigger: Token) -> bool:
    """True when the trigger or a verb governing it is in a past form ("met", "has held")."""
    chain = [trigger, *trigger.ancestors]
    inside = {t.i for t in tokens}
    for token in chain:
        if token.i not in inside:
            break
        if token.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in token.children
        ):
            return True
    return False


def named_date(doc: Doc, group: list[Trigger]) -> tuple[Date | None, str | None]:
    """The date a trigger phrase names by itself ("Liberation Day"), else (None, None)."""
    named = event_data().named_dates
    for trig in group:
        span = doc[trig.start : trig.end]
        if span.text.lower() in named:
            return named[span.text.lower()], span.text
    return None, None


def _trimmed_span(doc: Doc, tokens: list[Token]) -> tuple[int, int]:
    """Character span from the first to the last token, without edge punctuation."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)] or tokens
    first, last = words[0], words[-1]
    return first.idx, last.idx + len(last.text)


# --- clustering ------------------------------------------------------------------------------


@dataclass
class Cluster:
    """Candidates read as one happening."""

    members: list[Candidate]

    @property
    def date(self) -> Date | None:
        return next((m.date for m in self.members if m.date is not None), None)

    @property
    def persons(self) -> set[str]:
        return set().union(*(m.persons for m in self.members))

    @property
    def parties(self) -> set[str]:
        return set().union(*(m.parties for m in self.members))

    @property
    def status(self) -> str:
        firm = [m for m in self.members if not m.tentative] or self.members
        return firm[0].status


def _family(etype: str) -> str:
    return TYPE_FAMILY.get(etype, etype)


def _times_agree(cluster: Cluster, cand: Candidate) -> bool:
    """Dates agree: equal days, equal vague wording, or one side gives no time at all."""
    if cand.date_text is None:
        return True
    if cand.date is not None:
        if cluster.date is not None:
            return cluster.date == cand.date
        return not any(m.date_text for m in cluster.members)
    if cluster.date is not None:
        return False  # "next week" is not the dated happening
    texts = {m.date_text.lower() for m in cluster.members if m.date_text}
    return not texts or cand.date_text.lower() in texts


def _status_agrees(cluster: Cluster, cand: Candidate) -> bool:
    if cand.tentative or all(m.tentative for m in cluster.members):
        return True
    return cluster.status == cand.status


def _different_countries(
    named_a: set[str], parties_a: set[str], named_b: set[str], parties_b: set[str]
) -> bool:
    """True when both sides name countries and neither side's countries take part in the other
    (a person's country counts as taking part)."""
    if not named_a or not named_b or named_a & named_b:
        return False
    return not (named_a <= parties_b or named_b <= parties_a)


def _compatible(cluster: Cluster, cand: Candidate) -> bool:
    """True when ``cand`` may be another mention of the happening of ``cluster``."""
    if _family(cluster.members[0].type) != _family(cand.type):
        return False
    if not _status_agrees(cluster, cand) or not _times_agree(cluster, cand):
        return False
    cluster_countries = {
        p for m in cluster.members for p in m.participants if p.startswith("country:")
    }
    cand_countries = {p for p in cand.participants if p.startswith("country:")}
    if _different_countries(cluster_countries, cluster.parties, cand_countries, cand.parties):
        return False  # "talks with Japan" and "talks with Korea" are two happenings
    if cluster.persons & cand.persons:
        return True
    if cluster.persons and cand.persons:
        # different people: only an undated, unplaced-in-time mention of the same countries'
        # talks joins a dated happening ("Akazawa met top U.S. officials in Washington")
        undated = cand.date is None and cand.date_text is None and cluster.date is not None
        talks = _family(cand.type) == "talks"
        return talks and undated and bool(cluster.parties & cand.parties)
    if cluster.parties & cand.parties:
        return True
    same_day = cand.date is not None and cluster.date == cand.date
    return same_day


def cluster_candidates(cands: Iterable[Candidate]) -> list[Cluster]:
    """Group candidates of one happening: dated ones first, then undated join the best match."""
    ordered = sorted(cands, key=lambda c: (c.date is None, c.tentative, c.clutter, c.start))
    clusters: list[Cluster] = []
    for cand in ordered:
        matches = [c for c in clusters if _compatible(c, cand)]
        if not matches:
            clusters.append(Cluster([cand]))
            continue
        best = max(
            matches,
            key=lambda c: (
                len(c.persons & cand.persons),
                len(c.parties & cand.parties),
                c.date is not None,
                c.status == cand.status,
                -c.members[0].start,
            ),
        )
        best.members.append(cand)
    return clusters


def cluster_event(doc: Doc, cluster: Cluster) -> TradeEvent | None:
    """The event of a cluster, or None when all its mentions sit in page clutter."""
    grounded = [m for m in cluster.members if not m.clutter]
    if not grounded or all(m.weak for m in cluster.members):
        return None
    timed = any(m.date_text for m in cluster.members)
    if not timed and cluster.status == "occurred":
        return None  # a past happening the article does not place in time is background
    members = sorted(cluster.members, key=lambda m: m.start)
    dated = next((m for m in cluster.members if m.date is not None), None)
    texted = dated or next((m for m in members if m.date_text), None)
    participants: list[str] = []
    for m in sorted(grounded, key=lambda m: m.start) + [m for m in members if m.clutter]:
        participants.extend(p for p in m.participants if p not in participants)
    types = [m.type for m in grounded]
    etype = min(types, key=lambda t: (-types.count(t), TYPE_PRIORITY.index(t)))
    location = next((m.location for m in grounded if m.location), None)
    proofs: list[Evidence] = sorted(
        {evidence(doc, m.start, m.end) for m in grounded},
        key=lambda e: (e.start, e.end),
    )
    return TradeEvent(
        type=etype,  # type: ignore[arg-type]
        date=dated.date if dated else None,
        date_text=texted.date_text if texted else None,
        status=cluster.status,  # type: ignore[arg-type]
        participants=tuple(participants),
        location=location,
        evidence=tuple(proofs),
    )


# --- component -------------------------------------------------------------------------------


def extract_events(doc: Doc, matcher: PhraseMatcher) -> list[TradeEvent]:
    """The trade events of ``doc`` (clustered within the doc), in text order."""
    if not doc.has_annotation("DEP") or not len(doc):
        return []
    sentence_of = _sentence_starts(doc)
    triggers = find_triggers(doc, matcher, sentence_of)
    if not triggers:
        return []
    clusters = cluster_candidates(candidates(doc, triggers, sentence_of))
    events = [cluster_event(doc, c) for c in clusters]
    found = [e for e in events if e is not None]
    return sorted(found, key=lambda e: (e.evidence[0].start, e.evidence[0].end))


class EventsComponent:
    """The ``tf_events`` pipe: stores ``doc._.events``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = build_phrase_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc._.events = extract_events(doc, self.matcher)
        return doc


@Language.factory("tf_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    """Factory for the ``tf_events`` pipe."""
    return EventsComponent(nlp)
