"""Every query of the project, one module per entity; functions take ``(session, ...)``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

# Values bound in one IN (...) list or one multi-row INSERT: far below SQLite's limit of
# bound parameters (32,766) even with a dozen columns a row, and a plan PostgreSQL caches.
CHUNK = 500


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``values`` in consecutive slices of at most ``size`` (one statement each)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
