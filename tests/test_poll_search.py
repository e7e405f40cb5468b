"""Claim-specific search feeds: one per open claim and template, windowed on the claim."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sqlmodel import select

from forecasts.clock import FixedClock
from forecasts.config import load_settings
from forecasts.db import open_database, session, write_session
from forecasts.feeds.search import build_query, search_url
from forecasts.jobs.poll import poll_search_feeds
from forecasts.models import Article, Claim, Feed, Item
from tests.feedserver import FeedServer, make_rss

T0 = datetime(2023, 6, 20, 12, 0, tzinfo=UTC)


def test_query_is_actors_then_event_words() -> None:
    assert (
        build_query(["Janet Yellen"], "Janet Yellen trip to Beijing", "")
        == '"Janet Yellen" Beijing'
    )
    assert build_query(["Xi Jinping"], "attend the G20 summit", "New Delhi") == (
        '"Xi Jinping" attend G20 summit New'
    )
    assert build_query([], "", "") == ""


def test_template_placeholders_are_filled_and_encoded() -> None:
    url = search_url(
        "https://n.example/rss?q={query}+after:{after}+before:{before}",
        '"Janet Yellen" Beijing & more',
        date(2023, 6, 18),
        date(2024, 1, 14),
    )
    assert url == (
        "https://n.example/rss?q=%22Janet+Yellen%22+Beijing+%26+more"
        "+after:2023-06-18+before:2024-01-14"
    )


def add_claim(engine, status: str = "open") -> int:  # type: ignore[no-untyped-def]
    with write_session(engine) as s:
        article = Article(
            content_hash="h", text="t", reference_date=date(2023, 6, 18), ingested_at=T0
        )
        s.add(article)
        s.flush()
        claim = Claim(
            article_id=article.id,
            sentence="Yellen could travel to Beijing later this year.",
            claim="Janet Yellen could travel to Beijing later this year",
            actors=["Janet Yellen"],
            event="Janet Yellen trip to Beijing",
            location="Beijing",
            due_earliest=date(2023, 6, 18),
            due_latest=date(2023, 12, 31),
            status=status,
            created_at=T0,
        )
        s.add(claim)
        s.flush()
        assert claim.id is not None
        return claim.id


def test_open_claims_are_searched_within_their_window(tmp_path: Path, db_url: str) -> None:
    with FeedServer() as server:
        server.feed("/search", make_rss(2, prefix="found"))
        config = tmp_path / "c.toml"
        config.write_text(
            f'database_url = "{db_url}"\n[fetch]\nallowed_networks = ["127.0.0.1/32"]\n'
            f"[verification]\ngrace_days = 14\n"
            f'[[search_templates]]\nname = "local"\n'
            f'url = "{server.url("/search")}?q={{query}}&after={{after}}&before={{before}}"\n',
            encoding="utf-8",
        )
        settings = load_settings(config)
        engine = open_database(db_url)
        claim_id = add_claim(engine)
        summary = poll_search_feeds(engine, settings, FixedClock(T0), rng=random.Random(0))
        query = parse_qs(urlsplit(server.hits[0][0]).query)
    assert summary.ok == 1 and summary.new_items == 2
    assert query == {
        "q": ['"Janet Yellen" Beijing'],
        "after": ["2023-06-18"],
        "before": ["2024-01-14"],
    }
    with session(engine) as s:
        feed = s.exec(select(Feed)).one()
        assert feed.name == f"search/local/claim-{claim_id}"
        assert feed.origin == "search" and not feed.extract_claims
        assert len(s.exec(select(Item)).all()) == 2

    with write_session(engine) as s:
        claim = s.get(Claim, claim_id)
        assert claim is not None
        claim.status = "fulfilled"
        s.add(claim)
    summary = poll_search_feeds(engine, settings, FixedClock(T0), rng=random.Random(0))
    assert summary.polled == 0
    with session(engine) as s:
        assert s.exec(select(Feed)).one().disabled_reason == "claim no longer open"
