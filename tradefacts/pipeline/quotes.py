"""Quotation marks: pairing them into quotes, and the character ranges they enclose.

Marks are paired inside each paragraph (a line with visible content), so an unbalanced mark
never shifts the pairings of later paragraphs. Straight and curly double marks pair with each
other; single marks are told apart from apostrophes by their neighbours (``don’t``, ``’90s``,
``the Smiths’ house``). A quote left open at the end of a paragraph runs on when the next
paragraph opens with a quote mark (the multi-paragraph convention) or is a hard-wrapped
continuation line; otherwise the unclosed mark is dropped. Typing slips of real text are read
by position: a doubled single mark (``’’``) is a double one, and a curly mark facing the wrong
way (``...,“ she said``) takes the role its neighbours give it.

``pair_quotes`` gives the quotes (the statements stage attributes them); ``quoted_ranges``
gives the stretches of text that are someone's words (the events stage skips triggers there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DOUBLE_OPEN = "“„«‹"
DOUBLE_CLOSE = "”»›"
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
SINGLE_MARKS = "'‘’"
#: Two single marks typed for one double mark (``‘‘...’’``, ``''...''``) read as that mark.
DOUBLED = {"‘": "“", "’": "”"}
QUOTE_MARK_RE = re.compile("[\"'“”„«»‹›‘’‚]")
LEFT_CONTEXT = set("([{—–-/:;") | set(DOUBLE_OPEN) | set(SINGLE_OPEN) | {'"', "'"}
RIGHT_CONTEXT = set(".,;:!?)]}—–-…") | set(DOUBLE_CLOSE) | set(SINGLE_CLOSE) | {'"', "'"}
ELISION_RE = re.compile(r"(?:\d\d?s?\b|em\b|n\b|til\b|cause\b|tis\b)", re.IGNORECASE)
#: Marks that end a line whose sentence is complete (the next line is not a wrapped continuation).
TERMINAL_MARKS = set(".!?:;…") | set(DOUBLE_CLOSE) | set(SINGLE_CLOSE) | {'"', "'"}
MAX_QUOTE_LINES = 12  # a quote running over more lines than this was never closed
MAX_QUOTE_MARKS = 20_000  # per parsed chunk (at most 100,000 characters)
#: Shorter quoted bits are scare quotes or names ("Liberation Day"), not reported speech.
MIN_QUOTE_WORDS = 4


@dataclass(slots=True)
class Quote:
    """A paired quotation: inner ranges (one per paragraph it runs over) and its mark positions."""

    pieces: list[tuple[int, int]]
    open_at: int  # position of the first opening mark
    close_end: int  # position just after the last closing mark
    paragraph: int  # index of the paragraph where it ends
    first_paragraph: int = 0


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text`` that has visible content."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def quote_text(text: str, pieces: list[tuple[int, int]]) -> str:
    """The quoted words of all pieces, joined by single spaces."""
    return " ".join(text[a:b] for a, b in pieces)


def quoted_ranges(text: str, min_words: int = MIN_QUOTE_WORDS) -> list[tuple[int, int]]:
    """Sorted character ranges of the quotes of ``text`` with at least ``min_words`` words.

    A range runs from the opening mark to just after the closing mark; a quote over several
    paragraphs gives one range per paragraph (the line breaks between them are not quoted).
    """
    ranges: list[tuple[int, int]] = []
    for quote in pair_quotes(text):
        if len(quote_text(text, quote.pieces).split()) < min_words:
            continue
        last = len(quote.pieces) - 1
        for k, (start, end) in enumerate(quote.pieces):
            ranges.append(
                (quote.open_at if k == 0 else start, quote.close_end if k == last else end)
            )
    return ranges


def pair_quotes(text: str) -> list[Quote]:
    """Paired quotations of ``text``, in order; unbalanced marks are dropped per paragraph."""
    quotes: list[Quote] = []
    carry: Quote | None = None  # a quote left open at the end of the previous paragraph
    carry_kind = ""
    seen = 0
    prev_end = -2
    for p_index, (p_start, p_end) in enumerate(paragraphs(text)):
        kind, inner, open_at, weak = "", -1, -1, -1
        pending: Quote | None = None
        skip = -1
        if carry is not None:
            first = _first_visible(text, p_start, p_end)
            if _role(text, first, p_start, p_end) in ((carry_kind, "open"), (carry_kind, "either")):
                pending, kind, inner, open_at = carry, carry_kind, _after_mark(text, first), first
                skip = first
            elif is_wrapped(text, prev_end, p_start) and len(carry.pieces) < MAX_QUOTE_LINES:
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
                    kind, inner, open_at, weak = mk, _after_mark(text, i), i, -1
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
                pending, inner, open_at, weak = None, _after_mark(text, i), i, -1
        if kind == "s" and weak >= 0:
            _add(quotes, _closed(text, pending, inner, weak, open_at, p_index))
        elif kind:
            carry, carry_kind = _closed(text, pending, inner, p_end, open_at, p_index), kind
    return quotes


def is_wrapped(text: str, prev_end: int, start: int) -> bool:
    """True when the line at ``start`` directly continues the line ending at ``prev_end``:
    no blank line between them and no sentence-final mark ending the first (hard-wrapped text)."""
    return (
        prev_end >= 1
        and not text[prev_end:start].strip()
        and text.count("\n", prev_end, start) == 1
        and text[prev_end - 1] not in TERMINAL_MARKS
    )


_D_OPEN, _D_CLOSE, _D_EITHER = ("d", "open"), ("d", "close"), ("d", "either")
_S_OPEN, _S_CLOSE, _S_WEAK, _S_NONE = ("s", "open"), ("s", "close"), ("s", "weak"), ("s", "none")


def _role(text: str, i: int, start: int, end: int) -> tuple[str, str]:
    """(kind, role) of the mark at ``i``: kind ``d``/``s``; role open|close|either|weak|none."""
    ch = text[i]
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if ch in SINGLE_MARKS and (nxt == ch or prev == ch):
        if prev == ch:
            return _S_NONE  # the second mark of a doubled pair, read with the first
        ch, nxt = DOUBLED.get(ch, '"'), text[i + 2] if i + 2 < end else " "
    left = prev.isspace() or prev in LEFT_CONTEXT
    right = nxt.isspace() or nxt in RIGHT_CONTEXT
    if ch in DOUBLE_OPEN:
        # a curly opening mark typed where the closing one belongs: `...,“ she said`
        return _D_CLOSE if ch == "“" and right and not left else _D_OPEN
    if ch in DOUBLE_CLOSE:
        return _D_OPEN if ch == "”" and left and not right and nxt.isalnum() else _D_CLOSE
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


def _after_mark(text: str, i: int) -> int:
    """Position just after the quote mark at ``i`` (two characters for a doubled single mark)."""
    doubled = text[i] in SINGLE_MARKS and text[i + 1 : i + 2] == text[i]
    return i + 2 if doubled else i + 1


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
        close_end=_after_mark(text, close) if close < len(text) else close + 1,
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
