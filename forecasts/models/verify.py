"""Tables used only by the verification area.

``claim_key`` is the inverted index from words to the claims they may be evidence for: one row
per (key, claim), where a key is a lower-case word an item must contain (an actor's surname,
an organisation's name or acronym, a country and its demonyms, a title word), with the claim's
event family beside it so that an item about an election never fetches claims about visits. A new item looks up only the keys made of its own words,
so the cost per item grows with the claims that share its words, not with all open claims.
``verify_cursor`` remembers the last item each pass has seen, so passes are incremental.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from forecasts.models.core import UTCDateTime


class ClaimKey(SQLModel, table=True):
    """One index word of an open claim, with the claim's window for filtering."""

    __tablename__ = "claim_key"
    __table_args__ = (sa.Index("ix_claim_key_key_ends", "key", "ends"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    key: str = Field(max_length=120)
    family: str = Field("", max_length=40, description="the claim's event family ('' unknown)")
    starts: date = Field(description="the claim's reference date: older items never count")
    ends: date = Field(description="the claim's due_latest")


class VerifyCursor(SQLModel, table=True):
    """How far a verification pass has read the item table."""

    __tablename__ = "verify_cursor"

    name: str = Field(primary_key=True, max_length=40)
    last_item_id: int = 0
    updated_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
