"""Products a tariff covers: categories of ``data/products.json`` found in the tariff phrase's
scope (its modifiers, its "on ..." phrases, the subject of "face")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import Context
from .frame import subject_of
from .scope import on_window, prep_scope, scope_preps
from .tokens import phrases_in, verb_in
from .vocabulary import tables

#: Longest stretch (tokens) of one scope range searched for products.
_MAX_SCOPE_TOKENS = 40


def products_in_scope(
    ctx: Context, tariff: Token, pspan: Span, verb: Token | None, lo: int, hi: int
) -> tuple[str, ...]:
    """Product categories in the tariff phrase's scope (sorted; empty = all goods)."""
    t = tables()
    doc = ctx.doc
    ranges: list[tuple[int, int]] = [(max(lo, tariff.left_edge.i), tariff.i)]
    preps = scope_preps(tariff, pspan, verb)
    if verb is not None and tariff.dep_ == "dobj":  # "secured 15% rates for their cars"
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
    for prep in preps:
        scope = prep_scope(doc, prep, lo, hi)
        ranges.append((scope.start, scope.stop))
    if verb is not None:
        subject, _ = subject_of(verb)
        if (
            subject is not None
            and verb_in(verb, t.target_subject_verbs)
            and tariff.dep_ not in {"nsubj", "nsubjpass"}
        ):
            ranges.append((subject.left_edge.i, subject.right_edge.i + 1))
    window = sorted(on_window(doc, tariff, hi))
    if window:
        ranges.append((window[0], window[-1] + 1))
    found: set[str] = set()
    for a, b in ranges:
        a, b = max(a, lo), min(b, hi, a + _MAX_SCOPE_TOKENS)
        if a < b:
            found.update(phrases_in(doc, a, b, t.products))
    return tuple(sorted(found))
