"""Running the dashboard: `forecasts serve` and the daemon with [web] enabled, as real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO
from tests.test_web_browser import free_port

pytestmark = pytest.mark.slow


def env() -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("FORECASTS_")}
    out["PYTHONPATH"] = str(REPO)
    return out


def wait_until_up(url: str, proc: subprocess.Popen[bytes], log: Path) -> httpx.Response:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            assert proc.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.2)
    raise AssertionError(f"nothing answered on {url}")


def test_the_daemon_serves_the_dashboard_when_enabled(tmp_path: Path) -> None:
    """[web] enabled = true: the daemon answers on its port and stops it on SIGTERM (exit 0)."""
    port = free_port()
    (tmp_path / "seeds").mkdir()
    config = tmp_path / "config.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "forecasts.db"}"\nseeds_dir = "seeds"\n'
        "[daemon]\nheartbeat_seconds = 0.5\nshutdown_timeout_seconds = 20\n"
        f'[web]\nenabled = true\nhost = "127.0.0.1"\nport = {port}\n',
        encoding="utf-8",
    )
    log = tmp_path / "daemon.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "forecasts", "--config", str(config), "daemon"],
            cwd=REPO,
            env=env(),
            stdout=subprocess.DEVNULL,
            stderr=out,
        )
    try:
        page = wait_until_up(f"http://127.0.0.1:{port}/", proc, log)
        assert page.status_code == 200 and "Dashboard" in page.text
        deadline = time.monotonic() + 60
        while "running" not in httpx.get(f"http://127.0.0.1:{port}/?format=json").text:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        doc = httpx.get(f"http://127.0.0.1:{port}/?format=json").json()
        assert doc["daemon"]["running"] is True and doc["daemon"]["pid"] == proc.pid
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


def test_the_daemon_refuses_a_public_web_address_without_a_password(tmp_path: Path) -> None:
    """[web] host = 0.0.0.0 with no password: the daemon does not start (exit 78)."""
    config = tmp_path / "config.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "forecasts.db"}"\n'
        '[web]\nenabled = true\nhost = "0.0.0.0"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "forecasts", "--config", str(config), "daemon"],
        cwd=REPO,
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 78
    assert "refusing to listen on 0.0.0.0" in result.stderr
