"""The HTML views rendered by a real browser (headless Chromium): marks, tooltips, no script.

Skips only where no Chromium binary can be found (install it with `apt-get install chromium`).
"""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tradefacts.models import ArticleFacts
from tradefacts.view import report_html
from tradefacts.view.labels import statement_label, tariff_label

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM = next((path for name in BROWSERS if (path := shutil.which(name))), None)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium not found on PATH (apt-get install chromium): the browser check needs it",
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]


def chromium(page: Path, profile: Path, *extra: str) -> str:
    """Run headless Chromium on ``page``; returns its stdout (the DOM with --dump-dom)."""
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dump_dom(page: Path, tmp_path: Path) -> str:
    # the virtual time budget lets load handlers and image errors fire before the dump
    dom = chromium(page, tmp_path / "profile", "--virtual-time-budget=3000", "--dump-dom")
    assert "</html>" in dom
    return dom


class Dom(HTMLParser):
    """The rendered DOM: marks grouped by the article view they sit in, and every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc: str | None = None
        self.marks: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if "data-doc" in values:
            self.doc = values["data-doc"]
        if tag == "mark" and self.doc is not None:
            self.marks[self.doc].append(values)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse_dom(dom: str) -> Dom:
    parser = Dom()
    parser.feed(dom)
    return parser


def expected_evidence(facts: ArticleFacts) -> dict[str, int]:
    """Evidence spans per mark kind: entities by their type, the rest by fact kind."""
    counts: dict[str, int] = defaultdict(int)
    groups = [(e.type, e.evidence) for e in facts.entities]
    groups += [("quantity", q.evidence) for q in facts.quantities]
    groups += [("tariff", t.evidence) for t in facts.tariffs]
    groups += [("statement", s.evidence) for s in facts.statements]
    groups += [("event", v.evidence) for v in facts.events]
    groups += [("date", d.evidence) for d in facts.dates]
    for kind, evidence in groups:
        counts[kind] += sum(1 for ev in evidence if ev.end > ev.start)
    return dict(counts)


def marks_per_kind(marks: list[dict[str, str]]) -> dict[str, int]:
    ids: dict[str, set[str]] = defaultdict(set)
    for mark in marks:
        ids[mark["data-kind"]].add(mark["data-ev"])
    return {kind: len(found) for kind, found in ids.items()}


def assert_nothing_ran(dom: Dom) -> None:
    assert "PWNED" not in dom.title
    for tag, values in dom.tags:
        assert tag not in ("script", "img", "iframe", "object"), (tag, values)
        assert "data-pwned" not in values, values
        assert not any(name.startswith("on") for name in values), values
        assert not values.get("href", "").startswith("javascript:"), values


def test_the_harness_sees_a_payload_that_runs(tmp_path) -> None:
    """Control: unescaped, the same kind of payload does run and is seen in the DOM."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>t</title></head><body>"
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
        "<script>document.title='PWNED'</script></body></html>",
        encoding="utf-8",
    )
    dom = parse_dom(dump_dom(page, tmp_path))
    assert dom.title == "PWNED"
    assert any(values.get("data-pwned") == "img" for _, values in dom.tags)


def test_report_renders_marks_and_tooltips_for_article_and_record(
    seed_facts, seed_articles, seed_record, tmp_path
) -> None:
    page = tmp_path / "report.html"
    page.write_text(report_html([seed_facts]), encoding="utf-8")
    dom = parse_dom(dump_dom(page, tmp_path))
    marks = dom.marks[seed_facts.doc_id]
    assert marks_per_kind(marks) == expected_evidence(seed_facts)
    titles = "\n".join(m["title"] for m in marks)
    for tariff in seed_facts.tariffs:
        assert f"Tariff: {tariff_label(tariff)}" in titles
    for statement in seed_facts.statements:
        assert f"Quote: {statement_label(statement)}" in titles
    shot = tmp_path / "article.png"
    chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1600")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000

    merged = tmp_path / "merged.html"
    merged.write_text(report_html(seed_articles, seed_record), encoding="utf-8")
    dom = parse_dom(dump_dom(merged, tmp_path))
    for facts in seed_articles:
        assert marks_per_kind(dom.marks[facts.doc_id]) == expected_evidence(facts)
    details = [t for t, _ in dom.tags if t == "details"]
    assert len(details) >= len(seed_record.tariffs) + len(seed_record.statements)
    assert_nothing_ran(dom)
    shot = tmp_path / "record.png"
    chromium(merged, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1600")
    assert shot.stat().st_size > 20_000


def test_hostile_article_shows_its_markup_as_text(hostile_facts, tmp_path) -> None:
    text = hostile_facts.source_text
    assert text is not None and "<script>" in text
    # the notebook repr in a bare page (no Content-Security-Policy to hide behind)
    bare = tmp_path / "repr.html"
    bare.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>repr</title></head><body>"
        + hostile_facts._repr_html_()
        + "</body></html>",
        encoding="utf-8",
    )
    report = tmp_path / "hostile-report.html"
    report.write_text(report_html([hostile_facts]), encoding="utf-8")
    assert expected_evidence(hostile_facts).get("person", 0) > 0
    for page in (bare, report):
        rendered = dump_dom(page, tmp_path)
        dom = parse_dom(rendered)
        assert_nothing_ran(dom)
        marks = dom.marks[hostile_facts.doc_id]
        assert marks_per_kind(marks) == expected_evidence(hostile_facts)
        assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in rendered
        assert "&lt;/style&gt;&lt;script&gt;" in rendered
