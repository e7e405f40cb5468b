"""Injected time: library code takes a ``Clock`` (or a ``now``), never reads the wall clock.

Only the edges (CLI commands, the daemon) construct ``SystemClock``; tests and the backtest
use ``FixedClock`` and move it by hand, so a whole pipeline can be replayed "as of" any date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._now += delta


def start_of_day(day: date) -> datetime:
    """Midnight UTC at the start of ``day``."""
    return datetime.combine(day, time.min, tzinfo=UTC)


def end_of_day(day: date) -> datetime:
    """The last representable instant of ``day`` in UTC."""
    return datetime.combine(day, time.max, tzinfo=UTC)


def local_day(now: datetime, zone: tzinfo) -> date:
    """The calendar day ``now`` falls on in the configured zone: the one "today" rule used
    for dating articles and items, judging and expiring claims, and due-soon notices."""
    return now.astimezone(zone).date()
