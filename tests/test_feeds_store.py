"""Item store: the search index follows every write; removal keeps articles; migrations reverse."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.engine import Engine
from sqlmodel import select

from forecasts.db import alembic_config, is_sqlite, session, write_session
from forecasts.feeds.items import key_entries
from forecasts.feeds.parse import parse_feed
from forecasts.models import Article, Item
from forecasts.store import feeds as feed_store
from forecasts.store.items import fts_query, items_after, prune_items, search_items

DATA = Path(__file__).parent / "data" / "feeds"
NOW = datetime(2024, 1, 1, tzinfo=UTC)


def load(engine: Engine, name: str = "a") -> int:
    entries = key_entries(
        parse_feed((DATA / "world-2023.xml").read_bytes(), base_url="https://n.example/").entries
    )
    with write_session(engine) as s:
        feed = feed_store.add_feed(s, name=name, url=f"https://{name}.example/rss")
        assert feed.id is not None
        feed_store.record_success(
            s, feed.id, entries, feed_store.PollState(now=NOW, next_poll_at=NOW)
        )
        return feed.id


def titles(items: list[Item]) -> list[str]:
    return [i.title for i in items]


def test_search_ranks_and_filters_by_date(engine: Engine) -> None:
    load(engine)
    with session(engine) as s:
        assert titles(search_items(s, "Yellen Beijing")) == [
            "Yellen arrives in Beijing for talks with Chinese officials"
        ]
        both = search_items(s, "Yellen")
        assert len(both) == 2
        after = search_items(s, "Yellen", after=datetime(2023, 6, 18, tzinfo=UTC))
        assert titles(after) == ["Yellen arrives in Beijing for talks with Chinese officials"]
        before = search_items(s, "Yellen", before=datetime(2023, 6, 18, tzinfo=UTC))
        assert titles(before) == ["Yellen says US-China economic relationship matters"]
        assert search_items(s, "   ") == [] and search_items(s, "zzzz-nothing") == []


def test_the_index_follows_updates_and_deletes(engine: Engine) -> None:
    load(engine)
    with write_session(engine) as s:
        item = s.exec(select(Item).where(Item.title.startswith("Blinken"))).one()  # type: ignore[attr-defined]
        item.title = "Blinken lands in Singapore"
        s.add(item)
    with session(engine) as s:
        assert search_items(s, "Blinken meets") == []
        assert titles(search_items(s, "Singapore")) == ["Blinken lands in Singapore"]
    with write_session(engine) as s:
        s.delete(s.exec(select(Item).where(Item.title == "Blinken lands in Singapore")).one())
    with session(engine) as s:
        assert search_items(s, "Singapore") == []


def test_fts_syntax_is_quoted_away() -> None:
    assert fts_query('Yellen AND "Beijing" NEAR(x*') == '"Yellen" "AND" "Beijing" "NEAR" "x"'
    assert fts_query("***") == ""


def test_items_after_reads_new_items_in_id_order(engine: Engine) -> None:
    load(engine)
    with session(engine) as s:
        first = items_after(s, 0, limit=2)
        rest = items_after(s, first[-1].id or 0, limit=100)
    assert len(first) == 2 and len(rest) == 2
    assert [i.id for i in first + rest] == sorted(i.id for i in first + rest)


def test_removing_a_feed_keeps_the_articles_made_from_its_items(engine: Engine) -> None:
    load(engine)
    with write_session(engine) as s:
        item = s.exec(select(Item)).first()
        assert item is not None
        s.add(
            Article(
                content_hash="c",
                text="t",
                reference_date=date(2023, 7, 6),
                item_id=item.id,
                ingested_at=NOW,
            )
        )
    with write_session(engine) as s:
        assert feed_store.remove_feed(s, "a") == 4
    with session(engine) as s:
        assert s.exec(select(Item)).all() == []
        assert s.exec(select(Article)).one().item_id is None
        assert search_items(s, "Yellen") == []


def test_the_feeds_migration_reverses_cleanly(engine: Engine) -> None:
    if not is_sqlite(engine):
        pytest.skip("the PostgreSQL branch is checked by the postgres-marked run")
    load(engine)
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    command.downgrade(cfg, "0002_extract")
    command.upgrade(cfg, "head")
    with session(engine) as s:
        assert len(search_items(s, "Yellen")) == 2  # the index is rebuilt from the items


def test_pruning_keeps_items_that_articles_cite(engine: Engine) -> None:
    load(engine)
    with write_session(engine) as s:
        cited = s.exec(select(Item).where(Item.guid == "tw-2023-0706-yellen")).one()
        s.add(
            Article(
                content_hash="c2",
                text="t",
                reference_date=date(2023, 7, 6),
                item_id=cited.id,
                ingested_at=NOW,
            )
        )
    later = datetime(2025, 1, 1, tzinfo=UTC)
    with write_session(engine) as s:
        assert prune_items(s, later, later) == 3
    with session(engine) as s:
        assert [i.guid for i in s.exec(select(Item)).all()] == ["tw-2023-0706-yellen"]


def test_batched_inserts_store_values_as_the_orm_does(engine: Engine) -> None:
    """insert_items writes rows as plain SQL on SQLite: dates, flags and text must read back
    (and compare, as SQLite compares datetimes as text) exactly like a row the ORM wrote."""
    feed_id = load(engine)
    with write_session(engine) as s:
        stored = s.exec(select(Item).where(Item.feed_id == feed_id).order_by(Item.id)).all()  # type: ignore[arg-type]
        first = stored[0]
        twin = Item(
            feed_id=feed_id,
            dedup_key="orm-twin",
            guid=first.guid,
            link="",
            title=first.title,
            summary=first.summary,
            author=first.author,
            content_hash="0" * 64,
            published_at=first.published_at,
            published_estimated=first.published_estimated,
            fetched_at=first.fetched_at,
        )
        s.add(twin)
        s.flush()
        raw = "SELECT published_at, published_estimated, fetched_at FROM item WHERE id IN (?, ?)"
        rows = s.connection().exec_driver_sql(raw, (first.id, twin.id)).all()
    assert rows[0] == rows[1]
    assert {type(v) for v in rows[0]} == {str, int}
    with session(engine) as s:
        estimated = [i for i in stored if i.published_estimated]
        assert all(i.published_at == NOW for i in estimated)
        assert titles(search_items(s, first.title))[:1] == [first.title]
