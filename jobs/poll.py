"""Poll feeds: the job behind `forecasts poll` and the daemon's collector.

The feed table is first reconciled with config.toml (and, for search feeds, the open claims)
by ``forecasts.feeds.sync``; then:

For each feed to visit: fetch (remote, with every guard of ``feeds.fetch``) or read (local), skip
parsing when the body is byte-identical to the last one, parse (in a process pool when there are
many feeds: feedparser, not the network, is the bottleneck), then write the new items, the
validators and the next poll time in one transaction, which holds many feeds when they arrive
faster than one is written (group commit, ``_Poller._record``). One feed's failure is recorded on
that feed and never stops the others.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import random
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.config import FetchSettings, Settings
from forecasts.db import session, write_session
from forecasts.errors import FetchError, ForecastsError
from forecasts.feeds import cadence, sync
from forecasts.feeds.fetch import Fetcher, FetchResult
from forecasts.feeds.items import ParsedDocuments, parse_documents
from forecasts.feeds.local import documents_hash, is_local, read_local
from forecasts.feeds.sync import SyncSummary
from forecasts.jobs.workers import process_pool
from forecasts.models import Feed
from forecasts.scale import shares
from forecasts.store import feeds as feed_store
from forecasts.store.items import prune_items

log = logging.getLogger("forecasts.poll")

POOL_MIN_FEEDS = 16  # below this, starting parser processes costs more than it saves
# One write transaction holds at most this many feeds or items (about 0.1 s of SQLite's lock).
WRITE_BATCH_FEEDS = 200
WRITE_BATCH_ITEMS = 2_500
# How long the first outcome waiting to be written waits for more to join it: a transaction
# (its commit, lookups and search-index flush) costs about as much for one feed as for fifty.
WRITE_DELAY_SECONDS = 1.0
REMOVED = "the feed was removed during the poll"


@dataclass
class FeedOutcome:
    """What happened to one feed in one poll."""

    feed: str
    outcome: str  # ok | not_modified | unchanged | gone | retry | error
    new_items: int = 0
    error: str = ""


@dataclass
class PollSummary:
    polled: int = 0
    ok: int = 0
    not_modified: int = 0
    errors: int = 0
    new_items: int = 0
    pruned: int = 0
    feeds: list[FeedOutcome] = field(default_factory=list)

    def add(self, outcome: FeedOutcome) -> None:
        self.polled += 1
        self.new_items += outcome.new_items
        self.feeds.append(outcome)
        if outcome.outcome == "ok":
            self.ok += 1
        elif outcome.outcome in ("not_modified", "unchanged"):
            self.not_modified += 1
        else:
            self.errors += 1


Progress = Callable[[int, int, FeedOutcome], None]


@dataclass(frozen=True)
class _Task:
    """A plain snapshot of a feed row: the async part never touches ORM objects."""

    id: int
    name: str
    url: str
    etag: str
    last_modified: str
    body_hash: str
    interval_minutes: int | None
    consecutive_errors: int
    last_unconditional_at: datetime | None

    @classmethod
    def of(cls, feed: Feed) -> _Task:
        assert feed.id is not None
        return cls(
            feed.id,
            feed.name,
            feed.url,
            feed.etag,
            feed.last_modified,
            feed.body_hash,
            feed.interval_minutes,
            feed.consecutive_errors,
            feed.last_unconditional_at,
        )


def sync_config_feeds(engine: Engine, settings: Settings, clock: Clock) -> SyncSummary:
    """The sync_feeds job: the feed table made to match config.toml's [[feeds]]."""
    return sync.sync_config_feeds(engine, settings, clock)


def poll_feeds(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    *,
    feed_name: str | None = None,
    due_only: bool = True,
    progress: Progress | None = None,
    origins: Sequence[str] | None = None,
    rng: random.Random | None = None,
) -> PollSummary:
    """Poll the due feeds (or the one named, due or not) and store what they hold."""
    # Scale hook: daemons starting together must not insert the same configured feed twice.
    with shares.exclusive(engine, "sync_feeds", clock, settings.scale) as ours:
        if ours:
            sync_config_feeds(engine, settings, clock)
    with session(engine) as s:
        if feed_name is not None:
            tasks = [_Task.of(feed_store.require_feed(s, feed_name))]
        else:
            rows = feed_store.poll_rows(s, clock.now(), due_only=due_only, origins=origins)
            tasks = [_Task(*row) for row in rows]
    if not tasks:
        return PollSummary()
    rng = rng or random.Random()  # noqa: S311 (jitter, not crypto)
    # Scale hook: on PostgreSQL several daemons share the due feeds; this process polls the
    # chunks leased to it (on SQLite: one chunk, all of them). See forecasts/scale/shares.py.
    forced = feed_name is not None or not due_only
    summary = PollSummary()
    for ids in shares.feed_shares(
        engine, clock, [t.id for t in tasks], forced=forced, scale=settings.scale
    ):
        mine = set(ids)
        part = asyncio.run(
            _Poller(engine, settings, clock, rng, progress).run([t for t in tasks if t.id in mine])
        )
        for outcome in part.feeds:
            summary.add(outcome)
    summary.pruned = prune_old_items(engine, settings, clock)
    return summary


def prune_old_items(engine: Engine, settings: Settings, clock: Clock) -> int:
    """Apply fetch.retention_days (nothing when 0); deleted items leave tombstones."""
    if not settings.fetch.retention_days:
        return 0
    now = clock.now()
    with write_session(engine) as s:
        return prune_items(s, now - timedelta(days=settings.fetch.retention_days), now)


def _parse_workers(fetch: FetchSettings, feeds: int) -> int:
    if feeds < POOL_MIN_FEEDS:
        return 1
    wanted = fetch.parse_processes or (os.cpu_count() or 1)
    return max(1, min(wanted, feeds))


class _Poller:
    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        clock: Clock,
        rng: random.Random,
        progress: Progress | None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.fetch = settings.fetch
        self.clock = clock
        self.rng = rng
        self.progress = progress
        self.summary = PollSummary()
        self.total = 0
        self.pool: Executor | None = None
        # Outcomes waiting to be written, and whether a write is running (see _record).
        self.pending: list[tuple[feed_store.PollRecord, asyncio.Future[int | None]]] = []
        self.pending_items = 0
        self.writing = False
        self.active = 0  # feeds whose poll has started and not finished
        self.arrived = asyncio.Event()  # set when an outcome joins ``pending``

    async def run(self, tasks: list[_Task]) -> PollSummary:
        self.total = len(tasks)
        workers = _parse_workers(self.fetch, len(tasks))
        if workers > 1:
            self.pool = process_pool(workers)  # its processes end when this one does
        try:
            async with Fetcher(self.fetch) as fetcher:
                await asyncio.gather(*(self._one(fetcher, task) for task in tasks))
        finally:
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)
        return self.summary

    async def _one(self, fetcher: Fetcher, task: _Task) -> None:
        self.active += 1
        try:
            outcome = await self._poll(fetcher, task)
        except Exception as exc:  # one feed must never stop the others; record and go on
            log.exception("feed=%s id=%d internal error", task.name, task.id)
            outcome = await self._failed(task, f"internal error: {type(exc).__name__}: {exc}")
        finally:
            self.active -= 1
        log.info(
            "feed=%s id=%d outcome=%s new=%d %s",
            task.name,
            task.id,
            outcome.outcome,
            outcome.new_items,
            outcome.error,
        )
        self.summary.add(outcome)
        if self.progress is not None:
            self.progress(self.summary.polled, self.total, outcome)

    def _unconditional_due(self, task: _Task, now: datetime) -> bool:
        last = task.last_unconditional_at
        return last is None or now - last >= timedelta(hours=self.fetch.unconditional_refetch_hours)

    async def _poll(self, fetcher: Fetcher, task: _Task) -> FeedOutcome:
        now = self.clock.now()
        unconditional = self._unconditional_due(task, now)
        if is_local(task.url):
            try:
                docs = await asyncio.to_thread(
                    read_local, task.url, self.settings.base_dir, self.fetch.max_body_bytes
                )
            except FetchError as exc:
                return await self._failed(task, str(exc))
            body_hash = documents_hash(docs)
            if body_hash == task.body_hash:
                return await self._unchanged(task, "unchanged", body_hash=body_hash)
            documents = [(d.data, d.source, "") for d in docs]
            return await self._store(
                task, documents, body_hash=body_hash, result=None, unconditional=True
            )
        result = await fetcher.fetch(
            task.url,
            etag="" if unconditional else task.etag,
            last_modified="" if unconditional else task.last_modified,
        )
        if result.outcome == "not_modified":
            return await self._unchanged(task, "not_modified", result=result)
        if result.outcome == "gone":
            return await self._failed(task, result.error, gone=True)
        if result.outcome == "retry":
            return await self._failed(task, result.error, retry_after=result.retry_after)
        if result.outcome == "error":
            return await self._failed(task, result.error)
        body_hash = hashlib.sha256(result.body).hexdigest()
        if body_hash == task.body_hash:
            # The server ignores validators but sends the same bytes: nothing to parse.
            return await self._unchanged(
                task, "unchanged", result=result, body_hash=body_hash, unconditional=unconditional
            )
        documents = [(result.body, result.final_url or task.url, result.content_type)]
        return await self._store(
            task, documents, body_hash=body_hash, result=result, unconditional=unconditional
        )

    async def _parse(self, documents: list[tuple[bytes, str, str]]) -> ParsedDocuments:
        if self.pool is None:
            return parse_documents(documents)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, parse_documents, documents)

    async def _store(
        self,
        task: _Task,
        documents: list[tuple[bytes, str, str]],
        *,
        body_hash: str,
        result: FetchResult | None,
        unconditional: bool,
    ) -> FeedOutcome:
        try:
            parsed = await self._parse(documents)
        except ForecastsError as exc:
            return await self._failed(task, str(exc))
        now = self.clock.now()
        minutes = cadence.interval_minutes(task.interval_minutes, self.fetch, parsed.ttl_minutes)
        state = feed_store.PollState(
            now=now,
            next_poll_at=cadence.next_poll(now, minutes, parsed.skip_hours),
            error=f"warning: {parsed.warning}" if parsed.warning else "",
            etag=result.etag if result else "",
            last_modified=result.last_modified if result else "",
            body_hash=body_hash,
            new_url=result.permanent_url if result else "",
            unconditional=unconditional,
        )
        added = await self._record(feed_store.PollRecord(task.id, state, parsed.entries))
        if added is None:
            return FeedOutcome(task.name, "error", error=REMOVED)
        return FeedOutcome(task.name, "ok", new_items=added)

    async def _unchanged(
        self,
        task: _Task,
        outcome: str,
        *,
        result: FetchResult | None = None,
        body_hash: str | None = None,
        unconditional: bool = False,
    ) -> FeedOutcome:
        now = self.clock.now()
        minutes = cadence.interval_minutes(task.interval_minutes, self.fetch)
        state = feed_store.PollState(
            now=now,
            next_poll_at=cadence.next_poll(now, minutes),
            # A 304 may carry fresh validators; keep the old ones when it does not.
            etag=(result.etag or None) if result else None,
            last_modified=(result.last_modified or None) if result else None,
            body_hash=body_hash,
            new_url=result.permanent_url if result else "",
            unconditional=unconditional,
        )
        if await self._record(feed_store.PollRecord(task.id, state)) is None:
            return FeedOutcome(task.name, "error", error=REMOVED)
        return FeedOutcome(task.name, outcome)

    async def _failed(
        self, task: _Task, error: str, *, gone: bool = False, retry_after: str = ""
    ) -> FeedOutcome:
        now = self.clock.now()
        errors = task.consecutive_errors + 1
        minutes = cadence.interval_minutes(task.interval_minutes, self.fetch)
        next_at = cadence.backoff(now, errors, minutes, self.fetch, self.rng)
        outcome = "error"
        if retry_after or error.startswith("HTTP 429") or error.startswith("HTTP 503"):
            delay = cadence.parse_retry_after(retry_after, now)
            next_at = cadence.retry_at(now, delay, next_at, self.fetch)
            outcome = "retry"
        state = feed_store.PollState(
            now=now,
            next_poll_at=next_at,
            error=error[:1000],
            disabled_reason=f"gone: the server answered 410 on {now:%Y-%m-%d}" if gone else "",
        )
        if await self._record(feed_store.PollRecord(task.id, state, failed=True)) is None:
            return FeedOutcome(task.name, "error", error=REMOVED)
        return FeedOutcome(task.name, "gone" if gone else outcome, error=error[:1000])

    async def _record(self, record: feed_store.PollRecord) -> int | None:
        """Write one feed's outcome; returns the items added (None: the feed was removed).

        Group commit: the first caller to find no write running becomes the writer. It waits
        for a batch to fill (WRITE_BATCH_FEEDS or WRITE_BATCH_ITEMS), for every feed still
        being polled to be waiting here (nothing more can come), or for WRITE_DELAY_SECONDS,
        then stores the batch in one transaction, in a thread, and goes on until nothing is
        left; the others just wait for their result. Storing thus runs beside the fetching
        and the parser processes, in a few large transactions rather than one per feed. A
        batch is capped so that SQLite's write lock is never held long.
        """
        done: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
        self.pending.append((record, done))
        self.pending_items += len(record.entries)
        self.arrived.set()
        if not self.writing:
            self.writing = True
            try:
                while self.pending:
                    await self._batch_filled()
                    batch = self._next_batch()
                    try:
                        results = await asyncio.to_thread(self._write_batch, [r for r, _ in batch])
                    except BaseException as exc:  # cancelled: nobody may wait for ever
                        for _, future in batch:
                            if not future.done():
                                future.set_exception(exc)
                        raise
                    for (_, future), result in zip(batch, results, strict=True):
                        if isinstance(result, BaseException):
                            future.set_exception(result)
                        else:
                            future.set_result(result)
            finally:
                self.writing = False
        return await done

    def _batch_ready(self) -> bool:
        return (
            len(self.pending) >= WRITE_BATCH_FEEDS
            or self.pending_items >= WRITE_BATCH_ITEMS
            or len(self.pending) >= self.active  # every feed still polled is waiting here
        )

    async def _batch_filled(self) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WRITE_DELAY_SECONDS
        while not self._batch_ready():
            self.arrived.clear()
            left = deadline - loop.time()
            if left <= 0:
                return
            try:
                async with asyncio.timeout(left):
                    await self.arrived.wait()
            except TimeoutError:
                return

    def _next_batch(self) -> list[tuple[feed_store.PollRecord, asyncio.Future[int | None]]]:
        entries = taken = 0
        for record, _ in self.pending:
            if taken and (taken >= WRITE_BATCH_FEEDS or entries >= WRITE_BATCH_ITEMS):
                break
            taken += 1
            entries += len(record.entries)
        batch, self.pending = self.pending[:taken], self.pending[taken:]
        self.pending_items -= entries
        return batch

    def _write_batch(
        self, records: list[feed_store.PollRecord]
    ) -> list[int | BaseException | None]:
        """One transaction for the batch; if it fails, each feed alone, so one cannot sink all."""
        try:
            with write_session(self.engine) as s:
                return list(feed_store.record_polls(s, records))
        except Exception as exc:
            if len(records) == 1:
                return [exc]
        results: list[int | BaseException | None] = []
        for record in records:
            try:
                with write_session(self.engine) as s:
                    results.extend(feed_store.record_polls(s, [record]))
            except Exception as exc:  # reported on that feed by _one
                results.append(exc)
        return results


def poll_search_feeds(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    *,
    progress: Progress | None = None,
    rng: random.Random | None = None,
) -> PollSummary:
    """Poll each [[search_templates]] URL for each open claim, within the claim's window."""
    sync.sync_search_feeds(engine, settings, clock)
    return poll_feeds(engine, settings, clock, origins=["search"], progress=progress, rng=rng)
