"""A lean HTTP/1.1 client for many concurrent feed requests: h11 over asyncio streams.

An all-304 poll of 1,000 feeds is nothing but request overhead, and through httpx each
conditional GET cost about 0.9 ms of CPU: URL objects built and copied four times, a cookie
jar consulted, httpcore re-examining its pool (two system calls per idle connection) at every
request start and end, anyio wrappers around every socket call. This client does only what a
feed fetch needs: one parsed URL per hop, the request written as h11 events, the response read
with h11 (which bounds the header block at 16 KiB and validates what it parses), keep-alive
connections kept per (address, port, TLS name) and reused while fresh.

What the guards need stays here, on every request and every redirect hop (``fetch.py`` follows
redirects itself): the host is resolved and every address it resolves to checked
(``ssrf.check_addresses``) before a connection is opened, the connection goes to the checked
address itself (the name is kept for the Host header, SNI and the certificate check), and once
a hop has reached a public address no later hop may reach a private one (``public_only``). A
name's answers and the verdict on them are kept for the client's life (one poll): safe against
DNS rebinding because the connection goes to the cached, checked address. Every socket read
and the connect are bounded by ``fetch.timeout_seconds`` (the fetcher adds the overall
deadline); the body is handed over raw, for ``fetch.BoundedDecoder`` to cap. No cookies are
kept or sent (a feed fetch needs none, and a poll's requests to many sites share nothing).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import ssl
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import h11
import httpx

from forecasts.errors import BlockedAddressError, FetchError
from forecasts.feeds.ssrf import IPAddress, check_addresses, is_public, resolve

if TYPE_CHECKING:
    from forecasts.config import FetchSettings

READ_BYTES = 65_536
DRAIN_BYTES = 65_536  # an unwanted body (redirect or error page) longer than this is not read
CLOSE_SECONDS = 1.0  # the most a poll's end waits for its connections to close
KEEPALIVE_SECONDS = 5.0  # an idle connection older than this is closed, not reused
Key = tuple[str, str, int, str]  # scheme, address connected to, port, TLS name


def tls_context() -> ssl.SSLContext:
    """The TLS settings of every https connection: certificates and host names checked."""
    return httpx.create_ssl_context()


def _text(value: bytes) -> str:
    try:
        return value.decode("ascii")
    except UnicodeDecodeError:
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("latin-1")


class _Connection:
    __slots__ = ("h11", "idle_since", "key", "reader", "writer")

    def __init__(self, key: Key, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.key = key
        self.reader = reader
        self.writer = writer
        self.h11 = h11.Connection(h11.CLIENT)
        self.idle_since = 0.0

    def usable(self, now: float) -> bool:
        """Idle, fresh and not closed by the server meanwhile (its EOF was already read)."""
        return (
            now - self.idle_since < KEEPALIVE_SECONDS
            and not self.writer.is_closing()
            and not self.reader.at_eof()
            and not self.reader._buffer  # type: ignore[attr-defined]  # nothing unasked-for
        )

    def close(self) -> None:
        if not self.writer.is_closing():
            self.writer.close()


class Response:
    """Status and headers of one response; its body through ``aiter_raw``, then ``aclose``."""

    __slots__ = ("_client", "_conn", "_done", "_started", "headers", "public", "reason", "status")

    def __init__(
        self,
        status: int,
        reason: str,
        headers: dict[str, str],
        public: bool,
        conn: _Connection,
        client: Connections,
    ) -> None:
        self.status = status
        self.reason = reason
        self.headers = headers  # lower-case names; a repeated header's values joined by ", "
        self.public = public  # the address reached was public (see ssrf.refusal)
        self._conn: _Connection | None = conn
        self._client = client
        self._started = False  # someone began reading the body
        self._done = False  # the body was read to its end

    async def aiter_raw(self) -> AsyncIterator[bytes]:
        """The body as it arrives (still encoded: Content-Encoding is the caller's)."""
        conn = self._conn
        if conn is None or self._done:
            return
        self._started = True
        while True:
            event = await self._client._next_event(conn)
            if isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage):
                self._done = True
                return
            else:
                raise FetchError("connection failed: the server closed it mid-body")

    async def aclose(self) -> None:
        """Give the connection back for the next request once its exchange is complete. A body
        nobody read (a 304's nothing, a redirect's or an error's page) is read first, up to
        DRAIN_BYTES: closing mid-message would close the connection, and the next request to
        that host would pay a new handshake. A body whose reading was abandoned (an error, a
        cap, the deadline), a longer one, or any failure closes the connection. Idempotent."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        if self._started and not self._done:
            self._client._discard(conn)
            return
        try:
            drained = 0
            while not self._done:
                event = await self._client._next_event(conn)
                if isinstance(event, h11.Data):
                    drained += len(event.data)
                    if drained > DRAIN_BYTES:
                        self._client._discard(conn)
                        return
                elif isinstance(event, h11.EndOfMessage):
                    self._done = True
                else:
                    self._client._discard(conn)
                    return
        except BaseException:
            self._client._discard(conn)
            raise
        self._client._release(conn)


class Connections:
    """Guarded keep-alive HTTP/1.1 connections (see the module's docstring)."""

    def __init__(self, fetch: FetchSettings) -> None:
        self._fetch = fetch
        self._timeout = fetch.timeout_seconds
        self._max_idle = max(1, fetch.max_connections)
        self._per_host = max(1, fetch.max_per_host)
        self._idle: dict[Key, list[_Connection]] = {}
        self._lru: OrderedDict[_Connection, None] = OrderedDict()  # every idle one, oldest first
        self._open: set[_Connection] = set()
        self._ssl: ssl.SSLContext | None = None
        self._resolved: dict[tuple[str, int], list[IPAddress]] = {}
        self._checked: dict[tuple[str, int, bool], str | BlockedAddressError] = {}
        self._public: dict[str, bool] = {}

    async def request(
        self, url: httpx.URL, headers: list[tuple[bytes, bytes]], *, public_only: bool
    ) -> Response:
        """GET ``url`` with ``headers`` (Host is added); raises FetchError and its kinds,
        OSError or httpx.ConnectError (a name that does not resolve) when no response comes."""
        scheme = url.scheme
        if scheme not in ("http", "https"):
            raise BlockedAddressError(f"refused: scheme '{scheme}' (only http and https)")
        host = url.host
        if not host:
            raise FetchError(f"invalid URL: no host in {str(url)[:200]!r}")
        port = url.port or (443 if scheme == "https" else 80)
        address = await self._address(host, port, public_only)
        key: Key = (
            scheme,
            address,
            port,
            url.raw_host.decode("ascii") if scheme == "https" else "",
        )
        try:
            request = h11.Request(
                method="GET", target=url.raw_path or b"/", headers=[(b"Host", url.netloc), *headers]
            )
        except h11.LocalProtocolError as exc:
            raise FetchError(f"invalid request: {exc}") from None
        for attempt in (0, 1):
            conn = self._take(key)
            reused = conn is not None
            if conn is None:
                conn = await self._connect(key)
            try:
                conn.writer.write(conn.h11.send(request) + conn.h11.send(h11.EndOfMessage()))
                event = await self._next_event(conn)
                while isinstance(event, h11.InformationalResponse):  # 1xx: the answer follows
                    event = await self._next_event(conn)
                if not isinstance(event, h11.Response):
                    raise FetchError("connection failed: the server closed it without answering")
            except (FetchError, ConnectionError) as exc:
                self._discard(conn)
                timeout = isinstance(exc, FetchError) and str(exc).startswith("timed out")
                if reused and attempt == 0 and not timeout:
                    continue  # the server closed the idle connection as we reused it: once more
                if isinstance(exc, FetchError):
                    raise
                raise FetchError(f"connection failed: {exc or type(exc).__name__}") from None
            except BaseException:
                self._discard(conn)
                raise
            values: dict[str, str] = {}
            for raw_name, raw_value in event.headers:
                name, value = raw_name.decode("ascii"), _text(raw_value)
                values[name] = f"{values[name]}, {value}" if name in values else value
            public = self._public.get(address)
            if public is None:
                public = self._public[address] = is_public(ipaddress.ip_address(address))
            return Response(event.status_code, _text(event.reason), values, public, conn, self)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _address(self, host: str, port: int, public_only: bool) -> str:
        """The checked address to connect to (resolved once per client and name)."""
        verdict = self._checked.get((host, port, public_only))
        if verdict is None:
            addresses = self._resolved.get((host, port))
            if addresses is None:
                addresses = await resolve(host, port)
                self._resolved[(host, port)] = addresses
            try:
                verdict = check_addresses(
                    host, port, addresses, self._fetch, public_only=public_only
                )
            except BlockedAddressError as exc:
                verdict = exc
            self._checked[(host, port, public_only)] = verdict
        if isinstance(verdict, BlockedAddressError):
            raise BlockedAddressError(str(verdict))  # a fresh one each time, never shared
        return verdict

    def _take(self, key: Key) -> _Connection | None:
        idle = self._idle.get(key)
        now = time.monotonic()
        while idle:
            conn = idle.pop()  # the most recently used: the likeliest to be alive
            del self._lru[conn]
            if conn.usable(now):
                return conn
            conn.close()
            self._open.discard(conn)
        return None

    async def _connect(self, key: Key) -> _Connection:
        scheme, address, port, tls_name = key
        context = None
        if scheme == "https":
            if self._ssl is None:
                self._ssl = tls_context()
            context = self._ssl
        try:
            async with asyncio.timeout(self._timeout):
                reader, writer = await asyncio.open_connection(
                    address,
                    port,
                    ssl=context,
                    server_hostname=(tls_name or None) if context else None,
                    limit=READ_BYTES,
                )
        except TimeoutError:
            raise FetchError("timed out (ConnectTimeout)") from None
        except ssl.SSLError as exc:
            raise FetchError(f"connection failed: TLS: {exc}") from None
        conn = _Connection(key, reader, writer)
        self._open.add(conn)
        return conn

    async def _next_event(self, conn: _Connection) -> object:
        """The next h11 event of the response, reading as needed (each read bounded)."""
        while True:
            try:
                event = conn.h11.next_event()
            except h11.RemoteProtocolError as exc:
                raise FetchError(f"connection failed: {exc}") from None
            if event is h11.PAUSED:  # only after a complete response: nothing more to read
                raise FetchError("connection failed: more data than one response")
            if event is not h11.NEED_DATA:
                return event
            try:
                async with asyncio.timeout(self._timeout):
                    data = await conn.reader.read(READ_BYTES)
            except TimeoutError:
                raise FetchError("timed out (ReadTimeout)") from None
            try:
                conn.h11.receive_data(data)  # b"": the server closed the connection
            except h11.RemoteProtocolError as exc:
                raise FetchError(f"connection failed: {exc}") from None

    def _release(self, conn: _Connection) -> None:
        """Keep a connection whose exchange is complete for the next request, if it may be."""
        state = conn.h11
        if state.our_state is h11.DONE and state.their_state is h11.DONE:
            state.start_next_cycle()
            idle = self._idle.setdefault(conn.key, [])
            if len(idle) < self._per_host:
                conn.idle_since = time.monotonic()
                idle.append(conn)
                self._lru[conn] = None
                while len(self._lru) > self._max_idle:
                    oldest = next(iter(self._lru))
                    del self._lru[oldest]
                    self._idle[oldest.key].remove(oldest)
                    oldest.close()
                    self._open.discard(oldest)
                return
        self._discard(conn)

    def _discard(self, conn: _Connection) -> None:
        conn.close()
        self._open.discard(conn)

    def idle(self) -> int:
        """Connections kept open for reuse now."""
        return len(self._lru)

    def in_use(self) -> int:
        """Connections serving a request now (opened and not yet released or closed)."""
        return len(self._open) - len(self._lru)

    async def aclose(self) -> None:
        """Close every connection and wait (briefly) for TLS ones to finish closing."""
        closing = list(self._open)
        for conn in closing:
            conn.close()
        self._open.clear()
        self._idle.clear()
        self._lru.clear()
        if closing:
            waits = [conn.writer.wait_closed() for conn in closing]
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(CLOSE_SECONDS):
                    await asyncio.gather(*waits, return_exceptions=True)
