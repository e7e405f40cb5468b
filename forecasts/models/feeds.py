"""Tables used only by the collector area."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from forecasts.models.core import UTCDateTime


class ItemTombstone(SQLModel, table=True):
    """An item deleted by retention: remembered so that the next poll does not bring it back."""

    __tablename__ = "item_tombstone"
    __table_args__ = (sa.UniqueConstraint("feed_id", "dedup_key"),)

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(index=True)
    dedup_key: str = Field(max_length=200)
    link: str = Field(default="", index=True)
    content_hash: str = Field(default="", max_length=64, index=True)
    deleted_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
