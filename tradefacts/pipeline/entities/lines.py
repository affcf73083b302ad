"""Headline-case lines and byline/handle lines (no persons are created on the latter)."""

from __future__ import annotations

import re

from ..document import doc_text, in_clutter
from .state import DocState
from .tokens import in_ranges


def mark_lines(state: DocState) -> None:
    """Record headline-case lines and byline/handle lines (no persons are created there)."""
    text = doc_text(state.doc)
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        if _is_byline(stripped):
            state.skip_lines.append((start, end))
        elif _is_headline(stripped):
            state.headline_lines.append((start, end))


def _is_byline(line: str) -> bool:
    words = line.split()
    if re.match(r"^(?:By|BY|Written by|Reporting by|Editing by)\s", line) and len(words) <= 14:
        return True
    return bool(re.search(r"\(@\w{1,30}\)|pic\.twitter\.com|^—\s|^-\s\S+.*\(@", line))


def _is_headline(line: str) -> bool:
    """Short line, most words capitalised, no final full stop."""
    words = re.findall(r"[^\W\d_][\w'’-]{0,40}", line)
    if len(words) < 3 or len(words) > 20 or line.endswith((".", '"', "”")):
        return False
    long_words = [w for w in words if len(w) > 3]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.75


def blocked(state: DocState, start: int, end: int) -> bool:
    """True inside clutter or a byline/handle line."""
    return in_clutter(state.doc, start, end) or in_ranges(state.skip_lines, start, end)
