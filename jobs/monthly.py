"""The monthly report job: last month's report, written once, even if the 1st was missed. Glue.

Every run asks the database which month is due (``jobs.triggers.report_month_due`` in the
configured zone) and whether its report exists (a ``report:YYYY-MM`` mark). So the cron run on
the 1st writes it, and a run at start writes it if the daemon was down on the 1st. The
renderer is ``jobs.report.write_monthly_report``; until it is available a status summary
(claims by status) is written instead, and replaced by the real report once it lands.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from forecasts.clock import Clock
from forecasts.config import Settings
from forecasts.daemon import state
from forecasts.db import session, write_session
from forecasts.models import Claim
from forecasts.notify import message, outbox
from jobs.registry import Unavailable, resolve
from jobs.triggers import report_month_due

log = logging.getLogger(__name__)

RENDERER = "jobs.report:write_monthly_report"
REPORT = "report"
SUMMARY = "summary"


@dataclass
class MonthlySummary:
    month: str
    kind: str = ""  # "report", "summary" or "" (already there)
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
    try:
        render = resolve(RENDERER)
    except Unavailable:
        render = None
    if render is not None:
        report = render(engine, settings, clock, month=month)
        result.kind, result.paths = REPORT, [str(p) for p in getattr(report, "paths", [])]
    elif done == SUMMARY:
        return result
    else:
        result.kind, result.paths = SUMMARY, [str(write_status_summary(engine, settings, month))]
    with write_session(engine) as s:
        state.set_mark(s, key, result.kind, clock.now())
        outbox.enqueue(s, settings, message.report_written(month, result.paths), clock.now())
    log.info("monthly %s for %s written: %s", result.kind, month, ", ".join(result.paths))
    return result


def write_status_summary(engine: Engine, settings: Settings, month: str) -> Path:
    """A plain Markdown summary of claims by status, written atomically."""
    folder = settings.path(settings.reports_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with session(engine) as s:
        text = status_summary(s, month)
    target = folder / f"status-{month}.md"
    tmp = target.with_suffix(".md.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    return target


def status_summary(s: Session, month: str) -> str:
    statuses = Counter(s.exec(select(Claim.status)).all())
    lines = [
        f"# forecasts status summary for {month}",
        "",
        "The full monthly report needs the report renderer; this summary stands in for it.",
        "",
        "| status | claims |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {count} |" for name, count in sorted(statuses.items())]
    lines += [f"| **total** | {sum(statuses.values())} |", ""]
    return "\n".join(lines)
