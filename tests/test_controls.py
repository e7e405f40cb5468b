"""Terminal escapes from a server are never stored or logged, names may not hold control
characters, and only http(s) links are stored (issue 17, item 5)."""

from __future__ import annotations

import logging
import random
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from forecasts.clock import FixedClock
from forecasts.config import load_settings
from forecasts.controls import check_name, strip_controls
from forecasts.daemon.logs import setup_logging
from forecasts.db import open_database, session
from forecasts.errors import ConfigError, InputError
from forecasts.jobs.poll import poll_feeds, sync_config_feeds
from forecasts.models import Feed, Item
from tests.feedserver import FeedServer

NOW = datetime(2024, 3, 10, 9, 0, tzinfo=UTC)
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31m"


class HostileReason:
    """A raw HTTP server on 127.0.0.1 whose status line and headers carry terminal escapes."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                conn.sendall(
                    f"HTTP/1.1 503 Busy{ESCAPES}now\r\nRetry-After: 60{ESCAPES}\r\n"
                    f'ETag: "v1{ESCAPES}"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'.encode(
                        "latin-1"
                    )
                )

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def hostile() -> Iterator[HostileReason]:
    server = HostileReason()
    yield server
    server.close()


@pytest.fixture
def reset_logging() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_forecasts", False):
            root.removeHandler(handler)
            handler.close()


def test_a_reason_phrase_with_escapes_is_stored_and_logged_clean(
    tmp_path: Path, hostile: HostileReason, reset_logging: None
) -> None:
    """A 503 whose reason phrase and headers hold ESC/BEL: last_error and the log have none."""
    config = tmp_path / "config.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "f.db"}"\nlog_file = "{tmp_path / "f.log"}"\n'
        '[fetch]\nallowed_networks = ["127.0.0.1/32"]\n'
        f'[[feeds]]\nname = "busy"\nurl = "http://127.0.0.1:{hostile.port}/rss"\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    setup_logging(settings)
    engine = open_database(settings.resolved_database_url())
    sync_config_feeds(engine, settings, FixedClock(NOW))
    poll_feeds(engine, settings, FixedClock(NOW), rng=random.Random(1))
    with session(engine) as s:
        feed = s.exec(select(Feed).where(Feed.name == "busy")).one()
    engine.dispose()
    assert "503 Busy" in feed.last_error
    logged = (tmp_path / "f.log").read_text(encoding="utf-8")
    assert "503 Busy" in logged
    for text in (feed.last_error, feed.etag, logged):
        assert "\x1b" not in text and "\x07" not in text


@pytest.mark.parametrize("name", ["red\x1b[31m", "bell\x07", "tab\tname", "zero\u200bwidth", "  "])
def test_names_with_control_characters_are_refused(name: str, run_cli) -> None:  # type: ignore[no-untyped-def]
    """`feeds add --name` with an escape or other control character: exit 2, nothing stored."""
    with pytest.raises(InputError):
        check_name(name)
    result = run_cli("feeds", "add", "https://example.org/rss.xml", "--name", name)
    assert result.code == 2, result.err
    assert "\x1b" not in result.err
    assert "example.org" not in run_cli("feeds", "list").out


def test_a_config_feed_name_with_escapes_is_a_config_error(tmp_path: Path) -> None:
    """A [[feeds]] name holding an escape sequence is refused when the config loads."""
    config = tmp_path / "config.toml"
    config.write_text(
        '[[feeds]]\nname = "x\\u001b[31m"\nurl = "https://example.org/rss"\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="control characters"):
        load_settings(config)


def test_only_http_links_are_stored_and_printed(tmp_path: Path, run_cli, config_file: Path) -> None:  # type: ignore[no-untyped-def]
    """Items linking to javascript:, data: or file: keep no link; search never prints one."""
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<link>https://example.org/</link>"
        + "".join(
            f"<item><title>Ministers meet {i}</title><link>{link}</link><guid>g{i}</guid>"
            "<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>"
            for i, link in enumerate(
                [
                    "javascript:alert(document.cookie)",
                    "data:text/html,hi",
                    "file:///etc/passwd",
                    "https://example.org/ok",
                ]
            )
        )
        + "</channel></rss>"
    ).encode()
    with FeedServer() as server:
        server.feed("/f.xml", body)
        config_file.write_text(
            config_file.read_text(encoding="utf-8")
            + '[fetch]\nallowed_networks = ["127.0.0.1/32"]\n'
            + f'[[feeds]]\nname = "f"\nurl = "{server.url("/f.xml")}"\n',
            encoding="utf-8",
        )
        assert run_cli("poll", "--all").code == 0
    settings = load_settings(config_file)
    engine = open_database(settings.resolved_database_url())
    with session(engine) as s:
        links = sorted(item.link for item in s.exec(select(Item)))
    engine.dispose()
    assert links == ["", "", "", "https://example.org/ok"]
    out = run_cli("items", "search", "Ministers").out
    assert "javascript:" not in out and "data:" not in out and "file:" not in out


def test_strip_controls_keeps_text_tabs_and_newlines() -> None:
    """Only controls go: words, tabs and newlines stay."""
    assert strip_controls(f"a{ESCAPES}b\tc\nd\x9b") == "ab\tc\nd"
