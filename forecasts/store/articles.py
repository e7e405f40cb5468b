"""Articles and the claims extracted from them: saved once per distinct text.

``save_article`` is idempotent on the content hash: saving the same text again (from another
path, URL or feed) returns the stored article and its claims and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from forecasts.claims.types import ExtractedClaim, LoadedArticle
from forecasts.claims.when import default_window
from forecasts.config import ExtractionSettings
from forecasts.models import Article, Claim, ClaimStatus, claim_fields

# The configured default (extraction.default_horizon_days) when a caller has no settings.
DEFAULT_HORIZON_DAYS: int = ExtractionSettings.model_fields["default_horizon_days"].default


def article_by_hash(session: Session, content_hash: str) -> Article | None:
    return session.exec(select(Article).where(Article.content_hash == content_hash)).first()


def existing_hashes(session: Session, hashes: Sequence[str]) -> set[str]:
    """Which of ``hashes`` are already stored."""
    if not hashes:
        return set()
    rows = session.exec(select(Article.content_hash).where(col(Article.content_hash).in_(hashes)))
    return set(rows)


def claims_of(session: Session, article_id: int) -> list[Claim]:
    return list(
        session.exec(select(Claim).where(Claim.article_id == article_id).order_by(col(Claim.id)))
    )


def save_article(
    session: Session,
    loaded: LoadedArticle,
    claims: list[ExtractedClaim],
    now: datetime,
    *,
    item_id: int | None = None,
    default_horizon_days: int = DEFAULT_HORIZON_DAYS,
) -> tuple[Article, list[Claim], bool]:
    """Store ``loaded`` and its claims unless its text is already stored; (article, claims, created).

    A claim marked not verifiable is stored with status ``not_verifiable`` so that verification
    leaves it alone. A claim without a window gets the default horizon from the reference date.
    """
    if loaded.reference_date is None:
        raise ValueError("an article needs a reference date before it is saved")
    if not loaded.content_hash:
        raise ValueError("an article needs its content hash before it is saved")
    existing = article_by_hash(session, loaded.content_hash)
    if existing is not None and existing.id is not None:
        return existing, claims_of(session, existing.id), False
    article = Article(
        content_hash=loaded.content_hash,
        title=loaded.title,
        source=loaded.source,
        url=loaded.url,
        path=loaded.path,
        text=loaded.text,
        reference_date=loaded.reference_date,
        reference_date_basis=loaded.reference_date_basis,
        item_id=item_id,
        ingested_at=now,
    )
    session.add(article)
    session.flush()
    assert article.id is not None
    if claims:
        # One executemany: building validated model objects one by one costs more than the
        # insert itself on claim-rich articles; the rows are read back in insertion order.
        session.execute(
            insert(Claim),
            [
                _claim_values(article.id, loaded.reference_date, draft, now, default_horizon_days)
                for draft in claims
            ],
        )
    return article, claims_of(session, article.id), True


def _claim_values(
    article_id: int, reference: date, draft: ExtractedClaim, now: datetime, horizon: int
) -> dict[str, Any]:
    # A draft without an end gets the extractor's own default window (one rule, claims.when).
    fallback = default_window(reference, horizon)
    earliest = draft.due_earliest or fallback.earliest
    latest = draft.due_latest or max(earliest, fallback.latest)
    basis = draft.due_basis or (fallback.basis if draft.due_latest is None else "")
    return claim_fields.values(draft) | dict(
        article_id=article_id,
        due_earliest=earliest,
        due_latest=max(latest, earliest),
        due_basis=basis,
        status=(ClaimStatus.OPEN if draft.verifiable else ClaimStatus.NOT_VERIFIABLE).value,
        status_by="auto",
        created_at=now,
    )
