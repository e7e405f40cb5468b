"""`forecasts feeds` in 80 columns, and `feeds remove` that asks first and keeps evidence."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from forecasts.cli.feeds import feed_lines
from forecasts.cli.render import width
from forecasts.db import write_session
from forecasts.models import Feed
from forecasts.store import claims as claim_store
from tests.test_verify_factories import make_article, make_claim, make_feed, make_item

NOW = datetime(2026, 12, 4, 18, 0, tzinfo=UTC)
LONG_ERROR = "connection failed: " + "the server at news.example.org did not answer " * 8


def feed(name: str, **overrides: object) -> Feed:
    fields: dict[str, object] = {"name": name, "url": "https://x.example/rss", "item_count": 12}
    fields.update(overrides)
    return Feed(**fields)


def test_feed_lines_fit_80_columns_with_errors_on_one_line(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A long error is one line under its feed, cut to the width; --verbose keeps it whole."""
    monkeypatch.setenv("COLUMNS", "80")
    feeds = [
        feed(
            "a-very-long-feed-name-that-goes-on-and-on",
            last_error=LONG_ERROR,
            consecutive_errors=3,
            last_poll_at=NOW,
            next_poll_at=datetime(2026, 12, 5, 1, tzinfo=UTC),
        ),
        feed("npr", last_poll_at=datetime(2026, 11, 30, tzinfo=UTC)),
    ]
    lines = feed_lines(feeds, NOW)
    assert len(lines) == 4 and all(width(line) <= 80 for line in lines)
    assert lines[2].startswith("  ! connection failed") and lines[2].endswith("…")
    assert "18:00" in lines[1] and "2026-12-05" in lines[1] and "2026-11-30" in lines[3]
    verbose = feed_lines(feeds, NOW, verbose=True)
    assert LONG_ERROR.strip() in verbose[2]


def test_failing_search_feeds_are_one_line(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Claim-search feeds with errors are summed up in one line unless --all."""
    monkeypatch.setenv("COLUMNS", "80")
    feeds = [feed("npr")] + [
        feed(
            f"search/gnews/claim-{i}", origin="search", last_error="HTTP 429", consecutive_errors=1
        )
        for i in range(30)
    ]
    lines = feed_lines(feeds, NOW)
    assert len(lines) == 3 and lines[2].startswith("claim-search feeds: 30 failing")
    assert all(width(line) <= 80 for line in lines)
    assert len(feed_lines(feeds, NOW, search=True)) == 1 + 31 + 30


def test_remove_keeps_items_cited_as_evidence(run_cli, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    """The cited item survives with its title and date; the others go; the feed is gone."""
    claim_id = make_claim(engine, make_article(engine))
    feed_id = make_feed(engine, "wire")
    make_item(engine, feed_id, "Yellen lands in Beijing", datetime(2023, 7, 6, 9, tzinfo=UTC))
    make_item(engine, feed_id, "Something else", datetime(2023, 7, 7, tzinfo=UTC))
    run_cli("verify", "--as-of", "2023-07-07")
    r = run_cli("feeds", "remove", "wire")  # not a terminal: no question
    assert r.code == 0 and "removed wire and 1 items, kept 1 cited as evidence" in r.out
    doc = json.loads(run_cli("claim", str(claim_id), "--json").out)
    assert doc["evidence"][0]["title"] == "Yellen lands in Beijing"
    assert doc["evidence"][0]["published"].startswith("2023-07-06")
    assert "wire" not in run_cli("feeds", "list").out
    assert "(removed feeds)" not in run_cli("feeds").out
    with write_session(engine) as s:
        assert claim_store.get_claim(s, claim_id).status == "fulfilled"
