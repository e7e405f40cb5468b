"""Engine, sessions and migrations.

SQLite is tuned for one writer and many readers: WAL, a busy timeout, foreign keys on. Writes
use ``BEGIN IMMEDIATE`` (``write_session``): a deferred transaction that reads and later writes
fails at once with "database is locked" if another writer committed in between, whatever the
busy timeout, because SQLite cannot upgrade a stale read snapshot. Reads use plain ``session``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

from forecasts.errors import StoreError

if TYPE_CHECKING:
    # Imported where used: alembic and sqlmodel cost a read-only CLI command ~0.3 s at start-up.
    from alembic.config import Config as AlembicConfig
    from sqlmodel import Session

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 30_000


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the pragmas and transaction handling this project relies on."""
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:" and not path.startswith("file:"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **kwargs,
        )
        _tune_sqlite(engine)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, **kwargs)


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take BEGIN out of pysqlite's hands so that we choose DEFERRED or IMMEDIATE ourselves.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def alembic_config(url: str) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creating it on an empty database)."""
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except sa.exc.OperationalError as exc:
        raise StoreError(f"cannot migrate database {engine.url!r}: {exc.orig}") from exc


def open_database(url: str, *, migrate_schema: bool = True) -> Engine:
    """Open (and by default migrate) the database at ``url``; errors become StoreError."""
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except (sa.exc.OperationalError, sa.exc.ArgumentError, OSError) as exc:
        raise StoreError(f"cannot open database {url}: {exc}") from exc
    if migrate_schema:
        migrate(engine)
    return engine


@contextmanager
def session(engine: Engine) -> Iterator[Session]:
    """A read session (deferred transaction); commits on success if anything was written."""
    from sqlmodel import Session

    with Session(engine, expire_on_commit=False) as s:
        yield s
        s.commit()


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A write transaction that takes the write lock up front; committed on success, else rolled back."""
    from sqlmodel import Session

    bind = engine.execution_options(sqlite_begin="IMMEDIATE") if is_sqlite(engine) else engine
    with Session(bind, expire_on_commit=False) as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
