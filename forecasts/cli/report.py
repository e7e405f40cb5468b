"""forecasts report / export: monthly accuracy reports and data export."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from forecasts.cli.app import cli, err_console, parse_date_option, state
from forecasts.cli.claims import filter_options, make_filter
from forecasts.clock import SystemClock, local_day
from forecasts.errors import InputError
from forecasts.jobs.report import monthly_report, report_paths
from forecasts.reports import export as exporting
from forecasts.reports import render
from forecasts.reports.model import previous_month
from forecasts.store import claim_export
from forecasts.store.claim_lists import matching_ids


def default_month(engine: Any, zone: Any, now: datetime) -> tuple[str, str]:
    """The month `forecasts report` shows without --month, and why (one definition, shared
    with the daemon's first report: forecasts.jobs.report)."""
    from forecasts.store.claim_lists import latest_resolved_month

    today = local_day(now, zone)
    previous = previous_month(now, str(zone))
    with engine.connect() as conn:
        latest = latest_resolved_month(conn, today.replace(day=1))
    if latest is None:
        return previous, "no claims resolved yet; the previous month"
    if latest == previous:
        return previous, "the previous month"
    return latest, f"the most recent month with resolved claims (none in {previous})"


@cli.command(name="report")
@click.option(
    "--month",
    metavar="YYYY-MM",
    help="Month to report on (default: the most recent month with resolved claims).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(render.FORMATS),
    default="table",
    show_default=True,
    help="table for the terminal, md (with chart files beside it), html (one file), json.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    help="Write to this file (md and html default to reports_dir/YYYY-MM.md|.html).",
)
def report_cmd(month: str | None, fmt: str, out: str | None) -> None:
    """Monthly accuracy report: hit rates, calibration, Brier scores, track records.

    Claims count in the month their due window closes. Months follow the configured
    time zone. Without --month: the most recent month before this one with claims resolved
    (fulfilled or unfulfilled), which is the previous month once the daemon has run a while;
    the month chosen is said on stderr. In the terminal the tables fit its width.

    \b
    Examples:
      forecasts report
      forecasts report --month 2023-12 --format html
      forecasts report --month 2023-12 --format json > 2023-12.json
    """
    settings = state.settings()
    engine = state.read_engine()
    if month is None:
        month, why = default_month(engine, settings.zone, SystemClock().now())
        err_console.print(f"report for {month}: {why} (--month to choose)", markup=False)
    report = monthly_report(engine, settings, SystemClock(), month=month)
    if out is None and fmt in ("md", "html"):
        out = str(report_paths(settings, report.month, [fmt])[0])
    if out is not None:
        try:
            paths = render.write(report, fmt, Path(out))
        except OSError as exc:
            raise InputError(f"--out: cannot write {out}: {exc.strerror}") from exc
        for path in paths:
            err_console.print(f"wrote {path}", markup=False)
    elif fmt == "table":
        from forecasts.cli import render as term
        from forecasts.cli.report_text import report_lines

        lines = report_lines(report, term.terminal_size()[0])
        term.emit(lines, pager=not state.no_pager)
    else:
        sys.stdout.write(render.render_text(report, fmt))


@cli.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="CSV (lists as JSON text) or a JSON array.",
)
@filter_options
@click.option("--since", metavar="DATE", help="Only claims made on or after DATE (YYYY-MM-DD).")
@click.option(
    "--out", type=click.Path(dir_okay=False), help="Write to this file (default: stdout)."
)
def export_cmd(
    fmt: str,
    search: str,
    speaker: str,
    outlet: str,
    tags: tuple[str, ...],
    due_before: str | None,
    due_after: str | None,
    statuses: tuple[str, ...],
    since: str | None,
    out: str | None,
) -> None:
    """Export every claim with its article, speaker, hedge, window, status and evidence.

    \b
    Examples:
      forecasts export --format csv --out claims.csv
      forecasts export --format json --status fulfilled --since 2023-01-01
      forecasts export --format csv --speaker Blinken --search Beijing --out blinken.csv
    """
    since_day = parse_date_option(since, "--since")
    found = make_filter(search, speaker, outlet, tags, due_before, due_after, statuses)
    rows = claim_export.iter_claims(
        state.read_engine(), since=since_day, claim_ids=matching_ids(found)
    )
    write = exporting.write_csv if fmt == "csv" else exporting.write_json
    if out is None:
        write(rows, sys.stdout)
        return
    path = Path(out)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            n = write(rows, fh)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"--out: cannot write {path}: {exc.strerror}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    err_console.print(f"wrote {n} claims to {path}", markup=False)
