"""The HTML views: escaping, overlapping evidence, empty facts, missing source text."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

from tradefacts.models import (
    ArticleFacts,
    CanonicalRecord,
    Entity,
    Evidence,
    Statement,
    TariffRate,
    TradeEvent,
)
from tradefacts.view import article_html, record_html, report_html
from tradefacts.view.highlight import Span, highlight

VOID = {"meta", "br", "img", "input", "link", "hr"}


class Marks(HTMLParser):
    """Checks the HTML is well nested and collects every mark's attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: list[dict[str, str]] = []
        self.tags: Counter[str] = Counter()
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        if tag == "mark":
            self.marks.append({k: v or "" for k, v in attrs})
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def parse(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors[:3]
    assert not parser.stack, parser.stack
    return parser


def ev(text: str, part: str, doc_id: str = "d", after: int = 0) -> Evidence:
    start = text.index(part, after)
    return Evidence(doc_id=doc_id, start=start, end=start + len(part), text=part)


TEXT = (
    "Prime Minister Shigeru Ishiba said Japan faces a 24% tariff on cars. "
    'He said "we will not rush" on Thursday.'
)


def sample_facts() -> ArticleFacts:
    t = TEXT
    return ArticleFacts(
        doc_id="d",
        entities=(
            Entity(
                id="person:shigeru-ishiba",
                name="Shigeru Ishiba",
                type="person",
                country="JPN",
                evidence=(ev(t, "Shigeru Ishiba"),),
            ),
            Entity(id="country:JPN", name="Japan", type="country", evidence=(ev(t, "Japan"),)),
        ),
        tariffs=(
            TariffRate(
                rate_percent=24,
                imposer="USA",
                target="JPN",
                products=("automobiles",),
                status="in_effect",
                evidence=(ev(t, "Japan faces a 24% tariff on cars."),),
            ),
        ),
        statements=(
            Statement(
                speaker="person:shigeru-ishiba",
                speaker_name="Shigeru Ishiba",
                text="we will not rush",
                evidence=(ev(t, "we will not rush"),),
            ),
        ),
        events=(
            # crosses the tariff sentence and the statement: forces split marks
            TradeEvent(
                type="speech",
                participants=("person:shigeru-ishiba",),
                evidence=(ev(t, "Ishiba said Japan"), ev(t, "cars. He said")),
            ),
        ),
    )


def distinct_evidence(marks: list[dict[str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for mark in marks:
        found[mark["data-kind"]].add(mark["data-ev"])
    return found


def test_overlapping_evidence_nests_and_keeps_one_id_per_span() -> None:
    facts = sample_facts().with_source_text(TEXT)
    parsed = parse(facts._repr_html_())
    found = distinct_evidence(parsed.marks)
    assert {k: len(v) for k, v in found.items()} == {
        "person": 1,
        "country": 1,
        "tariff": 1,
        "statement": 1,
        "event": 2,
    }
    # crossing spans are split into several fragments of one data-ev
    assert len(parsed.marks) > sum(len(v) for v in found.values())
    # the inner mark's tooltip names the facts around it too
    japan = next(m for m in parsed.marks if m["data-kind"] == "country")
    assert "Country: Japan (country)" in japan["title"]
    assert "Tariff: 24% USA -> JPN, automobiles, in_effect" in japan["title"]
    assert "Event: speech" in japan["title"]


def test_marks_cover_exactly_the_evidence_text() -> None:
    spans = [
        Span(0, 10, "event", "a", "a", "A"),
        Span(5, 15, "tariff", "b", "b", "B"),
        Span(5, 15, "statement", "c", "c", "C"),
        Span(7, 8, "person", "d", "d", "D"),
        Span(15, 20, "country", "e", "e", "E"),
    ]
    text = "abcdefghijklmnopqrstuvwxyz"

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[str] = []
            self.text: dict[str, str] = defaultdict(str)

        def handle_starttag(self, tag, attrs):
            self.open.append(dict(attrs)["data-ev"] or "")

        def handle_endtag(self, tag):
            self.open.pop()

        def handle_data(self, data):
            for ev_id in set(self.open):
                self.text[ev_id] += data

    collector = Collect()
    collector.feed(highlight(text, spans))
    assert dict(collector.text) == {s.ev_id: text[s.start : s.end] for s in spans}


def test_article_text_and_attributes_are_escaped() -> None:
    text = "<script>alert(1)</script> \"quoted\" & 'single' </style><img src=x onerror=alert(2)>"
    facts = ArticleFacts(
        doc_id='"><script>alert(3)</script>',
        entities=(
            Entity(
                id="person:x",
                name="<img src=x onerror=alert(4)>",
                type="person",
                role='" onmouseover="alert(5)',
                evidence=(ev(text, "<script>alert(1)</script>", doc_id="x"),),
            ),
        ),
    )
    for html in (article_html(facts, text=text), report_html([facts.with_source_text(text)])):
        parsed = parse(html)
        assert parsed.tags["script"] == 0 and parsed.tags["img"] == 0
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;/style&gt;&lt;img src=x onerror=alert(2)&gt;" in html
        assert parsed.marks[0]["title"] == (
            'Person: <img src=x onerror=alert(4)> (person, " onmouseover="alert(5))'
        )
        assert all(
            "onmouseover" not in name and "onerror" not in name
            for mark in parsed.marks
            for name in mark
        )


def test_empty_facts_and_empty_record() -> None:
    for html in (
        ArticleFacts(doc_id="empty")._repr_html_(),
        ArticleFacts(doc_id="empty").to_html(text="Nothing here."),
        CanonicalRecord()._repr_html_(),
        report_html([], CanonicalRecord()),
    ):
        parsed = parse(html)
        assert parsed.marks == []
    assert "Nothing here." in ArticleFacts(doc_id="e").to_html(text="Nothing here.")
    assert "No central event." in record_html(CanonicalRecord())


def test_without_source_text_the_evidence_is_shown_with_gaps() -> None:
    loaded = ArticleFacts.model_validate(sample_facts().model_dump(mode="json"))
    assert loaded.source_text is None
    html = loaded._repr_html_()
    parsed = parse(html)
    assert "Source text not available" in html
    assert "tf-gap" in html
    assert "we will not rush" in html
    assert len(distinct_evidence(parsed.marks)["event"]) == 2


def test_source_text_is_kept_but_not_dumped_nor_compared() -> None:
    facts = sample_facts()
    with_text = facts.with_source_text(TEXT)
    assert with_text.source_text == TEXT and facts.source_text is None
    assert with_text == facts and hash(with_text) == hash(facts)
    assert with_text.model_dump_json() == facts.model_dump_json()
    assert "source_text" not in with_text.model_dump()


def test_extraction_keeps_the_source_text(seed_facts) -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    assert seed_facts.source_text == (seeds / seed_facts.doc_id).read_text(encoding="utf-8")


def test_record_view_lists_facts_sources_and_conflicts(seed_record) -> None:
    html = seed_record._repr_html_()
    parsed = parse(html)
    assert parsed.tags["details"] >= len(seed_record.tariffs) + len(seed_record.statements)
    assert "Central event" in html
    for conflict in seed_record.conflicts:
        assert conflict.field in html
    for source in seed_record.sources:
        assert source in html


def test_a_long_article_renders_quickly() -> None:
    sentence = "Japan faces a 24% tariff on cars, Shigeru Ishiba said on Thursday. "
    text = sentence * (50_000 // len(sentence))
    starts = range(0, len(text) - len(sentence), len(sentence))
    facts = ArticleFacts(
        doc_id="long",
        entities=(
            Entity(
                id="country:JPN",
                name="Japan",
                type="country",
                evidence=tuple(
                    Evidence(doc_id="long", start=s, end=s + 5, text="Japan") for s in starts
                ),
            ),
        ),
        tariffs=(
            TariffRate(
                rate_percent=24,
                imposer="USA",
                evidence=tuple(
                    Evidence(doc_id="long", start=s, end=s + 33, text=text[s : s + 33])
                    for s in starts
                ),
            ),
        ),
    )
    began = time.perf_counter()
    html = article_html(facts, text=text)
    assert time.perf_counter() - began < 2.0
    assert html.count('data-kind="tariff"') == len(starts)
