"""The tables. Queries live in ``store/``; these modules only say what is stored.

``core`` holds the tables every stage shares (articles, claims, history, feeds, items,
evidence). Each area keeps the tables only it needs in its own module, imported here so that
``SQLModel.metadata`` (and so Alembic) sees every table.
"""

from __future__ import annotations

from forecasts.models import daemon, edits, feeds, scale, verify  # noqa: F401  (registers tables)
from forecasts.models.core import (
    Article,
    Claim,
    ClaimHistory,
    ClaimStatus,
    Evidence,
    Feed,
    Item,
    UTCDateTime,
)
from forecasts.models.questions import Question, QuestionHistory, QuestionMerge

__all__ = [
    "Article",
    "Claim",
    "ClaimHistory",
    "ClaimStatus",
    "Evidence",
    "Feed",
    "Item",
    "Question",
    "QuestionHistory",
    "QuestionMerge",
    "UTCDateTime",
]
