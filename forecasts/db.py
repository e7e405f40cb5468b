"""Engine, sessions and migrations.

SQLite is tuned for one writer and many readers: WAL, a busy timeout, foreign keys on. Writes
use ``BEGIN IMMEDIATE`` (``write_session``): a deferred transaction that reads and later writes
fails at once with "database is locked" if another writer committed in between, whatever the
busy timeout, because SQLite cannot upgrade a stale read snapshot. Reads use plain ``session``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

from forecasts.errors import StoreError
from forecasts.redact import mask_url, redact

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
            _create_private(Path(path))
        engine = sa.create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **kwargs,
        )
        _tune_sqlite(engine)
    else:
        engine = sa.create_engine(url, pool_pre_ping=True, **kwargs)
    _explain_fatal_errors(engine, url)
    return engine


_DAMAGED = (
    "is damaged (corrupted pages): restore it from a backup (`sqlite3 FILE .recover` may "
    "save what is left); nothing was changed"
)
# SQLite's words for a database that cannot be used as it is, and what the user should do.
_FATAL = (
    (
        "file is not a database",
        "is not a forecasts database (not SQLite, or encrypted): point database_url at the "
        "right file, or restore it from a backup",
    ),
    ("malformed", _DAMAGED),
    (
        "readonly database",
        "is read-only: check the permissions of the file and of its folder (forecasts must be "
        "able to write to both)",
    ),
    (
        "unable to open database file",
        "cannot be opened: check that its folder exists and that the file and the folder are "
        "writable",
    ),
)


def _where(url: str) -> str:
    """The database as a person would name it: its file for SQLite, else the masked URL."""
    parsed = sa.engine.make_url(url)
    if parsed.drivername.startswith("sqlite") and parsed.database:
        return parsed.database.removeprefix("file:").split("?")[0]
    return mask_url(url)


def fatal_problem(exc: BaseException, url: str) -> StoreError | None:
    """A one-line StoreError for a database that cannot be used at all, else None."""
    text = str(getattr(exc, "orig", None) or exc)
    for words, advice in _FATAL:
        if words in text:
            return StoreError(f"database {_where(url)} {advice}")
    return None


def _explain_fatal_errors(engine: Engine, url: str) -> None:
    # A damaged, foreign or read-only database can surface in any query of any command or
    # job: turn it into one StoreError there, instead of a driver traceback. Other errors
    # (constraint violations, lock timeouts) are left for their callers.
    @event.listens_for(engine, "handle_error")
    def _explain(context: sa.engine.ExceptionContext) -> None:
        problem = fatal_problem(context.original_exception, url)
        if problem is not None:
            raise problem from context.sqlalchemy_exception


def _create_private(path: Path) -> None:
    """Create a new database file owner-only (0600): SQLite would create it 0644, readable by
    every local user. Its -wal and -shm files inherit this mode from it."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


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
    """Bring the schema to the newest revision (creating it on an empty database).

    A database whose revision this program does not know was written by a newer version:
    it is refused before anything is written, rather than half-migrated."""
    from alembic import command
    from alembic.util.exc import CommandError as AlembicCommandError

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    try:
        _refuse_unknown_revision(engine, cfg)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except sa.exc.OperationalError as exc:
        raise StoreError(f"cannot migrate database {engine.url!r}: {exc.orig}") from exc
    except AlembicCommandError as exc:
        raise StoreError(f"cannot migrate database {engine.url!r}: {exc}") from exc


def _refuse_unknown_revision(engine: Engine, cfg: AlembicConfig) -> None:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
    script = ScriptDirectory.from_config(cfg)
    known = {revision.revision for revision in script.walk_revisions()}
    unknown = [revision for revision in current if revision not in known]
    if unknown:
        raise StoreError(
            f"database {_where(engine.url.render_as_string(hide_password=False))} was written "
            f"by a newer version of forecasts (schema revision {', '.join(unknown)}; this "
            f"version knows up to {script.get_current_head()}): upgrade forecasts, or point "
            "database_url at another database; nothing was changed"
        )


def open_database(url: str, *, migrate_schema: bool = True) -> Engine:
    """Open (and by default migrate) the database at ``url``; errors become StoreError."""
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except UnicodeDecodeError as exc:
        # Overwritten pages can hand the driver text that is not UTF-8 (the journal mode read
        # on connect) before SQLite itself notices: that is damage too.
        raise StoreError(f"database {_where(url)} {_DAMAGED}") from exc
    except (sa.exc.DatabaseError, sa.exc.ArgumentError, OSError) as exc:
        # The URL may hold a password: it is shown masked, in the driver's message too. Only
        # the driver's first line: SQLAlchemy appends the SQL and a link on further lines.
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreError(f"cannot open database {mask_url(url)}: {redact(reason)}") from exc
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
