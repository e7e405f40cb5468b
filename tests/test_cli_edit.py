"""`forecasts edit`, `tag`, `untag`: corrections are audited and go back to the judge."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from forecasts.db import session
from forecasts.store import claims as store
from tests.test_verify_factories import make_article, make_claim, make_feed, make_item


@pytest.fixture
def claim_id(engine: Engine) -> int:
    return make_claim(engine, make_article(engine))


def test_edit_changes_fields_and_records_who_when_from_to_why(
    run_cli, claim_id: int, engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    """Each changed field is one history row; unchanged fields are not recorded."""
    r = run_cli(
        "edit",
        str(claim_id),
        "--due-latest",
        "2023-09-30",
        "--place",
        "Shanghai",
        "--event",
        "Janet Yellen trip to Beijing",
        "--note",
        "the article says 'this summer'",
    )
    assert r.code == 0, r.err
    assert "due_latest: '2023-12-31' -> '2023-09-30'" in r.out
    doc = json.loads(run_cli("claim", str(claim_id), "--json").out)
    assert doc["due_latest"] == "2023-09-30" and doc["location"] == "Shanghai"
    edits = [(e["field"], e["from"], e["to"], e["reason"]) for e in doc["edits"]]
    assert edits == [
        ("place", "Beijing", "Shanghai", "the article says 'this summer'"),
        ("due_latest", "2023-12-31", "2023-09-30", "the article says 'this summer'"),
    ]
    assert all(e["by"] and e["at"] for e in doc["edits"])


def test_hedge_sets_the_probability_from_the_hedge_table(run_cli, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    """--hedge likely -> probability 0.70 ([hedges]); --probability given wins."""
    run_cli("edit", str(claim_id), "--hedge", "likely")
    assert json.loads(run_cli("claim", str(claim_id), "--json").out)["probability"] == 0.70
    run_cli("edit", str(claim_id), "--hedge", "may", "--probability", "0.3")
    assert json.loads(run_cli("claim", str(claim_id), "--json").out)["probability"] == 0.3


def test_actors_and_statement_and_polarity(run_cli, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    """--actors is comma-separated; --statement replaces what lists show; --polarity negative."""
    r = run_cli(
        "edit",
        str(claim_id),
        "--actors",
        "Janet Yellen, Liu He",
        "--statement",
        "Yellen will visit Beijing in 2023",
        "--polarity",
        "negative",
        "--json",
    )
    doc = json.loads(r.out)
    assert doc["changed"]["actors"]["to"] == ["Janet Yellen", "Liu He"]
    claim = json.loads(run_cli("claim", str(claim_id), "--json").out)
    assert claim["statement"] == "Yellen will visit Beijing in 2023"
    assert claim["polarity"] == "negative"
    assert "Yellen will visit Beijing in 2023" in run_cli("claims").out


def test_bad_edits_change_nothing(run_cli, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    """A window ending before it starts, no field, or an unknown claim: one message, no row."""
    r = run_cli("edit", str(claim_id), "--due-latest", "2023-01-01")
    assert r.code == 2 and "before it starts" in r.err
    assert run_cli("edit", str(claim_id)).code == 2
    assert run_cli("edit", "999", "--event", "x").code == 3
    assert run_cli("edit", str(claim_id), "--statement", "  ").code == 2
    assert json.loads(run_cli("claim", str(claim_id), "--json").out)["edits"] == []


def test_an_edited_claim_is_judged_again(run_cli, claim_id: int, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    """An automatic verdict is reopened; the next verify judges with the corrected window."""
    feed = make_feed(engine)
    make_item(engine, feed, "Yellen lands in Beijing", datetime(2024, 1, 10, 9, tzinfo=UTC))
    run_cli("verify", "--as-of", "2024-02-01")
    # the only report is dated after the 2023 window: nothing covers the window (honest expiry)
    assert json.loads(run_cli("claim", str(claim_id), "--json").out)["status"] == "unresolved"
    r = run_cli("edit", str(claim_id), "--due-latest", "2024-03-31", "--note", "'by March'")
    assert "reopened" in r.out
    with session(engine) as s:
        claim = store.get_claim(s, claim_id)
        assert claim.status == "open" and claim.checked_at is None
    run_cli("verify", "--as-of", "2024-02-01")
    doc = json.loads(run_cli("claim", str(claim_id), "--json").out)
    assert doc["status"] == "fulfilled" and doc["event_date"] == "2024-01-10"
    assert [h["to"] for h in doc["history"]] == ["unresolved", "open", "fulfilled"]


def test_a_decision_by_hand_survives_an_edit(run_cli, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    """A status a person set stays (the judge never overrides a person)."""
    run_cli("resolve", str(claim_id), "--void")
    r = run_cli("edit", str(claim_id), "--place", "Shanghai")
    assert r.code == 0 and "reopened" not in r.out
    assert json.loads(run_cli("claim", str(claim_id), "--json").out)["status"] == "void"


def test_edits_survive_extracting_the_same_article_again(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Re-extracting an article already stored keeps the corrected claim as it is."""
    article = tmp_path / "a.txt"
    article.write_text(
        "Treasury Secretary Janet Yellen will visit Beijing next month, officials said on "
        "Sunday, in a trip meant to steady ties between the two largest economies.\n",
        encoding="utf-8",
    )
    assert run_cli("extract", str(article), "--published", "2023-06-18").code == 0
    first = json.loads(run_cli("claims", "--json").out)["claims"][0]
    run_cli("edit", str(first["id"]), "--due-latest", "2023-08-31", "--place", "Shanghai")
    assert run_cli("extract", str(article), "--published", "2023-06-18").code == 0
    again = json.loads(run_cli("claims", "--json").out)["claims"]
    assert len(again) == 1 and again[0]["id"] == first["id"]
    assert again[0]["due_latest"] == "2023-08-31" and again[0]["location"] == "Shanghai"


def test_tag_and_untag(run_cli, claim_id: int, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    """Tags are case-insensitive, added once, and untagging a missing tag is refused."""
    assert "tags china, trade" in run_cli("tag", str(claim_id), "China", "trade", "china").out
    assert run_cli("tag", str(claim_id), "TRADE").code == 0
    assert json.loads(run_cli("claim", str(claim_id), "--json").out)["tags"] == ["china", "trade"]
    r = run_cli("untag", str(claim_id), "trade", "nope")
    assert r.code == 2 and "no tag nope" in r.err
    assert json.loads(run_cli("claim", str(claim_id), "--json").out)["tags"] == ["china", "trade"]
    assert "tags china" in run_cli("untag", str(claim_id), "Trade").out
    assert run_cli("tag", "999", "x").code == 3
