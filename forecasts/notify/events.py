"""The events worth a notification, read from the claims tables (read-only queries)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, col, select

from forecasts.models import Claim, ClaimHistory, ClaimStatus
from forecasts.notify import message as m

RESOLVED = (ClaimStatus.FULFILLED.value, ClaimStatus.UNFULFILLED.value)


def status_changes(s: Session, after_id: int, limit: int = 500) -> tuple[list[m.Message], int]:
    """Messages for status changes with history id > ``after_id``, and the last id read."""
    rows = s.exec(
        select(ClaimHistory, Claim)
        .join(Claim, col(Claim.id) == col(ClaimHistory.claim_id))
        .where(col(ClaimHistory.id) > after_id)
        .order_by(col(ClaimHistory.id))
        .limit(limit)
    ).all()
    messages: list[m.Message] = []
    last = after_id
    for hist, claim in rows:
        assert hist.id is not None and claim.id is not None
        last = hist.id
        if hist.to_status in RESOLVED:
            messages.append(
                m.claim_resolved(hist.id, claim.id, claim.claim, hist.to_status, hist.reason)
            )
        elif hist.to_status == ClaimStatus.NEEDS_REVIEW.value:
            messages.append(m.claim_needs_review(hist.id, claim.id, claim.claim, hist.reason))
    return messages, last


def falling_due(s: Session, today: date, lead_days: int) -> list[m.Message]:
    """Open claims whose window closes between today and ``lead_days`` from now."""
    rows = s.exec(
        select(Claim)
        .where(col(Claim.status) == ClaimStatus.OPEN.value)
        .where(col(Claim.due_latest) >= today)
        .where(col(Claim.due_latest) <= today + timedelta(days=lead_days))
        .order_by(col(Claim.due_latest), col(Claim.id))
    ).all()
    return [m.claim_due_soon(c.id, c.claim, c.due_latest) for c in rows if c.id is not None]
