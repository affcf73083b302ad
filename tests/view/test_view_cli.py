"""`tradefacts view`: a self-contained HTML report of one article, several, or the record."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tradefacts.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = SEEDS / "001_03135ee41aa1b65a.txt"


def test_view_one_article_to_stdout(nlp, capsys) -> None:
    assert main(["view", str(SEED)]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert 'data-doc="001_03135ee41aa1b65a.txt"' in page
    assert 'class="tf-mark tf-tariff' in page


def test_view_merge_writes_a_self_contained_file(nlp, tmp_path, capsys) -> None:
    out = tmp_path / "report.html"
    assert main(["view", str(SEEDS), "--merge", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Canonical record" in page
    assert page.count('class="tf-view tf-article"') == 5
    assert "2025-04-16" in page  # manifest dates resolve the central event's day
    # nothing is fetched and nothing runs
    assert not re.search(r"<script|<link|@import|url\(|src=|https?://", page)
    assert "default-src 'none'" in html.unescape(page)
    assert capsys.readouterr().out == ""


def test_view_published_applies_to_all(nlp, tmp_path) -> None:
    out = tmp_path / "r.html"
    assert main(["view", str(SEED), "--published", "2025-04-17", "-o", str(out)]) == 0
    assert "published 2025-04-17" in out.read_text(encoding="utf-8")


def test_view_errors_are_one_line_with_exit_2(tmp_path, capsys) -> None:
    assert main(["view", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tradefacts: error:") and err.count("\n") == 1
    assert main(["view", str(SEED), "--published", "2025-13-40"]) == 2
    assert "invalid published date" in capsys.readouterr().err
    assert main(["view"]) == 2
