"""forecasts daemon / status: the background service and what it is doing."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from typing import Any

import click

from forecasts.cli import render
from forecasts.cli.app import clean, cli, json_option, print_json, state
from forecasts.clock import SystemClock
from forecasts.config import load_settings
from forecasts.daemon.lock import InstanceLock
from forecasts.daemon.logs import setup_logging
from forecasts.daemon.status import gather
from forecasts.errors import InstallError
from forecasts.store.feeds import RETAINED_FEED

SEARCH_PREFIX = (
    "search/"  # forecasts.jobs.poll names each claim-search feed search/TEMPLATE/claim-ID
)


@cli.command("daemon")
@click.option("--once", is_flag=True, help="Run one full cycle of every job, then exit.")
def daemon_cmd(once: bool) -> int:
    """Run the scheduler in the foreground: poll, extract, ingest, verify, expire, report, notify.

    Logs go to stderr (and log_file). SIGTERM/SIGINT finish the running job and exit 0; SIGHUP
    reloads config.toml. A second daemon on the same SQLite database exits with code 75. On
    first start the bundled seeds are ingested and their archive feeds subscribed.

    \b
    Examples:
      forecasts daemon
      forecasts daemon --once     # for cron: one cycle, exit 1 if a job failed
    """
    try:  # the jobs layer sits above the CLI's shared helpers
        from forecasts.jobs.scheduler import Daemon
    except ImportError as exc:  # every job is imported here: none is skipped quietly
        raise InstallError(f"broken install, a job cannot be loaded: {exc}") from exc

    settings = state.settings()
    setup_logging(settings)
    with InstanceLock(settings.resolved_database_url()) as lock:
        engine = state.engine()
        config_path, overrides = state.config_path, dict(state.overrides)
        daemon = Daemon(
            settings,
            engine,
            SystemClock(),
            reload=lambda: load_settings(config_path, **overrides),
        )
        if once:
            return daemon.run_once()
        if not daemon.serve():
            # The running job overran the shutdown bound: leave without joining its thread.
            # Its uncommitted transaction is rolled back by the database.
            logging.shutdown()
            lock.release()
            os._exit(0)
    return 0


@cli.command("status")
@click.option("--verbose", "-v", is_flag=True, help="Whole error messages.")
@json_option
def status_cmd(as_json: bool, verbose: bool) -> None:
    """Show whether a daemon is running, each job's last and next run, feeds with errors,
    claims by status and claims falling due in the next 30 days.

    \b
    Example:
      forecasts status --json
    """
    from forecasts.jobs.registry import JOBS

    settings = state.settings()
    report = gather(state.read_engine(), settings, SystemClock().now(), [j.name for j in JOBS])
    if as_json:
        print_json(report.as_dict())
        return
    render.emit(status_lines(report, SystemClock().now(), verbose=verbose), pager=False)


def status_lines(report: Any, now: datetime, *, verbose: bool = False) -> list[str]:
    """`forecasts status` as lines within the terminal's width (errors whole with --verbose)."""
    columns = render.terminal_size()[0]

    def fit(line: str) -> str:
        # Callers fold the text they insert (``one``); the layout's own spaces stay.
        return line if verbose else render.cut(line, columns, fold=False)

    def one(text: object) -> str:
        return render.one_line(clean(str(text)))

    lines: list[str] = []
    d = report.daemon
    if d.running:
        since = _t(d.since, now)
        doing = f", running {d.current_job}" if d.current_job else ", idle"
        beat = ""
        if d.heartbeat_at is not None:
            beat = f", heartbeat {(now - d.heartbeat_at).total_seconds():.0f}s ago"
        lines.append(fit(f"daemon: running (pid {d.pid}) since {since}{one(doing)}{beat}"))
    else:
        lines.append("daemon: not running")
    lines += ["", f"jobs:{'':<10}{'outcome':<12}{'last':<18}next"]
    for job in report.jobs:
        last = job["last_finished"] or job["last_started"]
        outcome = job["last_outcome"] or "never run"
        lines.append(
            fit(f"  {job['name']:<13}{outcome:<12}{_t(last, now):<18}{_t(job['next_run'], now)}")
        )
        if job["last_error"]:
            lines.append(fit(f"    ! {one(job['last_error'])}"))
    own = [f for f in report.feeds_with_errors if not str(f["name"]).startswith(SEARCH_PREFIX)]
    searches = [f for f in report.feeds_with_errors if str(f["name"]).startswith(SEARCH_PREFIX)]
    own = [f for f in own if f["name"] != RETAINED_FEED]
    if own or searches:
        lines += ["", "feeds with errors:"]
    for f in own:
        why = f["disabled_reason"] or f["last_error"]
        lines.append(fit(f"  {one(f['name'])}: {f['consecutive_errors']}x {one(why)}"))
    if searches:
        sample = searches[0]["last_error"] or searches[0]["disabled_reason"]
        lines.append(fit(f"  claim-search feeds: {len(searches)} failing, e.g. {one(sample)}"))
    lines += ["", "claims by status:"]
    for name, count in report.claims_by_status.items() or {"(none)": 0}.items():
        lines.append(f"  {name:<15} {count}")
    lines += ["", f"claims due in the next 30 days: {len(report.claims_due_soon)}"]
    for c in report.claims_due_soon[:20]:
        lines.append(fit(f"  {c['id']:>5}  {c['due_latest']}  {one(c['claim'])}"))
    n = report.notifications
    if any(n.values()):
        lines += [
            "",
            f"notifications: {n['sent']} sent, {n['pending']} pending, {n['gave_up']} given up",
        ]
    return lines


def _t(value: object, now: datetime) -> str:
    """A time in 16 columns or fewer: HH:MM:SS today, else YYYY-MM-DD HH:MM (UTC)."""
    if value is None:
        return "-"
    if isinstance(value, datetime):
        if value.date() == now.date():
            return value.strftime("%H:%M:%S")
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)
