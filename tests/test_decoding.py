"""Bytes to text: every real text is read back unchanged, real binary files are refused."""

from __future__ import annotations

import gzip
import io
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import tradefacts
from tradefacts.decoding import decode_bytes
from tradefacts.errors import BinaryInputError
from tradefacts.reading import read_source

#: Texts that start like a binary format's magic bytes: all ordinary news.
SIGNATURE_LOOKALIKES = [
    "BMW, Mercedes avoid €4 billion tariffs after the EU deal, Handelsblatt reported.",
    "BMW raised prices on its US-built SUVs by 3% on Monday.",
    "BMO Capital Markets said the 25% levy on Canadian steel would cut output.",
    "%PDF of the report: tariffs rose to 15% on 1 August.",
    "GIF89a-style animations of the trade deficit went viral, the ministry said.",
    "GIF8 months of talks ended with a 10% tariff.",
    "PK Steel Ltd said exports to the US fell 12%.",
    "MZ Group, a Jakarta exporter, expects a 19% tariff.",
    "Rar! shouted the crowd as Canada retaliated with 25% duties.",
    "7z stores closed in Ohio after the 145% tariff on Chinese goods.",
    "II*: the second round of talks opened in Geneva on 10 May.",
    "ÿØÿ is not a word, but a 20% tariff on Vietnam is.",
]


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\xff\x00" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _bmp() -> bytes:
    pixels = b"\x00\x00\xff\x00" * 4
    info = struct.pack("<IiiHHIIiiII", 40, 2, 2, 1, 32, 0, len(pixels), 2835, 2835, 0, 0)
    size = 14 + len(info) + len(pixels)
    return b"BM" + struct.pack("<IHHI", size, 0, 0, 14 + len(info)) + info + pixels


def _pdf(stream: bytes) -> bytes:
    body = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"3 0 obj << /Length " + str(len(stream)).encode() + b" >> stream\n" + stream
    )
    return body + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\nstartxref\n0\n%%EOF\n"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", "Japan agreed to a 15% tariff. " * 20)
    return buffer.getvalue()


REAL_BINARIES = {
    "PNG": _png(),
    "BMP": _bmp(),
    "PDF": _pdf(zlib.compress(b"BT /F1 12 Tf (Tariffs rose to 25%) Tj ET" * 5)),
    "ZIP": _zip(),
    "gzip": gzip.compress(b"Canada retaliated with 25% tariffs." * 10),
    "JPEG": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    + bytes(range(256)),
    "GIF": b"GIF89a\x02\x00\x02\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00"
    + b"\x00\x00\x00,\x00\x00\x00\x00\x02\x00\x02\x00\x00\x02\x02\x84\x51\x00;",
}


@pytest.mark.parametrize("text", SIGNATURE_LOOKALIKES)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_texts_starting_like_a_signature_are_read(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(("fmt", "data"), list(REAL_BINARIES.items()), ids=list(REAL_BINARIES))
def test_real_binary_files_are_refused_naming_their_format(fmt: str, data: bytes) -> None:
    with pytest.raises(BinaryInputError, match=rf"^scan\.txt: not a text file \(an? {fmt} "):
        decode_bytes(data, name="scan.txt")


def test_an_ascii_only_pdf_is_refused_by_its_header_and_trailer() -> None:
    data = _pdf(b"BT /F1 12 Tf (Tariffs rose to 25%) Tj ET")
    assert data.isascii()
    with pytest.raises(BinaryInputError, match="PDF document"):
        decode_bytes(data)
    # The same header in a text without the trailer is a text.
    assert decode_bytes(b"%PDF-1.4\nis the version we sent to the ministry.") == (
        "%PDF-1.4\nis the version we sent to the ministry."
    )


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # arbitrary bytes, NUL included
        bytes(range(1, 32)) * 40,  # controls without NUL
        b"\x9d\x81\x8f\x90\x8d" * 40 + b"abc",  # undecodable in cp1252: latin-1 C1 controls
    ],
    ids=["all-bytes", "controls", "undecodable"],
)
def test_unnamed_binary_content_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError, match="binary content"):
        decode_bytes(data)


def test_a_stray_control_character_does_not_refuse_a_text() -> None:
    text = "Seoul offered to invest $350bn in US shipbuilding, officials said.\x1a"
    assert decode_bytes(text.encode()) == text


def test_a_bom_that_does_not_decode_is_no_bom() -> None:
    # cp1252 "ÿþ" + an odd number of bytes is not UTF-16; "ï»¿" + "é" is not UTF-8.
    for text in ("ÿþ tariff", "ï»¿ café"):
        assert decode_bytes(text.encode("cp1252")) == text


# --- properties ------------------------------------------------------------------------------

#: Text characters of any script: letters, marks, numbers, punctuation, symbols, spaces.
_TEXT_CHARS = st.characters(exclude_categories=("C", "Zl", "Zp")) | st.sampled_from("\n\t")
_STARTS = st.sampled_from(["", "BM", "BMW ", "GIF8", "GIF89a", "%PDF", "%PDF-1.7 ", "PK", "MZ"])
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@st.composite
def texts(draw: st.DrawFn, chars: st.SearchStrategy[str] = _TEXT_CHARS) -> str:
    """A text of printable characters (plus line breaks and tabs), any first characters."""
    return draw(_STARTS) + draw(st.text(chars, max_size=300))


def _encoded(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(encoding)


@settings(max_examples=300, deadline=None)
@given(texts(), st.sampled_from(["utf-8", "utf-8-bom", "utf-16"]))
def test_any_unicode_text_reads_back_unchanged(text: str, encoding: str) -> None:
    assert decode_bytes(_encoded(text, encoding)) == text


@settings(max_examples=300, deadline=None)
@given(texts(st.characters(codec="cp1252", exclude_categories=("C",)) | st.sampled_from("\n\t")))
def test_any_cp1252_text_reads_back_unchanged(text: str) -> None:
    data = text.encode("cp1252")
    # Bytes that are also UTF-8, or start with a byte-order mark, are that encoding's text too
    # ("Ã©" in cp1252 is "é" in UTF-8): UTF-8 and the BOM win, as in every reader.
    assume(not data.startswith(_BOMS) and (data.isascii() or not _is_utf8(data)))
    assert decode_bytes(data) == text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts(st.characters(exclude_categories=("C", "Zl", "Zp")) | st.sampled_from(" .,%$\n")),
    st.sampled_from(["utf-8", "utf-8-bom", "utf-16"]),
)
def test_a_file_of_any_text_is_extracted_like_the_text(nlp, text: str, encoding: str) -> None:
    assume(not text.lstrip().lower().startswith(("<!doctype html", "<html")))  # read as HTML
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(_encoded(text, encoding))
        assert read_source(path).text == text
        from_file = tradefacts.extract(path, published="2025-04-10")
    from_text = tradefacts.extract_text(text, doc_id="article.txt", published="2025-04-10")
    assert from_file.model_dump(mode="json") == from_text.model_dump(mode="json")


@pytest.mark.parametrize("text", SIGNATURE_LOOKALIKES[:4])
def test_news_starting_like_a_signature_is_extracted(nlp, tmp_path: Path, text: str) -> None:
    path = tmp_path / "bmw.txt"
    path.write_text(text, encoding="utf-8")
    facts = tradefacts.extract(path)
    assert facts.model_dump(mode="json") == (
        tradefacts.extract_text(text, doc_id="bmw.txt").model_dump(mode="json")
    )
    assert facts.quantities  # the story's percentages and amounts are read
