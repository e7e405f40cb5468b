"""The interactive parts in a real terminal: tmux runs the command, the test types keys and
reads the screen (80x24), as a person would."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from forecasts.db import write_session
from forecasts.store import claims
from tests.test_verify_factories import make_article, make_claim, make_feed, make_item

NOW = datetime(2023, 7, 7, tzinfo=UTC)

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="needs tmux (.ci/run installs it)"
)


class Terminal:
    """One tmux session on a private server socket."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def start(self, command: list[str], env: dict[str, str], cwd: Path) -> None:
        line = "env " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items())
        line += " " + shlex.join(command) + "; echo '[exit '$?']'; sleep 60"
        self.tmux("new-session", "-d", "-s", "t", "-x", "80", "-y", "24", "-c", str(cwd), line)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen:\n{self.screen()}")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"forecasts-test-{os.getpid()}-{time.monotonic_ns()}")
    yield term
    subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV")
    out = {k: os.environ[k] for k in keep if k in os.environ}
    out.update(TERM="xterm", HOME=str(tmp_path), PAGER="less", NO_COLOR="1")
    out["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    return out


def forecasts(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "forecasts", "--config", str(config), *args]


def test_review_decides_claims_by_keys(
    terminal: Terminal, env, engine: Engine, config_file: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    """f + note decides the first claim; s skips the second; the screen fits 80 columns."""
    article = make_article(engine)
    first = make_claim(engine, article, status="needs_review")
    second = make_claim(engine, article, status="needs_review", claim="Xi Jinping may attend APEC")
    item = make_item(
        engine,
        make_feed(engine),
        "Yellen lands in Beijing " + "with a long headline " * 5,
        datetime(2023, 7, 6, tzinfo=UTC),
    )
    with write_session(engine) as s:
        claims.add_evidence(
            s, first, item_id=item, url="", kind="signal", score=0.6, rule="test", now=NOW
        )
    terminal.start(forecasts(config_file, "review"), env, config_file.parent)
    shown = terminal.wait_for("[f]ulfilled")
    assert f"[1/2] claim {first}" in shown and "Janet Yellen could travel to Beijing" in shown
    assert all(len(line) <= 80 for line in shown.splitlines())
    terminal.keys("f", "Enter")
    terminal.wait_for("note")
    terminal.keys("seen it on the wire", "Enter")
    shown = terminal.wait_for(f"[2/2] claim {second}")
    assert "-> fulfilled" in shown
    terminal.keys("s", "Enter")
    terminal.wait_for("[exit 0]")
    doc = json.loads(run_cli("claim", str(first), "--json").out)
    assert doc["status"] == "fulfilled" and doc["status_by"] == "user"
    assert doc["history"][-1]["reason"] == "seen it on the wire"
    assert json.loads(run_cli("claim", str(second), "--json").out)["status"] == "needs_review"


def test_feeds_remove_asks_on_a_terminal(
    terminal: Terminal, env, engine: Engine, config_file: Path, run_cli
) -> None:  # type: ignore[no-untyped-def]
    """Answering no keeps the feed (exit 1); yes removes it."""
    make_feed(engine, "wire")
    terminal.start(forecasts(config_file, "feeds", "remove", "wire"), env, config_file.parent)
    terminal.wait_for("Remove feed wire and its 0 items? [y/N]")
    terminal.keys("n", "Enter")
    terminal.wait_for("nothing removed")
    terminal.wait_for("[exit 1]")
    assert "wire" in run_cli("feeds", "list").out
    terminal.tmux("kill-session", "-t", "t")
    terminal.start(forecasts(config_file, "feeds", "remove", "wire"), env, config_file.parent)
    terminal.wait_for("[y/N]")
    terminal.keys("y", "Enter")
    terminal.wait_for("[exit 0]")
    assert "wire" not in run_cli("feeds", "list").out


def test_a_long_list_opens_in_the_pager(
    terminal: Terminal, env, engine: Engine, config_file: Path
) -> None:  # type: ignore[no-untyped-def]
    """40 claims on a 24-line terminal: less shows the first screen; q quits; --no-pager does not page."""
    article = make_article(engine)
    for i in range(40):
        make_claim(engine, article, claim=f"Claim number {i} will happen")
    terminal.start(forecasts(config_file, "claims", "--sort", "id"), env, config_file.parent)
    shown = terminal.wait_for("Claim number 0 ")
    assert "Claim number 39" not in shown and "[exit" not in shown
    terminal.keys("q")
    terminal.wait_for("[exit 0]")
