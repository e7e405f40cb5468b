"""A real HTTP server on 127.0.0.1 with scripted behaviours, for feed tests and the benchmark.

    with FeedServer() as server:
        server.feed("/a.xml", make_rss(3), etag='"v1"')
        server.redirect("/old", "/a.xml", status=301)
        url = server.url("/a.xml")

Each route is a function of the request handler; ``server.hits`` records (path, headers) of
every request, so tests can assert what the client sent (validators, User-Agent) and what it
never asked for (an external DTD, a private address).
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Route = Callable[["Handler"], None]


def make_rss(
    n: int, *, prefix: str = "item", title: str = "Test feed", day: datetime | None = None
) -> bytes:
    """An RSS 2.0 feed of ``n`` realistic items (about 600 bytes each)."""
    start = day or datetime(2023, 6, 19, 9, 0, tzinfo=UTC)
    items = []
    for i in range(n):
        when = format_datetime(start + timedelta(minutes=i), usegmt=True)
        items.append(
            f"<item><title>{prefix} {i}: ministers meet in Beijing on trade and climate</title>"
            f"<link>https://news.example.org/{prefix}/{i}?utm_source=rss&amp;utm_campaign=x</link>"
            f'<guid isPermaLink="false">{prefix}-{i}</guid><pubDate>{when}</pubDate>'
            f"<description>&lt;p&gt;Officials from both governments met on day {i} to discuss "
            f"tariffs, export controls and a planned summit later this year, according to a "
            f"statement released after the talks ({prefix}).&lt;/p&gt;</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://news.example.org/</link><description>test</description>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.owner.hits.append((self.path, dict(self.headers.items())))
        route = self.server.owner.routes.get(path)
        if route is None:
            self.reply(404, b"not found", "text/plain")
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)

    def reply(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "application/rss+xml",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256  # the default backlog of 5 drops connections under load
    owner: FeedServer


class FeedServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, dict[str, str]]] = []
        self.stop = threading.Event()
        self._server = _Server((host, 0), Handler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.hits]

    # --- behaviours ---------------------------------------------------------------------

    def route(self, path: str, fn: Route) -> None:
        self.routes[path] = fn

    def feed(
        self,
        path: str,
        body: bytes,
        *,
        etag: str = "",
        last_modified: str = "",
        content_type: str = "application/rss+xml; charset=utf-8",
    ) -> None:
        """Serve ``body``, answering 304 when the client echoes the validators exactly."""

        def serve(h: Handler) -> None:
            headers = {}
            if etag:
                headers["ETag"] = etag
            if last_modified:
                headers["Last-Modified"] = last_modified
            inm, ims = h.headers.get("If-None-Match"), h.headers.get("If-Modified-Since")
            if (etag and inm == etag) or (not etag and last_modified and ims == last_modified):
                h.reply(304, b"", "", headers)
                return
            h.reply(200, body, content_type, headers)

        self.route(path, serve)

    def status(
        self,
        path: str,
        code: int,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        content_type: str = "text/plain",
    ) -> None:
        self.route(path, lambda h: h.reply(code, body, content_type, headers))

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        target = to if "://" in to else self.url(to)
        self.route(path, lambda h: h.reply(status, b"", "", {"Location": target}))

    def hang(self, path: str) -> None:
        """Accept the connection and never answer."""
        self.route(path, lambda h: self.stop.wait(60))

    def drip(self, path: str, body: bytes, every: float = 0.2) -> None:
        """Send the headers, then one byte every ``every`` seconds."""

        def serve(h: Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            for i in range(len(body)):
                if self.stop.wait(every):
                    return
                h.wfile.write(body[i : i + 1])
                h.wfile.flush()

        self.route(path, serve)

    def huge(self, path: str, size: int, declare_length: bool = False) -> None:
        """A body of ``size`` bytes streamed in chunks (no Content-Length unless asked)."""

        def serve(h: Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            if declare_length:
                h.send_header("Content-Length", str(size))
            else:
                h.send_header("Connection", "close")
            h.end_headers()
            chunk = b"<!-- " + b"x" * 65_000 + b" -->"
            sent = 0
            while sent < size and not self.stop.is_set():
                h.wfile.write(chunk)
                sent += len(chunk)
            h.close_connection = True

        self.route(path, serve)

    def gzip_bomb(self, path: str, inflated: int, encoding: str = "gzip") -> bytes:
        """A small gzip (or deflate) body that inflates to ``inflated`` bytes."""
        raw = b"<?xml version='1.0'?><rss><channel><title>" + b"A" * inflated
        body = gzip.compress(raw, compresslevel=9) if encoding == "gzip" else zlib.compress(raw, 9)
        self.route(
            path,
            lambda h: h.reply(200, body, "application/rss+xml", {"Content-Encoding": encoding}),
        )
        return body

    def gzipped(self, path: str, body: bytes) -> None:
        data = gzip.compress(body)
        self.route(
            path, lambda h: h.reply(200, data, "application/rss+xml", {"Content-Encoding": "gzip"})
        )


def wait_for(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()
