"""The daemon's jobs: name -> the function that does the work, imported only when needed.

Each target is ``"module:function"`` with the job signature ``fn(engine, settings, clock)``.
Importing lazily lets the daemon start before every area has landed: a job whose module or
function is missing is reported "unavailable" (by `forecasts status` and in the log) and
skipped, and is picked up on the next run once the code is there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from forecasts.config import Settings

JobFunction = Callable[..., Any]


@dataclass(frozen=True)
class JobSpec:
    name: str
    target: str
    description: str
    interval_setting: str | None  # a DaemonSettings field in minutes; None: not on an interval

    def interval_minutes(self, settings: Settings) -> float | None:
        if self.interval_setting is None:
            return None
        return float(getattr(settings.daemon, self.interval_setting))


# In the order a full cycle (`forecasts daemon --once`) runs them: collect, read, judge, report.
JOBS: tuple[JobSpec, ...] = (
    JobSpec("sync_feeds", "jobs.poll:sync_config_feeds", "subscribe the feeds in config.toml", None),
    JobSpec("seeds", "jobs.inbox:ingest_seeds", "ingest the bundled seeds (first start)", None),
    JobSpec("inbox", "jobs.inbox:ingest_inbox", "ingest articles dropped into the inbox", "inbox_interval_minutes"),
    JobSpec("poll", "jobs.poll:poll_feeds", "poll the feeds that are due", "poll_interval_minutes"),
    JobSpec("search", "jobs.poll:poll_search_feeds", "search news for open claims", "search_interval_minutes"),
    JobSpec("extract", "jobs.extract_items:extract_new_items", "record claims from new items", "extract_interval_minutes"),
    JobSpec("verify", "jobs.verify:verify_claims", "verify open claims against new items", "verify_interval_minutes"),
    JobSpec("expire", "jobs.expire:expire_claims", "expire claims past window and grace", "expire_interval_minutes"),
    JobSpec("report", "jobs.monthly:write_due_report", "write last month's report (on report_day)", None),
    JobSpec("refresh", "jobs.monthly:refresh_reports", "rewrite reports whose claims changed", "verify_interval_minutes"),
    JobSpec("notify", "jobs.notify:notify", "gather and deliver notifications", "notify_interval_minutes"),
)  # fmt: skip

BY_NAME: dict[str, JobSpec] = {spec.name: spec for spec in JOBS}


class Unavailable(Exception):
    """The job's code is not there (yet): its module or function is missing or broken."""


def resolve(target: str) -> JobFunction:
    """Import ``module:function``; raise Unavailable with the reason if that is impossible."""
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise Unavailable(f"{module_name} cannot be imported: {exc}") from exc
    fn = getattr(module, attr, None)
    if not callable(fn):
        raise Unavailable(f"{module_name} has no function {attr}")
    return fn  # type: ignore[no-any-return]


def missing_code(exc: BaseException) -> bool:
    """True if ``exc`` is, or was caused by, an import that failed: code not merged yet."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ImportError | Unavailable):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def availability() -> dict[str, str]:
    """Each job's name -> "" if available, else why not (for `forecasts status`)."""
    found: dict[str, str] = {}
    for spec in JOBS:
        try:
            resolve(spec.target)
        except Unavailable as exc:
            found[spec.name] = str(exc)
        else:
            found[spec.name] = ""
    return found
