"""extract schema changes (reserved for the extract area; empty until it needs one)

Revision ID: 0002_extract
Revises: 0001
"""

from __future__ import annotations

revision = "0002_extract"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
