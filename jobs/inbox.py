"""Ingest articles dropped into the inbox folder, and the bundled seeds on first start. Glue only.

A file in ``inbox_dir`` is ingested through ``forecasts.jobs.ingest.ingest_sources`` and then moved to
``inbox/done/``, or to ``inbox/failed/`` next to a ``.error.txt`` saying why: nothing dropped
in is lost, and nothing is ingested twice. A ``NAME.meta.toml`` sidecar travels with its
article. Files still being written (modified in the last few seconds) wait for the next run.

Seeds: on first start ``seeds/articles`` is ingested and every feed file in ``seeds/feeds`` is
subscribed as a ``file://`` feed; a mark row per part makes each happen once.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine

from forecasts.clock import Clock
from forecasts.config import Settings
from forecasts.db import session, write_session
from forecasts.errors import StoreError
from forecasts.jobs.ingest import ingest_sources
from forecasts.paths import bundled_seeds
from forecasts.store import daemon as state
from forecasts.store import feeds as feed_store

log = logging.getLogger(__name__)

SETTLE = timedelta(seconds=2)
SIDECAR = ".meta.toml"
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf"}
MARK_ARTICLES = "seeds.articles"
MARK_FEEDS = "seeds.feeds"


@dataclass
class InboxSummary:
    done: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    waiting: int = 0
    seeds: str = ""


@dataclass
class SeedSummary:
    articles: str = ""
    feeds_subscribed: list[str] = field(default_factory=list)


def ingest_inbox(engine: Engine, settings: Settings, clock: Clock) -> InboxSummary:
    """Ingest every settled file in the inbox (and the seeds, if not yet done)."""
    summary = InboxSummary()
    if settings.daemon.ingest_seeds and not _marked(engine, MARK_ARTICLES):
        summary.seeds = ingest_seeds(engine, settings, clock).articles
    inbox = settings.path(settings.inbox_dir)
    inbox.mkdir(parents=True, exist_ok=True)
    files = [p for p in sorted(inbox.iterdir()) if _is_article(p)]
    if not files:
        return summary
    now = clock.now()
    for path in files:
        mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        if now - mtime < SETTLE:
            summary.waiting += 1
            continue
        try:
            result = ingest_sources(engine, settings, clock, [str(path)])
            problems = [r.error for r in result.errors]
        except Exception as exc:
            if isinstance(exc, StoreError | ImportError):
                raise  # the database or our own code, not the file: it waits for the next run
            problems = [f"{type(exc).__name__}: {exc}"]
        if problems:
            log.warning("inbox file %s failed: %s", path.name, "; ".join(problems))
            _move(path, inbox / "failed", error="\n".join(problems) + "\n")
            summary.failed.append(path.name)
        else:
            log.info("inbox file %s ingested", path.name)
            _move(path, inbox / "done")
            summary.done.append(path.name)
    return summary


def _is_article(path: Path) -> bool:
    name = path.name
    return (
        path.is_file()
        and not name.startswith(".")
        and not name.endswith(SIDECAR)
        and not name.endswith(".error.txt")
    )


def _move(path: Path, folder: Path, *, error: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    if target.exists():  # the same name dropped twice: keep both
        target = folder / f"{path.stem}.{os.getpid()}-{path.stat().st_mtime_ns}{path.suffix}"
    sidecar = path.with_name(path.name.removesuffix(path.suffix) + SIDECAR)
    path.replace(target)
    if sidecar.exists():
        sidecar.replace(target.with_name(target.name.removesuffix(target.suffix) + SIDECAR))
    if error:
        target.with_name(target.name + ".error.txt").write_text(error, encoding="utf-8")


def ingest_seeds(engine: Engine, settings: Settings, clock: Clock) -> SeedSummary:
    """First start: subscribe seeds/feeds/* and ingest seeds/articles, each once (mark rows)."""
    summary = SeedSummary()
    if not settings.daemon.ingest_seeds:
        return summary
    seeds = settings.path(settings.seeds_dir)
    if not seeds.is_dir() and settings.seeds_dir == Settings.model_fields["seeds_dir"].default:
        seeds = bundled_seeds()
    if not _marked(engine, MARK_FEEDS):
        summary.feeds_subscribed = _subscribe_seed_feeds(engine, settings, clock, seeds / "feeds")
    if not _marked(engine, MARK_ARTICLES):
        articles = seeds / "articles"
        if articles.is_dir() and any(_is_article(p) for p in articles.iterdir()):
            result = ingest_sources(engine, settings, clock, [str(articles)])
            for failed in result.errors:
                log.warning("seed article not ingested: %s", failed.error)
            summary.articles = f"{result.articles_created} articles"
        with write_session(engine) as s:
            state.set_mark(s, MARK_ARTICLES, str(articles), clock.now())
        log.info("seed articles ingested from %s", articles)
    return summary


def _subscribe_seed_feeds(
    engine: Engine, settings: Settings, clock: Clock, folder: Path
) -> list[str]:
    added: list[str] = []
    files = (
        sorted(p for p in folder.iterdir() if p.suffix in FEED_SUFFIXES) if folder.is_dir() else []
    )
    # A seed file a config feed already polls (config.toml's `archive` is the seeds/feeds
    # folder) is not subscribed a second time under another name.
    configured = _configured_local_paths(settings)
    files = [p for p in files if not {p.resolve(), p.parent.resolve()} & configured]
    with write_session(engine) as s:
        for path in files:
            name, url = f"seed-{path.stem}", path.resolve().as_uri()
            if feed_store.feed_named_or_at(s, name, url) is None:
                feed_store.add_feed(
                    s,
                    name=name,
                    url=url,
                    origin="seeds",
                    tags=["seed"],
                    interval_minutes=settings.daemon.seed_feed_interval_minutes,
                    extract_claims=True,
                )
                added.append(name)
        state.set_mark(s, MARK_FEEDS, str(folder), clock.now())
    if added:
        log.info("seed feeds subscribed: %s", ", ".join(added))
    return added


def _configured_local_paths(settings: Settings) -> set[Path]:
    from forecasts.errors import FetchError
    from forecasts.feeds.local import is_local, local_path

    out: set[Path] = set()
    for feed in settings.feeds:
        if is_local(feed.url):
            try:
                out.add(local_path(feed.url, settings.base_dir).resolve())
            except (OSError, ValueError, FetchError):
                continue
    return out


def _marked(engine: Engine, key: str) -> bool:
    with session(engine) as s:
        return state.get_mark(s, key) is not None
