"""Settle questions: each question's verdict from all its claims' evidence, and each claim's
status from its question. Glue: ``forecasts.questions.resolve`` decides, the store records.

Incremental and idempotent: a pass looks only at questions with a new claim, a claim status
change or new evidence since the last pass (three id cursors), so it costs nothing when
nothing changed. It runs after verification and expiry (the daemon's ``questions`` job, the
backtest's day, `forecasts verify`), and at once for a question a user decides.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.config import Settings
from forecasts.db import write_session
from forecasts.questions.settle import settle_question
from forecasts.store import claims as claim_store
from forecasts.store import questions as store

log = logging.getLogger(__name__)

CURSORS = ("questions.claims", "questions.history", "questions.evidence")


@dataclass
class SettleSummary:
    questions: int = 0
    changes: dict[str, int] = field(default_factory=dict)


def settle_questions(engine: Engine, settings: Settings, clock: Clock) -> SettleSummary:
    """Settle every question that changed since the last pass."""
    now = clock.now()
    summary = SettleSummary()
    changes: Counter[str] = Counter()
    with write_session(engine) as s:
        after = tuple(claim_store.get_cursor(s, name) for name in CURSORS)
        ids = store.changed_questions(s, (after[0], after[1], after[2]))
        for qid in ids:
            settle_question(s, store.get_question(s, qid), now, changes)
        summary.questions = len(ids)
        for name, value in zip(CURSORS, store.high_water(s), strict=True):
            claim_store.set_cursor(s, name, value, now)
    summary.changes = dict(changes)
    if ids:
        log.info(
            "questions settled: %d, changes %s",
            len(ids),
            summary.changes,
            extra={"job": "questions"},
        )
    return summary
