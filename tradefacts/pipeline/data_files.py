"""The pipeline's data tables: JSON files in ``tradefacts/pipeline/data/``, read as package data."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_table(name: str) -> Any:
    """The parsed JSON of ``data/<name>`` (callers cache what they build from it)."""
    text = resources.files("tradefacts.pipeline").joinpath(f"data/{name}").read_text("utf-8")
    return json.loads(text)
