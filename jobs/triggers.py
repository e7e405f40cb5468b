"""When the daemon's jobs run: UTC intervals, and the monthly report in the configured zone.

Interval jobs run in UTC (no DST surprises: "every 5 minutes" is always 5 minutes). The
monthly report follows the user's calendar: APScheduler's CronTrigger in ``settings.zone``
fires at ``report_hour`` local time on ``report_day`` whether that day is in summer or winter
time. ``report_month_due`` is the pure rule the report job applies at every run, so a report
missed while the daemon was down is written when it comes back.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from forecasts.config import Settings
from forecasts.models.daemon import JobState
from forecasts.reports.model import previous_month as reports_previous_month


def interval_trigger(minutes: float, start: datetime) -> IntervalTrigger:
    """Every ``minutes`` in UTC, first at ``start`` (a catch-up run at once, if overdue)."""
    return IntervalTrigger(seconds=max(1.0, minutes * 60.0), start_date=start, timezone=UTC)


def monthly_trigger(settings: Settings) -> CronTrigger:
    """``report_day`` of every month at ``report_hour``:00 in the configured time zone."""
    return CronTrigger(
        day=settings.daemon.report_day,
        hour=settings.daemon.report_hour,
        minute=0,
        timezone=settings.zone,
    )


def previous_month(now: datetime, zone: ZoneInfo) -> str:
    """The month before ``now``'s month in ``zone``, as YYYY-MM (the reports' own rule)."""
    return reports_previous_month(now, zone.key)


def report_month_due(now: datetime, zone: ZoneInfo, day: int, hour: int) -> str:
    """The month whose report should exist by ``now``: the previous month once the local time
    has reached ``day`` at ``hour`` this month, else the month before that."""
    local = now.astimezone(zone)
    this_month_run = local.replace(day=day, hour=hour, minute=0, second=0, microsecond=0)
    if local >= this_month_run:
        return previous_month(now, zone)
    first = local.date().replace(day=1)
    return previous_month(
        datetime(first.year, first.month, 1, 12, tzinfo=zone) - timedelta(days=1), zone
    )


def due_at(row: JobState | None, interval: timedelta, now: datetime) -> datetime:
    """When a job next runs after a (re)start: at once if it never finished, was interrupted
    (started after its last finish: the daemon died mid-run) or is overdue; otherwise one
    interval after its last finish. Missed intervals collapse into one run."""
    if row is None or row.last_finished is None:
        return now
    if row.last_started is not None and row.last_started > row.last_finished:
        return now
    return max(now, row.last_finished + interval)
