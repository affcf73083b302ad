"""Gold files: finding them in a folder, reading and checking them, finding their texts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError

RECORD_GOLD_NAME = "record.gold.json"
GOLD_SUFFIX = ".gold.json"
REPO_SEEDS = Path(__file__).resolve().parents[2] / "seeds"


class GoldError(InputError, ValueError):
    """A gold file or folder that cannot be read (exit code 2 of the command)."""


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
            if section == "statements" and not _is_speaker(item["speaker"]):
                raise GoldError(
                    f"{path}: {section}[{n}] speaker must be a name or a non-empty list of names"
                )


def _is_speaker(value: Any) -> bool:
    """Whether a gold ``speaker`` is well formed: a name, a list of names, or null."""
    if isinstance(value, list):
        return bool(value) and all(isinstance(v, str) and v for v in value)
    return value is None or isinstance(value, str)


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
