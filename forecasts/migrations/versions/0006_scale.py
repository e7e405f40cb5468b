"""scale schema changes (reserved for the scale area; empty until it needs one)

Revision ID: 0006_scale
Revises: 0005_daemon
"""

from __future__ import annotations

revision = "0006_scale"
down_revision = "0005_daemon"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
