"""Fixtures of the fact store tests: facts extracted once per session, small article folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from store_support import EVENTS

import tradefacts


@pytest.fixture(scope="session")
def seed_facts(seed_paths, nlp) -> list[tradefacts.ArticleFacts]:
    return list(tradefacts.extract_many(seed_paths, published="2025-04-17"))


@pytest.fixture
def articles_dir(tmp_path) -> Path:
    """Three short own articles (plain text, three outlets' styles) in a folder."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("uk_deal_a.txt", "china_geneva_b.txt", "canada_retaliation.txt"):
        shutil.copy(EVENTS / name, folder / name)
    return folder
