"""daemon: job state, heartbeat, marks and the notification outbox

Revision ID: 0005_daemon
Revises: 0004_verify
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import forecasts.models

revision = "0005_daemon"
down_revision = "0004_verify"
branch_labels = None
depends_on = None

UTC = forecasts.models.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "job_state",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("last_started", UTC(), nullable=True),
        sa.Column("last_finished", UTC(), nullable=True),
        sa.Column("last_outcome", sa.String(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("last_summary", sa.Text(), nullable=False),
        sa.Column("runs", sa.Integer(), nullable=False),
        sa.Column("next_run", UTC(), nullable=True),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "daemon_instance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(), nullable=False),
        sa.Column("started_at", UTC(), nullable=False),
        sa.Column("heartbeat_at", UTC(), nullable=False),
        sa.Column("current_job", sa.String(), nullable=False),
        sa.Column("stopped_at", UTC(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "daemon_mark",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dedup_key", sa.String(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTC(), nullable=False),
        sa.Column("sent_at", UTC(), nullable=True),
        sa.Column("gave_up", sa.Boolean(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dedup_key"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outbox_next_attempt_at"), ["next_attempt_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_next_attempt_at"))
    op.drop_table("outbox")
    op.drop_table("daemon_mark")
    op.drop_table("daemon_instance")
    op.drop_table("job_state")
