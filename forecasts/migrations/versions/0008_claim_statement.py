"""claim.statement: the claim as a self-contained, checkable sentence

Revision ID: 0008_claim_statement
Revises: 0007_report_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_claim_statement"
down_revision = "0007_report_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # server_default fills the claims stored before this revision with an empty statement
    op.add_column("claim", sa.Column("statement", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("statement")
