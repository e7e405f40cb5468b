"""Article pages are fetched with the collector's guards: one deadline over connect, headers and
body, and a bounded decompressor (issue 17, item 1)."""

from __future__ import annotations

import contextlib
import gzip
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from forecasts.articles.fetch import fetch_page
from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.db import write_session
from forecasts.errors import FetchError, ResponseTooLargeError
from forecasts.jobs.extract import extract_new_items
from forecasts.models import Feed, Item
from tests.conftest import REPO

NOW = datetime(2024, 3, 10, 9, 0, tzinfo=UTC)


class SlowHeaders:
    """A raw HTTP server on 127.0.0.1 that sends one header line every ``every`` seconds and
    ends the headers only after ``total`` seconds: each read succeeds well within any per-read
    timeout, so only a deadline over the whole request stops a client."""

    def __init__(self, every: float = 0.5, total: float = 8.0) -> None:
        self.every, self.total = every, total
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str = "/page") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        body = b"<html><body><p>" + b"Ministers will meet next week. " * 20 + b"</p></body></html>"
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
                started = time.monotonic()
                n = 0
                while time.monotonic() - started < self.total and not self.stop.is_set():
                    time.sleep(self.every)
                    n += 1
                    conn.sendall(f"X-Slow-{n}: {n}\r\n".encode())
                conn.sendall(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            except OSError:
                pass  # the client gave up: what we want

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture
def slow() -> Iterator[SlowHeaders]:
    server = SlowHeaders()
    yield server
    server.close()


def _local(**fetch: object) -> Settings:
    return Settings(
        fetch={"allowed_networks": ["127.0.0.1/32"], "timeout_seconds": 2, **fetch},
        extraction={"max_input_bytes": 1_000_000},
    )


def test_a_server_dripping_header_lines_is_cut_off_at_the_deadline(slow: SlowHeaders) -> None:
    """One header line every 0.5 s never trips a 2 s per-read timeout; the 1.5 s deadline does."""
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"within 1\.5 s"):
        fetch_page(slow.url(), _local(deadline_seconds=1.5))
    assert time.monotonic() - started < 3.0


def test_extract_of_a_slow_page_exits_at_the_deadline(slow: SlowHeaders, tmp_path: Path) -> None:
    """`forecasts extract URL` (a real process) gives up at fetch.deadline_seconds, in one line."""
    config = tmp_path / "config.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "f.db"}"\n'
        '[fetch]\nallowed_networks = ["127.0.0.1/32"]\ndeadline_seconds = 1.5\n'
        "timeout_seconds = 2\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "forecasts", "--config", str(config), "extract", slow.url()],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode != 0
    assert "1.5 s" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert elapsed < 8.0  # interpreter start-up included; the server would drip for 8 s


def test_a_gzip_bomb_page_stops_at_the_cap_without_inflating_in_memory() -> None:
    """A 200 MB page gzipped to ~200 KB is refused at max_input_bytes; memory stays near the cap."""
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)
    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]

    def serve() -> None:
        conn, _ = sock.accept()
        with conn:
            conn.recv(65536)
            head = (
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                f"Content-Length: {len(bomb)}\r\n\r\n"
            )
            with contextlib.suppress(OSError):
                conn.sendall(head.encode() + bomb)

    threading.Thread(target=serve, daemon=True).start()
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError, match="1,000,000-byte limit"):
            fetch_page(f"http://127.0.0.1:{port}/bomb", _local())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        sock.close()
    assert peak < 12_000_000, f"peak {peak:,} bytes"


def test_slow_pages_do_not_hold_the_extract_job(engine: Engine, slow: SlowHeaders) -> None:
    """Five full-text items on a slow site: one run stops fetching after its budget (one
    deadline), leaves the rest for the next run, and returns in about two deadlines."""
    settings = _local(deadline_seconds=1.0)
    with write_session(engine) as s:
        feed = Feed(name="slow", url="https://example.org/rss", fetch_full_text=True)
        s.add(feed)
        s.flush()
        assert feed.id is not None
        for i in range(5):
            s.add(
                Item(
                    feed_id=feed.id,
                    guid=f"g{i}",
                    dedup_key=f"g{i}",
                    link=slow.url(f"/story/{i}"),
                    title=f"Ministers will meet in Geneva next week, round {i}",
                    summary="Officials said ministers will meet in Geneva next week to talk trade.",
                    published_at=NOW,
                    fetched_at=NOW,
                )
            )
    started = time.monotonic()
    first = extract_new_items(engine, settings, FixedClock(NOW))
    elapsed = time.monotonic() - started
    assert elapsed < 3.5, elapsed
    assert first.deferred >= 3 and first.items_seen == 5
    second = extract_new_items(engine, settings, FixedClock(NOW))
    assert second.items_seen == first.deferred  # carried over, nothing lost
