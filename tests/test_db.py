"""Database: migrations create the schema the models describe; SQLite is tuned for concurrency."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel, select

from forecasts.db import is_sqlite, open_database, session, write_session
from forecasts.models import Article


def test_migrations_match_the_models(engine: Engine) -> None:
    """After `upgrade head` the database has exactly the tables and columns of models.py."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = [d for d in compare_metadata(ctx, SQLModel.metadata) if not _is_search_index(d)]
    assert diff == []


def _is_search_index(change: object) -> bool:
    # Full-text search tables and indexes are made by raw SQL in the migrations (FTS5 / GIN)
    # and have no model; they are not drift.
    text = repr(change)
    return "_fts" in text or "search" in text


def test_opening_twice_is_harmless(db_url: str) -> None:
    """Migrations run on every open; a second open of a migrated database changes nothing."""
    open_database(db_url).dispose()
    open_database(db_url).dispose()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(engine: Engine) -> None:
    if not is_sqlite(engine):
        pytest.skip("SQLite only")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_datetimes_come_back_aware_in_utc(engine: Engine) -> None:
    """A time stored from any zone comes back as the same instant, tz-aware UTC."""
    tokyo = timezone(timedelta(hours=9))
    stamp = datetime(2023, 6, 18, 9, 30, tzinfo=tokyo)
    with write_session(engine) as s:
        s.add(
            Article(content_hash="h", text="t", reference_date=date(2023, 6, 18), ingested_at=stamp)
        )
    with session(engine) as s:
        got = s.exec(select(Article)).one().ingested_at
    assert got == stamp and got.tzinfo == UTC


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    with pytest.raises(Exception, match="naive"), write_session(engine) as s:
        s.add(
            Article(
                content_hash="n",
                text="t",
                reference_date=date(2023, 1, 1),
                ingested_at=datetime(2023, 1, 1),
            )
        )


def test_write_session_rolls_back_on_error(engine: Engine) -> None:
    """Nothing half-written is left behind when a write transaction fails."""
    with pytest.raises(RuntimeError), write_session(engine) as s:
        s.add(
            Article(
                content_hash="r",
                text="t",
                reference_date=date(2023, 1, 1),
                ingested_at=datetime.now(UTC),
            )
        )
        s.flush()
        raise RuntimeError("boom")
    with session(engine) as s:
        assert s.exec(select(Article)).all() == []
