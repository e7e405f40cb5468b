"""New claims find their question: the matching stage wired to the store.

``attach_new_claims`` is called by whatever stores claims (ingest, the feed-item extraction,
the backtest) in the same transaction, so a claim is never left without a question.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session

from forecasts.models import Claim, Question
from forecasts.questions.match import TRAVEL, Candidate, EventFacts, Match, family, match_question
from forecasts.store import questions as store

log = logging.getLogger(__name__)


def claim_facts(claim: Claim) -> EventFacts:
    return EventFacts(
        actors=tuple(claim.actors or ()),
        event_type=claim.event_type,
        event=claim.event,
        location=claim.location,
        earliest=claim.due_earliest,
        latest=claim.due_latest,
        text=claim.claim,
    )


def question_facts(question: Question) -> EventFacts:
    return EventFacts(
        actors=tuple(question.actors or ()),
        event_type=question.event_type,
        event=question.event,
        location=question.location,
        earliest=question.due_earliest,
        latest=question.due_latest,
        text=question.title,
    )


def families_to_look_in(name: str) -> set[str]:
    """The families a claim of family ``name`` may be merged with (a visit may be the trip to
    a summit someone attends)."""
    return set(TRAVEL) if name in TRAVEL else {name}


def attach_new_claims(s: Session, claims: Iterable[Claim], now: datetime) -> list[Match]:
    """Attach each claim without a question to the question it matches, or open one."""
    out: list[Match] = []
    for claim in claims:
        if claim.question_id is not None:
            continue
        facts = claim_facts(claim)
        name = family(facts)
        found = store.candidates(s, families_to_look_in(name), facts.earliest, facts.latest)
        pool = {q.id: q for q in found if q.id is not None}
        match = match_question(
            facts, [Candidate(qid, question_facts(q)) for qid, q in pool.items()]
        )
        if match.question is None:
            question = store.open_question(s, claim, name, now, by="auto")
            log.info(
                "claim %s opens question %s",
                claim.id,
                question.id,
                extra={"claim_id": claim.id, "question_id": question.id},
            )
        else:
            store.attach(
                s,
                pool[match.question.id],
                claim,
                score=match.score,
                rule=match.rule,
                by="auto",
                now=now,
            )
            log.info(
                "claim %s joins question %s: %s",
                claim.id,
                match.question.id,
                match.rule,
                extra={"claim_id": claim.id, "question_id": match.question.id},
            )
        out.append(match)
    return out
