"""No parser process outlives the poll that started it, however the poll (or the daemon running
it) dies (issue 17, item 3): real processes, real signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.feedserver import FeedServer, make_rss

FEEDS = 20  # over POOL_MIN_FEEDS, so parsing runs in a process pool


def _children(pid: int) -> list[int]:
    """Direct children of ``pid``, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for init to reap it has exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as s:
        yield s


@pytest.mark.parametrize("command", ["poll", "daemon"])
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_parser_processes_exit_when_the_poll_is_killed(
    tmp_path: Path, server: FeedServer, sig: signal.Signals, command: str
) -> None:
    """Killed mid-poll (kill -9 or SIGTERM, as `timeout` under cron or systemd sends), the
    poll's parser processes and the resource tracker exit within seconds instead of living on
    under init: whether `forecasts poll` or the daemon's poll job started them. The daemon
    given SIGTERM waits shutdown_timeout_seconds for the hanging poll, then exits without it."""
    lines = [
        f'database_url = "sqlite:///{tmp_path / "f.db"}"',
        'seeds_dir = "no-seeds"',
        "[daemon]",
        "ingest_seeds = false",
        "shutdown_timeout_seconds = 1",
        "[fetch]",
        'allowed_networks = ["127.0.0.1/32"]',
        "parse_processes = 2",
        "deadline_seconds = 60",
        "timeout_seconds = 60",
    ]
    for i in range(FEEDS):
        server.feed(f"/{i}.xml", make_rss(5, prefix=f"f{i}"))
        lines += ["[[feeds]]", f'name = "f{i}"', f'url = "{server.url(f"/{i}.xml")}"']
    server.hang("/hang.xml")  # keeps the poll running after the others are parsed
    lines += ["[[feeds]]", 'name = "hang"', f'url = "{server.url("/hang.xml")}"']
    config = tmp_path / "config.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")

    args = ["poll", "--all"] if command == "poll" else ["daemon"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "forecasts", "--config", str(config), *args],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    children: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(children) < 2:
            children = _children(proc.pid)  # the resource tracker and at least one parser
            time.sleep(0.2)
        assert len(children) >= 2, f"poll started no parser processes: {children}"
        time.sleep(1.0)  # let the parsers settle into waiting for work
        children = _children(proc.pid)
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in children):
            time.sleep(0.1)
        survivors = [pid for pid in children if _alive(pid)]
        assert not survivors, f"orphans still running: {survivors}"
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        assert proc.stderr is not None
        proc.stderr.close()
