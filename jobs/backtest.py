"""Backtest: replay articles and archive feeds through the real pipeline as a clock advances.

A temporary SQLite database; each article is extracted on its reference date, each feed item
arrives on its publication date (in publication order), and every simulated day ends with a
verification pass and an expiry pass, exactly as the daemon would run them. The result is the
final table of claims with their statuses, resolution times and the evidence that decided them.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from forecasts.articles.load import load_source
from forecasts.claims.extract import extract_claims
from forecasts.clock import FixedClock, end_of_day
from forecasts.config import Settings
from forecasts.db import open_database, session, write_session
from forecasts.errors import FeedParseError, FetchError, InputError
from forecasts.evidence.judge import DECISIVE_COUNTER, DECISIVE_FULFILMENT
from forecasts.feeds.fetch import Fetcher, FetchResult
from forecasts.feeds.local import is_local, read_local
from forecasts.feeds.parse import parse_feed
from forecasts.jobs.expire import expire_claims
from forecasts.jobs.questions import settle_questions
from forecasts.jobs.verify import verify_claims
from forecasts.models import Item
from forecasts.questions.attach import attach_new_claims
from forecasts.store import replays
from forecasts.store.articles import save_article
from forecasts.store.claims import list_claims
from forecasts.store.feeds import add_feed
from forecasts.verdicts.views import claim_evidence, claim_row

Progress = Callable[[str], None]


@dataclass
class BacktestResult:
    start: date
    until: date
    articles: int = 0
    items: int = 0
    claims: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"claims": self.claims}


@dataclass(frozen=True)
class _Entry:
    feed: str
    title: str
    link: str
    summary: str
    published: datetime
    guid: str
    author: str
    source: str = ""


def run_backtest(
    settings: Settings,
    articles: list[str],
    feeds: list[str],
    *,
    start: date | None = None,
    until: date | None = None,
    progress: Progress | None = None,
) -> BacktestResult:
    """Replay ``articles`` and ``feeds`` day by day from ``start`` to ``until`` (inclusive)."""
    say = progress or (lambda _msg: None)
    loaded = _load_articles(settings, articles)
    entries = sorted(_load_feeds(settings, feeds), key=lambda e: e.published)
    days = [a.reference_date for a in loaded] + [e.published.date() for e in entries]
    if not days:
        raise InputError("backtest: no articles and no feed items to replay")
    first = start or min(days)
    last = until or max(days)
    if last < first:
        raise InputError(f"--until {last} is before --from {first}")
    result = BacktestResult(first, last)
    with tempfile.TemporaryDirectory(prefix="forecasts-backtest-") as tmp:
        engine = open_database(f"sqlite:///{Path(tmp) / 'backtest.db'}")
        try:
            _replay(engine, settings, loaded, entries, first, last, result, say)
            result.claims = _final_table(engine)
        finally:
            engine.dispose()
    return result


def _replay(
    engine: Engine,
    settings: Settings,
    loaded: list[Any],
    entries: list[_Entry],
    first: date,
    last: date,
    result: BacktestResult,
    say: Progress,
) -> None:
    feed_ids = _make_feeds(engine, sorted({e.feed for e in entries}), first)
    clock = FixedClock(datetime.combine(first, time(0), tzinfo=UTC))
    day = first
    a_index = e_index = 0
    pending_articles = sorted(loaded, key=lambda a: a.reference_date)
    while day <= last:
        while a_index < len(pending_articles) and pending_articles[a_index].reference_date <= day:
            article = pending_articles[a_index]
            a_index += 1
            ref = max(article.reference_date, first)
            clock.set(datetime.combine(ref, time(12), tzinfo=UTC))
            claims = extract_claims(article.text, article.reference_date, settings)
            with write_session(engine) as s:
                _, rows, _ = save_article(
                    s,
                    article,
                    claims,
                    clock.now(),
                    default_horizon_days=settings.extraction.default_horizon_days,
                )
                attach_new_claims(s, rows, clock.now())
            result.articles += 1
            say(f"{ref} article: {article.title or article.path} ({len(claims)} claims)")
        while e_index < len(entries) and entries[e_index].published.date() <= day:
            entry = entries[e_index]
            e_index += 1
            if _add_item(engine, feed_ids[entry.feed], entry):
                result.items += 1
        clock.set(end_of_day(day))
        verified = verify_claims(engine, settings, clock)
        expired = expire_claims(engine, settings, clock)
        settled = settle_questions(engine, settings, clock)
        changes = {**verified.changes, **expired.changes, **settled.changes}
        if changes:
            say(f"{day} " + ", ".join(f"{n} {status}" for status, n in sorted(changes.items())))
        day += timedelta(days=1)


def _load_articles(settings: Settings, sources: list[str]) -> list[Any]:
    out = []
    for source in sources:
        for article in load_source(source, settings):
            if article.reference_date is None:
                raise InputError(f"{source}: no publication date; add a .meta.toml sidecar")
            out.append(article)
    return out


def _load_feeds(settings: Settings, sources: list[str]) -> list[_Entry]:
    """The archive entries, read by the collector's own parser (dated ones only)."""
    entries: list[_Entry] = []
    for source in sources:
        for data, base in _feed_bodies(settings, source):
            try:
                parsed = parse_feed(data, base_url=base)
            except FeedParseError as exc:
                raise InputError(f"--feed {source}: {exc}") from None
            for e in parsed.entries:
                if e.published is None:
                    continue  # an undated archive entry cannot be placed on the timeline
                entries.append(
                    _Entry(
                        source, e.title, e.link, e.summary, e.published, e.guid, e.author, e.source
                    )
                )
    return entries


def _feed_bodies(settings: Settings, source: str) -> list[tuple[bytes, str]]:
    """The feed documents behind ``source``: fetched through the collector's guarded fetcher
    (SSRF checks on every hop, size cap on decoded bytes, deadline) or read from a local file or
    folder with the collector's size cap."""
    if is_local(source):
        try:
            docs = read_local(source, Path.cwd(), settings.fetch.max_body_bytes)
        except FetchError as exc:
            raise InputError(f"--feed {source}: {exc}") from None
        return [(doc.data, doc.source) for doc in docs]
    result = asyncio.run(_fetch(settings, source))
    if result.outcome != "ok":
        raise InputError(f"--feed {source}: {result.error or f'HTTP {result.status}'}")
    return [(result.body, result.final_url or source)]


async def _fetch(settings: Settings, url: str) -> FetchResult:
    async with Fetcher(settings.fetch) as fetcher:
        return await fetcher.fetch(url)


def _make_feeds(engine: Engine, names: list[str], first: date) -> dict[str, int]:
    ids: dict[str, int] = {}
    with write_session(engine) as s:
        for n, name in enumerate(names):
            feed = add_feed(s, name=f"backtest-{n}", url=name, origin="cli")
            assert feed.id is not None
            ids[name] = feed.id
    return ids


def _add_item(engine: Engine, feed_id: int, e: _Entry) -> bool:
    key = (e.guid or e.link or hashlib.sha256(f"{e.title}{e.summary}".encode()).hexdigest())[:200]
    item = Item(
        feed_id=feed_id,
        dedup_key=key,
        guid=e.guid,
        link=e.link,
        title=e.title,
        summary=e.summary,
        author=e.author,
        source=e.source,
        content_hash=hashlib.sha256(f"{e.title}\n{e.summary}".encode()).hexdigest(),
        published_at=e.published.astimezone(UTC),
        published_estimated=False,
        fetched_at=e.published.astimezone(UTC),
    )
    with write_session(engine) as s:
        return replays.add_item_once(s, item)


def _final_table(engine: Engine) -> list[dict[str, Any]]:
    """Every claim with its status and the evidence that decided it (not mere signals)."""
    rows = []
    with session(engine) as s:
        claims = list_claims(s)
        titles = replays.article_titles(s, [claim.article_id for claim in claims])
        for claim in claims:
            assert claim.id is not None
            row = claim_row(claim)
            row["article"] = titles.get(claim.article_id, "")
            row["evidence"] = _deciding_evidence(claim_evidence(s, claim.id), claim.status)
            rows.append(row)
    return rows


def _deciding_evidence(evidence: list[dict[str, Any]], status: str) -> list[dict[str, Any]]:
    """The item that decided the status, as the lifecycle chose it: the earliest decisive
    report (the strongest of that day) for a fulfilment, the strongest counter otherwise."""
    if status == "fulfilled":
        chosen = [
            e for e in evidence if e["kind"] == "fulfilment" and e["score"] >= DECISIVE_FULFILMENT
        ]
        chosen.sort(key=lambda e: (_day(e["published"]), -e["score"]))
        return chosen[:1]
    if status == "unfulfilled":
        chosen = [e for e in evidence if e["kind"] == "counter" and e["score"] >= DECISIVE_COUNTER]
        chosen.sort(key=lambda e: -e["score"])
        return chosen[:1]
    if status == "needs_review":
        return [e for e in evidence if e["kind"] in {"fulfilment", "counter"}]
    return []


def _day(published: datetime | None) -> date:
    return published.date() if published else date.max


def run_scenario(settings: Settings, folder: Path) -> tuple[dict[str, Any], BacktestResult]:
    """One labelled scenario (``articles/``, ``feed.xml``, ``expected.json``) replayed up to
    its ``until`` day; returns the expectations beside the result."""
    path = folder / "expected.json"
    try:
        expected = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: {exc}") from None
    until = expected.get("until")
    try:
        last = None if until is None else date.fromisoformat(str(until))
    except ValueError:
        raise InputError(f"{path}: until '{until}' is not a date (YYYY-MM-DD)") from None
    feeds = [str(folder / "feed.xml")] if (folder / "feed.xml").is_file() else []
    result = run_backtest(settings, [str(folder / "articles")], feeds, until=last)
    return expected, result
