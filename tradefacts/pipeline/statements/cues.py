"""Attribution cues: reporting verbs ("said", "warned", "according to") and where a quote's cue
is found (governing it in the tree, before an introducing colon, beside it, right after it).

Each finder returns the cue token; its subject (``cue_subject``) is who the words belong to.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..data_files import read_table
from ..quotes import Quote
from .frame import Frame, sentence_of

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "ccomp")
MAX_CLIMB = 4
MAX_ANCESTOR_STEPS = 40
MAX_GOVERNING_CUES = 3
MAX_COLON_CLAUSE_TOKENS = 80  # how far back from a colon its introducing cue is looked for


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
    institution_heads: frozenset[str]
    agent_heads: frozenset[str]
    term_markers: tuple[str, ...]
    non_reporting_preps: dict[str, frozenset[str]]
    relay_verbs: frozenset[str] = frozenset()
    spokesperson_heads: frozenset[str] = frozenset()
    spokesperson_bodies: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue verbs and thresholds of ``data/quotes.json``."""
    raw = read_table("quotes.json")
    return Cues(
        verbs=frozenset(raw["cue_verbs"]),
        indirect_verbs=frozenset(raw["indirect_cue_verbs"]),
        indirect_min_words=int(raw["indirect_min_words"]),
        pronouns=frozenset(raw["person_pronouns"]),
        short_words=int(raw["short_quote_words"]),
        window=int(raw["frame_window_tokens"]),
        max_gap=int(raw["max_attribution_gap_chars"]),
        institution_heads=frozenset(raw["institution_heads"]),
        agent_heads=frozenset(raw["agent_heads"]),
        term_markers=tuple(raw["term_markers"]),
        relay_verbs=frozenset(raw.get("relay_verbs", ())),
        spokesperson_heads=frozenset(raw.get("spokesperson_heads", ())),
        spokesperson_bodies=frozenset(raw.get("spokesperson_bodies", ())),
        non_reporting_preps={k: frozenset(v) for k, v in raw["non_reporting_preps"].items()},
    )


def is_cue(tok: Token, verbs: frozenset[str]) -> bool:
    """True for a reporting verb ("said", "warned") or the "according" of "according to"."""
    if tok.lower_ == "according":
        return True
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or lemma not in verbs:
        return False
    blocked = cues().non_reporting_preps.get(lemma)
    # "will add to the 30% rate", "as stated in the law" are not reporting speech; a phrase
    # before the verb frames it ("In a statement, the office stated that ...")
    return not blocked or not any(
        c.dep_ == "prep" and c.lower_ in blocked and c.i > tok.i for c in tok.children
    )


def cue_subject(cue: Token, quoted: Sequence[bool] | None = None) -> Token | None:
    """Who the cue verb attributes the words to: its subject, climbing through participles.

    With ``quoted`` (token -> inside a quote), a subject outside the quote wins: the parser may
    also make the quote's first noun a subject of the cue ("'The outcome ...,' the minister said").
    """
    if cue.lower_ == "according":
        for to in cue.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    verb = cue
    for _ in range(MAX_CLIMB):
        if verb.i != cue.i and quoted is not None and quoted[verb.i]:
            # '"...," adding, "..."' parsed as a clause of the quoted verb: the quote's own
            # words are no attribution; climb out to the verb that reports them
            if verb.head.i == verb.i:
                return None
            verb = verb.head
            continue
        # a quote mark may be parsed nsubj
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
        if subjects:
            unquoted = [c for c in subjects if quoted is None or not quoted[c.i]]
            return (unquoted or subjects)[0]
        if verb.dep_ == "xcomp":  # "led Ishiba to declare": the object is the subject
            for child in verb.head.children:
                if child.dep_ == "dobj":
                    return child
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i:
            # "X was quoted by Reuters as saying" (X), "Reuters quotes X as saying" (X too)
            verb = verb.head.head
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
            continue
        if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def governing_cues(quote_span: Span, frame: Frame, verbs: frozenset[str]) -> Iterator[Token]:
    """Cue verbs above the quote in the parse tree (outside any quote), nearest first."""
    inside = range(quote_span.start, quote_span.end)
    heads = [t for t in quote_span if t.head.i not in inside or t.head is t]
    tok = heads[0] if heads else quote_span.root
    found = 0
    for _ in range(MAX_ANCESTOR_STEPS):
        if tok.i not in inside and not frame.quoted[tok.i] and is_cue(tok, verbs):
            yield tok
            found += 1
            if found == MAX_GOVERNING_CUES:
                return
        if tok.head.i == tok.i:
            return
        tok = tok.head


def nearby_cue(
    spans: list[Span], frame: Frame, verbs: frozenset[str], window: int, para: tuple[int, int]
) -> Token | None:
    """The cue verb outside quotes nearest to the quote, in the sentences the quote touches."""
    doc = frame.doc
    best: tuple[int, int] | None = None
    first, last = spans[0], spans[-1]
    lo_sent, hi_sent = sentence_of(first[0]), sentence_of(last[-1])
    lo = max(lo_sent.start, first.start - window)
    hi = min(hi_sent.end, last.end + window)
    for i in range(lo, hi):
        tok = doc[i]
        if frame.quoted[i] or not (para[0] <= tok.idx < para[1]) or not is_cue(tok, verbs):
            continue
        dist = min(abs(i - first.start), abs(i - last.end))
        if best is None or dist < best[0]:
            best = (dist, i)
    return doc[best[1]] if best is not None else None


def colon_cue(quote: Quote, frame: Frame, verbs: frozenset[str]) -> Token | None:
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
    sent = sentence_of(frame.doc[colon])
    for i in range(colon - 1, max(sent.start, colon - MAX_COLON_CLAUSE_TOKENS) - 1, -1):
        if not frame.quoted[i] and is_cue(frame.doc[i], verbs):
            return frame.doc[i]
    nearest = _clause_verb_before(frame, sent.start, colon)
    if nearest is not None:
        return nearest
    head = frame.doc[colon].head  # the colon hangs on the verb of the introducing clause
    if head.pos_ in ("VERB", "AUX") and head.i < colon and not frame.quoted[head.i]:
        return head
    root = sent.root
    return root if root.i < colon else None


def _clause_verb_before(frame: Frame, start: int, colon: int) -> Token | None:
    """The nearest verb with its own subject before the colon: the clause that introduces the
    quote ("The agency reports Lula made two points: '...'" -> "made"), not a relative clause."""
    for i in range(colon - 1, max(start, colon - MAX_COLON_CLAUSE_TOKENS) - 1, -1):
        tok = frame.doc[i]
        if frame.quoted[i] or tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("relcl", "acl"):
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            return tok
    return None


def adjacent_cue(
    quote: Quote, frame: Frame, verbs: frozenset[str], region: tuple[int, int]
) -> Token | None:
    """A cue in the short sentence right after the quote, in the same paragraph; not one that
    reports words of its own ('"..." Both leaders stressed that the pause ...')."""
    nxt = bisect.bisect_left(frame.starts, quote.close_end)
    if nxt >= len(frame.starts) or frame.starts[nxt] >= region[1]:
        return None
    sent = sentence_of(frame.doc[nxt])
    for tok in sent[:12]:
        if not frame.quoted[tok.i] and tok.idx < region[1] and is_cue(tok, verbs):
            if any(
                child.dep_ == "ccomp" and child.i > tok.i and not frame.quoted[child.i]
                for child in tok.children
            ):
                return None
            return tok
    return None
