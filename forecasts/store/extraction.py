"""Which feed items still wait to be read as articles (the extract job's queue)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from forecasts.models import Article, Feed, Item


def items_to_extract(s: Session, after: int, limit: int) -> list[tuple[Item, Feed]]:
    """Items above id ``after`` of feeds that extract claims, not yet turned into an article,
    oldest first, with their feed."""
    turned = select(Article.item_id).where(col(Article.item_id).is_not(None))
    query = (
        select(Item, Feed)
        .join(Feed, col(Feed.id) == col(Item.feed_id))
        .where(col(Feed.extract_claims).is_(True))
        .where(col(Item.id) > after)
        .where(col(Item.id).not_in(turned))
        .order_by(col(Item.id))
        .limit(limit)
    )
    return [(item, feed) for item, feed in s.exec(query)]
