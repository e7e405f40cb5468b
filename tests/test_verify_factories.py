"""Plain factory functions for verification tests: rows with sensible defaults, overridable."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.engine import Engine

from forecasts.db import write_session
from forecasts.models import Article, Claim, Feed, Item

CREATED = datetime(2023, 6, 18, 12, 0, tzinfo=UTC)


def make_article(engine: Engine, **overrides: Any) -> int:
    fields: dict[str, Any] = {
        "content_hash": f"h{datetime.now(UTC).timestamp()}{overrides.get('title', '')}",
        "title": "Top U.S. Diplomat Meets Chinese Foreign Minister",
        "source": "The Japan Times",
        "text": "text",
        "reference_date": date(2023, 6, 18),
        "ingested_at": CREATED,
    }
    fields.update(overrides)
    with write_session(engine) as s:
        article = Article(**fields)
        s.add(article)
        s.flush()
        assert article.id is not None
        return article.id


def make_claim(engine: Engine, article_id: int, **overrides: Any) -> int:
    fields: dict[str, Any] = {
        "article_id": article_id,
        "sentence": "Blinken's visit could set the stage for a trip to Beijing by U.S. Treasury "
        "Secretary Janet Yellen.",
        "claim": "Janet Yellen could travel to Beijing later this year",
        "actors": ["Janet Yellen"],
        "event": "Janet Yellen trip to Beijing",
        "event_type": "visit",
        "location": "Beijing",
        "hedge": "could",
        "probability": 0.45,
        "due_earliest": date(2023, 6, 18),
        "due_latest": date(2023, 12, 31),
        "due_basis": "year",
        "created_at": CREATED,
    }
    fields.update(overrides)
    with write_session(engine) as s:
        claim = Claim(**fields)
        s.add(claim)
        s.flush()
        assert claim.id is not None
        return claim.id


def make_feed(engine: Engine, name: str = "archive") -> int:
    with write_session(engine) as s:
        feed = Feed(name=name, url=f"file:///{name}.xml")
        s.add(feed)
        s.flush()
        assert feed.id is not None
        return feed.id


def make_item(
    engine: Engine, feed_id: int, title: str, published: datetime, **overrides: Any
) -> int:
    fields: dict[str, Any] = {
        "feed_id": feed_id,
        "dedup_key": f"{title}{published.isoformat()}"[:200],
        "link": "https://news.example/" + "-".join(title.lower().split())[:80],
        "title": title,
        "summary": "",
        "published_at": published,
        "fetched_at": published,
    }
    fields.update(overrides)
    with write_session(engine) as s:
        item = Item(**fields)
        s.add(item)
        s.flush()
        assert item.id is not None
        return item.id
