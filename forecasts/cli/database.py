"""Opening the database for a command that only reads.

A read command must never leave an empty ``forecasts.db`` behind in whatever folder it ran
from, and should not pay for Alembic (~0.15 s) on every call: it checks that the database
exists and already carries the newest revision (read from the migration files' headers), and
only migrates when the schema is older than the code.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


# Settings.database_url's default; tests/test_cli_database.py keeps the two in step.
DEFAULT_DATABASE_URL = "sqlite:///forecasts.db"
DATABASE_ENV = "FORECASTS_DATABASE_URL"


def quick_database_url(config: str | None, overrides: dict[str, Any]) -> tuple[str, str] | None:
    """(database URL, where it came from) as ``load_settings`` would resolve it, without
    building the settings model (~0.2 s of a listing's start-up); None when in any doubt
    (the caller then loads the settings in full, which explains any problem)."""
    import tomllib

    from forecasts.paths import config_source, user_data_dir

    path, _ = config_source(config)
    url: Any = overrides.get("database_url")
    if url is None:
        url = next((v for k, v in os.environ.items() if k.upper() == DATABASE_ENV), None)
    if url is None and path is not None:
        try:
            with path.open("rb") as fh:
                url = tomllib.load(fh).get("database_url", DEFAULT_DATABASE_URL)
        except (OSError, tomllib.TOMLDecodeError):
            return None
    if url is None:
        url = DEFAULT_DATABASE_URL
    if not isinstance(url, str):
        return None
    base = path.resolve().parent if path is not None else user_data_dir()
    where = f"config {path.resolve()}" if path is not None else _NO_CONFIG
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/"):
        rest = url[len(prefix) :]
        if rest and rest != ":memory:" and not rest.startswith("file:"):
            p = Path(rest).expanduser()
            url = prefix + str(p if p.is_absolute() else base / p)
    return url, where


def open_existing(
    settings: Settings | None, *, hint: str, quick: tuple[str, str] | None = None
) -> Engine:
    """The configured database if it exists and holds a schema; else NotFoundError with a hint.

    ``quick`` is (url, where) from ``quick_database_url``, used instead of ``settings``.
    """
    if quick is not None:
        url, where = quick
    else:
        assert settings is not None
        url, where = settings.resolved_database_url(), _where(settings)
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
        shown = sa.engine.make_url(url).render_as_string(hide_password=True)
        raise StoreError(f"cannot open database {shown}: {exc}") from exc
    if current != head_revisions():
        migrate(engine)
    return engine


_NO_CONFIG = "no config file found: built-in defaults"


def _where(settings: Settings) -> str:
    if settings.config_path is None:
        return _NO_CONFIG
    return f"config {settings.config_path}"
