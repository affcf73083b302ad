"""Pipeline component ``tf_clutter``: mark page clutter without touching the text.

Clutter is what a web page wraps around an article: bylines, photo credits, "READ MORE"
links, newsletter and cookie prompts, ads, social-media embeds, copyright lines, lists of
other headlines and section headings. The component stores sorted LOCAL ``(start, end)``
character ranges on ``doc._.clutter``; later stages skip facts inside them
(``document.in_clutter``). Captions that are real sentences are kept: only their credits
are marked. The shapes live in ``tradefacts/data/clutter.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .data_files import read_table
from .document import doc_text, register_extensions

Range = tuple[int, int]

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]{0,3}$")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,4}$|\b(?:[A-Z][a-z]{0,3}|[A-Z]{2,6})\.$")
_BULLET = re.compile(r"[•▪◦·●*\-–]\s|\d{1,2}[.)]\s")
_QUOTE_START = re.compile(r"[\"“”'‘’«]")
_WORD = re.compile(r"[^\s]{1,200}")
_LETTERS = re.compile(r"[^\W\d_]")
_TWEET_LIKE = re.compile(r"^[^\w\s\"“‘'(]|(?:^|\s)[@#]\w|https?://|pic\.twitter")


@dataclass(frozen=True)
class _Patterns:
    """The compiled clutter shapes (built once per process)."""

    labels: frozenset[str]
    line: tuple[tuple[re.Pattern[str], bool], ...]  # (pattern, search anywhere in the line)
    inline: tuple[tuple[re.Pattern[str], bool, tuple[str, ...]], ...]  # (pattern, to eol, cues)
    list_header: re.Pattern[str]
    tweet_signature: re.Pattern[str]
    small_words: frozenset[str]
    byline_words: frozenset[str]
    max_line_chars: int
    max_heading_chars: int
    max_heading_words: int
    max_list_item_chars: int
    min_headline_run: int
    tweet_max_chars: int
    comments_start: re.Pattern[str]
    comments_min_body_chars: int


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    """The clutter shapes from ``data/clutter.json``, compiled."""
    data = read_table("clutter.json")
    line = tuple((re.compile(p["pattern"]), bool(p.get("search"))) for p in data["line"])
    inline = tuple(
        (re.compile(p["pattern"]), bool(p.get("to_eol")), tuple(p["requires"]))
        for p in data["inline"]
    )
    signature = next(
        re.compile(p["pattern"]) for p in data["line"] if p["name"] == "tweet_signature"
    )
    return _Patterns(
        labels=frozenset(s.casefold() for s in data["labels"]),
        line=line,
        inline=inline,
        list_header=re.compile(data["list_headers"]),
        tweet_signature=signature,
        small_words=frozenset(data["heading_small_words"]),
        byline_words=frozenset(data["byline_words"]),
        max_line_chars=int(data["max_line_chars"]),
        max_heading_chars=int(data["max_heading_chars"]),
        max_heading_words=int(data["max_heading_words"]),
        max_list_item_chars=int(data["max_list_item_chars"]),
        min_headline_run=int(data["min_headline_run"]),
        tweet_max_chars=int(data["tweet_max_chars"]),
        comments_start=re.compile(data["comments_start"]),
        comments_min_body_chars=int(data["comments_min_body_chars"]),
    )


@dataclass
class _Line:
    """One non-blank line: local offsets of its stripped text, and that text."""

    start: int
    end: int
    text: str


def _lines(text: str) -> Iterator[_Line]:
    """Non-blank lines of ``text`` with the offsets of their stripped content."""
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            yield _Line(pos + lead, pos + lead + len(stripped), stripped)
        pos += len(raw) + 1


def _is_label(text: str, pats: _Patterns) -> bool:
    """True for a line that is only a page label ("Share", "Advertisement", "Read more")."""
    return text.strip(" \t:|·•>»›-–—").casefold() in pats.labels


def _is_sentence(text: str) -> bool:
    """True when the line ends like a sentence (not an abbreviation such as "U.S.")."""
    return bool(_SENTENCE_END.search(text)) and not (
        text.endswith(".") and _ABBREVIATION_END.search(text)
    )


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_capitalised(word: str) -> bool:
    letter = _LETTERS.search(word)
    return letter is not None and letter.group().isupper()


def is_heading(text: str, pats: _Patterns | None = None) -> bool:
    """True for a short Title Case / UPPER CASE line that is not a sentence (a heading)."""
    pats = pats or patterns()
    if len(text) > pats.max_heading_chars or _QUOTE_START.match(text) or _BULLET.match(text):
        return False
    words = _words(text)
    if not words or len(words) > pats.max_heading_words:
        return False
    if _is_sentence(text) and not (text.endswith("?") and len(words) <= 6):
        return False
    content = [w for w in words if _LETTERS.search(w) and w.casefold() not in pats.small_words]
    return bool(content) and all(_is_capitalised(w) for w in content)


def is_byline(text: str, pats: _Patterns | None = None) -> bool:
    """True for "By A and B", "By Jane Doe, Reuters", "BY JANE DOE | Updated 3 hours ago"."""
    pats = pats or patterns()
    if not 5 <= len(text) <= 200 or text[:3].casefold() != "by ":
        return False
    words = [w.strip(",;|·•()[]-–—") for w in _words(text[3:])]
    words = [w for w in words if w]
    if not words or not _is_capitalised(words[0]) or len(words) > 24:
        return False
    for word in words:
        if not _LETTERS.search(word) or _is_capitalised(word) or word.startswith("@"):
            continue
        folded = word.casefold()
        if folded not in pats.byline_words and folded.rstrip(".") not in pats.byline_words:
            return False
    return not text.endswith(".") or len(words) <= 8


def _line_is_clutter(line: _Line, pats: _Patterns) -> bool:
    """Whole-line clutter: labels, prompts, bylines, credits, embeds, headings."""
    text = line.text
    if len(text) > pats.max_line_chars:
        return False
    if _is_label(text, pats) or is_byline(text, pats):
        return True
    for pattern, anywhere in pats.line:
        if (pattern.search(text) if anywhere else pattern.match(text)) is not None:
            return True
    return is_heading(text, pats)


def _inline_ranges(line: _Line, pats: _Patterns) -> Iterator[Range]:
    """Credits and links inside a line that is otherwise kept."""
    for pattern, to_eol, cues in pats.inline:
        if not any(cue in line.text for cue in cues):
            continue
        for match in pattern.finditer(line.text):
            end = line.end if to_eol else line.start + match.end()
            yield line.start + match.start(), end


def _is_list_item(text: str, pats: _Patterns) -> bool:
    return (
        len(text) <= pats.max_list_item_chars
        and (not _is_sentence(text) or text.endswith("?"))
        and not _BULLET.match(text)
        and not _QUOTE_START.match(text)
    )


def _headline_runs(lines: list[_Line], marked: list[bool], pats: _Patterns) -> None:
    """Mark lists of other headlines: after a "Related:" header, or runs of 3+ short lines."""
    i = 0
    while i < len(lines):
        after_header = marked[i] and pats.list_header.match(lines[i].text) is not None
        j = i + 1 if after_header else i
        run: list[int] = []
        while j < len(lines) and (_is_list_item(lines[j].text, pats) or (marked[j] and run)):
            if not marked[j]:
                run.append(j)
            j += 1
        if run and (after_header or len(run) >= pats.min_headline_run):
            for k in run:
                marked[k] = True
        i = max(j, i + 1)


def _embed_blocks(text: str, lines: list[_Line], marked: list[bool], pats: _Patterns) -> None:
    """A tweet signature "— name (@handle) April 16, 2025" makes the tweet text before it clutter.

    The tweet is the line right above the signature, or, across a blank line, a short line
    that looks like a post (emoji-led, with a handle, hashtag or link).
    """
    for i, line in enumerate(lines):
        if i == 0 or len(line.text) > pats.max_line_chars:
            continue
        if not pats.tweet_signature.match(line.text):
            continue
        previous = lines[i - 1]
        adjacent = text.count("\n", previous.end, line.start) <= 1
        if len(previous.text) <= pats.tweet_max_chars and (
            adjacent or _TWEET_LIKE.search(previous.text)
        ):
            marked[i - 1] = True


def _comments_tail(lines: list[_Line], marked: list[bool], pats: _Patterns) -> None:
    """Readers' comments: everything from a comments header ("19 Comments", "Login to
    comment") that follows the article body to the end of the page. A header before the body
    (a comment count under the headline) cuts nothing."""
    body = 0
    for i, line in enumerate(lines):
        if body >= pats.comments_min_body_chars and pats.comments_start.match(line.text):
            for k in range(i, len(lines)):
                marked[k] = True
            return
        if not marked[i]:
            body += len(line.text)


def clutter_ranges(text: str) -> list[Range]:
    """Sorted, merged local ``(start, end)`` ranges of page clutter in ``text``."""
    pats = patterns()
    lines = list(_lines(text))
    marked = [_line_is_clutter(line, pats) for line in lines]
    _embed_blocks(text, lines, marked, pats)
    _headline_runs(lines, marked, pats)
    _comments_tail(lines, marked, pats)
    ranges = [(line.start, line.end) for line, hit in zip(lines, marked, strict=True) if hit]
    for line, hit in zip(lines, marked, strict=True):
        if not hit:
            ranges.extend(_inline_ranges(line, pats))
    return _merged(ranges)


def _merged(ranges: list[Range]) -> list[Range]:
    out: list[Range] = []
    for start, end in sorted(r for r in ranges if r[0] < r[1]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


@Language.component("tf_clutter")
def clutter(doc: Doc) -> Doc:
    """Store the page-clutter ranges of ``doc`` on ``doc._.clutter``."""
    register_extensions()
    doc._.clutter = clutter_ranges(doc_text(doc))
    return doc
