"""The report and status in the terminal's width; the month chosen without --month; reports on
disk that follow later changes of their claims."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

import forecasts.jobs.report
from forecasts.cli.render import width
from forecasts.clock import FixedClock
from forecasts.config import Settings, load_settings
from forecasts.db import write_session
from forecasts.store import claims as claim_store
from tests.report_data import small_db
from tests.test_verify_factories import make_article, make_claim


@pytest.mark.parametrize("columns", [80, 60])
def test_report_table_fits_the_terminal(run_cli, engine: Engine, monkeypatch, columns: int) -> None:  # type: ignore[no-untyped-def]
    """Every line of the terminal report fits; no value is cut to one word per line."""
    small_db(engine)
    monkeypatch.setenv("COLUMNS", str(columns))
    r = run_cli("report", "--month", "2023-06")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert all(width(line) <= columns for line in lines), max(lines, key=width)
    assert "Blinken will visit Beijing" in r.out  # a claim's text stays whole on its line


def test_report_without_month_picks_the_latest_month_with_resolved_claims(
    run_cli, engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    """Data from 2023 and no --month: the 2023 month with verdicts is shown, and said so."""
    small_db(engine)
    r = run_cli("report")
    assert r.code == 0, r.err
    assert "report for 2023-06: the most recent month with resolved claims" in r.err
    assert "June 2023" in r.out


def test_status_fits_80_columns(run_cli, engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Long claim texts in `status` are cut to the width."""
    monkeypatch.setenv("COLUMNS", "80")
    today = datetime.now(UTC).date()
    make_claim(
        engine, make_article(engine), claim="word " * 60, due_latest=today + timedelta(days=3)
    )
    r = run_cli("status")
    assert r.code == 0, r.err
    assert all(width(line) <= 80 for line in r.out.splitlines())
    assert "claims due in the next 30 days: 1" in r.out


@pytest.fixture
def cfg(tmp_path: Path, db_url: str) -> Settings:
    path = tmp_path / "config.toml"
    path.write_text(f'database_url = "{db_url}"\n', encoding="utf-8")
    return load_settings(path)


def test_first_daemon_report_is_the_latest_month_with_resolved_claims(
    engine: Engine, cfg: Settings
) -> None:
    """A fresh install in 2026 with 2023 data writes the 2023 month with verdicts too."""
    small_db(engine)
    clock = FixedClock(datetime(2026, 12, 4, 9, tzinfo=UTC))
    result = forecasts.jobs.report.write_due_report(engine, cfg, clock)
    assert result.month == "2026-11" and result.first == "2023-06"
    assert (cfg.path(cfg.reports_dir) / "2023-06.md").exists()
    again = forecasts.jobs.report.write_due_report(engine, cfg, clock)
    assert again.first == ""  # only the first time


def test_a_report_is_rewritten_when_a_claim_of_its_month_changes(
    engine: Engine, cfg: Settings
) -> None:
    """Resolving a claim of a reported month later makes the refresh job rewrite that report."""
    article = make_article(engine)
    claim_id = make_claim(engine, article, due_latest=date(2026, 11, 20))
    clock = FixedClock(datetime(2026, 12, 4, 9, tzinfo=UTC))
    forecasts.jobs.report.write_due_report(engine, cfg, clock)
    report = cfg.path(cfg.reports_dir) / "2026-11.md"
    before = report.read_text(encoding="utf-8")
    assert forecasts.jobs.report.refresh_reports(engine, cfg, clock) == []  # nothing changed
    later = FixedClock(datetime(2026, 12, 5, 9, tzinfo=UTC))
    with write_session(engine) as s:
        claim = claim_store.get_claim(s, claim_id)
        claim_store.change_status(
            s, claim, "fulfilled", by="user", reason="seen", evidence=[], now=later.now()
        )
    assert forecasts.jobs.report.refresh_reports(
        engine, cfg, FixedClock(datetime(2026, 12, 5, 10, tzinfo=UTC))
    ) == ["2026-11"]
    assert report.read_text(encoding="utf-8") != before
    assert forecasts.jobs.report.refresh_reports(engine, cfg, later) == []
