"""`forecasts report` and the monthly job that the daemon runs on the 1st."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.jobs.report import write_monthly_report
from tests.report_data import small_db


def test_job_writes_md_and_html_for_the_previous_month(engine: Engine, settings: Settings) -> None:
    """On 1 July the previous month is June; files go to reports_dir as YYYY-MM.md/.html."""
    small_db(engine)
    clock = FixedClock(datetime(2023, 7, 1, 0, 5, tzinfo=UTC))
    summary = write_monthly_report(engine, settings, clock)
    assert summary.month == "2023-06" and summary.written
    folder = settings.path(settings.reports_dir)
    names = sorted(Path(p).name for p in summary.paths)
    assert names == ["2023-06-reliability.svg", "2023-06-trend.svg", "2023-06.html", "2023-06.md"]
    assert all(Path(p).parent == folder for p in summary.paths)


def test_previous_month_follows_the_configured_time_zone(
    engine: Engine, settings: Settings
) -> None:
    """At 23:30 UTC on 31 July it is already 1 August in Tokyo: the report is July's."""
    settings.timezone = "Asia/Tokyo"
    clock = FixedClock(datetime(2023, 7, 31, 23, 30, tzinfo=UTC))
    assert write_monthly_report(engine, settings, clock, formats=["json"]).month == "2023-07"
    settings.timezone = "UTC"
    assert write_monthly_report(engine, settings, clock, formats=["json"]).month == "2023-06"


def test_skip_existing_leaves_a_written_report_alone(engine: Engine, settings: Settings) -> None:
    clock = FixedClock(datetime(2023, 7, 1, tzinfo=UTC))
    first = write_monthly_report(engine, settings, clock, formats=["json"], skip_existing=True)
    again = write_monthly_report(engine, settings, clock, formats=["json"], skip_existing=True)
    assert first.written and not again.written and again.paths == first.paths


def test_report_command_prints_json(engine: Engine, run_cli) -> None:  # type: ignore[no-untyped-def]
    small_db(engine)
    result = run_cli("report", "--month", "2023-06", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["counts"]["fulfilled"] == 3


def test_report_command_table_in_the_terminal(engine: Engine, run_cli) -> None:  # type: ignore[no-untyped-def]
    small_db(engine)
    result = run_cli("report", "--month", "2023-06")
    assert result.code == 0, result.err
    assert "Hit rate: 60% of 5 resolved claims" in result.out


def test_report_command_writes_html_to_out(engine: Engine, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    small_db(engine)
    out = tmp_path / "sub" / "june.html"
    result = run_cli("report", "--month", "2023-06", "--format", "html", "--out", str(out))
    assert result.code == 0, result.err
    assert out.read_text(encoding="utf-8").count("<svg") == 2
    assert str(out) in result.err


def test_md_without_out_goes_to_the_reports_folder(
    engine: Engine, run_cli, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("report", "--month", "2023-06", "--format", "md")
    assert result.code == 0, result.err
    assert (settings.path(settings.reports_dir) / "2023-06.md").is_file()


def test_a_bad_month_is_one_clear_error(run_cli, engine) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("report", "--month", "2023-13")
    assert result.code == 2
    assert "--month: '2023-13' is not a month (expected YYYY-MM)" in result.err


def test_an_empty_month_is_not_an_error(run_cli, engine) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("report", "--month", "2031-02")
    assert result.code == 0
    assert "No claims fell due in February 2031." in result.out
