"""`forecasts db copy`: a SQLite database moved whole to another engine (PostgreSQL in CI).

The target is the test database (`db_url`): PostgreSQL when FORECASTS_TEST_DATABASE_URL is
set, else a second SQLite file, so the copy is tested SQLite -> PostgreSQL and SQLite -> SQLite.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import select

from forecasts.db import open_database, session, write_session
from forecasts.errors import InputError
from forecasts.models import Article, Claim, ClaimHistory, Evidence, Feed, Item
from forecasts.models.scale import Lease
from forecasts.scale.copy import copy_database, tables

T0 = datetime(2023, 6, 18, 9, 30, tzinfo=UTC)


@pytest.fixture
def source_url(tmp_path: Path) -> str:
    """A SQLite database holding a little of everything."""
    url = f"sqlite:///{tmp_path / 'source.db'}"
    engine = open_database(url)
    with write_session(engine) as s:
        feed = Feed(name="world", url="https://example.org/rss", tags=["news", "world"])
        s.add(feed)
        s.flush()
        assert feed.id is not None
        items = [
            Item(
                feed_id=feed.id,
                dedup_key=f"k{i}",
                title=f"Blinken lands in Beijing {i}",
                summary="Talks with Xi — “frank”, officials say.",
                published_at=T0 + timedelta(hours=i),
                fetched_at=T0,
            )
            for i in range(25)
        ]
        s.add_all(items)
        s.flush()
        article = Article(
            content_hash="a" * 64,
            text="Blinken will visit Beijing later this year.",
            reference_date=date(2023, 6, 18),
            item_id=items[0].id,
            ingested_at=T0.astimezone(timezone(timedelta(hours=9))),
        )
        s.add(article)
        s.flush()
        assert article.id is not None
        claim = Claim(
            article_id=article.id,
            sentence="Blinken will visit Beijing later this year.",
            claim="Blinken visits Beijing",
            actors=["Antony Blinken", "China"],
            due_earliest=date(2023, 6, 18),
            due_latest=date(2023, 12, 31),
            probability=0.9,
            verifiable=True,
            created_at=T0,
        )
        s.add(claim)
        s.flush()
        assert claim.id is not None
        s.add(
            ClaimHistory(
                claim_id=claim.id,
                at=T0,
                from_status="open",
                to_status="fulfilled",
                evidence=[{"url": "https://example.org/1", "score": 0.9}],
            )
        )
        s.add(
            Evidence(
                claim_id=claim.id, item_id=items[1].id, kind="fulfilment", score=0.9, created_at=T0
            )
        )
        s.add(Lease(name="job:verify", holder="w", acquired_at=T0, expires_at=T0, generation=3))
    engine.dispose()
    return url


def counts(url: str) -> dict[str, int]:
    engine = open_database(url)
    try:
        with engine.connect() as conn:
            return {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in tables()
            }
    finally:
        engine.dispose()


def test_every_row_arrives_unchanged(source_url: str, db_url: str) -> None:
    """Each table has the same rows; datetimes, JSON, text and booleans come back equal."""
    summary = copy_database(source_url, db_url, batch_size=7)
    assert counts(db_url) == counts(source_url)
    assert summary.rows == sum(counts(source_url).values()) == 25 + 6
    target = open_database(db_url)
    with session(target) as s:
        claim = s.exec(select(Claim)).one()
        history = s.exec(select(ClaimHistory)).one()
        article = s.exec(select(Article)).one()
        items = s.exec(select(Item).order_by(Item.id)).all()  # type: ignore[arg-type]
    target.dispose()
    assert claim.actors == ["Antony Blinken", "China"] and claim.verifiable is True
    assert history.evidence == [{"url": "https://example.org/1", "score": 0.9}]
    assert article.ingested_at == T0 and article.ingested_at.tzinfo == UTC
    assert items[24].published_at == T0 + timedelta(hours=24)
    assert items[3].summary == "Talks with Xi — “frank”, officials say."


def test_new_rows_after_the_copy_get_fresh_ids(source_url: str, db_url: str) -> None:
    """Id sequences are moved past the copied ids: the next insert does not collide."""
    copy_database(source_url, db_url)
    target = open_database(db_url)
    with write_session(target) as s:
        feed = Feed(name="another", url="https://example.org/other")
        s.add(feed)
        s.flush()
        assert feed.id == 2
    target.dispose()


def test_a_target_with_rows_is_refused_unless_forced(source_url: str, db_url: str) -> None:
    """A copy never merges: rows in the target stop it, and --force empties the target first."""
    copy_database(source_url, db_url)
    with pytest.raises(InputError, match="not empty"):
        copy_database(source_url, db_url)
    summary = copy_database(source_url, db_url, force=True)
    assert summary.emptied_first
    assert counts(db_url) == counts(source_url)


def test_copying_a_database_onto_itself_is_refused(source_url: str) -> None:
    with pytest.raises(InputError, match="same database"):
        copy_database(source_url, source_url)


def test_the_cli_copies_and_reports(source_url: str, db_url: str, run_cli) -> None:  # type: ignore[no-untyped-def]
    """`forecasts db copy SRC DST --json` prints the rows per table; a second run exits 2."""
    result = run_cli("db", "copy", source_url, db_url, "--json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["rows"] == 31 and doc["tables"]["item"] == 25 and doc["tables"]["claim"] == 1
    assert "***" in doc["target"] or "@" not in doc["target"]  # no password printed
    again = run_cli("db", "copy", source_url, db_url)
    assert again.code == 2 and "not empty" in again.err


def test_a_copy_that_fails_half_way_leaves_the_target_empty(source_url: str, db_url: str) -> None:
    """The copy is one transaction: an error after some tables are in leaves no rows behind."""

    def progress(table: str, done: int, total: int) -> None:
        if table == "claim":
            raise RuntimeError("connection lost")

    with pytest.raises(RuntimeError):
        copy_database(source_url, db_url, progress=progress)
    assert sum(counts(db_url).values()) == 0
    copy_database(source_url, db_url)
    assert counts(db_url) == counts(source_url)
