"""The daemon as a real process: start, signals, kill -9 and restart, single instance, --once.

Each test runs ``python -m forecasts`` from this worktree against a real SQLite file, with
intervals of about a second. Waits poll the database with a generous deadline; nothing here
asserts how fast anything is (that is bench/soak_bench.py's job).
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from forecasts.db import open_database, session, write_session
from forecasts.models.daemon import JobState, Outbox

REPO = Path(__file__).resolve().parent.parent
WAIT = 60.0

pytestmark = pytest.mark.slow


def wait_for(what: str, check: Callable[[], Any], timeout: float = WAIT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class Receiver:
    """A local webhook receiver on 127.0.0.1; ``delay`` makes it hold each request."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.delay = 0.0
        self.got = threading.Event()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length", "0"))
                receiver.bodies.append(self.rfile.read(size))
                receiver.got.set()
                time.sleep(receiver.delay)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Daemons:
    """Start and clean up daemon processes for one test directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config = root / "config.toml"
        self.db_url = f"sqlite:///{root / 'forecasts.db'}"
        self.procs: list[subprocess.Popen[bytes]] = []
        self.write_config()

    def write_config(self, daemon: str = "", notify: str = "", top: str = "") -> None:
        seeds = self.root / "seeds"
        seeds.mkdir(exist_ok=True)
        self.config.write_text(
            f'database_url = "{self.db_url}"\nseeds_dir = "seeds"\n{top}\n'
            "[daemon]\n"
            "heartbeat_seconds = 0.5\nshutdown_timeout_seconds = 20\n"
            "inbox_interval_minutes = 0.02\nnotify_interval_minutes = 0.02\n"
            f"{daemon}\n[notify]\n{notify}\n",
            encoding="utf-8",
        )

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("FORECASTS_")}
        env["PYTHONPATH"] = str(REPO)
        return env

    def cli(self, *args: str, timeout: float = WAIT) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "forecasts", "--config", str(self.config), *args],
            cwd=REPO,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def start(self) -> subprocess.Popen[bytes]:
        path = self.root / f"daemon-{len(self.procs)}.log"
        with path.open("wb") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "forecasts", "--config", str(self.config), "daemon"],
                cwd=REPO,
                env=self.env(),
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        proc.log_path = path  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def log(self, proc: subprocess.Popen[bytes]) -> str:
        return Path(proc.log_path).read_text(encoding="utf-8")  # type: ignore[attr-defined]

    def engine(self) -> Engine:
        return open_database(self.db_url)

    def job(self, name: str) -> JobState | None:
        eng = self.engine()
        try:
            with session(eng) as s:
                return s.get(JobState, name)
        finally:
            eng.dispose()

    def runs(self, name: str) -> int:
        row = self.job(name)
        return row.runs if row else 0

    def cleanup(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture
def daemons(tmp_path: Path) -> Iterator[Daemons]:
    d = Daemons(tmp_path)
    yield d
    d.cleanup()


def test_sigterm_stops_the_daemon_with_exit_0(daemons: Daemons) -> None:
    """A running daemon shows in `status`; SIGTERM makes it exit 0 and status says stopped."""
    proc = daemons.start()
    wait_for("a first inbox run", lambda: daemons.runs("inbox") >= 1)
    shown = daemons.cli("status", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["daemon"]["running"] is True and data["daemon"]["pid"] == proc.pid
    assert data["daemon"]["since"] is not None
    jobs = {j["name"]: j for j in data["jobs"]}
    assert jobs["inbox"]["last_outcome"] in ("ok", "running") and jobs["inbox"]["next_run"]
    assert jobs["report"]["next_run"]  # the monthly cron's next firing
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0, daemons.log(proc)
    assert "daemon stopped" in daemons.log(proc)
    assert '"running": false' in daemons.cli("status", "--json").stdout


def test_sigint_also_stops_cleanly(daemons: Daemons) -> None:
    proc = daemons.start()
    wait_for("a first inbox run", lambda: daemons.runs("inbox") >= 1)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 0


def test_a_second_daemon_is_refused_naming_the_first(daemons: Daemons) -> None:
    """Single instance on SQLite: exit 75 (EX_TEMPFAIL) and a message with the running pid."""
    first = daemons.start()
    wait_for("the first daemon", lambda: daemons.runs("inbox") >= 1)
    second = daemons.cli("daemon", timeout=30)
    assert second.returncode == 75
    assert f"pid {first.pid}" in second.stderr and "already running" in second.stderr
    assert "Traceback" not in second.stderr
    assert daemons.cli("daemon", "--once", timeout=30).returncode == 75
    assert first.poll() is None


def test_the_lock_does_not_outlive_a_killed_daemon(daemons: Daemons) -> None:
    """kill -9 leaves no stuck lock: the next daemon starts at once."""
    first = daemons.start()
    wait_for("the first daemon", lambda: daemons.runs("inbox") >= 1)
    first.kill()
    first.wait(timeout=10)
    before = daemons.runs("inbox")
    second = daemons.start()
    wait_for("the second daemon's runs", lambda: daemons.runs("inbox") > before)
    assert second.poll() is None


def test_once_runs_every_job_once_and_exits(daemons: Daemons) -> None:
    """`daemon --once` records a run of every job and exits 0."""
    result = daemons.cli("daemon", "--once")
    eng = daemons.engine()
    with session(eng) as s:
        rows = s.exec(select(JobState)).all()
    eng.dispose()
    names = {r.name for r in rows}
    failed = sorted(r.name for r in rows if r.last_outcome == "error")
    # Exit 1 exactly when a job failed (the jobs belong to several areas and may be in flux).
    assert result.returncode == (1 if failed else 0), result.stderr
    assert ("cycle finished with failed jobs" in result.stderr) == bool(failed)
    assert all(r.last_outcome == "ok" for r in rows)
    assert {"seeds", "inbox", "poll", "extract", "verify", "expire", "report", "notify"} <= names
    status = daemons.cli("status")
    assert status.returncode == 0 and "daemon: not running" in status.stdout


def test_kill_9_mid_job_then_restart_reruns_the_job_once(daemons: Daemons) -> None:
    """Killed while a job delivers a notification: after restart the job runs again at once,
    the notification is delivered, and job_state is consistent (no run left 'running')."""
    hook = Receiver()
    try:
        hook.delay = 30.0
        daemons.write_config(notify=f'webhook_url = "{hook.url}"\nretry_base_seconds = 1\n')
        eng = daemons.engine()
        now = datetime.now(UTC)
        with write_session(eng) as s:
            s.add(
                Outbox(
                    dedup_key="webhook:test:1",
                    channel="webhook",
                    kind="report",
                    subject="s",
                    body="b",
                    created_at=now,
                    next_attempt_at=now,
                )
            )
        eng.dispose()
        first = daemons.start()
        assert hook.got.wait(WAIT), daemons.log(first)
        running = daemons.job("notify")
        assert running is not None and running.last_outcome == "running"
        first.kill()
        first.wait(timeout=10)
        hook.delay = 0.0
        second = daemons.start()
        wait_for("the rerun", lambda: daemons.runs("notify") >= 1)
        eng = daemons.engine()
        with session(eng) as s:
            row = s.exec(select(Outbox).where(Outbox.dedup_key == "webhook:test:1")).one()
        eng.dispose()
        assert row.sent_at is not None and not row.gave_up
        ours = [b for b in hook.bodies if json.loads(b)["subject"] == "s"]
        assert len(ours) == 2  # at-least-once: the interrupted attempt and the redelivery
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=30) == 0
        state = daemons.job("notify")
        assert state is not None and state.last_outcome == "ok"
    finally:
        hook.close()


def test_sigterm_waits_for_the_running_job(daemons: Daemons) -> None:
    """SIGTERM during a job: the job finishes and records its outcome before exit 0."""
    hook = Receiver()
    try:
        hook.delay = 2.0
        daemons.write_config(notify=f'webhook_url = "{hook.url}"\n')
        eng = daemons.engine()
        now = datetime.now(UTC)
        with write_session(eng) as s:
            s.add(
                Outbox(
                    dedup_key="webhook:t",
                    channel="webhook",
                    kind="report",
                    created_at=now,
                    next_attempt_at=now,
                )
            )
        eng.dispose()
        proc = daemons.start()
        assert hook.got.wait(WAIT)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        state = daemons.job("notify")
        assert state is not None and state.last_outcome == "ok" and state.runs == 1
    finally:
        hook.close()


def test_sigterm_exits_0_within_the_bound_when_a_job_overruns(daemons: Daemons) -> None:
    """A job that outlasts shutdown_timeout_seconds does not keep the daemon alive."""
    hook = Receiver()
    try:
        hook.delay = 60.0
        daemons.write_config(
            daemon="shutdown_timeout_seconds = 1\n",
            notify=f'webhook_url = "{hook.url}"\nwebhook_timeout_seconds = 120\n',
        )
        # shutdown_timeout_seconds appears twice otherwise: rewrite without the default line.
        text = daemons.config.read_text().replace("shutdown_timeout_seconds = 20\n", "")
        daemons.config.write_text(text)
        eng = daemons.engine()
        now = datetime.now(UTC)
        with write_session(eng) as s:
            s.add(
                Outbox(
                    dedup_key="webhook:t",
                    channel="webhook",
                    kind="report",
                    created_at=now,
                    next_attempt_at=now,
                )
            )
        eng.dispose()
        proc = daemons.start()
        assert hook.got.wait(WAIT)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        assert "still running" in daemons.log(proc)
    finally:
        hook.close()


def test_sighup_reloads_the_configuration(daemons: Daemons) -> None:
    """SIGHUP re-reads config.toml; a broken file is refused and the daemon keeps running."""
    proc = daemons.start()
    wait_for("the first run", lambda: daemons.runs("inbox") >= 1)
    synced = daemons.job("sync_feeds")
    assert synced is not None and synced.last_finished is not None
    daemons.write_config(daemon="verify_interval_minutes = 7\n")
    proc.send_signal(signal.SIGHUP)
    wait_for("the reload", lambda: "configuration reloaded" in daemons.log(proc))
    wait_for("the new schedule", lambda: "verify now every 7 minutes" in daemons.log(proc))

    def resynced() -> bool:
        row = daemons.job("sync_feeds")
        return bool(row and row.last_finished and row.last_finished > synced.last_finished)

    wait_for("the feeds to be synced from the new file", resynced)
    daemons.config.write_text("this is = = not toml\n")
    proc.send_signal(signal.SIGHUP)
    wait_for("the refusal", lambda: "reload refused" in daemons.log(proc))
    before = daemons.runs("inbox")
    wait_for("runs after the refusal", lambda: daemons.runs("inbox") > before)
    assert proc.poll() is None
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0


def test_a_failing_job_does_not_stop_the_others(daemons: Daemons) -> None:
    """The report job fails (its folder is a file); inbox and notify keep running."""
    (daemons.root / "blocked").write_text("not a folder")
    daemons.write_config(top='reports_dir = "blocked/reports"\n')
    proc = daemons.start()
    wait_for(
        "the report failure",
        lambda: (daemons.job("report") or JobState(name="x")).last_outcome == "error",
    )
    before = daemons.runs("inbox")
    wait_for("later inbox runs", lambda: daemons.runs("inbox") >= before + 2)
    assert proc.poll() is None
    status = daemons.cli("status")
    assert "report" in status.stdout and "error" in status.stdout
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0


def test_missed_runs_after_a_long_pause_run_once(daemons: Daemons) -> None:
    """SIGSTOP for several intervals, then SIGCONT: one catch-up run, not one per interval."""
    proc = daemons.start()
    wait_for("two runs", lambda: daemons.runs("inbox") >= 2)
    proc.send_signal(signal.SIGSTOP)
    before = daemons.runs("inbox")
    time.sleep(8)  # about 6 intervals of 1.2 s
    proc.send_signal(signal.SIGCONT)
    wait_for("the catch-up run", lambda: daemons.runs("inbox") >= before + 1)
    time.sleep(0.5)
    assert daemons.runs("inbox") <= before + 2
    assert "was missed" not in daemons.log(proc)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0


def test_cli_reads_while_the_daemon_writes(daemons: Daemons) -> None:
    """`status` and `config` work while the daemon writes every second (no 'database is locked')."""
    proc = daemons.start()
    wait_for("the first run", lambda: daemons.runs("inbox") >= 1)
    for _ in range(5):
        for args in (("status", "--json"), ("status",)):
            result = daemons.cli(*args)
            assert result.returncode == 0, result.stderr
            assert "locked" not in result.stderr
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0


class SlowFeeds:
    """``count`` local RSS feeds of ``entries`` items each; every answer waits ``delay`` s."""

    def __init__(self, count: int, entries: int) -> None:
        self.delay = 0.0
        self.requests = 0
        feeds = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                feeds.requests += 1
                time.sleep(feeds.delay)
                if self.path == "/broken.xml":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.end_headers()
                    self.wfile.write(b"<rss><channel><item>not a feed")
                    return
                n = int(self.path.strip("/").split(".")[0])
                items = "".join(
                    f"<item><title>Feed {n} story {k}</title><link>http://example.org/{n}/{k}</link>"
                    f"<guid>f{n}-{k}</guid><pubDate>Mon, 0{k + 1} Jan 2024 10:00:00 GMT</pubDate>"
                    f"<description>Story {k} of feed {n}.</description></item>"
                    for k in range(entries)
                )
                body = (
                    f'<?xml version="1.0"?><rss version="2.0"><channel><title>F{n}</title>'
                    f"<link>http://example.org/{n}</link>{items}</channel></rss>"
                ).encode()
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


def test_kill_9_in_the_middle_of_a_poll_loses_and_duplicates_nothing(daemons: Daemons) -> None:
    """Killed while feeds are being polled: after restart every item is stored exactly once,
    each feed's item count matches its rows, and the interrupted poll ran again."""
    from sqlalchemy import func

    from forecasts.models import Feed, Item

    count, entries = 12, 3
    feeds = SlowFeeds(count, entries)
    try:
        feeds.delay = 1.0
        top = "[fetch]\nallow_private_networks = true\nmax_per_host = 1\n" + "".join(
            f'[[feeds]]\nname = "f{n}"\nurl = "{feeds.base}/{n}.xml"\n' for n in range(count)
        )
        daemons.write_config(daemon="poll_interval_minutes = 0.02\n")
        # [[feeds]] and [fetch] tables must follow the other tables: append them.
        daemons.config.write_text(daemons.config.read_text() + top)

        def items() -> int:
            eng = daemons.engine()
            with session(eng) as s:
                n = s.exec(select(func.count()).select_from(Item)).one()
            eng.dispose()
            return int(n)

        first = daemons.start()
        wait_for("the first items", lambda: items() > 0)
        assert items() < count * entries, "the poll finished before the kill"
        running = daemons.job("poll")
        assert running is not None and running.last_outcome == "running"
        first.kill()
        first.wait(timeout=10)
        feeds.delay = 0.0
        second = daemons.start()
        wait_for("every item", lambda: items() == count * entries)
        wait_for("the poll rerun", lambda: daemons.runs("poll") >= 1)
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=30) == 0
        eng = daemons.engine()
        with session(eng) as s:
            rows = s.exec(select(Item.feed_id, Item.dedup_key)).all()
            per_feed = {f.id: f.item_count for f in s.exec(select(Feed)).all()}
        eng.dispose()
        assert len(rows) == len(set(rows)) == count * entries
        assert all(per_feed[fid] == entries for fid in per_feed)
    finally:
        feeds.close()


def test_a_broken_feed_shows_in_status_and_does_not_stop_the_others(daemons: Daemons) -> None:
    """One feed serves garbage: the good feed's items are stored, the broken one is listed
    under 'feeds with errors', and the daemon keeps running."""
    feeds = SlowFeeds(1, 2)
    try:
        top = "[fetch]\nallow_private_networks = true\n" + (
            f'[[feeds]]\nname = "good"\nurl = "{feeds.base}/0.xml"\n'
            f'[[feeds]]\nname = "broken"\nurl = "{feeds.base}/broken.xml"\n'
        )
        daemons.write_config(daemon="poll_interval_minutes = 0.02\n")
        daemons.config.write_text(daemons.config.read_text() + top)
        proc = daemons.start()

        from forecasts.models import Feed

        def polled() -> bool:
            eng = daemons.engine()
            with session(eng) as s:
                rows = {f.name: f for f in s.exec(select(Feed)).all()}
            eng.dispose()
            return bool(rows) and all(f.last_poll_at for f in rows.values())

        wait_for("both feeds polled", polled)
        wait_for("two poll runs", lambda: daemons.runs("poll") >= 2)
        shown = daemons.cli("status", "--json")
        assert shown.returncode == 0, shown.stderr
        listed = [f["name"] for f in json.loads(shown.stdout)["feeds_with_errors"]]
        assert listed == ["broken"], shown.stdout
        assert (daemons.job("poll") or JobState(name="x")).last_outcome == "ok"
        assert proc.poll() is None
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        feeds.close()
