"""The PostgreSQL test harness: every test gets its own empty database, dropped afterwards."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.pg import drop_database, fresh_database, postgres_url

pytestmark = pytest.mark.postgres


def _databases(url: str) -> set[str]:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            return set(conn.exec_driver_sql("SELECT datname FROM pg_database").scalars())
    finally:
        engine.dispose()


def test_fresh_databases_are_distinct_empty_and_dropped() -> None:
    """Two calls give two empty databases; drop_database removes one, even while connected."""
    server = postgres_url()
    assert server
    a, b = fresh_database(server), fresh_database(server)
    assert a != b
    engine = sa.create_engine(a)
    conn = engine.connect()  # left open on purpose: drop_database ends it
    assert sa.inspect(conn).get_table_names() == []
    drop_database(a)
    conn.invalidate()  # the server ended this session; do not try to roll it back
    engine.dispose()
    names = _databases(server)
    assert sa.engine.make_url(a).database not in names
    assert sa.engine.make_url(b).database in names
    drop_database(b)


def test_only_test_databases_can_be_dropped() -> None:
    """The harness never drops a database it did not name."""
    server = postgres_url()
    assert server
    with pytest.raises(ValueError, match="not a test database"):
        drop_database(sa.engine.make_url(server).set(database="forecasts").render_as_string())
