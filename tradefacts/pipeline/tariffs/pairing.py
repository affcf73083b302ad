"""Rates paired with one of the sides a clause names: in order ("Vietnam and Indonesia face
tariffs of 20% and 19%, respectively" states 20% on Vietnam and 19% on Indonesia, not each rate
on both), or by a parenthesis ("tariffs on Vietnam (46%), Cambodia (49%)")."""

from __future__ import annotations

from spacy.tokens import Span

from .context import Context


def respective_side(ctx: Context, sent: Span, pspan: Span, sides: list[str]) -> str | None:
    """The one of ``sides`` that goes with the rate ``pspan`` when a "respectively" after it
    pairs as many rates as there are sides, in text order; else None."""
    if len(sides) < 2:
        return None
    marks = [t for t in sent if t.lower_ == "respectively"]
    after = next((t for t in marks if t.i >= pspan.end), None)
    if after is None:
        return None
    since = max((t.idx for t in marks if t.i < pspan.start), default=sent.start_char)
    rates = [p.start for p in ctx.percents if since <= p.start and p.end <= after.idx]
    if len(rates) != len(sides) or pspan.start_char not in rates:
        return None
    first_named: dict[str, int] = {}
    for m in ctx.mentions_between(sent.start, after.i):
        if sent.start <= m.root < after.i:
            first_named.setdefault(m.iso, m.start)
    if any(side not in first_named for side in sides):
        return None
    in_order = sorted(sides, key=lambda side: first_named[side])
    return in_order[rates.index(pspan.start_char)]


def joint_sides(ctx: Context, sent: Span, side: str) -> list[str]:
    """``side`` with the countries conjoined to its mention in ``sent`` ("Chile and Peru")."""
    doc = ctx.doc
    for m in ctx.mentions_between(sent.start, sent.end):
        if m.iso != side or not sent.start <= m.root < sent.end:
            continue
        out = [side]
        for conj in doc[m.root].conjuncts:
            other = ctx.by_token.get(conj.i)
            if other is not None and other.iso not in out:
                out.append(other.iso)
        return out
    return [side]


def parenthesized_owner(ctx: Context, pspan: Span) -> str | None:
    """The country whose mention stands right before the parenthesis that holds only the rate
    ``pspan``: "Cambodia (49%)", "Brazil (50 per cent)"; else None."""
    doc = ctx.doc
    before, after = pspan.start - 1, pspan.end
    if before < 1 or after >= len(doc) or doc[before].text != "(" or doc[after].text != ")":
        return None
    mention = ctx.by_token.get(before - 1)
    if mention is None or mention.end != before or mention.is_person:
        return None
    return mention.iso
