"""Cutting merge inputs into atoms: an article's facts as they stand (a tariff becomes one
atom per product), a merged record back into one atom per source and stated value, from its
``sources``, ``variants``, ``scopes``, ``unstated`` and ``conflicts``, so records merge again.

An article's fact and a record's fact give their fields through the same readers
(``_entity_values`` ...), since every merged model extends its article model.

Known limit: evidence is kept per source, not per stated value. A target-less tariff report
joins the one specific target stated for its rate and product; when a second target only
arrives in a later merge, the joined report's evidence cannot be split back from the target's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pydantic import BaseModel

from ..models import (
    ArticleFacts,
    CanonicalRecord,
    Entity,
    Evidence,
    MergedTariffRate,
    Quantity,
    Statement,
    TariffRate,
    TradeEvent,
    Variant,
)
from .atoms import Atom, split_sources
from .fusion import decode
from .labels import entity_label, event_label, labels, quantity_label, statement_label, tariff_label

#: Per (fact label, field): each source's stated values, encoded as in conflict sides.
SidesBySource = dict[tuple[str, str], dict[str, list[str]]]


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
        **_fields(t, "target", "measure", "status", "qualifier"),
        "products": scope,
    }


def _statement_values(s: Statement) -> dict[str, Any]:
    return _fields(s, "speaker", "speaker_name", "text", "kind")


def _event_values(v: TradeEvent) -> dict[str, Any]:
    return _fields(v, "type", "date", "date_text", "status", "participants", "location")


# --- articles ----------------------------------------------------------------------------------


def atoms_from_article(facts: ArticleFacts) -> dict[str, list[Atom]]:
    """Return the atoms of one article, by fact kind (tariffs cut into one atom per product)."""
    src = frozenset((facts.doc_id,))
    atoms: dict[str, list[Atom]] = defaultdict(list)
    for e in facts.entities:
        atoms["entity"].append(Atom(src, _entity_values(e), tuple(e.evidence)))
    for q in facts.quantities:
        atoms["quantity"].append(Atom(src, _quantity_values(q), tuple(q.evidence)))
    for t in facts.tariffs:
        scope = tuple(sorted(set(t.products)))
        for product in scope or (None,):
            atoms["tariff"].append(Atom(src, _tariff_values(t, product, scope), tuple(t.evidence)))
    for s in facts.statements:
        atoms["statement"].append(Atom(src, _statement_values(s), tuple(s.evidence)))
    for v in facts.events:
        values = dict(_event_values(v), participants=tuple(sorted(set(v.participants))))
        atoms["event"].append(Atom(src, values, tuple(v.evidence)))
    return atoms


# --- merged records ----------------------------------------------------------------------------


def _sides_by_source(record: CanonicalRecord) -> SidesBySource:
    """Return, per (fact label, field), each source's stated values (encoded)."""
    table: SidesBySource = {}
    for conflict in record.conflicts:
        per_source: dict[str, list[str]] = defaultdict(list)
        for side in conflict.sides:
            for source in side.sources:
                per_source[source].append(side.value)
        table[(conflict.fact, conflict.field)] = per_source
    return table


def _evidence_by_source(
    evidence: Iterable[Evidence], sources: Iterable[str]
) -> tuple[dict[str, list[Evidence]], list[Evidence]]:
    """Return a fact's evidence grouped by its source, and the evidence of no listed source."""
    listed = set(sources)
    by_source: dict[str, list[Evidence]] = defaultdict(list)
    foreign: list[Evidence] = []
    for item in evidence:
        (by_source[item.doc_id] if item.doc_id in listed else foreign).append(item)
    return by_source, foreign


def _split(
    fact: Any,
    label: str,
    chosen: dict[str, Any],
    kinds: dict[str, str],
    sides: SidesBySource,
    grouped: tuple[dict[str, list[Evidence]], list[Evidence]] | None = None,
) -> list[Atom]:
    """Return the atoms of a merged fact: per group of sources stating the same values, one
    atom per combination of the disputed values they state. ``grouped`` is the fact's
    evidence by source (see ``_evidence_by_source``), computed here if not given."""
    by_source, foreign = grouped or _evidence_by_source(fact.evidence, fact.sources)
    # what each source states other than the chosen values: (field, encoded values or None)
    deviations: dict[str, list[tuple[str, tuple[str, ...] | None]]] = defaultdict(list)
    silent = {u.field: u.sources for u in getattr(fact, "unstated", ())}
    for name in chosen:
        stated = sides.get((label, name), {})
        for source, texts in stated.items():
            deviations[source].append((name, tuple(texts)))
        for source in silent.get(name, ()):
            if source not in stated:
                deviations[source].append((name, None))
    alike: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for source in fact.sources or ("",):
        found = deviations.get(source)
        alike[tuple(found) if found else ()].append(source)
    atoms: list[Atom] = []
    for deviation, sources in alike.items():
        evidence = (*(e for s in sources for e in by_source.get(s, ())), *foreign)
        options: list[dict[str, Any]] = [dict(chosen)]
        for name, texts in deviation:
            values = [None] if texts is None else [decode(t, kinds.get(name, "str")) for t in texts]
            options = [{**o, name: v} for o in options for v in values]
        atoms.extend(Atom(frozenset(sources), o, evidence) for o in options)
    return atoms


def _labelled(facts: Sequence[Any], label_of: Callable[[Any], str]) -> list[tuple[Any, str]]:
    """Return each fact of a record with the label its conflicts name it by."""
    return list(zip(facts, labels(facts, label_of), strict=True))


def atoms_from_record(record: CanonicalRecord) -> dict[str, list[Atom]]:
    """Return a merged record cut back into per-source atoms."""
    sides = _sides_by_source(record)
    atoms: dict[str, list[Atom]] = defaultdict(list)
    for e, label in _labelled(record.entities, entity_label):
        chosen = dict(_entity_values(e), aliases=frozenset(e.aliases) | {e.name})
        atoms["entity"] += _split(e, label, chosen, {}, sides)
    for q, label in _labelled(record.quantities, quantity_label):
        atoms["quantity"] += _split(q, label, _quantity_values(q), {}, sides)
    for t, label in _labelled(record.tariffs, tariff_label):
        atoms["tariff"] += _tariff_atoms(t, label, sides)
    for s, label in _labelled(record.statements, statement_label):
        grouped = _evidence_by_source(s.evidence, s.sources)
        for variant in s.variants or (Variant(text=s.text, sources=s.sources),):
            wording = s.model_copy(update={"text": variant.text, "sources": variant.sources})
            chosen = _statement_values(wording)
            atoms["statement"] += _split(wording, label, chosen, {}, sides, grouped)
    kinds = {"participants": "tuple", "date": "date"}
    for v, label in _labelled(record.events, event_label):
        atoms["event"] += _split(v, label, _event_values(v), kinds, sides)
    return atoms


def _tariff_atoms(t: MergedTariffRate, label: str, sides: SidesBySource) -> list[Atom]:
    """Return a merged tariff's atoms: per source, one per product list (scope) it stated."""
    chosen = _tariff_values(t, t.products[0] if t.products else None, t.products)
    stated: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for scope_variant in t.scopes:
        for source in set(scope_variant.sources):
            stated[source].append(decode(scope_variant.text, "tuple"))
    atoms = []
    for atom in _split(t, label, chosen, {"products": "tuple"}, sides):
        by_scopes: dict[tuple[tuple[str, ...], ...], list[str]] = defaultdict(list)
        for source in atom.sources:
            by_scopes[tuple(stated.get(source) or [atom.values["products"]])].append(source)
        parts = split_sources(atom, list(by_scopes.values())) if len(by_scopes) > 1 else [atom]
        for scopes, part in zip(by_scopes, parts, strict=True):
            atoms += [
                Atom(part.sources, dict(part.values, products=s), part.evidence) for s in scopes
            ]
    return atoms
