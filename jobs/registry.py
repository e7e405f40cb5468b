"""The daemon's jobs: name -> the function that does the work, in pipeline order.

Every job has the signature ``fn(engine, settings, clock)`` and is imported here directly: a
broken install fails when the daemon starts (and `forecasts daemon --once` exits non-zero),
never by quietly skipping a job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from forecasts.config import Settings
from forecasts.jobs.expire import expire_claims
from forecasts.jobs.extract import extract_new_items
from forecasts.jobs.inbox import ingest_inbox, ingest_seeds
from forecasts.jobs.notify import notify
from forecasts.jobs.poll import poll_feeds, poll_search_feeds, sync_config_feeds
from forecasts.jobs.questions import settle_questions
from forecasts.jobs.report import refresh_reports, write_due_report
from forecasts.jobs.verify import verify_claims

JobFunction = Callable[..., Any]


@dataclass(frozen=True)
class JobSpec:
    name: str
    function: JobFunction
    description: str
    interval_setting: str | None  # a DaemonSettings field in minutes; None: not on an interval

    def interval_minutes(self, settings: Settings) -> float | None:
        if self.interval_setting is None:
            return None
        return float(getattr(settings.daemon, self.interval_setting))


# In the order a full cycle (`forecasts daemon --once`) runs them: collect, read, judge, report.
JOBS: tuple[JobSpec, ...] = (
    JobSpec("sync_feeds", sync_config_feeds, "subscribe the feeds in config.toml", None),
    JobSpec("seeds", ingest_seeds, "ingest the bundled seeds (first start)", None),
    JobSpec("inbox", ingest_inbox, "ingest articles dropped into the inbox", "inbox_interval_minutes"),
    JobSpec("poll", poll_feeds, "poll the feeds that are due", "poll_interval_minutes"),
    JobSpec("search", poll_search_feeds, "search news for open claims", "search_interval_minutes"),
    JobSpec("extract", extract_new_items, "record claims from new items", "extract_interval_minutes"),
    JobSpec("verify", verify_claims, "verify open claims against new items", "verify_interval_minutes"),
    JobSpec("expire", expire_claims, "expire claims past window and grace", "expire_interval_minutes"),
    JobSpec("questions", settle_questions, "settle questions and their claims", "verify_interval_minutes"),
    JobSpec("report", write_due_report, "write last month's report (on report_day)", None),
    JobSpec("refresh", refresh_reports, "rewrite reports whose claims changed", "verify_interval_minutes"),
    JobSpec("notify", notify, "gather and deliver notifications", "notify_interval_minutes"),
)  # fmt: skip

BY_NAME: dict[str, JobSpec] = {spec.name: spec for spec in JOBS}
