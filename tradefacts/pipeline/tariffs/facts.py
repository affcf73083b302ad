"""From per-percent findings to the doc's tariff facts: grounded evidence, back-references
joined to the fuller fact, one fact per rate+imposer+target+products."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Span, Token

from ...models import Evidence, TariffRate
from ..document import evidence, in_clutter
from .context import Context
from .vocabulary import tables

#: Longest evidence sentence kept whole (characters).
MAX_EVIDENCE_CHARS = 600


@dataclass
class Found:
    """A tariff fact before consolidation, with whether its status came from a cue."""

    fact: TariffRate
    status_from_cue: bool
    every_partner: bool = False  # the text says the rate is on every partner
    stated: bool = True  # the clause names a side (else both came from fallbacks)
    definite: bool = False  # "the 125% tariffs", "those duties": refers to a rate named before
    tariff_at: int = -1  # character offset of the tariff word the rate is linked to
    bare: bool = False  # a definite back-reference naming no goods or scope ("the 25% levy")
    sentence_at: int = -1  # character offset of the rate's sentence
    anaphor: bool = False  # its tariff word stands for one named before ("That rate is 20%")
    unscoped: bool = False  # its phrase names no goods, scope or partners
    goods_before: bool = False  # its scope points back to goods named before ("those sectors")


def evidence_span(
    ctx: Context, sent: Span, clause: tuple[int, int], pspan: Span, tariff: Token
) -> Evidence:
    """Evidence: the sentence, else the clause, else the rate-to-tariff-word stretch.

    The sentence is trimmed; the clause is used when it is overly long or touches page clutter.
    """
    doc = ctx.doc
    last = doc[clause[1] - 1]
    candidates = [
        (sent.start_char, sent.end_char),
        (doc[clause[0]].idx, last.idx + len(last)),
        (min(pspan.start_char, tariff.idx), max(pspan.end_char, tariff.idx + len(tariff))),
    ]
    for a, b in candidates:
        text = ctx.text[a:b]
        a += len(text) - len(text.lstrip())
        b -= len(text) - len(text.rstrip())
        if a < b and b - a <= MAX_EVIDENCE_CHARS and not in_clutter(doc, a, b):
            return evidence(ctx.doc, a, b)
    return evidence(ctx.doc, *candidates[-1])


def consolidate(found: list[Found]) -> list[TariffRate]:
    """One fact per rate+imposer+target+products: cue statuses beat defaults; evidence joined."""
    t = tables()
    groups: dict[tuple[Any, ...], list[Found]] = {}
    for f in _resolve_back_references(_goods_pointed_back(found)):
        key = (f.fact.rate_percent, f.fact.imposer, f.fact.target)
        groups.setdefault(key, []).append(f)
    out = []
    for items in (part for group in groups.values() for part in _by_products(group)):
        cued = [f.fact.status for f in items if f.status_from_cue]
        status = next((s for s in t.status_priority if s in cued), items[0].fact.status)
        measures = [f.fact.measure for f in items if f.fact.measure != "other"]
        qualifiers = [f.fact.qualifier for f in items if f.fact.qualifier != "exact"]
        evidences = sorted(
            {e for f in items for e in f.fact.evidence}, key=lambda e: (e.start, e.end)
        )
        out.append(
            items[0].fact.model_copy(
                update={
                    "status": status,
                    "measure": measures[0] if measures else "other",
                    "qualifier": qualifiers[0] if qualifiers else "exact",
                    "products": tuple(sorted({p for f in items for p in f.fact.products})),
                    "evidence": tuple(evidences),
                }
            )
        )
    return out


def _by_products(items: list[Found]) -> list[list[Found]]:
    """Findings of one rate, imposer and target, grouped by overlapping products: "steel" and
    "galvanized steel sheet, steel" are one fact; all goods (no products) stays apart."""
    parts: list[tuple[set[str], list[Found]]] = []
    for f in items:
        products = set(f.fact.products)
        joined = [p for p in parts if (p[0] & products) or (not p[0] and not products)]
        merged: tuple[set[str], list[Found]] = (set(products), [f])
        for p in joined:
            merged[0].update(p[0])
            merged[1].extend(p[1])
            parts.remove(p)
        parts.append(merged)
    return [sorted(p[1], key=lambda f: f.fact.evidence[0].start) for p in parts]


def _resolve_back_references(found: list[Found]) -> list[Found]:
    """A vague "the duties of 25 percent" joins the one fuller fact at that rate, if any; a rate
    whose sides both came from fallbacks and that refers back ("The 125% tariffs will apply
    from Saturday") takes the sides of the one reading of that rate whose clause names them."""
    named: dict[float, list[tuple[int, tuple[str | None, str | None]]]] = {}
    goods: dict[tuple[float, str | None, str | None], set[tuple[str, ...]]] = {}
    for f in found:
        if f.stated:
            at = _position(f)
            named.setdefault(f.fact.rate_percent, []).append((at, (f.fact.imposer, f.fact.target)))
            sides = (f.fact.rate_percent, f.fact.imposer, f.fact.target)
            goods.setdefault(sides, set()).add(f.fact.products)
    naming = {f.sentence_at for f in found if f.stated}
    found = [_adopt_named_sides(f, named.get(f.fact.rate_percent, []), goods) for f in found]
    found = _share_adopted_sides(found)
    found = _share_sentence_sides(found, naming)
    fuller: dict[tuple[float, str | None], set[tuple[str | None, tuple[str, ...]]]] = {}
    for f in found:
        if f.fact.target is not None:
            key = (f.fact.rate_percent, f.fact.imposer)
            fuller.setdefault(key, set()).add((f.fact.target, f.fact.products))
    out = []
    for f in found:
        fact = f.fact
        options = fuller.get((fact.rate_percent, fact.imposer), set())
        vague = fact.target is None and not fact.products and not f.every_partner
        if vague and fact.measure not in {"baseline", "average"} and len(options) == 1:
            target, products = next(iter(options))
            fact = fact.model_copy(update={"target": target, "products": products})
        out.append(replace(f, fact=fact))
    return _carry_goods(_adopt_goods(_resolve_anaphors(out)))


def _position(f: Found) -> int:
    return f.tariff_at if f.tariff_at >= 0 else f.fact.evidence[0].start


def _adopt_named_sides(
    f: Found,
    named: list[tuple[int, tuple[str | None, str | None]]],
    goods: dict[tuple[float, str | None, str | None], set[tuple[str, ...]]],
) -> Found:
    """The sides (and, when it names none, the products) of the stated reading of the rate a
    definite back-reference refers to: the nearest one stated before it, else the only one."""
    if f.stated or not f.definite or f.every_partner or not named:
        return f
    before = [sides for at, sides in sorted(named, key=lambda n: n[0]) if at < _position(f)]
    if before:
        imposer, target = before[-1]
    elif len({sides for _, sides in named}) == 1:
        imposer, target = named[0][1]
    else:
        return f
    update: dict[str, Any] = {"imposer": imposer, "target": target}
    products = goods.get((f.fact.rate_percent, imposer, target), set())
    if not f.fact.products and len(products) == 1:
        update["products"] = next(iter(products))  # "The 40% tariffs" of "40% on US steel"
    fact = f.fact.model_copy(update=update)
    return replace(f, fact=fact, stated=True, definite=True)


def _share_adopted_sides(found: list[Found]) -> list[Found]:
    """A rate linked to the same tariff word as a back-reference that adopted its sides takes
    those sides too, when its own came from fallbacks ("The 125% tariffs, up from 84%, ...")."""
    adopted = {
        f.tariff_at: (f.fact.imposer, f.fact.target)
        for f in found
        if f.definite and f.stated and f.tariff_at >= 0
    }
    out = []
    for f in found:
        sides = adopted.get(f.tariff_at)
        if sides is None or f.stated or f.definite or f.every_partner:
            out.append(f)
            continue
        fact = f.fact.model_copy(update={"imposer": sides[0], "target": sides[1]})
        out.append(replace(f, fact=fact, stated=True, definite=False))
    return out


def _share_sentence_sides(found: list[Found], naming: set[int]) -> list[Found]:
    """In a sentence that names no side, a definite rate whose sides came from fallbacks takes
    the one pair a back-reference of the sentence adopted ("The 15% tariff is a step back
    from the 25% proposed earlier and the 24% rate floated in April")."""
    adopted: dict[int, set[tuple[str | None, str | None]]] = {}
    for f in found:
        if f.stated and f.sentence_at not in naming:
            adopted.setdefault(f.sentence_at, set()).add((f.fact.imposer, f.fact.target))
    out = []
    for f in found:
        pairs = adopted.get(f.sentence_at, set())
        if f.stated or not f.definite or f.every_partner or len(pairs) != 1:
            out.append(f)
            continue
        imposer, target = next(iter(pairs))
        fact = f.fact.model_copy(update={"imposer": imposer, "target": target})
        out.append(replace(f, fact=fact, stated=True))
    return out


def _resolve_anaphors(found: list[Found]) -> list[Found]:
    """A rate whose tariff word stands for the one named last ("The rates range from 13.8% to
    39.9%") takes that reading's goods, and its sides when its own came from fallbacks."""
    out = []
    for f in found:
        at = _position(f)
        before = [g for g in found if _position(g) < at and not g.anaphor]
        if not f.anaphor or not before:
            out.append(f)
            continue
        last = max(_position(g) for g in before)
        antecedents = [g.fact for g in before if _position(g) == last]
        update: dict[str, Any] = {}
        goods = {g.products for g in antecedents}
        if not f.fact.products and len(goods) == 1:
            update["products"] = goods.pop()
        pairs = {(g.imposer, g.target) for g in antecedents}
        if not f.stated and len(pairs) == 1:
            update["imposer"], update["target"] = pairs.pop()
        fact = f.fact.model_copy(update=update)
        out.append(replace(f, fact=fact, stated=f.stated or "imposer" in update))
    return out


def _carry_goods(found: list[Found]) -> list[Found]:
    """A rate whose phrase names no goods takes the one set of goods the sentence before gives
    the same rate and sides ("China put 100% tariffs on Canadian canola oil. Canada will answer
    Beijing's 100% tariffs, Ottawa said."). Another rate's goods are not carried: the sentence
    after "25% on steel" may well state the rate on everything."""
    out = []
    for f in found:
        if not f.unscoped or f.fact.products or f.sentence_at < 0:
            out.append(f)
            continue
        earlier = [g.sentence_at for g in found if 0 <= g.sentence_at < f.sentence_at]
        previous = max(earlier, default=-1)
        goods = {
            g.fact.products
            for g in found
            if g.sentence_at == previous
            and g.fact.products
            and (g.fact.imposer, g.fact.target) == (f.fact.imposer, f.fact.target)
            and g.fact.rate_percent == f.fact.rate_percent
        }
        if len(goods) == 1:
            f = replace(f, fact=f.fact.model_copy(update={"products": goods.pop()}))
        out.append(f)
    return out


def _goods_pointed_back(found: list[Found]) -> list[Found]:
    """A scope pointing back ("Canada's countertariffs on those industries") covers the goods
    of the nearest reading before it, in its sentence or the one before."""
    out = []
    for f in found:
        if not f.goods_before or f.fact.products:
            out.append(f)
            continue
        at = _position(f)
        earlier = [g for g in found if g.fact.products and _position(g) < at]
        sentences = sorted({g.sentence_at for g in found if g.sentence_at <= f.sentence_at})
        recent = set(sentences[-2:])
        earlier = [g for g in earlier if g.sentence_at in recent]
        if earlier:
            nearest = max(earlier, key=_position)
            f = replace(f, fact=f.fact.model_copy(update={"products": nearest.fact.products}))
        out.append(f)
    return out


def _adopt_goods(found: list[Found]) -> list[Found]:
    """A bare back-reference ("adapted to the initial 25% tariff") covers the goods of the
    nearest reading before it at that rate, with that imposer and a compatible target."""
    out = []
    for f in found:
        fact = f.fact
        if not f.bare or fact.products:
            out.append(f)
            continue
        at = _position(f)
        earlier = [
            g
            for g in found
            if g.fact.products
            and _position(g) < at
            and g.fact.rate_percent == fact.rate_percent
            and g.fact.imposer == fact.imposer
            and (g.fact.target == fact.target or None in {g.fact.target, fact.target})
        ]
        if earlier:
            nearest = max(earlier, key=_position)
            fact = fact.model_copy(update={"products": nearest.fact.products})
        out.append(replace(f, fact=fact))
    return out
