"""Backtest: replay articles and archive feeds through the real pipeline as a clock advances.

A temporary SQLite database; each article is extracted on its reference date, each feed item
arrives on its publication date (in publication order), and every simulated day ends with a
verification pass and an expiry pass, exactly as the daemon would run them. The result is the
final table of claims with their statuses, resolution times and the evidence that decided them.
"""

from __future__ import annotations

import calendar
import hashlib
import importlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from forecasts.clock import FixedClock, end_of_day
from forecasts.config import Settings
from forecasts.db import open_database, session, write_session
from forecasts.errors import ForecastsError, InputError
from forecasts.evidence.judge import DECISIVE_COUNTER, DECISIVE_FULFILMENT
from forecasts.models import Article, Claim, Feed, Item
from forecasts.questions.attach import attach_new_claims
from forecasts.verdicts.views import claim_evidence, claim_row
from jobs.expire import expire_claims
from jobs.verify import verify_claims

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
    extract_claims = _contract("forecasts.claims.extract", "extract_claims")
    save_article = _contract("forecasts.store.articles", "save_article")
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
                _, rows, _ = save_article(s, article, claims, clock.now())
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
        changes = {**verified.changes, **expired.changes}
        if changes:
            say(f"{day} " + ", ".join(f"{n} {status}" for status, n in sorted(changes.items())))
        day += timedelta(days=1)


def _contract(module: str, name: str) -> Any:
    """A function another area provides; a clear error when it is not installed yet."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise ForecastsError(f"backtest needs {module}.{name}, which is not available") from None


def _load_articles(settings: Settings, sources: list[str]) -> list[Any]:
    if not sources:
        return []
    load_source = _contract("forecasts.articles.load", "load_source")
    out = []
    for source in sources:
        for article in load_source(source, settings):
            if article.reference_date is None:
                raise InputError(f"{source}: no publication date; add a .meta.toml sidecar")
            out.append(article)
    return out


def _load_feeds(settings: Settings, sources: list[str]) -> list[_Entry]:
    try:
        parse_feed = _contract("forecasts.feeds.parse", "parse_feed")
    except ForecastsError:
        parse_feed = _parse_with_feedparser  # the collector's parser is not installed
    entries: list[_Entry] = []
    for source in sources:
        for data, base in _feed_bodies(settings, source):
            parsed = parse_feed(data, base_url=base)
            for e in parsed.entries:
                if e.published is None:
                    continue  # an undated archive entry cannot be placed on the timeline
                entries.append(
                    _Entry(source, e.title, e.link, e.summary, e.published, e.guid, e.author)
                )
    return entries


@dataclass(frozen=True)
class _Parsed:
    entries: list[_Entry]


def _parse_with_feedparser(data: bytes, *, base_url: str) -> _Parsed:
    """A minimal archive reader (feedparser) for when forecasts.feeds.parse is absent."""
    import feedparser  # type: ignore[import-untyped,unused-ignore]

    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    if parsed.bozo and not parsed.entries:
        raise InputError(f"{base_url}: not a feed ({parsed.bozo_exception})")
    out = []
    for e in parsed.entries:
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        when = datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC) if stamp else None
        out.append(
            _Entry(
                "",
                e.get("title", ""),
                e.get("link", ""),
                e.get("summary", ""),
                when,  # type: ignore[arg-type]
                e.get("id", ""),
                e.get("author", ""),
            )
        )
    return _Parsed(out)


def _feed_bodies(settings: Settings, source: str) -> list[tuple[bytes, str]]:
    cap = settings.fetch.max_body_bytes
    if source.startswith(("http://", "https://")):
        try:
            with httpx.Client(
                timeout=settings.fetch.timeout_seconds,
                headers={"User-Agent": settings.fetch.user_agent},
                follow_redirects=True,
            ) as client:
                response = client.get(source)
                response.raise_for_status()
        except httpx.HTTPError as exc:
            raise InputError(f"--feed {source}: {exc}") from exc
        if len(response.content) > cap:
            raise InputError(f"--feed {source}: larger than {cap} bytes")
        return [(response.content, source)]
    path = Path(source.removeprefix("file://"))
    files = sorted(p for p in path.rglob("*.xml")) if path.is_dir() else [path]
    out = []
    for file in files:
        if not file.is_file():
            raise InputError(f"--feed {source}: no such file")
        if file.stat().st_size > cap:
            raise InputError(f"--feed {file}: larger than {cap} bytes")
        out.append((file.read_bytes(), file.resolve().as_uri()))
    return out


def _make_feeds(engine: Engine, names: list[str], first: date) -> dict[str, int]:
    ids: dict[str, int] = {}
    with write_session(engine) as s:
        for n, name in enumerate(names):
            feed = Feed(name=f"backtest-{n}", url=name, origin="cli", config_url="")
            s.add(feed)
            s.flush()
            assert feed.id is not None
            ids[name] = feed.id
    return ids


def _add_item(engine: Engine, feed_id: int, e: _Entry) -> bool:
    key = (e.guid or e.link or hashlib.sha256(f"{e.title}{e.summary}".encode()).hexdigest())[:200]
    with write_session(engine) as s:
        exists = s.exec(
            select(Item.id).where(Item.feed_id == feed_id, Item.dedup_key == key)
        ).first()
        if exists is not None:
            return False
        s.add(
            Item(
                feed_id=feed_id,
                dedup_key=key,
                guid=e.guid,
                link=e.link,
                title=e.title,
                summary=e.summary,
                author=e.author,
                content_hash=hashlib.sha256(f"{e.title}\n{e.summary}".encode()).hexdigest(),
                published_at=e.published.astimezone(UTC),
                published_estimated=False,
                fetched_at=e.published.astimezone(UTC),
            )
        )
    return True


def _final_table(engine: Engine) -> list[dict[str, Any]]:
    """Every claim with its status and the evidence that decided it (not mere signals)."""
    rows = []
    with session(engine) as s:
        for claim in s.exec(select(Claim).order_by(col(Claim.id))).all():
            assert claim.id is not None
            row = claim_row(claim)
            article = s.get(Article, claim.article_id)
            row["article"] = article.title if article else ""
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
