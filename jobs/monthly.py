"""The monthly report job: last month's report, written once, even if the 1st was missed. Glue.

Every run asks the database which month is due (``jobs.triggers.report_month_due`` in the
configured zone) and whether its report exists (a ``report:YYYY-MM`` mark). So the cron run on
the 1st writes it, and a run at start writes it if the daemon was down on the 1st. The
renderer is ``jobs.report.write_monthly_report``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.config import Settings
from forecasts.daemon import state
from forecasts.db import session, write_session
from forecasts.notify import message, outbox
from jobs.report import write_monthly_report
from jobs.triggers import report_month_due

log = logging.getLogger(__name__)

REPORT = "report"


@dataclass
class MonthlySummary:
    month: str
    kind: str = ""  # "report", or "" (already there)
    paths: list[str] = field(default_factory=list)


def write_due_report(engine: Engine, settings: Settings, clock: Clock) -> MonthlySummary:
    now = clock.now()
    d = settings.daemon
    month = report_month_due(now, settings.zone, d.report_day, d.report_hour)
    key = f"report:{month}"
    with session(engine) as s:
        mark = state.get_mark(s, key)
    done = mark.value if mark else ""
    result = MonthlySummary(month)
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
