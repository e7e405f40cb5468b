"""Single instance on SQLite: an exclusive ``flock`` on ``<database file>.lock``.

The kernel drops a ``flock`` when its process dies, however it dies (kill -9, power cut of
the process, OOM killer), so a crashed daemon never leaves the lock stuck. The holder writes
its pid into the file only so that the refusal message can name it, and touches it every
heartbeat period: SQLite has one writer, so a long job holding the write lock would otherwise
leave the heartbeat row stale, and `status` reads the file's mtime too. PostgreSQL needs no lock
here: several daemons there coordinate through leases (a later issue).
"""

from __future__ import annotations

import fcntl
import os
import socket
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from forecasts.errors import DaemonLockedError, StoreError


def lock_path(database_url: str) -> Path | None:
    """The lock file of a SQLite database URL; None for other databases and in-memory SQLite."""
    url = sa.engine.make_url(database_url)
    if not url.drivername.startswith("sqlite"):
        return None
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db + ".lock")


class InstanceLock:
    """Hold the lock for the life of the daemon: ``with InstanceLock(url): ...``."""

    def __init__(self, database_url: str) -> None:
        self.path = lock_path(database_url)
        self._fd: int | None = None

    def acquire(self) -> None:
        if self.path is None or self._fd is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreError(f"cannot create the daemon lock {self.path}: {exc.strerror}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise DaemonLockedError(
                f"another forecasts daemon ({holder}) is already running against "
                f"{self.path.with_suffix('')}; stop it first (or use another database_url)"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    text = os.read(fd, 200).decode(errors="replace").split()
    if text and text[0].isdigit():
        host = f" on {text[1]}" if len(text) > 1 else ""
        return f"pid {text[0]}{host}"
    return "pid unknown"


def holder_pid(database_url: str) -> int | None:
    """The pid of the running daemon if one holds the lock, else None (never blocks)."""
    path = lock_path(database_url)
    if path is None or not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            words = os.read(fd, 200).decode(errors="replace").split()
            return int(words[0]) if words and words[0].isdigit() else 0
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def touch(database_url: str) -> None:
    """Mark the lock file as just alive (its mtime): a heartbeat that needs no database lock."""
    path = lock_path(database_url)
    if path is not None:
        with suppress(OSError):
            os.utime(path)


def file_heartbeat(database_url: str) -> datetime | None:
    """When the running daemon last touched its lock file, or None off SQLite."""
    path = lock_path(database_url)
    if path is None:
        return None
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return None
