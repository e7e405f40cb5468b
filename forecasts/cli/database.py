"""Opening the database for a command that only reads.

A read command must never leave an empty ``forecasts.db`` behind in whatever folder it ran
from, and should not pay for Alembic (~0.15 s) on every call: it checks that the database
exists and already carries the newest revision (read from the migration files' headers), and
only migrates when the schema is older than the code.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

import sqlalchemy as sa

from forecasts.db import MIGRATIONS, make_engine, migrate
from forecasts.errors import NotFoundError, StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from forecasts.config import Settings

_REVISION = re.compile(r"^revision\s*[:=][^\n]*?['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*[:=]([^\n]*)", re.MULTILINE)


@cache
def head_revisions() -> frozenset[str]:
    """The newest revision ids of forecasts/migrations/versions (those no other revises)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = _REVISION.search(text)
        if found:
            revisions.add(found.group(1))
        down = _DOWN.search(text)
        if down:
            revised.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return frozenset(revisions - revised)


def sqlite_file(url: str) -> str | None:
    """The file of a SQLite URL (None for other engines and in-memory databases)."""
    if not url.startswith("sqlite"):
        return None
    path = sa.engine.make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return path


def open_existing(settings: Settings, *, hint: str) -> Engine:
    """The configured database if it exists and holds a schema; else NotFoundError with a hint."""
    from pathlib import Path

    url = settings.resolved_database_url()
    where = _where(settings)
    path = sqlite_file(url)
    if path is not None and not Path(path).is_file():
        raise NotFoundError(f"no database at {path} ({where}); {hint}")
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                engine.dispose()
                shown = path or engine.url.render_as_string(hide_password=True)
                raise NotFoundError(f"the database at {shown} is empty ({where}); {hint}")
            current = {
                row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")
            }
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {url}: {exc}") from exc
    if current != head_revisions():
        migrate(engine)
    return engine


def _where(settings: Settings) -> str:
    if settings.config_path is None:
        return "no config file found: built-in defaults"
    return f"config {settings.config_path}"
