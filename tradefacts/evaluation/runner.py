"""``evaluate``: extract every article of a gold folder and score it; merge the articles
(with and without their dates) and check the record when the folder has a record gold."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..models import ArticleFacts, CanonicalRecord
from .gold import RECORD_GOLD_NAME, check_gold, find_text, gold_files, load_json
from .results import ArticleScore, EvaluationReport, RecordResult
from .scoring import score_article, score_record

Extractor = Callable[[Path, "str | None"], ArticleFacts]
Merger = Callable[[list[ArticleFacts]], CanonicalRecord]


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
