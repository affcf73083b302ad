"""The timeline view rendered by headless Chromium: one marker per point, tooltips, no script.

Skips only where no Chromium binary can be found (install it with `apt-get install chromium`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from html.parser import HTMLParser

from test_browser import assert_nothing_ran, chromium, dump_dom, parse_dom, pytestmark

import tradefacts
from tradefacts.models import ArticleFacts, Evidence, TariffRate
from tradefacts.view import timeline_report_html

__all__ = ["pytestmark"]  # the skip when Chromium is missing


class Chart(HTMLParser):
    """Markers (with their tooltip text) per timeline line, as the browser's DOM holds them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.line: str | None = None
        self.markers: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.charts: dict[str, int] = defaultdict(int)
        self._title: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        if tag == "div" and values.get("id", "").startswith("tf-line-"):
            self.line = values["id"]
        if tag == "svg" and self.line:
            self.charts[self.line] += 1
        if tag == "circle" and "tf-point" in values.get("class", "").split() and self.line:
            values["tooltip"] = ""
            self.markers[self.line].append(values)
        self._title = self.markers[self.line][-1] if tag == "title" and self.line else None

    def handle_endtag(self, tag):
        if tag == "title":
            self._title = None

    def handle_data(self, data):
        if self._title is not None:
            self._title["tooltip"] += data


def facts() -> list[ArticleFacts]:
    def tariff(doc_id, rate, status="in_effect", **fields):
        text = f"{rate:g}% tariff"
        ev = Evidence(doc_id=doc_id, start=0, end=len(text), text=text)
        return TariffRate(
            rate_percent=rate,
            imposer=fields.pop("imposer", "USA"),
            target=fields.pop("target", "JPN"),
            status=status,
            evidence=(ev,),
            **fields,
        )

    hostile = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">.txt"
    return [
        ArticleFacts(doc_id="a", published="2025-04-03", tariffs=(tariff("a", 24, "announced"),)),
        ArticleFacts(
            doc_id="b",
            published="2025-04-10",
            tariffs=(tariff("b", 24, "paused"), tariff("b", 10, effective=dt.date(2025, 4, 5))),
        ),
        ArticleFacts(doc_id="c", published="2025-08-07", tariffs=(tariff("c", 15),)),
        ArticleFacts(doc_id=hostile, published="2025-08-07", tariffs=(tariff(hostile, 25),)),
        ArticleFacts(
            doc_id="d",
            published="2025-08-27",
            tariffs=(tariff("d", 50, target="IND", products=("autos",)),),
        ),
        ArticleFacts(doc_id="e", published=None, tariffs=(tariff("e", 30, target="CHE"),)),
    ]


def test_one_marker_per_point_with_its_tooltip(tmp_path) -> None:
    timeline = tradefacts.timeline(facts())
    page = tmp_path / "timeline.html"
    page.write_text(timeline_report_html(timeline), encoding="utf-8")
    rendered = dump_dom(page, tmp_path)
    assert_nothing_ran(parse_dom(rendered))
    chart = Chart()
    chart.feed(rendered)
    for index, line in enumerate(timeline.lines):
        key = f"tf-line-{index}"
        markers = chart.markers.get(key, [])
        assert len(markers) == len(line.points), line
        assert chart.charts[key] == (1 if line.points else 0)  # no chart without dated points
        for marker, point in zip(markers, line.points, strict=True):
            assert marker["data-status"] == point.status
            assert marker["data-date"] == point.date.isoformat()
            assert f"{point.rate_percent:g}% {point.status}" in marker["tooltip"]
            assert ", ".join(point.sources) in marker["tooltip"]
    japan = chart.markers[f"tf-line-{timeline.lines.index(timeline.line('USA', 'JPN'))}"]
    conflicting = [m for m in japan if "tf-conflicting" in m["class"]]
    assert len(conflicting) == 2  # 15% and 25% on 2025-08-07 from different sources
    assert "&lt;img src=x onerror=" in rendered  # the hostile doc_id shows as text
    shot = tmp_path / "timeline.png"
    chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1000,1400")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
