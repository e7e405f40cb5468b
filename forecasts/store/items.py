"""Items: insert with dedup, full-text search, and reading new items in id order.

Search uses SQLite FTS5 (external-content table ``item_fts``, ranked by bm25) on the embedded
default and a generated ``tsvector`` column with a GIN index on PostgreSQL (both made by
migration 0003). User text is always a bound parameter; for FTS5 it is also reduced to quoted
words, so that FTS query syntax in the input (``NEAR``, ``*``, ``"``, column filters) is inert.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select

from forecasts.feeds.items import KeyedEntry
from forecasts.models import Item

_WORD = re.compile(r"\w+", re.UNICODE)
_CHUNK = 500
ITEMS = SQLModel.metadata.tables["item"]


def _existing(session: Session, column: Any, values: Iterable[str], *where: Any) -> set[str]:
    found: set[str] = set()
    wanted = sorted({v for v in values if v})
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = session.execute(sa.select(column).where(column.in_(chunk), *where))
        found.update(row[0] for row in rows)
    return found


def insert_items(
    session: Session, feed_id: int, entries: Sequence[KeyedEntry], fetched_at: datetime
) -> int:
    """Insert the entries not stored before (in this feed by key, in any feed by link or text)."""
    if not entries:
        return 0
    keys = _existing(
        session,
        ITEMS.c.dedup_key,
        (e.dedup_key for e in entries),
        ITEMS.c.feed_id == feed_id,
    )
    links = _existing(session, ITEMS.c.link, (e.link for e in entries))
    hashes = _existing(
        session,
        ITEMS.c.content_hash,
        (e.content_hash for e in entries if e.entry.title or e.entry.summary),
    )
    rows: list[dict[str, Any]] = []
    for keyed in entries:
        entry = keyed.entry
        if keyed.dedup_key in keys or (keyed.link and keyed.link in links):
            continue
        if (entry.title or entry.summary) and keyed.content_hash in hashes:
            continue
        keys.add(keyed.dedup_key)
        if keyed.link:
            links.add(keyed.link)
        hashes.add(keyed.content_hash)
        rows.append(
            {
                "feed_id": feed_id,
                "dedup_key": keyed.dedup_key,
                "guid": entry.guid,
                "link": keyed.link,
                "title": entry.title,
                "summary": entry.summary,
                "author": entry.author,
                "content_hash": keyed.content_hash,
                # No date in the feed: first seen, and marked so. Never pretend it is published.
                "published_at": entry.published or fetched_at,
                "published_estimated": entry.published is None,
                "fetched_at": fetched_at,
            }
        )
    if rows:
        session.execute(sa.insert(Item), rows)
    return len(rows)


def fts_query(text: str) -> str:
    """User text as an FTS5 query: every word quoted (so syntax is inert), all required."""
    return " ".join(f'"{word}"' for word in _WORD.findall(text))


def search_items(
    session: Session,
    query: str,
    *,
    after: datetime | None = None,
    before: datetime | None = None,
    limit: int = 50,
) -> list[Item]:
    """Items matching all words of ``query``, best first, optionally within [after, before]."""
    bind = session.get_bind()
    dialect = bind.dialect.name
    stmt = select(Item)
    if dialect == "sqlite":
        match = fts_query(query)
        if not match:
            return []
        fts = sa.table("item_fts", sa.column("rowid"))
        stmt = (
            stmt.join(fts, fts.c.rowid == Item.id)
            .where(sa.text("item_fts MATCH :match").bindparams(match=match))
            .order_by(sa.text("bm25(item_fts)"), col(Item.id))
        )
    elif dialect == "postgresql":
        if not _WORD.search(query):
            return []
        tsquery = sa.func.websearch_to_tsquery("english", query)
        vector: sa.ColumnElement[Any] = sa.literal_column("item.search_vector")
        stmt = stmt.where(vector.op("@@")(tsquery)).order_by(
            sa.func.ts_rank(vector, tsquery).desc(), col(Item.id)
        )
    else:  # any other database: a plain, unranked substring match on every word
        for word in _WORD.findall(query):
            pattern = f"%{word}%"
            stmt = stmt.where(
                sa.or_(col(Item.title).ilike(pattern), col(Item.summary).ilike(pattern))
            )
        stmt = stmt.order_by(col(Item.id))
    if after is not None:
        stmt = stmt.where(col(Item.published_at) >= after)
    if before is not None:
        stmt = stmt.where(col(Item.published_at) <= before)
    return list(session.exec(stmt.limit(limit)).all())


def items_after(session: Session, item_id: int, limit: int = 500) -> list[Item]:
    """Items with an id above ``item_id``, oldest first: how later stages read what is new."""
    stmt = select(Item).where(col(Item.id) > item_id).order_by(col(Item.id)).limit(limit)
    return list(session.exec(stmt).all())


def count_items(session: Session, feed_id: int | None = None) -> int:
    stmt = sa.select(sa.func.count()).select_from(Item)
    if feed_id is not None:
        stmt = stmt.where(col(Item.feed_id) == feed_id)
    return int(session.execute(stmt).scalar_one())
