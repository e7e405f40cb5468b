"""A question's status from what is known of its claims (pure).

Used where a question's status must be read off claims already judged one by one: the
migration that creates questions for an existing database. The event happened when a claim
that it would happen was fulfilled (its event date is the question's); it did not when every
decided claim that it would happen was unfulfilled; a user's decision on any claim carries over
(the question is the user's then).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ClaimOutcome:
    status: str
    polarity: str = "positive"
    status_by: str = "auto"
    event_date: date | None = None


@dataclass(frozen=True, slots=True)
class QuestionOutcome:
    status: str
    status_by: str
    event_date: date | None
    reason: str


def outcome_from_claims(claims: Sequence[ClaimOutcome]) -> QuestionOutcome:
    """What the claims already say about the event (``open`` when they say nothing)."""
    positive = [c for c in claims if c.polarity != "negative"]
    negative = [c for c in claims if c.polarity == "negative"]
    happened = [c for c in positive if c.status == "fulfilled"] + [
        c for c in negative if c.status == "unfulfilled"
    ]
    if happened:
        by = "user" if any(c.status_by == "user" for c in happened) else "auto"
        days = [c.event_date for c in happened if c.event_date is not None]
        return QuestionOutcome(
            "fulfilled", by, min(days) if days else None, "a claim about it was fulfilled"
        )
    decided = [c for c in claims if c.status not in {"open", "not_verifiable", "void"}]
    not_happened = [c for c in positive if c.status == "unfulfilled"] + [
        c for c in negative if c.status == "fulfilled"
    ]
    if decided and len(not_happened) == len(decided):
        by = "user" if any(c.status_by == "user" for c in not_happened) else "auto"
        return QuestionOutcome(
            "unfulfilled", by, None, "every decided claim says it did not happen"
        )
    if decided and any(c.status == "needs_review" for c in decided):
        return QuestionOutcome("needs_review", "auto", None, "a claim about it needs review")
    if decided and all(c.status == "unresolved" for c in decided):
        return QuestionOutcome("unresolved", "auto", None, "no stored item covered the event")
    if claims and all(c.status == "not_verifiable" for c in claims):
        return QuestionOutcome("not_verifiable", "auto", None, "no claim about it is verifiable")
    return QuestionOutcome("open", "auto", None, "no decisive news yet")
