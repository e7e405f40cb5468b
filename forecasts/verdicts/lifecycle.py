"""From a claim's evidence to its status: the lifecycle rules, as pure functions.

    open ──decisive fulfilment──────────────▶ fulfilled     (event_date from the evidence)
    open ──decisive counter-evidence────────▶ unfulfilled   (cancelled, refused, denied)
    open ──weak or conflicting evidence─────▶ needs_review  (a person decides)
    open ──window + grace passed, no news──▶ unfulfilled   (a negated claim: fulfilled)
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


def expiry_decision(polarity: str, due_latest: date, grace_days: int, day: date) -> Decision | None:
    """An open claim whose window and grace period have passed with no decisive news."""
    if day <= due_latest + timedelta(days=grace_days):
        return None
    if polarity == "negative":
        return Decision(
            ClaimStatus.FULFILLED.value,
            f"window closed on {due_latest} (+{grace_days} days grace) and the event was not reported",
        )
    return Decision(
        ClaimStatus.UNFULFILLED.value,
        f"window closed on {due_latest} (+{grace_days} days grace) with no evidence",
    )
