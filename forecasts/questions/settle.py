"""One question settled: its verdict (a user's stands), then each of its claims from it.

Session-level glue between ``resolve`` (pure) and the store, shared by the settling job
(``forecasts.jobs.questions``) and a user's decision on a question (``views.decide``).
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime

from sqlmodel import Session

from forecasts.models import Claim, ClaimStatus, Evidence, Item, Question
from forecasts.questions.outcome import ClaimOutcome, outcome_from_claims
from forecasts.questions.resolve import ClaimWindow, Verdict, claim_decision, question_verdict
from forecasts.store import claims as claim_store
from forecasts.store import questions as store
from forecasts.verdicts.lifecycle import EvidenceFacts

log = logging.getLogger(__name__)

# Claims the question's verdict never touches: not checkable, or withdrawn by hand.
_LEFT_ALONE = frozenset({ClaimStatus.NOT_VERIFIABLE.value, ClaimStatus.VOID.value})


def settle_question(s: Session, question: Question, now: datetime, changes: Counter[str]) -> None:
    """The question's verdict (a user's stands), then each of its claims from it."""
    assert question.id is not None
    claims = store.claims_of(s, question.id)
    if question.status_by == "user":
        verdict = _user_verdict(question)
    else:
        pooled = [
            (_facts(ev, item), polarity)
            for ev, item, polarity in store.evidence_of_question(s, question.id)
        ]
        verdict = question_verdict(pooled)
        if verdict is not None:
            store.change_status(
                s,
                question,
                verdict.status,
                by="auto",
                reason=verdict.reason,
                evidence=verdict.evidence,
                now=now,
                event_date=verdict.event_date,
            )
        else:
            # No decisive news about the event: the question reads what its claims say.
            outcome = outcome_from_claims(
                [ClaimOutcome(c.status, c.polarity, c.status_by, c.event_date) for c in claims]
            )
            store.change_status(
                s,
                question,
                outcome.status,
                by="auto",
                reason=outcome.reason,
                evidence=[],
                now=now,
                event_date=outcome.event_date,
            )
    if verdict is not None:
        for claim in claims:
            _follow(s, question.id, claim, verdict, now, changes)


def _user_verdict(question: Question) -> Verdict | None:
    if question.status not in {
        ClaimStatus.FULFILLED.value,
        ClaimStatus.UNFULFILLED.value,
    }:
        return None
    return Verdict(question.status, "decided by a user", question.event_date)


def _follow(
    s: Session,
    question_id: int,
    claim: Claim,
    verdict: Verdict,
    now: datetime,
    changes: Counter[str],
) -> None:
    if claim.status_by == "user" or claim.status in _LEFT_ALONE:
        return
    decision = claim_decision(
        verdict, ClaimWindow(claim.id or 0, claim.polarity, claim.due_earliest, claim.due_latest)
    )
    if decision is None:
        return
    if decision.status == claim.status and decision.event_date == claim.event_date:
        return
    claim_store.change_status(
        s,
        claim,
        decision.status,
        by="auto",
        reason=f"question {question_id}: {decision.reason}",
        evidence=decision.evidence,
        now=now,
        event_date=decision.event_date,
    )
    changes[decision.status] += 1
    if claim.status not in claim_store.JUDGED and claim.id is not None:
        claim_store.unindex_claim(s, claim.id)
    log.info(
        "claim %s -> %s from question %s",
        claim.id,
        decision.status,
        question_id,
        extra={"claim_id": claim.id, "question_id": question_id},
    )


def _facts(ev: Evidence, item: Item | None) -> EvidenceFacts:
    return EvidenceFacts(
        kind=ev.kind,
        score=ev.score,
        rule=ev.rule,
        link=ev.url or (item.link if item else ""),
        title=item.title if item else "",
        published=item.published_at.date() if item and item.published_at else None,
        event_date=ev.event_date,
    )
