"""Bytes to text: every real text is decoded, binary files are refused with a clear error.

A file is refused when it carries a format's full signature that no text can start with (a
BMP header is ``BM``, the file size and four zero bytes, not ``BM``: "BMW raised prices" is a
news story), or when its decoded content is binary: NUL bytes, or more control characters than
text ever has. Signatures made of printable characters (``%PDF-1.7``, ``GIF89a``) only name
the format of content that is binary anyway; they never refuse a text on their own, except a
PDF whose header line is matched by its ``%%EOF`` trailer.
"""

from __future__ import annotations

import re

from .errors import BinaryInputError

#: Full signatures that contain bytes no text has (controls, NUL): decisive on their own.
_DECISIVE = (
    ("a PNG image", re.compile(rb"\x89PNG\r\n\x1a\n")),
    ("a BMP image", re.compile(rb"BM[\x00-\xff]{4}\x00\x00\x00\x00", re.DOTALL)),
    ("a TIFF image", re.compile(rb"II\*\x00|MM\x00\*")),
    ("a ZIP archive (or DOCX/XLSX/EPUB)", re.compile(rb"PK(?:\x03\x04|\x05\x06|\x07\x08)")),
    ("a gzip archive", re.compile(rb"\x1f\x8b\x08")),
    ("an xz archive", re.compile(rb"\xfd7zXZ\x00")),
    ("a 7-Zip archive", re.compile(rb"7z\xbc\xaf\x27\x1c")),
    ("a RAR archive", re.compile(rb"Rar!\x1a\x07")),
    ("a Zstandard archive", re.compile(rb"\x28\xb5\x2f\xfd")),
    ("an ELF executable", re.compile(rb"\x7fELF")),
    ("an MS Office (OLE) document", re.compile(rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")),
    ("a SQLite database", re.compile(rb"SQLite format 3\x00")),
)

#: Signatures a text could start with: they name the format of content judged binary.
_NAMING = (
    ("a PDF document", re.compile(rb"%PDF-\d\.\d")),
    ("a GIF image", re.compile(rb"GIF8[79]a")),
    ("a JPEG image", re.compile(rb"\xff\xd8\xff")),
    ("a bzip2 archive", re.compile(rb"BZh[1-9]1AY&SY")),
    ("a WebP image", re.compile(rb"RIFF[\x00-\xff]{4}WEBP", re.DOTALL)),
    ("a Windows executable", re.compile(rb"MZ")),
)

_PDF_HEADER_LINE = re.compile(rb"%PDF-\d\.\d[\r\n]")
_PDF_TRAILER = re.compile(rb"%%EOF\s*\Z")

#: Control characters that text does not contain (tab, line and page breaks are text).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: Characters judged: enough to see binary content, cheap on a long article.
_SAMPLE_CHARS = 65_536
#: Binary when controls exceed this share of the sample (plus one stray control allowed).
_CONTROL_SHARE = 0.02

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> str:
    """The text of ``data``: UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252.

    Raises ``BinaryInputError`` (saying which format, when known) for binary content.
    """
    label = binary_format(data)
    if label is not None:
        raise BinaryInputError(f"{name}: not a text file ({label})")
    text = _decode(data)
    if not is_binary_text(text):
        return text
    named = next((label for label, sig in _NAMING if sig.match(data)), "binary content")
    raise BinaryInputError(f"{name}: not a text file ({named})")


def binary_format(data: bytes) -> str | None:
    """The format whose full signature ``data`` starts with, when no text can start so."""
    for label, signature in _DECISIVE:
        if signature.match(data):
            return label
    if _PDF_HEADER_LINE.match(data) and _PDF_TRAILER.search(data[-1024:]):
        return "a PDF document"
    return None


def is_binary_text(text: str) -> bool:
    """True when decoded content has NUL or more control characters than any text has."""
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > 1 + _CONTROL_SHARE * len(sample)


def _decode(data: bytes) -> str:
    """Decode with the byte-order mark's encoding, else UTF-8, else cp1252, else latin-1.

    A BOM whose encoding does not decode the rest is not a BOM (cp1252 "ï»¿" or "ÿþ").
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                break
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")
