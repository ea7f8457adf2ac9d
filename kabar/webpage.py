"""Saved web pages to article text and metadata, with trafilatura; nothing is fetched."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

# htmldate reads the date from the page's markup only (meta tags, <time>, JSON-LD, URL).
# Its extensive search also reads the visible text, where a footer's "© 2025" becomes
# 2025-01-01 and beats the article's own date; kabar's text rule is the better fallback.
# original_date prefers the published over the last-modified date.
DATE_PARAMS = {"original_date": True, "extensive_search": False}


class PageError(ValueError):
    """A page with no article in it; `code` is the reject reason code."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Page:
    """The main text of a page and what its metadata says about it."""

    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


def read_page(html: str) -> Page:
    """The article in a decoded HTML page, without menus, ads or footers; raise PageError if none."""
    tree = trafilatura.load_html(html)
    if tree is None:
        raise PageError("not_html", "the file does not parse as an HTML page (no <html> element)")
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=DATE_PARAMS,
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise PageError("no_text", "trafilatura found no article text in the page (only menus, scripts or nothing)")
    title = doc.title or None
    return Page(
        text=_without_title(text, title),
        title=title,
        date=doc.date or None,
        outlet=doc.sitename or doc.hostname or None,
        url=doc.url or None,
        author=doc.author or None,
    )


def _without_title(text: str, title: str | None) -> str:
    """trafilatura repeats the headline as the first line; drop it so a dateline ('Jakarta - ') leads."""
    first, _, rest = text.partition("\n")
    if title and rest and " ".join(first.split()) == " ".join(title.split()):
        return rest
    return text
