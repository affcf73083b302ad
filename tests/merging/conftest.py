"""Real extracted facts for the merging tests, extracted once per session: the seeds, the
articles written for testing (tests/gold), and the dev set where its texts were rebuilt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradefacts.models import ArticleFacts

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
#: third-party texts, never committed: rebuilt into .corpus/dev (see ../shared/dev/README.md)
DEV_TEXTS = ROOT / ".corpus" / "dev"
DEV_GOLD = ROOT.parent / "shared" / "dev" / "gold"


def _seeds() -> list[tuple[Path, str | None]]:
    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    return [(ROOT / "seeds" / a["file"], a["published"]) for a in manifest["articles"]]


def _own() -> list[tuple[Path, str | None]]:
    """tests/gold/own, holdout, events and same_event: written for testing, with dates."""
    items = []
    for folder in ("own", "holdout"):
        for gold in sorted((GOLD / folder).glob("*.gold.json")):
            published = json.loads(gold.read_text(encoding="utf-8")).get("published")
            items.append((gold.with_name(gold.name.replace(".gold.json", ".txt")), published))
    events = json.loads((GOLD / "events" / "manifest.json").read_text(encoding="utf-8"))
    items += [(GOLD / "events" / a["file"], a["published"]) for a in events["articles"]]
    items += [(path, "2025-04-17") for path in sorted((GOLD / "same_event").glob("*.txt"))]
    return items


def dev_items() -> list[tuple[Path, str | None]]:
    """The dev texts present under .corpus/dev that have a gold file (for the date)."""
    items = []
    for path in sorted(DEV_TEXTS.glob("*.txt")):
        gold = DEV_GOLD / f"{path.stem}.gold.json"
        if gold.exists():
            items.append((path, json.loads(gold.read_text(encoding="utf-8")).get("published")))
    return items


@pytest.fixture(scope="session")
def real_facts(nlp: object) -> dict[str, list[ArticleFacts]]:
    """Facts by corpus: ``seeds``, ``own`` and ``dev`` with their reference dates, and the
    same without (``seeds-undated`` ...; of the dev set, its h* reports only); ``dev`` is
    empty when its texts are absent."""
    from tradefacts.extraction import extract

    corpora = {"seeds": _seeds(), "own": _own(), "dev": dev_items()}
    facts: dict[str, list[ArticleFacts]] = {}
    for name, items in corpora.items():
        facts[name] = [extract(path, published=published) for path, published in items]
        if name == "dev":  # undated: the reports of the US-Japan talks, which date each other
            items = [(path, date) for path, date in items if path.stem.startswith("h")]
        facts[f"{name}-undated"] = [extract(path) for path, _ in items]
    return facts
