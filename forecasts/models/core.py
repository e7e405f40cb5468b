"""The core tables: articles, claims and their history, feeds, items, evidence.

Datetimes are stored as UTC and always come back timezone-aware (``UTCDateTime``), on SQLite
as on PostgreSQL. Dates (reference dates, due windows, event dates) are plain calendar dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """Store naive UTC, return aware UTC; refuse naive input so no local time sneaks in."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def _utc_column(*, nullable: bool = True, index: bool = False) -> Any:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


def _json_column() -> Any:
    return sa.Column(sa.JSON(), nullable=False, default=list)


class ClaimStatus(StrEnum):
    OPEN = "open"
    FULFILLED = "fulfilled"
    UNFULFILLED = "unfulfilled"
    NEEDS_REVIEW = "needs_review"
    NOT_VERIFIABLE = "not_verifiable"
    VOID = "void"
    # The window closed and nothing in the store covers the event: not a miss, not scored;
    # reopened when evidence arrives later.
    UNRESOLVED = "unresolved"


class Article(SQLModel, table=True):
    """One ingested text; stored once per distinct content hash."""

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(
        unique=True, max_length=64, description="sha256 of the normalised text"
    )
    title: str = ""
    source: str = Field("", description="the outlet, e.g. 'The Japan Times'")
    url: str = ""
    path: str = ""
    text: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    reference_date: date
    reference_date_basis: str = ""
    item_id: int | None = Field(default=None, foreign_key="item.id", index=True)
    ingested_at: datetime = Field(sa_column=_utc_column(nullable=False))


class Claim(SQLModel, table=True):
    """A forward-looking claim and its current status."""

    # Covering indexes for the monthly report (bench/report_bench.py: 2.2 s -> 1.2 s CPU per
    # report over a million claims): the month/trend/outlet/question-count queries, and the all-time GROUP BY
    # speaker, hedge, probability streamed in index order instead of sorting every row.
    __table_args__ = (
        sa.Index(
            "ix_claim_due_report",
            "due_latest",
            "status",
            "probability",
            "hedge",
            "speaker",
            "article_id",
            "question_id",
        ),
        sa.Index(
            "ix_claim_speaker_report", "speaker", "hedge", "probability", "status", "due_latest"
        ),
        # The per-outlet totals group the claims by article in this index's order (0012_perf).
        sa.Index("ix_claim_article_report", "article_id", "due_latest", "status", "probability"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    question_id: int | None = Field(
        default=None, foreign_key="question.id", index=True, description="the event it is about"
    )
    sentence: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    claim: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    actors: list[str] = Field(default_factory=list, sa_column=_json_column())
    event: str = ""
    event_type: str = Field("", description="normalised kind: visit, meet, attend, election, ...")
    location: str = ""
    hedge: str = ""
    probability: float = 0.5
    polarity: str = Field(
        "positive", description="'negative' when the claim says the event will not happen"
    )
    speaker: str = ""
    time_expression: str = ""
    due_earliest: date
    due_latest: date = Field(index=True)
    due_basis: str = ""
    verifiable: bool = True
    statement: str = Field(
        default="",
        sa_column=sa.Column(sa.Text(), nullable=False, server_default=""),
        description="the claim as a self-contained, checkable sentence (resolved subject)",
    )
    status: str = Field(ClaimStatus.OPEN.value, index=True)
    status_by: str = Field(
        "auto", description="'auto' or 'user': user decisions are never overwritten"
    )
    event_date: date | None = Field(
        default=None, description="when the event happened, from evidence"
    )
    resolved_at: datetime | None = Field(default=None, sa_column=_utc_column())
    checked_at: datetime | None = Field(
        default=None,
        sa_column=_utc_column(index=True),
        description="when a pass first looked at it (None: new or reopened)",
    )
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))


class ClaimHistory(SQLModel, table=True):
    """Every status change of a claim: the audit trail."""

    __tablename__ = "claim_history"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    at: datetime = Field(sa_column=_utc_column(nullable=False))
    from_status: str
    to_status: str
    by: str = Field("auto", description="'auto' or 'user'")
    reason: str = Field("", sa_column=sa.Column(sa.Text(), nullable=False, default=""))
    evidence: list[Any] = Field(default_factory=list, sa_column=_json_column())


class Feed(SQLModel, table=True):
    """A subscribed feed and its polling state (the scheduler reads next_poll_at)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    url: str
    origin: str = Field(
        "cli", description="'config', 'cli' or 'search': where the subscription came from"
    )
    config_url: str = Field(
        default="", description="the URL config.toml last gave (url may differ after a 301/308)"
    )
    tags: list[str] = Field(default_factory=list, sa_column=_json_column())
    interval_minutes: int | None = None
    extract_claims: bool = True
    fetch_full_text: bool = False
    disabled_reason: str = ""
    etag: str = ""
    last_modified: str = ""
    body_hash: str = ""
    last_poll_at: datetime | None = Field(default=None, sa_column=_utc_column())
    last_success_at: datetime | None = Field(default=None, sa_column=_utc_column())
    last_unconditional_at: datetime | None = Field(default=None, sa_column=_utc_column())
    next_poll_at: datetime | None = Field(default=None, sa_column=_utc_column(index=True))
    consecutive_errors: int = 0
    last_error: str = ""
    item_count: int = 0


class Item(SQLModel, table=True):
    """One feed entry, as plain text. Also searchable through the full-text index."""

    __table_args__ = (sa.UniqueConstraint("feed_id", "dedup_key"),)

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(foreign_key="feed.id", index=True)
    dedup_key: str = Field(max_length=200, description="guid, canonical link or content hash")
    guid: str = ""
    link: str = Field("", index=True, description="canonical link (tracking parameters removed)")
    title: str = ""
    summary: str = Field("", sa_column=sa.Column(sa.Text(), nullable=False, default=""))
    author: str = ""
    source: str = ""  # the publisher the entry names (RSS/Atom <source>): an item's outlet
    content_hash: str = Field("", max_length=64, index=True)
    published_at: datetime | None = Field(default=None, sa_column=_utc_column(index=True))
    published_estimated: bool = Field(
        False, description="True when the feed gave no date (first seen)"
    )
    fetched_at: datetime = Field(sa_column=_utc_column(nullable=False))


class Evidence(SQLModel, table=True):
    """One item judged against one claim, with the score and the rule that decided."""

    __table_args__ = (sa.UniqueConstraint("claim_id", "item_id", "url"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    item_id: int | None = Field(default=None, foreign_key="item.id", index=True)
    url: str = ""
    kind: str = Field(description="'fulfilment', 'signal' (announcement/plan) or 'counter'")
    score: float = 0.0
    rule: str = Field("", description="the name of the rule that decided (no data inside)")
    event_date: date | None = Field(
        default=None, description="the day the item says the event happened (reports only)"
    )
    created_at: datetime = Field(sa_column=_utc_column(nullable=False))
