"""Rendering an evaluation report: JSON-ready data or a plain-text table."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .results import FACT_TYPES, EvaluationReport


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
