"""Tables used only by the verification area.

``claim_key`` is the inverted index from words to the claims they may be evidence for: one row
per (key, claim), where a key is a lower-case word an item must contain (an actor's surname,
an organisation's name or acronym, a country and its demonyms, a title word), with the claim's
event family beside it so that an item about an election never fetches claims about visits. A new item looks up only the keys made of its own words,
so the cost per item grows with the claims that share its words, not with all open claims.
``claim_prepared`` keeps each indexed claim's prepared form (``evidence.prepared_form``), so a
pass reads it back instead of deriving it from the claim's text again.
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
    # Covering: the lookup of a batch's words (key, window) reads the index alone, never the
    # table's rows, which lie at random places once it holds millions.
    __table_args__ = (
        sa.Index("ix_claim_key_lookup", "key", "ends", "starts", "family", "claim_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    key: str = Field(max_length=120)
    family: str = Field("", max_length=40, description="the claim's event family ('' unknown)")
    starts: date = Field(description="the claim's reference date: older items never count")
    ends: date = Field(description="the claim's due_latest")


class ClaimPrepared(SQLModel, table=True):
    """An indexed claim's prepared form, as ``evidence.prepared_form`` encodes it."""

    __tablename__ = "claim_prepared"

    claim_id: int = Field(
        primary_key=True, foreign_key="claim.id", sa_column_kwargs={"autoincrement": False}
    )
    version: str = Field(max_length=16, description="FINGERPRINT of the code that derived it")
    body: bytes = Field(sa_column=sa.Column(sa.LargeBinary(), nullable=False))


class VerifyCursor(SQLModel, table=True):
    """How far a verification pass has read the item table."""

    __tablename__ = "verify_cursor"

    name: str = Field(primary_key=True, max_length=40)
    last_item_id: int = 0
    updated_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
