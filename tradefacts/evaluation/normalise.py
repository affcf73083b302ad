"""Normalising what gold and predictions compare: quote text and product names."""

from __future__ import annotations

import re
from collections.abc import Iterable

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
)
WHITESPACE = re.compile(r"\s+")


def unify_marks(text: str) -> str:
    """Text with typographic quote marks, apostrophes, hyphens and dashes made plain."""
    return text.translate(_QUOTES)


def normalize_text(text: str) -> str:
    """Case-folded text with quote marks and dashes unified and whitespace collapsed."""
    return WHITESPACE.sub(" ", unify_marks(text).casefold()).strip()


def clip(text: str, limit: int = 90) -> str:
    """Text on one line, cut to ``limit`` characters with "..." (for reports)."""
    text = WHITESPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


PRODUCT_SYNONYMS = {
    "car": "automobiles",
    "cars": "automobiles",
    "auto": "automobiles",
    "autos": "automobiles",
    "vehicle": "automobiles",
    "vehicles": "automobiles",
    "automobile": "automobiles",
    "automobiles": "automobiles",
    "motor vehicles": "automobiles",
    "aluminium": "aluminum",
    "car parts": "auto parts",
    "auto part": "auto parts",
    "autoparts": "auto parts",
    "automobile parts": "auto parts",
    "vehicle parts": "auto parts",
    "auto components": "auto parts",
    "whiskey": "whisky",
    "whiskies": "whisky",
    "scotch": "whisky",
    "car components": "auto parts",
    "automotive parts": "auto parts",
}


_CANONICAL_PRODUCTS = frozenset(PRODUCT_SYNONYMS.values())


def normalize_product(product: str) -> str:
    """Canonical product category ("cars" -> "automobiles", "aluminium" -> "aluminum")."""
    key = WHITESPACE.sub(" ", product.casefold()).strip()
    return PRODUCT_SYNONYMS.get(key, key)


def _product_words(product: str) -> frozenset[str]:
    """Singular words of a product ("steel products" -> {"steel", "product"}).

    A whole-name synonym wins ("car parts" -> auto parts); otherwise each word is unified
    ("bourbon whiskey" -> {"bourbon", "whisky"}).
    """
    key = normalize_product(product)
    if key in _CANONICAL_PRODUCTS:
        words = key.split()
    else:
        words = [PRODUCT_SYNONYMS.get(w, w) for w in key.split()]
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def products_overlap(gold: Iterable[str], predicted: Iterable[str]) -> bool:
    """True when some gold and predicted product name the same category.

    Synonyms are unified first; then "bourbon" matches "bourbon whiskey" and "steel"
    matches "steel products" (one side's words all occur in the other's).
    """
    gold_words = [_product_words(p) for p in gold]
    pred_words = [_product_words(p) for p in predicted]
    return any(g and q and (g <= q or q <= g) for g in gold_words for q in pred_words)
