"""A self-contained HTML report: inline CSS, no scripts, nothing fetched from the network."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import ArticleFacts, CanonicalRecord
from .article import article_html
from .html import attrs, esc, stylesheet, tag
from .record import record_html

#: Forbids scripts and any fetch: the report can only show its own text and inline styles.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def report_html(
    articles: Sequence[ArticleFacts],
    record: CanonicalRecord | None = None,
    *,
    title: str = "tradefacts report",
) -> str:
    """A whole HTML document: the record (when given), then each article's view."""
    parts: list[str] = [tag("h1", esc(title), class_="tf-page-title")]
    if len(articles) > 1 or record is not None:
        links = "".join(
            tag("li", tag("a", esc(f.doc_id), href=f"#article-{i}")) for i, f in enumerate(articles)
        )
        parts.append(tag("nav", tag("ul", links), class_="tf-toc"))
    if record is not None:
        parts.append(tag("div", record_html(record, styled=False), class_="tf-page-part"))
    for index, facts in enumerate(articles):
        view = article_html(facts, styled=False)
        parts.append(tag("div", view, class_="tf-page-part", id=f"article-{index}"))
    return page_html(title, "\n".join(parts))


def page_html(title: str, body: str) -> str:
    """A whole HTML document around ``body`` (HTML): the stylesheet inline, scripts and
    fetches forbidden by its content security policy."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        + f"<meta{attrs(http_equiv='Content-Security-Policy', content=CONTENT_SECURITY_POLICY)}>"
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + tag("title", esc(title))
        + f"<style>{stylesheet()}</style></head>\n"
        + tag("body", body, class_="tf-page")
        + "\n</html>\n"
    )
