"""Leases: named, expiring rights to work, on SQLite (one holder) and on PostgreSQL (many).

The tests without a marker run on SQLite, and on PostgreSQL when a server is configured; the
``postgres`` ones make several threads and processes compete for the same work.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import select

from forecasts.clock import FixedClock
from forecasts.db import session, write_session
from forecasts.models import Claim, Feed
from forecasts.scale import once
from forecasts.scale.keeper import LeaseKeeper
from forecasts.store import leases
from forecasts.store import once as once_done

REPO = Path(__file__).resolve().parent.parent
T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def make_feeds(engine: Engine, n: int, *, next_poll_at: datetime | None = None) -> list[int]:
    with write_session(engine) as s:
        start = s.exec(select(sa.func.count()).select_from(Feed)).one()
        feeds = [
            Feed(name=f"feed-{i:04d}", url=f"file:///feeds/{i}.xml", next_poll_at=next_poll_at)
            for i in range(start, start + n)
        ]
        s.add_all(feeds)
        s.flush()
        return [f.id for f in feeds if f.id is not None]


def poll(engine: Engine, worker: str, ids: list[int], now: datetime) -> None:
    """What a poller does after fetching: store the next poll time, then give the leases back."""
    with write_session(engine) as s:
        s.execute(
            sa.update(Feed)
            .where(Feed.id.in_(ids))  # type: ignore[union-attr]
            .values(next_poll_at=now + timedelta(hours=1), last_poll_at=now)
        )
    with write_session(engine) as s:
        leases.release_feeds(s, worker, ids)


# --- the lease itself ---------------------------------------------------------------------------


def test_a_live_lease_belongs_to_one_holder(engine: Engine) -> None:
    """A free lease is granted; while it lives nobody else gets it; its holder can extend it."""
    with write_session(engine) as s:
        assert leases.acquire(s, "job:verify", "a", T0, 60)
        assert not leases.acquire(s, "job:verify", "b", T0 + timedelta(seconds=30), 60)
        assert leases.acquire(s, "job:verify", "a", T0 + timedelta(seconds=30), 60)
        info = leases.current(s, "job:verify", T0 + timedelta(seconds=80))
    assert info is not None
    assert (info.holder, info.generation, info.acquired_at) == ("a", 1, T0)
    assert info.expires_at == T0 + timedelta(seconds=90)


def test_an_expired_lease_is_taken_over(engine: Engine) -> None:
    """Once expires_at has passed (its holder died), another worker gets it: generation + 1."""
    with write_session(engine) as s:
        assert leases.acquire(s, "feed:1", "dead", T0, 60)
    later = T0 + timedelta(seconds=60)
    with write_session(engine) as s:
        assert leases.current(s, "feed:1", later) is None
        assert leases.acquire(s, "feed:1", "alive", later, 60)
        info = leases.current(s, "feed:1", later)
    assert info is not None and (info.holder, info.generation) == ("alive", 2)


def test_only_the_holder_renews_or_releases(engine: Engine) -> None:
    """Renew and release touch only one's own leases; a lost lease is missing from renew."""
    with write_session(engine) as s:
        assert leases.acquire_many(s, ["x", "y"], "a", T0, 60) == ["x", "y"]
        assert leases.renew(s, ["x", "y"], "b", T0, 60) == []
        assert leases.release(s, ["x"], "b") == 0
        assert leases.renew(s, ["x", "y"], "a", T0 + timedelta(seconds=50), 60) == ["x", "y"]
        assert leases.release(s, ["x"], "a") == 1
        assert leases.acquire(s, "x", "b", T0 + timedelta(seconds=51), 60)
        assert leases.renew(s, ["x", "y"], "a", T0 + timedelta(seconds=52), 60) == ["y"]


def test_acquire_many_grants_only_the_free_names(engine: Engine) -> None:
    with write_session(engine) as s:
        leases.acquire(s, "b", "other", T0, 60)
        assert leases.acquire_many(s, ["c", "a", "b", "a"], "me", T0, 60) == ["a", "c"]


def test_purge_drops_long_expired_leases(engine: Engine) -> None:
    with write_session(engine) as s:
        leases.acquire_many(s, ["old", "new"], "a", T0, 60)
        leases.renew(s, ["new"], "a", T0 + timedelta(hours=3), 60)
        assert leases.purge_expired(s, T0 + timedelta(hours=2), grace_seconds=3600) == 1
        assert leases.current(s, "new", T0 + timedelta(hours=3)) is not None


# --- feeds ----------------------------------------------------------------------------------


def test_due_feeds_are_leased_to_one_worker(engine: Engine) -> None:
    """Due (and never polled) feeds go to the first worker; the second gets the rest."""
    due = make_feeds(engine, 3, next_poll_at=T0 - timedelta(minutes=5))
    never = make_feeds(engine, 1)
    make_feeds(engine, 2, next_poll_at=T0 + timedelta(minutes=5))  # not due
    with write_session(engine) as s:
        disabled = Feed(name="off", url="file:///off", disabled_reason="gone (410)")
        s.add(disabled)
    with write_session(engine) as s:
        first = leases.claim_due_feeds(s, "a", T0, limit=2)
    with write_session(engine) as s:
        second = leases.claim_due_feeds(s, "b", T0, limit=10)
    assert first == sorted(never + due[:1])  # never-polled first, then the most overdue
    assert second == due[1:]


def test_a_polled_feed_is_not_polled_again_in_its_interval(engine: Engine) -> None:
    """After a worker stores the next poll time and releases, the feed is not due for anyone."""
    ids = make_feeds(engine, 2)
    with write_session(engine) as s:
        got = leases.claim_due_feeds(s, "a", T0)
    poll(engine, "a", got, T0)
    with write_session(engine) as s:
        assert leases.claim_due_feeds(s, "b", T0 + timedelta(minutes=1)) == []
        assert leases.claim_due_feeds(s, "b", T0 + timedelta(hours=1)) == ids


def test_a_dead_workers_feeds_are_taken_over_after_the_lease(engine: Engine) -> None:
    """A worker that leased feeds and died: they wait out the lease, then go to another."""
    ids = make_feeds(engine, 3)
    with write_session(engine) as s:
        assert leases.claim_due_feeds(s, "dead", T0, lease_seconds=120) == ids
    with write_session(engine) as s:
        assert leases.claim_due_feeds(s, "b", T0 + timedelta(seconds=119)) == []
    with write_session(engine) as s:
        assert leases.claim_due_feeds(s, "b", T0 + timedelta(seconds=120)) == ids


def test_claiming_can_be_limited_to_given_feeds(engine: Engine) -> None:
    ids = make_feeds(engine, 4)
    with write_session(engine) as s:
        assert leases.claim_due_feeds(s, "a", T0, feed_ids=ids[1:3]) == ids[1:3]


# --- claims ---------------------------------------------------------------------------------


def make_claims(engine: Engine, n: int) -> list[int]:
    from forecasts.models import Article

    with write_session(engine) as s:
        article = Article(content_hash="h", text="t", reference_date=T0.date(), ingested_at=T0)
        s.add(article)
        s.flush()
        assert article.id is not None
        claims = [
            Claim(
                article_id=article.id,
                sentence=f"s{i}",
                claim=f"c{i}",
                due_earliest=T0.date(),
                due_latest=T0.date(),
                created_at=T0,
            )
            for i in range(n)
        ]
        s.add_all(claims)
        s.flush()
        return [c.id for c in claims if c.id is not None]


def test_each_claim_is_judged_by_one_worker_at_a_time(engine: Engine) -> None:
    """Leased claims are busy for others until released or expired."""
    ids = make_claims(engine, 4)
    with write_session(engine) as s:
        mine = leases.claim_open_claims(s, "a", T0, limit=3)
        theirs = leases.lease_claims(s, "b", ids, T0)
    assert mine == ids[:3] and theirs == ids[3:]
    with write_session(engine) as s:
        leases.release_claims(s, "a", mine)
        assert leases.lease_claims(s, "b", ids, T0) == ids


# --- once-only work and the keeper --------------------------------------------------------------


def test_work_is_done_once(engine: Engine) -> None:
    """The second run of a done key does nothing; a failed run leaves it for a retry."""
    calls: list[str] = []
    clock = FixedClock(T0)

    def fail() -> str:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        once.run_once(engine, "report:2026-10", "a", clock, fail)
    assert once.run_once(engine, "report:2026-10", "b", clock, lambda: calls.append("b"))[0]
    assert not once.run_once(engine, "report:2026-10", "c", clock, lambda: calls.append("c"))[0]
    assert calls == ["b"]
    with session(engine) as s:
        assert once_done.is_done(s, "report:2026-10")


def test_work_in_progress_elsewhere_is_not_started(engine: Engine) -> None:
    """While one worker holds the attempt, another does not start; after its expiry it may."""
    with write_session(engine) as s:
        assert once.begin(s, "k", "a", T0, 60)
        assert not once.begin(s, "k", "b", T0 + timedelta(seconds=10), 60)
        assert once.begin(s, "k", "b", T0 + timedelta(seconds=61), 60)
        assert once.finish(s, "k", "b", T0 + timedelta(seconds=62))
        assert not once.begin(s, "k", "a", T0 + timedelta(hours=1), 60)


def test_the_keeper_holds_then_releases(engine: Engine) -> None:
    clock = FixedClock(T0)
    with LeaseKeeper(engine, "job:expire", "a", clock, seconds=60) as k:
        assert k.all_held
        with LeaseKeeper(engine, "job:expire", "b", clock, seconds=60) as other:
            assert not other.held
    with write_session(engine) as s:
        assert leases.current(s, "job:expire", T0) is None


# --- real competition on PostgreSQL -------------------------------------------------------------


@pytest.mark.postgres
def test_threads_poll_each_due_feed_exactly_once(engine: Engine) -> None:
    """Eight workers racing over 300 due feeds: every feed polled once, none twice."""
    ids = make_feeds(engine, 300)
    polled: Counter[int] = Counter()
    guard = threading.Lock()
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            while True:
                with write_session(engine) as s:
                    got = leases.claim_due_feeds(s, name, T0, limit=7)
                if not got:
                    with session(engine) as s:
                        left = s.exec(
                            select(sa.func.count())
                            .select_from(Feed)
                            .where(Feed.last_poll_at.is_(None))  # type: ignore[union-attr]
                        ).one()
                    if left == 0:
                        return
                    continue
                with guard:
                    polled.update(got)
                poll(engine, name, got, T0)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert sorted(polled) == ids
    assert max(polled.values()) == 1


@pytest.mark.postgres
def test_threads_race_for_one_lease_and_one_wins(engine: Engine) -> None:
    """Twenty workers asking for the same leases at the same instant: each goes to exactly one."""
    names = [f"claim:{i}" for i in range(50)]
    won: dict[str, list[str]] = {}
    barrier = threading.Barrier(20)
    guard = threading.Lock()

    def worker(name: str) -> None:
        barrier.wait()
        with write_session(engine) as s:
            got = leases.acquire_many(s, names, name, T0, 60)
        with guard:
            for n in got:
                won.setdefault(n, []).append(name)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(won) == sorted(names)
    assert all(len(holders) == 1 for holders in won.values())


@pytest.mark.postgres
def test_threads_write_the_monthly_report_once(engine: Engine) -> None:
    """Ten workers start the same month's report together: it is written exactly once."""
    written: list[str] = []
    barrier = threading.Barrier(10)

    def worker(name: str) -> None:
        barrier.wait()
        once.run_once(engine, "report:2026-10", name, FixedClock(T0), lambda: written.append(name))

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(written) == 1


WORKER_SCRIPT = """
import sys
from datetime import datetime, timezone, timedelta
import sqlalchemy as sa
from forecasts.db import open_database, write_session
from forecasts.models import Feed
from forecasts.store import leases
from forecasts.store import once as once_done

engine = open_database(sys.argv[1], migrate_schema=False)
now = datetime.fromisoformat(sys.argv[2])
worker = leases.worker_id()
while True:
    with write_session(engine) as s:
        got = leases.claim_due_feeds(s, worker, now, limit=5)
    if not got:
        break
    with write_session(engine) as s:
        s.execute(sa.update(Feed).where(Feed.id.in_(got)).values(next_poll_at=now + timedelta(hours=1)))
    with write_session(engine) as s:
        leases.release_feeds(s, worker, got)
    print(" ".join(map(str, got)), flush=True)
"""


@pytest.mark.postgres
@pytest.mark.slow
def test_processes_poll_each_due_feed_exactly_once(engine: Engine, db_url: str) -> None:
    """Three worker processes over 400 due feeds: each feed polled by exactly one of them."""
    ids = make_feeds(engine, 400)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER_SCRIPT, db_url, T0.isoformat()],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0]
    polled = Counter(int(x) for out in outputs for x in out.split())
    assert sorted(polled) == ids and max(polled.values()) == 1
