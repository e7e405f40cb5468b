"""Feeds: subscriptions and their polling state.

A poll's outcome is written in one transaction (``record_polls``, for many feeds at once): the
new items, the validators (ETag, Last-Modified, body hash) and the schedule together, so a crash
can never leave validators saved without the items they vouch for (which would hide those items
behind 304s for ever).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, or_, select

from forecasts.controls import check_name, strip_controls
from forecasts.errors import InputError, NotFoundError
from forecasts.feeds.items import KeyedEntry
from forecasts.models import Article, Claim, ClaimStatus, Evidence, Feed, Item
from forecasts.models.feeds import ItemTombstone
from forecasts.store.items import ITEMS, NewItems, count_items, insert_items


def get_feed(session: Session, name: str) -> Feed | None:
    return session.exec(select(Feed).where(Feed.name == name)).first()


def require_feed(session: Session, name: str) -> Feed:
    feed = get_feed(session, name)
    if feed is None:
        raise NotFoundError(f"no feed named '{name}' (see `forecasts feeds list`)")
    return feed


def list_feeds(session: Session, *, origins: Sequence[str] | None = None) -> list[Feed]:
    stmt = select(Feed).order_by(col(Feed.name))
    if origins is not None:
        stmt = stmt.where(col(Feed.origin).in_(list(origins)))
    return list(session.exec(stmt).all())


def feeds_to_poll(
    session: Session,
    now: datetime,
    *,
    name: str | None = None,
    due_only: bool = True,
    origins: Sequence[str] | None = None,
) -> list[Feed]:
    """The feeds a poll should visit: one by name (even if disabled), else the enabled due ones."""
    if name is not None:
        return [require_feed(session, name)]
    stmt = select(Feed).where(Feed.disabled_reason == "")
    if origins is not None:
        stmt = stmt.where(col(Feed.origin).in_(list(origins)))
    if due_only:
        stmt = stmt.where(sa.or_(col(Feed.next_poll_at).is_(None), col(Feed.next_poll_at) <= now))
    return list(session.exec(stmt.order_by(col(Feed.next_poll_at), col(Feed.id))).all())


# What a poll needs of a feed row, read as plain tuples (no ORM objects for 1,000 feeds).
POLL_COLUMNS = (
    "id",
    "name",
    "url",
    "etag",
    "last_modified",
    "body_hash",
    "interval_minutes",
    "consecutive_errors",
    "last_unconditional_at",
)
# What config.toml decides about a feed, compared on every poll before anything is loaded.
CONFIG_COLUMNS = (
    "name",
    "config_url",
    "origin",
    "interval_minutes",
    "tags",
    "extract_claims",
    "fetch_full_text",
    "disabled_reason",
)


def poll_rows(
    session: Session,
    now: datetime,
    *,
    due_only: bool = True,
    origins: Sequence[str] | None = None,
) -> list[sa.Row[Any]]:
    """The enabled (due) feeds' POLL_COLUMNS, in the order ``feeds_to_poll`` gives."""
    table = SQLModel.metadata.tables["feed"]
    stmt = sa.select(*(table.c[name] for name in POLL_COLUMNS)).where(table.c.disabled_reason == "")
    if origins is not None:
        stmt = stmt.where(table.c.origin.in_(list(origins)))
    if due_only:
        stmt = stmt.where(sa.or_(table.c.next_poll_at.is_(None), table.c.next_poll_at <= now))
    return list(session.execute(stmt.order_by(table.c.next_poll_at, table.c.id)).all())


def config_rows(session: Session) -> list[sa.Row[Any]]:
    """Every feed's CONFIG_COLUMNS (one query of plain rows)."""
    table = SQLModel.metadata.tables["feed"]
    return list(session.execute(sa.select(*(table.c[name] for name in CONFIG_COLUMNS))).all())


@dataclass(frozen=True)
class ClaimWindow:
    """What a claim's news-search feeds are made of: its words and its dates."""

    id: int
    actors: list[str]
    event: str  # the event, else the claim's text
    location: str
    reference_date: date
    due_earliest: date
    due_latest: date


def open_claim_windows(session: Session) -> list[ClaimWindow]:
    """Every open claim's search words and window (plain rows, no ORM objects)."""
    rows = session.execute(
        sa.select(
            col(Claim.id),
            col(Claim.actors),
            col(Claim.event),
            col(Claim.claim),
            col(Claim.location),
            col(Article.reference_date),
            col(Claim.due_earliest),
            col(Claim.due_latest),
        )
        .join(Article, col(Article.id) == col(Claim.article_id))
        .where(col(Claim.status) == ClaimStatus.OPEN.value)
        .order_by(col(Claim.id))
    ).all()
    return [
        ClaimWindow(row[0], list(row[1] or []), row[2] or row[3], row[4], *row[5:8]) for row in rows
    ]


def feeds_named(session: Session, names: Sequence[str]) -> list[Feed]:
    found: list[Feed] = []
    for start in range(0, len(names), 500):
        chunk = list(names[start : start + 500])
        found.extend(session.exec(select(Feed).where(col(Feed.name).in_(chunk))).all())
    return found


def feed_named_or_at(session: Session, name: str, url: str) -> Feed | None:
    """The feed called ``name`` or subscribed to ``url``, if any."""
    return session.exec(
        select(Feed).where(or_(col(Feed.name) == name, col(Feed.url) == url))
    ).first()


def add_feed(
    session: Session,
    *,
    name: str,
    url: str,
    origin: str = "cli",
    interval_minutes: int | None = None,
    tags: Sequence[str] = (),
    extract_claims: bool = True,
    fetch_full_text: bool = False,
) -> Feed:
    check_name(name)  # a name with escapes could neither be shown safely nor typed again
    if get_feed(session, name) is not None:
        raise InputError(f"a feed named '{name}' already exists")
    feed = Feed(
        name=name,
        url=url,
        origin=origin,
        config_url=url if origin == "config" else "",
        interval_minutes=interval_minutes,
        tags=list(tags),
        extract_claims=extract_claims,
        fetch_full_text=fetch_full_text,
    )
    session.add(feed)
    session.flush()
    return feed


def save_feed(session: Session, feed: Feed) -> None:
    """Keep the changes made to a loaded feed (the sync's update and retire)."""
    session.add(feed)


# Items cited as evidence outlive their feed: `feeds remove` moves them here, a disabled feed
# that is never polled, so evidence keeps its title, link and date.
RETAINED_FEED = "(removed feeds)"
RETAINED_ORIGIN = "removed"


def remove_feed(session: Session, name: str) -> int:
    """Delete a feed and its items, except items cited as evidence (kept under RETAINED_FEED);
    articles made from deleted items keep their text. Returns the number of items deleted."""
    feed = require_feed(session, name)
    if feed.origin == RETAINED_ORIGIN:
        raise InputError(f"'{name}' holds evidence of removed feeds and cannot be removed")
    cited = cited_items(session, name)
    if cited:
        keeper = _retained_feed(session)
        # dedup_key is unique per feed; the keeper is never polled, so a prefix keeps it unique.
        prefixed = sa.func.substr(
            sa.cast(ITEMS.c.id, sa.String) + sa.literal(":") + ITEMS.c.dedup_key, 1, 200
        )
        session.execute(
            sa.update(ITEMS)
            .where(ITEMS.c.id.in_(cited))
            .values(feed_id=keeper.id, dedup_key=prefixed)
        )
        keeper.item_count += len(cited)
        session.add(keeper)
    item_ids = sa.select(ITEMS.c.id).where(ITEMS.c.feed_id == feed.id)
    session.execute(
        sa.update(Article).where(col(Article.item_id).in_(item_ids)).values(item_id=None)
    )
    removed = count_items(session, feed.id)
    session.execute(sa.delete(Item).where(col(Item.feed_id) == feed.id))
    session.execute(sa.delete(ItemTombstone).where(col(ItemTombstone.feed_id) == feed.id))
    session.delete(feed)
    return removed


def cited_items(session: Session, name: str) -> list[int]:
    """Ids of the feed's items that some claim cites as evidence."""
    feed = require_feed(session, name)
    query = (
        sa.select(sa.distinct(col(Evidence.item_id)))
        .join(Item, col(Item.id) == col(Evidence.item_id))
        .where(col(Item.feed_id) == feed.id)
    )
    return sorted(int(i) for i in session.execute(query).scalars().all() if i is not None)


def _retained_feed(session: Session) -> Feed:
    keeper = get_feed(session, RETAINED_FEED)
    if keeper is None:
        keeper = Feed(
            name=RETAINED_FEED,
            url="",
            origin=RETAINED_ORIGIN,
            disabled_reason="holds items of removed feeds that are cited as evidence",
        )
        session.add(keeper)
        session.flush()
    return keeper


@dataclass
class PollState:
    """What a poll learned about a feed, to be written with its items."""

    now: datetime
    next_poll_at: datetime
    error: str = ""
    disabled_reason: str = ""
    etag: str | None = None  # None: leave unchanged
    last_modified: str | None = None
    body_hash: str | None = None
    new_url: str = ""
    unconditional: bool = False


@dataclass
class PollRecord:
    """One feed's poll outcome: a success (with its entries) or a failure, with its state."""

    feed_id: int
    state: PollState
    entries: Sequence[KeyedEntry] = ()
    failed: bool = False


FEEDS = SQLModel.metadata.tables["feed"]
_CHUNK = 500


def _present(session: Session, feed_ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    ids = sorted(set(feed_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found.update(session.execute(sa.select(FEEDS.c.id).where(FEEDS.c.id.in_(chunk))).scalars())
    return found


def _changes(record: PollRecord) -> dict[str, Any]:
    """The feed columns a poll outcome sets (a ``None`` validator is left as it was)."""
    state = record.state
    values: dict[str, Any] = {"last_poll_at": state.now, "next_poll_at": state.next_poll_at}
    if record.failed:
        values["last_error"] = strip_controls(state.error)  # reason phrases come from the server
        if state.disabled_reason:
            values["disabled_reason"] = state.disabled_reason
    else:
        values.update(
            last_success_at=state.now,
            last_error=strip_controls(
                state.error
            ),  # a warning (bozo) may be kept on a successful poll
            disabled_reason="",
        )
        for name in ("etag", "last_modified", "body_hash"):
            if getattr(state, name) is not None:
                values[name] = getattr(state, name)
        if state.unconditional:
            values["last_unconditional_at"] = state.now
    if state.new_url:
        values["url"] = state.new_url
    return values


def record_polls(session: Session, records: Sequence[PollRecord]) -> list[int | None]:
    """Write many feeds' poll outcomes in the caller's one transaction.

    New items, validators and schedules of every feed are written together (so validators are
    never saved without their items), with a few queries for the whole batch instead of several
    per feed. Returns the items added per record, ``None`` for a feed removed meanwhile.
    """
    present = _present(session, [r.feed_id for r in records])
    live = [r for r in records if r.feed_id in present]
    successes = [r for r in live if not r.failed]
    new_items = [NewItems(r.feed_id, r.entries, r.state.now) for r in successes if r.entries]
    counts = iter(insert_items(session, new_items) if new_items else [])
    added = {id(r): next(counts) if r.entries else 0 for r in successes}
    # One UPDATE statement per shape of change, executed for many feeds at once.
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for record in live:
        values = _changes(record)
        params = {f"v_{k}": v for k, v in values.items()}
        params["v_id"] = record.feed_id
        params["v_step"] = added.get(id(record), 0)
        shape = (*sorted(values), "failed" if record.failed else "ok")
        shapes.setdefault(shape, []).append(params)
    for shape, rows in shapes.items():
        failed = shape[-1] == "failed"
        sets: dict[str, Any] = {name: sa.bindparam(f"v_{name}") for name in shape[:-1]}
        if failed:
            sets["consecutive_errors"] = FEEDS.c.consecutive_errors + 1
        else:
            sets["consecutive_errors"] = 0
            sets["item_count"] = FEEDS.c.item_count + sa.bindparam("v_step")
        stmt = sa.update(FEEDS).where(FEEDS.c.id == sa.bindparam("v_id")).values(sets)
        session.execute(stmt, rows)
    return [added.get(id(r), 0) if r.feed_id in present else None for r in records]


def record_success(
    session: Session, feed_id: int, entries: Sequence[KeyedEntry], state: PollState
) -> int:
    """Store new items and the feed's validators and schedule, in the caller's one transaction."""
    added = record_polls(session, [PollRecord(feed_id, state, entries)])[0]
    if added is None:
        raise NotFoundError(f"feed {feed_id} was removed during the poll")
    return added


def record_failure(session: Session, feed_id: int, state: PollState) -> None:
    """Record an error (or a 410) and when to try again; validators and items stay as they were."""
    if record_polls(session, [PollRecord(feed_id, state, failed=True)])[0] is None:
        raise NotFoundError(f"feed {feed_id} was removed during the poll")
