"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28 17:57:23.588826
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import forecasts.models

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("interval_minutes", sa.Integer(), nullable=True),
        sa.Column("extract_claims", sa.Boolean(), nullable=False),
        sa.Column("fetch_full_text", sa.Boolean(), nullable=False),
        sa.Column("disabled_reason", sa.String(), nullable=False),
        sa.Column("etag", sa.String(), nullable=False),
        sa.Column("last_modified", sa.String(), nullable=False),
        sa.Column("body_hash", sa.String(), nullable=False),
        sa.Column("last_poll_at", forecasts.models.UTCDateTime(), nullable=True),
        sa.Column("last_success_at", forecasts.models.UTCDateTime(), nullable=True),
        sa.Column("last_unconditional_at", forecasts.models.UTCDateTime(), nullable=True),
        sa.Column("next_poll_at", forecasts.models.UTCDateTime(), nullable=True),
        sa.Column("consecutive_errors", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feed_next_poll_at"), ["next_poll_at"], unique=False)

    op.create_table(
        "item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("dedup_key", sa.String(length=200), nullable=False),
        sa.Column("guid", sa.String(), nullable=False),
        sa.Column("link", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("published_at", forecasts.models.UTCDateTime(), nullable=True),
        sa.Column("published_estimated", sa.Boolean(), nullable=False),
        sa.Column("fetched_at", forecasts.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["feed_id"],
            ["feed.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("feed_id", "dedup_key"),
    )
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_content_hash"), ["content_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_feed_id"), ["feed_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_link"), ["link"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_published_at"), ["published_at"], unique=False)

    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("path", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reference_date", sa.Date(), nullable=False),
        sa.Column("reference_date_basis", sa.String(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("ingested_at", forecasts.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_item_id"), ["item_id"], unique=False)

    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("event", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("hedge", sa.String(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("polarity", sa.String(), nullable=False),
        sa.Column("speaker", sa.String(), nullable=False),
        sa.Column("time_expression", sa.String(), nullable=False),
        sa.Column("due_earliest", sa.Date(), nullable=False),
        sa.Column("due_latest", sa.Date(), nullable=False),
        sa.Column("due_basis", sa.String(), nullable=False),
        sa.Column("verifiable", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("status_by", sa.String(), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("resolved_at", forecasts.models.UTCDateTime(), nullable=True),
        sa.Column("checked_at", forecasts.models.UTCDateTime(), nullable=True),
        sa.Column("created_at", forecasts.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_due_latest"), ["due_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_status"), ["status"], unique=False)

    op.create_table(
        "claim_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("at", forecasts.models.UTCDateTime(), nullable=False),
        sa.Column("from_status", sa.String(), nullable=False),
        sa.Column("to_status", sa.String(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("claim_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_history_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("rule", sa.String(), nullable=False),
        sa.Column("created_at", forecasts.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["item.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("claim_id", "item_id", "url"),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_item_id"))
        batch_op.drop_index(batch_op.f("ix_evidence_claim_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("claim_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_history_claim_id"))

    op.drop_table("claim_history")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_status"))
        batch_op.drop_index(batch_op.f("ix_claim_due_latest"))
        batch_op.drop_index(batch_op.f("ix_claim_article_id"))

    op.drop_table("claim")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_item_id"))

    op.drop_table("article")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_published_at"))
        batch_op.drop_index(batch_op.f("ix_item_link"))
        batch_op.drop_index(batch_op.f("ix_item_feed_id"))
        batch_op.drop_index(batch_op.f("ix_item_content_hash"))

    op.drop_table("item")
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feed_next_poll_at"))

    op.drop_table("feed")
