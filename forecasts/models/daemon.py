"""Tables used only by the daemon: job state, heartbeat, one-off marks, notification outbox.

The scheduler keeps its jobs in memory (defined in code at start); everything that must
survive a restart lives here, so the daemon catches up from the database, not from the
scheduler's memory.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from forecasts.models.core import UTCDateTime


def _utc(*, nullable: bool = True, index: bool = False) -> Any:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


def _text() -> Any:
    return sa.Column(sa.Text(), nullable=False, default="")


class JobState(SQLModel, table=True):
    """The last run of one scheduled job. ``last_outcome`` is running/ok/error/unavailable."""

    __tablename__ = "job_state"

    name: str = Field(primary_key=True)
    last_started: datetime | None = Field(default=None, sa_column=_utc())
    last_finished: datetime | None = Field(default=None, sa_column=_utc())
    last_outcome: str = ""
    last_error: str = Field(default="", sa_column=_text())
    last_summary: str = Field(default="", sa_column=_text())
    runs: int = 0
    next_run: datetime | None = Field(default=None, sa_column=_utc())


class DaemonInstance(SQLModel, table=True):
    """One start of the daemon; the heartbeat says it is alive and what it is doing."""

    __tablename__ = "daemon_instance"

    id: int | None = Field(default=None, primary_key=True)
    pid: int
    host: str = ""
    started_at: datetime = Field(sa_column=_utc(nullable=False))
    heartbeat_at: datetime = Field(sa_column=_utc(nullable=False))
    current_job: str = ""
    stopped_at: datetime | None = Field(default=None, sa_column=_utc())


class DaemonMark(SQLModel, table=True):
    """A named one-off fact: seeds ingested, a month's report written, a notification cursor."""

    __tablename__ = "daemon_mark"

    key: str = Field(primary_key=True)
    value: str = ""
    at: datetime = Field(sa_column=_utc(nullable=False))


class Outbox(SQLModel, table=True):
    """A notification for one channel, kept until delivered or given up (never lost silently)."""

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    dedup_key: str = Field(unique=True, description="channel + event: each event once per channel")
    channel: str = Field(description="'webhook' or 'email'")
    kind: str = Field(description="resolved, needs_review, due_soon, report")
    subject: str = ""
    body: str = Field(default="", sa_column=_text())
    payload: dict[str, Any] = Field(
        default_factory=dict, sa_column=sa.Column(sa.JSON(), nullable=False, default=dict)
    )
    created_at: datetime = Field(sa_column=_utc(nullable=False))
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=_utc(nullable=False, index=True))
    sent_at: datetime | None = Field(default=None, sa_column=_utc())
    gave_up: bool = False
    last_error: str = Field(default="", sa_column=_text())
