"""verify: the claim index (claim_key), the item cursor (verify_cursor), claim.checked_at index

Revision ID: 0004_verify
Revises: 0003_feeds
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import forecasts.models

revision = "0004_verify"
down_revision = "0003_feeds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New and reopened claims are found by checked_at IS NULL at every pass.
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_checked_at"), ["checked_at"], unique=False)

    op.create_table(
        "claim_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("family", sa.String(length=40), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("claim_key", schema=None) as batch_op:
        batch_op.create_index("ix_claim_key_key_ends", ["key", "ends"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_key_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "verify_cursor",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("last_item_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", forecasts.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("verify_cursor")
    with op.batch_alter_table("claim_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_key_claim_id"))
        batch_op.drop_index("ix_claim_key_key_ends")
    op.drop_table("claim_key")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_checked_at"))
