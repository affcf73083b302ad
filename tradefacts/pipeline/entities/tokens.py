"""Per-document token table and char-offset helpers shared by the entity modules.

spaCy builds a ``Token`` object on every access, so token texts and start offsets are read
once per doc into plain lists.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc

from ..document import doc_text

_TOKENS_KEY = "tradefacts_entity_tokens"

POSSESSIVES = {"'s", "’s", "'", "’"}
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@dataclass
class TokenTable:
    """Token texts and start offsets of one doc, as plain lists."""

    texts: list[str]
    starts: list[int]


def token_table(doc: Doc) -> TokenTable:
    """The doc's token texts and start offsets, built once per doc (cached in ``user_data``)."""
    table = doc.user_data.get(_TOKENS_KEY)
    if table is None or len(table.starts) != len(doc):
        if len(doc):
            rows = doc.to_array([ORTH, IDX]).tolist()
            strings = doc.vocab.strings
            table = TokenTable([strings[orth] for orth, _ in rows], [idx for _, idx in rows])
        else:
            table = TokenTable([], [])
        doc.user_data[_TOKENS_KEY] = table
    return table  # type: ignore[no-any-return]


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Local char offsets of the non-empty token range ``[start, end)``."""
    table = token_table(doc)
    return table.starts[start], table.starts[end - 1] + len(table.texts[end - 1])


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """Text of the non-empty token range ``[start, end)`` (``doc[start:end].text``)."""
    first, last = char_range(doc, start, end)
    return doc_text(doc)[first:last]


def token_at(doc: Doc, char: int) -> int:
    """Index of the last token starting at or before ``char`` (0 before the first token)."""
    return max(bisect.bisect_right(token_table(doc).starts, char) - 1, 0)


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token indices [first, last) covering the char range (empty doc: (0, 0))."""
    if not len(doc) or end <= start:
        return 0, 0
    return token_at(doc, start), token_at(doc, end - 1) + 1


def slice_text(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` (the text is read once per doc)."""
    return doc_text(doc)[start:end]


def in_ranges(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies inside one of the sorted, disjoint ``ranges``."""
    k = bisect.bisect_right(ranges, (start, 1 << 62)) - 1
    return k >= 0 and ranges[k][0] <= start and end <= ranges[k][1]


def clean_name(text: str) -> str:
    """Name text with straight apostrophes and single spaces."""
    return re.sub(r"\s+", " ", text.translate(APOSTROPHES)).strip()
