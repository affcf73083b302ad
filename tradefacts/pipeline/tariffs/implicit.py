"""Imposer and target when the clause does not state them: an imposer named earlier in the
sentence, the article's dominant imposer (most explicit cases) or the data file's default;
the one other country in the sentence, or the dominant imposer's trading partner."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ..document import in_clutter
from .context import WINDOW, Context, sentence_span
from .parties import Roles, clause_roles
from .tokens import in_parentheses, in_purchased_goods
from .vocabulary import tables

#: At most this many tariff words are examined for the article's dominant imposer.
MAX_DOMINANCE_WORDS = 200


def imposer_ranking(ctx: Context, rated: frozenset[int] = frozenset()) -> list[str]:
    """Countries whose tariffs the doc discusses, most explicit cases first (ties: earliest).

    A tariff word that states a rate (index in ``rated``) counts twice: the article's numbers
    say more about whose tariffs it is about than passing mentions ("Vietnam charges no tariffs").
    """
    return dominance(ctx, rated)[0]


def dominance(ctx: Context, rated: frozenset[int]) -> tuple[list[str], dict[str, str]]:
    """The imposer ranking, and for each imposer its one most frequent explicit target.

    The partner fills the target of that imposer's product tariffs stated without one ("India
    will cut its tariff on whisky to 75%" in an article about India's tariffs on British goods).
    """
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    first: dict[str, int] = {}
    doc = ctx.doc
    for n, i in enumerate(sorted(ctx.tariff)):
        if n >= MAX_DOMINANCE_WORDS:
            break
        if in_clutter(doc, doc[i].idx, doc[i].idx + len(doc[i])):
            continue  # "Toyota sees profit squeezed by U.S. tariffs" in a headline list
        sent = sentence_span(ctx, doc[i : i + 1])
        lo, hi = max(sent.start, i - WINDOW), min(sent.end, i + WINDOW)
        roles = clause_roles(ctx, doc[i], doc[i : i + 1], lo, hi)
        weight = 2 if i in rated else 1
        for iso in roles.imposers[:1]:
            counts[iso] += weight
            first.setdefault(iso, i)
            for target in roles.targets[:1]:
                if target != iso:
                    pairs[(iso, target)] += weight
    ranking = sorted(counts, key=lambda iso: (-counts[iso], first[iso]))
    partners: dict[str, str] = {}
    for imposer in ranking:
        options = sorted(((c, t) for (i, t), c in pairs.items() if i == imposer), reverse=True)
        if options and (len(options) == 1 or options[0][0] > options[1][0]):
            partners[imposer] = options[0][1]
    return ranking, partners


def implicit_imposer(
    ctx: Context, tariff: Token, lo: int, targets: list[str], ranking: list[str]
) -> str | None:
    """The imposer of a tariff whose clause names none (``lo``: the sentence window's start)."""
    imposer = _earlier_imposer(ctx, tariff, lo, targets)
    if imposer is None:
        imposer = next((iso for iso in ranking if iso not in targets), None)
    if imposer is None:
        imposer = _default_imposer(ctx, targets)
    if imposer is None and targets:  # "Ghana argues that US exports face a 6% duty"
        sent = sentence_span(ctx, tariff.doc[tariff.i : tariff.i + 1])
        imposer = _one_other_country(ctx, sent, targets, _listed_with(ctx, targets, sent))
    return imposer


def _listed_with(ctx: Context, targets: list[str], sent: Span) -> set[int]:
    """Starts of the mentions listed with a target's ("the EU (15%) and the UK (10%)"): a
    member coordinated with it, or one with a parenthetical aside of its own, is no imposer."""
    doc = ctx.doc
    mentions = ctx.mentions_between(sent.start, sent.end)
    roots = [m.root for m in mentions if m.iso in targets]
    members = {c.i for r in roots for c in doc[r].conjuncts}
    return {m.start for m in mentions if m.root in members or _has_aside(doc[m.root])}


def _has_aside(token: Token) -> bool:
    return any(c.dep_ == "appos" and in_parentheses(c) for c in token.children)


def implicit_target(
    ctx: Context,
    sent: Span,
    roles: Roles,
    imposer: str | None,
    measure: str,
    products: tuple[str, ...],
    partners: dict[str, str],
) -> str | None:
    """The target of a tariff whose clause names none: the one other country in the sentence,
    else, for a sectoral tariff, the imposer's trading partner in the article."""
    if imposer is None or roles.all_partners:
        return None  # "the 25% rate imposed on other countries": no one partner
    if measure not in {"baseline", "average"}:
        other = _one_other_country(ctx, sent, [imposer], roles.role_tokens)
        if other is not None:
            return other
    if products and imposer in partners and measure == "sectoral":
        return partners[imposer]  # the article's trading partner of this imposer
    return None


def _one_other_country(
    ctx: Context, sent: Span, sides: list[str], taken: set[int] | None = None
) -> str | None:
    """The one country the sentence names besides ``sides`` (not in what is bought), if exactly
    one; else the one country of the people it names ("President Lula said ... reverse the 50%
    tariffs")."""
    mentions = [
        m
        for m in ctx.mentions_between(sent.start, sent.end)
        if sent.start <= m.root < sent.end
        and m.iso not in sides
        and m.start not in (taken or ())
        and not in_purchased_goods(ctx.doc[m.root])  # "its purchases of Russian oil"
    ]
    places = {m.iso for m in mentions if not m.is_person}
    if places:
        return next(iter(places)) if len(places) == 1 else None
    people = {m.iso for m in mentions}
    return next(iter(people)) if len(people) == 1 else None


def _earlier_imposer(ctx: Context, tariff: Token, lo: int, targets: list[str]) -> str | None:
    """The explicit imposer of the nearest earlier tariff word in the same sentence."""
    doc = ctx.doc
    for i in range(tariff.i - 1, lo - 1, -1):
        if i in ctx.tariff:
            found = clause_roles(ctx, doc[i], doc[i : i + 1], lo, tariff.i, lo).imposers
            found = [iso for iso in found if iso not in targets]
            if found:
                return found[0]
    return None


def _default_imposer(ctx: Context, targets: list[str]) -> str | None:
    """The data file's default imposer (the US, in today's news) when the doc names it."""
    default = tables().default_imposer
    if default is None or default in targets:
        return None
    return default if any(m.iso == default for m in ctx.mentions) else None


def previous_sentence_roles(ctx: Context, sent: Span) -> Roles | None:
    """For a rate in a sentence that names no country, the sides a tariff word of the sentence
    before states, when it states an imposer: "China said it will impose retaliatory tariffs on
    imports from Canada. There will be a 100% tariff on rapeseed oil, the ministry said."."""
    if sent.start == 0 or any(
        sent.start <= m.root < sent.end for m in ctx.mentions_between(sent.start, sent.end)
    ):
        return None
    lo = ctx.sent_start[sent.start - 1]
    doc = sent.doc
    for i in sorted(ctx.tariff, reverse=True):
        if lo <= i < sent.start:
            roles = clause_roles(ctx, doc[i], doc[i : i + 1], lo, sent.start, lo)
            if roles.imposers and not roles.all_partners:
                return roles
    return None
