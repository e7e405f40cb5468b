"""Corrections people make to claims: tags, and every field edit with who, when, from, to, why.

An edit changes the claim row itself (so every reader sees the corrected value) and leaves a
``claim_edit`` row behind; re-reading the same article never rewrites an existing claim, so
corrections are not lost to a later extraction.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from forecasts.models.core import UTCDateTime


class ClaimTag(SQLModel, table=True):
    """A free label on a claim (lower case, single spaces)."""

    __tablename__ = "claim_tag"
    __table_args__ = (sa.UniqueConstraint("claim_id", "tag"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    tag: str = Field(max_length=100, index=True)


class ClaimEdit(SQLModel, table=True):
    """One field of a claim changed by a person."""

    __tablename__ = "claim_edit"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    by: str = Field(description="who: the user name of the person who ran the command")
    field_name: str = Field(max_length=40, description="the claim column that changed")
    from_value: str = Field("", sa_column=sa.Column(sa.Text(), nullable=False, default=""))
    to_value: str = Field("", sa_column=sa.Column(sa.Text(), nullable=False, default=""))
    reason: str = Field("", sa_column=sa.Column(sa.Text(), nullable=False, default=""))
