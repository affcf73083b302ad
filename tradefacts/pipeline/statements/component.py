"""Pipeline component tf_statements: direct quotations and who said them.

Quote marks are paired inside each paragraph (``..quotes``). A quote split around its
attribution ("...," he said, "...") and a quote running over several paragraphs become one
statement. The speaker is the subject of the cue verb that governs the quote (or of the nearest
cue verb beside it, or of the clause before an introducing colon), resolved to an entity id
(``attribution``, ``cues``, ``speakers``). Reported speech ("X said that ...") comes from
``indirect``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...models import Statement
from ..document import doc_text, evidence, in_clutter, register_extensions
from ..quotes import Quote, pair_quotes, paragraphs, quote_text
from .attribution import Attributed, attribute, continues_after_attribution, merge_split
from .cues import Cues, cues
from .frame import Frame, end_run, start_run
from .indirect import indirect_statements


def find_statements(doc: Doc) -> list[Statement]:
    """Direct quotes and reported speech of ``doc`` with a resolved speaker, outside clutter."""
    if not len(doc):
        return []
    start_run(doc)
    try:
        c = cues()
        text = doc_text(doc)
        paras = list(paragraphs(text))
        quotes = pair_quotes(text)
        frame = Frame(doc, quotes)
        direct = [_statement(frame, item) for item in _direct(quotes, frame, c, paras)]
        return direct + indirect_statements(frame, c, paras)
    finally:
        end_run()


def _direct(
    quotes: list[Quote], frame: Frame, c: Cues, paras: list[tuple[int, int]]
) -> list[Attributed]:
    """Attributed direct quotes: split quotes joined, follow-on quote paragraphs merged."""
    doc, text = frame.doc, frame.text
    quotes = merge_split(text, quotes, frame, c)
    kept: list[Attributed] = []
    for item in (attribute(q, frame, c, paras) for q in quotes):
        q = item.quote
        if any(in_clutter(doc, a, b) for a, b in q.pieces):
            continue
        if _is_headline_fragment(text, q, paras, c):
            continue
        prev = kept[-1] if kept else None
        if (
            not item.has_cue
            and prev is not None
            and prev.speaker is not None
            and len(quote_text(text, q.pieces).split()) >= c.short_words
            and continues_after_attribution(text, prev.quote, q, frame, c)
        ):
            kept.append(Attributed(q, prev.speaker, False))  # "...," X said. "..."
            continue
        if (
            not item.has_cue
            and prev is not None
            and prev.speaker is not None
            and prev.quote.paragraph + 1 == q.first_paragraph
            and _is_whole_paragraph(text, q, paras)
            and len(quote_text(text, q.pieces).split()) >= c.short_words
        ):
            prev.quote.pieces.extend(q.pieces)  # a follow-on paragraph of the same speaker
            prev.quote.paragraph = q.paragraph
            continue
        if item.speaker is not None:
            kept.append(item)
    return kept


def _is_headline_fragment(text: str, q: Quote, paras: list[tuple[int, int]], c: Cues) -> bool:
    """True for a short quote in a line without sentence-final punctuation (a headline: its
    scare quotes are the desk's label, the body reports who said what)."""
    if len(quote_text(text, q.pieces).split()) >= c.short_words:
        return False
    line = text[paras[q.first_paragraph][0] : paras[q.paragraph][1]].rstrip()
    return not line.endswith(HEADLINE_ENDINGS_NOT)


#: A line ending in one of these is a sentence, not a headline.
HEADLINE_ENDINGS_NOT = (".", "!", "?", ":", ";", '"', "”", "’", "'", "…", ")")


def _is_whole_paragraph(text: str, quote: Quote, paras: list[tuple[int, int]]) -> bool:
    """True when the quote is all there is in its paragraph(s) apart from its marks."""
    first, last = paras[quote.first_paragraph], paras[quote.paragraph]
    return (
        not text[first[0] : quote.open_at].strip()
        and len(text[quote.close_end : last[1]].strip(" .,;")) == 0
    )


def _statement(frame: Frame, item: Attributed) -> Statement:
    """The pydantic Statement for an attributed quote."""
    doc = frame.doc
    pieces = item.quote.pieces
    info = (doc._.entities or {}).get(item.speaker or "")
    return Statement(
        speaker=item.speaker,
        speaker_name=info.name if info is not None else None,
        text=quote_text(frame.text, pieces),
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
