"""Scored evaluation against gold annotations (rules: ``tests/gold/seeds/FORMAT.md``).

``evaluate(gold_dir)`` runs ``extract`` on the text of every ``*.gold.json`` in a folder with
that file's ``published`` date, scores persons, countries, tariffs, statements, money and
events (precision, recall, F1, micro-F1), and, when the folder has a ``record.gold.json``,
checks ``merge`` of the same articles against it, once with and once without the dates.
``score_article`` / ``score_record`` score predictions you already have; ``format_report``
and ``report_to_dict`` render a result; ``main`` is the ``tradefacts evaluate`` command.

Matching is one-to-one (maximum bipartite matching): a prediction matches at most one gold
item and a gold item at most one prediction, so a duplicate prediction is a false hit.
Required gold items are matched first, then optional ones; optional items are neither hits
nor misses and a prediction matched to one is not a false hit. Only direct predicted
statements are scored (the gold lists direct quotes); a tariff's status and an event's type
and status do not decide a match but their agreement on hits is reported.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import (
    ArticleFacts,
    CanonicalRecord,
    Entity,
    Quantity,
    Statement,
    TariffRate,
    TradeEvent,
)

#: The fact types scored per article, in table order.
FACT_TYPES = ("persons", "countries", "tariffs", "statements", "money", "events")

RECORD_GOLD_NAME = "record.gold.json"
GOLD_SUFFIX = ".gold.json"
REPO_SEEDS = Path(__file__).resolve().parents[2] / "seeds"

Extractor = Callable[[Path, "str | None"], ArticleFacts]
Merger = Callable[[list[ArticleFacts]], CanonicalRecord]


class GoldError(InputError, ValueError):
    """A gold file or folder that cannot be read (exit code 2 of the command)."""


# --------------------------------------------------------------------------- results


@dataclass
class TypeScore:
    """Counts of one fact type (in one article or summed), with what went wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_matched: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)
    #: per slot (e.g. tariff "status"): [agreed, checked] over the required items hit
    slots: dict[str, list[int]] = field(default_factory=dict)
    slot_diffs: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: TypeScore) -> None:
        """Add another score's counts (not its lists) to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.optional_matched += other.optional_matched
        for slot, (agreed, checked) in other.slots.items():
            total = self.slots.setdefault(slot, [0, 0])
            total[0] += agreed
            total[1] += checked

    def as_dict(self, with_lists: bool = True) -> dict[str, Any]:
        """JSON-ready counts, rates and (optionally) the misses and false hits."""
        out: dict[str, Any] = {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "optional_matched": self.optional_matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }
        if self.slots:
            out["slots"] = {k: {"agreed": a, "checked": c} for k, (a, c) in self.slots.items()}
        if with_lists:
            out["misses"] = list(self.misses)
            out["false_hits"] = list(self.false_hits)
            out["slot_diffs"] = list(self.slot_diffs)
        return out


@dataclass
class ArticleScore:
    """Scores of one article; ``error`` is set when extraction failed (all gold = misses)."""

    doc: str
    gold_path: str
    text_path: str
    published: str | None
    scores: dict[str, TypeScore]
    error: str | None = None

    @property
    def micro(self) -> TypeScore:
        """All fact types summed."""
        return _sum_scores(self.scores.values())


@dataclass
class RecordCheck:
    """One check of ``record.gold.json``."""

    name: str
    passed: bool
    detail: str = ""


@dataclass
class RecordResult:
    """The record checks of one merge run (``label``: "with dates" / "without dates")."""

    label: str
    available: bool
    checks: list[RecordCheck] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> int:
        """Number of checks passed."""
        return sum(c.passed for c in self.checks)

    @property
    def total(self) -> int:
        """Number of checks."""
        return len(self.checks)


@dataclass
class EvaluationReport:
    """What ``evaluate`` returns: per-article scores, totals per fact type, record results."""

    gold_dir: str
    articles: list[ArticleScore]
    records: list[RecordResult] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, TypeScore]:
        """Counts per fact type summed over the articles."""
        return {t: _sum_scores(a.scores[t] for a in self.articles) for t in FACT_TYPES}

    @property
    def micro(self) -> TypeScore:
        """All fact types of all articles summed."""
        return _sum_scores(self.totals.values())


def _sum_scores(scores: Iterable[TypeScore]) -> TypeScore:
    total = TypeScore()
    for s in scores:
        total.add(s)
    return total


# --------------------------------------------------------------------------- normalisation

_HONORIFICS = frozenset(
    "mr mrs ms miss mx dr sir dame lord lady prof professor madam monsieur herr".split()
)
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
)
_WS = re.compile(r"\s+")
_NAME_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")

PRODUCT_SYNONYMS = {
    "car": "automobiles",
    "cars": "automobiles",
    "auto": "automobiles",
    "autos": "automobiles",
    "vehicle": "automobiles",
    "vehicles": "automobiles",
    "automobile": "automobiles",
    "automobiles": "automobiles",
    "motor vehicles": "automobiles",
    "aluminium": "aluminum",
    "car parts": "auto parts",
    "auto part": "auto parts",
    "autoparts": "auto parts",
    "automobile parts": "auto parts",
    "vehicle parts": "auto parts",
    "auto components": "auto parts",
    "whiskey": "whisky",
    "whiskies": "whisky",
    "scotch": "whisky",
    "car components": "auto parts",
    "automotive parts": "auto parts",
}


_CANONICAL_PRODUCTS = frozenset(PRODUCT_SYNONYMS.values())


def normalize_text(text: str) -> str:
    """Case-folded text with quote marks and dashes unified and whitespace collapsed."""
    return _WS.sub(" ", text.translate(_QUOTES).casefold()).strip()


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: str) -> list[str]:
    """Lower-case ASCII-folded name tokens without honorifics ("Mr. Kim" -> ["kim"])."""
    tokens = [
        t.replace("-", "").replace("'", "")
        for t in _NAME_TOKEN.findall(_ascii_fold(name).casefold())
    ]
    kept = [t for t in tokens if t and t not in _HONORIFICS]
    return kept or [t for t in tokens if t]


_NAME_PARTICLES = frozenset(
    "da de do dos das di del della van von der den le la al bin ibn".split()
)


def names_match(gold: str, predicted: str) -> bool:
    """Same person: surname equal, and first name too where both sides have one.

    A one-word name matches any word of the other side but a particle (surname-first names
    such as "Xi Jinping" are shortened to "Xi", "Luiz Inacio Lula da Silva" to "Lula"); two
    longer names match when their last words agree and either their first words agree or one
    name's words all occur in the other ("Lula da Silva"); reversed order also matches.
    """
    g, p = name_tokens(gold), name_tokens(predicted)
    if not g or not p:
        return False
    if len(g) == 1 or len(p) == 1:
        single, other = (g[0], p) if len(g) == 1 else (p[0], g)
        return single in (other[0], other[-1]) or (
            single not in _NAME_PARTICLES and single in other
        )
    if g[-1] == p[-1]:
        return g[0] == p[0] or set(g) <= set(p) or set(p) <= set(g)
    return g[0] == p[-1] and g[-1] == p[0]


def normalize_product(product: str) -> str:
    """Canonical product category ("cars" -> "automobiles", "aluminium" -> "aluminum")."""
    key = _WS.sub(" ", product.casefold()).strip()
    return PRODUCT_SYNONYMS.get(key, key)


def _product_words(product: str) -> frozenset[str]:
    """Singular words of a product ("steel products" -> {"steel", "product"}).

    A whole-name synonym wins ("car parts" -> auto parts); otherwise each word is unified
    ("bourbon whiskey" -> {"bourbon", "whisky"}).
    """
    key = normalize_product(product)
    if key in _CANONICAL_PRODUCTS:
        words = key.split()
    else:
        words = [PRODUCT_SYNONYMS.get(w, w) for w in key.split()]
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def products_overlap(gold: Iterable[str], predicted: Iterable[str]) -> bool:
    """True when some gold and predicted product name the same category.

    Synonyms are unified first; then "bourbon" matches "bourbon whiskey" and "steel"
    matches "steel products" (one side's words all occur in the other's).
    """
    gold_words = [_product_words(p) for p in gold]
    pred_words = [_product_words(p) for p in predicted]
    return any(g and q and (g <= q or q <= g) for g in gold_words for q in pred_words)


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _is_country_code(value: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{3}", value))


def _name_from_id(entity_id: str) -> str:
    """A readable name from an id slug ("person:donald-trump" -> "donald trump")."""
    return entity_id.split(":", 1)[-1].replace("-", " ")


# --------------------------------------------------------------------------- matching


def match_one_to_one(
    predictions: Sequence[Any],
    gold: Sequence[dict[str, Any]],
    matches: Callable[[dict[str, Any], Any], bool],
) -> dict[int, int]:
    """Maximum one-to-one matching, prediction index -> gold index.

    Required gold items are matched first (their count is maximal); optional items then
    absorb what predictions they can without unmatching a required item.
    """
    edges = [[g for g, item in enumerate(gold) if matches(item, p)] for p in predictions]
    required = {g for g, item in enumerate(gold) if not item.get("optional")}
    owner: dict[int, int] = {}  # gold index -> prediction index

    def augment(p: int, allowed: set[int] | None, seen: set[int]) -> bool:
        for g in edges[p]:
            if (allowed is not None and g not in allowed) or g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], allowed, seen):
                owner[g] = p
                return True
        return False

    for allowed in (required, None):
        matched = set(owner.values())
        for p in range(len(predictions)):
            if p not in matched and augment(p, allowed, set()):
                matched = set(owner.values())
    return {p: g for g, p in owner.items()}


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
        if got in _as_list(gold[slot]):
            tally[0] += 1
        else:
            score.slot_diffs.append(f"{slot} {got!s} (gold {gold[slot]}): {describe_gold(gold)}")


# --------------------------------------------------------------------------- per fact type


@dataclass(frozen=True)
class EntityNames:
    """Entity id -> display name lookup for one article or record."""

    by_id: dict[str, str]

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> EntityNames:
        return cls({e.id: e.name for e in entities})

    def name(self, entity_id: str) -> str:
        return self.by_id.get(entity_id) or _name_from_id(entity_id)


def _participant_matches(
    gold_participant: str, entity_ids: Iterable[str], names: EntityNames
) -> bool:
    if _is_country_code(gold_participant):
        return f"country:{gold_participant}" in entity_ids
    return any(
        names_match(gold_participant, names.name(eid))
        for eid in entity_ids
        if eid.startswith("person:")
    )


def _speaker_matches(gold_speaker: str | None, stmt: Statement, names: EntityNames) -> bool:
    if not gold_speaker:
        return stmt.speaker is None and stmt.speaker_name is None
    if stmt.speaker and stmt.speaker.startswith("country:"):
        code = stmt.speaker.split(":", 1)[1]
        return gold_speaker == code or (
            not _is_country_code(gold_speaker)
            and names_match(gold_speaker, stmt.speaker_name or names.name(stmt.speaker))
        )
    candidates = [n for n in (stmt.speaker_name,) if n]
    if stmt.speaker:
        candidates.append(names.name(stmt.speaker))
    return any(names_match(gold_speaker, c) for c in candidates)


def tariff_matches(gold: dict[str, Any], pred: TariffRate) -> bool:
    """Rate within 0.01, same imposer, target among the gold's, products overlapping."""
    if abs(pred.rate_percent - float(gold["rate"])) > 0.01:
        return False
    if pred.imposer not in _as_list(gold.get("imposer")):
        return False
    if pred.target not in _as_list(gold.get("target")):
        return False
    gold_products = gold.get("products") or []
    return not gold_products or products_overlap(gold_products, pred.products)


def money_matches(gold: dict[str, Any], pred: Quantity) -> bool:
    """Amount within 1% and the same currency."""
    amount = float(gold["amount"])
    return pred.unit == gold["currency"] and abs(pred.value - amount) <= abs(amount) * 0.01


def statement_matches(gold: dict[str, Any], pred: Statement, names: EntityNames) -> bool:
    """Normalised predicted text contains the gold fragment and the speaker is right."""
    if normalize_text(gold["contains"]) not in normalize_text(pred.text):
        return False
    return _speaker_matches(gold.get("speaker"), pred, names)


def event_matches(gold: dict[str, Any], pred: TradeEvent, names: EntityNames) -> bool:
    """Same date (None == None) and at least one shared participant."""
    gold_date = gold.get("date")
    pred_date = pred.date.isoformat() if pred.date else None
    if gold_date != pred_date:
        return False
    return any(_participant_matches(p, pred.participants, names) for p in gold["participants"])


def _describe_tariff(t: TariffRate) -> str:
    products = ",".join(t.products) or "all goods"
    return f"{t.rate_percent:g}% {t.imposer}->{t.target} [{products}] {t.status}"


def _describe_gold_tariff(g: dict[str, Any]) -> str:
    products = ",".join(g.get("products") or []) or "all goods"
    return f"{g['rate']:g}% {g.get('imposer')}->{g.get('target')} [{products}] {g.get('status')}"


def _describe_event(e: TradeEvent, names: EntityNames) -> str:
    who = ", ".join(names.name(p) for p in e.participants)
    return f"{e.type} {e.date or 'undated'} {e.status} [{who}]"


def _describe_gold_event(g: dict[str, Any]) -> str:
    who = ", ".join(g["participants"])
    kind = g.get("type") or "/".join(g.get("type_any") or []) or "any"
    return f"{kind} {g.get('date') or 'undated'} {g.get('status')} [{who}]"


def _clip(text: str, limit: int = 90) -> str:
    text = _WS.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
            lambda g: f'{g.get("speaker")}: "{g["contains"]}"',
            lambda p: f'{p.speaker_name or p.speaker or "(no speaker)"}: "{_clip(p.text)}"',
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
            _describe_gold_event,
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


# --------------------------------------------------------------------------- record


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
        desc = f'statement {item.get("speaker")}: "{item["contains"]}"'
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
        ok = _participant_matches(who, event.participants, names)
        checks.append(RecordCheck(f"event participant {who}", ok, "" if ok else f"got {got}"))
    if "participants_must_not" in gold:
        wrong = [
            w
            for w in gold["participants_must_not"]
            if _participant_matches(w, event.participants, names)
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
    name = f"event {item.get('description') or _describe_gold_event(item)}"
    if not candidates:
        return RecordCheck(name, False, "no matching event")
    best = max(len(e.sources) for e in candidates)
    return RecordCheck(name, best >= need, f"{best} sources (need >= {need})")


# --------------------------------------------------------------------------- running


def load_json(path: Path) -> dict[str, Any]:
    """A gold file as a dict; raises ``GoldError`` when it is not readable JSON."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc})") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: gold file is not a JSON object")
    return data


#: Keys every item of a gold list must have, per list.
_REQUIRED_KEYS = {
    "persons": ("name",),
    "tariffs": ("rate", "imposer", "target"),
    "statements": ("speaker", "contains"),
    "money": ("amount", "currency"),
    "events": ("date", "participants"),
}


def check_gold(gold: dict[str, Any], path: Path) -> None:
    """Raise ``GoldError`` naming the first thing an article gold file gets wrong."""
    if not isinstance(gold.get("doc"), str) or not gold["doc"]:
        raise GoldError(f"{path}: no 'doc' field naming the text file")
    published = gold.get("published")
    if published is not None:
        try:
            date.fromisoformat(str(published))
        except ValueError:
            raise GoldError(f"{path}: 'published' {published!r} is not YYYY-MM-DD") from None
    if not all(isinstance(c, str) for c in gold.get("countries", [])):
        raise GoldError(f"{path}: 'countries' must be a list of codes")
    for section, keys in _REQUIRED_KEYS.items():
        items = gold.get(section, [])
        if not isinstance(items, list):
            raise GoldError(f"{path}: '{section}' must be a list")
        for n, item in enumerate(items):
            missing = [k for k in keys if not isinstance(item, dict) or k not in item]
            if missing:
                raise GoldError(f"{path}: {section}[{n}] lacks {', '.join(missing)}")
            if section == "events" and item["date"] is not None:
                try:
                    date.fromisoformat(str(item["date"]))
                except ValueError:
                    raise GoldError(f"{path}: {section}[{n}] date is not YYYY-MM-DD") from None


def gold_files(gold_dir: Path) -> list[Path]:
    """The article gold files of a folder, sorted (``record.gold.json`` excluded)."""
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a folder")
    files = sorted(p for p in gold_dir.glob("*" + GOLD_SUFFIX) if p.name != RECORD_GOLD_NAME)
    if not files:
        raise GoldError(f"{gold_dir}: no *{GOLD_SUFFIX} files")
    return files


def find_text(gold_path: Path, doc: str, texts_dir: Path | None) -> Path:
    """The text file a gold file names: in ``texts_dir``, else beside it, else the repo seeds."""
    places = [d for d in (texts_dir, gold_path.parent, REPO_SEEDS) if d is not None]
    for folder in places:
        candidate = folder / doc
        if candidate.is_file():
            return candidate
    raise GoldError(f"{gold_path}: text {doc!r} not found in {', '.join(map(str, places))}")


def default_extractor(path: Path, published: str | None) -> ArticleFacts:
    """``tradefacts.extract`` of a file with the given reference date."""
    from ..extraction import extract

    return extract(path, published=published)


def default_merger() -> Merger | None:
    """``tradefacts.merging.merge`` when it exists, else None."""
    try:
        from ..merging import merge  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return merge  # type: ignore[no-any-return]


def evaluate(
    gold_dir: str | Path,
    texts_dir: str | Path | None = None,
    *,
    extractor: Extractor | None = None,
    merger: Merger | None | bool = True,
) -> EvaluationReport:
    """Extract and score every article of ``gold_dir``; check its record gold if it has one.

    ``extractor(path, published)`` defaults to ``tradefacts.extract`` (pass a cached one to
    reuse results); ``merger`` True means ``tradefacts.merge`` if available, False skips the
    record, or pass a callable.
    """
    gold_root = Path(gold_dir)
    texts = Path(texts_dir) if texts_dir is not None else None
    run = extractor or default_extractor
    articles: list[ArticleScore] = []
    plan: list[tuple[Path, dict[str, Any], Path]] = []
    for gold_path in gold_files(gold_root):
        gold = load_json(gold_path)
        check_gold(gold, gold_path)
        plan.append((gold_path, gold, find_text(gold_path, gold["doc"], texts)))
    dated: list[ArticleFacts] = []
    for gold_path, gold, text_path in plan:
        facts, error = _run_extractor(run, text_path, gold.get("published"), gold["doc"])
        dated.append(facts)
        articles.append(
            ArticleScore(
                doc=gold["doc"],
                gold_path=str(gold_path),
                text_path=str(text_path),
                published=gold.get("published"),
                scores=score_article(gold, facts),
                error=error,
            )
        )
    report = EvaluationReport(gold_dir=str(gold_root), articles=articles)
    record_path = gold_root / RECORD_GOLD_NAME
    if record_path.is_file() and merger is not False:
        merge_fn = default_merger() if merger is True else merger
        record_gold = load_json(record_path)
        undated = (
            [_run_extractor(run, t, None, g["doc"])[0] for _, g, t in plan] if merge_fn else []
        )
        report.records = [
            _record_result(record_gold, merge_fn, dated, "with dates"),
            _record_result(record_gold, merge_fn, undated, "without dates"),
        ]
    return report


def _run_extractor(
    run: Extractor, path: Path, published: str | None, doc: str
) -> tuple[ArticleFacts, str | None]:
    try:
        return run(path, published), None
    except Exception as exc:  # an evaluation reports a failing extractor, it does not die
        return ArticleFacts(doc_id=doc), f"{type(exc).__name__}: {exc}"


def _record_result(
    gold: dict[str, Any], merge_fn: Merger | None, facts: list[ArticleFacts], label: str
) -> RecordResult:
    if merge_fn is None:
        return RecordResult(label=label, available=False, error="tradefacts.merge not available")
    try:
        record = merge_fn(facts)
    except Exception as exc:  # report, do not crash: merge may be unfinished
        return RecordResult(label=label, available=False, error=f"{type(exc).__name__}: {exc}")
    return score_record(gold, record, label)


# --------------------------------------------------------------------------- output


def report_to_dict(report: EvaluationReport, verbose: bool = True) -> dict[str, Any]:
    """The report as JSON-ready data (misses and false hits listed when ``verbose``)."""
    return {
        "gold_dir": report.gold_dir,
        "totals": {t: s.as_dict(with_lists=False) for t, s in report.totals.items()},
        "micro": report.micro.as_dict(with_lists=False),
        "articles": [
            {
                "doc": a.doc,
                "published": a.published,
                "error": a.error,
                "micro": a.micro.as_dict(with_lists=False),
                "scores": {t: s.as_dict(with_lists=verbose) for t, s in a.scores.items()},
            }
            for a in report.articles
        ],
        "records": [
            {
                "label": r.label,
                "available": r.available,
                "error": r.error,
                "passed": r.passed,
                "total": r.total,
                "checks": [asdict(c) for c in r.checks],
            }
            for r in report.records
        ],
    }


def format_report(report: EvaluationReport, verbose: bool = False) -> str:
    """A plain-text table: P/R/F1 per fact type plus micro; details when ``verbose``."""
    lines = [f"Evaluation of {len(report.articles)} articles in {report.gold_dir}", ""]
    lines.append(f"{'type':<12}{'tp':>5}{'fp':>5}{'fn':>5}{'opt':>5}   {'P':>6}{'R':>7}{'F1':>7}")
    for name, s in [*report.totals.items(), ("micro", report.micro)]:
        if name == "micro":
            lines.append("-" * 57)
        lines.append(
            f"{name:<12}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.optional_matched:>5}   "
            f"{s.precision:>6.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
        )
    slot_cells = [
        f"{name}.{slot} {agreed}/{checked}"
        for name, s in report.totals.items()
        for slot, (agreed, checked) in s.slots.items()
    ]
    if slot_cells:
        lines.append("agreement on hits (not scored): " + ", ".join(slot_cells))
    lines.append("")
    lines.append("per article (F1): " + "  ".join(FACT_TYPES))
    for a in report.articles:
        cells = " ".join(f"{a.scores[t].f1:.2f}" for t in FACT_TYPES)
        lines.append(f"  {a.doc:<40} {cells}  micro {a.micro.f1:.3f}")
        if a.error:
            lines.append(f"    EXTRACTION FAILED: {a.error}")
    for r in report.records:
        lines.append("")
        if not r.available:
            lines.append(f"record ({r.label}): not available ({r.error})")
            continue
        lines.append(f"record ({r.label}): {r.passed}/{r.total} checks passed")
        for c in r.checks:
            if verbose or not c.passed:
                mark = "ok  " if c.passed else "FAIL"
                lines.append(f"  {mark} {c.name}" + (f"  ({c.detail})" if c.detail else ""))
    if verbose:
        lines.extend(_verbose_lines(report))
    return "\n".join(lines)


def _verbose_lines(report: EvaluationReport) -> list[str]:
    lines: list[str] = []
    for a in report.articles:
        lines += ["", f"== {a.doc} (published {a.published})"]
        for t in FACT_TYPES:
            s = a.scores[t]
            lines += [f"  {t}: miss   {m}" for m in s.misses]
            lines += [f"  {t}: false  {f}" for f in s.false_hits]
            lines += [f"  {t}: differs {d}" for d in s.slot_diffs]
    return lines


# --------------------------------------------------------------------------- command


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradefacts evaluate",
        description="Score extraction (and merge) against gold annotations (*.gold.json).",
    )
    parser.add_argument("--gold", required=True, type=Path, help="folder of *.gold.json files")
    parser.add_argument("--texts", type=Path, default=None, help="folder of the article texts")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false hits")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    """``tradefacts evaluate``: 0 when it ran, 2 on bad input (folder, gold file, text)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    try:
        report = evaluate(args.gold, args.texts)
    except GoldError as exc:
        print(f"tradefacts evaluate: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report_to_dict(report, verbose=args.verbose), indent=2))
    else:
        print(format_report(report, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "ArticleScore",
    "EntityNames",
    "EvaluationReport",
    "Extractor",
    "FACT_TYPES",
    "GOLD_SUFFIX",
    "GoldError",
    "Merger",
    "PRODUCT_SYNONYMS",
    "RECORD_GOLD_NAME",
    "REPO_SEEDS",
    "RecordCheck",
    "RecordResult",
    "TypeScore",
    "check_gold",
    "default_extractor",
    "default_merger",
    "evaluate",
    "event_matches",
    "find_text",
    "format_report",
    "gold_files",
    "load_json",
    "main",
    "match_one_to_one",
    "money_matches",
    "name_tokens",
    "names_match",
    "normalize_product",
    "normalize_text",
    "predicted_persons",
    "products_overlap",
    "report_to_dict",
    "score_article",
    "score_record",
    "statement_matches",
    "tariff_matches",
]
