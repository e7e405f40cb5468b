"""One "today": verification and expiry use the local day in the configured zone, as
ingestion does, not the UTC date (which differs for hours every day outside UTC)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.engine import Engine

from forecasts.clock import FixedClock, local_day
from forecasts.config import Settings
from forecasts.db import session
from forecasts.jobs.expire import expire_claims
from forecasts.jobs.verify import verify_claims
from forecasts.store import claims as store
from tests.test_verify_factories import make_article, make_claim

DUE = date(2023, 12, 31)


def in_los_angeles(settings: Settings) -> Settings:
    settings.timezone = "America/Los_Angeles"
    return settings


def test_local_day_differs_from_the_utc_date_in_the_evening_west_of_utc() -> None:
    """03:00 UTC on the 15th is still the 14th in Los Angeles and already the 15th in Auckland."""
    now = datetime(2024, 1, 15, 3, tzinfo=UTC)
    assert now.date() == date(2024, 1, 15)
    settings = Settings(timezone="America/Los_Angeles")
    assert local_day(now, settings.zone) == date(2024, 1, 14)


def test_verify_and_expire_count_the_local_day(engine: Engine, settings: Settings) -> None:
    """Both jobs report the local day as their 'as of' when the UTC date is a day ahead."""
    settings = in_los_angeles(settings)
    clock = FixedClock(datetime(2024, 1, 15, 3, tzinfo=UTC))
    assert verify_claims(engine, settings, clock).as_of == date(2024, 1, 14)
    assert expire_claims(engine, settings, clock).as_of == date(2024, 1, 14)


def test_a_claim_expires_when_its_grace_ends_in_the_local_day(
    engine: Engine, settings: Settings
) -> None:
    """The grace period ends at local midnight: at 03:00 UTC (19:00 the evening before in Los
    Angeles) the claim is still open; once the local date turns, it expires."""
    settings = in_los_angeles(settings)
    grace = settings.verification.grace_days
    claim_id = make_claim(engine, make_article(engine), due_latest=DUE)
    first_day_after_grace = DUE + timedelta(days=grace + 1)
    evening_before = datetime.combine(first_day_after_grace, datetime.min.time(), UTC)
    evening_before += timedelta(hours=3)  # UTC date: first_day_after_grace; local: the day before
    assert expire_claims(engine, settings, FixedClock(evening_before)).expired == 0
    with session(engine) as s:
        assert store.get_claim(s, claim_id).status == "open"
    local_morning = evening_before + timedelta(hours=12)  # 07:00 in Los Angeles
    assert expire_claims(engine, settings, FixedClock(local_morning)).expired == 1
    with session(engine) as s:
        assert store.get_claim(s, claim_id).status != "open"
