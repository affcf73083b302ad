"""Reading files and texts: decoding, HTML, dates, chunking; the text is never altered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradefacts.errors import (
    BinaryInputError,
    InputNotFoundError,
    InvalidDateError,
    IsADirectoryInputError,
)
from tradefacts.reading import (
    chunk_spans,
    decode_bytes,
    html_to_text,
    parse_published,
    read_source,
)

TEXT = "Vietnam’s Deputy Prime Minister Hồ Đức Phớc met Scott Bessent — “a good start”.\r\n€5bn\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("2025-04-16", dt.date(2025, 4, 16)),
        (" 2025-04-16 ", dt.date(2025, 4, 16)),
        (dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
        (dt.datetime(2025, 7, 1, 23, 59), dt.date(2025, 7, 1)),
    ],
)
def test_parse_published(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["2025-02-30", "16/04/2025", "yesterday", "", 20250416])
def test_parse_published_rejects(value: object) -> None:
    with pytest.raises(InvalidDateError, match="YYYY-MM-DD"):
        parse_published(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
    ],
)
def test_decode_keeps_every_character(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_decode_legacy_windows_text() -> None:
    assert decode_bytes("Mexico’s “no” – 25%".encode("cp1252")) == "Mexico’s “no” – 25%"


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n%\xe2\xe3\n\x00\x01\x02", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04zip", b"abc\x00def"],
)
def test_binary_content_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError):
        decode_bytes(data, name="scan.txt")


def test_read_source_keeps_the_text_exactly(tmp_path: Path) -> None:
    path = tmp_path / "vn.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    source = read_source(path, published="2025-04-10")
    assert source.text == TEXT and "\r\n" in source.text
    assert source.doc_id == "vn.txt" and source.published == dt.date(2025, 4, 10)
    assert read_source(str(path), doc_id="custom").doc_id == "custom"
    assert path.read_bytes() == TEXT.encode("utf-8")


def test_read_source_errors(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(IsADirectoryInputError):
        read_source(tmp_path)
    (tmp_path / "x.txt").write_bytes(b"\x7fELF\x02\x01")
    with pytest.raises(BinaryInputError):
        read_source(tmp_path / "x.txt")
    (tmp_path / "ok.txt").write_text("Seoul.", encoding="utf-8")
    with pytest.raises(InvalidDateError):
        read_source(tmp_path / "ok.txt", published="someday")


PAGE = """<!doctype html><html><head><title>t</title><style>p{}</style></head><body>
<nav><a>Home</a><a>World</a></nav>
<article>
  <h1>India and UK sign trade deal</h1>
  <p>India will cut tariffs on <b>British whisky</b> to 75%.</p>
  <figure><img src="x.jpg"><figcaption>Piyush Goyal in London. Photograph: PA</figcaption></figure>
  <blockquote class="twitter-tweet"><p>Historic day! pic.twitter.com/abc</p>
    &mdash; Piyush Goyal (@PiyushGoyal) May 6, 2025</blockquote>
  <ul><li><p>Cars: quota of 10,000</p></li><li>Whisky: 150% to 75%</li></ul>
  <script>var x = "<p>not text</p>";</script>
</article>
<footer>© 2025</footer></body></html>"""


def test_html_to_text_reads_blocks_once_and_drops_scripts_and_navigation() -> None:
    assert html_to_text(PAGE).split("\n\n") == [
        "India and UK sign trade deal",
        "India will cut tariffs on British whisky to 75%.",
        "Piyush Goyal in London. Photograph: PA",
        "Historic day! pic.twitter.com/abc — Piyush Goyal (@PiyushGoyal) May 6, 2025",
        "Cars: quota of 10,000",
        "Whisky: 150% to 75%",
    ]


def test_html_without_paragraphs_still_gives_its_text() -> None:
    assert html_to_text("<html><body><div>Korea offered<br>concessions</div></body></html>") == (
        "Korea offered\n\nconcessions"
    )


def test_html_file_is_converted_and_txt_with_html_content_too(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    html_source = read_source(tmp_path / "page.html")
    assert html_source.text.startswith("India and UK sign trade deal")
    assert read_source(tmp_path / "page.txt").text == html_source.text


@pytest.mark.parametrize("html", ["", "<", "<html>", "<p>unclosed <b>bold", "\x00<p>x</p>"])
def test_odd_html_does_not_crash(html: str) -> None:
    assert isinstance(html_to_text(html), str)


def test_chunks_cover_the_text_in_order_and_cut_at_line_breaks() -> None:
    text = ("The EU and Japan met in Brussels.\n" * 40).strip()
    spans = chunk_spans(text, limit=100)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b and b - a <= 100 for a, b in spans)
    assert all(prev[1] == nxt[0] for prev, nxt in zip(spans, spans[1:], strict=False))
    assert all(text[b - 1] == "\n" for _, b in spans[:-1])


def test_chunks_of_a_text_without_breaks() -> None:
    text = "x" * 250
    assert chunk_spans(text, limit=100) == [(0, 100), (100, 200), (200, 250)]
    assert chunk_spans("", limit=100) == [(0, 0)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=400), st.integers(5, 60))
def test_chunks_always_partition_the_text(text: str, limit: int) -> None:
    spans = chunk_spans(text, limit=limit)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= limit for a, b in spans)
