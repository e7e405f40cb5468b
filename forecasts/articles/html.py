"""Main text and metadata of an HTML page, through trafilatura (no hand-written tag stripping).

trafilatura drops navigation, footers and boilerplate and reads the title (og:title or
<title>), the outlet (og:site_name) and the publication date from the page's markup and meta
tags (htmldate, without guessing from the running text: the text is ``refdate``'s job).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura

from forecasts.articles.dates import parse_date

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None


def looks_like_html(data: bytes) -> bool:
    """Sniff the first bytes: a doctype, an <html>/<head>/<body> tag or XHTML."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")):
        return True
    return head.startswith((b"<?xml", b"<!--")) and b"<html" in data[:4096].lower()


def extract_html(data: bytes | str, *, url: str = "") -> HtmlDocument:
    """The article inside an HTML page; ``text`` is empty when the page holds no article."""
    document = trafilatura.bare_extraction(
        data,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if document is None or isinstance(document, dict):
        return HtmlDocument(text="", url=url)
    raw = document.text or ""
    # One paragraph a line from trafilatura; a blank line between paragraphs reads better and
    # is what the text loader produces for plain files.
    text = "\n\n".join(line.strip() for line in raw.split("\n") if line.strip())
    published = parse_date(document.date) if document.date else None
    return HtmlDocument(
        text=text,
        title=(document.title or "").strip(),
        outlet=(document.sitename or "").strip(),
        url=(document.url or url or "").strip(),
        published=published,
    )
