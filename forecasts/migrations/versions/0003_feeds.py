"""feeds schema changes (reserved for the feeds area; empty until it needs one)

Revision ID: 0003_feeds
Revises: 0002_extract
"""

from __future__ import annotations

revision = "0003_feeds"
down_revision = "0002_extract"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
