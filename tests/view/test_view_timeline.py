"""Timeline._repr_html_: a chart per dated line, a table per line, everything escaped."""

from __future__ import annotations

import datetime as dt

import tradefacts
from tradefacts.models import ArticleFacts, Evidence, TariffRate, Timeline


def _facts(doc_id: str, published: str | None, rate: float, **fields) -> ArticleFacts:
    text = f"{rate:g}% <b>tariff</b>"
    ev = Evidence(doc_id=doc_id, start=0, end=len(text), text=text)
    tariff = TariffRate(rate_percent=rate, imposer="USA", target="JPN", evidence=(ev,), **fields)
    return ArticleFacts(doc_id=doc_id, published=published, tariffs=(tariff,))


def test_empty_timeline_says_so() -> None:
    html = Timeline()._repr_html_()
    assert "No tariffs to put on a time axis." in html and "<svg" not in html


def test_chart_markers_tooltips_and_escaping() -> None:
    hostile = '"><script>alert(1)</script>'
    timeline = tradefacts.timeline(
        [
            _facts("a", "2025-04-05", 10),
            _facts(hostile, "2025-08-01", 25, effective=dt.date(2025, 8, 7)),
            _facts("c", None, 15, products=("steel",)),
        ]
    )
    html = timeline.to_html()
    assert html.startswith("<style>") and 'class="tf-view tf-timeline"' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;tariff&lt;/b&gt;" in html  # evidence text escaped
    assert html.count("<svg") == 1  # the steel line has only an undated point: no chart
    assert html.count('class="tf-point') == 2
    assert "25% in_effect\ndate: 2025-08-07\neffective: 2025-08-07\nas of: 2025-08-01" in html
    assert "undated" in html  # the undated point is in its line's table


def test_article_and_record_tables_show_when_a_rate_applies() -> None:
    facts = _facts("a", "2025-07-08", 25, effective=dt.date(2025, 8, 1))
    assert 'in_effect<span class="tf-muted"> from 2025-08-01</span>' in facts.to_html()
    record = tradefacts.merge([facts])
    assert 'in_effect<span class="tf-muted"> from 2025-08-01</span>' in record.to_html()
