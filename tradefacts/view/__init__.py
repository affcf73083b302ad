"""HTML views of facts: the notebook repr of ``ArticleFacts`` and ``CanonicalRecord``, and the
self-contained report written by ``tradefacts view``. All text is escaped; no scripts."""

from __future__ import annotations

from .article import article_html
from .record import record_html
from .report import report_html
from .timeline import timeline_html, timeline_report_html

__all__ = [
    "article_html",
    "record_html",
    "report_html",
    "timeline_html",
    "timeline_report_html",
]
