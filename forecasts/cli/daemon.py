"""forecasts daemon / status: the background service and what it is doing."""

from __future__ import annotations

import logging
import os
import sys

import click

from forecasts.cli.app import clean, cli, console, json_option, print_json, state
from forecasts.clock import SystemClock
from forecasts.config import load_settings
from forecasts.daemon.lock import InstanceLock
from forecasts.daemon.logs import setup_logging
from forecasts.daemon.status import gather


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
    from jobs.scheduler import Daemon  # the jobs layer sits above the CLI's shared helpers

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
@json_option
def status_cmd(as_json: bool) -> None:
    """Show whether a daemon is running, each job's last and next run, feeds with errors,
    claims by status and claims falling due in the next 30 days.

    \b
    Example:
      forecasts status --json
    """
    from jobs.registry import availability

    settings = state.settings()
    report = gather(state.read_engine(), settings, SystemClock().now(), availability())
    if as_json:
        print_json(report.as_dict())
        return
    d = report.daemon
    if d.running:
        since = d.since.isoformat(timespec="seconds") if d.since else "?"
        doing = f", running {d.current_job}" if d.current_job else ", idle"
        beat = ""
        if d.heartbeat_at is not None:
            age = (SystemClock().now() - d.heartbeat_at).total_seconds()
            beat = f", last heartbeat {age:.0f}s ago"
        console.print(f"daemon: running (pid {d.pid}) since {since}{doing}{beat}", markup=False)
    else:
        console.print("daemon: not running", markup=False)
    console.print("\njobs:", markup=False)
    for job in report.jobs:
        last = job["last_finished"] or job["last_started"]
        outcome = job["last_outcome"] or "never run"
        if not job["available"]:
            outcome = "unavailable"
        line = f"  {job['name']:<11} {outcome:<11} last {_t(last):<20} next {_t(job['next_run'])}"
        if job["last_error"] and job["available"]:
            line += f"  error: {clean(job['last_error'])[:120]}"
        console.print(line, markup=False)
    if report.feeds_with_errors:
        console.print("\nfeeds with errors:", markup=False)
        for f in report.feeds_with_errors:
            why = f["disabled_reason"] or f["last_error"]
            console.print(
                f"  {clean(f['name'])}: {f['consecutive_errors']}x {clean(why)[:120]}", markup=False
            )
    console.print("\nclaims by status:", markup=False)
    for name, count in report.claims_by_status.items() or {"(none)": 0}.items():
        console.print(f"  {name:<15} {count}", markup=False)
    console.print(f"\nclaims due in the next 30 days: {len(report.claims_due_soon)}", markup=False)
    for c in report.claims_due_soon[:20]:
        console.print(f"  #{c['id']} {c['due_latest']}  {clean(c['claim'])[:100]}", markup=False)
    n = report.notifications
    if any(n.values()):
        console.print(
            f"\nnotifications: {n['sent']} sent, {n['pending']} pending, {n['gave_up']} given up",
            markup=False,
        )
    sys.stdout.flush()


def _t(value: object) -> str:
    if value is None:
        return "-"
    return value.isoformat(timespec="seconds") if hasattr(value, "isoformat") else str(value)
