"""Scoring predictions against gold: per fact type for an article, and the checks of a
``record.gold.json`` for a merged record.

Optional gold items are neither hits nor misses and a prediction matched to one is not a
false hit. Only direct predicted statements are scored (the gold lists direct quotes); a
tariff's status and an event's type and status do not decide a match but their agreement on
hits is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..models import ArticleFacts, CanonicalRecord, Entity, TariffRate, TradeEvent
from .matching import (
    EntityNames,
    as_list,
    event_matches,
    match_one_to_one,
    money_matches,
    participant_matches,
    statement_matches,
    tariff_matches,
)
from .names import names_match
from .normalise import clip
from .results import RecordCheck, RecordResult, TypeScore


def _score(
    predictions: Sequence[Any],
    gold: Sequence[dict[str, Any]],
    matches: Callable[[dict[str, Any], Any], bool],
    describe_gold: Callable[[dict[str, Any]], str],
    describe_pred: Callable[[Any], str],
    slots: dict[str, Callable[[Any], Any]] | None = None,
) -> TypeScore:
    pairing = match_one_to_one(predictions, gold, matches)
    matched_gold = set(pairing.values())
    score = TypeScore()
    for p, g in sorted(pairing.items(), key=lambda pg: pg[1]):
        if gold[g].get("optional"):
            score.optional_matched += 1
        else:
            score.tp += 1
            _check_slots(score, gold[g], predictions[p], slots or {}, describe_gold)
    for g, item in enumerate(gold):
        if g not in matched_gold and not item.get("optional"):
            score.fn += 1
            score.misses.append(describe_gold(item))
    for p, pred in enumerate(predictions):
        if p not in pairing:
            score.fp += 1
            score.false_hits.append(describe_pred(pred))
    return score


def _check_slots(
    score: TypeScore,
    gold: dict[str, Any],
    pred: Any,
    slots: dict[str, Callable[[Any], Any]],
    describe_gold: Callable[[dict[str, Any]], str],
) -> None:
    """Count agreement on slots that do not decide a match (a tariff's status, an event's type)."""
    for slot, read in slots.items():
        if gold.get(slot) is None:
            continue
        got = read(pred)
        tally = score.slots.setdefault(slot, [0, 0])
        tally[1] += 1
        if got in as_list(gold[slot]):
            tally[0] += 1
        else:
            score.slot_diffs.append(f"{slot} {got!s} (gold {gold[slot]}): {describe_gold(gold)}")


def _describe_tariff(t: TariffRate) -> str:
    products = ",".join(t.products) or "all goods"
    return f"{t.rate_percent:g}% {t.imposer}->{t.target} [{products}] {t.status}"


def _describe_gold_tariff(g: dict[str, Any]) -> str:
    products = ",".join(g.get("products") or []) or "all goods"
    return f"{g['rate']:g}% {g.get('imposer')}->{g.get('target')} [{products}] {g.get('status')}"


def _describe_event(e: TradeEvent, names: EntityNames) -> str:
    who = ", ".join(names.name(p) for p in e.participants)
    return f"{e.type} {e.date or 'undated'} {e.status} [{who}]"


def describe_gold_statement(g: dict[str, Any]) -> str:
    """Speaker (alternatives joined by " / ") and fragment of a gold statement."""
    speaker = " / ".join(map(str, as_list(g.get("speaker"))))
    return f'{speaker}: "{g["contains"]}"'


def describe_gold_event(g: dict[str, Any]) -> str:
    who = ", ".join(g["participants"])
    kind = g.get("type") or "/".join(g.get("type_any") or []) or "any"
    return f"{kind} {g.get('date') or 'undated'} {g.get('status')} [{who}]"


def predicted_persons(facts: ArticleFacts, ignore: Sequence[str]) -> list[Entity]:
    """Person entities, minus those whose name matches an ``ignore_persons`` entry."""
    return [
        e
        for e in facts.entities
        if e.type == "person" and not any(names_match(i, e.name) for i in ignore)
    ]


def score_article(gold: dict[str, Any], facts: ArticleFacts) -> dict[str, TypeScore]:
    """Scores per fact type of one article's predictions against its gold annotation."""
    names = EntityNames.of(facts.entities)
    persons = predicted_persons(facts, gold.get("ignore_persons") or [])
    gold_persons = [
        {"name": p["name"], "optional": p.get("optional", False)} for p in gold.get("persons", [])
    ]
    scores = {
        "persons": _score(
            persons,
            gold_persons,
            lambda g, p: names_match(g["name"], p.name),
            lambda g: g["name"],
            lambda p: f"{p.name} ({p.id})",
        ),
        "countries": _score_countries(gold.get("countries", []), facts.entities),
        "tariffs": _score(
            facts.tariffs,
            gold.get("tariffs", []),
            tariff_matches,
            _describe_gold_tariff,
            _describe_tariff,
            {"status": lambda t: t.status},
        ),
        "statements": _score(
            [s for s in facts.statements if s.kind == "direct"],
            gold.get("statements", []),
            lambda g, p: statement_matches(g, p, names),
            describe_gold_statement,
            lambda p: f'{p.speaker_name or p.speaker or "(no speaker)"}: "{clip(p.text)}"',
        ),
        "money": _score(
            [q for q in facts.quantities if q.kind == "money"],
            gold.get("money", []),
            money_matches,
            lambda g: f"{g['amount']:g} {g['currency']}",
            lambda p: f"{p.value:g} {p.unit} ({p.text!r})",
        ),
        "events": _score(
            facts.events,
            gold.get("events", []),
            lambda g, p: event_matches(g, p, names),
            describe_gold_event,
            lambda p: _describe_event(p, names),
            {"type": lambda e: e.type, "status": lambda e: e.status},
        ),
    }
    return scores


def _score_countries(gold_codes: Sequence[str], entities: Sequence[Entity]) -> TypeScore:
    predicted = sorted({e.id.split(":", 1)[1] for e in entities if e.type == "country"})
    gold_set = set(gold_codes)
    score = TypeScore(tp=len(gold_set & set(predicted)))
    score.misses = sorted(gold_set - set(predicted))
    score.false_hits = [c for c in predicted if c not in gold_set]
    score.fn, score.fp = len(score.misses), len(score.false_hits)
    return score


def score_record(gold: dict[str, Any], record: CanonicalRecord, label: str = "") -> RecordResult:
    """Every check of ``record.gold.json`` against a merged record."""
    names = EntityNames.of(record.entities)
    checks = _event_checks(gold.get("event") or {}, record, names)
    found: list[Any]
    for item in gold.get("tariffs_must", []):
        found = [t for t in record.tariffs if tariff_matches(item, t)]
        checks.append(_must_check("tariff " + _describe_gold_tariff(item), item, found))
    for item in gold.get("statements_must", []):
        found = [s for s in record.statements if statement_matches(item, s, names)]
        desc = "statement " + describe_gold_statement(item)
        checks.append(_must_check(desc, item, found))
    for item in gold.get("money_must", []):
        found = [q for q in record.quantities if q.kind == "money" and money_matches(item, q)]
        checks.append(_must_check(f"money {item['amount']:g} {item['currency']}", item, found))
    for item in gold.get("events_must", []):
        checks.append(_event_must_check(item, record, names))
    return RecordResult(label=label, available=True, checks=checks)


def _must_check(name: str, item: dict[str, Any], found: Sequence[Any]) -> RecordCheck:
    need = int(item.get("min_sources", 1))
    if len(found) != 1:
        return RecordCheck(name, False, f"{len(found)} matching facts (need exactly 1)")
    sources = len(found[0].sources)
    return RecordCheck(name, sources >= need, f"{sources} sources (need >= {need})")


def _event_checks(
    gold: dict[str, Any], record: CanonicalRecord, names: EntityNames
) -> list[RecordCheck]:
    event = record.event
    if not gold:
        return []
    if event is None:
        return [RecordCheck("event", False, "record has no central event")]
    got_date = event.date.isoformat() if event.date else None
    checks = [RecordCheck("event date", got_date == gold.get("date"), f"got {got_date}")]
    if "location_any" in gold:
        loc = (event.location or "").casefold()
        ok = any(w.casefold() in loc for w in gold["location_any"])
        checks.append(RecordCheck("event location", ok, f"got {event.location!r}"))
    got = [names.name(p) for p in event.participants]
    for who in gold.get("participants_must", []):
        ok = participant_matches(who, event.participants, names)
        checks.append(RecordCheck(f"event participant {who}", ok, "" if ok else f"got {got}"))
    if "participants_must_not" in gold:
        wrong = [
            w
            for w in gold["participants_must_not"]
            if participant_matches(w, event.participants, names)
        ]
        checks.append(
            RecordCheck(
                "event excludes non-participants", not wrong, f"wrong: {wrong}" if wrong else ""
            )
        )
    if "type_any" in gold:
        checks.append(
            RecordCheck("event type", event.type in gold["type_any"], f"got {event.type}")
        )
    return checks


def _event_must_check(
    item: dict[str, Any], record: CanonicalRecord, names: EntityNames
) -> RecordCheck:
    need = int(item.get("min_sources", 1))
    pool = list(record.events)
    if record.event is not None and record.event not in pool:
        pool.append(record.event)
    candidates = [
        e
        for e in pool
        if ("type_any" not in item or e.type in item["type_any"])
        and ("status" not in item or e.status == item["status"])
        and event_matches(item, e, names)
    ]
    name = f"event {item.get('description') or describe_gold_event(item)}"
    if not candidates:
        return RecordCheck(name, False, "no matching event")
    best = max(len(e.sources) for e in candidates)
    return RecordCheck(name, best >= need, f"{best} sources (need >= {need})")
