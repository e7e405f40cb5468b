"""evidence.event_date: the day the evidence says the event happened, in its own column

Until now the judge's event date travelled inside the rule string
("report:past met+place@2023-06-19"). The upgrade moves it into the new column and leaves the
rule as the name of the rule alone; the downgrade puts it back.

Revision ID: 0009_evidence_event_date
Revises: 0007_report_indexes
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0009_evidence_event_date"
down_revision = "0007_report_indexes"
branch_labels = None
depends_on = None

_EVIDENCE = sa.table(
    "evidence",
    sa.column("id", sa.Integer()),
    sa.column("rule", sa.String()),
    sa.column("event_date", sa.Date()),
)


def upgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_date", sa.Date(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(_EVIDENCE.c.id, _EVIDENCE.c.rule).where(_EVIDENCE.c.rule.like("%@%"))
    ).all()
    for row_id, rule in rows:
        name, _, when = str(rule).rpartition("@")
        try:
            day: date | None = date.fromisoformat(when)
        except ValueError:
            continue  # not a date after all: leave the row as it was
        conn.execute(
            sa.update(_EVIDENCE).where(_EVIDENCE.c.id == row_id).values(rule=name, event_date=day)
        )


def downgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(_EVIDENCE.c.id, _EVIDENCE.c.rule, _EVIDENCE.c.event_date).where(
            _EVIDENCE.c.event_date.is_not(None)
        )
    ).all()
    for row_id, rule, day in rows:
        conn.execute(
            sa.update(_EVIDENCE)
            .where(_EVIDENCE.c.id == row_id)
            .values(rule=f"{rule}@{day.isoformat() if isinstance(day, date) else day}")
        )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("event_date")
