"""The click group and what every command shares: settings, database, output.

Start-up time is a feature: `forecasts --help` and a tab completion must answer at once, so the
group knows its commands by name (``COMMANDS``) and imports a command's module only when that
command runs. Nothing heavy (rich, pydantic-settings, SQLAlchemy, the stages) is imported at
module level here; each command imports what it needs.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from forecasts import __version__
from forecasts.errors import InputError, InstallError

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy.engine import Engine

    from forecasts.config import Settings


class _LazyConsole:
    """A rich Console created on first use (importing rich costs ~0.1 s)."""

    def __init__(self, **kwargs: Any) -> None:
        self._kwargs = kwargs
        self._console: Console | None = None

    def get(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._kwargs)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)


console: Any = _LazyConsole(highlight=False, soft_wrap=True)
err_console: Any = _LazyConsole(stderr=True, highlight=False, soft_wrap=True)

# Commands that only read: they never create or migrate a database behind the user's back.
START_HINT = "start one with `forecasts daemon` (or `forecasts extract FILE`)"


@dataclass
class AppState:
    """Loaded lazily so that `--help` and argument errors never touch config or database."""

    config_path: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    no_pager: bool = False
    _settings: Settings | None = None
    _engine: Engine | None = None

    def settings(self) -> Settings:
        if self._settings is None:
            from forecasts.config import load_settings

            self._settings = load_settings(self.config_path, **self.overrides)
        return self._settings

    def engine(self) -> Engine:
        """The database, created and migrated if needed (for commands that write)."""
        if self._engine is None:
            from forecasts.db import open_database

            self._engine = open_database(self.settings().resolved_database_url())
        return self._engine

    def read_engine(self, *, quick: bool = False) -> Engine:
        """The existing database, for commands that only read: never creates one.

        A missing SQLite file or an empty database is a NotFoundError saying how to start; a
        schema older than this version is migrated (as a write command would). ``quick``:
        find the database without building the settings (a listing needs nothing else).
        """
        if self._engine is None:
            from forecasts.cli.database import open_existing, quick_database_url

            found = None
            if quick and self._settings is None:
                found = quick_database_url(self.config_path, self.overrides)
            if found is not None:
                self._engine = open_existing(None, hint=START_HINT, quick=found)
            else:
                self._engine = open_existing(self.settings(), hint=START_HINT)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


state = AppState()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# name -> (module that registers it on `cli`, one-line summary for `forecasts --help`).
# The summaries are the commands' own short help (55 columns); tests/test_cli_app.py keeps them in
# step.
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("forecasts.cli.extract", "Extract forward-looking claims from text files, HTML..."),
    "claims": ("forecasts.cli.claims", "List claims: one line each, filtered and sorted."),
    "claim": ("forecasts.cli.verify", "Show one claim: its window, evidence and history."),
    "edit": ("forecasts.cli.claims", "Correct what the extractor got wrong in a claim."),
    "tag": ("forecasts.cli.claims", "Add tags to a claim."),
    "untag": ("forecasts.cli.claims", "Remove tags from a claim."),
    "questions": (
        "forecasts.cli.questions",
        "List questions: each event, its status and how many...",
    ),
    "question": (
        "forecasts.cli.questions",
        "Show one question: its claims, the evidence that...",
    ),
    "merge": ("forecasts.cli.questions", "Merge question Q2 into Q1: they are one event..."),
    "split": ("forecasts.cli.questions", "Split a claim off its question into a question of..."),
    "decide": ("forecasts.cli.questions", "Decide a question by hand; its claims follow by..."),
    "serve": ("forecasts.cli.serve", "Serve the web dashboard: claims, review queue, track..."),
    "feeds": ("forecasts.cli.feeds", "Subscribed feeds and how their polling goes."),
    "poll": ("forecasts.cli.feeds", "Poll the due feeds now and store their new items..."),
    "items": ("forecasts.cli.feeds", "Collected feed items."),
    "verify": ("forecasts.cli.verify", "Run one verification pass now: match new items to..."),
    "resolve": ("forecasts.cli.verify", "Decide a claim by hand; the automatic judge never..."),
    "review": ("forecasts.cli.verify", "List claims that need a person's decision, with..."),
    "backtest": ("forecasts.cli.verify", "Replay articles and archive feeds in a temporary..."),
    "report": ("forecasts.cli.report", "Monthly accuracy report: hit rates, calibration,..."),
    "export": ("forecasts.cli.report", "Export every claim with its article, speaker, hedge,..."),
    "daemon": ("forecasts.cli.daemon", "Run the scheduler in the foreground: poll, extract,..."),
    "status": ("forecasts.cli.daemon", "Show whether a daemon is running, each job's last..."),
    "config": (
        "forecasts.cli.config_cmd",
        "Show the settings in force and which files they come...",
    ),
    "db": ("forecasts.cli.db_cmd", "Database maintenance: move a database to another..."),
    "eval": ("forecasts.cli.evals", "Measure quality on the labelled corpora in..."),
    "completion": (
        "forecasts.cli.completion",
        "Print the shell completion script for bash, zsh or...",
    ),
}


class LazyGroup(click.Group):
    """A group whose commands' modules are imported when a command is looked up, not before."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name, ("", ""))[0]
        if module and module not in sys.modules:
            try:
                importlib.import_module(module)
            except ImportError as exc:  # a missing module or dependency: say so in one line
                raise InstallError(f"broken install, `{cmd_name}` cannot be loaded: {exc}") from exc
        return self.commands.get(cmd_name)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[Any]:
        """Command names from the table (importing nothing); options as click completes them."""
        if incomplete.startswith("-"):
            return super().shell_complete(ctx, incomplete)
        from click.shell_completion import CompletionItem

        return [
            CompletionItem(name, help=summary)
            for name, (_, summary) in sorted(COMMANDS.items())
            if name.startswith(incomplete)
        ]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.option(
    "--config",
    "-c",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (default: $FORECASTS_CONFIG, ./config.toml, ~/.config/forecasts/config.toml).",
)
@click.option("--no-pager", is_flag=True, help="Never page long output (also: PAGER=cat).")
@click.version_option(__version__, prog_name="forecasts")
def cli(config_path: str | None, no_pager: bool) -> None:
    """Hold news forecasts to account: extract claims, collect feeds, verify, report.

    \b
    Examples:
      forecasts extract seeds/ --json
      forecasts claims --status open --sort due
      forecasts completion bash >> ~/.bashrc
    """
    state.close()
    state.config_path = config_path
    state.no_pager = no_pager
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


def exclusive(**options: Any) -> None:
    """Refuse a call that gives more than one of mutually exclusive options."""
    given = [name for name, value in options.items() if value not in (None, False, (), "")]
    if len(given) > 1:
        names = " and ".join("--" + n.replace("_", "-") for n in given)
        raise InputError(f"{names} cannot be used together: choose one")


def terminal_is_interactive() -> bool:
    """Both ends are a terminal: a person can answer a question."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@cli.group(name="eval")
def eval_group() -> None:
    """Measure quality on the labelled corpora in tests/corpus (prints the figures)."""
