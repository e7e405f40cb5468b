"""Feeds: subscriptions and their polling state.

A poll's outcome is written in one transaction per feed (``record_*``): the new items, the
validators (ETag, Last-Modified, body hash) and the schedule together, so a crash can never
leave validators saved without the items they vouch for (which would hide those items behind
304s for ever).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from forecasts.errors import InputError, NotFoundError
from forecasts.feeds.items import KeyedEntry
from forecasts.models import Article, Evidence, Feed, Item
from forecasts.models.feeds import ItemTombstone
from forecasts.store.items import ITEMS, count_items, insert_items


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


def _lock(session: Session, feed_id: int) -> Feed:
    feed = session.get(Feed, feed_id)
    if feed is None:
        raise NotFoundError(f"feed {feed_id} was removed during the poll")
    return feed


def record_success(
    session: Session, feed_id: int, entries: Sequence[KeyedEntry], state: PollState
) -> int:
    """Store new items and the feed's validators and schedule, in the caller's one transaction."""
    feed = _lock(session, feed_id)
    added = insert_items(session, feed_id, entries, state.now)
    feed.item_count += added
    feed.last_poll_at = state.now
    feed.last_success_at = state.now
    feed.next_poll_at = state.next_poll_at
    feed.consecutive_errors = 0
    feed.last_error = state.error  # a warning (bozo) may be kept on a successful poll
    feed.disabled_reason = ""
    if state.etag is not None:
        feed.etag = state.etag
    if state.last_modified is not None:
        feed.last_modified = state.last_modified
    if state.body_hash is not None:
        feed.body_hash = state.body_hash
    if state.unconditional:
        feed.last_unconditional_at = state.now
    if state.new_url:
        feed.url = state.new_url
    session.add(feed)
    return added


def record_failure(session: Session, feed_id: int, state: PollState) -> None:
    """Record an error (or a 410) and when to try again; validators and items stay as they were."""
    feed = _lock(session, feed_id)
    feed.last_poll_at = state.now
    feed.next_poll_at = state.next_poll_at
    feed.consecutive_errors += 1
    feed.last_error = state.error
    if state.disabled_reason:
        feed.disabled_reason = state.disabled_reason
    if state.new_url:
        feed.url = state.new_url
    session.add(feed)
