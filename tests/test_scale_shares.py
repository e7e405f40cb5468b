"""The hooks the daemon and the poll job call: on SQLite they change nothing; on PostgreSQL
feeds go out in leased chunks and shared jobs run on one daemon at a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine

from forecasts.clock import FixedClock
from forecasts.config import ScaleSettings
from forecasts.db import is_sqlite, write_session
from forecasts.scale import shares
from forecasts.store import leases
from tests.test_scale_leases import make_feeds, poll

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def test_on_sqlite_every_feed_is_ours_and_every_job_runs(engine: Engine) -> None:
    if not is_sqlite(engine):
        pytest.skip("SQLite only")
    ids = make_feeds(engine, 5)
    assert list(shares.feed_shares(engine, FixedClock(T0), ids)) == [ids]
    with shares.exclusive(engine, "verify", FixedClock(T0)) as ours:
        assert ours


@pytest.mark.postgres
def test_feeds_go_out_in_leased_chunks_until_none_is_due(engine: Engine) -> None:
    """Each chunk is leased while it is polled, released after; another worker sees it busy."""
    ids = make_feeds(engine, 7)
    clock = FixedClock(T0)
    seen: list[list[int]] = []
    for chunk in shares.feed_shares(engine, clock, ids, scale=ScaleSettings(feed_chunk=3)):
        seen.append(chunk)
        with write_session(engine) as s:
            assert leases.claim_due_feeds(s, "other", T0, feed_ids=chunk) == []
        poll(engine, shares.WORKER, chunk, T0)
    assert seen == [ids[:3], ids[3:6], ids[6:]]
    with write_session(engine) as s:
        assert leases.current(s, leases.feed_lease(ids[0]), T0) is None


@pytest.mark.postgres
def test_feeds_another_worker_holds_are_skipped(engine: Engine) -> None:
    ids = make_feeds(engine, 4)
    with write_session(engine) as s:
        leases.claim_due_feeds(s, "other", T0, feed_ids=ids[:2])
    got = [i for chunk in shares.feed_shares(engine, FixedClock(T0), ids) for i in chunk]
    assert got == ids[2:]


@pytest.mark.postgres
def test_a_named_feed_is_polled_even_if_not_due_but_never_twice_at_once(engine: Engine) -> None:
    ids = make_feeds(engine, 2, next_poll_at=T0 + timedelta(hours=1))
    clock = FixedClock(T0)
    assert list(shares.feed_shares(engine, clock, ids)) == []
    assert list(shares.feed_shares(engine, clock, ids[:1], forced=True)) == [ids[:1]]
    with write_session(engine) as s:
        leases.acquire(s, leases.feed_lease(ids[1]), "other", T0, 60)
    assert list(shares.feed_shares(engine, clock, ids[1:], forced=True)) == []


@pytest.mark.postgres
def test_a_shared_job_runs_on_one_daemon_at_a_time(engine: Engine) -> None:
    """While one daemon runs verify, another skips it; inbox and poll run everywhere."""
    clock = FixedClock(T0)
    with shares.exclusive(engine, "verify", clock) as first:
        with write_session(engine) as s:
            assert not leases.acquire(s, "job:verify", "other", T0, 60)
        assert first
    with write_session(engine) as s:
        assert leases.acquire(s, "job:verify", "other", T0, 60)
    with shares.exclusive(engine, "verify", clock) as second:
        assert not second
    with shares.exclusive(engine, "inbox", clock) as inbox:
        assert inbox
