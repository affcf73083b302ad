"""Product groups of timeline lines: the product words of ``pipeline/data/products.json``
folded to their category, so "cars", "autos" and "automobiles" are one line."""

from __future__ import annotations

from functools import lru_cache

from ..pipeline.data_files import read_table


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    """Lower-case product word or category -> category."""
    table = read_table("products.json")
    groups: dict[str, str] = {}
    for category, words in table.items():
        if category.startswith("_") or not isinstance(words, list):
            continue
        groups.setdefault(category.lower(), category)
        for word in words:
            if isinstance(word, str):
                groups.setdefault(word.lower(), category)
    return groups


def product_group(product: str) -> str:
    """The category ``product`` belongs to ("autos" -> "automobiles"), else itself, trimmed."""
    name = " ".join(product.split())
    return _groups().get(name.lower(), name)
