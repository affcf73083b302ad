"""Attribution of direct quotes: joining split quotes, finding the cue and its speaker."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..quotes import Quote, is_wrapped, quote_text
from .cues import (
    Cues,
    adjacent_cue,
    colon_cue,
    cue_subject,
    governing_cues,
    is_cue,
    nearby_cue,
)
from .frame import Frame
from .speakers import person_before, subject_speaker

#: A sentence ending inside the text between two quotes ("... said. On Friday he ...").
SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+[A-Z“\"‘']")


@dataclass
class Attributed:
    """A quote with its speaker (None when no cue names one)."""

    quote: Quote
    speaker: str | None
    has_cue: bool


def merge_split(text: str, quotes: list[Quote], frame: Frame, c: Cues) -> list[Quote]:
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


def _is_split_pair(text: str, a: Quote, b: Quote, frame: Frame, c: Cues) -> bool:
    """True when ``b`` continues ``a``'s sentence after an attribution ("...," he said, "...").

    After a sentence-final attribution ("...," Powell said. "...") ``b`` is a new sentence and
    becomes its own statement (``continues_after_attribution`` gives it the same speaker).
    """
    if a.paragraph != b.first_paragraph or b.open_at - a.close_end > c.max_gap:
        return False
    last = text[a.pieces[-1][0] : a.pieces[-1][1]]
    gap = text[a.close_end : b.open_at]
    if not (last.endswith(",") or gap.startswith(",")) or "\n" in gap:
        return False
    if not gap.rstrip().endswith((",", ":")) or SENTENCE_BREAK_RE.search(gap):
        return False
    return _gap_has_cue(a, b, frame, c, own_subject=True)


def continues_after_attribution(text: str, a: Quote, b: Quote, frame: Frame, c: Cues) -> bool:
    """True when ``b`` opens the sentence right after ``a``'s own attribution, in the same
    paragraph ("...," Ford said on Friday. "..."): the news convention for the same speaker."""
    if a.paragraph != b.first_paragraph or b.open_at - a.close_end > c.max_gap:
        return False
    gap = text[a.close_end : b.open_at]
    if "\n" in gap or not gap.rstrip().endswith(".") or SENTENCE_BREAK_RE.search(gap.rstrip()):
        return False
    return _gap_has_cue(a, b, frame, c)


def _gap_has_cue(a: Quote, b: Quote, frame: Frame, c: Cues, own_subject: bool = False) -> bool:
    """True when a cue verb sits between the two quotes; with ``own_subject``, one whose subject
    (if the parse has one) is there too: '"...," the minister said, "..."' splits one quote, but
    in 'X said it was "...", adding: "..."' the second quote is X's next statement."""
    span = frame.span(a.close_end, b.open_at)
    if span is None:
        return False
    for t in span:
        if not (is_cue(t, c.verbs) and a.close_end <= t.idx < b.open_at):
            continue
        subject = cue_subject(t, frame.quoted) if own_subject else None
        if subject is None or a.close_end <= subject.idx < b.open_at:
            return True
    return False


def attribute(quote: Quote, frame: Frame, c: Cues, paras: list[tuple[int, int]]) -> Attributed:
    """Find the cue that introduces ``quote`` (inside its paragraphs) and resolve its speaker.

    Among the cue verbs that govern the quote, the first one whose subject is a person wins
    ("Lula said Brazil would respond 'in kind'" -> Lula); otherwise the first cue found.
    """
    spans = [s for s in (frame.span(a, b) for a, b in quote.pieces) if s is not None and len(s)]
    if not spans:
        return Attributed(quote, None, False)
    region = (paras[quote.first_paragraph][0], _attribution_end(frame.text, paras, quote))
    short = len(quote_text(frame.text, quote.pieces).split()) < c.short_words
    if short and is_term(quote, spans, frame, c):
        return Attributed(quote, None, False)
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
            return Attributed(quote, speaker, True)
        first = first or speaker
        if not governing:
            break
    return Attributed(quote, first, has_cue)


def _attribution_end(text: str, paras: list[tuple[int, int]], quote: Quote) -> int:
    """End of the text that may hold the quote's attribution: its last line, and the next line
    too when the text is hard-wrapped there ("...," the minister / said on Friday.)."""
    end = paras[quote.paragraph][1]
    following = quote.paragraph + 1
    if following < len(paras) and is_wrapped(text, end, paras[following][0]):
        return paras[following][1]
    return end


def _speaker_of_cue(cue: Token, frame: Frame, c: Cues, region: tuple[int, int]) -> str | None:
    """Entity id of whoever the cue verb attributes the words to."""
    subject = cue_subject(cue, frame.quoted)
    if subject is None or not _inside(subject, region):
        return person_before(cue, frame, region)
    relayed = _relayed_subject(cue, frame, c)
    if relayed is not None:
        found = subject_speaker(frame.doc, relayed, c.pronouns, frame)
        if found is not None:
            return found
    return subject_speaker(frame.doc, subject, c.pronouns, frame)


def _relayed_subject(cue: Token, frame: Frame, c: Cues) -> Token | None:
    """The subject of the clause a relay verb reports, outside any quote: the words are
    theirs, not the outlet's ("The BBC reports Prabowo made some sweeping references: '...'")."""
    if cue.lemma_.lower() not in c.relay_verbs:
        return None
    for clause in cue.children:
        if clause.dep_ != "ccomp" or frame.quoted[clause.i]:
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not frame.quoted[child.i]:
                return child
    return None


def _cue_candidates(
    quote: Quote, spans: list[Span], frame: Frame, c: Cues, short: bool, region: tuple[int, int]
) -> Iterator[tuple[bool, Token | None]]:
    """(governs the quote?, cue verb) for the quote, best first (computed lazily).

    Cues that govern the quote in the parse tree come first; a short scare quote takes no other.
    A longer quote may also take the verb before an introducing colon, the nearest cue in its
    sentences, or a cue opening the sentence right after it.
    """
    for span in spans:
        for cue in governing_cues(span, frame, c.verbs):
            if short and _voiced_by_other(span, cue):
                return  # "measures deemed 'unfair' by Ottawa" are not the cue speaker's words
            yield True, cue
    if short:
        return
    yield False, colon_cue(quote, frame, c.verbs)
    yield False, nearby_cue(spans, frame, c.verbs, c.window, region)
    yield False, adjacent_cue(quote, frame, c.verbs, region)


def is_term(quote: Quote, spans: list[Span], frame: Frame, c: Cues) -> bool:
    """True for a short quote that names a term rather than reporting words: after "so-called"
    or "known as", or a modifier of the noun after it (the "de minimis" exemption)."""
    before = frame.text[max(0, quote.open_at - 40) : quote.open_at].rstrip().lower()
    if before.endswith(c.term_markers):
        return True
    span = spans[-1]
    inside = range(spans[0].start, span.end)
    heads = [t.head for t in span if t.head.i not in inside]
    return bool(heads) and all(
        h.i >= span.end and h.pos_ in ("NOUN", "PROPN") and not frame.quoted[h.i] for h in heads
    )


def _voiced_by_other(span: Span, cue: Token) -> bool:
    """True when a clause between the quote and the cue names its own agent ("deemed ... by
    Washington") or modifies a noun with a participle that has one."""
    tok = span.root
    for _ in range(40):
        if tok.i == cue.i or tok.head.i == tok.i:
            return False
        if tok.pos_ in ("VERB", "AUX") and any(_is_agent(ch) for ch in tok.children):
            return True
        tok = tok.head
    return False


def _is_agent(tok: Token) -> bool:
    """A by-phrase naming who acts ("by Washington"); the parser may label it agent or prep."""
    if tok.dep_ == "agent":
        return True
    return (
        tok.dep_ == "prep"
        and tok.lower_ == "by"
        and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in tok.children)
    )


def _inside(token: Token, region: tuple[int, int]) -> bool:
    """True when the token lies in the local char range ``region``."""
    return region[0] <= token.idx < region[1]
