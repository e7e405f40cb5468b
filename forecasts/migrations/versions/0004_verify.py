"""verify schema changes (reserved for the verify area; empty until it needs one)

Revision ID: 0004_verify
Revises: 0003_feeds
"""

from __future__ import annotations

revision = "0004_verify"
down_revision = "0003_feeds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
