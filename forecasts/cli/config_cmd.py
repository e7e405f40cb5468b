"""`forecasts config`: which files are used, and the settings in force."""

from __future__ import annotations

from typing import Any

from forecasts.cli.app import cli, console, json_option, print_json, state
from forecasts.redact import masked_settings


@cli.command("config")
@json_option
def show_config(as_json: bool) -> None:
    """Show the settings in force and which files they come from.

    The config file is the first of: --config, $FORECASTS_CONFIG, ./config.toml, then
    ~/.config/forecasts/config.toml ($XDG_CONFIG_HOME). Without one, the built-in defaults
    apply and data (database, inbox, reports) lives in ~/.local/share/forecasts
    ($XDG_DATA_HOME). FORECASTS_* variables override either.

    Secrets (the database password, notify.smtp_password, notify.webhook_url) are shown as ***.

    \b
    Examples:
      forecasts config
      FORECASTS_TIMEZONE=Europe/Berlin forecasts config --json
    """
    from forecasts.paths import config_source

    settings = state.settings()
    _, why = config_source(state.config_path)
    data = masked_settings(settings)  # passwords and the webhook URL are shown as ***
    files = _files(settings, why)
    if as_json:
        print_json(
            {"config_file": str(settings.config_path or ""), "files": files, "settings": data}
        )
        return
    for key, value in files.items():
        console.print(f"{key + ':':<14}{value}", markup=False)
    console.print("", markup=False)
    for key, value in data.items():
        console.print(f"{key} = {value!r}", markup=False)


def _files(settings: Any, why: str) -> dict[str, str]:
    from forecasts.cli.database import sqlite_file

    url = settings.resolved_database_url()
    db_file = sqlite_file(url)
    if db_file is None:
        from sqlalchemy.engine import make_url

        database = make_url(url).render_as_string(hide_password=True)
    else:
        from pathlib import Path

        database = db_file + ("" if Path(db_file).is_file() else " (not created yet)")
    config = f"{settings.config_path} ({why})" if settings.config_path else f"({why})"
    return {
        "config file": config,
        "database": database,
        "inbox": str(settings.path(settings.inbox_dir)),
        "reports": str(settings.path(settings.reports_dir)),
        "seeds": _seeds(settings),
    }


def _seeds(settings: Any) -> str:
    from forecasts.paths import bundled_seeds

    path = settings.path(settings.seeds_dir)
    if not path.is_dir() and settings.seeds_dir == type(settings).model_fields["seeds_dir"].default:
        return f"{bundled_seeds()} (bundled)"
    return str(path)
