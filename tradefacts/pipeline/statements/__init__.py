"""Statements: direct quotations and reported speech, with their speakers (``tf_statements``)."""

from ..quotes import pair_quotes
from .component import find_statements, statements

__all__ = ["find_statements", "pair_quotes", "statements"]
