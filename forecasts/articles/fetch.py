"""Fetching one article page over http(s), safely: the feed collector's fetcher, not a second one.

Every guard of ``forecasts.feeds.fetch.Fetcher`` applies to pages too: only http and https;
every host and every redirect hop resolved and checked by the SSRF guard and the checked
address connected to (``fetch.allow_private_networks``, ``fetch.allowed_networks``); one
deadline over the whole request, connect, headers and body (``fetch.deadline_seconds``), so a
server that sends one header line every few seconds is cut off; and the decoded body capped at
``extraction.max_input_bytes`` with the decompressor's own output bounded (a gzip bomb stops at
the cap instead of inflating in memory).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urlsplit

from forecasts.config import Settings
from forecasts.errors import ArticleError, FetchError, ResponseTooLargeError
from forecasts.feeds.fetch import Fetcher

ACCEPT_PAGES = "text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.1"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


def fetch_page(url: str, settings: Settings) -> FetchedPage:
    """GET ``url`` within the configured limits; every failure is one readable FetchError."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    return asyncio.run(_fetch(url, settings))


async def _fetch(url: str, settings: Settings) -> FetchedPage:
    cap = settings.extraction.max_input_bytes
    limits = settings.fetch.model_copy(update={"max_body_bytes": cap})
    try:
        async with Fetcher(limits, accept=ACCEPT_PAGES) as fetcher:
            result = await fetcher.get(url)
    except ResponseTooLargeError:
        raise ResponseTooLargeError(
            f"{url}: page is over the {cap:,}-byte limit (extraction.max_input_bytes)"
        ) from None
    except FetchError as exc:
        raise type(exc)(f"{url}: cannot fetch: {exc}") from None
    if result.outcome != "ok":
        raise FetchError(f"{url}: {result.error or f'HTTP {result.status}'}")
    media_type, charset = _content_type(result.content_type)
    return FetchedPage(
        url=result.final_url or url, content_type=media_type, charset=charset, body=result.body
    )


def _content_type(header: str) -> tuple[str, str | None]:
    """``text/html; charset="utf-8"`` -> ("text/html", "utf-8")."""
    media_type, *params = header.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower(), charset


def page_kind(page: FetchedPage) -> str:
    """'html' or 'text' from the content type; ArticleError for anything else (PDF, images...)."""
    kind = page.content_type
    if kind in ("text/html", "application/xhtml+xml") or not kind:
        return "html"
    if kind == "text/plain":
        return "text"
    raise ArticleError(f"{page.url}: not an HTML or text page (content type {kind})")
