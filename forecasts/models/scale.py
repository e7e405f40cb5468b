"""Tables used only by the PostgreSQL scale-out: leases and once-only work.

A ``Lease`` is a named, expiring right to do one piece of work (``feed:12``, ``claim:7``,
``report:2026-10``). Its holder renews it while working and releases it when done; a holder
that dies simply stops renewing, and once ``expires_at`` has passed anyone may take it over.
``generation`` counts the times the lease changed hands (a fencing token for logs and tests).

A ``OnceDone`` row says a piece of work that must happen once (the monthly report) is done; the
primary key makes a second row impossible, whatever races.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from forecasts.models.core import UTCDateTime


def _utc(*, index: bool = False) -> Any:
    return sa.Column(UTCDateTime(), nullable=False, index=index)


class Lease(SQLModel, table=True):
    """Who may do the work called ``name`` until ``expires_at``."""

    name: str = Field(primary_key=True, max_length=200)
    holder: str = Field(max_length=200, description="worker id: host:pid:random")
    acquired_at: datetime = Field(sa_column=_utc())
    expires_at: datetime = Field(sa_column=_utc(index=True))
    generation: int = Field(1, description="times the lease changed hands (fencing token)")


class OnceDone(SQLModel, table=True):
    """Work that must happen once (e.g. ``report:2026-10``) and has: one row per key, ever."""

    __tablename__ = "once_done"

    key: str = Field(primary_key=True, max_length=200)
    holder: str = Field(max_length=200)
    done_at: datetime = Field(sa_column=_utc())
    result: str = Field("", sa_column=sa.Column(sa.Text(), nullable=False, default=""))
