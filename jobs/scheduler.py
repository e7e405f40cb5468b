"""The daemon: APScheduler 3.11 running the jobs of ``forecasts.jobs.registry``; state in our own tables.

Choices (see docs/daemon.md):
- Jobs are defined in code at every start and kept in APScheduler's MemoryJobStore: nothing is
  pickled, so no job is ever dropped for failing to unpickle, and no two processes share a job
  store. What must survive a restart lives in our tables (``job_state``, feeds' next poll
  times, report marks), and each job catches up from it.
- Triggers run in UTC; the monthly report's cron runs in ``settings.timezone`` (DST-correct).
- ``coalesce=True``, ``max_instances=1`` and a generous ``misfire_grace_time``: runs missed
  while down, asleep or busy become one run, not none and not one per missed interval.
- One worker: jobs run one at a time (SQLite has one writer; ``current_job`` is meaningful).
- Signals only set flags; the main thread acts on them: SIGTERM/SIGINT stop taking new work
  and wait (bounded) for the running job; SIGHUP reloads config.toml.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import logging
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

from apscheduler.events import EVENT_JOB_SUBMITTED, JobSubmissionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from forecasts.clock import Clock, SystemClock
from forecasts.config import Settings, load_settings
from forecasts.daemon.lock import touch
from forecasts.daemon.logs import job_context, setup_logging
from forecasts.db import session, write_session
from forecasts.errors import ConfigError
from forecasts.jobs.registry import BY_NAME, JOBS
from forecasts.jobs.triggers import due_at, interval_trigger, monthly_trigger
from forecasts.scale import shares
from forecasts.store import daemon as state

log = logging.getLogger(__name__)

STARTUP_JOBS = ("sync_feeds", "seeds")  # run in order before the scheduler starts
REPORT = "report"
SHARED = "skipped: another daemon is running this job"


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None (another C library, or none to be found)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


_TRIM = _malloc_trim()


def release_memory() -> None:
    """Hand the C heap's free memory back to the system after a job. A job's peak (a poll's
    50,000 items, a pass's claims) is freed by Python but glibc keeps the pages, spread over
    the arenas of the threads that worked (the writer, the resolver, the scheduler's worker),
    so a long-lived daemon's RSS crept up though nothing leaked. Costs a few milliseconds."""
    if _TRIM is not None:
        _TRIM(0)


def describe(result: Any) -> str:
    """A job's summary dataclass as one short line for the log and `forecasts status`."""
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        parts = []
        for f in dataclasses.fields(result):
            value = getattr(result, f.name)
            if isinstance(value, int | float | str | bool) or value is None:
                parts.append(f"{f.name}={value}")
            elif isinstance(value, list | dict | tuple | set):
                parts.append(f"{f.name}={len(value)}")
        return " ".join(parts)
    return "" if result is None else str(result)[:500]


class Daemon:
    """Runs jobs (one at a time), records each run, and serves until told to stop."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        clock: Clock | None = None,
        *,
        reload: Callable[[], Settings] | None = None,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.clock: Clock = clock or SystemClock()
        self._reload = reload or (lambda: load_settings(settings.config_path))
        self._job_lock = threading.Lock()
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._reload_requested = False
        self._instance_id: int | None = None
        self._current = ""
        self.scheduler: BackgroundScheduler | None = None
        self._scheduled: dict[str, datetime] = {}

    # --- one job ---------------------------------------------------------------------------

    def run_job(self, name: str) -> str:
        """Run one job now, record its outcome, and never let its failure escape."""
        if self._stopping.is_set():
            return state.SKIPPED
        spec = BY_NAME[name]
        with self._job_lock, job_context(name):
            if self._stopping.is_set():
                return state.SKIPPED
            fn = spec.function
            self._current = name
            self._record_start(name)
            late = self._lateness(name)
            log.info(
                "job %s started%s",
                name,
                f" ({late:.3f}s after its scheduled time)" if late is not None else "",
            )
            try:
                # Scale hook: on PostgreSQL one daemon at a time runs each shared job.
                with shares.exclusive(self.engine, name, self.clock, self.settings.scale) as ours:
                    result = fn(self.engine, self.settings, self.clock) if ours else SHARED
            except Exception as exc:
                log.exception("job %s failed", name)
                outcome, error, summary = state.ERROR, f"{type(exc).__name__}: {exc}", ""
            else:
                outcome, error, summary = state.OK, "", describe(result)
                log.info("job %s finished: %s", name, summary or "ok")
            finally:
                self._current = ""
            self._record(name, outcome, summary=summary, error=error)
            release_memory()
            return outcome

    def _on_submitted(self, event: JobSubmissionEvent) -> None:
        # Runs on the scheduler thread just before the job is queued for the worker.
        if event.scheduled_run_times:
            self._scheduled[event.job_id] = max(event.scheduled_run_times)

    def _lateness(self, name: str) -> float | None:
        """Seconds between the scheduled time of this run and its start (scheduled runs only)."""
        scheduled = self._scheduled.pop(name, None)
        if scheduled is None:
            return None
        return (
            datetime.now(UTC) - scheduled
        ).total_seconds()  # the timer's own clock, not the injected one

    def _record_start(self, name: str) -> None:
        try:
            with write_session(self.engine) as s:
                now = self.clock.now()
                state.mark_started(s, name, now)
                if self._instance_id is not None:
                    state.heartbeat(s, self._instance_id, now, current_job=name)
        except Exception:
            log.exception("could not record the start of job %s", name)

    def _record(self, name: str, outcome: str, *, summary: str = "", error: str = "") -> None:
        try:
            with write_session(self.engine) as s:
                now = self.clock.now()
                state.mark_finished(
                    s, name, now, outcome, summary=summary, error=error, next_run=self._next(name)
                )
                if self._instance_id is not None:
                    state.heartbeat(s, self._instance_id, now, current_job="")
        except Exception:
            log.exception("could not record the outcome of job %s", name)

    def _next(self, name: str) -> datetime | None:
        if self.scheduler is None:
            return None
        job = self.scheduler.get_job(name)
        return None if job is None else job.next_run_time

    # --- a full cycle ----------------------------------------------------------------------

    def run_once(self) -> int:
        """Every job once, in pipeline order; 0 if none failed, else 1."""
        self._begin()
        try:
            outcomes = {spec.name: self.run_job(spec.name) for spec in JOBS}
        finally:
            self._end()
        failed = sorted(n for n, o in outcomes.items() if o == state.ERROR)
        if failed:
            log.error("cycle finished with failed jobs: %s", ", ".join(failed))
        return 1 if failed else 0

    # --- serving ---------------------------------------------------------------------------

    def serve(self, *, install_signals: bool = True) -> bool:
        """Run until SIGTERM/SIGINT (or ``stop()``). True if the last job finished in time."""
        if install_signals:
            self._install_signals()
        web = None
        if self.settings.web.enabled:  # web hook: the dashboard in a thread ([web] enabled)
            from forecasts.web.server import start_in_daemon

            web = start_in_daemon(self.settings, self.engine, self.clock)
        self._begin()
        beat = threading.Thread(target=self._heartbeat_loop, name="heartbeat", daemon=True)
        beat.start()
        # A second beat that never waits for the database (see daemon/lock.py).
        threading.Thread(target=self._touch_loop, name="heartbeat-file", daemon=True).start()
        try:
            for name in STARTUP_JOBS:
                self.run_job(name)
            if not self._stopping.is_set():
                self.scheduler = self._build_scheduler()
                self.scheduler.start()
                self._save_next_runs()
                log.info("daemon started: %s", self._schedule_line())
            while not self._stopping.is_set():
                self._wake.wait(timeout=60)
                self._wake.clear()
                if self._reload_requested and not self._stopping.is_set():
                    self._reload_requested = False
                    self.reload()
            return self._shutdown()
        finally:
            if web is not None:
                web.stop()
            self._end()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    def request_reload(self) -> None:
        self._reload_requested = True
        self._wake.set()

    def _install_signals(self) -> None:
        def on_stop(signum: int, _frame: FrameType | None) -> None:
            log.info(
                "received %s: finishing the running job, then exiting", signal.Signals(signum).name
            )
            self.stop()

        def on_hup(_signum: int, _frame: FrameType | None) -> None:
            self.request_reload()

        signal.signal(signal.SIGTERM, on_stop)
        signal.signal(signal.SIGINT, on_stop)
        signal.signal(signal.SIGHUP, on_hup)

    def _shutdown(self) -> bool:
        if self.scheduler is not None and self.scheduler.running:
            # No new submissions; queued runs see _stopping and return at once.
            self.scheduler.shutdown(wait=False)
        bound = self.settings.daemon.shutdown_timeout_seconds
        if self._job_lock.acquire(timeout=bound):
            self._job_lock.release()
            log.info("daemon stopped")
            return True
        log.warning(
            "job %s still running after %.0fs; exiting without it (its open transaction is rolled back)",
            self._current,
            bound,
        )
        return False

    def _begin(self) -> None:
        with write_session(self.engine) as s:
            self._instance_id = state.start_instance(s, self.clock.now())

    def _end(self) -> None:
        if self._instance_id is None:
            return
        try:
            with write_session(self.engine) as s:
                state.stop_instance(s, self._instance_id, self.clock.now())
        except Exception:
            log.exception("could not record the daemon's stop")

    def _touch_loop(self) -> None:
        url = self.settings.resolved_database_url()
        while not self._stopping.wait(self.settings.daemon.heartbeat_seconds):
            touch(url)

    def _heartbeat_loop(self) -> None:
        while not self._stopping.wait(self.settings.daemon.heartbeat_seconds):
            try:
                with write_session(self.engine) as s:
                    assert self._instance_id is not None
                    state.heartbeat(
                        s, self._instance_id, self.clock.now(), current_job=self._current
                    )
            except Exception:
                log.exception("heartbeat failed")

    # --- the schedule ----------------------------------------------------------------------

    def _build_scheduler(self) -> BackgroundScheduler:
        d = self.settings.daemon
        scheduler = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()},
            executors={"default": ThreadPoolExecutor(max_workers=1)},
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": d.misfire_grace_seconds,
            },
            timezone="UTC",
        )
        scheduler.add_listener(self._on_submitted, EVENT_JOB_SUBMITTED)
        now = self.clock.now()
        with session(self.engine) as s:
            rows = {r.name: r for r in state.all_job_states(s)}
        # Jobs due at the same instant run in pipeline order (the job store would otherwise
        # order them by name): each is nudged by its position, a millisecond apiece.
        order = {spec.name: timedelta(milliseconds=i) for i, spec in enumerate(JOBS)}
        for spec in JOBS:
            minutes = spec.interval_minutes(self.settings)
            if minutes is None:
                continue
            start = due_at(rows.get(spec.name), timedelta(minutes=minutes), now)
            start += order[spec.name]
            scheduler.add_job(
                self.run_job,
                interval_trigger(minutes, start),
                args=[spec.name],
                id=spec.name,
                name=spec.name,
                next_run_time=start,  # the trigger alone would skip to start + interval
            )
        # The report job checks the database for the month that is due, so running it at start
        # writes a report missed while the daemon was down, and does nothing otherwise.
        scheduler.add_job(
            self.run_job,
            monthly_trigger(self.settings),
            args=[REPORT],
            id=REPORT,
            name=REPORT,
            next_run_time=now + order[REPORT],
        )
        return scheduler

    def _save_next_runs(self) -> None:
        """Record every job's next run for `forecasts status` (jobs also do after each run)."""
        if self.scheduler is None:
            return
        try:
            with write_session(self.engine) as s:
                for job in self.scheduler.get_jobs():
                    state.set_next_run(s, job.id, job.next_run_time)
        except Exception:
            log.exception("could not record the schedule")

    def _schedule_line(self) -> str:
        assert self.scheduler is not None
        return ", ".join(
            f"{job.id} next {job.next_run_time:%Y-%m-%d %H:%M:%S%z}"
            for job in self.scheduler.get_jobs()
        )

    def reload(self) -> None:
        """Re-read config.toml: new feeds are subscribed and new schedules take effect."""
        try:
            new = self._reload()
        except ConfigError as exc:
            log.error("reload refused, keeping the running configuration: %s", exc)
            return
        old, self.settings = self.settings, new
        setup_logging(new)
        log.info("configuration reloaded from %s", new.config_path or "defaults")
        if self.scheduler is None:
            return
        now = self.clock.now()
        with session(self.engine) as s:
            rows = {r.name: r for r in state.all_job_states(s)}
        for spec in JOBS:
            minutes = spec.interval_minutes(new)
            if minutes is None or minutes == spec.interval_minutes(old):
                continue
            start = due_at(rows.get(spec.name), timedelta(minutes=minutes), now)
            self.scheduler.reschedule_job(spec.name, trigger=interval_trigger(minutes, start))
            self.scheduler.modify_job(spec.name, next_run_time=start)
            log.info("job %s now every %g minutes", spec.name, minutes)
        if (old.daemon.report_day, old.daemon.report_hour, old.timezone) != (
            new.daemon.report_day,
            new.daemon.report_hour,
            new.timezone,
        ):
            self.scheduler.reschedule_job(REPORT, trigger=monthly_trigger(new))
        self._save_next_runs()
        # Subscribe feeds added to the file (runs on the worker, after any running job).
        self.scheduler.add_job(
            self.run_job,
            "date",
            run_date=now,
            args=["sync_feeds"],
            id="sync_feeds",
            replace_existing=True,
        )
