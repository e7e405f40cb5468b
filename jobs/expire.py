"""Expire overdue claims: the window plus the grace period passed with no decisive news. Glue."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.config import Settings
from forecasts.db import write_session
from forecasts.store import claims as store
from forecasts.verdicts.lifecycle import expiry_decision

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
    day = as_of or now.date()
    grace = settings.verification.grace_days
    summary = ExpireSummary(as_of=day)
    changes: Counter[str] = Counter()
    with write_session(engine) as s:
        for claim in store.overdue_claims(s, day - timedelta(days=grace)):
            decision = expiry_decision(claim.polarity, claim.due_latest, grace, day)
            if decision is None:
                continue
            store.change_status(
                s, claim, decision.status, by="auto", reason=decision.reason, evidence=[], now=now
            )
            assert claim.id is not None
            store.unindex_claim(s, claim.id)
            changes[decision.status] += 1
            summary.expired += 1
            log.info(
                "claim %s expired -> %s", claim.id, decision.status, extra={"claim_id": claim.id}
            )
    summary.changes = dict(changes)
    return summary
