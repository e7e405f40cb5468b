"""The verification commands: verify, resolve, review, claim, claims."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import Engine

from tests.test_verify_factories import make_article, make_claim, make_feed, make_item


@pytest.fixture
def seeded(engine: Engine) -> int:
    """One Yellen claim and an archive item reporting her arrival in Beijing."""
    claim_id = make_claim(engine, make_article(engine))
    feed = make_feed(engine)
    make_item(engine, feed, "Yellen to visit China next month", datetime(2023, 6, 25, tzinfo=UTC))
    make_item(engine, feed, "Yellen lands in Beijing", datetime(2023, 7, 6, 9, tzinfo=UTC))
    return claim_id


def test_verify_as_of_fulfils_and_reports_json(run_cli, seeded: int) -> None:  # type: ignore[no-untyped-def]
    r = run_cli("verify", "--as-of", "2023-07-07", "--json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["as_of"] == "2023-07-07"
    assert doc["changes"] == {"fulfilled": 1}


def test_claim_shows_window_evidence_and_history(run_cli, seeded: int) -> None:  # type: ignore[no-untyped-def]
    run_cli("verify", "--as-of", "2023-07-07")
    doc = json.loads(run_cli("claim", str(seeded), "--json").out)
    assert doc["status"] == "fulfilled" and doc["event_date"] == "2023-07-06"
    assert doc["window"] == {"earliest": "2023-06-18", "latest": "2023-12-31", "basis": "year"}
    assert {e["kind"] for e in doc["evidence"]} == {"fulfilment", "signal"}
    assert [(h["from"], h["to"], h["by"]) for h in doc["history"]] == [
        ("open", "fulfilled", "auto")
    ]
    human = run_cli("claim", str(seeded))
    assert "Yellen lands in Beijing" in human.out and "history" in human.out


def test_claims_lists_by_status(run_cli, seeded: int) -> None:  # type: ignore[no-untyped-def]
    assert [c["id"] for c in json.loads(run_cli("claims", "--json").out)["claims"]] == [seeded]
    assert json.loads(run_cli("claims", "--status", "fulfilled", "--json").out)["claims"] == []
    bad = run_cli("claims", "--status", "done")
    assert bad.code == 2 and "unknown status" in bad.err


def test_resolve_by_hand_is_final_and_reopen_is_audited(run_cli, seeded: int) -> None:  # type: ignore[no-untyped-def]
    r = run_cli(
        "resolve",
        str(seeded),
        "--unfulfilled",
        "--note",
        "that was another trip",
        "--evidence",
        "https://example.com/denial",
    )
    assert r.code == 0, r.err
    run_cli("verify", "--as-of", "2023-07-07")
    doc = json.loads(run_cli("claim", str(seeded), "--json").out)
    assert (doc["status"], doc["status_by"]) == ("unfulfilled", "user")
    assert doc["history"][-1]["reason"] == "that was another trip"
    assert any(e["link"] == "https://example.com/denial" for e in doc["evidence"])
    assert run_cli("resolve", str(seeded), "--reopen").code == 0
    doc = json.loads(run_cli("claim", str(seeded), "--json").out)
    assert doc["status"] == "open" and [h["to"] for h in doc["history"]] == ["unfulfilled", "open"]


def test_resolve_errors_are_one_clear_line(run_cli, seeded: int) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("resolve", str(seeded)).code == 2
    missing = run_cli("resolve", "999", "--void")
    assert missing.code == 3 and "no claim with id 999" in missing.err
    assert run_cli("resolve", str(seeded), "--fulfilled", "--evidence", "ftp://x").code == 2
    assert run_cli("verify", "--as-of", "yesterday").code == 2


def test_review_lists_and_decides_interactively(
    run_cli,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    """A weak report (no place named) goes to review; the user decides it there."""
    claim_id = make_claim(engine, make_article(engine))
    make_item(
        engine, make_feed(engine), "Yellen arrives for talks", datetime(2023, 7, 6, tzinfo=UTC)
    )
    run_cli("verify", "--as-of", "2023-07-07")
    listed = json.loads(run_cli("review", "--json").out)["claims"]
    assert [c["id"] for c in listed] == [claim_id]
    assert listed[0]["evidence"][0]["title"] == "Yellen arrives for talks"
    answers = iter(["f", "seen in the Treasury readout"])
    monkeypatch.setattr("click.prompt", lambda *a, **k: next(answers))
    assert run_cli("review").code == 0
    doc = json.loads(run_cli("claim", str(claim_id), "--json").out)
    assert (doc["status"], doc["status_by"]) == ("fulfilled", "user")
    assert doc["event_date"] == "2023-07-06"
