"""covering index on claim for the report's per-outlet totals

Revision ID: 0012_perf
Revises: 0007_report_indexes
"""

from __future__ import annotations

from alembic import op

revision = "0012_perf"
down_revision = "0009_evidence_event_date"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # GROUP BY article_id then streams in index order: no sort of every claim, no table reads.
    op.create_index(
        "ix_claim_article_report", "claim", ["article_id", "due_latest", "status", "probability"]
    )


def downgrade() -> None:
    op.drop_index("ix_claim_article_report", table_name="claim")
