"""Questions, the claims attached to them, their merges and history: every query about them.

A claim is attached to a question through ``attach`` (matching, or a user's merge), which
writes a ``question_merge`` row saying why, and a ``question_history`` row. ``split`` undoes
an attachment: the claim gets a question of its own and the merge row is marked undone.

``by`` names the actor: "auto", "user" (the CLI) or "user via web"; the history rows record
the role and name the channel in their reason (``store.claims.audited``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from forecasts.errors import InputError, NotFoundError
from forecasts.models import (
    Article,
    Claim,
    ClaimHistory,
    Evidence,
    Item,
    Question,
    QuestionHistory,
    QuestionMerge,
)
from forecasts.store import chunks
from forecasts.store.claims import audited


def get_question(s: Session, question_id: int) -> Question:
    question = s.get(Question, question_id)
    if question is None:
        raise NotFoundError(f"no question with id {question_id}")
    return question


def list_questions(s: Session, status: str | None = None) -> list[Question]:
    """Every question still standing (not merged into another), oldest first."""
    query = select(Question).where(col(Question.merged_into).is_(None)).order_by(col(Question.id))
    if status is not None:
        query = query.where(Question.status == status)
    return list(s.exec(query).all())


def candidates(s: Session, families: Iterable[str], earliest: Any, latest: Any) -> list[Question]:
    """Standing questions of any of ``families`` whose window overlaps [earliest, latest]."""
    wanted = sorted({f for f in families if f})
    if not wanted:
        return []
    query = (
        select(Question)
        .where(
            col(Question.event_type).in_(wanted),
            col(Question.due_latest) >= earliest,
            col(Question.due_earliest) <= latest,
            col(Question.merged_into).is_(None),
        )
        .order_by(col(Question.id))
    )
    return list(s.exec(query).all())


def claims_of(s: Session, question_id: int) -> list[Claim]:
    query = select(Claim).where(Claim.question_id == question_id).order_by(col(Claim.id))
    return list(s.exec(query).all())


def claim_counts(s: Session, question_ids: Iterable[int]) -> dict[int, int]:
    ids = sorted(set(question_ids))
    out: dict[int, int] = {}
    for chunk in chunks(ids):
        rows = s.exec(
            select(col(Claim.question_id), sa.func.count())
            .where(col(Claim.question_id).in_(chunk))
            .group_by(col(Claim.question_id))
        ).all()
        out.update({qid: int(n) for qid, n in rows if qid is not None})
    return out


def unattached_claims(s: Session, claim_ids: Iterable[int] | None = None) -> list[Claim]:
    """Claims with no question yet (all of them, or those among ``claim_ids``)."""
    query = select(Claim).where(col(Claim.question_id).is_(None)).order_by(col(Claim.id))
    if claim_ids is not None:
        ids = sorted(set(claim_ids))
        if not ids:
            return []
        out: list[Claim] = []
        for chunk in chunks(ids):
            out.extend(s.exec(query.where(col(Claim.id).in_(chunk))).all())
        return out
    return list(s.exec(query).all())


def merges_of(s: Session, question_id: int) -> list[QuestionMerge]:
    query = (
        select(QuestionMerge)
        .where(QuestionMerge.question_id == question_id)
        .order_by(col(QuestionMerge.at), col(QuestionMerge.id))
    )
    return list(s.exec(query).all())


def history_of(s: Session, question_id: int) -> list[QuestionHistory]:
    query = (
        select(QuestionHistory)
        .where(QuestionHistory.question_id == question_id)
        .order_by(col(QuestionHistory.at), col(QuestionHistory.id))
    )
    return list(s.exec(query).all())


def _id(row: Question | Claim) -> int:
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id: add and flush it first")
    return row.id


def open_question(s: Session, claim: Claim, family: str, now: datetime, *, by: str) -> Question:
    """A new question for the event ``claim`` is about, with the claim attached to it."""
    question = Question(
        title=claim.claim,
        actors=list(claim.actors or []),
        event=claim.event,
        event_type=family,
        location=claim.location,
        due_earliest=claim.due_earliest,
        due_latest=claim.due_latest,
        status="open",
        status_by="auto",
        created_at=now,
    )
    s.add(question)
    s.flush()
    role, reason = audited(by, f"opened by claim {claim.id}")
    s.add(
        QuestionHistory(
            question_id=_id(question),
            at=now,
            action="created",
            claim_id=claim.id,
            by=role,
            reason=reason,
        )
    )
    attach(s, question, claim, score=1.0, rule="opened", by=by, now=now, record_history=False)
    return question


def attach(
    s: Session,
    question: Question,
    claim: Claim,
    *,
    score: float,
    rule: str,
    by: str,
    now: datetime,
    record_history: bool = True,
) -> None:
    """Attach ``claim`` to ``question`` (why: score and rule); the question's window widens to
    cover the claim's, and takes the place and actors the claim gives if it had none."""
    role, reason = audited(by, f"claim {claim.id}: {rule} (score {score:.2f})")
    qid, cid = _id(question), _id(claim)
    claim.question_id = qid
    s.add(claim)
    question.due_earliest = min(question.due_earliest, claim.due_earliest)
    question.due_latest = max(question.due_latest, claim.due_latest)
    if not question.location and claim.location:
        question.location = claim.location
    if not question.actors and claim.actors:
        question.actors = list(claim.actors)
    s.add(question)
    s.add(QuestionMerge(question_id=qid, claim_id=cid, score=score, rule=rule, by=role, at=now))
    if record_history:
        s.add(
            QuestionHistory(
                question_id=qid, at=now, action="merged", claim_id=cid, by=role, reason=reason
            )
        )
    s.flush()


def merge(
    s: Session, into: Question, other: Question, now: datetime, *, by: str = "user"
) -> list[int]:
    """A user's merge: every claim of ``other`` moves to ``into``; ``other`` stands no more."""
    into_id, other_id = _id(into), _id(other)
    if into_id == other_id:
        raise InputError("a question cannot be merged into itself")
    if other.merged_into is not None:
        raise InputError(f"question {other_id} was already merged into {other.merged_into}")
    if into.merged_into is not None:
        raise InputError(f"question {into_id} was merged into {into.merged_into}; use that one")
    moved = []
    for claim in claims_of(s, other_id):
        _undo_current(s, claim, now)
        attach(
            s,
            into,
            claim,
            score=1.0,
            rule=f"merged by hand from question {other_id}",
            by=by,
            now=now,
            record_history=False,
        )
        moved.append(_id(claim))
    other.merged_into = into_id
    s.add(other)
    claims = ", ".join(map(str, moved)) or "none"
    for question_id, why in (
        (into_id, f"question {other_id} merged in (claims {claims})"),
        (other_id, f"merged into question {into_id}"),
    ):
        role, reason = audited(by, why)
        s.add(
            QuestionHistory(
                question_id=question_id, at=now, action="merged", by=role, reason=reason
            )
        )
    s.flush()
    return moved


def _undo_current(s: Session, claim: Claim, now: datetime) -> None:
    for row in s.exec(
        select(QuestionMerge).where(
            QuestionMerge.claim_id == _id(claim),
            col(QuestionMerge.undone_at).is_(None),
        )
    ).all():
        row.undone_at = now
        s.add(row)


def split(
    s: Session, question: Question, claim: Claim, family: str, now: datetime, *, by: str = "user"
) -> Question:
    """A user's split: ``claim`` leaves ``question`` for a question of its own."""
    qid, cid = _id(question), _id(claim)
    if claim.question_id != qid:
        raise InputError(f"claim {cid} is not in question {qid}")
    if len(claims_of(s, qid)) == 1:
        raise InputError(f"claim {cid} is the only claim of question {qid}: nothing to split")
    _undo_current(s, claim, now)
    new = open_question(s, claim, family, now, by=by)
    role, reason = audited(by, f"claim {cid} split off into question {new.id}")
    s.add(
        QuestionHistory(
            question_id=qid, at=now, action="split", claim_id=cid, by=role, reason=reason
        )
    )
    _rewindow(s, question)
    s.flush()
    return new


def _rewindow(s: Session, question: Question) -> None:
    """The window of the claims still in the question (a split may narrow it)."""
    claims = claims_of(s, _id(question))
    if claims:
        question.due_earliest = min(c.due_earliest for c in claims)
        question.due_latest = max(c.due_latest for c in claims)
        s.add(question)


def change_status(
    s: Session,
    question: Question,
    to_status: str,
    *,
    by: str,
    reason: str,
    evidence: list[dict[str, Any]],
    now: datetime,
    event_date: Any = None,
) -> bool:
    """Move a question to ``to_status`` and record it; auto never overrides a user's decision.

    Returns whether anything changed."""
    by, reason = audited(by, reason)
    if by == "auto" and question.status_by == "user":
        return False
    if by == "auto" and question.status == to_status and question.event_date == event_date:
        return False
    s.add(
        QuestionHistory(
            question_id=_id(question),
            at=now,
            action="status",
            from_status=question.status,
            to_status=to_status,
            by=by,
            reason=reason,
            evidence=list(evidence),
        )
    )
    question.status = to_status
    question.status_by = "auto" if to_status == "open" else by
    question.event_date = event_date if to_status == "fulfilled" else None
    question.resolved_at = None if to_status in {"open", "needs_review"} else now
    s.add(question)
    return True


# Settling: which questions changed, and what they rest on ---------------------------------


def high_water(s: Session) -> tuple[int, int, int]:
    """The newest claim, claim history and evidence ids: how far a settling pass has read."""
    return (
        int(s.exec(select(sa.func.max(Claim.id))).one() or 0),
        int(s.exec(select(sa.func.max(ClaimHistory.id))).one() or 0),
        int(s.exec(select(sa.func.max(Evidence.id))).one() or 0),
    )


def changed_questions(s: Session, after: tuple[int, int, int]) -> list[int]:
    """Questions with a claim, a claim status change or evidence newer than ``after``."""
    claim_id, history_id, evidence_id = after
    new_claims = sa.select(col(Claim.question_id)).where(col(Claim.id) > claim_id)
    changed = (
        sa.select(col(Claim.question_id))
        .join(ClaimHistory, col(ClaimHistory.claim_id) == col(Claim.id))
        .where(col(ClaimHistory.id) > history_id)
    )
    judged = (
        sa.select(col(Claim.question_id))
        .join(Evidence, col(Evidence.claim_id) == col(Claim.id))
        .where(col(Evidence.id) > evidence_id)
    )
    rows = s.connection().execute(sa.union(new_claims, changed, judged)).all()
    return sorted({int(r[0]) for r in rows if r[0] is not None})


def evidence_of_question(s: Session, question_id: int) -> list[tuple[Evidence, Item | None, str]]:
    """Every claim's evidence for one question, with its item and the claim's polarity
    (items the question's claims were extracted from left out)."""
    # An item a claim was extracted from is that claim's source, never evidence about the
    # event: "Biden and Xi meet, agree Blinken will visit China" reports the plan.
    sources = (
        sa.select(col(Article.item_id))
        .join(Claim, col(Claim.article_id) == col(Article.id))
        .where(col(Claim.question_id) == question_id, col(Article.item_id).is_not(None))
    )
    query = (
        select(Evidence, Item, Claim.polarity)
        .join(Claim, col(Claim.id) == col(Evidence.claim_id))
        .join(Item, col(Evidence.item_id) == col(Item.id), isouter=True)
        .where(Claim.question_id == question_id)
        .where(sa.or_(col(Evidence.item_id).is_(None), col(Evidence.item_id).not_in(sources)))
        .order_by(col(Evidence.id))
    )
    return [(ev, item, polarity) for ev, item, polarity in s.exec(query).all()]
