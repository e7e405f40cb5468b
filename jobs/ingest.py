"""Ingest articles: load each source, extract its claims, store both (one transaction each).

Each article is its own transaction, so one bad file gets its own error and leaves nothing
half-written while the other inputs still go through. Re-ingesting a text already stored adds
nothing (``created`` is False and the stored claims are returned).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.engine import Engine

from forecasts.articles.load import expand_source, load_source
from forecasts.claims.extract import extract_claims
from forecasts.claims.types import ExtractedClaim, LoadedArticle
from forecasts.clock import Clock, local_day
from forecasts.config import Settings
from forecasts.db import write_session
from forecasts.errors import ForecastsError, InputError
from forecasts.models import Claim, claim_fields
from forecasts.questions.attach import attach_new_claims
from forecasts.store.articles import save_article

log = logging.getLogger(__name__)

Extractor = Callable[[str, date, Settings], list[ExtractedClaim]]


@dataclass(slots=True)
class StoredClaim:
    """A claim as extracted, with its database id (None on a dry run)."""

    id: int | None
    claim: ExtractedClaim
    status: str = ""


@dataclass(slots=True)
class ArticleResult:
    """One input article: what was read, what was found, and whether it was new."""

    input: str
    article: LoadedArticle | None = None
    article_id: int | None = None
    claims: list[StoredClaim] = field(default_factory=list)
    created: bool = False
    error: str = ""
    exit_code: int = 0
    exception: ForecastsError | None = field(default=None, repr=False)


@dataclass(slots=True)
class IngestSummary:
    results: list[ArticleResult] = field(default_factory=list)
    dry_run: bool = False

    @property
    def errors(self) -> list[ArticleResult]:
        return [r for r in self.results if r.error]

    @property
    def articles_created(self) -> int:
        return sum(1 for r in self.results if r.created)

    @property
    def claims_found(self) -> int:
        return sum(len(r.claims) for r in self.results)

    @property
    def exit_code(self) -> int:
        """0 when every input went through, else the first failure's code."""
        return next((r.exit_code for r in self.results if r.error), 0)

    def check(self) -> IngestSummary:
        """Raise the first input's error, if any (for callers that treat inputs one at a time,
        such as the inbox job: ``ingest_sources(...).check()``); else return self."""
        for result in self.results:
            if result.exception is not None:
                raise result.exception
        return self


def default_extractor() -> Extractor:
    """The claim extractor: ``forecasts.claims.extract.extract_claims``."""
    return extract_claims


def ingest_sources(
    engine: Engine | None,
    settings: Settings,
    clock: Clock,
    sources: list[str],
    *,
    published: date | None = None,
    dry_run: bool = False,
    extract: Extractor | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Load, extract and (unless ``dry_run``) store every article behind ``sources``.

    ``progress`` is called once per input article (after it is done), for progress bars.
    ``engine`` may be None on a dry run, which never touches the database.
    """
    if engine is None and not dry_run:
        raise ValueError("an engine is needed unless dry_run")
    summary = IngestSummary(dry_run=dry_run)
    for source in sources:
        try:
            inputs = expand_source(source)
        except ForecastsError as exc:
            summary.results.append(_failed(source, exc))
            continue
        for one in inputs:
            summary.results.append(
                _ingest_one(engine, settings, clock, one, published, dry_run, extract)
            )
            if progress is not None:
                progress(one)
    return summary


def count_inputs(sources: list[str]) -> int:
    """How many article inputs ``sources`` expand to (bad ones count as one), for progress bars."""
    total = 0
    for source in sources:
        try:
            total += len(expand_source(source))
        except InputError:
            total += 1
    return total


def _ingest_one(
    engine: Engine | None,
    settings: Settings,
    clock: Clock,
    source: str,
    published: date | None,
    dry_run: bool,
    extract: Extractor | None,
) -> ArticleResult:
    try:
        now = clock.now()
        today = local_day(now, settings.zone)
        (loaded,) = load_source(source, settings, published=published, today=today)
        if loaded.reference_date is None:
            # Nothing in metadata or text dates it: it speaks from the day it was read.
            loaded.reference_date = today
            loaded.reference_date_basis = "ingest date (no date in metadata or text)"
        extractor = extract or extract_claims
        drafts = extractor(loaded.text, loaded.reference_date, settings)
        result = ArticleResult(input=source, article=loaded)
        if dry_run or engine is None:
            result.claims = [StoredClaim(None, draft) for draft in drafts]
            return result
        with write_session(engine) as session:
            article, rows, created = save_article(
                session,
                loaded,
                drafts,
                now,
                default_horizon_days=settings.extraction.default_horizon_days,
            )
            attach_new_claims(session, rows, now)
            result.article_id = article.id
            result.created = created
            # Report what is stored (for a text seen before: as it was stored then).
            loaded.reference_date = article.reference_date
            loaded.reference_date_basis = article.reference_date_basis
            result.claims = [StoredClaim(row.id, _draft_of(row), row.status) for row in rows]
        log.info(
            "ingested %s article_id=%s created=%s claims=%d",
            source,
            result.article_id,
            created,
            len(rows),
        )
        return result
    except ForecastsError as exc:
        log.info("cannot ingest %s: %s", source, exc)
        return _failed(source, exc)
    except Exception as exc:  # a bug on one input must not sink the others; logged in full
        log.exception("unexpected error ingesting %s", source)
        return _failed(source, ForecastsError(f"unexpected error: {type(exc).__name__}: {exc}"))


def _failed(source: str, exc: ForecastsError) -> ArticleResult:
    # One readable line, however long the underlying error (SQL statements, tracebacks).
    message = " ".join(str(exc).split("\n", 1)[0].split())[:300]
    if source not in message:
        message = f"{source}: {message}"
    if message != str(exc):
        exc = type(exc)(message)
    return ArticleResult(input=source, error=message, exit_code=exc.exit_code, exception=exc)


def _draft_of(row: Claim) -> ExtractedClaim:
    return ExtractedClaim(**claim_fields.values(row))
