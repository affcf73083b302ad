"""Reading: files and texts become a ``Source`` whose text is never altered afterwards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .decoding import decode_bytes
from .errors import (
    InputError,
    InputNotFoundError,
    InvalidDateError,
    IsADirectoryInputError,
)

#: spaCy parses at most this many characters at a time; longer texts are chunked.
CHUNK_CHARS = 50_000


@dataclass(frozen=True)
class Source:
    """A text as read, with its id and reference date."""

    text: str
    doc_id: str
    published: dt.date | None = None


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """The reference date as a ``date``; raises ``InvalidDateError`` for anything else."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidDateError(f"invalid published date {value!r}: expected an ISO date YYYY-MM-DD")


#: Elements whose text becomes one line each (the outermost one when they nest).
_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, td, th, dt, dd"
_DROPPED = ("script", "style", "noscript", "nav", "footer", "aside", "form", "svg", "template")


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: paragraphs and headings, one block per line.

    Blocks nested in other blocks (a ``<p>`` inside a ``<blockquote>`` or ``<li>``) are read
    once, as part of the outer block. A page with no such blocks gives its whole text.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for tag in _DROPPED:
        for node in tree.css(tag):
            node.decompose()
    root = tree.css_first("article") or tree.body or tree.root
    if root is None:
        return ""
    nodes = root.css(_BLOCKS)
    chosen = {node.mem_id for node in nodes}
    blocks = [
        " ".join(node.text(separator=" ").split())
        for node in nodes
        if not _inside_any(node, chosen)
    ]
    text = "\n\n".join(b for b in blocks if b)
    if text:
        return text
    lines = (" ".join(line.split()) for line in root.text(separator="\n").splitlines())
    return "\n\n".join(line for line in lines if line)


def _inside_any(node: Any, ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def read_source(
    path: str | Path, *, doc_id: str | None = None, published: dt.date | str | None = None
) -> Source:
    """Read a ``.txt``/``.html`` file into a ``Source``; never writes to the file."""
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryInputError(
            f"{p}: is a directory; use tradefacts.extract_many(...) or `tradefacts merge {p}`"
        )
    if not p.exists():
        raise InputNotFoundError(f"{p}: no such file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    text = decode_bytes(data, name=str(p))
    if p.suffix.lower() in (".html", ".htm") or _looks_like_html(text):
        text = html_to_text(text)
    return Source(text=text, doc_id=doc_id or p.name, published=parse_published(published))


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def chunk_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split ``text`` into ``(start, end)`` ranges of at most ``limit`` chars at line breaks."""
    spans = []
    start, n = 0, len(text)
    while n - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        cut = start + limit if cut <= start else cut + 1
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans
