"""covering indexes on claim for the monthly report

Revision ID: 0007_report_indexes
Revises: 0006_scale
"""

from __future__ import annotations

from alembic import op

revision = "0007_report_indexes"
down_revision = "0006_scale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_claim_due_report",
        "claim",
        ["due_latest", "status", "probability", "hedge", "speaker", "article_id"],
    )
    op.create_index(
        "ix_claim_speaker_report",
        "claim",
        ["speaker", "hedge", "probability", "status", "due_latest"],
    )


def downgrade() -> None:
    op.drop_index("ix_claim_speaker_report", table_name="claim")
    op.drop_index("ix_claim_due_report", table_name="claim")
