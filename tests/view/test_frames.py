"""tradefacts.frames: stable columns and dtypes, also for empty inputs; pandas is optional."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

import tradefacts
from tradefacts.dataframes import CONFLICT_COLUMNS, EVIDENCE_COLUMNS, FACT_COLUMNS
from tradefacts.errors import MissingDependencyError, TradefactsError
from tradefacts.models import ArticleFacts, CanonicalRecord

ARTICLE_LEAD = {"fact_id": "string", "doc_id": "string"}
RECORD_LEAD = {"fact_id": "string", "sources": "string", "n_sources": "int64"}


def dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def expected_article() -> dict[str, dict[str, str]]:
    out = {name: {**ARTICLE_LEAD, **cols} for name, cols in FACT_COLUMNS.items()}
    out["evidence"] = EVIDENCE_COLUMNS
    return out


def expected_record() -> dict[str, dict[str, str]]:
    out = {
        name: {**RECORD_LEAD, **cols}
        for name, cols in FACT_COLUMNS.items()
        if name != "dates"  # dates are article facts: a merged record carries none
    }
    out["events"]["central"] = "bool"
    out["evidence"] = EVIDENCE_COLUMNS
    out["conflicts"] = CONFLICT_COLUMNS
    return out


@pytest.mark.parametrize("facts", [ArticleFacts(doc_id="empty"), []], ids=["empty", "none"])
def test_empty_article_frames_have_every_column_and_dtype(facts) -> None:
    frames = tradefacts.frames(facts)
    assert {name: dtypes(f) for name, f in frames.items()} == expected_article()
    assert all(len(f) == 0 for f in frames.values())


def test_empty_record_frames_have_every_column_and_dtype() -> None:
    frames = CanonicalRecord().to_frames()
    assert {name: dtypes(f) for name, f in frames.items()} == expected_record()


def test_article_frames_one_row_per_fact(seed_facts) -> None:
    frames = seed_facts.to_frames()
    assert {name: dtypes(f) for name, f in frames.items()} == expected_article()
    for name in FACT_COLUMNS:
        assert len(frames[name]) == len(getattr(seed_facts, name))
    tariffs = frames["tariffs"]
    for row, tariff in zip(tariffs.itertuples(), seed_facts.tariffs, strict=True):
        assert row.rate_percent == tariff.rate_percent
        assert row.products == "; ".join(tariff.products)
        assert row.doc_id == seed_facts.doc_id
    evidence = frames["evidence"]
    assert len(evidence) == sum(
        len(f.evidence) for name in FACT_COLUMNS for f in getattr(seed_facts, name)
    )
    text = seed_facts.source_text
    assert all(text[r.start : r.end] == r.text for r in evidence.itertuples())
    dated = frames["events"].dropna(subset=["date"])
    assert {d.date() for d in dated["date"]} == {e.date for e in seed_facts.events if e.date}


def test_dates_frame_one_row_per_time_expression(seed_facts) -> None:
    dates = seed_facts.to_frames()["dates"]
    assert len(dates) == len(seed_facts.dates) > 0
    for row, expression in zip(dates.itertuples(), seed_facts.dates, strict=True):
        assert (row.text, row.type) == (expression.text, expression.type)
        assert (row.value if isinstance(row.value, str) else None) == expression.value
        assert row.n_evidence == len(expression.evidence)


def test_several_articles_stack(seed_articles) -> None:
    frames = tradefacts.frames(seed_articles)
    assert len(frames["tariffs"]) == sum(len(a.tariffs) for a in seed_articles)
    assert set(frames["tariffs"]["doc_id"]) <= {a.doc_id for a in seed_articles}


def test_record_frames(seed_record) -> None:
    frames = tradefacts.frames(seed_record)
    assert {name: dtypes(f) for name, f in frames.items()} == expected_record()
    assert len(frames["conflicts"]) == len(seed_record.conflicts)
    assert list(frames["tariffs"]["n_sources"]) == [len(t.sources) for t in seed_record.tariffs]
    assert frames["events"]["central"].sum() == (
        1 if seed_record.event in seed_record.events else 0
    )


def test_frames_rejects_other_inputs() -> None:
    with pytest.raises(TradefactsError):
        tradefacts.frames(["not facts"])  # type: ignore[list-item]


def test_without_pandas_a_clear_error_names_the_extra(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(MissingDependencyError, match=r'pip install "tradefacts\[pandas\]"'):
        ArticleFacts(doc_id="x").to_frames()
    assert issubclass(MissingDependencyError, TradefactsError)
    assert issubclass(MissingDependencyError, ImportError)


def test_import_tradefacts_does_not_import_pandas() -> None:
    import subprocess

    code = "import sys, tradefacts; print('pandas' in sys.modules, 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
