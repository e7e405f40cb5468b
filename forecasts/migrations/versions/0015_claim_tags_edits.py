"""claim tags and the history of field edits made by people

Revision ID: 0015_claim_tags_edits
Revises: 0007_report_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import forecasts.models

revision = "0015_claim_tags_edits"
down_revision = "0014_questions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("claim_id", "tag"),
    )
    op.create_index("ix_claim_tag_claim_id", "claim_tag", ["claim_id"])
    op.create_index("ix_claim_tag_tag", "claim_tag", ["tag"])
    op.create_table(
        "claim_edit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("at", forecasts.models.UTCDateTime(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
        sa.Column("field_name", sa.String(length=40), nullable=False),
        sa.Column("from_value", sa.Text(), nullable=False),
        sa.Column("to_value", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_edit_claim_id", "claim_edit", ["claim_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_edit_claim_id", table_name="claim_edit")
    op.drop_table("claim_edit")
    op.drop_index("ix_claim_tag_tag", table_name="claim_tag")
    op.drop_index("ix_claim_tag_claim_id", table_name="claim_tag")
    op.drop_table("claim_tag")
