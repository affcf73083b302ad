"""Matching person names: by surname, and first name too where both sides have one.

A hyphenated name is one word ("Keller-Sutter", whatever the hyphen character), so a surname
matches only the whole hyphenated word.
"""

from __future__ import annotations

import re
import unicodedata

from .normalise import unify_marks

_HONORIFICS = frozenset(
    "mr mrs ms miss mx dr sir dame lord lady prof professor madam monsieur herr".split()
)
#: Generational suffixes are no surname ("Ferdinand Marcos Jr." = "Ferdinand Marcos").
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_NAME_PARTICLES = frozenset(
    "da de do dos das di del della van von der den le la al bin ibn".split()
)
#: A name word: letters and digits, with inner hyphens and apostrophes ("Keller-Sutter", "O'Neil").
_NAME_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def ascii_fold(text: str) -> str:
    """Text without accents ("Šefčovič" -> "Sefcovic")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: str) -> list[str]:
    """Lower-case ASCII-folded name tokens without honorifics ("Mr. Kim" -> ["kim"]) or a
    generational suffix ("Jr."); a hyphenated name is one token ("Keller-Sutter" ->
    ["kellersutter"])."""
    tokens = [
        t.replace("-", "").replace("'", "")
        for t in _NAME_TOKEN.findall(ascii_fold(unify_marks(name)).casefold())
    ]
    kept = [t for t in tokens if t and t not in _HONORIFICS]
    while len(kept) > 1 and kept[-1] in _SUFFIXES:
        kept.pop()
    return kept or [t for t in tokens if t]


def names_match(gold: str, predicted: str) -> bool:
    """Same person: surname equal, and first name too where both sides have one.

    A one-word name matches any word of the other side but a particle (surname-first names
    such as "Xi Jinping" are shortened to "Xi", "Luiz Inacio Lula da Silva" to "Lula"); two
    longer names match when their last words agree and either their first words agree or one
    name's words all occur in the other ("Lula da Silva"); reversed order also matches.
    """
    g, p = name_tokens(gold), name_tokens(predicted)
    if not g or not p:
        return False
    if len(g) == 1 or len(p) == 1:
        single, other = (g[0], p) if len(g) == 1 else (p[0], g)
        return single in (other[0], other[-1]) or (
            single not in _NAME_PARTICLES and single in other
        )
    if g[-1] == p[-1]:
        return g[0] == p[0] or set(g) <= set(p) or set(p) <= set(g)
    return g[0] == p[-1] and g[-1] == p[0]


def name_from_id(entity_id: str) -> str:
    """A readable name from an id slug ("person:donald-trump" -> "donald trump")."""
    return entity_id.split(":", 1)[-1].replace("-", " ")
