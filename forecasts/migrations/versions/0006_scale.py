"""scale: leases with expiry and once-only work marks

Revision ID: 0006_scale
Revises: 0005_daemon
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import forecasts.models

revision = "0006_scale"
down_revision = "0005_daemon"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lease",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("acquired_at", forecasts.models.UTCDateTime(), nullable=False),
        sa.Column("expires_at", forecasts.models.UTCDateTime(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    with op.batch_alter_table("lease", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lease_expires_at"), ["expires_at"], unique=False)

    op.create_table(
        "once_done",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("done_at", forecasts.models.UTCDateTime(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("once_done")
    with op.batch_alter_table("lease", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lease_expires_at"))
    op.drop_table("lease")
