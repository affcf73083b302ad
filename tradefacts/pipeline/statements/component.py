"""Pipeline component tf_statements: direct quotations and who said them.

Quote marks are paired inside each paragraph (so an unbalanced mark never shifts the pairings of
later paragraphs), telling closing single quotes from apostrophes. A quote split around its
attribution ("...," he said, "...") and a quote running over several paragraphs become one
statement. The speaker is the subject of the cue verb that governs the quote (or of the nearest
cue verb beside it, or of the clause before an introducing colon), resolved to an entity id.
"""

from __future__ import annotations

import bisect
import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..models import Statement
from .document import doc_text, evidence, in_clutter, mentions_in, register_extensions

DOUBLE_OPEN = "“„«‹"
DOUBLE_CLOSE = "”»›"
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
QUOTE_MARK_RE = re.compile("[\"'“”„«»‹›‘’‚]")
LEFT_CONTEXT = set("([{—–-/:;") | set(DOUBLE_OPEN) | set(SINGLE_OPEN) | {'"', "'"}
RIGHT_CONTEXT = set(".,;:!?)]}—–-…") | set(DOUBLE_CLOSE) | set(SINGLE_CLOSE) | {'"', "'"}
ELISION_RE = re.compile(r"(?:\d\d?s?\b|em\b|n\b|til\b|cause\b|tis\b)", re.IGNORECASE)
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLAUSE_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl")
TERMINAL_MARKS = set(".!?:;…") | set(DOUBLE_CLOSE) | set(SINGLE_CLOSE) | {'"', "'"}
CLIMB_DEPS = ("advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "ccomp")
NAME_DEPS = {"compound", "flat", "det", "amod", "poss", "case", "nmod", "punct"}
MAX_CLIMB = 4
MAX_ANCESTOR_STEPS = 40
MAX_GOVERNING_CUES = 3
MAX_QUOTE_LINES = 12  # a quote running over more lines than this was never closed
MAX_QUOTE_MARKS = 20_000  # per parsed chunk (at most 100,000 characters)
MAX_LOOKBACK_SENTENCES = 4
MAX_LOOKBACK_TOKENS = 200
MAX_CLAUSE_TOKENS = 80
SUBJECT_FALLBACK_CHARS = 80
BODY_FALLBACK_CHARS = 30


@dataclass(frozen=True)
class Cues:
    """Data that drives attribution, loaded once from ``data/quotes.json``."""

    verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    indirect_min_words: int
    pronouns: frozenset[str]
    short_words: int
    window: int
    max_gap: int


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue verbs and thresholds of ``data/quotes.json``."""
    raw = json.loads(
        resources.files("tradefacts.pipeline").joinpath("data/quotes.json").read_text("utf-8")
    )
    return Cues(
        verbs=frozenset(raw["cue_verbs"]),
        indirect_verbs=frozenset(raw["indirect_cue_verbs"]),
        indirect_min_words=int(raw["indirect_min_words"]),
        pronouns=frozenset(raw["person_pronouns"]),
        short_words=int(raw["short_quote_words"]),
        window=int(raw["frame_window_tokens"]),
        max_gap=int(raw["max_attribution_gap_chars"]),
    )


# --- pairing quote marks ----------------------------------------------------------------------


@dataclass(slots=True)
class Quote:
    """A paired quotation: inner ranges (one per paragraph it runs over) and its mark positions."""

    pieces: list[tuple[int, int]]
    open_at: int  # position of the first opening mark
    close_end: int  # position just after the last closing mark
    paragraph: int  # index of the paragraph where it ends
    first_paragraph: int = 0


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text`` that has visible content."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def _role(text: str, i: int, start: int, end: int) -> tuple[str, str]:
    """(kind, role) of the mark at ``i``: kind ``d``/``s``; role open|close|either|weak|none."""
    ch = text[i]
    if ch in DOUBLE_OPEN:
        return _D_OPEN
    if ch in DOUBLE_CLOSE:
        return _D_CLOSE
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    left = prev.isspace() or prev in LEFT_CONTEXT
    right = nxt.isspace() or nxt in RIGHT_CONTEXT
    if ch == '"':
        if left != right:
            return _D_OPEN if left else _D_CLOSE
        return _D_EITHER
    # single marks: opening quote, closing quote or apostrophe
    if left and not right and ELISION_RE.match(text, i + 1, min(end, i + 6)):
        return _S_NONE  # the ’90s, ’em, rock ’n’ roll
    if ch in SINGLE_OPEN or (ch == "'" and left):
        return _S_OPEN if (not right and nxt.isalnum()) or nxt in '“"$£€¥' else _S_NONE
    if left or nxt.isalnum():
        return _S_NONE  # don’t, Japan’s, a stray mark after a space
    if prev in "sS" and nxt.isspace():
        return _S_WEAK  # the Smiths’ house, or a quote ending in s
    return _S_CLOSE


_D_OPEN, _D_CLOSE, _D_EITHER = ("d", "open"), ("d", "close"), ("d", "either")
_S_OPEN, _S_CLOSE, _S_WEAK, _S_NONE = ("s", "open"), ("s", "close"), ("s", "weak"), ("s", "none")


def pair_quotes(text: str) -> list[Quote]:
    """Paired quotations of ``text``, in order; unbalanced marks are dropped per paragraph."""
    quotes: list[Quote] = []
    carry: Quote | None = None  # a quote left open at the end of the previous paragraph
    carry_kind = ""
    seen = 0
    prev_end = -2
    for p_index, (p_start, p_end) in enumerate(_paragraphs(text)):
        kind, inner, open_at, weak = "", -1, -1, -1
        pending: Quote | None = None
        skip = -1
        if carry is not None:
            first = _first_visible(text, p_start, p_end)
            if _role(text, first, p_start, p_end) in ((carry_kind, "open"), (carry_kind, "either")):
                pending, kind, inner, open_at, skip = carry, carry_kind, first + 1, first, first
            elif _is_wrapped(text, prev_end, p_start) and len(carry.pieces) < MAX_QUOTE_LINES:
                pending, kind, inner = carry, carry_kind, first  # a hard-wrapped line goes on
            carry = None
        prev_end = p_end
        for m in QUOTE_MARK_RE.finditer(text, p_start, p_end):
            seen += 1
            if seen > MAX_QUOTE_MARKS:
                return quotes  # hostile input: no real article has this many quote marks
            i = m.start()
            mk, role = _role(text, i, p_start, p_end)
            if role == "none" or i == skip:
                continue
            if kind == "":
                if role in ("open", "either"):
                    kind, inner, open_at, weak = mk, i + 1, i, -1
                continue
            if mk != kind:
                continue  # a quote nested in a quote of the other kind
            if role == "weak":
                weak = i if weak < 0 else weak
            elif role in ("close", "either"):
                _add(quotes, _closed(text, pending, inner, i, open_at, p_index))
                kind, pending = "", None
            elif role == "open":  # the earlier opening mark was never closed: start again here
                if weak >= 0:
                    _add(quotes, _closed(text, pending, inner, weak, open_at, p_index))
                pending, inner, open_at, weak = None, i + 1, i, -1
        if kind == "s" and weak >= 0:
            _add(quotes, _closed(text, pending, inner, weak, open_at, p_index))
        elif kind:
            carry, carry_kind = _closed(text, pending, inner, p_end, open_at, p_index), kind
    return quotes


def _is_wrapped(text: str, prev_end: int, start: int) -> bool:
    """True when the line at ``start`` directly continues the line ending at ``prev_end``:
    no blank line between them and no sentence-final mark ending the first (hard-wrapped text)."""
    return (
        prev_end >= 1
        and not text[prev_end:start].strip()
        and text.count("\n", prev_end, start) == 1
        and text[prev_end - 1] not in TERMINAL_MARKS
    )


def _add(quotes: list[Quote], quote: Quote | None) -> None:
    """Append ``quote`` unless it is None."""
    if quote is not None:
        quotes.append(quote)


def _first_visible(text: str, start: int, end: int) -> int:
    """Position of the first non-space character of ``text[start:end]``."""
    return start + len(text[start:end]) - len(text[start:end].lstrip())


def _closed(
    text: str, pending: Quote | None, inner: int, close: int, open_at: int, para: int
) -> Quote | None:
    """The quote ending with the piece ``[inner, close)`` (after ``pending``); None if empty."""
    piece = _trimmed(text, inner, close)
    if piece is None and pending is None:
        return None
    pieces = list(pending.pieces) if pending is not None else []
    if piece is not None:
        pieces.append(piece)
    return Quote(
        pieces=pieces,
        open_at=pending.open_at if pending is not None else open_at,
        close_end=close + 1,
        paragraph=para,
        first_paragraph=pending.first_paragraph if pending is not None else para,
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without surrounding whitespace, or None when nothing is left."""
    if end <= start:
        return None
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + lead + len(stripped)


# --- attribution ------------------------------------------------------------------------------


class _RunCache(threading.local):
    """Per-thread caches for the doc being processed (sentence bounds, resolver answers)."""

    doc: Doc | None = None
    sentences: tuple[list[tuple[int, int]], list[int]] | None = None
    resolved: dict[tuple[int, int], str | None] = {}
    antecedents: dict[int, str | None] = {}


_RUN = _RunCache()


def _sent(tok: Token) -> Span:
    """The sentence of ``tok``, from boundaries computed once per doc (``Token.sent`` rescans
    the doc on every call)."""
    doc = tok.doc
    if _RUN.doc is not doc:
        return tok.sent
    if _RUN.sentences is None:
        bounds: list[tuple[int, int]] = []
        owner: list[int] = []
        for k, sent in enumerate(doc.sents):
            bounds.append((sent.start, sent.end))
            owner.extend([k] * (sent.end - sent.start))
        _RUN.sentences = (bounds, owner)
    start, end = _RUN.sentences[0][_RUN.sentences[1][tok.i]]
    return doc[start:end]


class _Frame:
    """Token lookups for one doc: char -> token, and which tokens sit inside quote marks."""

    def __init__(self, doc: Doc, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.starts = [t.idx for t in doc]
        diff = [0] * (len(doc) + 1)
        for q in quotes:
            a, b = self.token_at(q.open_at), self.token_at(max(q.close_end - 1, q.open_at))
            if a is not None and b is not None:
                diff[a] += 1
                diff[b + 1] -= 1
        running, quoted = 0, []
        for i in range(len(doc)):
            running += diff[i]
            quoted.append(running > 0)
        self.quoted = quoted

    def token_at(self, char: int) -> int | None:
        """Index of the token covering (or starting after) local char ``char``."""
        if not self.starts:
            return None
        i = bisect.bisect_right(self.starts, char) - 1
        return min(max(i, 0), len(self.starts) - 1)

    def span(self, start: int, end: int) -> Span | None:
        """Tokens covering the char range (expanded to token bounds)."""
        a, b = self.token_at(start), self.token_at(max(end - 1, start))
        return None if a is None or b is None else self.doc[a : b + 1]


def _is_cue(tok: Token, verbs: frozenset[str]) -> bool:
    """True for a reporting verb ("said", "warned") or the "according" of "according to"."""
    if tok.lower_ == "according":
        return True
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs


def _subject(cue: Token) -> Token | None:
    """Who the cue verb attributes the words to: its subject, climbing through participles."""
    if cue.lower_ == "according":
        for to in cue.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    verb = cue
    for _ in range(MAX_CLIMB):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ == "xcomp":  # "led Ishiba to declare": the object is the subject
            for child in verb.head.children:
                if child.dep_ == "dobj":
                    return child
        if verb.dep_ not in CLIMB_DEPS or verb.head is verb:
            return None
        verb = verb.head
    return None


def _governing_cues(quote_span: Span, frame: _Frame, verbs: frozenset[str]) -> Iterator[Token]:
    """Cue verbs above the quote in the parse tree (outside any quote), nearest first."""
    inside = range(quote_span.start, quote_span.end)
    heads = [t for t in quote_span if t.head.i not in inside or t.head is t]
    tok = heads[0] if heads else quote_span.root
    found = 0
    for _ in range(MAX_ANCESTOR_STEPS):
        if tok.i not in inside and not frame.quoted[tok.i] and _is_cue(tok, verbs):
            yield tok
            found += 1
            if found == MAX_GOVERNING_CUES:
                return
        if tok.head is tok:
            return
        tok = tok.head


def _nearby_cue(
    spans: list[Span], frame: _Frame, verbs: frozenset[str], window: int, para: tuple[int, int]
) -> Token | None:
    """The cue verb outside quotes nearest to the quote, in the sentences the quote touches."""
    doc = frame.doc
    best: tuple[int, int] | None = None
    first, last = spans[0], spans[-1]
    lo_sent, hi_sent = _sent(first[0]), _sent(last[-1])
    lo = max(lo_sent.start, first.start - window)
    hi = min(hi_sent.end, last.end + window)
    for i in range(lo, hi):
        tok = doc[i]
        if frame.quoted[i] or not (para[0] <= tok.idx < para[1]) or not _is_cue(tok, verbs):
            continue
        dist = min(abs(i - first.start), abs(i - last.end))
        if best is None or dist < best[0]:
            best = (dist, i)
    return doc[best[1]] if best is not None else None


def _colon_cue(quote: Quote, frame: _Frame, verbs: frozenset[str]) -> Token | None:
    """For a quote introduced by a colon, the verb of the clause before the colon."""
    text = frame.text
    colon_at = quote.open_at - 1
    while colon_at >= 0 and text[colon_at] in " \t":
        colon_at -= 1
    if colon_at < 0 or text[colon_at] != ":":
        return None
    colon = frame.token_at(colon_at)
    if colon is None:
        return None
    sent = _sent(frame.doc[colon])
    for i in range(colon - 1, max(sent.start, colon - MAX_CLAUSE_TOKENS) - 1, -1):
        if not frame.quoted[i] and _is_cue(frame.doc[i], verbs):
            return frame.doc[i]
    head = frame.doc[colon].head  # the colon hangs on the verb of the introducing clause
    if head.pos_ in ("VERB", "AUX") and head.i < colon and not frame.quoted[head.i]:
        return head
    root = sent.root
    return root if root.i < colon else None


def _adjacent_cue(
    quote: Quote, frame: _Frame, verbs: frozenset[str], region: tuple[int, int]
) -> Token | None:
    """A cue in the short sentence right after the quote, in the same paragraph."""
    nxt = bisect.bisect_left(frame.starts, quote.close_end)
    if nxt >= len(frame.starts) or frame.starts[nxt] >= region[1]:
        return None
    sent = _sent(frame.doc[nxt])
    for tok in sent[:12]:
        if not frame.quoted[tok.i] and tok.idx < region[1] and _is_cue(tok, verbs):
            return tok
    return None


def _name_start(tok: Token) -> int:
    """Index of the first token of the name phrase headed by ``tok``."""
    start = tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for child in t.lefts:
            if child.dep_ in NAME_DEPS:
                start = min(start, child.i)
                stack.append(child)
    return start


def _name_span(tok: Token) -> tuple[int, int]:
    """Char range of the name phrase headed by ``tok`` ("U.S. President Donald Trump")."""
    return tok.doc[_name_start(tok)].idx, tok.idx + len(tok)


def _person_resolver() -> Callable[[Doc, int, int], str | None] | None:
    """``entities.resolve_person`` once the entities component provides it."""
    from . import entities

    found: Any = getattr(entities, "resolve_person", None)
    return found if callable(found) else None


def _speaker(doc: Doc, subject: Token, pronouns: frozenset[str], frame: _Frame) -> str | None:
    """Entity id the subject token refers to: a person, else a country or organisation."""
    if subject.lower_ in pronouns:
        found = _antecedent(subject, pronouns, frame)
        if found:
            return found
    elif subject.pos_ == "NOUN" and not any(t.pos_ == "PROPN" for t in subject.lefts):
        found = _title_antecedent(subject, frame)
        if found:
            return found
    return _named_speaker(doc, subject, pronouns)


def _lookback(tok: Token) -> Iterator[Span]:
    """The text before ``tok`` sentence by sentence, newest first: its own sentence up to it,
    then up to MAX_LOOKBACK_SENTENCES earlier ones, MAX_LOOKBACK_TOKENS tokens at most."""
    doc = tok.doc
    floor = max(0, tok.i - MAX_LOOKBACK_TOKENS)
    end = tok.i
    for _ in range(MAX_LOOKBACK_SENTENCES + 1):
        if end <= floor:
            return
        start = max(_sent(doc[end - 1]).start, floor)
        yield doc[start:end]
        end = start


def _title_antecedent(title: Token, frame: _Frame) -> str | None:
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


def _antecedent(pronoun: Token, pronouns: frozenset[str], frame: _Frame) -> str | None:
    """The person a "he"/"she" subject points back to (memoised per pronoun)."""
    memo = _RUN.antecedents if _RUN.doc is pronoun.doc else {}
    if pronoun.i not in memo:
        memo[pronoun.i] = _find_antecedent(pronoun, pronouns, frame)
    return memo[pronoun.i]


def _find_antecedent(pronoun: Token, pronouns: frozenset[str], frame: _Frame) -> str | None:
    """The latest person subject before the pronoun, main-clause subjects first per sentence."""
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
        subjects.sort(key=lambda t: (t.dep_ not in SUBJECT_DEPS or t.head.dep_ != "ROOT", -t.i))
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
    sent = _sent(subject)
    for m in mentions_in(doc, sent.start_char, subject.idx):
        if m.entity_id != person:
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
    memo = _RUN.resolved if _RUN.doc is doc else {}
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


# --- assembling statements ---------------------------------------------------------------------


@dataclass
class _Attributed:
    """A quote with its speaker (None when no cue names one)."""

    quote: Quote
    speaker: str | None
    has_cue: bool


def _merge_split(text: str, quotes: list[Quote], frame: _Frame, c: Cues) -> list[Quote]:
    """Join "...," he said, "..." pairs (same paragraph, cue-only gap) into one quote."""
    merged: list[Quote] = []
    for q in quotes:
        prev = merged[-1] if merged else None
        if prev is not None and _is_split_pair(text, prev, q, frame, c):
            prev.pieces.extend(q.pieces)
            prev.close_end, prev.paragraph = q.close_end, q.paragraph
            continue
        merged.append(q)
    return merged


def _is_split_pair(text: str, a: Quote, b: Quote, frame: _Frame, c: Cues) -> bool:
    """True when ``b`` continues ``a`` after an attribution like ", Powell said in a speech."."""
    if a.paragraph != b.first_paragraph or b.open_at - a.close_end > c.max_gap:
        return False
    last = text[a.pieces[-1][0] : a.pieces[-1][1]]
    gap = text[a.close_end : b.open_at]
    if not (last.endswith(",") or gap.startswith(",")) or "\n" in gap:
        return False
    if not gap.rstrip().endswith((",", ".", ":")):
        return False
    span = frame.span(a.close_end, b.open_at)
    return span is not None and any(
        _is_cue(t, c.verbs) and a.close_end <= t.idx < b.open_at for t in span
    )


def _attribute(quote: Quote, frame: _Frame, c: Cues, paras: list[tuple[int, int]]) -> _Attributed:
    """Find the cue that introduces ``quote`` (inside its paragraphs) and resolve its speaker.

    Among the cue verbs that govern the quote, the first one whose subject is a person wins
    ("Lula said Brazil would respond 'in kind'" -> Lula); otherwise the first cue found.
    """
    spans = [s for s in (frame.span(a, b) for a, b in quote.pieces) if s is not None and len(s)]
    if not spans:
        return _Attributed(quote, None, False)
    region = (paras[quote.first_paragraph][0], _attribution_end(frame.text, paras, quote))
    short = len(_joined(frame.text, quote.pieces).split()) < c.short_words
    first: str | None = None
    has_cue = False
    for governing, cue in _cue_candidates(quote, spans, frame, c, short, region):
        if cue is None or not _inside(cue, region):
            continue
        if has_cue and not governing:
            break  # a governing cue was found but named no person: keep its speaker
        has_cue = True
        speaker = _speaker_of_cue(cue, frame, c, region)
        if speaker is not None and speaker.startswith("person:"):
            return _Attributed(quote, speaker, True)
        first = first or speaker
        if not governing:
            break
    return _Attributed(quote, first, has_cue)


def _attribution_end(text: str, paras: list[tuple[int, int]], quote: Quote) -> int:
    """End of the text that may hold the quote's attribution: its last line, and the next line
    too when the text is hard-wrapped there ("...," the minister / said on Friday.)."""
    end = paras[quote.paragraph][1]
    following = quote.paragraph + 1
    if following < len(paras) and _is_wrapped(text, end, paras[following][0]):
        return paras[following][1]
    return end


def _speaker_of_cue(cue: Token, frame: _Frame, c: Cues, region: tuple[int, int]) -> str | None:
    """Entity id of whoever the cue verb attributes the words to."""
    subject = _subject(cue)
    if subject is None or not _inside(subject, region):
        return _person_before(cue, frame, region)
    return _speaker(frame.doc, subject, c.pronouns, frame)


def _cue_candidates(
    quote: Quote, spans: list[Span], frame: _Frame, c: Cues, short: bool, region: tuple[int, int]
) -> Iterator[tuple[bool, Token | None]]:
    """(governs the quote?, cue verb) for the quote, best first (computed lazily).

    Cues that govern the quote in the parse tree come first; a short scare quote takes no other.
    A longer quote may also take the verb before an introducing colon, the nearest cue in its
    sentences, or a cue opening the sentence right after it.
    """
    for span in spans:
        for cue in _governing_cues(span, frame, c.verbs):
            yield True, cue
    if short:
        return
    yield False, _colon_cue(quote, frame, c.verbs)
    yield False, _nearby_cue(spans, frame, c.verbs, c.window, region)
    yield False, _adjacent_cue(quote, frame, c.verbs, region)


def _inside(token: Token, region: tuple[int, int]) -> bool:
    """True when the token lies in the local char range ``region``."""
    return region[0] <= token.idx < region[1]


def _person_before(cue: Token, frame: _Frame, region: tuple[int, int]) -> str | None:
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


def _joined(text: str, pieces: list[tuple[int, int]]) -> str:
    """The quoted words of all pieces, joined by single spaces."""
    return " ".join(text[a:b] for a, b in pieces)


def _is_whole_paragraph(text: str, quote: Quote, paras: list[tuple[int, int]]) -> bool:
    """True when the quote is all there is in its paragraph(s) apart from its marks."""
    first, last = paras[quote.first_paragraph], paras[quote.paragraph]
    return (
        not text[first[0] : quote.open_at].strip()
        and len(text[quote.close_end : last[1]].strip(" .,;")) == 0
    )


def find_statements(doc: Doc) -> list[Statement]:
    """Direct quotes and reported speech of ``doc`` with a resolved speaker, outside clutter."""
    if not len(doc):
        return []
    _RUN.doc, _RUN.sentences, _RUN.resolved, _RUN.antecedents = doc, None, {}, {}
    try:
        c = cues()
        text = doc_text(doc)
        paras = list(_paragraphs(text))
        quotes = pair_quotes(text)
        frame = _Frame(doc, quotes)
        direct = [_statement(frame, item) for item in _direct(quotes, frame, c, paras)]
        return direct + _indirect(frame, c, paras)
    finally:
        _RUN.doc, _RUN.sentences, _RUN.resolved, _RUN.antecedents = None, None, {}, {}


def _direct(
    quotes: list[Quote], frame: _Frame, c: Cues, paras: list[tuple[int, int]]
) -> list[_Attributed]:
    """Attributed direct quotes: split quotes joined, follow-on quote paragraphs merged."""
    doc, text = frame.doc, frame.text
    quotes = _merge_split(text, quotes, frame, c)
    kept: list[_Attributed] = []
    for item in (_attribute(q, frame, c, paras) for q in quotes):
        q = item.quote
        if any(in_clutter(doc, a, b) for a, b in q.pieces):
            continue
        prev = kept[-1] if kept else None
        if (
            not item.has_cue
            and prev is not None
            and prev.speaker is not None
            and prev.quote.paragraph + 1 == q.first_paragraph
            and _is_whole_paragraph(text, q, paras)
            and len(_joined(text, q.pieces).split()) >= c.short_words
        ):
            prev.quote.pieces.extend(q.pieces)  # a follow-on paragraph of the same speaker
            prev.quote.paragraph = q.paragraph
            continue
        if item.speaker is not None:
            kept.append(item)
    return kept


def _indirect(frame: _Frame, c: Cues, paras: list[tuple[int, int]]) -> list[Statement]:
    """Reported speech "X said (that) <clause>" with a person subject and no quote in the clause."""
    doc = frame.doc
    ents = doc._.entities or {}
    line_starts = [a for a, _ in paras]
    found = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in c.indirect_verbs:
            continue
        clause = _complement_range(verb, frame)
        subject = next((t for t in verb.lefts if t.dep_ == "nsubj"), None)
        if clause is None or subject is None or frame.quoted[verb.i]:
            continue
        if subject.pos_ != "PROPN" and subject.lower_ not in c.pronouns:
            continue  # "the administration said ...": too vague for reported speech
        start, end = clause
        if len(frame.text[start:end].split()) < c.indirect_min_words:
            continue
        line = bisect.bisect_right(line_starts, subject.idx) - 1
        if line < 0 or end > paras[line][1] or in_clutter(doc, subject.idx, end):
            continue
        speaker = _speaker(doc, subject, c.pronouns, frame)
        if speaker is None or not speaker.startswith("person:") or speaker not in ents:
            continue
        found.append(
            Statement(
                speaker=speaker,
                speaker_name=ents[speaker].name,
                text=frame.text[start:end],
                kind="indirect",
                evidence=(evidence(doc, start, end),),
            )
        )
    return found


def _complement_range(verb: Token, frame: _Frame) -> tuple[int, int] | None:
    """Char range of the verb's complement clause without "that" and end punctuation."""
    clause = next((t for t in verb.rights if t.dep_ == "ccomp"), None)
    if clause is None:
        return None
    if not any(t.dep_ in CLAUSE_SUBJECT_DEPS and t.i < clause.i for t in clause.lefts):
        return None  # a clause without its own subject is a misparse ("what he said was ...")
    left, right = clause.left_edge.i, clause.right_edge.i
    if right - left > MAX_CLAUSE_TOKENS:
        return None  # reported speech this long is a misparse
    doc = frame.doc
    while left <= right and doc[left].dep_ == "mark":
        left += 1
    while right >= left and doc[right].is_punct:
        right -= 1
    if right < left or left <= verb.i or any(frame.quoted[left : right + 1]):
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def _statement(frame: _Frame, item: _Attributed) -> Statement:
    """The pydantic Statement for an attributed quote."""
    doc = frame.doc
    pieces = item.quote.pieces
    info = (doc._.entities or {}).get(item.speaker or "")
    return Statement(
        speaker=item.speaker,
        speaker_name=info.name if info is not None else None,
        text=_joined(frame.text, pieces),
        kind="direct",
        evidence=tuple(evidence(doc, a, b) for a, b in pieces),
    )


@Language.component("tf_statements")
def statements(doc: Doc) -> Doc:
    """Store the doc's statements (direct quotes, then reported speech) on ``doc._.statements``."""
    register_extensions()
    try:
        doc._.statements = find_statements(doc)
    except (ValueError, IndexError, RecursionError):  # never crash on odd text
        doc._.statements = []
    return doc
