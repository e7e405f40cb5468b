"""claims' prepared forms beside the index; a covering index for the index lookup

Revision ID: 0016_claim_prepared
Revises: 0015_claim_tags_edits

No data moves: claims indexed before this revision have no stored form yet, and the next
verification pass that needs one derives and stores it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_claim_prepared"
down_revision = "0015_claim_tags_edits"
branch_labels = None
depends_on = None

_LOOKUP = ["key", "ends", "starts", "family", "claim_id"]


def upgrade() -> None:
    op.create_table(
        "claim_prepared",
        sa.Column("claim_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.String(length=16), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("claim_id"),
    )
    # The new index holds the old one's columns first: the old one would only cost writes.
    op.create_index("ix_claim_key_lookup", "claim_key", _LOOKUP)
    op.drop_index("ix_claim_key_key_ends", table_name="claim_key")


def downgrade() -> None:
    op.create_index("ix_claim_key_key_ends", "claim_key", ["key", "ends"])
    op.drop_index("ix_claim_key_lookup", table_name="claim_key")
    op.drop_table("claim_prepared")
