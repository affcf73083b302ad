"""The written articles as a folder with a manifest, like a user's corpus."""

from __future__ import annotations

import json

import pytest

from .articles import ARTICLES


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    entries = []
    for doc_id, published, text in ARTICLES:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        entries.append({"file": f"{doc_id}.txt", "published": published})
    (folder / "manifest.json").write_text(json.dumps({"articles": entries}), encoding="utf-8")
    return folder
