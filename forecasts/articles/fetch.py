"""Fetching one article page over http(s), safely.

The URL is untrusted: only http and https; every host (and every redirect's host) must resolve
to public addresses unless ``fetch.allow_private_networks`` is on or the address lies in
``fetch.allowed_networks`` (the SSRF guard); the body is streamed and cut off at
``extraction.max_input_bytes``; each phase times out (``fetch.timeout_seconds``) and the whole
request has a deadline (``fetch.deadline_seconds``) however slowly a server drips bytes.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from forecasts.config import Settings
from forecasts.errors import (
    ArticleError,
    BlockedAddressError,
    FetchError,
    ResponseTooLargeError,
)
from forecasts.feeds.ssrf import blocked_reason, networks

_REDIRECTS = {301, 302, 303, 307, 308}
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


def check_address(url: str, settings: Settings) -> None:
    """Refuse URLs whose host resolves to a non-public address (unless the config allows it)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: no host in URL")
    if settings.fetch.allow_private_networks:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"{url}: bad port") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"{url}: cannot resolve host {host!r} ({exc})") from None
    for info in infos:
        _check_ip(url, host, str(info[4][0]), settings)


def _check_ip(url: str, host: str, ip: str, settings: Settings) -> None:
    # One rule for every fetch: the feed collector's SSRF guard decides what is public.
    address: IPAddress = ipaddress.ip_address(ip.split("%")[0])
    reason = blocked_reason(
        address, networks(settings.fetch), settings.fetch.allow_private_networks
    )
    if reason:
        raise BlockedAddressError(
            f"{url}: host {host} resolves to non-public address {address} ({reason}); "
            "set fetch.allow_private_networks or fetch.allowed_networks to allow it"
        )


def _check_peer(url: str, response: httpx.Response, settings: Settings) -> None:
    """Check the address actually connected to: DNS may answer differently the second time
    (rebinding), so the name check alone is not enough. No body is read before this."""
    if settings.fetch.allow_private_networks:
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        _check_ip(url, urlsplit(url).hostname or "", str(peer[0]), settings)


def fetch_page(url: str, settings: Settings, *, client: httpx.Client | None = None) -> FetchedPage:
    """GET ``url`` within the configured limits; every failure is one readable FetchError."""
    own = client is None
    http = client or httpx.Client(
        timeout=settings.fetch.timeout_seconds,
        headers={"User-Agent": settings.fetch.user_agent},
        follow_redirects=False,
    )
    try:
        return _fetch(url, settings, http)
    finally:
        if own:
            http.close()


def _fetch(url: str, settings: Settings, http: httpx.Client) -> FetchedPage:
    cap = settings.extraction.max_input_bytes
    deadline = time.monotonic() + settings.fetch.deadline_seconds
    current = url
    for _ in range(settings.fetch.max_redirects + 1):
        check_address(current, settings)
        try:
            with http.stream("GET", current) as response:
                _check_peer(current, response, settings)
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > cap:
                    raise ResponseTooLargeError(
                        f"{url}: page is {int(declared):,} bytes, over the {cap:,}-byte limit "
                        "(extraction.max_input_bytes)"
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise ResponseTooLargeError(
                            f"{url}: page is over the {cap:,}-byte limit (extraction.max_input_bytes)"
                        )
                    if time.monotonic() > deadline:
                        raise FetchError(
                            f"{url}: took longer than {settings.fetch.deadline_seconds:g} s "
                            "(fetch.deadline_seconds)"
                        )
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "")
                return FetchedPage(
                    url=str(response.url),
                    content_type=content_type.split(";")[0].strip().lower(),
                    charset=response.charset_encoding,
                    body=b"".join(chunks),
                )
        except httpx.TimeoutException:
            raise FetchError(
                f"{url}: timed out after {settings.fetch.timeout_seconds:g} s (fetch.timeout_seconds)"
            ) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: cannot fetch: {exc or type(exc).__name__}") from None
    raise FetchError(f"{url}: more than {settings.fetch.max_redirects} redirects")


def page_kind(page: FetchedPage) -> str:
    """'html' or 'text' from the content type; ArticleError for anything else (PDF, images...)."""
    kind = page.content_type
    if kind in ("text/html", "application/xhtml+xml") or not kind:
        return "html"
    if kind == "text/plain":
        return "text"
    raise ArticleError(f"{page.url}: not an HTML or text page (content type {kind})")
