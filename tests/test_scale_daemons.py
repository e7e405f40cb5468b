"""Three daemons on one PostgreSQL database share 200 feeds; one is killed with -9 mid-run.

The rules (issue 7): every feed is polled exactly once in the cycle, nothing is stored twice
(items, claims, the monthly report), and the dead daemon's leased feeds are taken over by the
others once its leases expire.
"""

from __future__ import annotations

import http.server
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from forecasts.db import open_database

REPO = Path(__file__).resolve().parent.parent
FEEDS = 200
ITEMS = 3
LEASE = 4.0  # scale.feed_lease_seconds in this test
POLL_EVERY_MIN = 0.05  # daemon.poll_interval_minutes: 3 s
OUTCOME = re.compile(r"feed=(\S+) id=(\d+) outcome=(\w+)")

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def rss(n: int) -> bytes:
    items = "".join(
        f"<item><title>Minister {n} will visit port city {j} next month</title>"
        f"<link>https://news.example.org/{n}/{j}</link><guid>feed{n}-item{j}</guid>"
        f"<description>The minister of region {n} is expected to visit port city {j} "
        f"next month, officials said.</description>"
        f"<pubDate>Mon, 02 Nov 2026 0{j}:00:00 GMT</pubDate></item>"
        for j in range(ITEMS)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
        f"<link>https://news.example.org/{n}</link>{items}</channel></rss>"
    ).encode()


class SlowFeeds:
    """200 feeds on 127.0.0.1; each answer takes a moment so that a poll is caught mid-run."""

    def __init__(self, delay: float) -> None:
        self.hits: Counter[str] = Counter()
        guard = threading.Lock()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with guard:
                    owner.hits[self.path] += 1
                time.sleep(delay)
                n = int(self.path.strip("/").split(".")[0].removeprefix("f"))
                body = rss(n)
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def wait_for(what: str, check: Callable[[], Any], timeout: float = 90) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def write_config(root: Path, db_url: str, base: str) -> Path:
    feeds = "".join(
        f'[[feeds]]\nname = "f{i:03d}"\nurl = "{base}/f{i}.xml"\ninterval_minutes = 60\n\n'
        for i in range(FEEDS)
    )
    (root / "seeds").mkdir()
    path = root / "config.toml"
    path.write_text(
        f'database_url = "{db_url}"\nseeds_dir = "seeds"\nreports_dir = "reports"\n\n'
        "[fetch]\nallow_private_networks = true\n\n"
        "[daemon]\ningest_seeds = false\nheartbeat_seconds = 0.5\nshutdown_timeout_seconds = 20\n"
        f"poll_interval_minutes = {POLL_EVERY_MIN}\n\n"
        f"[scale]\nfeed_chunk = 15\nfeed_lease_seconds = {LEASE}\njob_lease_seconds = 10\n\n"
        + feeds,
        encoding="utf-8",
    )
    return path


def count(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text(sql)).scalar_one())


def test_three_daemons_share_the_feeds_and_survive_a_kill(tmp_path: Path, db_url: str) -> None:
    """Each feed polled once, nothing stored twice, the killed daemon's feeds taken over."""
    server = SlowFeeds(delay=0.15)
    config = write_config(tmp_path, db_url, server.base)
    engine = open_database(db_url)  # the daemons subscribe the feeds themselves, all at once
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORECASTS_")}
    env["PYTHONPATH"] = str(REPO)
    logs = [tmp_path / f"daemon-{i}.log" for i in range(3)]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for log in logs:
            with log.open("wb") as out:
                procs.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "forecasts", "--config", str(config), "daemon"],
                        cwd=REPO,
                        env=env,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                    )
                )
        victim = procs[0]

        def polled_by(i: int) -> list[tuple[str, str]]:
            text = logs[i].read_text(encoding="utf-8", errors="replace")
            return [(m.group(1), m.group(3)) for m in OUTCOME.finditer(text)]

        wait_for("the first daemon to be polling", lambda: polled_by(0))
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        killed_at = time.monotonic()

        def all_polled() -> bool:
            return count(engine, "SELECT count(*) FROM feed WHERE last_poll_at IS NULL") == 0

        wait_for("every feed to be polled", all_polled, timeout=120)
        taken_over_after = time.monotonic() - killed_at
        time.sleep(2 * POLL_EVERY_MIN * 60)  # another poll round each: nothing is due again
        wait_for(
            "the monthly report",
            lambda: count(engine, "SELECT count(*) FROM daemon_mark WHERE key LIKE 'report:%'"),
            timeout=60,
        )
        for proc in procs[1:]:
            proc.send_signal(signal.SIGTERM)
        for proc in procs[1:]:
            assert proc.wait(timeout=60) == 0
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        server.close()

    completed: Counter[str] = Counter()
    for i in range(3):
        completed.update(name for name, outcome in polled_by(i) if outcome == "ok")
    # Exactly once: no feed completed by two daemons; every feed stored (the victim may have
    # stored a feed in the instant before it could log it).
    assert max(completed.values()) == 1, [n for n, c in completed.items() if c > 1]
    assert count(engine, "SELECT count(*) FROM feed WHERE last_success_at IS NULL") == 0
    # A feed is fetched twice only if the victim was fetching it when killed.
    twice = [path for path, hits in server.hits.items() if hits > 1]
    assert len(twice) <= 15, twice
    assert len(server.hits) == FEEDS
    assert count(engine, "SELECT count(*) FROM item") == FEEDS * ITEMS
    assert (
        count(
            engine,
            "SELECT count(*) FROM (SELECT item_id FROM article WHERE item_id IS NOT NULL GROUP BY item_id HAVING count(*) > 1) d",
        )
        == 0
    )
    assert (
        count(
            engine,
            "SELECT count(*) FROM (SELECT article_id, sentence FROM claim GROUP BY article_id, sentence HAVING count(*) > 1) d",
        )
        == 0
    )
    written = sum(
        log.read_text(encoding="utf-8", errors="replace").count("written:") for log in logs[1:]
    )
    assert written <= 1
    assert count(engine, "SELECT count(*) FROM daemon_mark WHERE key LIKE 'report:%'") == 1
    # Taken over within the lease (plus one poll interval and start-up slack).
    assert taken_over_after < LEASE + POLL_EVERY_MIN * 60 + 30
    engine.dispose()
