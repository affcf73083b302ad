"""Cutting merge inputs into atoms: an article's facts as they stand (a tariff becomes one
atom per product), a merged record back into its facts' ``reports`` (``atoms_from_reports``):
one atom per distinct stated value with every source stating it, exactly the atoms its
articles gave, grouped by source.

An article's fact and a record's fact give their fields through the same readers
(``_entity_values`` ...), since every merged model and every report extends its article model.

A merged fact without reports (built by hand, or JSON written before reports existed) is cut
from its ``sources``, ``variants``, ``scopes``, ``unstated`` and ``conflicts`` instead, one
atom per source and stated value. That is approximate: a record keeps one value per source
and field there, so one article's two statements of a fact cannot be paired back, and
evidence is kept per source, not per stated value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import chain, groupby
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

from ..models import (
    ArticleFacts,
    CanonicalRecord,
    Entity,
    Evidence,
    Evidences,
    Quantity,
    Statement,
    TariffRate,
    TradeEvent,
    Variant,
    canonical_evidence,
)
from .atoms import Atom
from .fusion import decode
from .labels import entity_label, event_label, labels, quantity_label, statement_label, tariff_label
from .reports import shared_sources
from .runs import in_order

# --- the fields an atom compares, read from an article's or a record's fact --------------------


def _fields(model: BaseModel, *names: str) -> dict[str, Any]:
    stored = model.__dict__  # plain lookups: this runs for every fact of every article
    return {name: stored[name] for name in names}


def _entity_values(e: Entity) -> dict[str, Any]:
    return {**_fields(e, "id", "name", "type", "country", "role"), "aliases": frozenset(e.aliases)}


def _quantity_values(q: Quantity) -> dict[str, Any]:
    return {
        **_fields(q, "kind", "unit", "per_unit"),
        "reading": (q.value, q.text),
        "approximate": q.approximate,
    }


def _tariff_values(t: TariffRate, product: str | None, scope: tuple[str, ...]) -> dict[str, Any]:
    """Return the fields of one product's tariff; ``scope`` is the product list stated."""
    return {
        "rate": round(t.rate_percent, 2),
        "imposer": t.imposer,
        "product": product,
        **_fields(t, "target", "measure", "status", "qualifier", "effective", "effective_text"),
        "products": scope,
    }


def _statement_values(s: Statement) -> dict[str, Any]:
    return _fields(s, "speaker", "speaker_name", "text", "kind")


def _event_values(v: TradeEvent) -> dict[str, Any]:
    return _fields(v, "type", "date", "date_text", "status", "participants", "location")


# --- articles ----------------------------------------------------------------------------------


def atoms_from_article(facts: ArticleFacts) -> dict[str, list[Atom]]:
    """Return the atoms of one article, by fact kind (tariffs cut into one atom per product)."""
    src, ordered = frozenset((facts.doc_id,)), (facts.doc_id,)
    atoms: dict[str, list[Atom]] = defaultdict(list)

    def add(kind: str, values: dict[str, Any], evidence: Evidences) -> None:
        atoms[kind].append(Atom(src, values, canonical_evidence(evidence), ordered))

    for e in facts.entities:
        add("entity", _entity_values(e), e.evidence)
    for q in facts.quantities:
        add("quantity", _quantity_values(q), q.evidence)
    for t in facts.tariffs:
        scope = tuple(sorted(set(t.products)))
        for product in scope or (None,):
            add("tariff", _tariff_values(t, product, scope), t.evidence)
    for s in facts.statements:
        add("statement", _statement_values(s), s.evidence)
    for v in facts.events:
        participants = tuple(sorted(set(v.participants)))
        add("event", dict(_event_values(v), participants=participants), v.evidence)
    return atoms


# --- merged records ----------------------------------------------------------------------------
#
# A record of N articles is cut back into atoms at every level of a tree reduction, so this
# part stays linear with small constants: sources are grouped by set operations (``_refine``),
# and evidence is sliced per source only for facts whose sources state different values.

#: Per (fact label, field): the conflict's sides, each an encoded value and its sources.
Sides = dict[tuple[str, str], list[tuple[str, frozenset[str]]]]

#: A record's facts of one kind, each with the label its conflicts name it by.
Labelled = list[tuple[Any, str]]

#: What ``_split`` returns: groups of sources that state alike, each with its value options.
Parts = list[tuple[frozenset[str], list[dict[str, Any]]]]

_doc_id = attrgetter("doc_id")


def _sides(record: CanonicalRecord, facts: set[str] | None = None) -> Sides:
    """Return, per (fact label, field), the sides of the record's conflict (of the facts
    labelled ``facts``, or of all)."""
    return {
        (c.fact, c.field): [(side.value, frozenset(side.sources)) for side in c.sides]
        for c in record.conflicts
        if facts is None or c.fact in facts
    }


def _refine(groups: list[frozenset[str]], members: frozenset[str]) -> list[frozenset[str]]:
    """Return ``groups`` with each group cut into its sources in and not in ``members``."""
    refined = []
    for group in groups:
        inside = group & members
        if inside and len(inside) < len(group):
            refined += [inside, group - inside]
        else:
            refined.append(group)
    return refined


class EvidenceBySource:
    """A merged fact's evidence (in canonical order) for any group of its sources (sorted),
    with the evidence of no listed source in every group; sliced per source only when a
    group is not all of them."""

    def __init__(self, evidence: Evidences, sources: tuple[str, ...]) -> None:
        self.evidence = evidence
        self.sources = sources
        self._listed = frozenset(sources)
        self._by_source: dict[str, list[Evidence]] | None = None
        self._foreign: Evidences = ()

    def ordered(self, group: frozenset[str]) -> tuple[str, ...]:
        """Return the sources of ``group`` sorted."""
        if group == self._listed:
            return self.sources
        return in_order(group, self.sources) if group <= self._listed else tuple(sorted(group))

    def __call__(self, group: frozenset[str], ordered: Sequence[str] | None = None) -> Evidences:
        """Return the evidence of ``group`` (``ordered``: its sources sorted, when known)."""
        if group >= self._listed:
            return self.evidence
        if self._by_source is None:
            by_source: dict[str, list[Evidence]] = defaultdict(list)
            for doc_id, items in groupby(self.evidence, key=_doc_id):
                by_source[doc_id].extend(items)
            foreign = [doc_id for doc_id in by_source if doc_id not in self._listed]
            self._foreign = tuple(chain.from_iterable(by_source.pop(d) for d in foreign))
            self._by_source = by_source
        found = self._by_source
        members = self.ordered(group) if ordered is None else ordered
        own = tuple(chain.from_iterable(found[s] for s in members if s in found))
        return canonical_evidence(own + self._foreign) if self._foreign else own


def _split(
    fact: Any, label: str, chosen: dict[str, Any], kinds: dict[str, str], sides: Sides
) -> Parts:
    """Return the sources of a merged fact grouped by the values they state, each group with
    one value option per combination of the disputed values it states (``kinds``: how a
    field's conflict sides decode, str by default)."""
    silent = {u.field: frozenset(u.sources) for u in getattr(fact, "unstated", ())}
    groups = [frozenset(fact.sources or ("",))]
    disputed = []
    for name in chosen:
        stated, quiet = sides.get((label, name), []), silent.get(name, frozenset())
        if stated or quiet:
            for _, members in stated:
                groups = _refine(groups, members)
            groups = _refine(groups, quiet)
            disputed.append((name, stated, quiet))
    parts: Parts = []
    for group in sorted(groups, key=min):
        member = min(group)  # every member of a group states alike
        options = [dict(chosen)]
        for name, stated, quiet in disputed:
            texts = [text for text, members in stated if member in members]
            if texts:
                values = [decode(t, kinds.get(name, "str")) for t in texts]
            elif member in quiet:
                values = [None]
            else:
                continue
            options = [{**o, name: v} for o in options for v in values]
        parts.append((group, options))
    return parts


def _atoms(parts: Parts, evidence: EvidenceBySource) -> list[Atom]:
    return [
        Atom(group, option, evidence(group), evidence.ordered(group))
        for group, options in parts
        for option in options
    ]


def _labelled(facts: Sequence[Any], label_of: Callable[[Any], str]) -> Labelled:
    """Return each fact of a record with the label its conflicts name it by."""
    return list(zip(facts, labels(facts, label_of), strict=True))


def _of_all(fact: Any) -> EvidenceBySource:
    return EvidenceBySource(fact.evidence, fact.sources)


def atoms_from_reports(fact: Any, values_of: Callable[[Any], dict[str, Any]]) -> list[Atom]:
    """Return a merged fact cut into one atom per report (``values_of``: a report's atom
    values), each with the evidence of its sources, or its own when it keeps any."""
    reports = fact.reports
    if len(reports) == 1:
        only = reports[0]
        return [Atom(frozenset(only.sources), values_of(only), fact.evidence, only.sources)]
    shared = shared_sources([r.sources for r in reports], len(fact.sources))
    evidence = _of_all(fact)
    atoms = []
    for report in reports:
        group = frozenset(report.sources)
        own = shared and not shared.isdisjoint(group)
        found = report.evidence if own else evidence(group, report.sources)
        atoms.append(Atom(group, values_of(report), found, report.sources))
    return atoms


def _entity_atoms(facts: Labelled, sides: Sides) -> list[Atom]:
    atoms = []
    for e, label in facts:
        if e.reports:
            atoms += atoms_from_reports(e, _entity_values)
            continue
        chosen = dict(_entity_values(e), aliases=frozenset(e.aliases) | {e.name})
        atoms += _atoms(_split(e, label, chosen, {}, sides), _of_all(e))
    return atoms


def _quantity_atoms(facts: Labelled, sides: Sides) -> list[Atom]:
    atoms = []
    for q, label in facts:
        if q.reports:
            atoms += atoms_from_reports(q, _quantity_values)
            continue
        atoms += _atoms(_split(q, label, _quantity_values(q), {}, sides), _of_all(q))
    return atoms


def _reported_tariff(product: str | None, report: TariffRate) -> dict[str, Any]:
    """Return the atom values of a tariff report (for the merged fact's one ``product``)."""
    return _tariff_values(report, product, report.products)


def _tariff_atoms(facts: Labelled, sides: Sides) -> list[Atom]:
    """Return the tariffs' atoms: per source, one per product list (scope) it stated."""
    atoms = []
    for t, label in facts:
        product = t.products[0] if t.products else None
        if t.reports:
            atoms += atoms_from_reports(t, partial(_reported_tariff, product))
            continue
        chosen = _tariff_values(t, product, t.products)
        scopes = [(decode(v.text, "tuple"), frozenset(v.sources)) for v in t.scopes]
        evidence = _of_all(t)
        kinds = {"products": "tuple", "effective": "date"}
        for group, options in _split(t, label, chosen, kinds, sides):
            by_scopes: dict[tuple[Any, ...], list[frozenset[str]]] = defaultdict(list)
            parts = [group]
            for _, members in scopes:
                parts = _refine(parts, members)
            for part in parts:
                member = min(part)
                stated = tuple(scope for scope, members in scopes if member in members)
                by_scopes[stated].append(part)
            for stated, found in by_scopes.items():
                sources = frozenset().union(*found)
                for option in options:
                    for scope in stated or (option["products"],):
                        values = dict(option, products=scope)
                        atoms.append(
                            Atom(sources, values, evidence(sources), evidence.ordered(sources))
                        )
    return atoms


def _statement_atoms(facts: Labelled, sides: Sides) -> list[Atom]:
    atoms = []
    for s, label in facts:
        if s.reports:
            atoms += atoms_from_reports(s, _statement_values)
            continue
        evidence = _of_all(s)
        for variant in s.variants or (Variant(text=s.text, sources=s.sources),):
            wording = s.model_copy(update={"text": variant.text, "sources": variant.sources})
            chosen = _statement_values(wording)
            atoms += _atoms(_split(wording, label, chosen, {}, sides), evidence)
    return atoms


def _event_atoms(facts: Labelled, sides: Sides) -> list[Atom]:
    atoms = []
    kinds = {"participants": "tuple", "date": "date"}
    for v, label in facts:
        if v.reports:
            atoms += atoms_from_reports(v, _event_values)
            continue
        atoms += _atoms(_split(v, label, _event_values(v), kinds, sides), _of_all(v))
    return atoms


_RECORD_ATOMS = {
    "entity": _entity_atoms,
    "quantity": _quantity_atoms,
    "tariff": _tariff_atoms,
    "statement": _statement_atoms,
    "event": _event_atoms,
}


def atoms_from_record(
    record: CanonicalRecord, kinds: Iterable[str] = tuple(_RECORD_ATOMS)
) -> dict[str, list[Atom]]:
    """Return a merged record cut back into per-source atoms (of the fact ``kinds`` given:
    entity, quantity, tariff, statement, event)."""
    facts: dict[str, tuple[Sequence[Any], Callable[[Any], str]]] = {
        "entity": (record.entities, entity_label),
        "quantity": (record.quantities, quantity_label),
        "tariff": (record.tariffs, tariff_label),
        "statement": (record.statements, statement_label),
        "event": (record.events, event_label),
    }
    labelled = {kind: _labelled(*facts[kind]) for kind in kinds}
    wanted = None  # conflicts of every fact, unless only some kinds are cut
    if set(labelled) != set(facts):
        wanted = {label for pairs in labelled.values() for _, label in pairs}
    legacy = any(not fact.reports for pairs in labelled.values() for fact, _ in pairs)
    sides = _sides(record, wanted) if legacy else {}
    atoms: dict[str, list[Atom]] = defaultdict(list)
    for kind, pairs in labelled.items():
        atoms[kind] = _RECORD_ATOMS[kind](pairs, sides)
    return atoms
