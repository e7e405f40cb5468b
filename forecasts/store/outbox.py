"""Queries over the outbox: notifications waiting for delivery, one row per event and channel.

Rows are never deleted: a row ends ``sent`` or ``gave_up``. The policy (which channels, how
long to wait after a failure, when to give up) is ``forecasts.notify.outbox``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from forecasts.models.daemon import Outbox


def add_once(
    s: Session,
    *,
    dedup_key: str,
    channel: str,
    kind: str,
    subject: str,
    body: str,
    payload: dict[str, object],
    now: datetime,
) -> bool:
    """Queue one row unless a row with ``dedup_key`` exists; whether a row was added."""
    if s.exec(select(Outbox.id).where(col(Outbox.dedup_key) == dedup_key)).first() is not None:
        return False
    s.add(
        Outbox(
            dedup_key=dedup_key,
            channel=channel,
            kind=kind,
            subject=subject,
            body=body,
            payload=payload,
            created_at=now,
            next_attempt_at=now,
        )
    )
    s.flush()
    return True


def due(s: Session, now: datetime, limit: int = 100) -> list[Outbox]:
    """Rows waiting for delivery whose next attempt time has come, oldest first."""
    return list(
        s.exec(
            select(Outbox)
            .where(col(Outbox.sent_at).is_(None), col(Outbox.gave_up).is_(False))
            .where(col(Outbox.next_attempt_at) <= now)
            .order_by(col(Outbox.id))
            .limit(limit)
        ).all()
    )


def record_sent(s: Session, row_id: int, now: datetime) -> None:
    row = s.get(Outbox, row_id)
    if row is not None:
        row.attempts += 1
        row.sent_at = now
        row.last_error = ""
        s.add(row)


@dataclass(frozen=True)
class Failure:
    """A failed attempt as recorded: the row's attempts so far, and whether it was given up."""

    row_id: int
    channel: str
    attempts: int
    gave_up: bool
    next_attempt_at: datetime


def record_failure(
    s: Session,
    row_id: int,
    error: str,
    *,
    max_attempts: int,
    retry_at: Callable[[int], datetime],
) -> Failure | None:
    """Count one failed attempt; the row gives up at ``max_attempts``, otherwise its next
    attempt is ``retry_at(attempts)``. None if the row is gone."""
    row = s.get(Outbox, row_id)
    if row is None:
        return None
    row.attempts += 1
    row.last_error = error[:2000]
    if row.attempts >= max_attempts:
        row.gave_up = True
    else:
        row.next_attempt_at = retry_at(row.attempts)
    s.add(row)
    return Failure(row_id, row.channel, row.attempts, row.gave_up, row.next_attempt_at)


def counts(s: Session) -> dict[str, int]:
    """Rows sent, pending and given up."""
    rows = s.exec(select(Outbox.sent_at, Outbox.gave_up)).all()
    return {
        "sent": sum(1 for sent, _ in rows if sent is not None),
        "pending": sum(1 for sent, gave in rows if sent is None and not gave),
        "gave_up": sum(1 for _, gave in rows if gave),
    }
