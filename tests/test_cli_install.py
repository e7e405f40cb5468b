"""Installed, not cloned: the daemon runs from any folder on built-in defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from forecasts.paths import bundled_seeds


def test_the_seeds_ship_inside_the_package() -> None:
    """The seed article and archive feed are package data (pyproject's package-data)."""
    assert (bundled_seeds() / "feeds" / "world-2023-archive.xml").is_file()
    assert any((bundled_seeds() / "articles").glob("*.txt"))
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text()
    assert '"seeds/*/*"' in pyproject


def test_daemon_once_from_an_empty_folder_uses_the_user_folders(tmp_path: Path) -> None:
    """No config, no checkout around: data in ~/.local/share/forecasts, bundled seeds ingested,
    the archive subscribed once, claims verified and a first report written."""
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(("FORECASTS_", "XDG_"))}
    env.update(HOME=str(home), MPLCONFIGDIR=str(tmp_path / "mpl"))

    def forecasts(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "forecasts", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=240,
        )

    done = forecasts("daemon", "--once")
    assert done.returncode == 0, done.stderr[-2000:]
    data = home / ".local" / "share" / "forecasts"
    assert (data / "forecasts.db").is_file()
    assert list(work.iterdir()) == []
    assert any((data / "reports").glob("*.md"))
    feeds = forecasts("feeds", "list").stdout.splitlines()
    assert len(feeds) == 1 and feeds[0].startswith("seed-world-2023-archive")
    claims = forecasts("claims", "--status", "fulfilled")
    assert claims.returncode == 0 and "Yellen" in claims.stdout
