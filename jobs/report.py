"""The report jobs: the monthly accuracy report (`report`, on ``report_day``; `forecasts report`
writes it by hand too) and the rewrite of reports whose claims changed since (`refresh`). Glue."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from forecasts.clock import Clock, local_day
from forecasts.config import Settings
from forecasts.db import session, write_session
from forecasts.errors import InputError
from forecasts.jobs.triggers import report_month_due
from forecasts.notify import message, outbox
from forecasts.reports import render
from forecasts.reports.aggregate import build_report
from forecasts.reports.model import MonthlyReport, parse_month, previous_month
from forecasts.store import daemon as state
from forecasts.store import report_marks

log = logging.getLogger(__name__)


@dataclass
class ReportSummary:
    month: str
    paths: list[str] = field(default_factory=list)
    written: bool = False


def report_month(settings: Settings, clock: Clock, month: str | None) -> str:
    """The month asked for (checked), else the previous month in the configured time zone."""
    if month is None:
        return previous_month(clock.now(), settings.timezone)
    parse_month(month)
    return month


def monthly_report(
    engine: Engine, settings: Settings, clock: Clock, *, month: str | None = None
) -> MonthlyReport:
    """Every figure of one month's report (the previous month by default)."""
    return build_report(
        engine,
        report_month(settings, clock, month),
        now=clock.now(),
        timezone=settings.timezone,
        listing_limit=settings.reports.listing_limit,
        highlights=settings.reports.highlights,
    )


def report_paths(settings: Settings, month: str, formats: Sequence[str]) -> list[Path]:
    folder = settings.path(settings.reports_dir)
    return [folder / f"{month}{render.SUFFIX[fmt]}" for fmt in formats]


def write_monthly_report(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    *,
    month: str | None = None,
    formats: Sequence[str] | None = None,
    skip_existing: bool = False,
) -> ReportSummary:
    """Write ``month``'s report (default: the previous month) into ``settings.reports_dir``.

    ``formats=None`` means ``settings.reports.formats`` (by default md and html). With ``skip_existing`` a report whose
    files are all there already is left alone (``written`` is False): a daemon catching up
    after downtime can call this freely.
    """
    chosen = list(settings.reports.formats if formats is None else formats)
    unknown = [f for f in chosen if f not in render.FORMATS]
    if unknown:
        raise InputError(f"unknown report format {unknown[0]!r} (choose from {render.FORMATS})")
    target = report_month(settings, clock, month)
    paths = report_paths(settings, target, chosen)
    if skip_existing and paths and all(p.exists() for p in paths):
        log.info("report already written", extra={"job": "report", "month": target})
        return ReportSummary(month=target, paths=[str(p) for p in paths], written=False)
    report = monthly_report(engine, settings, clock, month=target)
    written: list[str] = []
    for fmt, path in zip(chosen, paths, strict=True):
        written += [str(p) for p in render.write(report, fmt, path)]
    log.info(
        "report written",
        extra={
            "job": "report",
            "month": target,
            "claims_due": report.counts.total,
            "paths": written,
        },
    )
    return ReportSummary(month=target, paths=written, written=True)


REPORT = "report"


@dataclass
class MonthlySummary:
    month: str
    kind: str = ""  # "report", or "" (already there)
    paths: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)  # months rewritten: a claim changed
    first: str = ""  # on the first run: the most recent month with resolved claims, if older


def refresh_reports(engine: Engine, settings: Settings, clock: Clock) -> list[str]:
    """The `refresh` job: reports on disk follow later verdicts and edits of their claims
    (rewritten when a claim of their month changed since they were written)."""
    with session(engine) as s:
        written = report_marks.written_reports(s, REPORT)
        stale = [m for m, at in sorted(written.items()) if report_marks.changed_since(s, m, at)]
    for month in stale:
        write_monthly_report(engine, settings, clock, month=month)
        with write_session(engine) as s:
            state.set_mark(s, f"report:{month}", REPORT, clock.now())
        log.info("monthly report for %s rewritten: its claims changed", month)
    return stale


def _first_report(engine: Engine, settings: Settings, clock: Clock, due_month: str) -> str:
    """A fresh install's first report is the most recent month with resolved claims (as
    `forecasts report` without --month chooses), not an empty last month."""
    from forecasts.store.claim_lists import latest_resolved_month

    today = local_day(clock.now(), settings.zone)
    with engine.connect() as conn:
        latest = latest_resolved_month(conn, today.replace(day=1))
    if latest is None or latest >= due_month:
        return ""
    write_monthly_report(engine, settings, clock, month=latest)
    with write_session(engine) as s:
        state.set_mark(s, f"report:{latest}", REPORT, clock.now())
    log.info("first report: %s, the most recent month with resolved claims", latest)
    return latest


def write_due_report(engine: Engine, settings: Settings, clock: Clock) -> MonthlySummary:
    """The `report` job: last month's report, written once, even if the 1st was missed.

    Every run asks which month is due (``forecasts.jobs.triggers.report_month_due`` in the
    configured zone) and whether its report exists (a ``report:YYYY-MM`` mark). So the cron
    run on the 1st writes it, and a run at start writes it if the daemon was down on the 1st.
    """
    now = clock.now()
    d = settings.daemon
    month = report_month_due(now, settings.zone, d.report_day, d.report_hour)
    key = f"report:{month}"
    with session(engine) as s:
        mark = state.get_mark(s, key)
        first_ever = not report_marks.any_report_written(s)
    done = mark.value if mark else ""
    result = MonthlySummary(month)
    result.refreshed = refresh_reports(engine, settings, clock)
    if first_ever:
        result.first = _first_report(engine, settings, clock, month)
    if done == REPORT:
        return result
    report = write_monthly_report(engine, settings, clock, month=month)
    result.kind, result.paths = REPORT, [str(p) for p in report.paths]
    written = report.written
    with write_session(engine) as s:
        state.set_mark(s, key, result.kind, clock.now())
        if written:  # not when `forecasts report` had already written it by hand
            note = message.report_written(month, result.paths)
            outbox.enqueue(s, settings, note, clock.now())
    log.info("monthly %s for %s written: %s", result.kind, month, ", ".join(result.paths))
    return result
