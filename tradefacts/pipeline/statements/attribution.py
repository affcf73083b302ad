"""Attribution of direct quotes: joining split quotes, finding the cue and its speaker."""

from __future__ import annotations

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
        is_cue(t, c.verbs) and a.close_end <= t.idx < b.open_at for t in span
    )


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
    subject = cue_subject(cue)
    if subject is None or not _inside(subject, region):
        return person_before(cue, frame, region)
    return subject_speaker(frame.doc, subject, c.pronouns, frame)


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
            yield True, cue
    if short:
        return
    yield False, colon_cue(quote, frame, c.verbs)
    yield False, nearby_cue(spans, frame, c.verbs, c.window, region)
    yield False, adjacent_cue(quote, frame, c.verbs, region)


def _inside(token: Token, region: tuple[int, int]) -> bool:
    """True when the token lies in the local char range ``region``."""
    return region[0] <= token.idx < region[1]
