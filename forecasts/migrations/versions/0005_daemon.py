"""daemon schema changes (reserved for the daemon area; empty until it needs one)

Revision ID: 0005_daemon
Revises: 0004_verify
"""

from __future__ import annotations

revision = "0005_daemon"
down_revision = "0004_verify"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
