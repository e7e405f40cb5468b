"""Turn feed items into articles: each item of a feed with ``extract_claims`` becomes an
article (reference date = the item's published date, ``Article.item_id`` set) with its claims.

Resumable and once-only by construction: the work list is "items of such feeds with no
article pointing at them", so a crash or restart simply carries on. An item whose text is
already stored (the same story in two feeds) adds nothing; an item too short to be an article
is skipped. Both are looked at again on a later run only through the cheap hash check.

Fetching linked pages (``fetch_full_text``) is the slow part and the daemon runs one job at a
time, so a run spends at most ``fetch.deadline_seconds`` starting page fetches (each itself cut
off at that deadline): items whose page would be fetched after that wait for the next run,
and a slow or hostile site cannot hold up polling, the inbox or notifications.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from forecasts.articles.load import article_from_text, load_url
from forecasts.articles.outlet import outlet_of
from forecasts.claims.types import LoadedArticle
from forecasts.clock import Clock, local_day
from forecasts.config import Settings
from forecasts.db import session, write_session
from forecasts.errors import ArticleError, ForecastsError
from forecasts.jobs.ingest import Extractor, default_extractor
from forecasts.models import Feed, Item
from forecasts.questions.attach import attach_new_claims
from forecasts.store.articles import article_by_hash, save_article
from forecasts.store.extraction import items_to_extract

log = logging.getLogger(__name__)

BATCH = 200


@dataclass(slots=True)
class ExtractSummary:
    items_seen: int = 0
    articles_created: int = 0
    duplicates: int = 0
    skipped: int = 0
    deferred: int = 0  # full-text items left for the next run: this run's fetch time was spent
    claims_found: int = 0
    errors: list[str] = field(default_factory=list)


def extract_new_items(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    *,
    extract: Extractor | None = None,
    limit: int | None = None,
) -> ExtractSummary:
    """Make articles of the items not yet turned into articles (at most ``limit`` items)."""
    extractor = extract or default_extractor()
    summary = ExtractSummary()
    fetching = _FetchBudget(settings.fetch.deadline_seconds)
    after = 0
    while limit is None or summary.items_seen < limit:
        batch = BATCH if limit is None else min(BATCH, limit - summary.items_seen)
        pending = _pending(engine, after, batch)
        if not pending:
            break
        for item, feed in pending:
            assert item.id is not None
            after = item.id
            summary.items_seen += 1
            try:
                _one(engine, settings, clock, item, feed, extractor, fetching, summary)
            except ForecastsError as exc:
                summary.errors.append(f"item {item.id}: {exc}")
                log.info("item_id=%s cannot be extracted: %s", item.id, exc)
    return summary


class _FetchBudget:
    """Seconds this run may still spend fetching pages (a monotonic deadline, not the clock)."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds

    def left(self) -> bool:
        return time.monotonic() < self.ends


def _pending(engine: Engine, after: int, limit: int) -> list[tuple[Item, Feed]]:
    with session(engine) as s:
        return items_to_extract(s, after, limit)


def _one(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    item: Item,
    feed: Feed,
    extractor: Extractor,
    fetching: _FetchBudget,
    summary: ExtractSummary,
) -> None:
    stamp = item.published_at or item.fetched_at
    day = local_day(stamp, settings.zone)
    basis = "feed (first seen; the feed gave no date)" if item.published_estimated else "feed"
    loaded: LoadedArticle | None = None
    if feed.fetch_full_text and item.link:
        if not fetching.left():
            summary.deferred += 1  # no article yet, so the next run picks it up again
            return
        try:
            loaded = load_url(item.link, settings, published=day)
        except ForecastsError as exc:
            log.info("item_id=%s full text unavailable, using the summary: %s", item.id, exc)
    if loaded is None:
        text = "\n\n".join(part.strip() for part in (item.title, item.summary) if part.strip())
        try:
            loaded = article_from_text(
                text, settings, title=item.title, url=item.link, published=day
            )
        except ArticleError:
            summary.skipped += 1
            return
    loaded.reference_date_basis = basis
    # The publisher, never the feed's name: an archive or aggregator carries many outlets.
    loaded.source = outlet_of(item.source, loaded.source, item.link)
    with session(engine) as s:
        if article_by_hash(s, loaded.content_hash) is not None:
            summary.duplicates += 1
            return
    assert loaded.reference_date is not None
    drafts = extractor(loaded.text, loaded.reference_date, settings)
    now = clock.now()
    with write_session(engine) as s:
        article, rows, created = save_article(
            s,
            loaded,
            drafts,
            now,
            item_id=item.id,
            default_horizon_days=settings.extraction.default_horizon_days,
        )
        attach_new_claims(s, rows, now)
    if created:
        summary.articles_created += 1
        summary.claims_found += len(rows)
        log.info("item_id=%s article_id=%s claims=%d", item.id, article.id, len(rows))
    else:
        summary.duplicates += 1
