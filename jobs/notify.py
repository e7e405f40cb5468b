"""The notification job: queue new events in the outbox, then deliver what is due. Glue only.

Events are read from the database (status changes after a cursor kept in ``daemon_mark``,
open claims falling due), so none is missed while the daemon is down. Deliveries happen
outside any transaction (a slow webhook never holds the write lock); each outcome is recorded
in its own short transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import httpx
from sqlalchemy.engine import Engine

from forecasts.clock import Clock, local_day
from forecasts.config import Settings
from forecasts.db import session, write_session
from forecasts.notify import email, events, outbox, webhook
from forecasts.notify.webhook import DeliveryError
from forecasts.store import daemon as state
from forecasts.store import outbox as outbox_store

log = logging.getLogger(__name__)

CURSOR = "notify.history"


@dataclass
class NotifySummary:
    queued: int = 0
    sent: int = 0
    failed: int = 0
    gave_up: int = 0


def notify(engine: Engine, settings: Settings, clock: Clock) -> NotifySummary:
    summary = NotifySummary()
    if not outbox.channels(settings.notify):
        return summary
    summary.queued = queue_events(engine, settings, clock)
    deliver(engine, settings, clock, summary)
    return summary


def queue_events(engine: Engine, settings: Settings, clock: Clock) -> int:
    now = clock.now()
    queued = 0
    with write_session(engine) as s:
        mark = state.get_mark(s, CURSOR)
        after = int(mark.value) if mark and mark.value.isdigit() else 0
        while True:
            messages, last = events.status_changes(s, after)
            if last == after:
                break
            for message in messages:
                queued += outbox.enqueue(s, settings, message, now)
            after = last
        state.set_mark(s, CURSOR, str(after), now)
        if settings.notify.on_due:
            today = local_day(now, settings.zone)
            for message in events.falling_due(s, today, settings.notify.due_lead_days):
                queued += outbox.enqueue(s, settings, message, now)
    return queued


def deliver(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    summary: NotifySummary | None = None,
    *,
    client: httpx.Client | None = None,
) -> NotifySummary:
    """Send every due outbox row once; failures are rescheduled with back-off, never raised."""
    summary = summary or NotifySummary()
    with session(engine) as s:
        rows = outbox_store.due(s, clock.now())
    if not rows:
        return summary
    own_client = client is None
    http = client or httpx.Client(follow_redirects=False)
    try:
        for row in rows:
            assert row.id is not None
            message = outbox.as_message(row)
            try:
                if row.channel == outbox.WEBHOOK:
                    webhook.send(http, settings.notify, message)
                else:
                    email.send(settings.notify, message)
            except DeliveryError as exc:
                with write_session(engine) as s:
                    failure = outbox.record_failure(
                        s, settings.notify, row.id, clock.now(), str(exc)
                    )
                summary.failed += 1
                if failure is not None and failure.gave_up:
                    summary.gave_up += 1
            else:
                with write_session(engine) as s:
                    outbox_store.record_sent(s, row.id, clock.now())
                summary.sent += 1
                log.info("notification %s sent by %s: %s", row.id, row.channel, row.subject)
    finally:
        if own_client:
            http.close()
    return summary
