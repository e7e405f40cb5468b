"""From a claim's evidence to its status: the lifecycle rules, as pure functions.

    open ──decisive fulfilment──────────────▶ fulfilled     (event_date from the evidence)
    open ──decisive counter-evidence────────▶ unfulfilled   (cancelled, refused, denied)
    open ──weak or conflicting evidence─────▶ needs_review  (a person decides)
    open ──window + grace passed, the feeds covered the event, no report──▶ unfulfilled
                                                             (a negated claim: fulfilled)
    open ──window + grace passed, nothing stored covers the event──▶ unresolved
    unresolved ──evidence arrives later─────▶ decided as above (fulfilled, unfulfilled, review)
    vague claim ───────────────────────────▶ not_verifiable
    any ──user: resolve --void─────────────▶ void          (superseded or withdrawn: not a miss)
    resolved ──user: resolve --reopen──────▶ open

The judge has already turned evidence round for negated claims ("Xi will not attend": the
event happening is counter-evidence), so these rules read the same for every polarity, except
at expiry, where silence bears a negated claim out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from forecasts.evidence.judge import DECISIVE_COUNTER, DECISIVE_FULFILMENT
from forecasts.models import ClaimStatus


@dataclass(frozen=True, slots=True)
class EvidenceFacts:
    kind: str
    score: float
    rule: str
    link: str = ""
    title: str = ""
    published: date | None = None
    event_date: date | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "score": self.score,
            "rule": self.rule,
            "link": self.link,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "event_date": self.event_date.isoformat() if self.event_date else None,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    status: str
    reason: str
    event_date: date | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)


def decide(evidence: Sequence[EvidenceFacts]) -> Decision | None:
    """The status the evidence supports, or None when it supports no change (still open)."""
    fulfil = [e for e in evidence if e.kind == "fulfilment" and e.score >= DECISIVE_FULFILMENT]
    counter = [e for e in evidence if e.kind == "counter" and e.score >= DECISIVE_COUNTER]
    weak = [
        e
        for e in evidence
        if e.kind in {"fulfilment", "counter"} and e not in fulfil and e not in counter
    ]
    if fulfil:
        first = min(fulfil, key=lambda e: (e.event_date or e.published or date.max, -e.score))
        happened = first.event_date or first.published
        later_counter = [
            c for c in counter if happened is None or (c.published or date.min) > happened
        ]
        if later_counter:
            return Decision(
                ClaimStatus.NEEDS_REVIEW.value,
                f"conflicting evidence: {first.rule} then {later_counter[0].rule}",
                None,
                [first.as_dict(), later_counter[0].as_dict()],
            )
        return Decision(
            ClaimStatus.FULFILLED.value,
            f"reported as happened ({first.rule}, score {first.score:.2f})",
            happened,
            [first.as_dict()],
        )
    if counter:
        best = max(counter, key=lambda e: e.score)
        return Decision(
            ClaimStatus.UNFULFILLED.value,
            f"counter-evidence ({best.rule}, score {best.score:.2f})",
            None,
            [best.as_dict()],
        )
    if weak:
        best = max(weak, key=lambda e: e.score)
        return Decision(
            ClaimStatus.NEEDS_REVIEW.value,
            f"weak evidence ({best.kind}: {best.rule}, score {best.score:.2f})",
            None,
            [best.as_dict()],
        )
    return None


# How many covering items a decision cites (the strongest first).
CITED = 3


def expiry_decision(
    polarity: str,
    due_latest: date,
    grace_days: int,
    day: date,
    covering: Sequence[EvidenceFacts] = (),
) -> Decision | None:
    """An open claim whose window and grace period have passed with no decisive news.

    ``covering`` are the stored items that name the claim's actors and its kind of event
    inside the window (plans, other places, other dates). With them, silence about the event
    itself means it did not happen; without them the feeds never covered it, and no verdict
    is honest: the claim is ``unresolved``.
    """
    if day <= due_latest + timedelta(days=grace_days):
        return None
    closed = f"window closed on {due_latest} (+{grace_days} days grace)"
    if not covering:
        return Decision(
            ClaimStatus.UNRESOLVED.value,
            f"{closed}: not covered by your feeds (no stored item in the window named its "
            "actors and its kind of event)",
        )
    cited = sorted(covering, key=lambda e: -e.score)[:CITED]
    said = f"{closed}: {len(covering)} stored item(s) covered it"
    if polarity == "negative":
        return Decision(
            ClaimStatus.FULFILLED.value,
            f"{said} and none reported the event",
            evidence=[e.as_dict() for e in cited],
        )
    return Decision(
        ClaimStatus.UNFULFILLED.value,
        f"{said} and none reported it as happened",
        evidence=[e.as_dict() for e in cited],
    )


def late_decision(
    evidence: Sequence[EvidenceFacts], polarity: str, due_latest: date, grace_days: int, day: date
) -> Decision | None:
    """An unresolved claim that got evidence after all: decided as if it had come in time."""
    decision = decide(evidence)
    if decision is not None:
        return Decision(
            decision.status,
            f"reopened on late evidence: {decision.reason}",
            decision.event_date,
            decision.evidence,
        )
    return expiry_decision(polarity, due_latest, grace_days, day, evidence)
