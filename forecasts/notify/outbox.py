"""The outbox: notifications waiting for delivery, one row per event and channel.

A row is written in the same short transaction that notices the event, and deleted never: it
ends ``sent`` or, after ``max_attempts`` failures with exponential back-off, ``gave_up`` (and
an error in the log). So a delivery failure is retried, logged, and never lost silently.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from forecasts.config import NotifySettings, Settings
from forecasts.models.daemon import Outbox
from forecasts.notify.message import Message
from forecasts.store import outbox as store

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
        added += store.add_once(
            s,
            dedup_key=f"{channel}:{message.key}",
            channel=channel,
            kind=message.kind,
            subject=message.subject,
            body=message.text,
            payload=message.data,
            now=now,
        )
    return added


def as_message(row: Outbox) -> Message:
    return Message(row.kind, row.dedup_key, row.subject, row.body, dict(row.payload))


def retry_delay(settings: NotifySettings, attempts: int) -> timedelta:
    """Delay after the ``attempts``-th failure: base, 2x base, 4x base, ... up to the ceiling."""
    seconds = settings.retry_base_seconds * (2 ** max(0, attempts - 1))
    return timedelta(seconds=min(seconds, settings.retry_max_seconds))


@dataclass(frozen=True)
class Failure:
    gave_up: bool
    next_attempt_at: datetime


def record_failure(
    s: Session, settings: NotifySettings, row_id: int, now: datetime, error: str
) -> Failure | None:
    """Record a failed delivery: retried with back-off, given up (and logged as an error)
    after ``max_attempts``."""
    failed = store.record_failure(
        s,
        row_id,
        error,
        max_attempts=settings.max_attempts,
        retry_at=lambda attempts: now + retry_delay(settings, attempts),
    )
    if failed is None:
        return None
    if failed.gave_up:
        log.error(
            "notification %s (%s) given up after %d attempts: %s",
            row_id,
            failed.channel,
            failed.attempts,
            error,
        )
    else:
        log.warning(
            "notification %s (%s) failed, retry at %s: %s",
            row_id,
            failed.channel,
            failed.next_attempt_at.isoformat(),
            error,
        )
    return Failure(failed.gave_up, failed.next_attempt_at)
