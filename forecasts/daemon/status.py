"""What `forecasts status` shows, gathered as plain data (read-only, safe while the daemon writes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from forecasts.clock import local_day
from forecasts.config import Settings
from forecasts.daemon.lock import file_heartbeat, holder_pid, lock_path
from forecasts.db import session
from forecasts.store import daemon as state
from forecasts.store import outbox as outbox_store
from forecasts.store import overview

DUE_DAYS = 30


@dataclass
class DaemonView:
    running: bool
    pid: int | None = None
    host: str = ""
    since: datetime | None = None
    heartbeat_at: datetime | None = None
    current_job: str = ""


@dataclass
class Status:
    daemon: DaemonView
    jobs: list[dict[str, Any]] = field(default_factory=list)
    feeds_with_errors: list[dict[str, Any]] = field(default_factory=list)
    claims_by_status: dict[str, int] = field(default_factory=dict)
    claims_due_soon: list[dict[str, Any]] = field(default_factory=list)
    notifications: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _outcome(recorded: str, running: bool) -> str:
    # A job recorded as running when no daemon runs was cut short (kill -9, power loss): it
    # reruns when the daemon comes back, and meanwhile it is not running.
    return state.INTERRUPTED if recorded == state.RUNNING and not running else recorded


def daemon_view(s: Session, settings: Settings, now: datetime) -> DaemonView:
    """Whether a daemon runs (the lock on SQLite, a fresh heartbeat elsewhere) and what it does."""
    url = settings.resolved_database_url()
    inst = state.latest_instance(s)
    if lock_path(url) is not None:
        pid = holder_pid(url)
        running = pid is not None
    else:  # no lock file off SQLite: trust a fresh heartbeat
        stale = timedelta(seconds=3 * settings.daemon.heartbeat_seconds + 60)
        running = bool(inst and inst.stopped_at is None and now - inst.heartbeat_at < stale)
        pid = inst.pid if inst and running else None
    view = DaemonView(running=running, pid=pid)
    if inst is not None and running:
        view.host, view.since = inst.host, inst.started_at
        view.heartbeat_at, view.current_job = inst.heartbeat_at, inst.current_job
        beat = file_heartbeat(url)  # fresh even while a long job holds the write lock
        if beat is not None and beat > inst.heartbeat_at:
            view.heartbeat_at = beat
    return view


def job_rows(s: Session, job_names: Sequence[str], running: bool) -> list[dict[str, Any]]:
    """Each job's last run, outcome and (while a daemon runs) next run."""
    rows = {r.name: r for r in state.all_job_states(s)}
    jobs = []
    for name in job_names:
        r = rows.get(name)
        jobs.append(
            {
                "name": name,
                "last_started": r.last_started if r else None,
                "last_finished": r.last_finished if r else None,
                "last_outcome": _outcome(r.last_outcome, running) if r else "",
                "last_error": r.last_error if r else "",
                "last_summary": r.last_summary if r else "",
                "runs": r.runs if r else 0,
                "next_run": r.next_run if (r and running) else None,
            }
        )
    return jobs


def gather(engine: Engine, settings: Settings, now: datetime, job_names: Sequence[str]) -> Status:
    with session(engine) as s:
        view = daemon_view(s, settings, now)
        jobs = job_rows(s, job_names, view.running)
        feed_rows = overview.feeds_in_trouble(s)
        by_status = overview.claims_by_status(s)
        today = local_day(now, settings.zone)
        due_rows = [
            asdict(c) for c in overview.open_claims_due(s, today, today + timedelta(days=DUE_DAYS))
        ]
        notes = outbox_store.counts(s)
    return Status(view, jobs, feed_rows, by_status, due_rows, notes)
