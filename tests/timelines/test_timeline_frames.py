"""frames(timeline)["timeline"]: one row per point, stable columns and dtypes."""

from __future__ import annotations

import datetime as dt

import pandas as pd

import tradefacts
from tradefacts.dataframes import TIMELINE_COLUMNS
from tradefacts.models import Timeline

from .test_timeline import article, fact


def dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def test_empty_timeline_frame_has_every_column_and_dtype() -> None:
    frames = tradefacts.frames(Timeline())
    assert list(frames) == ["timeline"]
    assert dtypes(frames["timeline"]) == TIMELINE_COLUMNS
    assert len(frames["timeline"]) == 0


def test_one_row_per_point_undated_last_per_line() -> None:
    facts = [
        article("a", "2025-04-03", fact("a", 24, "announced")),
        article("b", "2025-04-10", fact("b", 10, effective=dt.date(2025, 4, 5))),
        article("c", None, fact("c", 25, products=("autos",))),
    ]
    timeline = tradefacts.timeline(facts)
    frame = timeline.to_frames()["timeline"]
    assert dtypes(frame) == TIMELINE_COLUMNS
    assert frame[["products", "rate_percent", "status", "undated"]].values.tolist() == [
        ["", 24.0, "announced", False],
        ["", 10.0, "in_effect", False],
        ["automobiles", 25.0, "in_effect", True],
    ]
    assert frame["date"].tolist()[:2] == [pd.Timestamp("2025-04-03"), pd.Timestamp("2025-04-05")]
    assert frame["as_of"].tolist()[1] == pd.Timestamp("2025-04-10")
    assert pd.isna(frame["date"].iloc[2])
    assert frame["n_sources"].tolist() == [1, 1, 1]
