"""Helpers shared by the fact store tests."""

from __future__ import annotations

from pathlib import Path

EVENTS = Path(__file__).resolve().parent.parent / "gold" / "events"
PUBLISHED = "2025-05-09"


def comparable(frame):
    """A table's rows in a fixed order, without the ingest time, for comparing stores."""
    frame = frame.drop(columns=[c for c in ("extracted_at",) if c in frame.columns])
    keys = [c for c in ("doc_id", "fact_type", "fact_id", "start", "end") if c in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)
