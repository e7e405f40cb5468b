"""`forecasts status` and the daemon's docs, in-process."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from forecasts.config import DaemonSettings, NotifySettings
from forecasts.daemon.lock import InstanceLock, holder_pid
from forecasts.db import write_session
from forecasts.errors import DaemonLockedError
from forecasts.models import Article, Claim, Feed

REPO = Path(__file__).resolve().parent.parent


def _claim(engine: Engine, due: date, status: str = "open") -> None:
    now = datetime.now(UTC)
    with write_session(engine) as s:
        a = Article(content_hash=f"h{due}{status}", text="t", reference_date=due, ingested_at=now)
        s.add(a)
        s.flush()
        s.add(
            Claim(
                article_id=a.id or 0,
                sentence="s",
                claim=f"claim due {due}",
                due_earliest=due,
                due_latest=due,
                status=status,
                created_at=now,
            )
        )


def test_status_json_on_a_fresh_database(run_cli, engine) -> None:  # type: ignore[no-untyped-def]
    """No daemon yet: not running, every job listed, no claims."""
    result = run_cli("status", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["daemon"]["running"] is False
    names = [j["name"] for j in data["jobs"]]
    assert names[:3] == ["sync_feeds", "seeds", "inbox"] and "report" in names
    assert data["claims_by_status"] == {} and data["claims_due_soon"] == []


sqlite_only = pytest.mark.skipif(
    os.environ.get("FORECASTS_TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="the single-instance file lock exists on SQLite only (PostgreSQL uses leases)",
)


@sqlite_only
def test_status_shows_claims_feeds_and_the_lock_holder(run_cli, engine: Engine, settings) -> None:  # type: ignore[no-untyped-def]
    """Claims by status, claims due within 30 days, feeds with errors, and a held lock."""
    today = datetime.now(UTC).date()
    _claim(engine, today + timedelta(days=3))
    _claim(engine, today + timedelta(days=90))
    _claim(engine, today - timedelta(days=90), status="fulfilled")
    with write_session(engine) as s:
        s.add(Feed(name="broken", url="http://x/feed", consecutive_errors=3, last_error="HTTP 500"))
        s.add(Feed(name="fine", url="http://y/feed"))
    with InstanceLock(settings.resolved_database_url()):
        data = json.loads(run_cli("status", "--json").out)
        text = run_cli("status").out
    assert data["daemon"]["running"] is True
    assert data["claims_by_status"] == {"fulfilled": 1, "open": 2}
    assert [c["due_latest"] for c in data["claims_due_soon"]] == [
        (today + timedelta(days=3)).isoformat()
    ]
    assert [f["name"] for f in data["feeds_with_errors"]] == ["broken"]
    assert "daemon: running" in text and "broken: 3x HTTP 500" in text
    assert "claims due in the next 30 days: 1" in text


@sqlite_only
def test_the_lock_refuses_a_second_holder_and_frees_on_release(settings) -> None:  # type: ignore[no-untyped-def]
    url = settings.resolved_database_url()
    first = InstanceLock(url)
    first.acquire()
    try:
        assert holder_pid(url) is not None
        second = InstanceLock(url)
        try:
            second.acquire()
        except DaemonLockedError as exc:
            assert "already running" in str(exc) and exc.exit_code == 75
        else:
            raise AssertionError("second lock acquired")
    finally:
        first.release()
    assert holder_pid(url) is None


def test_no_lock_file_off_sqlite() -> None:
    lock = InstanceLock("postgresql+psycopg://u@localhost/db")
    assert lock.path is None
    lock.acquire()
    lock.release()


def test_docs_cover_every_daemon_and_notify_setting() -> None:
    """docs/daemon.md names every [daemon] and [notify] key, and the commands."""
    text = (REPO / "docs" / "daemon.md").read_text(encoding="utf-8")
    for key in [*DaemonSettings.model_fields, *NotifySettings.model_fields]:
        assert f"`{key}`" in text, key
    for command in ("forecasts daemon", "forecasts daemon --once", "forecasts status --json"):
        assert command in text
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "## Running the daemon" in readme and "deploy/forecasts.service" in readme
    unit = (REPO / "deploy" / "forecasts.service").read_text(encoding="utf-8")
    assert "ExecStart=" in unit and "ExecReload=/bin/kill -HUP $MAINPID" in unit


def test_the_daemon_log_goes_to_stderr_and_the_log_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """log_file set: each line, tagged with its job, is written to stderr and to the file."""
    import logging

    from forecasts.config import Settings
    from forecasts.daemon.logs import job_context, setup_logging

    settings = Settings(log_file=str(tmp_path / "logs" / "daemon.log"))
    level = logging.getLogger().level
    setup_logging(settings)
    try:
        with job_context("poll"):
            logging.getLogger("forecasts.test").info("polled 3 feeds")
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_forecasts", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
        logging.getLogger().setLevel(level)
    line = (tmp_path / "logs" / "daemon.log").read_text(encoding="utf-8")
    assert "job=poll" in line and "polled 3 feeds" in line
    assert "polled 3 feeds" in capsys.readouterr().err


def test_log_lines_show_their_structured_fields(tmp_path: Path) -> None:
    """`extra={"claim_id": 7, "feed_id": 3}` is printed as `claim_id=7 feed_id=3`, not dropped."""
    import logging

    from forecasts.config import Settings
    from forecasts.daemon.logs import setup_logging

    settings = Settings(log_file=str(tmp_path / "daemon.log"))
    level = logging.getLogger().level
    setup_logging(settings)
    try:
        logging.getLogger("forecasts.test").info(
            "claim judged", extra={"claim_id": 7, "feed_id": 3, "job": "verify"}
        )
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_forecasts", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
        logging.getLogger().setLevel(level)
    line = (tmp_path / "daemon.log").read_text(encoding="utf-8")
    assert "job=verify: claim judged claim_id=7 feed_id=3" in line
