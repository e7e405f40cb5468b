"""`db copy --force` onto the source itself is refused however the path is spelt (issue 17, item 8)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from forecasts.db import open_database, write_session
from forecasts.models import Feed


def _source(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "forecasts.db"
    engine = open_database(f"sqlite:///{db}")
    with write_session(engine) as s:
        s.add(Feed(name="kept", url="https://example.org/rss"))
    engine.dispose()
    return db


def _feeds(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM feed")]
    finally:
        conn.close()


@pytest.mark.parametrize("spelling", ["symlink", "dot-slash", "dot-dot", "relative"])
def test_copy_onto_the_same_file_is_refused_and_loses_nothing(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:  # type: ignore[no-untyped-def]
    """The same file through a symlink, ./, ../ or a relative path: refused, rows intact."""
    db = _source(tmp_path)
    monkeypatch.chdir(tmp_path)
    if spelling == "symlink":
        (tmp_path / "link.db").symlink_to(db)
        target = f"sqlite:///{tmp_path / 'link.db'}"
    elif spelling == "dot-slash":
        target = f"sqlite:///{db.parent}/./{db.name}"
    elif spelling == "dot-dot":
        target = f"sqlite:///{db.parent}/../data/{db.name}"
    else:
        target = f"sqlite:///{os.path.relpath(db)}"
    result = run_cli("db", "copy", f"sqlite:///{db}", target, "--force")
    assert result.code == 2, result.err
    assert "same database" in result.err
    assert _feeds(db) == ["kept"]
