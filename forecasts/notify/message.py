"""What a notification says, independent of the channel that carries it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

RESOLVED = "resolved"
NEEDS_REVIEW = "needs_review"
DUE_SOON = "due_soon"
REPORT = "report"


@dataclass(frozen=True)
class Message:
    kind: str
    key: str  # identifies the event: the same event is never notified twice on a channel
    subject: str
    text: str
    data: dict[str, Any] = field(default_factory=dict)


def claim_resolved(
    history_id: int, claim_id: int, claim: str, to_status: str, reason: str
) -> Message:
    word = {"fulfilled": "came true", "unfulfilled": "did not come true"}.get(to_status, to_status)
    return Message(
        RESOLVED,
        f"history:{history_id}",
        f"Claim #{claim_id} {word}",
        f"Claim #{claim_id} {word}: {claim}" + (f"\nWhy: {reason}" if reason else ""),
        {"claim_id": claim_id, "status": to_status, "claim": claim, "reason": reason},
    )


def claim_needs_review(history_id: int, claim_id: int, claim: str, reason: str) -> Message:
    return Message(
        NEEDS_REVIEW,
        f"history:{history_id}",
        f"Claim #{claim_id} needs review",
        f"Claim #{claim_id} needs review: {claim}"
        + (f"\nWhy: {reason}" if reason else "")
        + f"\nDecide with: forecasts resolve {claim_id} ...",
        {"claim_id": claim_id, "status": "needs_review", "claim": claim, "reason": reason},
    )


def claim_due_soon(claim_id: int, claim: str, due_latest: date) -> Message:
    return Message(
        DUE_SOON,
        f"due:{claim_id}:{due_latest.isoformat()}",
        f"Claim #{claim_id} falls due on {due_latest.isoformat()}",
        f"Claim #{claim_id} falls due on {due_latest.isoformat()}: {claim}",
        {"claim_id": claim_id, "due_latest": due_latest.isoformat(), "claim": claim},
    )


def report_written(month: str, paths: list[str]) -> Message:
    listing = "\n".join(paths)
    return Message(
        REPORT,
        f"report:{month}",
        f"Monthly report for {month} written",
        f"The forecasts report for {month} is ready:\n{listing}",
        {"month": month, "paths": paths},
    )
