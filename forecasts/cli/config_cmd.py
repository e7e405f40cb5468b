"""`forecasts config`: show the settings in force, after file and environment."""

from __future__ import annotations

from forecasts.cli.app import cli, console, json_option, print_json, state
from forecasts.redact import masked_settings


@cli.command("config")
@json_option
def show_config(as_json: bool) -> None:
    """Show the settings in force (defaults, then config file, then FORECASTS_* variables).

    Secrets (the database password, notify.smtp_password, notify.webhook_url) are shown as ***.

    \b
    Example:
      FORECASTS_TIMEZONE=Europe/Berlin forecasts config --json
    """
    settings = state.settings()
    data = masked_settings(settings)  # passwords and the webhook URL are shown as ***
    if as_json:
        print_json({"config_file": str(settings.config_path or ""), "settings": data})
        return
    console.print(f"config file: {settings.config_path or '(none: defaults)'}", markup=False)
    for key, value in data.items():
        console.print(f"{key} = {value!r}", markup=False)
