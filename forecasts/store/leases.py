"""Database leases: named, expiring rights to do work, shared by several workers.

Several daemons on one PostgreSQL database divide the work with rows of ``lease``:

- ``acquire_many`` is one ``INSERT ... ON CONFLICT (name) DO UPDATE ... WHERE the lease has
  expired or is already ours ... RETURNING name``. PostgreSQL decides a conflicting upsert
  against the newest committed row, so of two workers racing for a name exactly one gets it,
  whatever their snapshots; the loser simply does not see the name come back.
- A holder renews while it works; a holder that dies (kill -9, lost machine) stops renewing and
  once ``expires_at`` has passed anyone may take the work over (``generation`` goes up).
- ``claim_due_feeds`` picks due feeds with ``SELECT ... FOR UPDATE SKIP LOCKED`` (so workers
  do not queue behind each other's candidates), leases them, and then re-reads which of them
  are still due: a feed another worker polled and released a moment ago has moved its
  ``next_poll_at`` on, and is given back. So each due feed is polled by one worker per interval,
  provided the poller stores the feed's next poll time *before* (or with) releasing its lease.

On SQLite the same statements run (SQLite has ``ON CONFLICT ... DO UPDATE ... RETURNING``; the
``FOR UPDATE`` clause is dropped) under the single-instance rule: one daemon, so every lease is
simply granted to it. Times come from the caller's clock; workers on several machines need
their clocks in step (NTP) to well under the lease length.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from forecasts.models import Claim, ClaimStatus, Feed
from forecasts.models.scale import Lease

FEED = "feed:"
CLAIM = "claim:"
JOB = "job:"


def worker_id() -> str:
    """A name for this process, unique across hosts and restarts: ``host:pid:random``."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass(frozen=True)
class LeaseInfo:
    name: str
    holder: str
    acquired_at: datetime
    expires_at: datetime
    generation: int


def _insert(session: Session) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT."""
    dialect = session.get_bind().dialect.name
    return (postgresql if dialect == "postgresql" else sqlite).insert(Lease)


def acquire_many(
    session: Session, names: Iterable[str], holder: str, now: datetime, seconds: float
) -> list[str]:
    """Take the leases that are free, expired or already ours; return the names we now hold."""
    wanted = sorted(set(names))  # one lock order for everyone: no deadlocks between workers
    if not wanted:
        return []
    expires = now + timedelta(seconds=seconds)
    table = Lease.__table__  # type: ignore[attr-defined]
    stmt = _insert(session).values(
        [
            {
                "name": n,
                "holder": holder,
                "acquired_at": now,
                "expires_at": expires,
                "generation": 1,
            }
            for n in wanted
        ]
    )
    ours = table.c.holder == stmt.excluded.holder
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.name],
        set_={
            "holder": stmt.excluded.holder,
            "expires_at": stmt.excluded.expires_at,
            "acquired_at": sa.case((ours, table.c.acquired_at), else_=stmt.excluded.acquired_at),
            "generation": sa.case((ours, table.c.generation), else_=table.c.generation + 1),
        },
        where=sa.or_(table.c.expires_at <= now, ours),
    ).returning(table.c.name)
    got = session.execute(stmt).scalars().all()
    return sorted(got)


def acquire(session: Session, name: str, holder: str, now: datetime, seconds: float) -> bool:
    """Take one lease if it is free, expired or already ours (then it is extended)."""
    return bool(acquire_many(session, [name], holder, now, seconds))


def renew(
    session: Session, names: Iterable[str], holder: str, now: datetime, seconds: float
) -> list[str]:
    """Extend the leases we still hold; return their names (a lost lease is missing)."""
    wanted = sorted(set(names))
    if not wanted:
        return []
    stmt = (
        sa.update(Lease)
        .where(col(Lease.name).in_(wanted), col(Lease.holder) == holder)
        .values(expires_at=now + timedelta(seconds=seconds))
        .returning(col(Lease.name))
    )
    return sorted(session.execute(stmt).scalars().all())


def release(session: Session, names: Iterable[str], holder: str) -> int:
    """Give up leases we hold (others' leases are left alone); return how many went."""
    wanted = sorted(set(names))
    if not wanted:
        return 0
    stmt = sa.delete(Lease).where(col(Lease.name).in_(wanted), col(Lease.holder) == holder)
    return int(session.execute(stmt).rowcount)  # type: ignore[attr-defined]


def current(session: Session, name: str, now: datetime) -> LeaseInfo | None:
    """The live lease called ``name``, or None if there is none or it has expired."""
    row = session.get(Lease, name)
    if row is None or row.expires_at <= now:
        return None
    return LeaseInfo(row.name, row.holder, row.acquired_at, row.expires_at, row.generation)


def purge_expired(session: Session, now: datetime, *, grace_seconds: float = 3600) -> int:
    """Delete leases expired for longer than ``grace_seconds`` (keeps the table small)."""
    cutoff = now - timedelta(seconds=grace_seconds)
    stmt = sa.delete(Lease).where(col(Lease.expires_at) < cutoff)
    return int(session.execute(stmt).rowcount)  # type: ignore[attr-defined]


# --- feeds: each due feed polled by exactly one worker per interval ----------------------------


def feed_lease(feed_id: int) -> str:
    return f"{FEED}{feed_id}"


def _lease_name_of(prefix: str, id_column: Any) -> Any:
    return sa.literal(prefix) + sa.cast(id_column, sa.String)


def _due(now: datetime) -> Any:
    return sa.and_(
        col(Feed.disabled_reason) == "",
        sa.or_(col(Feed.next_poll_at).is_(None), col(Feed.next_poll_at) <= now),
    )


def claim_due_feeds(
    session: Session,
    worker: str,
    now: datetime,
    *,
    limit: int = 100,
    lease_seconds: float = 300,
    feed_ids: Sequence[int] | None = None,
) -> list[int]:
    """Lease up to ``limit`` due feeds (of ``feed_ids`` if given) for ``worker``; their ids.

    Commit promptly: the row locks of ``FOR UPDATE SKIP LOCKED`` are held until then. Poll the
    feeds, store each one's next poll time, then ``release_feeds``.
    """
    live = sa.exists().where(
        col(Lease.name) == _lease_name_of(FEED, Feed.id), col(Lease.expires_at) > now
    )
    stmt = select(Feed.id).where(_due(now), ~live)
    if feed_ids is not None:
        stmt = stmt.where(col(Feed.id).in_(list(feed_ids)))
    stmt = (
        stmt.order_by(col(Feed.next_poll_at).asc().nulls_first(), col(Feed.id))
        .limit(limit)
        .with_for_update(skip_locked=True, of=Feed)
    )
    candidates = [int(i) for i in session.exec(stmt).all() if i is not None]
    held = acquire_many(session, map(feed_lease, candidates), worker, now, lease_seconds)
    ids = [int(name.removeprefix(FEED)) for name in held]
    if not ids:
        return []
    # Re-read under the leases (a new snapshot on PostgreSQL): a feed polled and released by
    # another worker since our first read is no longer due, and goes back.
    still_due = set(session.exec(select(Feed.id).where(col(Feed.id).in_(ids), _due(now))).all())
    gone = [i for i in ids if i not in still_due]
    release(session, map(feed_lease, gone), worker)
    return sorted(i for i in ids if i in still_due)


def release_feeds(session: Session, worker: str, feed_ids: Iterable[int]) -> int:
    """Give back the feeds' leases (after their next poll times are stored)."""
    return release(session, map(feed_lease, feed_ids), worker)


# --- claims: each claim judged by one worker at a time ------------------------------------------


def claim_lease(claim_id: int) -> str:
    return f"{CLAIM}{claim_id}"


def lease_claims(
    session: Session,
    worker: str,
    claim_ids: Iterable[int],
    now: datetime,
    *,
    lease_seconds: float = 300,
) -> list[int]:
    """Of ``claim_ids``, the ones ``worker`` may judge now (leased to it); the rest are busy."""
    held = acquire_many(session, map(claim_lease, claim_ids), worker, now, lease_seconds)
    return sorted(int(name.removeprefix(CLAIM)) for name in held)


def claim_open_claims(
    session: Session,
    worker: str,
    now: datetime,
    *,
    limit: int = 100,
    lease_seconds: float = 300,
) -> list[int]:
    """Lease up to ``limit`` open claims nobody is judging, least recently checked first."""
    live = sa.exists().where(
        col(Lease.name) == _lease_name_of(CLAIM, Claim.id), col(Lease.expires_at) > now
    )
    stmt = (
        select(Claim.id)
        .where(col(Claim.status) == ClaimStatus.OPEN.value, ~live)
        .order_by(col(Claim.checked_at).asc().nulls_first(), col(Claim.id))
        .limit(limit)
        .with_for_update(skip_locked=True, of=Claim)
    )
    candidates = [int(i) for i in session.exec(stmt).all() if i is not None]
    return lease_claims(session, worker, candidates, now, lease_seconds=lease_seconds)


def release_claims(session: Session, worker: str, claim_ids: Iterable[int]) -> int:
    return release(session, map(claim_lease, claim_ids), worker)
