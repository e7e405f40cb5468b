"""The job runner, the inbox and the monthly report, in-process with a fixed clock."""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

import forecasts.jobs.inbox
import forecasts.jobs.report
import forecasts.jobs.scheduler
from forecasts.clock import FixedClock
from forecasts.config import Settings, load_settings
from forecasts.db import session
from forecasts.errors import ArticleError
from forecasts.jobs.ingest import IngestSummary
from forecasts.jobs.registry import JOBS, JobSpec
from forecasts.jobs.scheduler import Daemon
from forecasts.models import Feed
from forecasts.models.daemon import DaemonMark, JobState
from forecasts.store import daemon as state

NOW = datetime(2024, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def cfg(tmp_path: Path, db_url: str) -> Settings:
    (tmp_path / "seeds" / "articles").mkdir(parents=True)
    (tmp_path / "seeds" / "feeds").mkdir()
    path = tmp_path / "config.toml"
    path.write_text(f'database_url = "{db_url}"\n', encoding="utf-8")
    return load_settings(path)


def _job(engine: Engine, name: str) -> JobState | None:
    with session(engine) as s:
        return s.get(JobState, name)


def test_every_job_is_imported_directly() -> None:
    """The registry holds functions, not import strings: a broken install fails at start."""
    assert [spec.name for spec in JOBS][:2] == ["sync_feeds", "seeds"]
    assert all(callable(spec.function) for spec in JOBS)


def test_a_failing_job_is_recorded_and_does_not_escape(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception in a job becomes outcome 'error' with the message; the runner carries on."""

    def broken(*args: Any) -> None:
        raise RuntimeError("feed exploded")

    _replace_jobs(monkeypatch, lambda spec: broken)
    daemon = Daemon(cfg, engine, clock)
    assert daemon.run_job("verify") == state.ERROR
    row = _job(engine, "verify")
    assert row is not None and row.last_outcome == "error" and row.runs == 1
    assert row.last_error == "RuntimeError: feed exploded"
    assert row.last_started == NOW and row.last_finished == NOW


def test_run_once_runs_every_job_and_reports_failure(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def fake(spec: JobSpec) -> Any:
        def run(engine: Engine, settings: Settings, clock: Any) -> None:
            calls.append(spec.name)
            if spec.name == "expire":
                raise ValueError("bad")

        return run

    _replace_jobs(monkeypatch, fake)
    assert Daemon(cfg, engine, clock).run_once() == 1
    assert calls[0] == "sync_feeds" and calls[-1] == "notify"
    assert len(calls) == len(JOBS)


def _replace_jobs(monkeypatch: pytest.MonkeyPatch, make: Any) -> None:
    """Every job's function replaced by ``make(spec)`` for the daemon under test."""
    specs = tuple(dataclasses.replace(spec, function=make(spec)) for spec in JOBS)
    monkeypatch.setattr(forecasts.jobs.scheduler, "JOBS", specs)
    monkeypatch.setattr(forecasts.jobs.scheduler, "BY_NAME", {spec.name: spec for spec in specs})


# --- inbox and seeds ---------------------------------------------------------------------------


class FakeIngest:
    """Stands in for forecasts.jobs.ingest.ingest_sources (another area's job): refuses 'bad' files."""

    def __init__(self) -> None:
        self.sources: list[str] = []

    def __call__(
        self, engine: Engine, settings: Settings, clock: Any, sources: list[str]
    ) -> IngestSummary:
        self.sources += sources
        if any("bad" in Path(s).name for s in sources):
            raise ArticleError("no article text")
        return IngestSummary()


@pytest.fixture
def ingest(monkeypatch: pytest.MonkeyPatch) -> FakeIngest:
    fake = FakeIngest()
    monkeypatch.setattr(forecasts.jobs.inbox, "ingest_sources", fake)
    return fake


def _drop(folder: Path, name: str, text: str = "text") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    old = NOW.timestamp() - 60
    os.utime(path, (old, old))
    return path


def test_inbox_moves_ingested_files_to_done_and_failures_to_failed(
    engine: Engine, cfg: Settings, clock: FixedClock, ingest: FakeIngest
) -> None:
    """Nothing dropped in is lost: done/ or failed/ with the error next to it; sidecars follow."""
    inbox = cfg.path(cfg.inbox_dir)
    _drop(inbox, "good.txt")
    _drop(inbox, "good.meta.toml", 'published = "2024-03-01"\n')
    _drop(inbox, "bad.txt")
    summary = forecasts.jobs.inbox.ingest_inbox(engine, cfg, clock)
    assert summary.done == ["good.txt"] and summary.failed == ["bad.txt"]
    assert (inbox / "done" / "good.txt").exists() and (inbox / "done" / "good.meta.toml").exists()
    assert (inbox / "failed" / "bad.txt").exists()
    assert "no article text" in (inbox / "failed" / "bad.txt.error.txt").read_text()
    assert sorted(p.name for p in inbox.iterdir()) == ["done", "failed"]
    assert forecasts.jobs.inbox.ingest_inbox(engine, cfg, clock).done == []


def test_a_file_still_being_written_waits(
    engine: Engine, cfg: Settings, clock: FixedClock, ingest: FakeIngest
) -> None:
    inbox = cfg.path(cfg.inbox_dir)
    fresh = _drop(inbox, "fresh.txt")
    os.utime(fresh, (NOW.timestamp(), NOW.timestamp()))
    assert forecasts.jobs.inbox.ingest_inbox(engine, cfg, clock).waiting == 1
    assert fresh.exists() and ingest.sources == []


def test_seeds_are_ingested_and_subscribed_once(
    engine: Engine, cfg: Settings, clock: FixedClock, ingest: FakeIngest
) -> None:
    """First start: seeds/articles ingested, seeds/feeds/*.xml subscribed as file:// feeds."""
    seeds = cfg.path(cfg.seeds_dir)
    _drop(seeds / "articles", "a.txt")
    _drop(seeds / "feeds", "archive.xml", "<rss/>")
    first = forecasts.jobs.inbox.ingest_seeds(engine, cfg, clock)
    assert first.feeds_subscribed == ["seed-archive"]
    assert ingest.sources == [str(seeds / "articles")]
    again = forecasts.jobs.inbox.ingest_seeds(engine, cfg, clock)
    assert again.feeds_subscribed == [] and ingest.sources == [str(seeds / "articles")]
    with session(engine) as s:
        feed = s.exec(select(Feed)).one()
        assert s.get(DaemonMark, "seeds.articles") is not None
    assert feed.url == (seeds / "feeds" / "archive.xml").resolve().as_uri()
    assert feed.origin == "seeds" and feed.interval_minutes == 1440


# --- monthly report ----------------------------------------------------------------------------


def test_errors_reported_in_the_ingest_summary_also_fail_the_file(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ingest_sources records a bad input in its summary instead of raising: still failed/."""

    class Result:
        error = "empty.txt: no article text"

    class Summary:
        errors = (Result(),)

    monkeypatch.setattr(forecasts.jobs.inbox, "ingest_sources", lambda *a: Summary())
    inbox = cfg.path(cfg.inbox_dir)
    _drop(inbox, "empty.txt", "")
    assert forecasts.jobs.inbox.ingest_inbox(engine, cfg, clock).failed == ["empty.txt"]
    assert "no article text" in (inbox / "failed" / "empty.txt.error.txt").read_text()


def test_a_report_already_written_by_hand_is_not_announced_again(
    tmp_path: Path, db_url: str, engine: Engine, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The renderer says written=False (`forecasts report` made it earlier): no notification."""
    from forecasts.models.daemon import Outbox

    path = tmp_path / "hook.toml"
    path.write_text(
        f'database_url = "{db_url}"\n[notify]\nwebhook_url = "http://127.0.0.1:9/x"\n',
        encoding="utf-8",
    )
    cfg = load_settings(path)

    class Existing:
        paths = ("reports/2024-02.md",)
        written = False

    monkeypatch.setattr(forecasts.jobs.report, "write_monthly_report", lambda *a, **k: Existing())
    assert forecasts.jobs.report.write_due_report(engine, cfg, clock).kind == "report"
    with session(engine) as s:
        assert s.exec(select(Outbox)).all() == []


@pytest.mark.parametrize(
    "missing",
    [
        "forecasts.jobs.verify",  # a module of the package (a wheel built without jobs/)
        "forecasts.store.outbox",  # a module a job imports
        "feedparser",  # a dependency
    ],
)
def test_a_broken_install_makes_daemon_once_fail(tmp_path: Path, db_url: str, missing: str) -> None:
    """A module that cannot be imported stops `daemon --once` with exit code 70 and one
    readable line naming it, instead of skipping the job and exiting 0."""
    import subprocess
    import sys

    config = tmp_path / "broken.toml"
    config.write_text(f'database_url = "{db_url}"\n[daemon]\ningest_seeds = false\n', "utf-8")
    script = (
        f"import sys; sys.modules[{missing!r}] = None\n"
        "from forecasts.cli import main\n"
        f"sys.exit(main(['--config', {str(config)!r}, 'daemon', '--once']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 70, done.stderr
    assert "broken install" in done.stderr and missing in done.stderr
    assert "Traceback" not in done.stderr
