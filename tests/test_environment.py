"""The same facts in every environment: with or without scikit-learn, no warning escapes.

Each run is a fresh interpreter, so the first imports and model loads (where dependencies
warn) happen inside the extraction being checked.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Articles with physical amounts in several outlets' styles (the kind quantulum3 reads).
ARTICLES = {
    "rice.txt": (
        "TOKYO (Reuters) - Japan will buy 346,000 tons of U.S. rice a year under the deal, "
        "Economy Minister Ryosei Akazawa said on Wednesday, up from 200,000 tons last year."
    ),
    "soy.txt": (
        "China bought 12 million tons of Brazilian soybeans in the first quarter, customs data "
        "showed on Monday, as its 10% tariff on US beans kept American cargoes away."
    ),
    "wheat.txt": (
        "A 770,000-ton shipment of wheat left Odesa on 2 April, the ministry said. Egypt agreed "
        "to take a further 1.2m tonnes at $240 a tonne."
    ),
    "oil.txt": (
        "India's purchases of Russian crude rose to 2 million barrels a day in June, while "
        "Washington threatened a 25% tariff on buyers. Reliance said it paid $60 a barrel."
    ),
    "dated.txt": (
        "WASHINGTON (AP) - Trump said late on Sunday, March 9, 2025 at 11pm EST that tariffs on "
        "Canadian steel would double to 50% tomorrow. Ottawa had announced retaliation two weeks "
        "ago, and a 25% levy takes effect on Wednesday, the finance ministry said yesterday."
    ),
    "lng.txt": (
        "The EU pledged to buy $750bn of American energy, including 50 billion cubic metres of "
        "LNG, Commission President Ursula von der Leyen said in Turnberry on Sunday."
    ),
}

_SCRIPT = """
import json, sys, warnings
if sys.argv[1] == "without":
    sys.modules["sklearn"] = None  # scikit-learn not importable, as where it isn't installed
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import tradefacts
    facts = {}
    for name, text in json.loads(sys.argv[2]).items():
        facts[name] = tradefacts.extract_text(text, doc_id=name, published="2025-07-28")
import quantulum3.classifier
print(json.dumps({
    "facts": {name: f.model_dump(mode="json") for name, f in facts.items()},
    "warnings": [f"{w.category.__name__}: {w.message}" for w in caught],
    "classifier_available": quantulum3.classifier.USE_CLF,
}))
"""


def _run(mode: str, **variables: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k not in ("TZ", "LC_ALL", "LANG")}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_SCRIPT), mode, json.dumps(ARTICLES)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, **variables},
        check=True,
    )
    assert done.stderr == "", f"printed during extraction ({mode} scikit-learn):\n{done.stderr}"
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def baseline() -> dict[str, Any]:
    """The articles extracted with everything installed importable, in UTC."""
    return _run("with", TZ="UTC")


@pytest.fixture(scope="module")
def runs(baseline) -> dict[str, dict[str, Any]]:
    if importlib.util.find_spec("sklearn") is None:
        pytest.skip('scikit-learn is not installed: pip install -e ".[test]" brings it')
    return {"with": baseline, "without": _run("without", TZ="UTC")}


def test_both_runs_really_differ_in_scikit_learn(runs):
    # quantulum3's classifier switch is on where scikit-learn imports (and left on after our
    # calls: other users of quantulum3 keep its behaviour), off where it does not.
    assert runs["with"]["classifier_available"] is True
    assert runs["without"]["classifier_available"] is False


def test_scikit_learn_does_not_change_the_facts(runs):
    assert runs["with"]["facts"] == runs["without"]["facts"]
    measures = {
        (q["text"], q["kind"], q["unit"])
        for facts in runs["with"]["facts"].values()
        for q in facts["quantities"]
        if q["kind"] == "measure"
    }
    assert {
        ("346,000 tons", "measure", "ton"),
        ("12 million tons", "measure", "ton"),
        ("770,000-ton", "measure", "ton"),
    } <= measures


def test_no_warning_escapes_extraction(baseline):
    assert baseline["warnings"] == []  # with scikit-learn where it is installed


def test_no_warning_escapes_extraction_without_scikit_learn(runs):
    assert runs["without"]["warnings"] == []


def test_time_zone_locale_and_hash_seed_do_not_change_the_facts(baseline):
    # A zone tzlocal cannot resolve, the C locale and another hash seed (valid zones far from
    # UTC are checked on the dev set by tools/environment_check.py).
    odd = _run("with", TZ="Nowhere/Atlantis", PYTHONHASHSEED="1", LC_ALL="C", LANG="C")
    assert odd["facts"] == baseline["facts"]
    assert odd["warnings"] == []
    dated = odd["facts"]["dated.txt"]
    # Relative dates were resolved against the reference date (2025-07-28), not lost.
    assert {(e["date_text"], e["date"]) for e in dated["events"]} >= {
        ("yesterday", "2025-07-27"),
        ("two weeks ago", "2025-07-14"),
    }


def test_the_pinned_model_package_wins_over_an_installed_official_one(monkeypatch):
    import types
    from importlib.metadata import requires

    from tradefacts.pipeline import nlp

    pinned = [r for r in requires("tradefacts") or [] if r.startswith("en-core-web-sm")]
    assert [r.split("==")[0].replace("-", "_") for r in pinned] == [nlp.MODEL_NAMES[0]]

    def official_load() -> None:
        raise AssertionError("the official en_core_web_sm was loaded")

    monkeypatch.setitem(sys.modules, "en_core_web_sm", types.SimpleNamespace(load=official_load))
    assert "ner" in nlp.load_model().pipe_names
