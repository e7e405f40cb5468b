"""Rows a replay writes as the caller built them: the backtest's archive items and the
verification evaluation's pairs, each into a fresh database of its own."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from forecasts.models import Article, Claim, Item


def add_item(s: Session, item: Item) -> int:
    """Store ``item``; its id."""
    s.add(item)
    s.flush()
    assert item.id is not None
    return item.id


def add_item_once(s: Session, item: Item) -> bool:
    """Store ``item`` unless its feed already holds its dedup key; whether it was stored."""
    exists = s.exec(
        select(Item.id).where(Item.feed_id == item.feed_id, Item.dedup_key == item.dedup_key)
    ).first()
    if exists is not None:
        return False
    s.add(item)
    return True


def add_article(s: Session, article: Article) -> int:
    s.add(article)
    s.flush()
    assert article.id is not None
    return article.id


def add_claim(s: Session, claim: Claim) -> int:
    s.add(claim)
    s.flush()
    assert claim.id is not None
    return claim.id


def article_titles(s: Session, article_ids: Iterable[int]) -> dict[int, str]:
    """The title of each article of ``article_ids``."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    rows = s.exec(select(Article.id, Article.title).where(col(Article.id).in_(ids))).all()
    return {article_id: title for article_id, title in rows if article_id is not None}


def get_item(s: Session, item_id: int) -> Item:
    item = s.get(Item, item_id)
    assert item is not None, f"item {item_id} was stored by this replay"
    return item
