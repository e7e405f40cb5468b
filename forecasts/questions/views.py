"""Questions as plain data for people and scripts, and the user's merges and splits.

The CLI prints what these return. A merge or split is the user's, audited in the question's
history and in ``question_merge`` (a split marks the merge it undoes).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from forecasts.errors import InputError
from forecasts.models import ClaimStatus, Question
from forecasts.questions.attach import claim_facts
from forecasts.questions.match import family
from forecasts.questions.settle import settle_question
from forecasts.store import claims as claim_store
from forecasts.store import questions as store
from forecasts.verdicts.views import claim_evidence, claim_row

STATUSES = tuple(s.value for s in ClaimStatus)
# What a decision on a question sets its claims to (and reopening it takes back).
FOLLOWED = frozenset({ClaimStatus.FULFILLED.value, ClaimStatus.UNFULFILLED.value})


def question_row(question: Question, claims: int) -> dict[str, Any]:
    return {
        "id": question.id,
        "title": question.title,
        "actors": list(question.actors or []),
        "event_type": question.event_type,
        "location": question.location,
        "window": {"earliest": question.due_earliest, "latest": question.due_latest},
        "status": question.status,
        "status_by": question.status_by,
        "event_date": question.event_date,
        "resolved_at": question.resolved_at,
        "merged_into": question.merged_into,
        "claims": claims,
    }


def questions_view(s: Session, status: str | None = None) -> list[dict[str, Any]]:
    if status is not None and status not in STATUSES:
        raise InputError(f"--status: unknown status '{status}' (one of {', '.join(STATUSES)})")
    questions = store.list_questions(s, status)
    counts = store.claim_counts(s, [q.id for q in questions if q.id is not None])
    return [question_row(q, counts.get(q.id or 0, 0)) for q in questions]


def question_view(s: Session, question_id: int) -> dict[str, Any]:
    """One question: its claims (each with its status and evidence), merges and history."""
    question = store.get_question(s, question_id)
    claims = store.claims_of(s, question_id)
    row = question_row(question, len(claims))
    row["claims"] = []
    for claim in claims:
        assert claim.id is not None
        one = claim_row(claim)
        one["evidence"] = claim_evidence(s, claim.id)
        row["claims"].append(one)
    row["merges"] = [
        {
            "claim": m.claim_id,
            "score": m.score,
            "rule": m.rule,
            "by": m.by,
            "at": m.at,
            "undone_at": m.undone_at,
        }
        for m in store.merges_of(s, question_id)
    ]
    decided = [h for h in store.history_of(s, question_id) if h.action == "status"]
    row["evidence"] = list(decided[-1].evidence) if decided else []
    row["history"] = [
        {
            "at": h.at,
            "action": h.action,
            "claim": h.claim_id,
            "from": h.from_status,
            "to": h.to_status,
            "by": h.by,
            "reason": h.reason,
            "evidence": h.evidence,
        }
        for h in store.history_of(s, question_id)
    ]
    return row


def merge(
    s: Session, into_id: int, other_id: int, *, now: datetime, by: str = "user"
) -> dict[str, Any]:
    """A user's merge of question ``other_id`` into ``into_id`` (``by``: "user via web" from
    the dashboard, as its history rows then say)."""
    into = store.get_question(s, into_id)
    other = store.get_question(s, other_id)
    moved = store.merge(s, into, other, now, by=by)
    return {"question": into_id, "merged": other_id, "claims_moved": moved}


def split(
    s: Session, question_id: int, claim_id: int, *, now: datetime, by: str = "user"
) -> dict[str, Any]:
    """A user's split: the claim leaves the question for a new question of its own."""
    question = store.get_question(s, question_id)
    claim = claim_store.get_claim(s, claim_id)
    new = store.split(s, question, claim, family(claim_facts(claim)), now, by=by)
    return {"question": question_id, "claim": claim_id, "new_question": new.id}


DECISIONS = {"fulfilled": "fulfilled", "unfulfilled": "unfulfilled", "reopen": "open"}


def decide(
    s: Session,
    question_id: int,
    action: str,
    *,
    now: datetime,
    note: str = "",
    event_date: date | None = None,
    by: str = "user",
) -> dict[str, Any]:
    """A user's decision on a question (the event happened, did not, or reopen): audited,
    final for the automatic judge, and followed at once by its claims (except those a user
    decided one by one)."""
    if action not in DECISIONS:
        raise InputError(f"unknown decision '{action}' (one of {', '.join(DECISIONS)})")
    question = store.get_question(s, question_id)
    if question.merged_into is not None:
        raise InputError(f"question {question_id} was merged into {question.merged_into}")
    if action == "reopen" and question.status_by != "user":
        raise InputError(f"question {question_id} has no decision of yours to reopen")
    store.change_status(
        s,
        question,
        DECISIONS[action],
        by=by,
        reason=note or f"decided by hand: {action}",
        evidence=[],
        now=now,
        event_date=event_date if action == "fulfilled" else None,
    )
    if action == "reopen":
        _hand_back_claims(s, question_id, now)
    settle_question(s, question, now, Counter())
    return question_view(s, question_id)


def _hand_back_claims(s: Session, question_id: int, now: datetime) -> None:
    """On reopening, the claims that followed the withdrawn decision go back to the judge too:
    left decided, the question would at once read their statuses and take that decision back."""
    for claim in store.claims_of(s, question_id):
        if claim.status_by == "auto" and claim.status in FOLLOWED and claim.id is not None:
            claim_store.change_status(
                s,
                claim,
                ClaimStatus.OPEN.value,
                by="auto",
                reason=f"question {question_id} reopened by a user: judged again",
                evidence=[],
                now=now,
            )
            claim_store.check_again(s, claim)
