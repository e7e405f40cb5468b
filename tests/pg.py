"""PostgreSQL for tests: one fresh, uniquely named database per test on the configured server.

``FORECASTS_TEST_DATABASE_URL`` names a server and a role allowed to create databases (``.ci/
postgres.sh start DIR`` prints one). ``fresh_database(url)`` creates an empty database and
returns its URL; it is dropped when the next test asks for one, and whatever is left at exit.
Dropping by test (rather than only at exit) keeps a full run from piling up hundreds of
databases. Sessions a test forgot to close (e.g. a killed daemon's) are ended first; an
autovacuum worker busy in the database is stopped by the DROP itself (see ``drop_database``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import time
import uuid

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

__all__ = ["drop_database", "fresh_database", "postgres_url"]

# database name -> the test (PYTEST_CURRENT_TEST node id) that created it
_created: dict[str, str] = {}
_SAFE_NAME = re.compile(r"^forecasts_t_[0-9a-f_]+$")
_DROP_ATTEMPTS = 25  # 0.2 s apart: a terminated session exits within milliseconds


def postgres_url() -> str | None:
    """The configured test server, or None (tests marked `postgres` skip then)."""
    return os.environ.get("FORECASTS_TEST_DATABASE_URL") or None


def _admin_engine(server: URL) -> sa.Engine:
    return sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)


def _current_test() -> str:
    # "tests/test_x.py::test_y (setup)" -> "tests/test_x.py::test_y"
    return os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0]


def fresh_database(url: str) -> str:
    """Create an empty database on the server of ``url``; return the URL that points at it."""
    server = make_url(url)
    test = _current_test()
    stale = [name for name, owner in _created.items() if owner != test]
    for name in stale:
        drop_database(server.set(database=name).render_as_string(hide_password=False))
    name = f"forecasts_t_{os.getpid()}_{uuid.uuid4().hex[:12]}"
    engine = _admin_engine(server)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        engine.dispose()
    _created[name] = test
    return server.set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """Drop a database made by ``fresh_database`` (ending any sessions still connected)."""
    target = make_url(url)
    name = target.database or ""
    if not _SAFE_NAME.match(name):
        raise ValueError(f"refusing to drop {name!r}: not a test database")
    # Connect to the configured (maintenance) database, never to the one being dropped.
    admin = make_url(postgres_url() or url).database or "postgres"
    if admin == name:
        admin = "postgres"
    engine = _admin_engine(target.set(database=admin))
    try:
        with engine.connect() as conn:
            for attempt in range(_DROP_ATTEMPTS):
                # Not DROP ... WITH (FORCE): it must be allowed to signal *every* session in
                # the database, and an autovacuum worker (which the server starts whenever a
                # test has written enough rows) belongs to no role we are a member of, so FORCE
                # failed with InsufficientPrivilege whenever autovacuum happened to be busy in
                # the database being dropped: a setup error in whichever test came next. Our
                # own sessions (a killed daemon's, a forgotten engine) we end ourselves; a plain
                # DROP stops an autovacuum worker on its own.
                conn.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %(name)s AND pid <> pg_backend_pid() "
                    "AND usename = current_user",
                    {"name": name},
                )
                try:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
                    break
                except sa.exc.OperationalError as exc:
                    # 55006 object_in_use: a terminated session had not exited yet.
                    if getattr(exc.orig, "sqlstate", "") != "55006" or (
                        attempt == _DROP_ATTEMPTS - 1
                    ):
                        raise
                    time.sleep(0.2)
    finally:
        engine.dispose()
    _created.pop(name, None)


@atexit.register
def _drop_all() -> None:
    base = postgres_url()
    if not base:
        return
    for name in list(_created):
        # The server may already be gone at exit; its data directory goes with it.
        with contextlib.suppress(sa.exc.SQLAlchemyError):
            drop_database(make_url(base).set(database=name).render_as_string(hide_password=False))
