"""Reconcile the feed table with what should be polled: config.toml's [[feeds]] and one
news-search feed per (open claim, search template).

Feeds are never deleted here: a feed that is no longer wanted is retired (``disabled_reason``
says why) so its items, and any evidence citing them, stay. Reading and writing go through
``forecasts.store``; ``forecasts.jobs.poll`` wires them into the poll and sync_feeds jobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.config import FeedSettings, Settings
from forecasts.db import session, write_session
from forecasts.feeds.search import build_query, search_url
from forecasts.models import Feed
from forecasts.store import feeds as feed_store


@dataclass
class SyncSummary:
    added: int = 0
    updated: int = 0
    retired: int = 0


def sync_config_feeds(engine: Engine, settings: Settings, clock: Clock) -> SyncSummary:
    """Make the feed table match config.toml's [[feeds]]: add, update, retire (never delete)."""
    summary = SyncSummary()
    configured = {f.name: f for f in settings.feeds}
    with session(engine) as s:
        rows = {row.name: row for row in feed_store.config_rows(s)}
    # Most polls find the config as it was: compare plain rows, and load (and lock) only the
    # feeds that need a change.
    touch = [cfg.name for cfg in settings.feeds if not _as_configured(rows.get(cfg.name), cfg)]
    touch += [
        name
        for name, row in rows.items()
        if row.origin == "config" and name not in configured and not row.disabled_reason
    ]
    if not touch:
        return summary
    with write_session(engine) as s:
        existing = {feed.name: feed for feed in feed_store.feeds_named(s, touch)}
        for cfg in settings.feeds:
            if cfg.name in rows and cfg.name not in existing:
                continue  # as configured already
            feed = existing.get(cfg.name)
            if feed is None:
                feed_store.add_feed(
                    s,
                    name=cfg.name,
                    url=cfg.url,
                    origin="config",
                    interval_minutes=cfg.interval_minutes,
                    tags=cfg.tags,
                    extract_claims=cfg.extract_claims,
                    fetch_full_text=cfg.fetch_full_text,
                )
                summary.added += 1
                continue
            before = _settings_of(feed)
            if feed.config_url != cfg.url:
                # The configured URL changed: start afresh there. (An unchanged config URL keeps
                # the URL a 301/308 moved the feed to.)
                feed.url = cfg.url
                feed.config_url = cfg.url
                feed.etag = feed.last_modified = feed.body_hash = ""
                feed.next_poll_at = None
                feed.disabled_reason = ""
            if feed.disabled_reason == "removed from config.toml":
                feed.disabled_reason = ""
            feed.origin = "config"
            feed.interval_minutes = cfg.interval_minutes
            feed.tags = list(cfg.tags)
            feed.extract_claims = cfg.extract_claims
            feed.fetch_full_text = cfg.fetch_full_text
            if before != _settings_of(feed):
                summary.updated += 1
                feed_store.save_feed(s, feed)
        for feed in existing.values():
            if feed.origin == "config" and feed.name not in configured and not feed.disabled_reason:
                feed.disabled_reason = "removed from config.toml"
                feed_store.save_feed(s, feed)
                summary.retired += 1
    return summary


def _settings_of(feed: Feed) -> tuple[Any, ...]:
    """What the sync may change on a feed (to count the feeds it updated)."""
    return (
        feed.url,
        feed.origin,
        feed.interval_minutes,
        list(feed.tags or []),
        feed.extract_claims,
        feed.fetch_full_text,
        feed.disabled_reason,
    )


def _as_configured(row: Any, cfg: FeedSettings) -> bool:
    """Whether a feed row already says what config.toml says (so the sync leaves it alone)."""
    return row is not None and (
        row.config_url == cfg.url
        and row.origin == "config"
        and row.interval_minutes == cfg.interval_minutes
        and list(row.tags or []) == list(cfg.tags)
        and row.extract_claims == cfg.extract_claims
        and row.fetch_full_text == cfg.fetch_full_text
        and row.disabled_reason != "removed from config.toml"
    )


@dataclass
class _SearchFeed:
    name: str
    url: str


def _search_feeds(engine: Engine, settings: Settings) -> list[_SearchFeed]:
    """One search feed per (open claim, template), windowed on the claim's dates."""
    wanted: list[_SearchFeed] = []
    grace = timedelta(days=settings.verification.grace_days)
    with session(engine) as s:
        claims = feed_store.open_claim_windows(s)
    for claim in claims:
        query = build_query(list(claim.actors), claim.event, claim.location)
        if not query:
            continue
        after = min(claim.reference_date, claim.due_earliest)
        before = claim.due_latest + grace
        for template in settings.search_templates:
            wanted.append(
                _SearchFeed(
                    f"search/{template.name}/claim-{claim.id}",
                    search_url(template.url, query, after, before),
                )
            )
    return wanted


def sync_search_feeds(engine: Engine, settings: Settings, clock: Clock) -> SyncSummary:
    """Create, update or retire the search feeds so they match the open claims."""
    summary = SyncSummary()
    wanted = {f.name: f for f in _search_feeds(engine, settings)}
    with write_session(engine) as s:
        existing = {f.name: f for f in feed_store.list_feeds(s, origins=["search"])}
        for name, want in wanted.items():
            feed = existing.get(name)
            if feed is None:
                feed_store.add_feed(
                    s,
                    name=name,
                    url=want.url,
                    origin="search",
                    interval_minutes=max(settings.fetch.default_interval_minutes, 24 * 60),
                    extract_claims=False,  # search hits are evidence, not articles to mine
                )
                summary.added += 1
            elif feed.url != want.url or feed.disabled_reason:
                feed.url = want.url
                feed.disabled_reason = ""
                feed.etag = feed.last_modified = feed.body_hash = ""
                feed_store.save_feed(s, feed)
                summary.updated += 1
        for name, feed in existing.items():
            if name not in wanted and not feed.disabled_reason:
                feed.disabled_reason = "claim no longer open"
                feed_store.save_feed(s, feed)
                summary.retired += 1
    return summary
