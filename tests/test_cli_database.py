"""Finding the config and the database as users expect, and read commands that create nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from forecasts.cli.database import DEFAULT_DATABASE_URL, head_revisions, quick_database_url
from forecasts.config import Settings, load_settings
from forecasts.paths import config_source


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty home and working folder, no FORECASTS_* variables."""
    for key in list(os.environ):
        if key.upper().startswith("FORECASTS_") or key.startswith("XDG_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return tmp_path / "home"


def test_config_is_found_in_the_documented_order(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--config, then $FORECASTS_CONFIG, then ./config.toml, then ~/.config/forecasts."""
    assert config_source(None)[0] is None
    user = home / ".config" / "forecasts" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text("", encoding="utf-8")
    assert config_source(None) == (user, "the user's config folder")
    Path("config.toml").write_text("", encoding="utf-8")
    assert config_source(None)[0] == Path.cwd() / "config.toml"
    monkeypatch.setenv("FORECASTS_CONFIG", "/x/env.toml")
    assert config_source(None)[0] == Path("/x/env.toml")
    assert config_source("given.toml")[0] == Path("given.toml")


def test_without_a_config_data_lives_in_the_user_data_folder(home: Path) -> None:
    """No config file: the database, inbox and reports go to ~/.local/share/forecasts."""
    settings = load_settings()
    data = home / ".local" / "share" / "forecasts"
    assert settings.resolved_database_url() == f"sqlite:///{data / 'forecasts.db'}"
    assert settings.path(settings.reports_dir) == data / "reports"


def test_quick_database_url_agrees_with_the_settings(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast path of `forecasts claims` finds the same database as load_settings."""
    assert Settings.model_fields["database_url"].default == DEFAULT_DATABASE_URL
    cases: list[tuple[str | None, str | None, str | None]] = [
        (None, None, None),  # defaults
        ('database_url = "sqlite:///data/x.db"\n', None, None),  # relative to the file
        ('database_url = "sqlite:////abs/x.db"\n', None, None),
        ('timezone = "UTC"\n', None, None),  # the default URL beside the file
        ('database_url = "sqlite:///a.db"\n', "sqlite:///env.db", None),  # environment wins
        (None, None, "postgresql+psycopg://u:p@h/db"),  # keyword override
    ]
    for text, env, override in cases:
        config = None
        if text is not None:
            config = home.parent / "c" / "config.toml"
            config.parent.mkdir(exist_ok=True)
            config.write_text(text, encoding="utf-8")
        if env:
            monkeypatch.setenv("FORECASTS_DATABASE_URL", env)
        else:
            monkeypatch.delenv("FORECASTS_DATABASE_URL", raising=False)
        overrides = {"database_url": override} if override else {}
        quick = quick_database_url(str(config) if config else None, overrides)
        assert quick is not None
        full = load_settings(config, **overrides).resolved_database_url()
        assert quick[0] == full, (text, env, override)


def test_head_revision_is_read_from_the_migration_files() -> None:
    """One head, and it is the newest migration."""
    assert len(head_revisions()) == 1


def test_read_command_from_any_folder_creates_nothing(home: Path, tmp_path: Path) -> None:
    """`forecasts claims` with no config and no database: a hint, exit 3, no file anywhere."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("FORECASTS_")}
    env["HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-m", "forecasts", "claims"],
        cwd=Path.cwd(),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 3
    assert "no database at" in done.stderr and "forecasts daemon" in done.stderr
    assert list(Path.cwd().iterdir()) == []
    assert not (home / ".local").exists()


def test_config_command_names_the_files(home: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """`forecasts config` says which config file, database, inbox and reports are used."""
    r = run_cli("config")
    assert r.code == 0
    first = r.out.splitlines()[:5]
    assert first[0].startswith("config file:") and "(--config)" in first[0]
    assert first[1].startswith("database:")
