"""Read-only queries for the overview (`forecasts status`) and the notification job's events:
feeds in trouble, claims by status, open claims falling due, status changes after a cursor."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, or_, select

from forecasts.models import Claim, ClaimHistory, ClaimStatus, Feed


def feeds_in_trouble(s: Session) -> list[dict[str, object]]:
    """Feeds with errors or disabled, by name: name, url, errors, last error, next poll."""
    feeds = s.exec(
        select(Feed)
        .where(
            or_(
                col(Feed.consecutive_errors) > 0,
                col(Feed.last_error) != "",
                col(Feed.disabled_reason) != "",
            )
        )
        .order_by(col(Feed.name))
    ).all()
    return [
        {
            "name": f.name,
            "url": f.url,
            "consecutive_errors": f.consecutive_errors,
            "last_error": f.last_error,
            "disabled_reason": f.disabled_reason,
            "next_poll_at": f.next_poll_at,
        }
        for f in feeds
    ]


def claims_by_status(s: Session) -> dict[str, int]:
    """The number of claims in each status, by status name."""
    return dict(sorted(Counter(s.exec(select(Claim.status)).all()).items()))


@dataclass(frozen=True)
class DueClaim:
    id: int
    claim: str
    due_latest: date
    speaker: str


def open_claims_due(s: Session, first: date, last: date) -> list[DueClaim]:
    """Open claims whose window closes between ``first`` and ``last`` (inclusive), soonest first."""
    rows = s.exec(
        select(Claim)
        .where(col(Claim.status) == ClaimStatus.OPEN.value)
        .where(col(Claim.due_latest) >= first)
        .where(col(Claim.due_latest) <= last)
        .order_by(col(Claim.due_latest), col(Claim.id))
    ).all()
    return [DueClaim(c.id, c.claim, c.due_latest, c.speaker) for c in rows if c.id is not None]


@dataclass(frozen=True)
class StatusChange:
    history_id: int
    claim_id: int
    claim: str
    to_status: str
    reason: str
    at: datetime


def status_changes_after(s: Session, after_id: int, limit: int) -> list[StatusChange]:
    """Claim status changes with history id > ``after_id``, oldest first, at most ``limit``."""
    rows = s.exec(
        select(ClaimHistory, Claim)
        .join(Claim, col(Claim.id) == col(ClaimHistory.claim_id))
        .where(col(ClaimHistory.id) > after_id)
        .order_by(col(ClaimHistory.id))
        .limit(limit)
    ).all()
    out = []
    for hist, claim in rows:
        assert hist.id is not None and claim.id is not None
        out.append(
            StatusChange(hist.id, claim.id, claim.claim, hist.to_status, hist.reason, hist.at)
        )
    return out
