"""The verification pass: incremental, through the index, with evidence and audit trail."""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime
from typing import Any

import pytest
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


def test_a_new_item_reporting_the_event_fulfils_the_claim(
    engine: Engine, settings: Settings
) -> None:
    """Claim first, item later: the item is found through the index on its next pass."""
    claim_id = make_claim(engine, make_article(engine))
    clock = FixedClock(at(2023, 6, 18, 12))
    verify_claims(engine, settings, clock)
    feed = make_feed(engine)
    make_item(engine, feed, "Yellen to visit China next month", at(2023, 6, 25))
    make_item(engine, feed, "Stocks rally in Tokyo", at(2023, 7, 6))
    link_item = make_item(
        engine, feed, "Yellen lands in Beijing for four days of talks", at(2023, 7, 6)
    )
    clock.set(at(2023, 7, 7))
    summary = verify_claims(engine, settings, clock)
    assert summary.items_read == 3
    assert summary.changes == {"fulfilled": 1}
    with session(engine) as s:
        claim = store.get_claim(s, claim_id)
        kinds = {(ev.kind, ev.item_id) for ev, _ in store.evidence_for(s, claim_id)}
        rows = store.history(s, claim_id)
        indexed = store.index_rows(s, ["yellen"], date(2023, 1, 1), date(2024, 1, 1))
    assert claim.status == "fulfilled"
    assert indexed == []  # a decided claim leaves the index
    assert claim.event_date == date(2023, 7, 6)
    assert claim.resolved_at == at(2023, 7, 7)
    assert ("fulfilment", link_item) in kinds
    assert any(kind == "signal" for kind, _ in kinds)
    assert rows[-1].by == "auto" and rows[-1].evidence[0]["title"].startswith("Yellen lands")


def test_a_claim_extracted_later_is_checked_against_stored_items(
    engine: Engine, settings: Settings
) -> None:
    """Items first (already past the cursor), claim later: the claim-side search finds them."""
    feed = make_feed(engine)
    make_item(engine, feed, "Yellen lands in Beijing", at(2023, 7, 6))
    clock = FixedClock(at(2023, 7, 7))
    verify_claims(engine, settings, clock)
    claim_id = make_claim(engine, make_article(engine))
    clock.set(at(2023, 7, 8))
    verify_claims(engine, settings, clock)
    with session(engine) as s:
        assert store.get_claim(s, claim_id).status == "fulfilled"


def test_passes_are_incremental_and_idempotent(engine: Engine, settings: Settings) -> None:
    make_claim(engine, make_article(engine))
    feed = make_feed(engine)
    make_item(engine, feed, "Yellen lands in Beijing", at(2023, 7, 6))
    clock = FixedClock(at(2023, 7, 7))
    first = verify_claims(engine, settings, clock)
    second = verify_claims(engine, settings, clock)
    assert first.evidence_added == 1
    assert (second.items_read, second.evidence_added, second.changes) == (0, 0, {})


def test_items_published_after_as_of_wait_for_a_later_pass(
    engine: Engine, settings: Settings
) -> None:
    claim_id = make_claim(engine, make_article(engine))
    feed = make_feed(engine)
    make_item(engine, feed, "Yellen lands in Beijing", at(2023, 7, 6))
    clock = FixedClock(at(2023, 7, 7))
    verify_claims(engine, settings, clock, as_of=date(2023, 6, 20))
    with session(engine) as s:
        assert store.get_claim(s, claim_id).status == "open"
    verify_claims(engine, settings, clock)
    with session(engine) as s:
        assert store.get_claim(s, claim_id).status == "fulfilled"


def test_a_live_pass_is_not_stalled_by_an_item_dated_in_the_future(
    engine: Engine, settings: Settings
) -> None:
    """A feed's clock error must not hold back the items that arrive after it."""
    claim_id = make_claim(engine, make_article(engine))
    feed = make_feed(engine)
    make_item(engine, feed, "Markets rally", at(2031, 1, 1))
    make_item(engine, feed, "Yellen lands in Beijing", at(2023, 7, 6))
    summary = verify_claims(engine, settings, FixedClock(at(2023, 7, 7)))
    assert summary.items_read == 2
    with session(engine) as s:
        assert store.get_claim(s, claim_id).status == "fulfilled"


def test_a_user_decision_survives_new_evidence(engine: Engine, settings: Settings) -> None:
    claim_id = make_claim(engine, make_article(engine))
    clock = FixedClock(at(2023, 6, 20))
    verify_claims(engine, settings, clock)
    from forecasts.db import write_session

    with write_session(engine) as s:
        claim = store.get_claim(s, claim_id)
        store.change_status(
            s, claim, "void", by="user", reason="withdrawn", evidence=[], now=clock.now()
        )
    make_item(engine, make_feed(engine), "Yellen lands in Beijing", at(2023, 7, 6))
    clock.set(at(2023, 7, 7))
    verify_claims(engine, settings, clock)
    with session(engine) as s:
        assert store.get_claim(s, claim_id).status == "void"


def test_vague_claims_become_not_verifiable(engine: Engine, settings: Settings) -> None:
    claim_id = make_claim(engine, make_article(engine), verifiable=False)
    verify_claims(engine, settings, FixedClock(at(2023, 6, 20)))
    with session(engine) as s:
        assert store.get_claim(s, claim_id).status == "not_verifiable"


def test_overdue_claims_expire_after_the_grace_period(engine: Engine, settings: Settings) -> None:
    """The feeds covered Yellen's travel (a plan) and never reported the trip: silence decides."""
    article = make_article(engine)
    positive = make_claim(engine, article)
    negative = make_claim(engine, article, polarity="negative", claim="Yellen will not visit")
    make_item(engine, make_feed(engine), "Yellen to visit China next month", at(2023, 6, 25))
    clock = FixedClock(at(2024, 1, 14))
    assert expire_claims(engine, settings, clock).expired == 0
    clock.set(at(2024, 1, 15))
    summary = expire_claims(engine, settings, clock)
    assert summary.changes == {"unfulfilled": 1, "fulfilled": 1}
    with session(engine) as s:
        assert store.get_claim(s, positive).status == "unfulfilled"
        assert store.get_claim(s, negative).status == "fulfilled"
        assert "grace" in store.history(s, positive)[-1].reason


def test_evidence_written_in_batches_reads_back_as_one_at_a_time(
    engine: Engine, settings: Settings
) -> None:
    """``add_item_evidence`` writes what ``add_evidence`` writes (a pair already there is
    skipped and not reported), and the plain rows a pass decides from match the ORM pairs."""
    from forecasts.db import write_session
    from forecasts.jobs.verify import evidence_facts, evidence_row_facts

    claim_id = make_claim(engine, make_article(engine))
    feed = make_feed(engine)
    first = make_item(engine, feed, "Yellen lands in Beijing", at(2023, 7, 6))
    second = make_item(engine, feed, "Yellen to visit China", at(2023, 6, 25))
    now = at(2023, 7, 7)

    def row(item_id: int, kind: str, score: float) -> dict[str, object]:
        return {
            "claim_id": claim_id,
            "item_id": item_id,
            "url": f"https://n.example/{item_id}",
            "kind": kind,
            "score": score,
            "rule": "r",
            "event_date": date(2023, 7, 6) if kind == "fulfilment" else None,
            "created_at": now,
        }

    with write_session(engine) as s:
        assert store.add_evidence(
            s, claim_id, item_id=None, url="https://by.hand/", kind="signal", score=0.3,
            rule="user", now=now,
        )  # fmt: skip
        assert store.add_item_evidence(s, [row(first, "fulfilment", 0.9)]) == {(claim_id, first)}
        added = store.add_item_evidence(
            s, [row(first, "fulfilment", 0.9), row(second, "signal", 0.4)]
        )
        assert added == {(claim_id, second)}
    with session(engine) as s:
        orm = [
            evidence_facts(ev, item)
            for ev, item in store.evidence_for_claims(s, [claim_id])[claim_id]
        ]
        rows = [
            evidence_row_facts(r) for r in store.evidence_rows_for_claims(s, [claim_id])[claim_id]
        ]
        states = store.claim_states(s, [claim_id])
    assert len(orm) == 3 and rows == orm
    assert orm[0].title == "Yellen lands in Beijing" and orm[-1].link == "https://by.hand/"
    assert states[claim_id].status == "open"


def test_a_pass_pauses_the_cycle_collector_and_always_restores_it(
    engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from forecasts.jobs import verify

    seen: list[bool] = []
    real = verify._verify_claims

    def spy(*args: Any) -> verify.VerifySummary:
        seen.append(gc.isenabled())
        return real(*args)

    assert gc.isenabled()
    monkeypatch.setattr(verify, "_verify_claims", spy)
    verify_claims(engine, settings, FixedClock(at(2023, 7, 7)))
    assert seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError), verify._no_cycle_collection():
        raise RuntimeError("a pass that fails")
    assert gc.isenabled()
    gc.disable()
    try:
        with verify._no_cycle_collection():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_the_index_returns_its_window_as_iso_text(engine: Engine, settings: Settings) -> None:
    """The candidate search compares an item's ISO day with the index's window as text."""
    claim_id = make_claim(engine, make_article(engine))
    verify_claims(engine, settings, FixedClock(at(2023, 6, 18, 12)))
    with session(engine) as s:
        rows = store.index_rows(s, ["yellen", "nobody"], date(2023, 7, 1), date(2023, 7, 2))
        assert store.index_rows(s, ["yellen"], date(2030, 1, 1), date(2030, 1, 2)) == []
    assert rows and {row[:2] for row in rows} == {("yellen", claim_id)}
    for _, _, _, starts, ends in rows:
        assert isinstance(starts, str) and date.fromisoformat(starts) <= date(2023, 7, 2)
        assert isinstance(ends, str) and date.fromisoformat(ends) >= date(2023, 7, 1)


def test_the_big_page_cache_lasts_only_for_the_pass(engine: Engine) -> None:
    """Connections get SQLite's default cache back after a pass, and lose the pass's memory
    map: kept, each pooled connection held up to 64 MiB of pages for good, and the daemon grew
    with its database."""
    from forecasts.db import is_sqlite
    from forecasts.jobs.verify import CACHE_KIB, DEFAULT_CACHE_KIB, MMAP_BYTES, _big_page_cache

    if not is_sqlite(engine):
        pytest.skip("an SQLite pragma")

    def cache_kib() -> int:
        with engine.connect() as conn:
            return -int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())

    def mmap_bytes() -> int:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA mmap_size").scalar_one())

    assert cache_kib() == DEFAULT_CACHE_KIB
    assert mmap_bytes() == 0
    with _big_page_cache(engine):
        assert cache_kib() == CACHE_KIB
        assert cache_kib() == CACHE_KIB
        assert 0 < mmap_bytes() <= MMAP_BYTES  # SQLite caps it at its build's limit
    assert cache_kib() == DEFAULT_CACHE_KIB
    assert mmap_bytes() == 0
