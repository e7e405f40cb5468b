"""Which monthly reports on disk are stale: a claim of their month changed after they were written.

A report is marked ``report:YYYY-MM`` in ``daemon_mark`` when written (its ``at`` is when).
A claim belongs to the month its due window closes in; it changed if it was created, changed
status (``claim_history``) or was edited (``claim_edit``) after that time.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from forecasts.models import Claim, ClaimHistory
from forecasts.models.daemon import DaemonMark
from forecasts.models.edits import ClaimEdit

PREFIX = "report:"


def written_reports(session: Session, value: str) -> dict[str, datetime]:
    """Month -> when its report was written, for marks whose value is ``value``."""
    rows = session.exec(
        select(DaemonMark).where(
            col(DaemonMark.key).startswith(PREFIX), col(DaemonMark.value) == value
        )
    ).all()
    return {row.key.removeprefix(PREFIX): row.at for row in rows}


def any_report_written(session: Session) -> bool:
    query = select(DaemonMark.key).where(col(DaemonMark.key).startswith(PREFIX)).limit(1)
    return session.exec(query).first() is not None


def _month_range(month: str) -> tuple[date, date]:
    year, mon = (int(part) for part in month.split("-"))
    first = date(year, mon, 1)
    nxt = date(year + mon // 12, mon % 12 + 1, 1)
    return first, nxt


def changed_since(session: Session, month: str, since: datetime) -> bool:
    """Whether a claim due in ``month`` was created, changed status or edited after ``since``."""
    first, nxt = _month_range(month)
    in_month = sa.and_(col(Claim.due_latest) >= first, col(Claim.due_latest) < nxt)
    checks = [
        sa.select(col(Claim.id)).where(in_month, col(Claim.created_at) > since).limit(1),
        sa.select(col(ClaimHistory.id))
        .join(Claim, col(Claim.id) == col(ClaimHistory.claim_id))
        .where(in_month, col(ClaimHistory.at) > since)
        .limit(1),
        sa.select(col(ClaimEdit.id))
        .join(Claim, col(Claim.id) == col(ClaimEdit.claim_id))
        .where(in_month, col(ClaimEdit.at) > since)
        .limit(1),
    ]
    return any(session.execute(q).first() is not None for q in checks)
