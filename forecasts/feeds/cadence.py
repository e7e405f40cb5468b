"""When to poll a feed next: its interval, its own TTL/skipHours, back-off and Retry-After.

All functions take ``now`` and return times; none reads the clock. Jitter comes from a
``random.Random`` passed in, so tests can fix it.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from forecasts.config import FetchSettings


def interval_minutes(
    feed_interval: int | None, fetch: FetchSettings, ttl_minutes: int | None = None
) -> int:
    """The feed's interval: its own or the default, lengthened (never shortened) by its TTL."""
    base = feed_interval or fetch.default_interval_minutes
    if ttl_minutes:
        # A TTL may ask us to come back less often; a huge one is capped at the back-off ceiling.
        base = max(base, min(ttl_minutes, fetch.max_backoff_minutes))
    return max(base, fetch.min_interval_minutes)


def next_poll(now: datetime, minutes: int, skip_hours: frozenset[int] = frozenset()) -> datetime:
    """now + interval, moved past any UTC hour the feed asks us to skip (RSS skipHours)."""
    when = now + timedelta(minutes=minutes)
    if skip_hours and len(skip_hours) < 24:
        for _ in range(24):
            if when.astimezone(UTC).hour not in skip_hours:
                break
            when = when.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return when


def backoff(
    now: datetime,
    consecutive_errors: int,
    base_minutes: int,
    fetch: FetchSettings,
    rng: random.Random,
) -> datetime:
    """Exponential back-off with jitter, capped at fetch.max_backoff_minutes; never gives up."""
    exponent = min(max(consecutive_errors - 1, 0), 20)
    minutes = min(base_minutes * (2**exponent), fetch.max_backoff_minutes)
    # Jitter (±20%) spreads feeds that failed together (one outage) over time.
    minutes = min(minutes * rng.uniform(0.8, 1.2), fetch.max_backoff_minutes)
    return now + timedelta(minutes=max(minutes, 1.0))


def parse_retry_after(value: str, now: datetime) -> timedelta | None:
    """Retry-After as delay-seconds or an HTTP-date; None when absent or unreadable."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return timedelta(seconds=int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


def retry_at(
    now: datetime, delay: timedelta | None, fallback: datetime, fetch: FetchSettings
) -> datetime:
    """When to come back after 429/503: not before the server asked, not after the ceiling."""
    if delay is None:
        return fallback
    floor = timedelta(minutes=fetch.min_interval_minutes)
    ceiling = timedelta(minutes=fetch.max_backoff_minutes)
    return now + min(max(delay, floor), ceiling)
