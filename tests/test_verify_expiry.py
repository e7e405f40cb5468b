"""Honest expiry: unfulfilled when the feeds covered the event, unresolved when nothing did,
reopened when evidence arrives later; each evidence row keeps its event date in a column."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.db import session
from forecasts.jobs.expire import expire_claims
from forecasts.jobs.verify import verify_claims
from forecasts.store import claims as store
from tests.test_verify_factories import make_article, make_claim, make_feed, make_item


def at(y: int, m: int, d: int, h: int = 9) -> datetime:
    return datetime(y, m, d, h, tzinfo=UTC)


def _pass(engine: Engine, settings: Settings, when: datetime) -> dict[str, int]:
    clock = FixedClock(when)
    changes = dict(verify_claims(engine, settings, clock).changes)
    for status, n in expire_claims(engine, settings, clock).changes.items():
        changes[status] = changes.get(status, 0) + n
    return changes


def test_a_window_closing_with_nothing_stored_about_the_event_is_unresolved(
    engine: Engine, settings: Settings
) -> None:
    """Items about other people and other things do not cover Yellen's trip: unresolved."""
    claim_id = make_claim(engine, make_article(engine))
    feed = make_feed(engine)
    make_item(engine, feed, "Stocks rally in Tokyo", at(2023, 7, 6))
    make_item(engine, feed, "Biden visits Hanoi", at(2023, 9, 10))
    assert _pass(engine, settings, at(2024, 1, 15)) == {"unresolved": 1}
    with session(engine) as s:
        claim = store.get_claim(s, claim_id)
        last = store.history(s, claim_id)[-1]
        indexed = (
            s.connection()
            .execute(sa.text("SELECT count(*) FROM claim_key WHERE claim_id = :c"), {"c": claim_id})
            .scalar_one()
        )
    assert claim.status == "unresolved" and claim.resolved_at is None
    assert "not covered by your feeds" in last.reason and last.evidence == []
    assert indexed > 0  # still indexed: evidence arriving later reopens it


def test_a_window_closing_after_the_feeds_covered_the_event_is_unfulfilled_with_those_items(
    engine: Engine, settings: Settings
) -> None:
    """'Yellen visits Tokyo' names Yellen and a visit: the feeds covered her travel; no Beijing
    trip was reported, so the claim is unfulfilled and cites the covering item."""
    claim_id = make_claim(engine, make_article(engine))
    make_item(engine, make_feed(engine), "Yellen arrives in Tokyo for G7 talks", at(2023, 9, 10))
    assert _pass(engine, settings, at(2024, 1, 15)) == {"unfulfilled": 1}
    with session(engine) as s:
        last = store.history(s, claim_id)[-1]
    assert "covered it" in last.reason
    assert last.evidence[0]["title"] == "Yellen arrives in Tokyo for G7 talks"


def test_an_unresolved_claim_is_reopened_and_fulfilled_by_a_report_that_arrives_later(
    engine: Engine, settings: Settings
) -> None:
    """A feed added after expiry brings the July report: the claim ends fulfilled on its date."""
    claim_id = make_claim(engine, make_article(engine))
    assert _pass(engine, settings, at(2024, 1, 15)) == {"unresolved": 1}
    make_item(engine, make_feed(engine, "late"), "Yellen lands in Beijing", at(2023, 7, 6))
    assert _pass(engine, settings, at(2024, 2, 1)) == {"fulfilled": 1}
    with session(engine) as s:
        claim = store.get_claim(s, claim_id)
        rows = store.history(s, claim_id)
    assert claim.status == "fulfilled" and claim.event_date == date(2023, 7, 6)
    assert [r.to_status for r in rows] == ["unresolved", "fulfilled"]
    assert rows[-1].reason.startswith("reopened on late evidence")


def test_each_evidence_row_keeps_its_event_date_in_its_own_column(
    engine: Engine, settings: Settings
) -> None:
    """'Yellen met He Lifeng on Saturday' (published Monday 10 July): event_date is Saturday
    8 July, in the column; the rule names the rule and holds no date."""
    claim_id = make_claim(
        engine,
        make_article(engine),
        claim="Yellen could meet He Lifeng",
        actors=["Janet Yellen", "He Lifeng"],
        event="Yellen meets He Lifeng",
        event_type="meet",
        location="",
    )
    make_item(engine, make_feed(engine), "Yellen met He Lifeng on Saturday", at(2023, 7, 10))
    _pass(engine, settings, at(2023, 7, 11))
    with session(engine) as s:
        (ev, _item), *_ = store.evidence_for(s, claim_id)
        claim = store.get_claim(s, claim_id)
    assert ev.kind == "fulfilment" and ev.event_date == date(2023, 7, 8)
    assert "@" not in ev.rule and "2023" not in ev.rule
    assert claim.event_date == date(2023, 7, 8)


def test_forecasts_claim_says_why_a_claim_ended_as_it_did(
    engine: Engine, settings: Settings, run_cli
) -> None:  # type: ignore[no-untyped-def]
    """`forecasts claim ID` names the reason and the items behind it, in text and --json."""
    claim_id = make_claim(engine, make_article(engine))
    make_item(engine, make_feed(engine), "Yellen arrives in Tokyo for G7 talks", at(2023, 9, 10))
    _pass(engine, settings, at(2024, 1, 15))
    r = run_cli("claim", str(claim_id))
    assert r.code == 0, r.err
    assert "why" in r.out and "covered it" in r.out and "Yellen arrives in Tokyo" in r.out
    doc = json.loads(run_cli("claim", str(claim_id), "--json").out)
    assert doc["why"]["status"] == "unfulfilled"
    assert doc["why"]["evidence"][0]["title"] == "Yellen arrives in Tokyo for G7 talks"
