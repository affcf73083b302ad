"""Merging many articles' facts into one ``CanonicalRecord`` (pure functions, no spaCy)."""

from .fusion import format_summary, merge, quote_tokens

__all__ = ["format_summary", "merge", "quote_tokens"]
