"""Pipeline component tf_tariffs: numeric tariff rates with imposer, target, products, status.

For every percent quantity (``doc._.quantities``, kind ``percent``) outside page clutter, the
component finds the tariff word the percent is the rate of (``linking``), reads the sides the
clause states (``parties``), falls back on the sentence and the article for missing ones
(``implicit``), and adds products (``products``) and status, qualifier and measure (``cues``).
Findings become consolidated ``TariffRate`` facts (``facts``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...models import TariffRate
from ..document import in_clutter, register_extensions
from .context import (
    WINDOW,
    Context,
    CountryMention,
    Percent,
    clause_bounds,
    country_mentions,
    percents_in,
    sentence_span,
)
from .cues import (
    has_word_near,
    measure_for,
    qualifier_for,
    replaced_rate_status,
    status_for,
)
from .effective import with_effective_dates
from .facts import Found, consolidate, evidence_span
from .frame import governing_verb, relief_noun
from .implicit import dominance, implicit_imposer, implicit_target, previous_sentence_roles
from .linking import (
    comparison_link,
    elliptical_link,
    faced_by_subject,
    first_conjunct,
    imposed_rate,
    linked_tariff,
    own_scope,
    rated_tariff_words,
)
from .pairing import joint_sides, parenthesized_owner, respective_side
from .parties import clause_roles, compared_roles, elliptic_roles
from .products import products_in_scope
from .roles_model import Reading, choose_roles
from .scope import goods_named_before, scope_preps
from .tariff_words import tariff_tokens
from .tokens import change_noun_of
from .vocabulary import tables

#: At most this many percents per doc chunk are examined (news has dozens; bounds hostile input).
MAX_PERCENTS = 200


def find_tariffs(doc: Doc) -> list[TariffRate]:
    """The numeric tariffs stated in ``doc`` (needs quantities, and mentions for countries)."""
    percents = [p for p in percents_in(doc) if not in_clutter(doc, p.start, p.end)][:MAX_PERCENTS]
    if not percents or len(doc) == 0:
        return []
    ctx = Context(doc, tariff_tokens(doc), country_mentions(doc))
    if not ctx.tariff:
        return []
    ctx.rated = rated_tariff_words(ctx, percents)
    ctx.percents = percents
    ranking, partners = dominance(ctx, ctx.rated)
    found: list[Found] = []
    for pct in percents:
        found.extend(_facts_for_percent(ctx, pct, ranking, partners))
    return consolidate(found)


def _facts_for_percent(
    ctx: Context, pct: Percent, ranking: list[str], partners: dict[str, str]
) -> list[Found]:
    """The tariff facts (one per target) one percent states, or none when it is no tariff rate."""
    doc = ctx.doc
    pspan = doc.char_span(pct.start, pct.end, alignment_mode="expand")
    if pspan is None or len(pspan) == 0:
        return []
    sent = sentence_span(ctx, pspan)
    lo = max(sent.start, pspan.start - WINDOW)
    hi = min(sent.end, pspan.end + WINDOW)
    clauses = clause_bounds(sent, lo, hi)
    k = next((n for n, (a, b) in enumerate(clauses) if a <= pspan.root.i < b), 0)
    clo, chi = clauses[k]
    tariff = linked_tariff(ctx, pspan, lo, hi)
    compared: CountryMention | None = None
    elliptic: Token | None = None
    if tariff is None:
        tariff, compared = comparison_link(ctx, pspan, lo)
        if tariff is None or compared is None:
            elliptic = elliptical_link(ctx, pspan, lo)
            if elliptic is None:
                return []
            tariff, compared = pspan.root, None  # the rate stands in for its tariff word
    if not clo <= tariff.i < chi:
        clo, chi = min(clo, tariff.i), max(chi, tariff.i + 1)
    roles = clause_roles(ctx, tariff, pspan, clo, chi, lo)
    if compared is not None:
        first_roles = clause_roles(ctx, tariff, doc[tariff.i : tariff.i + 1], lo, pspan.start, lo)
        roles = compared_roles(first_roles, compared, ranking)
    first = elliptic if elliptic is not None else first_conjunct(ctx, tariff)
    if elliptic is not None:
        faced = faced_by_subject(ctx, pspan.root)  # "..., and Chile will see 35%"
        for m in faced:
            roles.add("target", m)
        keep = bool(faced) or imposed_rate(pspan.root)  # "the US will charge 20% on ..."
        roles = elliptic_roles(ctx, roles, elliptic, clo, chi, lo, keep_subjects=keep)
    elif not (roles.imposers or roles.targets) and first is not None:
        # "a 15% tariff added to US corn, and a 10% tariff to soybeans": the same sides, but a
        # conjunct with its own "on ..." keeps its own target ("..., and 10% on every country")
        inherited = clause_roles(ctx, first, doc[first.i : first.i + 1], min(clo, first.i), chi, lo)
        if roles.all_partners:
            inherited.targets.clear()
            inherited.all_partners = True
        roles = inherited
    carried = None
    if not (roles.imposers or roles.targets or roles.all_partners or _definite(tariff, pspan)):
        carried = previous_sentence_roles(ctx, sent)  # "There will be a 100% tariff on ..."
        roles = carried or roles
    verb = governing_verb(tariff)
    products = products_in_scope(ctx, tariff, pspan, verb, clo, chi)
    scoped = elliptic is not None and own_scope(ctx, tariff)  # "35% on other goods": all goods
    if (
        not products and first is not None and not scoped
    ):  # "on refined copper a 15% tariff, and 30%"
        first_verb = governing_verb(first)
        products = products_in_scope(ctx, first, doc[first.i : first.i + 1], first_verb, lo, chi)
    if not products and not scoped and _changed_levies(tariff, pspan, verb):
        products = _unrated_goods_before(ctx, tariff, sent)  # "metals tariffs ..., 50% levies"
    qualifier = qualifier_for(doc, pspan, tariff, pct.approximate)
    if roles.imposers:
        imposer: str | None = roles.imposers[0]
    else:  # an imposer named earlier in the sentence, else the article's dominant one
        imposer = implicit_imposer(ctx, tariff, lo, roles.targets, ranking)
    targets: list[str | None] = [iso for iso in roles.targets if iso != imposer]
    measure = measure_for(doc, pspan, tariff, (clo, chi), qualifier, products, bool(targets))
    if not targets:
        implied = implicit_target(ctx, sent, roles, imposer, measure, products, partners)
        targets = [implied] if implied is not None else []
    reading = Reading(
        imposer,
        targets,
        [] if carried else roles.imposers,  # carried from the sentence before: not stated
        [] if carried else roles.targets,
        roles.all_partners,
        ranking,
        partners,
        tuple(products),
        measure,
    )
    imposer, targets = choose_roles(ctx, pspan, tariff, sent, reading)
    paired = respective_side(ctx, sent, pspan, [t for t in targets if t is not None])
    targets = [paired] if paired is not None else targets
    owner = parenthesized_owner(ctx, pspan)
    if owner is not None and owner != imposer and owner not in roles.imposers:
        targets = [owner]
    if imposer is not None and imposer in roles.imposers:
        joint = joint_sides(ctx, sent, imposer)  # "Chile and Peru imposed 5% and 9%, respectively"
        imposer = respective_side(ctx, sent, pspan, joint) or imposer
    if measure == "reciprocal" and not targets:
        measure = "baseline" if has_word_near(doc, pspan, tariff, "board") else measure
    status, cued = status_for(doc, clauses, k, pspan)
    replaced = replaced_rate_status(doc, pspan)
    if replaced is not None and status in {"in_effect", "announced", "threatened", "proposed"}:
        # "up from the 25% imposed in March": no longer applies; "will raise tariffs from 15%
        # to 25%": the threat is the new rate's, the old one still applies
        status, cued = replaced, True
    if status in {"proposed", "announced"} and relief_noun(tariff) is not None:
        status = "in_effect"  # "seeking relief from the 25% tariff": the seeking is not the levy's
    ev = evidence_span(ctx, sent, (clauses[k][0], clauses[k][1]), pspan, tariff)
    definite = _definite(tariff, pspan)
    if status == "claimed" and definite and not _claim_inside(tariff, pspan):
        # "Trump claimed that the 30% tariff is not enough": the claim is about the rate,
        # whose existence "the" takes for granted
        status, cued = "in_effect", False
    unscoped = not products and not roles.all_partners
    unscoped = unscoped and not scope_preps(tariff, pspan, verb)  # not "the 15% levy on X"
    anaphor = unscoped and not definite and _anaphoric(tariff)  # "That rate is down from 20%"
    out = []
    for target in [*targets] or [None]:
        fact = TariffRate(
            rate_percent=pct.value,
            imposer=imposer,
            target=target,
            products=products,
            measure=measure,  # type: ignore[arg-type]
            status=status,  # type: ignore[arg-type]
            qualifier=qualifier,  # type: ignore[arg-type]
            evidence=(ev,),
        )
        stated = bool(roles.imposers or roles.targets) and carried is None
        out.append(
            Found(
                fact,
                cued,
                roles.all_partners,
                stated,
                definite,
                tariff.idx,
                bare=unscoped and definite,
                sentence_at=sent.start_char,
                anaphor=anaphor,
                unscoped=unscoped,
                goods_before=not products and goods_named_before(tariff, pspan, verb),
            )
        )
    return out


def _changed_levies(tariff: Token, pspan: Span, verb: Token | None) -> bool:
    """True for the tariff word of a change with no scope of its own: "a doubling of levies to
    50%" changes levies that exist, named before."""
    return change_noun_of(tariff) is not None and not scope_preps(tariff, pspan, verb)


def _unrated_goods_before(ctx: Context, tariff: Token, sent: Span) -> tuple[str, ...]:
    """The goods of the one tariff word before ``tariff`` in its sentence that states no rate
    and names goods: "efforts to remove metals tariffs ... ahead of a doubling of levies to
    50%"."""
    doc = ctx.doc
    named = set()
    for i in sorted(ctx.tariff):
        if not sent.start <= i < tariff.i or i in ctx.rated:
            continue
        word, verb = doc[i], governing_verb(doc[i])
        goods = products_in_scope(ctx, word, doc[i : i + 1], verb, sent.start, tariff.i)
        if goods:
            named.add(goods)
    return next(iter(named)) if len(named) == 1 else ()


_DEFINITE = frozenset({"the", "these", "those", "this", "that", "such"})


def _definite(tariff: Token, pspan: Span) -> bool:
    """True for "the 125% tariffs": a definite phrase with its rate inside, which refers back
    to that rate ("the proposed duties ranged from 10 to 50%" does not)."""
    start = tariff.left_edge.i
    inside = start <= pspan.start and pspan.end <= tariff.i
    return inside and tariff.doc[start].lower_ in _DEFINITE


def _claim_inside(tariff: Token, pspan: Span) -> bool:
    """True when a claim word sits inside the rate's own phrase ("the so-called 30% tariff",
    "the alleged 25% levy")."""
    claimed = tables().status_cues
    words = range(tariff.left_edge.i, tariff.i + 1)
    return any(claimed.get((tariff.doc[i].lower_,)) == "claimed" for i in words)


def _anaphoric(tariff: Token) -> bool:
    """True for a tariff word that stands for one named before: "That rate", "The duties"."""
    return tariff.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in _DEFINITE and c.i < tariff.i for c in tariff.children
    )


@Language.component("tf_tariffs")
def tariffs(doc: Doc) -> Doc:
    """Store the doc's numeric tariffs on ``doc._.tariffs``."""
    register_extensions()
    try:
        doc._.tariffs = with_effective_dates(doc, find_tariffs(doc))
    except (ValueError, IndexError) as err:  # never let odd text crash extraction
        doc._.tariffs = []
        doc.user_data.setdefault("tradefacts_warnings", []).append(f"tf_tariffs: {err}")
    return doc
