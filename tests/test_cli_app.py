"""The command line as a whole: start-up, help, version, completion, conflicting flags."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from forecasts import __version__
from forecasts.cli.app import COMMANDS, cli

HEAVY = ("sqlalchemy", "pydantic", "rich", "alembic", "matplotlib", "trafilatura", "sqlmodel")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "forecasts", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_help_imports_nothing_heavy() -> None:
    """`forecasts --help` loads no database, settings, rich or stage code."""
    code = (
        "import sys; from forecasts.cli import main; main(['--help']); "
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_every_command_is_in_the_table_with_its_own_summary() -> None:
    """COMMANDS lists every command, and its summary is the command's own short help."""
    ctx = click.Context(cli)
    for name, (_, summary) in COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert command is not None, name
        assert command.get_short_help_str(limit=55) == summary, name
    assert set(cli.commands) == set(COMMANDS)


def test_version() -> None:
    """`forecasts --version` prints the package version."""
    done = run("--version")
    assert done.returncode == 0 and __version__ in done.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell: str) -> None:
    """`forecasts completion SHELL` prints a script that calls back with _FORECASTS_COMPLETE."""
    done = run("completion", shell)
    assert done.returncode == 0 and "_FORECASTS_COMPLETE" in done.stdout


def test_completion_answers_commands_and_options() -> None:
    """Completing 'cl' gives claim and claims; 'claims --se' gives --search."""
    env = {"_FORECASTS_COMPLETE": "bash_complete", "COMP_WORDS": "forecasts cl", "COMP_CWORD": "1"}
    assert run(env=env).stdout.split() == ["plain,claim", "plain,claims"]
    env.update(COMP_WORDS="forecasts claims --se", COMP_CWORD="2")
    assert "plain,--search" in run(env=env).stdout.split()


def test_conflicting_resolve_flags_are_refused(run_cli, engine) -> None:  # type: ignore[no-untyped-def]
    """`resolve 1 --fulfilled --unfulfilled` records nothing and says why."""
    from tests.test_verify_factories import make_article, make_claim

    claim_id = make_claim(engine, make_article(engine))
    r = run_cli("resolve", str(claim_id), "--fulfilled", "--unfulfilled")
    assert r.code == 2 and "--fulfilled and --unfulfilled cannot be used together" in r.err
    assert run_cli("claim", str(claim_id), "--json").out.count('"from"') == 0
    r = run_cli("resolve", str(claim_id), "--void", "--event-date", "2023-07-01")
    assert r.code == 2 and "--event-date goes with --fulfilled" in r.err


def test_docs_name_every_command() -> None:
    """docs/cli.md mentions every command."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"forecasts {name}" in doc, name


def test_conflicting_poll_flags_are_refused(run_cli) -> None:  # type: ignore[no-untyped-def]
    """`poll --feed X --all` and `poll --search --all` are refused before anything is polled."""
    for args in (("--feed", "x", "--all"), ("--search", "--all"), ("--feed", "x", "--search")):
        r = run_cli("poll", *args)
        assert r.code == 2 and "cannot be used together" in r.err, args
