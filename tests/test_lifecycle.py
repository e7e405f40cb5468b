"""Claim lifecycle: every status change is audited; the automatic judge never overrides a user."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.engine import Engine

from forecasts.db import session, write_session
from forecasts.models import ClaimStatus
from forecasts.store import claims as store
from forecasts.verdicts.lifecycle import EvidenceFacts, decide, expiry_decision, late_decision
from tests.test_verify_factories import make_article, make_claim

NOW = datetime(2023, 7, 10, 8, 0, tzinfo=UTC)


@pytest.fixture
def claim_id(engine: Engine) -> int:
    return make_claim(engine, make_article(engine))


def _change(engine: Engine, claim_id: int, to: str, by: str, **kw: object) -> None:
    with write_session(engine) as s:
        claim = store.get_claim(s, claim_id)
        store.change_status(
            s,
            claim,
            to,
            by=by,
            reason=str(kw.get("reason", "r")),
            evidence=[],
            now=NOW,
            event_date=kw.get("event_date"),  # type: ignore[arg-type]
        )


def test_every_change_writes_a_history_row(engine: Engine, claim_id: int) -> None:
    _change(engine, claim_id, "fulfilled", "auto", event_date=date(2023, 7, 6))
    with session(engine) as s:
        rows = store.history(s, claim_id)
        claim = store.get_claim(s, claim_id)
    assert [(r.from_status, r.to_status, r.by) for r in rows] == [("open", "fulfilled", "auto")]
    assert claim.event_date == date(2023, 7, 6)
    assert claim.resolved_at == NOW


def test_auto_never_overrides_a_user_decision(engine: Engine, claim_id: int) -> None:
    _change(engine, claim_id, "unfulfilled", "user")
    _change(engine, claim_id, "fulfilled", "auto")
    with session(engine) as s:
        claim = store.get_claim(s, claim_id)
        rows = store.history(s, claim_id)
    assert (claim.status, claim.status_by) == ("unfulfilled", "user")
    assert len(rows) == 1


def test_an_automatic_change_to_the_same_status_is_not_recorded(
    engine: Engine, claim_id: int
) -> None:
    _change(engine, claim_id, "needs_review", "auto")
    _change(engine, claim_id, "needs_review", "auto")
    with session(engine) as s:
        assert len(store.history(s, claim_id)) == 1


def test_reopen_clears_the_resolution_and_is_audited(engine: Engine, claim_id: int) -> None:
    _change(engine, claim_id, "fulfilled", "auto", event_date=date(2023, 7, 6))
    _change(engine, claim_id, "open", "user", reason="wrong trip")
    with session(engine) as s:
        claim = store.get_claim(s, claim_id)
        rows = store.history(s, claim_id)
    assert (claim.status, claim.resolved_at, claim.event_date) == ("open", None, None)
    assert [r.to_status for r in rows] == ["fulfilled", "open"]
    assert rows[-1].by == "user" and rows[-1].reason == "wrong trip"


def test_void_is_not_unfulfilled(engine: Engine, claim_id: int) -> None:
    _change(engine, claim_id, "void", "user", reason="superseded")
    with session(engine) as s:
        assert store.get_claim(s, claim_id).status == ClaimStatus.VOID.value


def ev(kind: str, score: float, day: date, rule: str = "r") -> EvidenceFacts:
    return EvidenceFacts(kind=kind, score=score, rule=rule, published=day, event_date=day)


def test_decisive_fulfilment_fulfils_with_the_event_date_of_the_earliest_report() -> None:
    d = decide([ev("fulfilment", 0.9, date(2023, 7, 8)), ev("fulfilment", 0.95, date(2023, 7, 6))])
    assert d is not None and d.status == "fulfilled" and d.event_date == date(2023, 7, 6)


def test_weak_evidence_goes_to_review() -> None:
    d = decide([ev("fulfilment", 0.6, date(2023, 7, 6))])
    assert d is not None and d.status == "needs_review"


def test_decisive_counter_evidence_makes_a_claim_unfulfilled() -> None:
    d = decide([ev("counter", 0.95, date(2023, 7, 1)), ev("signal", 0.5, date(2023, 6, 25))])
    assert d is not None and d.status == "unfulfilled"


def test_a_cancellation_after_the_event_was_reported_is_a_conflict() -> None:
    d = decide([ev("fulfilment", 0.9, date(2023, 7, 6)), ev("counter", 0.95, date(2023, 7, 8))])
    assert d is not None and d.status == "needs_review"


def test_signals_alone_change_nothing() -> None:
    assert decide([ev("signal", 0.5, date(2023, 6, 25))]) is None


def test_expiry_waits_for_the_grace_period_and_reads_negated_claims_the_other_way() -> None:
    """With covering items, silence is a verdict: unfulfilled, or fulfilled for a negated claim."""
    closed = date(2023, 12, 31)
    covering = [EvidenceFacts("signal", 0.5, "signal:plan visit", "https://x/plan", "Plan")]
    assert expiry_decision("positive", closed, 14, date(2024, 1, 14), covering) is None
    late = expiry_decision("positive", closed, 14, date(2024, 1, 15), covering)
    negated = expiry_decision("negative", closed, 14, date(2024, 1, 15), covering)
    assert late is not None and late.status == "unfulfilled"
    assert late.evidence[0]["link"] == "https://x/plan"
    assert negated is not None and negated.status == "fulfilled"


def test_expiry_with_nothing_covering_the_event_is_unresolved_whatever_the_polarity() -> None:
    """No stored item covers the event: 'unresolved', 'not covered by your feeds', no evidence."""
    closed = date(2023, 12, 31)
    for polarity in ("positive", "negative"):
        d = expiry_decision(polarity, closed, 14, date(2024, 1, 15), [])
        assert d is not None and d.status == "unresolved"
        assert "not covered by your feeds" in d.reason and d.evidence == []


def test_late_evidence_decides_an_unresolved_claim_as_if_it_had_come_in_time() -> None:
    """A decisive report arriving after expiry fulfils it; a mere plan makes it unfulfilled."""
    report = EvidenceFacts(
        "fulfilment", 0.95, "report:past landed", "https://x/l", "Lands", date(2023, 7, 6)
    )
    plan = EvidenceFacts("signal", 0.5, "signal:plan visit", "https://x/p", "Plan")
    fulfilled = late_decision([report], "positive", date(2023, 12, 31), 14, date(2024, 2, 1))
    assert fulfilled is not None and fulfilled.status == "fulfilled"
    assert fulfilled.reason.startswith("reopened on late evidence")
    covered = late_decision([plan], "positive", date(2023, 12, 31), 14, date(2024, 2, 1))
    assert covered is not None and covered.status == "unfulfilled"
