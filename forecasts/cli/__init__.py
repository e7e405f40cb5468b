"""Command-line interface: thin commands over library functions.

``forecasts.cli.app`` holds the ``cli`` group, which imports a command's module only when the
command is used (start-up time); ``main`` runs the group and turns every ``ForecastsError`` into
one line on stderr and its exit code (see ``forecasts.errors``).
"""

from __future__ import annotations

import sys

import click

from forecasts.cli.app import cli, err_console, state
from forecasts.errors import ForecastsError


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (in-process: tests call this directly)."""
    try:
        result = cli.main(args=argv, prog_name="forecasts", standalone_mode=False)
    except click.exceptions.Abort:
        err_console.print("Aborted.")
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except ForecastsError as exc:
        err_console.print(f"error: {exc}", markup=False)
        return exc.exit_code
    except KeyboardInterrupt:
        err_console.print("Interrupted.")
        return 130
    except BrokenPipeError:
        # `forecasts claims | head`: the reader left; say nothing, like other Unix tools.
        sys.stderr.close()
        return 141
    finally:
        state.close()
    return result if isinstance(result, int) else 0


def entry() -> None:
    """The console script."""
    sys.exit(main())
