"""Work that must be done once however many workers race for it (the monthly report).

A lease ``once:KEY`` makes the attempt exclusive (a crashed attempt's lease expires and
another worker retries), and a ``once_done`` row, unique by key, records success: once it
exists nobody starts again. Between them a piece of work is finished exactly once and never
run by two workers at the same time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session

from forecasts.clock import Clock
from forecasts.db import write_session
from forecasts.store import leases
from forecasts.store import once as once_done

T = TypeVar("T")
PREFIX = "once:"


def begin(session: Session, key: str, holder: str, now: datetime, lease_seconds: float) -> bool:
    """True if ``holder`` should do the work now: not done yet, and nobody else is at it."""
    if once_done.is_done(session, key):
        return False
    if not leases.acquire(session, PREFIX + key, holder, now, lease_seconds):
        return False
    # Another worker may have finished and released between our two reads: look again.
    session.expire_all()
    if once_done.is_done(session, key):
        leases.release(session, [PREFIX + key], holder)
        return False
    return True


def finish(session: Session, key: str, holder: str, now: datetime, result: str = "") -> bool:
    """Record the work as done and release the attempt; False if it was already recorded."""
    fresh = once_done.record_done(session, key, holder, now, result)
    leases.release(session, [PREFIX + key], holder)
    return fresh


def abandon(session: Session, key: str, holder: str) -> None:
    """Give up an attempt (it failed): another worker, or a later run, may try again."""
    leases.release(session, [PREFIX + key], holder)


def run_once(
    engine: Engine,
    key: str,
    holder: str,
    clock: Clock,
    work: Callable[[], T],
    *,
    lease_seconds: float = 600,
    describe: Callable[[T], str] = lambda _: "",
) -> tuple[bool, T | None]:
    """Run ``work`` unless it is done or running elsewhere: (ran, its result)."""
    with write_session(engine) as s:
        if not begin(s, key, holder, clock.now(), lease_seconds):
            return False, None
    try:
        result = work()
    except BaseException:
        with write_session(engine) as s:
            abandon(s, key, holder)
        raise
    with write_session(engine) as s:
        finish(s, key, holder, clock.now(), describe(result))
    return True, result
