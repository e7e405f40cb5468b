"""Configuration: defaults, file, environment, and errors that name the key and the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from forecasts.config import Settings, load_settings
from forecasts.errors import ConfigError

REPO = Path(__file__).resolve().parent.parent


def test_bundled_config_loads_and_matches_the_defaults() -> None:
    """config.toml at the root documents the defaults: loading it changes nothing but feeds."""
    loaded = load_settings(REPO / "config.toml").model_dump(
        exclude={"config_path", "feeds", "search_templates"}
    )
    defaults = Settings().model_dump(exclude={"config_path", "feeds", "search_templates"})
    assert loaded == defaults


def test_every_setting_is_documented_in_config_toml() -> None:
    """Each top-level setting and each key of each table appears in config.toml."""
    text = (REPO / "config.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for name, field in Settings.model_fields.items():
        if name == "config_path":
            continue
        assert name in text, f"{name} is not documented in config.toml"
        sub = field.annotation
        if isinstance(sub, type) and hasattr(sub, "model_fields") and name in data:
            for key in sub.model_fields:
                assert key in data[name], f"{name}.{key} is not documented in config.toml"


def test_environment_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FORECASTS_* variables win over the file, nested keys with a double underscore."""
    cfg = tmp_path / "c.toml"
    cfg.write_text('timezone = "Europe/Paris"\n[fetch]\ntimeout_seconds = 3.0\n', encoding="utf-8")
    monkeypatch.setenv("FORECASTS_FETCH__TIMEOUT_SECONDS", "7.5")
    monkeypatch.setenv("FORECASTS_TIMEZONE", "Asia/Tokyo")
    s = load_settings(cfg)
    assert s.fetch.timeout_seconds == 7.5
    assert s.timezone == "Asia/Tokyo"


def test_unknown_key_is_an_error_naming_key_and_file(tmp_path: Path) -> None:
    """A typo fails loudly instead of silently falling back to the default."""
    cfg = tmp_path / "c.toml"
    cfg.write_text("[fetch]\ntimout_seconds = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert "fetch.timout_seconds" in str(err.value)
    assert str(cfg) in str(err.value)


def test_wrong_type_is_an_error_naming_key(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[verification]\ngrace_days = "soon"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"verification\.grace_days"):
        load_settings(cfg)


def test_invalid_toml_and_missing_file_are_config_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("database_url = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "missing.toml")


def test_relative_sqlite_path_is_relative_to_the_config_file(tmp_path: Path) -> None:
    cfg = tmp_path / "sub" / "c.toml"
    cfg.parent.mkdir()
    cfg.write_text('database_url = "sqlite:///data/f.db"\n', encoding="utf-8")
    assert (
        load_settings(cfg).resolved_database_url()
        == f"sqlite:///{tmp_path / 'sub' / 'data' / 'f.db'}"
    )


def test_hedge_probabilities_must_be_probabilities(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[hedges]\n"likely" = 1.7\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="likely"):
        load_settings(cfg)


def test_cli_reports_config_errors_in_one_line_with_exit_78(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A bad config line: one readable message on stderr, exit code 78 (EX_CONFIG)."""
    cfg = tmp_path / "bad.toml"
    cfg.write_text("log_level = 'LOUD'\n", encoding="utf-8")
    result = run_cli("config", config=cfg)
    assert result.code == 78
    assert "log_level" in result.err and str(cfg) in result.err
    assert "Traceback" not in result.err
