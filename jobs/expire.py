"""Expire overdue claims: the window plus the grace period passed with no decisive news. Glue.

Honest expiry: a claim whose event the stored items covered (they name its actors and its
kind of event inside the window: plans, other places, other dates) and never reported ends
``unfulfilled`` (a negated claim ``fulfilled``), citing those items; a claim nothing in the store
covers ends ``unresolved`` and stays indexed, so that evidence arriving later reopens it.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session

from forecasts.clock import Clock, end_of_day, local_day, start_of_day
from forecasts.config import Settings
from forecasts.db import write_session
from forecasts.evidence.judge import judge_prepared, last_report_day, prepare
from forecasts.jobs.verify import evidence_facts, facts_of, item_facts, items_for_claim
from forecasts.models import Claim, ClaimStatus
from forecasts.store import claims as store
from forecasts.verdicts.lifecycle import EvidenceFacts, expiry_decision

log = logging.getLogger(__name__)


@dataclass
class ExpireSummary:
    as_of: date
    expired: int = 0
    changes: dict[str, int] = field(default_factory=dict)


def expire_claims(
    engine: Engine, settings: Settings, clock: Clock, *, as_of: date | None = None
) -> ExpireSummary:
    """Close open claims whose window ended more than ``verification.grace_days`` ago."""
    now = clock.now()
    day = as_of or local_day(now, settings.zone)  # "today" where the user is, as ingestion has it
    grace = settings.verification.grace_days
    summary = ExpireSummary(as_of=day)
    changes: Counter[str] = Counter()
    with write_session(engine) as s:
        overdue = store.overdue_claims(s, day - timedelta(days=grace))
        refs = store.reference_dates(s, [c.article_id for c in overdue])
        for claim in overdue:
            assert claim.id is not None
            covering = covering_items(s, claim, refs.get(claim.article_id, claim.due_earliest))
            decision = expiry_decision(claim.polarity, claim.due_latest, grace, day, covering)
            if decision is None:
                continue
            store.change_status(
                s,
                claim,
                decision.status,
                by="auto",
                reason=decision.reason,
                evidence=decision.evidence,
                now=now,
            )
            if decision.status != ClaimStatus.UNRESOLVED.value:
                store.unindex_claim(s, claim.id)
            changes[decision.status] += 1
            summary.expired += 1
            log.info(
                "claim %s expired -> %s", claim.id, decision.status, extra={"claim_id": claim.id}
            )
    summary.changes = dict(changes)
    return summary


def covering_items(s: Session, claim: Claim, reference: date) -> list[EvidenceFacts]:
    """Stored items inside the claim's window that cover its event: the evidence already
    recorded (plans, weak reports) and the items the candidate search finds that the judge
    says name its actors and its kind of event, or (for a positive claim) name a person or
    organisation the claim is about: feeds that follow them would have reported the event.
    Silence bears a negated claim out only where the feeds covered the event itself."""
    assert claim.id is not None
    found = [evidence_facts(ev, item) for ev, item in store.evidence_for(s, claim.id)]
    seen = {e.link for e in found}
    pc = prepare(facts_of(claim, reference))
    ends = last_report_day(claim.due_latest)
    if not pc.keys or ends < reference:
        return found
    for item in items_for_claim(s, pc, start_of_day(reference), end_of_day(ends)):
        if item.link in seen:
            continue
        j = judge_prepared(pc, item_facts(item))
        if j.covers_event or (j.covers and claim.polarity != "negative"):
            seen.add(item.link)
            found.append(
                EvidenceFacts(
                    kind=j.kind,
                    score=j.score,
                    rule=j.rule,
                    link=item.link,
                    title=item.title,
                    published=item.published_at.date() if item.published_at else None,
                    event_date=j.event_date,
                )
            )
    return found
