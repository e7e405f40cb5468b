"""The click group and what every command shares: settings, database, output.

Command modules (one per stage: extract, feeds, verify, report, daemon, ...) add themselves to
``cli``; ``forecasts.cli.main`` runs it and turns errors into one line and an exit code.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import click
from rich.console import Console
from sqlalchemy.engine import Engine

from forecasts import __version__
from forecasts.config import Settings, load_settings
from forecasts.db import open_database
from forecasts.errors import InputError

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


@dataclass
class AppState:
    """Loaded lazily so that `--help` and argument errors never touch config or database."""

    config_path: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    _settings: Settings | None = None
    _engine: Engine | None = None

    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config_path, **self.overrides)
        return self._settings

    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = open_database(self.settings().resolved_database_url())
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


state = AppState()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.option(
    "--config",
    "-c",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (default: $FORECASTS_CONFIG, else ./config.toml).",
)
@click.version_option(__version__, prog_name="forecasts")
def cli(config_path: str | None) -> None:
    """Hold news forecasts to account: extract claims, collect feeds, verify, report.

    \b
    Example:
      forecasts extract seeds/ --json
    """
    state.close()
    state.config_path = config_path
    state._settings = None


json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON document for scripts."
)


# Terminal control sequences (ANSI CSI/OSC and C0/C1 controls except tab and newline): feed
# text is untrusted and must not be able to move the cursor, retitle the window or hide lines.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def clean(text: str) -> str:
    """Text safe to print to a terminal."""
    return _CONTROL.sub("", text)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(document: Any) -> None:
    """Exactly one JSON document on stdout."""
    sys.stdout.write(json.dumps(document, default=_json_default, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")
    sys.stdout.flush()


def parse_date_option(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or an InputError naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option}: '{value}' is not a date (expected YYYY-MM-DD)") from None


@cli.group(name="eval")
def eval_group() -> None:
    """Measure quality on the labelled corpora in tests/corpus (prints the figures)."""
