"""The job runner, the inbox and the monthly report, in-process with a fixed clock."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

import jobs.inbox
import jobs.monthly
import jobs.scheduler
from forecasts.clock import FixedClock
from forecasts.config import Settings, load_settings
from forecasts.daemon import state
from forecasts.db import session
from forecasts.errors import ArticleError
from forecasts.models import Feed
from forecasts.models.daemon import DaemonMark, JobState
from jobs.registry import JOBS, Unavailable, availability, resolve
from jobs.scheduler import Daemon

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


def test_a_missing_module_is_unavailable_with_the_reason() -> None:
    with pytest.raises(Unavailable, match="cannot be imported"):
        resolve("jobs.no_such_module:run")
    with pytest.raises(Unavailable, match="has no function"):
        resolve("jobs.registry:no_such_function")
    assert set(availability()) >= {"poll", "verify", "report", "notify", "inbox"}
    assert availability()["notify"] == ""


def test_run_job_records_an_unavailable_job_and_skips_it(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(target: str) -> Any:
        raise Unavailable("jobs.poll cannot be imported")

    monkeypatch.setattr(jobs.scheduler, "resolve", missing)
    assert Daemon(cfg, engine, clock).run_job("poll") == state.UNAVAILABLE
    row = _job(engine, "poll")
    assert row is not None and row.last_outcome == "unavailable" and row.runs == 0
    assert "cannot be imported" in row.last_error


def test_a_failing_job_is_recorded_and_does_not_escape(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception in a job becomes outcome 'error' with the message; the runner carries on."""

    def broken(*args: Any) -> None:
        raise RuntimeError("feed exploded")

    monkeypatch.setattr(jobs.scheduler, "resolve", lambda target: broken)
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

    def fake(target: str) -> Any:
        def run(engine: Engine, settings: Settings, clock: Any) -> None:
            calls.append(target)
            if target.startswith("jobs.expire"):
                raise ValueError("bad")

        return run

    monkeypatch.setattr(jobs.scheduler, "resolve", fake)
    assert Daemon(cfg, engine, clock).run_once() == 1
    assert calls[0] == "jobs.poll:sync_config_feeds" and calls[-1] == "jobs.notify:notify"
    assert len(calls) == len(JOBS)


# --- inbox and seeds ---------------------------------------------------------------------------


class FakeIngest:
    """Stands in for jobs.ingest.ingest_sources (another area's job): refuses 'bad' files."""

    def __init__(self) -> None:
        self.sources: list[str] = []

    def __call__(self, engine: Engine, settings: Settings, clock: Any, sources: list[str]) -> str:
        self.sources += sources
        if any("bad" in Path(s).name for s in sources):
            raise ArticleError("no article text")
        return "ok"


@pytest.fixture
def ingest(monkeypatch: pytest.MonkeyPatch) -> FakeIngest:
    fake = FakeIngest()
    monkeypatch.setattr(jobs.inbox, "resolve", lambda target: fake)
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
    summary = jobs.inbox.ingest_inbox(engine, cfg, clock)
    assert summary.done == ["good.txt"] and summary.failed == ["bad.txt"]
    assert (inbox / "done" / "good.txt").exists() and (inbox / "done" / "good.meta.toml").exists()
    assert (inbox / "failed" / "bad.txt").exists()
    assert "no article text" in (inbox / "failed" / "bad.txt.error.txt").read_text()
    assert sorted(p.name for p in inbox.iterdir()) == ["done", "failed"]
    assert jobs.inbox.ingest_inbox(engine, cfg, clock).done == []


def test_a_file_still_being_written_waits(
    engine: Engine, cfg: Settings, clock: FixedClock, ingest: FakeIngest
) -> None:
    inbox = cfg.path(cfg.inbox_dir)
    fresh = _drop(inbox, "fresh.txt")
    os.utime(fresh, (NOW.timestamp(), NOW.timestamp()))
    assert jobs.inbox.ingest_inbox(engine, cfg, clock).waiting == 1
    assert fresh.exists() and ingest.sources == []


def test_seeds_are_ingested_and_subscribed_once(
    engine: Engine, cfg: Settings, clock: FixedClock, ingest: FakeIngest
) -> None:
    """First start: seeds/articles ingested, seeds/feeds/*.xml subscribed as file:// feeds."""
    seeds = cfg.path(cfg.seeds_dir)
    _drop(seeds / "articles", "a.txt")
    _drop(seeds / "feeds", "archive.xml", "<rss/>")
    first = jobs.inbox.ingest_seeds(engine, cfg, clock)
    assert first.feeds_subscribed == ["seed-archive"]
    assert ingest.sources == [str(seeds / "articles")]
    again = jobs.inbox.ingest_seeds(engine, cfg, clock)
    assert again.feeds_subscribed == [] and ingest.sources == [str(seeds / "articles")]
    with session(engine) as s:
        feed = s.exec(select(Feed)).one()
        assert s.get(DaemonMark, "seeds.articles") is not None
    assert feed.url == (seeds / "feeds" / "archive.xml").resolve().as_uri()
    assert feed.origin == "seeds" and feed.interval_minutes == 1440


def test_seed_articles_wait_for_the_ingest_job(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without jobs.ingest the article seeds are not marked done, so a later run picks them up."""

    def missing(target: str) -> Any:
        raise Unavailable("no jobs.ingest")

    monkeypatch.setattr(jobs.inbox, "resolve", missing)
    _drop(cfg.path(cfg.seeds_dir) / "articles", "a.txt")
    assert jobs.inbox.ingest_seeds(engine, cfg, clock).articles == "waiting: no jobs.ingest"
    with session(engine) as s:
        assert s.get(DaemonMark, "seeds.articles") is None


# --- monthly report ----------------------------------------------------------------------------


def _no_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(target: str) -> Any:
        raise Unavailable("no jobs.report")

    monkeypatch.setattr(jobs.monthly, "resolve", missing)


def test_without_the_renderer_a_status_summary_is_written_once(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On 10 March the February report is due; a missed 1st is caught up, and only once."""
    _no_renderer(monkeypatch)
    first = jobs.monthly.write_due_report(engine, cfg, clock)
    assert first.month == "2024-02" and first.kind == "summary"
    assert (cfg.path(cfg.reports_dir) / "status-2024-02.md").read_text().startswith("# forecasts")
    assert jobs.monthly.write_due_report(engine, cfg, clock).kind == ""


def test_the_real_report_replaces_the_summary_once_it_lands(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_renderer(monkeypatch)
    jobs.monthly.write_due_report(engine, cfg, clock)
    months: list[str | None] = []

    class Report:
        paths = ("reports/2024-02.md",)

    def render(engine: Engine, settings: Settings, clock: Any, *, month: str | None = None) -> Any:
        months.append(month)
        return Report()

    monkeypatch.setattr(jobs.monthly, "resolve", lambda target: render)
    assert jobs.monthly.write_due_report(engine, cfg, clock).kind == "report"
    assert jobs.monthly.write_due_report(engine, cfg, clock).kind == ""
    assert months == ["2024-02"]


def test_errors_reported_in_the_ingest_summary_also_fail_the_file(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ingest_sources records a bad input in its summary instead of raising: still failed/."""

    class Result:
        error = "empty.txt: no article text"

    class Summary:
        errors = (Result(),)

    monkeypatch.setattr(jobs.inbox, "resolve", lambda target: lambda *a: Summary())
    inbox = cfg.path(cfg.inbox_dir)
    _drop(inbox, "empty.txt", "")
    assert jobs.inbox.ingest_inbox(engine, cfg, clock).failed == ["empty.txt"]
    assert "no article text" in (inbox / "failed" / "empty.txt.error.txt").read_text()


def test_inbox_files_wait_while_the_extractor_is_missing(
    engine: Engine, cfg: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the claim extractor nothing is ingested (or failed): the files stay for later."""

    def resolve(target: str) -> Any:
        if target == jobs.inbox.EXTRACTOR:
            raise Unavailable("forecasts.claims.extract cannot be imported")
        return FakeIngest()

    monkeypatch.setattr(jobs.inbox, "resolve", resolve)
    inbox = cfg.path(cfg.inbox_dir)
    _drop(inbox, "later.txt")
    with pytest.raises(Unavailable):
        jobs.inbox.ingest_inbox(engine, cfg, clock)
    assert (inbox / "later.txt").exists()


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

    monkeypatch.setattr(jobs.monthly, "resolve", lambda target: lambda *a, **k: Existing())
    assert jobs.monthly.write_due_report(engine, cfg, clock).kind == "report"
    with session(engine) as s:
        assert s.exec(select(Outbox)).all() == []
