"""Cadence: when to poll next, from interval, TTL, skipHours, back-off and Retry-After."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from forecasts.config import FetchSettings
from forecasts.feeds.cadence import (
    backoff,
    interval_minutes,
    next_poll,
    parse_retry_after,
    retry_at,
)

NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
FETCH = FetchSettings(
    default_interval_minutes=60, min_interval_minutes=10, max_backoff_minutes=1440
)


def test_ttl_may_lengthen_never_shorten() -> None:
    assert interval_minutes(None, FETCH) == 60
    assert interval_minutes(None, FETCH, ttl_minutes=240) == 240
    assert interval_minutes(None, FETCH, ttl_minutes=5) == 60
    assert interval_minutes(5, FETCH) == 10  # the configured minimum wins
    assert interval_minutes(None, FETCH, ttl_minutes=10**6) == 1440


def test_skip_hours_push_the_next_poll_past_them() -> None:
    assert next_poll(NOW, 60, frozenset({13, 14})) == datetime(2024, 3, 1, 15, 0, tzinfo=UTC)
    assert next_poll(NOW, 60, frozenset(range(24))) == NOW + timedelta(minutes=60)


def test_backoff_doubles_with_jitter_and_stops_at_the_ceiling() -> None:
    rng = random.Random(3)
    waits = [(backoff(NOW, n, 60, FETCH, rng) - NOW).total_seconds() / 60 for n in range(1, 12)]
    assert 48 <= waits[0] <= 72 and 96 <= waits[1] <= 144 and 192 <= waits[2] <= 288
    assert all(w <= 1440 for w in waits) and waits[-1] >= 1440 * 0.8


def test_retry_after_seconds_and_http_dates() -> None:
    assert parse_retry_after("120", NOW) == timedelta(seconds=120)
    assert parse_retry_after("Fri, 01 Mar 2024 13:00:00 GMT", NOW) == timedelta(hours=1)
    assert parse_retry_after("Fri, 01 Mar 2024 11:00:00 GMT", NOW) == timedelta(0)
    assert parse_retry_after("soon", NOW) is None and parse_retry_after("", NOW) is None


def test_retry_after_is_clamped_between_the_minimum_and_the_ceiling() -> None:
    fallback = NOW + timedelta(minutes=77)
    assert retry_at(NOW, timedelta(seconds=1), fallback, FETCH) == NOW + timedelta(minutes=10)
    assert retry_at(NOW, timedelta(days=9), fallback, FETCH) == NOW + timedelta(minutes=1440)
    assert retry_at(NOW, None, fallback, FETCH) == fallback
