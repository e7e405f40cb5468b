"""The outbox: notifications waiting for delivery, one row per event and channel.

A row is written in the same short transaction that notices the event, and deleted never: it
ends ``sent`` or, after ``max_attempts`` failures with exponential back-off, ``gave_up`` (and
an error in the log). So a delivery failure is retried, logged, and never lost silently.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from forecasts.config import NotifySettings, Settings
from forecasts.models.daemon import Outbox
from forecasts.notify.message import Message

log = logging.getLogger(__name__)

WEBHOOK = "webhook"
EMAIL = "email"


def channels(settings: NotifySettings) -> list[str]:
    """The channels configured: none unless a webhook URL or an SMTP host with recipients."""
    found = []
    if settings.webhook_url:
        found.append(WEBHOOK)
    if settings.smtp_host and settings.email_to:
        found.append(EMAIL)
    return found


def wanted(settings: NotifySettings, kind: str) -> bool:
    return {
        "resolved": settings.on_resolved,
        "needs_review": settings.on_review,
        "due_soon": settings.on_due,
        "report": settings.on_report,
    }.get(kind, True)


def enqueue(s: Session, settings: Settings, message: Message, now: datetime) -> int:
    """Queue ``message`` on each configured channel, once per event; the number of rows added."""
    if not wanted(settings.notify, message.kind):
        return 0
    added = 0
    for channel in channels(settings.notify):
        key = f"{channel}:{message.key}"
        if s.exec(select(Outbox.id).where(col(Outbox.dedup_key) == key)).first() is not None:
            continue
        s.add(
            Outbox(
                dedup_key=key,
                channel=channel,
                kind=message.kind,
                subject=message.subject,
                body=message.text,
                payload=message.data,
                created_at=now,
                next_attempt_at=now,
            )
        )
        added += 1
    s.flush()
    return added


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


def as_message(row: Outbox) -> Message:
    return Message(row.kind, row.dedup_key, row.subject, row.body, dict(row.payload))


def retry_delay(settings: NotifySettings, attempts: int) -> timedelta:
    """Delay after the ``attempts``-th failure: base, 2x base, 4x base, ... up to the ceiling."""
    seconds = settings.retry_base_seconds * (2 ** max(0, attempts - 1))
    return timedelta(seconds=min(seconds, settings.retry_max_seconds))


def record_sent(s: Session, row_id: int, now: datetime) -> None:
    row = s.get(Outbox, row_id)
    if row is not None:
        row.attempts += 1
        row.sent_at = now
        row.last_error = ""
        s.add(row)


@dataclass(frozen=True)
class Failure:
    gave_up: bool
    next_attempt_at: datetime


def record_failure(
    s: Session, settings: NotifySettings, row_id: int, now: datetime, error: str
) -> Failure | None:
    row = s.get(Outbox, row_id)
    if row is None:
        return None
    row.attempts += 1
    row.last_error = error[:2000]
    if row.attempts >= settings.max_attempts:
        row.gave_up = True
        log.error(
            "notification %s (%s) given up after %d attempts: %s",
            row.id,
            row.channel,
            row.attempts,
            error,
        )
    else:
        row.next_attempt_at = now + retry_delay(settings, row.attempts)
        log.warning(
            "notification %s (%s) failed, retry at %s: %s",
            row.id,
            row.channel,
            row.next_attempt_at.isoformat(),
            error,
        )
    s.add(row)
    return Failure(row.gave_up, row.next_attempt_at)


def counts(s: Session) -> dict[str, int]:
    rows = s.exec(select(Outbox.sent_at, Outbox.gave_up)).all()
    pending = sum(1 for sent, gave in rows if sent is None and not gave)
    return {
        "sent": sum(1 for sent, _ in rows if sent is not None),
        "pending": pending,
        "gave_up": sum(1 for _, gave in rows if gave),
    }
