"""Where things are found: the config file, and the user's folders when there is none.

Kept apart from ``forecasts.config`` (and free of pydantic) so that a command can find its
files without paying for the settings model; ``config.load_settings`` uses the same rules.

The config file is the first of: ``--config PATH``, ``$FORECASTS_CONFIG``, ``./config.toml``,
then ``$XDG_CONFIG_HOME/forecasts/config.toml`` (``~/.config/forecasts/config.toml``). With
none, relative paths (the database, inbox, reports) live in ``$XDG_DATA_HOME/forecasts``
(``~/.local/share/forecasts``), never in whatever folder the command ran from.
"""

from __future__ import annotations

import os
from pathlib import Path

CONFIG_ENV = "FORECASTS_CONFIG"


def user_config_dir() -> Path:
    """$XDG_CONFIG_HOME/forecasts, else ~/.config/forecasts."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "forecasts"


def user_data_dir() -> Path:
    """$XDG_DATA_HOME/forecasts, else ~/.local/share/forecasts."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "forecasts"


def config_source(explicit: str | Path | None) -> tuple[Path | None, str]:
    """The config file to read and how it was found; (None, why) when there is none."""
    if explicit:
        return Path(explicit), "--config"
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env), f"${CONFIG_ENV}"
    local = Path.cwd() / "config.toml"
    if local.is_file():
        return local, "./config.toml in the current folder"
    user = user_config_dir() / "config.toml"
    if user.is_file():
        return user, "the user's config folder"
    return None, f"none found: built-in defaults, data in {user_data_dir()}"


def bundled_seeds() -> Path:
    """The seed articles and archive feed shipped inside the package (``seeds/`` at the root of
    a checkout is a link to the same folder), used when ``seeds_dir`` is left at its default
    and no such folder exists beside the config: an installed copy has no checkout around it."""
    return Path(__file__).resolve().parent / "seeds"
