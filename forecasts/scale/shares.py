"""The hooks the daemon and the poll job call so that several daemons share one PostgreSQL.

Two kinds of work:
- Feeds are shared out: ``feed_shares`` hands this process the due feeds in chunks, each
  leased (``claim_due_feeds``), renewed while polled and released after, until none is left;
  other daemons take chunks at the same time, so the feeds of one cycle spread over all of
  them and each is polled once.
- Every other job (sync_feeds, seeds, search, extract, verify, expire, report, notify) runs on
  one daemon at a time: ``exclusive`` holds the lease ``job:NAME`` while it runs, and a daemon
  that finds it taken skips that run. So each claim is judged by one verify pass at a time and
  the monthly report (which checks its ``report:YYYY-MM`` mark inside the job) is written once.
  ``inbox`` stays per daemon: each host has its own inbox folder, and ingest is idempotent.
On SQLite (one daemon, the single-instance lock) both hooks change nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.config import ScaleSettings
from forecasts.db import is_sqlite, write_session
from forecasts.scale.keeper import LeaseKeeper
from forecasts.store import leases

WORKER = leases.worker_id()  # this process, as lease holder
PER_WORKER_JOBS = frozenset({"inbox", "poll"})  # never exclusive: see the module docstring


def shared(engine: Engine) -> bool:
    """True when several daemons may use this database (anything but SQLite)."""
    return not is_sqlite(engine)


@contextmanager
def exclusive(
    engine: Engine, job: str, clock: Clock, scale: ScaleSettings | None = None
) -> Iterator[bool]:
    """Hold ``job:NAME`` while the block runs; yields False if another daemon is running it."""
    if not shared(engine) or job in PER_WORKER_JOBS:
        yield True
        return
    seconds = (scale or ScaleSettings()).job_lease_seconds
    with LeaseKeeper(engine, leases.JOB + job, WORKER, clock, seconds=seconds) as keeper:
        yield bool(keeper.held)


def feed_shares(
    engine: Engine,
    clock: Clock,
    feed_ids: Sequence[int],
    *,
    forced: bool = False,
    scale: ScaleSettings | None = None,
) -> Iterator[list[int]]:
    """The feeds of ``feed_ids`` this process should poll, chunk by chunk (leased meanwhile).

    ``forced`` (a feed named on the command line, or ``--all``): the feeds are leased whether
    due or not, but still never polled by two processes at once.
    """
    if not shared(engine):
        yield list(feed_ids)
        return
    scale = scale or ScaleSettings()
    chunk, lease_seconds = scale.feed_chunk, scale.feed_lease_seconds
    remaining = list(feed_ids)
    while remaining:
        with write_session(engine) as s:
            if forced:
                names = leases.acquire_many(
                    s, map(leases.feed_lease, remaining[:chunk]), WORKER, clock.now(), lease_seconds
                )
                got = [int(n.removeprefix(leases.FEED)) for n in names]
            else:
                got = leases.claim_due_feeds(
                    s,
                    WORKER,
                    clock.now(),
                    limit=chunk,
                    lease_seconds=lease_seconds,
                    feed_ids=remaining,
                )
        if forced:
            remaining = remaining[chunk:]
        if not got:
            if forced:
                continue
            return
        taken = set(got)
        remaining = [i for i in remaining if i not in taken]
        names = [leases.feed_lease(i) for i in got]
        with LeaseKeeper(engine, names, WORKER, clock, seconds=lease_seconds, adopt=True):
            yield got
