"""forecasts serve: the web dashboard (the web stack is imported only when the command runs)."""

from __future__ import annotations

import click

from forecasts.cli.app import cli, err_console, state
from forecasts.clock import SystemClock


@cli.command("serve")
@click.option("--host", default=None, help="Address to listen on (default: [web] host, 127.0.0.1).")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=None, help="Port (default: [web] port, 8765)."
)
def serve_cmd(host: str | None, port: int | None) -> None:
    """Serve the web dashboard: claims, review queue, track records, live reports, feeds.

    Listens on 127.0.0.1 unless told otherwise; any other address needs [web] password (or
    token) in config.toml and refuses to start without one (exit code 78). Ctrl-C stops it.

    \b
    Example:
      forecasts serve --port 8765        # then open http://127.0.0.1:8765/
    """
    from forecasts.web import security, server  # lazily: other commands never load starlette

    settings = state.settings()
    host = host or settings.web.host
    port = port or settings.web.port
    security.check_bind(host, settings.web)
    engine = state.engine()
    shown = f"[{host}]" if ":" in host else host  # an IPv6 address in a URL
    err_console.print(
        f"forecasts dashboard on http://{shown}:{port}/ (Ctrl-C stops it)", markup=False
    )
    server.serve(settings, engine, SystemClock(), host, port)
