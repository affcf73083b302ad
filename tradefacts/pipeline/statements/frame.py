"""Per-doc lookups of the statements stage: char -> token, which tokens are quoted, sentences.

The run cache holds what is computed once per doc being processed (sentence bounds, resolver
answers, pronoun antecedents); ``start_run``/``end_run`` bracket one doc.
"""

from __future__ import annotations

import bisect
import threading

from spacy.tokens import Doc, Span, Token

from ..document import doc_text
from ..quotes import Quote


class RunCache(threading.local):
    """Per-thread caches for the doc being processed (sentence bounds, resolver answers)."""

    doc: Doc | None = None
    sentences: tuple[list[tuple[int, int]], list[int]] | None = None
    resolved: dict[tuple[int, int], str | None] = {}
    antecedents: dict[int, str | None] = {}


RUN = RunCache()


def start_run(doc: Doc) -> None:
    """Empty the run cache and bind it to ``doc``, the doc about to be processed."""
    RUN.doc, RUN.sentences, RUN.resolved, RUN.antecedents = doc, None, {}, {}


def end_run() -> None:
    """Empty the run cache once the doc is done (it must not keep the doc alive)."""
    RUN.doc, RUN.sentences, RUN.resolved, RUN.antecedents = None, None, {}, {}


def sentence_of(tok: Token) -> Span:
    """The sentence of ``tok``, from boundaries computed once per doc (``Token.sent`` rescans
    the doc on every call)."""
    doc = tok.doc
    if RUN.doc is not doc:
        return tok.sent
    if RUN.sentences is None:
        bounds: list[tuple[int, int]] = []
        owner: list[int] = []
        for k, sent in enumerate(doc.sents):
            bounds.append((sent.start, sent.end))
            owner.extend([k] * (sent.end - sent.start))
        RUN.sentences = (bounds, owner)
    start, end = RUN.sentences[0][RUN.sentences[1][tok.i]]
    return doc[start:end]


class Frame:
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
