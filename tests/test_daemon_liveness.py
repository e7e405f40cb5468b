"""`status` tells the truth about a daemon: no job shown running after a kill -9, and a fresh
heartbeat while a long job holds the database's write lock (issue 17, item 8)."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from forecasts.db import write_session
from forecasts.models.daemon import Outbox
from tests.test_daemon_process import WAIT, Daemons, Receiver, daemons, wait_for

__all__ = ["daemons"]  # the fixture, shared with the daemon process tests

pytestmark = pytest.mark.slow


def _status(daemons: Daemons) -> dict:  # type: ignore[type-arg]
    result = daemons.cli("status", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_after_kill_9_no_job_is_shown_running(daemons: Daemons) -> None:
    """Killed mid-job, the daemon is not running, and its job reads 'interrupted', not 'running'."""
    hook = Receiver()
    try:
        hook.delay = 30.0
        daemons.write_config(notify=f'webhook_url = "{hook.url}"\n')
        eng = daemons.engine()
        now = datetime.now(UTC)
        with write_session(eng) as s:
            s.add(
                Outbox(
                    dedup_key="webhook:k9",
                    channel="webhook",
                    kind="report",
                    subject="s",
                    body="b",
                    created_at=now,
                    next_attempt_at=now,
                )
            )
        eng.dispose()
        proc = daemons.start()
        assert hook.got.wait(WAIT), daemons.log(proc)
        proc.kill()
        proc.wait(timeout=10)
        status = _status(daemons)
        assert status["daemon"]["running"] is False
        outcomes = {job["name"]: job["last_outcome"] for job in status["jobs"]}
        assert outcomes["notify"] == "interrupted"
        assert "running" not in outcomes.values()
        text = daemons.cli("status").stdout
        assert "not running" in text
        assert " running " not in text.split("jobs:", 1)[1]
    finally:
        hook.close()


def test_the_heartbeat_stays_fresh_while_the_write_lock_is_held(daemons: Daemons) -> None:
    """Another writer holds SQLite's write lock (as a long verify may): the heartbeat `status`
    shows keeps moving, within a few heartbeat periods (0.5 s) of the moment we ask."""
    daemons.write_config()
    proc = daemons.start()
    try:
        wait_for("the daemon to start", lambda: "daemon started" in daemons.log(proc))
        db = Path(daemons.db_url.removeprefix("sqlite:///"))
        conn = sqlite3.connect(db, isolation_level=None, timeout=30)
        try:
            conn.execute("BEGIN IMMEDIATE")
            time.sleep(4)  # several heartbeat periods with the database's write lock taken
            asked = datetime.now(UTC)
            beat = _status(daemons)["daemon"]["heartbeat_at"]
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        assert beat is not None
        lag = (asked - datetime.fromisoformat(beat)).total_seconds()
        assert lag < 2.0, f"heartbeat {lag:.1f} s older than the question"
    finally:
        proc.kill()
        proc.wait(timeout=10)
