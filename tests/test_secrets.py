"""Secrets are never shown or logged, and private files are created owner-only (issue 17, item 2)."""

from __future__ import annotations

import http.server
import json
import logging
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from forecasts.config import load_settings
from forecasts.daemon.lock import InstanceLock
from forecasts.daemon.logs import setup_logging
from forecasts.db import open_database
from forecasts.errors import StoreError
from forecasts.redact import mask_url, mask_webhook, redact

TOKEN = "T0AAA/B0BBB/xoxSECRETtoken42"
SMTP_PASSWORD = "smtp-pass-Zq9"
DB_PASSWORD = "db-pass-Kx7"


@pytest.fixture
def webhook_server() -> Iterator[str]:
    """A webhook receiver on 127.0.0.1; yields its base URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def reset_logging() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_forecasts", False):
            root.removeHandler(handler)
            handler.close()


def _secret_config(tmp_path: Path, webhook: str) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "f.db"}"\n'
        f'log_file = "{tmp_path / "logs" / "forecasts.log"}"\n'
        "[notify]\n"
        f'webhook_url = "{webhook}/services/{TOKEN}"\n'
        f'smtp_password = "{SMTP_PASSWORD}"\n',
        encoding="utf-8",
    )
    return config


def test_config_command_masks_every_secret(run_cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`forecasts config` and `--json` show the webhook URL, SMTP and database passwords as ***."""
    config = _secret_config(tmp_path, "https://hooks.slack.com")
    monkeypatch.setenv(
        "FORECASTS_DATABASE_URL", f"postgresql+psycopg://app:{DB_PASSWORD}@db.example/forecasts"
    )
    for args in (("config",), ("config", "--json")):
        result = run_cli(*args, config=config)
        assert result.code == 0, result.err
        for secret in (TOKEN, "xoxSECRETtoken42", SMTP_PASSWORD, DB_PASSWORD):
            assert secret not in result.out
        assert "hooks.slack.com" in result.out and "***" in result.out
    data = json.loads(run_cli("config", "--json", config=config).out)["settings"]
    assert data["database_url"] == "postgresql+psycopg://app:***@db.example/forecasts"
    assert data["notify"]["webhook_url"] == "https://hooks.slack.com/***"
    assert data["notify"]["smtp_password"] == "***"


def test_cannot_open_database_error_hides_the_password() -> None:
    """A PostgreSQL URL that cannot be opened is named in the error without its password."""
    url = f"postgresql+psycopg://app:{DB_PASSWORD}@127.0.0.1:1/forecasts"
    with pytest.raises(StoreError) as err:
        open_database(url, migrate_schema=False)
    message = str(err.value)
    assert DB_PASSWORD not in message
    assert "postgresql+psycopg://app:***@127.0.0.1:1/forecasts" in message


def test_webhook_url_never_reaches_the_log_or_stderr(
    tmp_path: Path, webhook_server: str, reset_logging: None, capfd: pytest.CaptureFixture[str]
) -> None:
    """With the daemon's logging, a webhook POST (httpx logs its URL) leaves no secret behind."""
    settings = load_settings(_secret_config(tmp_path, webhook_server))
    for level in ("INFO", "DEBUG"):
        settings.log_level = level  # type: ignore[assignment]
        setup_logging(settings)
        with httpx.Client() as client:
            assert client.post(settings.notify.webhook_url, json={"text": "hi"}).is_success
        logging.getLogger("forecasts.test").error(
            "delivery failed: %s (password %s)", settings.notify.webhook_url, SMTP_PASSWORD
        )
    logged = (tmp_path / "logs" / "forecasts.log").read_text(encoding="utf-8")
    stderr = capfd.readouterr().err
    assert "delivery failed: *** (password ***)" in logged  # the line is there, masked
    for text in (logged, stderr):
        assert "xoxSECRETtoken42" not in text
        assert SMTP_PASSWORD not in text


def test_database_log_and_lock_files_are_created_owner_only(
    tmp_path: Path, reset_logging: None
) -> None:
    """A new SQLite database (and its WAL), the log file and the daemon lock are mode 0600."""
    settings = load_settings(_secret_config(tmp_path, "https://hooks.example"))
    engine = open_database(settings.resolved_database_url())
    engine.dispose()
    setup_logging(settings)
    with InstanceLock(settings.resolved_database_url()) as lock:
        assert lock.path is not None
        files = [tmp_path / "f.db", tmp_path / "logs" / "forecasts.log", lock.path]
        wal = tmp_path / "f.db-wal"
        if wal.exists():
            files.append(wal)
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("postgresql://u:p%40ss@h/db", "postgresql://u:***@h/db"),
        (
            "cannot open postgresql+psycopg://u:a:b@c@h:5432/db now",
            "cannot open postgresql+psycopg://u:***@h:5432/db now",
        ),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
        ("https://user@host/path", "https://user@host/path"),
    ],
)
def test_mask_url_hides_only_the_password(text: str, masked: str) -> None:
    """The password of any URL in a text is masked; URLs without one are left alone."""
    assert mask_url(text) == masked
    assert redact(text) == masked


def test_mask_webhook_keeps_only_the_host() -> None:
    """A webhook URL is shown as scheme and host: its path is the token."""
    assert (
        mask_webhook(f"https://hooks.slack.com/services/{TOKEN}") == "https://hooks.slack.com/***"
    )
    assert mask_webhook("") == ""
