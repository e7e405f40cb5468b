"""Questions: one row per event, the claims about it point to it (``claim.question_id``).

A ``Question`` holds what identifies the event (actors, event family, place, window: from its
first claim, the window widened by the claims merged into it) and how it resolved (status,
event date, who decided). ``QuestionMerge`` records why each claim was attached to its
question (score and rule), and is marked undone when a user splits the claim off again.
``QuestionHistory`` is the question's audit trail: created, merged, split, status changes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from forecasts.models.core import UTCDateTime


def _utc(*, nullable: bool = True, index: bool = False) -> Any:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


def _text() -> Any:
    return sa.Column(sa.Text(), nullable=False, default="")


class Question(SQLModel, table=True):
    """One event many claims may be about, and its resolution."""

    __table_args__ = (sa.Index("ix_question_family_window", "event_type", "due_latest"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(default="", sa_column=_text(), description="its first claim, as said")
    actors: list[str] = Field(
        default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False, default=list)
    )
    event: str = ""
    event_type: str = Field("", description="the event family: visit, meet, attend, ...")
    location: str = ""
    due_earliest: date
    due_latest: date
    status: str = Field("open", index=True)
    status_by: str = Field("auto", description="'auto' or 'user': user decisions are final")
    event_date: date | None = None
    resolved_at: datetime | None = Field(default=None, sa_column=_utc())
    merged_into: int | None = Field(
        default=None, description="set when a user merged this question into another"
    )
    created_at: datetime = Field(sa_column=_utc(nullable=False))


class QuestionMerge(SQLModel, table=True):
    """Why a claim belongs to a question: the matching score and rule, or a user's merge."""

    __tablename__ = "question_merge"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", index=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    score: float = 0.0
    rule: str = Field("", sa_column=_text())
    by: str = Field("auto", description="'auto' (matching) or 'user' (forecasts merge)")
    at: datetime = Field(sa_column=_utc(nullable=False))
    undone_at: datetime | None = Field(default=None, sa_column=_utc())


class QuestionHistory(SQLModel, table=True):
    """Every change of a question: created, merged, split, status."""

    __tablename__ = "question_history"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", index=True)
    at: datetime = Field(sa_column=_utc(nullable=False))
    action: str = Field(description="created, merged, split, status")
    claim_id: int | None = None
    from_status: str = ""
    to_status: str = ""
    by: str = "auto"
    reason: str = Field(default="", sa_column=_text())
    evidence: list[Any] = Field(
        default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False, default=list)
    )
