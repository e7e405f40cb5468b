"""A question's verdict from the evidence of all its claims, and each claim's status from it.

Pure functions. The evidence of every claim about one event is pooled (one item counts once)
and read in the event's own terms: the judge turns evidence round for a negated claim ("Xi
will not attend": the event happening is counter-evidence), so it is turned back here. Then:

    event reported as happened on day D ──▶ question fulfilled (event date D)
    event called off, refused, cancelled ─▶ question unfulfilled
    weak or conflicting reports ─────────▶ question needs_review
    no decisive news ───────────────────▶ the question reads its claims (``outcome``)

and each claim follows from the question, its own window and its polarity:

    happened on D, D in the claim's window      positive: fulfilled      negative: unfulfilled
    happened on D, after the window closed      positive: unfulfilled    negative: fulfilled
    called off                                  positive: unfulfilled    negative: fulfilled
    needs review                                needs_review

("by June" and "by December" on the same event can end differently). A decision a user made on
a question stands for the question; a user's decision on a claim is never changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from forecasts.evidence.judge import REPORT_LAG_DAYS
from forecasts.models import ClaimStatus
from forecasts.verdicts.lifecycle import Decision, EvidenceFacts, decide

FULFILLED = ClaimStatus.FULFILLED.value
UNFULFILLED = ClaimStatus.UNFULFILLED.value
NEEDS_REVIEW = ClaimStatus.NEEDS_REVIEW.value

_FLIP = {"fulfilment": "counter", "counter": "fulfilment"}


@dataclass(frozen=True, slots=True)
class ClaimWindow:
    """What deciding a claim from its question needs of it."""

    id: int
    polarity: str
    earliest: date
    latest: date


@dataclass(frozen=True, slots=True)
class Verdict:
    """What happened to the event: fulfilled (with its date), unfulfilled, needs_review."""

    status: str
    reason: str
    event_date: date | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)


def in_event_terms(evidence: EvidenceFacts, polarity: str) -> EvidenceFacts:
    """Evidence judged for a claim, read as evidence about the event itself."""
    if polarity == "negative" and evidence.kind in _FLIP:
        return replace(evidence, kind=_FLIP[evidence.kind])
    return evidence


def pool(evidence: Sequence[tuple[EvidenceFacts, str]]) -> list[EvidenceFacts]:
    """Every claim's evidence in event terms, each item once (its strongest reading)."""
    best: dict[tuple[str, str], EvidenceFacts] = {}
    for facts, polarity in evidence:
        e = in_event_terms(facts, polarity)
        key = (e.link or e.title, e.kind)
        if key not in best or e.score > best[key].score:
            best[key] = e
    return list(best.values())


def question_verdict(evidence: Sequence[tuple[EvidenceFacts, str]]) -> Verdict | None:
    """The event's verdict from the pooled evidence, or None: no decisive news yet."""
    decision: Decision | None = decide(pool(evidence))
    if decision is None:
        return None
    return Verdict(decision.status, decision.reason, decision.event_date, decision.evidence)


def claim_decision(verdict: Verdict, claim: ClaimWindow) -> Decision | None:
    """A claim's status from its question's verdict, its own window and its polarity."""
    negative = claim.polarity == "negative"
    if verdict.status == NEEDS_REVIEW:
        return Decision(NEEDS_REVIEW, f"the question needs review: {verdict.reason}")
    if verdict.status == UNFULFILLED:
        status = FULFILLED if negative else UNFULFILLED
        return Decision(
            status, f"the event was called off: {verdict.reason}", None, verdict.evidence
        )
    if verdict.status != FULFILLED:
        return None
    day = verdict.event_date
    if day is None:
        status = UNFULFILLED if negative else FULFILLED
        return Decision(status, f"the event happened: {verdict.reason}", None, verdict.evidence)
    if day < claim.earliest - timedelta(days=REPORT_LAG_DAYS):
        return None  # it happened before this claim's window opened: not this claim's event
    if day <= claim.latest:
        if negative:
            return Decision(
                UNFULFILLED, f"it happened on {day}, inside the window", None, verdict.evidence
            )
        return Decision(FULFILLED, f"it happened on {day}: {verdict.reason}", day, verdict.evidence)
    late = f"it happened on {day}, after the window closed on {claim.latest}"
    if negative:
        return Decision(FULFILLED, late, None, verdict.evidence)
    return Decision(UNFULFILLED, late, None, verdict.evidence)
