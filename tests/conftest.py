"""Shared fixtures: a real database file per test, settings pointing at it, a CLI runner.

Set FORECASTS_TEST_DATABASE_URL to a PostgreSQL URL to run the database tests there instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from forecasts.cli import main
from forecasts.config import Settings, load_settings
from forecasts.db import open_database

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh database: a SQLite file in tmp_path (or the configured PostgreSQL test server)."""
    pg = os.environ.get("FORECASTS_TEST_DATABASE_URL")
    if pg:
        from tests.pg import fresh_database  # only needed, and importable, with PostgreSQL

        return fresh_database(pg)
    return f"sqlite:///{tmp_path / 'forecasts.db'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = open_database(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def config_file(tmp_path: Path, db_url: str) -> Path:
    """A minimal config file using the test database, with no subscribed feeds."""
    path = tmp_path / "config.toml"
    path.write_text(f'database_url = "{db_url}"\n', encoding="utf-8")
    return path


@pytest.fixture
def settings(config_file: Path) -> Settings:
    return load_settings(config_file)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(config_file: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run the CLI in-process against the test config: run_cli("extract", "x.txt", "--json")."""

    def run(*args: str, config: Path | None = None) -> Result:
        capsys.readouterr()
        code = main(["--config", str(config or config_file), *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `postgres` run only when FORECASTS_TEST_DATABASE_URL names a server."""
    if os.environ.get("FORECASTS_TEST_DATABASE_URL"):
        return
    skip = pytest.mark.skip(reason="needs FORECASTS_TEST_DATABASE_URL (a PostgreSQL server)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
