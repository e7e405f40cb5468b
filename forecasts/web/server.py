"""Running the dashboard under uvicorn: in the foreground (`forecasts serve`) or in the daemon.

Both refuse an address beyond loopback without a password or token (``security.check_bind``)
and mark the session cookie Secure there (put such a server behind HTTPS).
"""

from __future__ import annotations

import logging
import threading

import uvicorn
from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.config import Settings
from forecasts.web import security
from forecasts.web.app import create_app

log = logging.getLogger(__name__)


def build_server(
    settings: Settings, engine: Engine, clock: Clock, host: str, port: int
) -> uvicorn.Server:
    """A uvicorn server for the dashboard on host:port (checked: no open door off loopback)."""
    security.check_bind(host, settings.web)
    app = create_app(settings, engine, clock, secure=not security.is_loopback(host), host=host)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=5,
        limit_concurrency=64,
    )
    return uvicorn.Server(config)


def serve(settings: Settings, engine: Engine, clock: Clock, host: str, port: int) -> None:
    """Serve in the foreground until Ctrl-C / SIGTERM."""
    server = build_server(settings, engine, clock, host, port)
    server.run()


class BackgroundServer:
    """The dashboard in a thread beside the daemon's scheduler; ``stop`` ends it."""

    def __init__(self, settings: Settings, engine: Engine, clock: Clock) -> None:
        web = settings.web
        self.server = build_server(settings, engine, clock, web.host, web.port)
        # uvicorn installs signal handlers only from the main thread: the daemon keeps its own.
        self.thread = threading.Thread(target=self.server.run, name="web", daemon=True)

    def start(self) -> BackgroundServer:
        self.thread.start()
        log.info("web dashboard on http://%s:%d/", self.server.config.host, self.server.config.port)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_in_daemon(settings: Settings, engine: Engine, clock: Clock) -> BackgroundServer | None:
    """The daemon's hook: the dashboard in a thread when ``[web] enabled = true``."""
    if not settings.web.enabled:
        return None
    return BackgroundServer(settings, engine, clock).start()
