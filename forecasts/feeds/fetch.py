"""One polite, defensive HTTP GET of a feed.

What the best feed readers do, and why each guard is here:

- bounded concurrency, overall and per host (``max_connections``, ``max_per_host``), and an
  identifying User-Agent, so no server is hammered and operators know who is calling;
- conditional GET: ETag and Last-Modified are sent back exactly as received; 304 costs nothing;
- redirects followed by hand (``max_redirects``, loops detected) so that the SSRF check runs on
  every hop (``connections.Connections``), a hop after a public one never reaches a private
  address, and a chain of only 301/308 can update the stored URL;
- an overall deadline per request: the connect and read timeouts are per phase, so a server
  that drips one byte a second would otherwise keep a request alive for ever;
- the size cap counts *decoded* bytes and bounds the decompressor's output itself: inflating a
  whole network chunk at once would let a gzip bomb overshoot a streamed cap a thousandfold
  before any check ran;
- status codes: 304 not modified, 410 gone, 429/503 retry later (Retry-After), anything else
  not 2xx an error. Nothing here raises: every outcome is a ``FetchResult`` for the job to record.
"""

from __future__ import annotations

import asyncio
import zlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

import httpx

from forecasts import __version__
from forecasts.config import FetchSettings
from forecasts.controls import strip_controls
from forecasts.errors import FetchError, ResponseTooLargeError
from forecasts.feeds.connections import Connections, Response

Outcome = Literal["ok", "not_modified", "gone", "retry", "error"]

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})


@dataclass
class FetchResult:
    outcome: Outcome
    url: str
    final_url: str = ""
    permanent_url: str = ""  # set when every hop was a 301/308: the feed has moved
    status: int = 0
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    retry_after: str = ""
    error: str = ""


class BoundedDecoder:
    """Decode a Content-Encoding chunk by chunk, never producing more than ``cap`` bytes."""

    def __init__(self, encoding: str, cap: int) -> None:
        encoding = encoding.strip().lower()
        self.cap = cap
        self.total = 0
        self._wbits: int | None
        if encoding in ("", "identity"):
            self._wbits = None
        elif encoding in ("gzip", "x-gzip"):
            self._wbits = 31
        elif encoding == "deflate":
            self._wbits = 0  # decided from the first bytes: zlib-wrapped or raw
        else:
            raise FetchError(f"unsupported Content-Encoding '{encoding[:40]}'")
        self._decoder: zlib._Decompress | None = None

    def _count(self, data: bytes) -> bytes:
        self.total += len(data)
        if self.total > self.cap:
            raise ResponseTooLargeError(f"response larger than {self.cap:,} bytes (decoded)")
        return data

    def _new_decoder(self, first: bytes) -> zlib._Decompress:
        wbits = self._wbits or 0
        if wbits == 0:  # deflate: servers send zlib streams or, wrongly, raw deflate
            wbits = 15 if first[:1] and (first[0] & 0x0F) == 8 else -15
        return zlib.decompressobj(wbits)

    def feed(self, chunk: bytes) -> bytes:
        if self._wbits is None:
            return self._count(chunk)
        out: list[bytes] = []
        data = chunk
        while data:
            if self._decoder is None:
                self._decoder = self._new_decoder(data)
            try:
                # max_length bounds the output of this call: the bomb never inflates in memory.
                piece = self._decoder.decompress(data, self.cap - self.total + 1)
            except zlib.error as exc:
                raise FetchError(f"corrupt compressed body: {exc}") from exc
            out.append(self._count(piece))
            if self._decoder.unconsumed_tail:
                data = self._decoder.unconsumed_tail
            elif self._decoder.eof and self._decoder.unused_data:
                data = self._decoder.unused_data  # another gzip member follows
                self._decoder = None
            else:
                data = b""
        return b"".join(out)

    def flush(self) -> bytes:
        if self._decoder is None:
            return b""
        return self._count(self._decoder.flush(self.cap - self.total + 1))


def _clean(result: FetchResult) -> FetchResult:
    """The result with every text a server chose (reason phrase, headers, URLs it redirected
    to) stripped of control characters before anyone stores or logs it."""
    for name in ("final_url", "permanent_url", "content_type", "etag", "last_modified"):
        setattr(result, name, strip_controls(getattr(result, name)))
    result.retry_after = strip_controls(result.retry_after)
    result.error = strip_controls(result.error)
    return result


class Fetcher:
    """The guarded client above; use as ``async with Fetcher(settings.fetch) as f``."""

    def __init__(self, fetch: FetchSettings, *, accept: str = ACCEPT) -> None:
        self.settings = fetch
        self._connections = Connections(fetch)
        self._headers: list[tuple[bytes, bytes]] = [
            (b"User-Agent", (fetch.user_agent or f"forecasts/{__version__}").encode()),
            (b"Accept", accept.encode()),
            (b"Accept-Encoding", b"gzip, deflate"),
            (b"Connection", b"keep-alive"),
        ]
        self._all = asyncio.Semaphore(fetch.max_connections)
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(fetch.max_per_host)
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._connections.aclose()

    async def fetch(self, url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
        """GET ``url`` (conditionally when validators are given); never raises."""
        try:
            return await self.get(url, etag=etag, last_modified=last_modified)
        except FetchError as exc:
            return FetchResult("error", url, error=str(exc))

    async def get(self, url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
        """As ``fetch``, but a failure to get any response raises a FetchError (its subclass
        says why: BlockedAddressError, ResponseTooLargeError). HTTP statuses are outcomes."""
        try:
            return await self._get(url, etag, last_modified)
        except FetchError as exc:
            raise type(exc)(strip_controls(str(exc))) from None

    async def _get(self, url: str, etag: str, last_modified: str) -> FetchResult:
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {exc}") from None
        async with self._hosts[parsed.host], self._all:
            try:
                # One deadline for the whole request: connect, every header line and the body.
                async with asyncio.timeout(self.settings.deadline_seconds):
                    return _clean(await self._follow(url, parsed, etag, last_modified))
            except TimeoutError:
                raise FetchError(
                    f"no complete response within {self.settings.deadline_seconds:g} s "
                    "(fetch.deadline_seconds)"
                ) from None
            except httpx.HTTPError as exc:  # a name that does not resolve
                raise FetchError(f"connection failed: {exc or type(exc).__name__}") from None
            except OSError as exc:
                raise FetchError(f"connection failed: {exc}") from None

    async def _follow(
        self, url: str, parsed: httpx.URL, etag: str, last_modified: str
    ) -> FetchResult:
        headers = list(self._headers)
        if etag:
            headers.append((b"If-None-Match", etag.encode("utf-8", "replace")))
        if last_modified:
            headers.append((b"If-Modified-Since", last_modified.encode("utf-8", "replace")))
        seen = {url}
        current = url
        permanent = True
        public = False  # has a hop reached a public address? Then no later hop may go private.
        for _hop in range(self.settings.max_redirects + 1):
            if parsed.scheme not in ("http", "https"):
                return FetchResult("error", url, error=f"refused: scheme '{parsed.scheme}'")
            response = await self._connections.request(parsed, headers, public_only=public)
            public = public or response.public
            try:
                status = response.status
                if status in REDIRECTS:
                    location = response.headers.get("location", "")
                    if not location:
                        return FetchResult(
                            "error", url, status=status, error=f"HTTP {status} without Location"
                        )
                    permanent = permanent and status in PERMANENT
                    try:
                        parsed = parsed.join(location)
                    except httpx.InvalidURL as exc:
                        return FetchResult(
                            "error", url, error=f"invalid URL {location[:200]!r}: {exc}"
                        )
                    current = str(parsed)
                    if current in seen:
                        return FetchResult(
                            "error", url, status=status, error=f"redirect loop at {current}"
                        )
                    seen.add(current)
                    continue
                return await self._finish(url, current, permanent and current != url, response)
            finally:
                await response.aclose()
        return FetchResult("error", url, error=f"more than {self.settings.max_redirects} redirects")

    async def _finish(self, url: str, final: str, moved: bool, response: Response) -> FetchResult:
        status = response.status
        headers = response.headers
        result = FetchResult(
            "ok",
            url,
            final_url=final,
            permanent_url=final if moved else "",
            status=status,
            content_type=headers.get("content-type", ""),
            etag=headers.get("etag", ""),
            last_modified=headers.get("last-modified", ""),
            retry_after=headers.get("retry-after", ""),
        )
        if status == 304:
            result.outcome = "not_modified"
            return result
        if status == 410:
            result.outcome = "gone"
            result.error = "HTTP 410 Gone: the feed was removed"
            return result
        if status in (429, 503):
            result.outcome = "retry"
            result.error = f"HTTP {status} {response.reason}".strip()
            return result
        if not 200 <= status < 300:
            result.outcome = "error"
            hint = " (login required?)" if status in (401, 403) else ""
            result.error = f"HTTP {status} {response.reason}{hint}".strip()
            return result
        cap = self.settings.max_body_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and not headers.get("content-encoding"):
            raise ResponseTooLargeError(
                f"response of {int(declared):,} bytes is over the {cap:,} byte cap"
            )
        decoder = BoundedDecoder(headers.get("content-encoding", ""), cap)
        parts = [decoder.feed(chunk) async for chunk in response.aiter_raw()]
        parts.append(decoder.flush())
        result.body = b"".join(parts)
        return result
