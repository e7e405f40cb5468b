"""Queries over the daemon's own tables: job runs, the heartbeat and one-off marks.

When a job runs is the scheduler's rule (``forecasts.jobs.triggers.due_at``), not a query.

Every writer here takes a ``Session`` opened by ``forecasts.db.write_session`` (BEGIN
IMMEDIATE), and each is one short transaction: none is held across a job or a network call.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from forecasts.models.daemon import DaemonInstance, DaemonMark, JobState

RUNNING = "running"
INTERRUPTED = "interrupted"  # shown, never stored: recorded running, but no daemon runs
OK = "ok"
ERROR = "error"
SKIPPED = "skipped"


def job_state(s: Session, name: str) -> JobState:
    """The state row of ``name``, created empty if the job never ran."""
    row = s.get(JobState, name)
    if row is None:
        # Several daemons on PostgreSQL may create the same row at once: insert-or-nothing,
        # then read whichever row won, instead of failing on the unique key.
        table = JobState.__table__  # type: ignore[attr-defined]
        fresh = JobState(name=name).model_dump()
        insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
        s.connection().execute(insert(table).values(**fresh).on_conflict_do_nothing())
        row = s.get(JobState, name, populate_existing=True)
        assert row is not None
    return row


def all_job_states(s: Session) -> list[JobState]:
    return list(s.exec(select(JobState).order_by(col(JobState.name))).all())


def mark_started(s: Session, name: str, now: datetime) -> None:
    row = job_state(s, name)
    row.last_started = now
    row.last_outcome = RUNNING
    s.add(row)


def mark_finished(
    s: Session,
    name: str,
    now: datetime,
    outcome: str,
    *,
    summary: str = "",
    error: str = "",
    next_run: datetime | None = None,
) -> None:
    row = job_state(s, name)
    row.last_finished = now
    row.last_outcome = outcome
    row.last_summary = summary[:2000]
    row.last_error = error[:4000]
    if outcome in (OK, ERROR):
        row.runs += 1
    if next_run is not None:
        row.next_run = next_run
    s.add(row)


def set_next_run(s: Session, name: str, when: datetime | None) -> None:
    row = job_state(s, name)
    row.next_run = when
    s.add(row)


# --- heartbeat -------------------------------------------------------------------------------


def start_instance(s: Session, now: datetime) -> int:
    row = DaemonInstance(
        pid=os.getpid(), host=socket.gethostname(), started_at=now, heartbeat_at=now
    )
    s.add(row)
    s.flush()
    assert row.id is not None
    return row.id


def heartbeat(s: Session, instance_id: int, now: datetime, current_job: str | None = None) -> None:
    row = s.get(DaemonInstance, instance_id)
    if row is None:
        return
    row.heartbeat_at = now
    if current_job is not None:
        row.current_job = current_job
    s.add(row)


def stop_instance(s: Session, instance_id: int, now: datetime) -> None:
    row = s.get(DaemonInstance, instance_id)
    if row is None:
        return
    row.heartbeat_at = now
    row.stopped_at = now
    row.current_job = ""
    s.add(row)


def latest_instance(s: Session) -> DaemonInstance | None:
    return s.exec(select(DaemonInstance).order_by(col(DaemonInstance.id).desc()).limit(1)).first()


# --- marks -----------------------------------------------------------------------------------


def get_mark(s: Session, key: str) -> DaemonMark | None:
    return s.get(DaemonMark, key)


def set_mark(s: Session, key: str, value: str, now: datetime) -> None:
    row = s.get(DaemonMark, key)
    if row is None:
        row = DaemonMark(key=key, value=value, at=now)
    else:
        row.value = value
        row.at = now
    s.add(row)


@dataclass(frozen=True)
class JobView:
    """A job's state as `forecasts status` shows it."""

    name: str
    last_started: datetime | None
    last_finished: datetime | None
    last_outcome: str
    last_error: str
    last_summary: str
    runs: int
    next_run: datetime | None


def job_views(s: Session) -> list[JobView]:
    return [
        JobView(
            r.name,
            r.last_started,
            r.last_finished,
            r.last_outcome,
            r.last_error,
            r.last_summary,
            r.runs,
            r.next_run,
        )
        for r in all_job_states(s)
    ]
