"""What an evaluation returns: counts per fact type, per article, record checks, the report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: The fact types scored per article, in table order.
FACT_TYPES = ("persons", "countries", "tariffs", "statements", "money", "events")


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
        return sum_scores(self.scores.values())


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
        return {t: sum_scores(a.scores[t] for a in self.articles) for t in FACT_TYPES}

    @property
    def micro(self) -> TypeScore:
        """All fact types of all articles summed."""
        return sum_scores(self.totals.values())


def sum_scores(scores: Iterable[TypeScore]) -> TypeScore:
    """The counts of several scores added up."""
    total = TypeScore()
    for s in scores:
        total.add(s)
    return total
