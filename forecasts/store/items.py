"""Items: insert with dedup, full-text search, and reading new items in id order.

Search uses SQLite FTS5 (external-content table ``item_fts``, ranked by bm25) on the embedded
default and a generated ``tsvector`` column with a GIN index on PostgreSQL (both made by
migration 0003). User text is always a bound parameter; for FTS5 it is also reduced to quoted
words, so that FTS query syntax in the input (``NEAR``, ``*``, ``"``, column filters) is inert.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select

from forecasts.feeds.items import KeyedEntry
from forecasts.models import Article, Evidence, Item
from forecasts.models.feeds import ItemTombstone

_WORD = re.compile(r"\w+", re.UNICODE)
_CHUNK = 500
ITEMS = SQLModel.metadata.tables["item"]
TOMBS = SQLModel.metadata.tables["item_tombstone"]


def _existing(session: Session, column: Any, values: Iterable[str], *where: Any) -> set[str]:
    found: set[str] = set()
    wanted = sorted({v for v in values if v})
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = session.execute(sa.select(column).where(column.in_(chunk), *where))
        found.update(row[0] for row in rows)
    return found


def _existing_keys(
    session: Session, table: sa.Table, polls: Sequence[NewItems]
) -> set[tuple[int, str]]:
    """Which (feed_id, dedup_key) pairs ``table`` holds: one unique-index lookup per feed.

    (A row-value IN list over many feeds would scan the whole index on SQLite, and a VALUES
    join costs more to build in SQLAlchemy than the per-feed queries it saves.)
    """
    found: set[tuple[int, str]] = set()
    for poll in polls:
        keys = {e.dedup_key for e in poll.entries}
        found.update(
            (poll.feed_id, key)
            for key in _existing(session, table.c.dedup_key, keys, table.c.feed_id == poll.feed_id)
        )
    return found


_Table = Literal["item", "item_tombstone"]
_Column = Literal["link", "content_hash"]


class _SqliteLookups:
    """The same lookups as ``_existing``/``_existing_keys``, as plain SQL on SQLite.

    A poll of 1,000 new feeds makes some 2,000 of these queries: SQLAlchemy's compiling of
    each expanding IN list cost several times what SQLite spends answering it. The SQL is
    built from fixed table and column names only; every value is a bound parameter.
    """

    def __init__(self, session: Session) -> None:
        self.connection = session.connection()

    def values(self, table: _Table, column: _Column, values: Iterable[str]) -> set[str]:
        found: set[str] = set()
        wanted = sorted({v for v in values if v})
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {column} FROM {table} WHERE {column} IN ({marks})"  # noqa: S608 (fixed names)
            found.update(row[0] for row in self.connection.exec_driver_sql(sql, tuple(chunk)))
        return found

    def keys(self, table: _Table, polls: Sequence[NewItems]) -> set[tuple[int, str]]:
        found: set[tuple[int, str]] = set()
        for poll in polls:
            wanted = sorted({e.dedup_key for e in poll.entries})
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT dedup_key FROM {table} WHERE feed_id = ? AND dedup_key IN ({marks})"  # noqa: S608 (fixed names)
                rows = self.connection.exec_driver_sql(sql, (poll.feed_id, *chunk))
                found.update((poll.feed_id, row[0]) for row in rows)
        return found


# Columns of a new item, in the order of the rows ``insert_items`` builds.
_COLUMNS = (
    "feed_id",
    "dedup_key",
    "guid",
    "link",
    "title",
    "summary",
    "author",
    "source",
    "content_hash",
    "published_at",
    "published_estimated",
    "fetched_at",
)
_MISSING = object()
# Rows per INSERT statement on SQLite: 12 parameters each stays under SQLite's 32,766.
_ROWS_PER_INSERT = 1_000


def _insert_rows(session: Session, rows: list[tuple[Any, ...]]) -> None:
    """Insert new item rows (values in ``_COLUMNS`` order).

    On SQLite many rows go in one multi-row INSERT: the full-text index's trigger then costs a
    fifth of what it costs under executemany, where every row is its own statement and FTS5
    writes its pending index out at each one. Values pass through the columns' own bind
    processors (UTC datetimes, booleans), so they are stored exactly as the ORM stores them.
    """
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite":
        session.execute(sa.insert(ITEMS), [dict(zip(_COLUMNS, row, strict=True)) for row in rows])
        return
    # dialect_impl: the SQLite DATETIME's own processor (text with microseconds), not the
    # generic type's, which would leave datetimes to the driver's shorter format.
    processors = [
        ITEMS.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in _COLUMNS
    ]
    seen: list[dict[Any, Any]] = [{} for _ in _COLUMNS]
    converters = [(i, p, seen[i]) for i, p in enumerate(processors) if p is not None]
    converted = []
    for row in rows:
        values = list(row)
        for i, process, memo in converters:
            # Remembered per value: every item of a poll shares its fetched_at.
            value = values[i]
            done = memo.get(value, _MISSING)
            if done is _MISSING:
                done = memo[value] = process(value)
            values[i] = done
        converted.append(values)
    connection = session.connection()
    marks = f"({','.join('?' * len(_COLUMNS))})"
    for start in range(0, len(converted), _ROWS_PER_INSERT):
        chunk = converted[start : start + _ROWS_PER_INSERT]
        sql = f"INSERT INTO item ({', '.join(_COLUMNS)}) VALUES {', '.join([marks] * len(chunk))}"  # noqa: S608 (fixed names)
        connection.exec_driver_sql(sql, tuple(value for row in chunk for value in row))


@dataclass(frozen=True)
class NewItems:
    """One feed's entries from one poll, to be stored if not seen before."""

    feed_id: int
    entries: Sequence[KeyedEntry]
    fetched_at: datetime


def insert_items(session: Session, polls: Sequence[NewItems]) -> list[int]:
    """Insert the entries not stored before (in their feed by key, in any feed by link or text).

    Many feeds are checked with the same few queries and inserted in one statement; the result
    is the same as storing them one feed after the other (a story two feeds carry is kept
    once, from the first). Returns the number of items added per feed.
    """
    everything = [(poll, keyed) for poll in polls for keyed in poll.entries]
    if not everything:
        return [0] * len(polls)
    wanted_links = [keyed.link for _, keyed in everything]
    wanted_hashes = [k.content_hash for _, k in everything if k.entry.title or k.entry.summary]
    if session.get_bind().dialect.name == "sqlite":
        lookups = _SqliteLookups(session)
        keys = lookups.keys("item", polls)
        links = lookups.values("item", "link", wanted_links)
        hashes = lookups.values("item", "content_hash", wanted_hashes)
        # Items deleted by retention stay deleted: their keys, links and hashes are remembered.
        keys |= lookups.keys("item_tombstone", polls)
        links |= lookups.values("item_tombstone", "link", wanted_links)
        hashes |= lookups.values("item_tombstone", "content_hash", wanted_hashes)
    else:
        keys = _existing_keys(session, ITEMS, polls)
        links = _existing(session, ITEMS.c.link, wanted_links)
        hashes = _existing(session, ITEMS.c.content_hash, wanted_hashes)
        keys |= _existing_keys(session, TOMBS, polls)
        links |= _existing(session, TOMBS.c.link, wanted_links)
        hashes |= _existing(session, TOMBS.c.content_hash, wanted_hashes)
    rows: list[tuple[Any, ...]] = []
    added = []
    for poll in polls:
        before = len(rows)
        fetched_at = poll.fetched_at
        for keyed in poll.entries:
            entry = keyed.entry
            key = (poll.feed_id, keyed.dedup_key)
            if key in keys or (keyed.link and keyed.link in links):
                continue
            if (entry.title or entry.summary) and keyed.content_hash in hashes:
                continue
            keys.add(key)
            if keyed.link:
                links.add(keyed.link)
            hashes.add(keyed.content_hash)
            rows.append(
                (
                    poll.feed_id,
                    keyed.dedup_key,
                    entry.guid,
                    keyed.link,
                    entry.title,
                    entry.summary,
                    entry.author,
                    entry.source,
                    keyed.content_hash,
                    # No date in the feed: first seen, and marked so. Never pretend it is
                    # published.
                    entry.published or fetched_at,
                    entry.published is None,
                    fetched_at,
                )
            )
        added.append(len(rows) - before)
    if rows:
        _insert_rows(session, rows)
    return added


def prune_items(session: Session, older_than: datetime, now: datetime) -> int:
    """Delete items published and fetched before ``older_than``, leaving tombstones.

    Items that became articles or evidence are kept: the claims that cite them need them.
    """
    cited = sa.union(
        sa.select(col(Article.item_id)).where(col(Article.item_id).is_not(None)),
        sa.select(col(Evidence.item_id)).where(col(Evidence.item_id).is_not(None)),
    )
    old = session.execute(
        sa.select(
            ITEMS.c.id, ITEMS.c.feed_id, ITEMS.c.dedup_key, ITEMS.c.link, ITEMS.c.content_hash
        )
        .where(ITEMS.c.published_at < older_than, ITEMS.c.fetched_at < older_than)
        .where(ITEMS.c.id.not_in(cited))
    ).all()
    if not old:
        return 0
    session.execute(
        sa.insert(ItemTombstone),
        [
            {
                "feed_id": r.feed_id,
                "dedup_key": r.dedup_key,
                "link": r.link,
                "content_hash": r.content_hash,
                "deleted_at": now,
            }
            for r in old
        ],
    )
    ids = [r.id for r in old]
    for start in range(0, len(ids), _CHUNK):
        session.execute(sa.delete(Item).where(col(Item.id).in_(ids[start : start + _CHUNK])))
    return len(ids)


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


class ItemRow(NamedTuple):
    """What later stages read of an item, as a plain row (no ORM object to build)."""

    id: int
    title: str
    summary: str
    published_at: datetime | None
    link: str


def item_rows_after(session: Session, item_id: int, limit: int = 500) -> list[ItemRow]:
    """``items_after`` as plain rows: a verification pass reads thousands of items at a time,
    and building ORM objects for them cost more than the query."""
    stmt = (
        sa.select(
            col(Item.id), col(Item.title), col(Item.summary), col(Item.published_at), col(Item.link)
        )
        .where(col(Item.id) > item_id)
        .order_by(col(Item.id))
        .limit(limit)
    )
    return [ItemRow(*row) for row in session.connection().execute(stmt)]


def count_items(session: Session, feed_id: int | None = None) -> int:
    stmt = sa.select(sa.func.count()).select_from(Item)
    if feed_id is not None:
        stmt = stmt.where(col(Item.feed_id) == feed_id)
    return int(session.execute(stmt).scalar_one())
