"""Main text, title and publication date of an HTML page (trafilatura and htmldate)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: the date search looks only at metadata and the URL, never at "© 2022" in a footer
DATE_PARAMS = {"extensive_search": False, "original_date": True}
#: fewer words than this is page furniture ("Home"), not an article
MIN_ARTICLE_WORDS = 3


@dataclass(frozen=True, slots=True)
class HtmlContent:
    """What an HTML page yields for coding."""

    text: str
    title: str | None
    date: date | None


def parse_iso_date(value: str) -> date | None:
    """'2022-01-21' or '2022-01-21T10:00:00Z' -> date; None when it is not such a date."""
    value = value.strip()
    if len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def looks_like_html(text: str) -> bool:
    """Whether a text starts like an HTML document (for stdin and files without a suffix)."""
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def extract_html(html: str, url: str | None = None) -> HtmlContent | None:
    """The main text (one paragraph per block), title and date of a page; None if no text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params=dict(DATE_PARAMS, url=url) if url else dict(DATE_PARAMS),
    )
    if doc is None:
        return None
    raw_text = getattr(doc, "text", None) or ""
    # trafilatura puts one block a line; blank lines keep them apart as paragraphs
    paragraphs = [line.strip() for line in raw_text.split("\n") if line.strip()]
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        return None
    raw_date = getattr(doc, "date", None)
    return HtmlContent(
        text="\n\n".join(paragraphs),
        title=(getattr(doc, "title", None) or None),
        date=parse_iso_date(raw_date) if isinstance(raw_date, str) else None,
    )
