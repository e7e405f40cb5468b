"""PostgreSQL for tests: one fresh, uniquely named database per test on the configured server.

``FORECASTS_TEST_DATABASE_URL`` names a server and a role allowed to create databases (``.ci/
postgres.sh start DIR`` prints one). ``fresh_database(url)`` creates an empty database and
returns its URL; it is dropped when the next test asks for one, and whatever is left at exit.
Dropping by test (rather than only at exit) keeps a full run from piling up hundreds of
databases; ``WITH (FORCE)`` ends sessions a test forgot to close (e.g. a killed daemon's).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import uuid

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

__all__ = ["drop_database", "fresh_database", "postgres_url"]

# database name -> the test (PYTEST_CURRENT_TEST node id) that created it
_created: dict[str, str] = {}
_SAFE_NAME = re.compile(r"^forecasts_t_[0-9a-f_]+$")


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
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
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
