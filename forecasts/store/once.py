"""Queries over ``once_done``: the record that a piece of work finished (``forecasts.scale.once``)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from forecasts.models.scale import OnceDone


def is_done(s: Session, key: str) -> bool:
    return s.get(OnceDone, key) is not None


def record_done(s: Session, key: str, holder: str, now: datetime, result: str = "") -> bool:
    """Record ``key`` as done; False if it was already recorded."""
    if is_done(s, key):
        return False
    s.add(OnceDone(key=key, holder=holder, done_at=now, result=result))
    s.flush()
    return True
