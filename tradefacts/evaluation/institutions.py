"""Matching institution names, the speakers of statements when no person is named.

Two names of one institution match when the content words of one contain those of the other
("Ministry of Commerce" = "China's Commerce Ministry"): case, accents, dots, a possessive 's
and function words do not count, and a country name or demonym may be left out on either side
(when both sides name a country, it must be the same one: "Swiss government" is not "Japanese
government"). A prediction that is the acronym of the gold name matches too ("MEA" = "Ministry
of External Affairs").

Country names and demonyms come from the shipped country table
(``tradefacts/pipeline/data/countries.json``, read as data).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .names import ascii_fold
from .normalise import unify_marks

_COUNTRY_TABLE = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "countries.json"
_FUNCTION_WORDS = frozenset("a an and at by for from in of on the to &".split())
_POSSESSIVE = re.compile(r"(?<=\w)'s?\b")
_WORD = re.compile(r"[a-z0-9&]+")
_ACRONYM = re.compile(r"[A-Za-z&]{2,}")


def _words(name: str) -> list[str]:
    """Lower-case ASCII words of a name without dots and possessives ("U.S.'s" -> ["us"])."""
    text = _POSSESSIVE.sub("", ascii_fold(unify_marks(name)).casefold())
    return _WORD.findall(text.replace(".", ""))


@lru_cache(maxsize=1)
def _country_table() -> tuple[dict[tuple[str, ...], frozenset[str]], int, frozenset[str]]:
    """Return country names and demonyms as word tuples, each with the codes it may stand
    for; the longest tuple's length; and every word of them."""
    table = json.loads(_COUNTRY_TABLE.read_text(encoding="utf-8"))["countries"]
    phrases: dict[tuple[str, ...], set[str]] = {}
    for code, entry in table.items():
        for form in (*entry["names"], *entry["demonyms"]):
            words = tuple(_words(form))
            if words:
                phrases.setdefault(words, set()).add(code)
    longest = max(map(len, phrases), default=1)
    every_word = frozenset(w for words in phrases for w in words)
    return {words: frozenset(codes) for words, codes in phrases.items()}, longest, every_word


def _parts(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the content words of a name and the countries it names (longest phrase first)."""
    words = _words(name)
    phrases, longest, _ = _country_table()
    content: set[str] = set()
    countries: set[str] = set()
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            codes = phrases.get(tuple(words[i : i + size]))
            if codes:
                countries |= codes
                i += size
                break
        else:
            if words[i] not in _FUNCTION_WORDS:
                content.add(words[i])
            i += 1
    return frozenset(content), frozenset(countries)


def is_acronym(short: str, full: str) -> bool:
    """Whether ``short`` (one word, two or more capitals, dots ignored) spells the initials of
    ``full``: of its content words, without or with its country words, or of all its words."""
    letters = _POSSESSIVE.sub("", unify_marks(short).strip()).replace(".", "")
    if not _ACRONYM.fullmatch(letters) or sum(c.isupper() for c in letters) < 2:
        return False
    words = _words(full)
    if len(words) < 2:
        return False
    content = [w for w in words if w not in _FUNCTION_WORDS]
    country_words = _country_table()[2]
    spellings = (words, content, [w for w in content if w not in country_words])
    return letters.casefold() in {"".join(w[0] for w in ws) for ws in spellings if ws}


def institutions_match(gold: str, predicted: str) -> bool:
    """Whether two names name one institution (see the module docstring)."""
    gold_words, gold_countries = _parts(gold)
    pred_words, pred_countries = _parts(predicted)
    if gold_words and pred_words and (gold_words <= pred_words or pred_words <= gold_words):
        return not (gold_countries and pred_countries) or bool(gold_countries & pred_countries)
    return is_acronym(predicted, gold)
