"""extract_new_items: feed items become articles once each, dated by the feed, resumably."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from forecasts.claims.types import ExtractedClaim
from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.db import session, write_session
from forecasts.errors import ForecastsError
from forecasts.jobs.extract import extract_new_items
from forecasts.models import Article, Claim, Feed, Item
from tests.test_articles_load import Route, server  # noqa: F401  (fixture)

CLOCK = FixedClock(datetime(2024, 3, 21, 6, 0, tzinfo=UTC))
FED = (
    "The Federal Reserve held rates steady on Wednesday. Policymakers said they will cut "
    "rates three times before the end of the year as inflation cools."
)
ECB = (
    "The European Central Bank kept rates on hold on Thursday. Markets expect a first cut in "
    "June, and Lagarde said the bank will decide with new projections."
)


def will_sentences(text: str, reference: date, settings: Settings) -> list[ExtractedClaim]:
    """A stand-in extractor: every sentence with "will" is a claim due within 30 days."""
    return [
        ExtractedClaim(
            sentence=s,
            claim=s,
            hedge="will",
            due_earliest=reference,
            due_latest=reference + timedelta(days=30),
            due_basis="test",
        )
        for s in re.split(r"(?<=[.!?])\s+", text)
        if re.search(r"\bwill\b", s)
    ]


def make_feed(engine: Engine, name: str, *, extract_claims: bool = True) -> int:
    with write_session(engine) as s:
        feed = Feed(name=name, url=f"https://{name}.example.com/rss", extract_claims=extract_claims)
        s.add(feed)
        s.flush()
        assert feed.id is not None
        return feed.id


def make_item(engine: Engine, feed_id: int, key: str, summary: str, **overrides: object) -> int:
    fields: dict[str, object] = {
        "feed_id": feed_id,
        "dedup_key": key,
        "guid": key,
        "link": f"https://news.example.com/{key}",
        "title": f"Story {key}",
        "summary": summary,
        "published_at": datetime(2024, 3, 20, 23, 30, tzinfo=UTC),
        "fetched_at": datetime(2024, 3, 21, 0, 0, tzinfo=UTC),
    }
    fields.update(overrides)
    with write_session(engine) as s:
        item = Item(**fields)  # type: ignore[arg-type]
        s.add(item)
        s.flush()
        assert item.id is not None
        return item.id


def articles(engine: Engine) -> list[Article]:
    with session(engine) as s:
        return list(s.exec(select(Article).order_by(col(Article.id))))


def test_items_become_articles_dated_by_the_feed(engine: Engine, settings: Settings) -> None:
    feed = make_feed(engine, "markets")
    item = make_item(engine, feed, "fed", FED)
    summary = extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    assert (summary.articles_created, summary.claims_found) == (1, 1)
    (article,) = articles(engine)
    assert article.item_id == item
    assert article.reference_date == date(2024, 3, 20)
    assert article.reference_date_basis == "feed"
    # The publisher, not the feed's name: with no <source> in the item, the link's domain.
    assert article.source == "news.example.com" and article.url == "https://news.example.com/fed"
    assert article.text.startswith("Story fed\n\nThe Federal Reserve")


def test_each_item_is_extracted_once(engine: Engine, settings: Settings) -> None:
    feed = make_feed(engine, "markets")
    make_item(engine, feed, "fed", FED)
    extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    again = extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    assert again.items_seen == 0 and len(articles(engine)) == 1


def test_feeds_without_extract_claims_are_left_alone(engine: Engine, settings: Settings) -> None:
    make_item(engine, make_feed(engine, "weather", extract_claims=False), "rain", FED)
    summary = extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    assert summary.items_seen == 0 and articles(engine) == []


def test_the_same_story_in_two_feeds_is_one_article(engine: Engine, settings: Settings) -> None:
    first, second = make_feed(engine, "a"), make_feed(engine, "b")
    make_item(engine, first, "x", FED, title="Fed holds")
    make_item(engine, second, "y", FED, title="Fed holds")
    summary = extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    assert (summary.articles_created, summary.duplicates) == (1, 1)
    assert len(articles(engine)) == 1


def test_short_items_are_skipped(engine: Engine, settings: Settings) -> None:
    make_item(engine, make_feed(engine, "a"), "x", "", title="Brief")
    summary = extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    assert summary.skipped == 1 and articles(engine) == []


def test_an_interrupted_run_resumes_where_it_stopped(engine: Engine, settings: Settings) -> None:
    """A failure on one item leaves the others' articles stored; the next run does the rest."""
    feed = make_feed(engine, "markets")
    make_item(engine, feed, "fed", FED)
    ecb = make_item(engine, feed, "ecb", ECB)

    def fails_on_ecb(text: str, reference: date, settings: Settings) -> list[ExtractedClaim]:
        if "European" in text:
            raise ForecastsError("crash")
        return will_sentences(text, reference, settings)

    first = extract_new_items(engine, settings, CLOCK, extract=fails_on_ecb)
    assert first.articles_created == 1 and first.errors == [f"item {ecb}: crash"]
    second = extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    assert second.items_seen == 1 and second.articles_created == 1
    assert [a.item_id for a in articles(engine)][-1] == ecb
    with session(engine) as s:
        assert len(list(s.exec(select(Claim)))) == 2


def test_a_limit_bounds_one_run(engine: Engine, settings: Settings) -> None:
    feed = make_feed(engine, "markets")
    make_item(engine, feed, "fed", FED)
    make_item(engine, feed, "ecb", ECB)
    assert (
        extract_new_items(engine, settings, CLOCK, extract=will_sentences, limit=1).items_seen == 1
    )
    assert extract_new_items(engine, settings, CLOCK, extract=will_sentences).items_seen == 1


def test_an_undated_item_is_dated_when_first_seen(engine: Engine, settings: Settings) -> None:
    make_item(engine, make_feed(engine, "a"), "x", FED, published_at=None, published_estimated=True)
    extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    (article,) = articles(engine)
    assert article.reference_date == date(2024, 3, 21)
    assert article.reference_date_basis.startswith("feed (first seen")


def test_full_text_feeds_read_the_linked_page(
    engine: Engine,
    server: tuple[str, dict[str, Route]],  # noqa: F811
) -> None:
    """With fetch_full_text the item's page is the article (still dated by the feed)."""
    base, routes = server
    page = f"<html><body><article><h1>Fed</h1><p>{FED} Powell will speak again in May.</p></article></body></html>"
    routes["/fed"] = (200, {"Content-Type": "text/html"}, page.encode())
    settings = Settings(fetch={"allow_private_networks": True})
    with write_session(engine) as s:
        feed = Feed(name="full", url="https://x.example.com/rss", fetch_full_text=True)
        s.add(feed)
        s.flush()
        assert feed.id is not None
        feed_id = feed.id
    make_item(engine, feed_id, "fed", "Short teaser.", link=f"{base}/fed")
    make_item(engine, feed_id, "gone", ECB, link=f"{base}/missing")
    summary = extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    assert summary.articles_created == 2
    fed, ecb = articles(engine)
    assert "Powell will speak again in May" in fed.text
    assert fed.reference_date == date(2024, 3, 20) and fed.reference_date_basis == "feed"
    assert ecb.text.endswith(ECB)  # the page is gone: the summary stands in


def test_an_item_naming_its_publisher_is_credited_to_it(engine: Engine, settings: Settings) -> None:
    """An aggregated item with <source>Associated Press</source> is AP's, not the feed's."""
    feed = make_feed(engine, "archive")
    make_item(engine, feed, "fed", FED, source="Associated Press")
    extract_new_items(engine, settings, CLOCK, extract=will_sentences)
    (article,) = articles(engine)
    assert article.source == "Associated Press"
