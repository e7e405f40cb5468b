"""Schedules: the monthly report follows the configured zone across DST; catch-up rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from forecasts.config import Settings
from forecasts.jobs.triggers import due_at, monthly_trigger, previous_month, report_month_due
from forecasts.models.daemon import JobState

BERLIN = ZoneInfo("Europe/Berlin")


def _settings(**daemon: int) -> Settings:
    return Settings(timezone="Europe/Berlin", daemon=daemon)  # type: ignore[arg-type]


def test_monthly_report_fires_at_the_local_hour_in_winter_and_summer() -> None:
    """06:00 Berlin time is 05:00 UTC in winter (CET) and 04:00 UTC in summer (CEST)."""
    trigger = monthly_trigger(_settings(report_day=1, report_hour=6))
    winter = trigger.get_next_fire_time(None, datetime(2024, 1, 15, tzinfo=UTC))
    summer = trigger.get_next_fire_time(None, datetime(2024, 6, 15, tzinfo=UTC))
    assert winter.astimezone(UTC) == datetime(2024, 2, 1, 5, 0, tzinfo=UTC)
    assert summer.astimezone(UTC) == datetime(2024, 7, 1, 4, 0, tzinfo=UTC)


def test_monthly_report_across_the_spring_change() -> None:
    """From March (CET) to April (CEST) the local hour stays 06:00."""
    trigger = monthly_trigger(_settings(report_day=1, report_hour=6))
    march = trigger.get_next_fire_time(None, datetime(2024, 2, 20, tzinfo=UTC))
    april = trigger.get_next_fire_time(march, march + timedelta(seconds=1))
    assert march.astimezone(BERLIN).hour == 6 and april.astimezone(BERLIN).hour == 6
    assert april.astimezone(UTC) == datetime(2024, 4, 1, 4, 0, tzinfo=UTC)


def test_previous_month_uses_the_local_calendar() -> None:
    """23:30 UTC on 31 January is already 1 February in Berlin: the previous month is January."""
    assert previous_month(datetime(2024, 1, 31, 23, 30, tzinfo=UTC), BERLIN) == "2024-01"
    assert previous_month(datetime(2024, 1, 31, 22, 30, tzinfo=UTC), BERLIN) == "2023-12"
    assert previous_month(datetime(2024, 3, 5, tzinfo=UTC), ZoneInfo("UTC")) == "2024-02"


def test_report_month_due_switches_at_the_report_hour() -> None:
    """Before 06:00 on the 1st last month's report is not due yet; from 06:00 it is."""
    before = datetime(2024, 3, 1, 4, 59, tzinfo=UTC)  # 05:59 CET
    after = datetime(2024, 3, 1, 5, 0, tzinfo=UTC)  # 06:00 CET
    assert report_month_due(before, BERLIN, 1, 6) == "2024-01"
    assert report_month_due(after, BERLIN, 1, 6) == "2024-02"
    assert report_month_due(datetime(2024, 3, 20, tzinfo=UTC), BERLIN, 1, 6) == "2024-02"


NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def test_a_job_that_never_ran_runs_at_once() -> None:
    assert due_at(None, HOUR, NOW) == NOW
    assert due_at(JobState(name="j"), HOUR, NOW) == NOW


def test_an_overdue_job_runs_once_at_once() -> None:
    """Down for a week with an hourly job: one run now, not 168."""
    row = JobState(name="j", last_started=NOW - 7 * 24 * HOUR, last_finished=NOW - 7 * 24 * HOUR)
    assert due_at(row, HOUR, NOW) == NOW


def test_a_job_interrupted_mid_run_runs_again_at_once() -> None:
    """Started after its last finish: the daemon died during the run."""
    row = JobState(name="j", last_started=NOW - HOUR / 6, last_finished=NOW - HOUR / 3)
    assert due_at(row, HOUR, NOW) == NOW


def test_a_job_that_ran_recently_waits_for_its_interval() -> None:
    row = JobState(name="j", last_started=NOW - HOUR / 4, last_finished=NOW - HOUR / 5)
    assert due_at(row, HOUR, NOW) == NOW - HOUR / 5 + HOUR
