"""The events worth a notification, read from the claims tables (read-only queries)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from forecasts.models import ClaimStatus
from forecasts.notify import message as m
from forecasts.store import overview

RESOLVED = (ClaimStatus.FULFILLED.value, ClaimStatus.UNFULFILLED.value)


def status_changes(s: Session, after_id: int, limit: int = 500) -> tuple[list[m.Message], int]:
    """Messages for status changes with history id > ``after_id``, and the last id read."""
    messages: list[m.Message] = []
    last = after_id
    for change in overview.status_changes_after(s, after_id, limit):
        last = change.history_id
        if change.to_status in RESOLVED:
            messages.append(
                m.claim_resolved(
                    change.history_id,
                    change.claim_id,
                    change.claim,
                    change.to_status,
                    change.reason,
                )
            )
        elif change.to_status == ClaimStatus.NEEDS_REVIEW.value:
            messages.append(
                m.claim_needs_review(
                    change.history_id, change.claim_id, change.claim, change.reason
                )
            )
    return messages, last


def falling_due(s: Session, today: date, lead_days: int) -> list[m.Message]:
    """Open claims whose window closes between today and ``lead_days`` from now."""
    due = overview.open_claims_due(s, today, today + timedelta(days=lead_days))
    return [m.claim_due_soon(c.id, c.claim, c.due_latest) for c in due]
