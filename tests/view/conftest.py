"""Real facts for the view tests: seed articles extracted once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = "001_03135ee41aa1b65a.txt"

HOSTILE_TEXT = (
    "Japan's Prime Minister Shigeru Ishiba said \"<script>document.title='PWNED'</script>\" "
    "after talks in Tokyo on Wednesday.\n"
    "The United States will keep a 25% tariff on Japanese cars "
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">, "
    "Treasury Secretary Scott Bessent said.\n"
    "Read <a href=\"javascript:document.body.setAttribute('data-pwned','link')\">more</a> "
    "</style><script>document.body.setAttribute('data-pwned','style')</script> "
    '" onmouseover="document.title=\'PWNED\'" x="\n'
)


@pytest.fixture(scope="session")
def seed_articles(nlp):
    """ArticleFacts of the five seeds, with the manifest's reference dates."""
    from tradefacts import extract_many
    from tradefacts.cli import manifest_dates
    from tradefacts.reading import read_source

    dates = manifest_dates(SEEDS)
    paths = sorted(SEEDS.glob("*.txt"))
    return list(extract_many([read_source(p, published=dates.get(p.name)) for p in paths]))


@pytest.fixture(scope="session")
def seed_facts(seed_articles):
    return next(f for f in seed_articles if f.doc_id == SEED)


@pytest.fixture(scope="session")
def seed_record(seed_articles):
    from tradefacts import merge

    return merge(seed_articles)


@pytest.fixture(scope="session")
def hostile_facts(nlp):
    from tradefacts import extract_text

    return extract_text(HOSTILE_TEXT, doc_id="<b>hostile</b>.txt", published="2025-04-17")
