"""Fetcher details that the poll tests do not show: the decoder's bound, schemes, headers."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import pytest

from forecasts.config import FetchSettings
from forecasts.errors import FetchError, ResponseTooLargeError
from forecasts.feeds.fetch import BoundedDecoder, Fetcher
from tests.feedserver import FeedServer, make_rss


def test_the_decoder_never_produces_more_than_the_cap() -> None:
    """Each decompress call is bounded: a 100 MB bomb yields at most cap + 1 bytes before refusal."""
    bomb = gzip.compress(b"\0" * 100_000_000)
    decoder = BoundedDecoder("gzip", 1_000_000)
    produced = 0
    with pytest.raises(ResponseTooLargeError):
        for start in range(0, len(bomb), 65_536):
            produced += len(decoder.feed(bomb[start : start + 65_536]))
    assert produced <= 1_000_001 and decoder.total <= 1_000_001


def test_the_decoder_handles_multi_member_gzip_and_raw_deflate() -> None:
    two = gzip.compress(b"hello ") + gzip.compress(b"world")
    assert BoundedDecoder("gzip", 1000).feed(two) == b"hello world"
    raw = zlib.compressobj(wbits=-15)
    data = raw.compress(b"raw deflate") + raw.flush()
    decoder = BoundedDecoder("deflate", 1000)
    assert decoder.feed(data) + decoder.flush() == b"raw deflate"


def test_unknown_encodings_are_refused() -> None:
    with pytest.raises(FetchError, match="unsupported Content-Encoding"):
        BoundedDecoder("br", 1000)


def _fetch(url: str, fetch: FetchSettings, **kw: str):  # type: ignore[no-untyped-def]
    async def run():  # type: ignore[no-untyped-def]
        async with Fetcher(fetch) as f:
            return await f.fetch(url, **kw)

    return asyncio.run(run())


def test_only_http_and_https_are_fetched() -> None:
    result = _fetch("ftp://example.org/feed", FetchSettings())
    assert result.outcome == "error" and "scheme" in result.error


def test_requests_identify_themselves_and_accept_feeds() -> None:
    with FeedServer() as server:
        server.feed("/f.xml", make_rss(1))
        fetch = FetchSettings(allowed_networks=["127.0.0.1/32"], user_agent="forecasts-test/1 (+x)")
        result = _fetch(server.url("/f.xml"), fetch)
        headers = server.hits[0][1]
    assert result.outcome == "ok" and result.body == make_rss(1)
    assert headers["User-Agent"] == "forecasts-test/1 (+x)"
    assert "application/rss+xml" in headers["Accept"]
    assert headers["Host"] == f"127.0.0.1:{server.port}"


def test_connections_are_reused_after_304s_redirects_and_errors() -> None:
    """A response nobody reads (a 304, a redirect, an error page) is drained, so its
    connection serves the next request instead of being closed; a refused host stays refused
    on every request, though its check is remembered."""
    with FeedServer() as server:
        ports: list[int] = []

        def counted(reply):  # type: ignore[no-untyped-def]
            def serve(h):  # type: ignore[no-untyped-def]
                ports.append(h.client_address[1])  # one ephemeral port per connection
                reply(h)

            return serve

        body = make_rss(2)
        server.route(
            "/f.xml",
            counted(
                lambda h: (
                    h.reply(304, b"", "", {"ETag": '"v"'})
                    if h.headers.get("If-None-Match") == '"v"'
                    else h.reply(200, body, headers={"ETag": '"v"'})
                )
            ),
        )
        server.route("/error", counted(lambda h: h.reply(500, b"x" * 5000, "text/html")))
        target = server.url("/f.xml")
        server.route("/moved", counted(lambda h: h.reply(302, b"see", "", {"Location": target})))
        fetch = FetchSettings(allowed_networks=["127.0.0.1/32"], max_connections=1)

        async def run():  # type: ignore[no-untyped-def]
            async with Fetcher(fetch) as f:
                results = [await f.fetch(server.url("/f.xml"), etag='"v"')]
                results.append(await f.fetch(server.url("/error")))
                results.append(await f.fetch(server.url("/moved"), etag='"v"'))
                results.append(await f.fetch(server.url("/f.xml")))
                blocked = [await f.fetch(f"http://[::1]:{server.port}/f.xml") for _ in "ab"]
                return results, blocked

        results, blocked = asyncio.run(run())
    assert [r.status for r in results] == [304, 500, 304, 200]
    assert results[-1].body == body
    assert len(ports) == 5 and len(set(ports)) == 1
    assert all(r.outcome == "error" and "refused" in r.error for r in blocked)
