"""`forecasts completion SHELL`: the tab-completion script for bash, zsh or fish.

Completion runs `forecasts` itself with ``_FORECASTS_COMPLETE`` set; the group knows its
commands without importing them (see ``forecasts.cli.app``), so a completion answers at once.
"""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

from forecasts.cli.app import cli

INSTALL = {
    "bash": 'eval "$(forecasts completion bash)"        # in ~/.bashrc',
    "zsh": 'eval "$(forecasts completion zsh)"         # in ~/.zshrc',
    "fish": "forecasts completion fish > ~/.config/fish/completions/forecasts.fish",
}


@cli.command("completion")
@click.argument("shell", type=click.Choice(sorted(INSTALL)))
def completion_cmd(shell: str) -> None:
    """Print the shell completion script for bash, zsh or fish.

    \b
    Install it once:
      eval "$(forecasts completion bash)"     # add to ~/.bashrc
      eval "$(forecasts completion zsh)"      # add to ~/.zshrc
      forecasts completion fish > ~/.config/fish/completions/forecasts.fish
    """
    cls = get_completion_class(shell)
    assert cls is not None  # the Choice above only admits shells click supports
    script = cls(cli, {}, "forecasts", "_FORECASTS_COMPLETE").source()
    click.echo(script)
