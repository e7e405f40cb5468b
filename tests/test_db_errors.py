"""A database that cannot be used gets one line saying what is wrong and what to do, a non-zero
exit, and is left exactly as it was (issue 17, item 6)."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from forecasts.db import open_database
from tests.conftest import REPO


def _cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "forecasts", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def _snapshot(folder: Path) -> dict[str, str]:
    """What the folder holds, by content: an empty -wal and the -shm index (SQLite's shared
    memory, which any reader of a WAL database maps) hold no data and are left out."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.name != "config.toml" and not p.name.endswith("-shm") and p.stat().st_size
    }


def _sql(db: Path, statement: str) -> None:
    """Run one statement with the sqlite3 module and fold the WAL back into the file."""
    conn = sqlite3.connect(db)
    try:
        conn.execute(statement)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _config(folder: Path, url: str) -> Path:
    path = folder / "config.toml"
    path.write_text(f'database_url = "{url}"\n', encoding="utf-8")
    return path


def _made(folder: Path) -> Path:
    """A real, migrated forecasts database with nothing in it, closed."""
    db = folder / "forecasts.db"
    open_database(f"sqlite:///{db}").dispose()
    _sql(db, "PRAGMA user_version = 0")
    for extra in ("-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    return db


def _assert_one_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode != 0
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_a_garbage_file_is_named_not_a_database(tmp_path: Path) -> None:
    """`feeds list` on random bytes: one line (not a database; restore or point elsewhere)."""
    db = tmp_path / "forecasts.db"
    db.write_bytes(os.urandom(5000))
    config = _config(tmp_path, f"sqlite:///{db}")
    before = _snapshot(tmp_path)
    result = _cli(config, "feeds", "list")
    _assert_one_line(result, "not a forecasts database", "backup")
    assert _snapshot(tmp_path) == before


# Seeded noise, so a failure can be replayed; with seed 11 the driver meets text that is not
# UTF-8 while connecting, before SQLite reports the damage itself.
@pytest.mark.parametrize("seed", [0, 11])
def test_corrupted_pages_are_reported_as_damage(tmp_path: Path, seed: int) -> None:
    """`verify` on a database whose pages were overwritten: one line (damaged; restore it)."""
    db = _made(tmp_path)
    data = bytearray(db.read_bytes())
    noise = random.Random(seed)
    for page in range(1, len(data) // 4096):
        data[page * 4096 + 8 : page * 4096 + 3000] = noise.randbytes(2992)
    db.write_bytes(bytes(data))
    config = _config(tmp_path, f"sqlite:///{db}")
    before = _snapshot(tmp_path)
    result = _cli(config, "verify")
    _assert_one_line(result, "damaged", "backup")
    assert _snapshot(tmp_path) == before


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    """A schema revision this program does not know: one line (upgrade forecasts), no change."""
    db = _made(tmp_path)
    _sql(db, "UPDATE alembic_version SET version_num = '0099_from_the_future'")
    config = _config(tmp_path, f"sqlite:///{db}")
    before = _snapshot(tmp_path)
    result = _cli(config, "feeds", "list")
    _assert_one_line(result, "newer version of forecasts", "0099_from_the_future", "upgrade")
    assert _snapshot(tmp_path) == before


def test_a_read_only_database_is_reported_with_what_to_check(tmp_path: Path) -> None:
    """A database SQLite can only read (here opened read-only, as a 0444 file is for a normal
    user): `poll` says it is read-only and to check permissions, in one line."""
    db = _made(tmp_path)
    # Opened read-only through SQLite's URI form: what a 0444 file gives any user but root.
    config = _config(tmp_path, f"sqlite:///file:{db}?mode=ro&uri=true")
    before = _snapshot(tmp_path)
    result = _cli(config, "feeds", "add", "https://example.org/rss.xml", "--name", "x")
    _assert_one_line(result, "read-only", "permissions")
    assert _snapshot(tmp_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to 0444 files")
def test_a_read_only_file_in_a_writable_folder(tmp_path: Path) -> None:
    """`poll` on a chmod 0444 database file: one line naming permissions, exit non-zero."""
    db = _made(tmp_path)
    db.chmod(0o444)
    config = _config(tmp_path, f"sqlite:///{db}")
    result = _cli(config, "poll")
    _assert_one_line(result, "read-only", "permissions")
