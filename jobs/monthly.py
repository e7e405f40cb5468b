"""The monthly report job: last month's report, written once, even if the 1st was missed. Glue.

Every run asks the database which month is due (``forecasts.jobs.triggers.report_month_due`` in the
configured zone) and whether its report exists (a ``report:YYYY-MM`` mark). So the cron run on
the 1st writes it, and a run at start writes it if the daemon was down on the 1st. The
renderer is ``forecasts.jobs.report.write_monthly_report``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from forecasts.clock import Clock, local_day
from forecasts.config import Settings
from forecasts.db import session, write_session
from forecasts.jobs.report import write_monthly_report
from forecasts.jobs.triggers import report_month_due
from forecasts.notify import message, outbox
from forecasts.store import daemon as state
from forecasts.store import report_marks

log = logging.getLogger(__name__)

REPORT = "report"


@dataclass
class MonthlySummary:
    month: str
    kind: str = ""  # "report", or "" (already there)
    paths: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)  # months rewritten: a claim changed
    first: str = ""  # on the first run: the most recent month with resolved claims, if older


def refresh_reports(engine: Engine, settings: Settings, clock: Clock) -> list[str]:
    """The `refresh` job: reports on disk follow later verdicts and edits of their claims."""
    return _refresh_stale(engine, clock, write_monthly_report, settings)


def _refresh_stale(engine: Engine, clock: Clock, render: Any, settings: Settings) -> list[str]:
    """Rewrite the reports on disk of months whose claims changed since they were written."""
    with session(engine) as s:
        written = report_marks.written_reports(s, REPORT)
        stale = [m for m, at in sorted(written.items()) if report_marks.changed_since(s, m, at)]
    for month in stale:
        render(engine, settings, clock, month=month)
        with write_session(engine) as s:
            state.set_mark(s, f"report:{month}", REPORT, clock.now())
        log.info("monthly report for %s rewritten: its claims changed", month)
    return stale


def _first_report(
    engine: Engine, settings: Settings, clock: Clock, render: Any, due_month: str
) -> str:
    """A fresh install's first report is the most recent month with resolved claims (as
    `forecasts report` without --month chooses), not an empty last month."""
    from forecasts.store.claim_lists import latest_resolved_month

    today = local_day(clock.now(), settings.zone)
    with engine.connect() as conn:
        latest = latest_resolved_month(conn, today.replace(day=1))
    if latest is None or latest >= due_month:
        return ""
    render(engine, settings, clock, month=latest)
    with write_session(engine) as s:
        state.set_mark(s, f"report:{latest}", REPORT, clock.now())
    log.info("first report: %s, the most recent month with resolved claims", latest)
    return latest


def write_due_report(engine: Engine, settings: Settings, clock: Clock) -> MonthlySummary:
    now = clock.now()
    d = settings.daemon
    month = report_month_due(now, settings.zone, d.report_day, d.report_hour)
    key = f"report:{month}"
    with session(engine) as s:
        mark = state.get_mark(s, key)
        first_ever = not report_marks.any_report_written(s)
    done = mark.value if mark else ""
    result = MonthlySummary(month)
    render = write_monthly_report
    result.refreshed = _refresh_stale(engine, clock, render, settings)
    if first_ever:
        result.first = _first_report(engine, settings, clock, render, month)
    if done == REPORT:
        return result
    report = render(engine, settings, clock, month=month)
    result.kind, result.paths = REPORT, [str(p) for p in report.paths]
    written = report.written
    with write_session(engine) as s:
        state.set_mark(s, key, result.kind, clock.now())
        if written:  # not when `forecasts report` had already written it by hand
            note = message.report_written(month, result.paths)
            outbox.enqueue(s, settings, note, clock.now())
    log.info("monthly %s for %s written: %s", result.kind, month, ", ".join(result.paths))
    return result
