"""Finding claims for people: the filters of `forecasts claims` and `forecasts export`.

Written against light Core tables (``sa.table``) rather than the SQLModel classes: importing the
models costs a command ~0.2 s, and `forecasts claims` must answer in well under half a second
on 10,000 claims. The column names here are those of ``forecasts.models`` (``claim``,
``article``, ``claim_tag``); tests/test_claim_lists.py runs every filter on the real schema.

Text search is a case-insensitive substring match of every word, over the statement and the
sentence, with LIKE wildcards in the input escaped; the same SQL runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from forecasts.store import chunks

# The column people read as "the claim". The extraction area is adding a `statement` column
# (a self-contained restatement); switch this to "statement" once it is in the schema, and
# every list, search and edit follows.
STATEMENT_COLUMN = "statement"

claim = sa.table(
    "claim",
    sa.column("id"),
    sa.column("article_id"),
    sa.column("sentence"),
    *{name: sa.column(name) for name in dict.fromkeys(("claim", STATEMENT_COLUMN))}.values(),
    sa.column("speaker"),
    sa.column("status"),
    sa.column("status_by"),
    sa.column("due_earliest"),
    sa.column("due_latest"),
    sa.column("resolved_at"),
    sa.column("event_date"),
    sa.column("hedge"),
    sa.column("probability"),
)
article = sa.table("article", sa.column("id"), sa.column("source"))
claim_tag = sa.table("claim_tag", sa.column("claim_id"), sa.column("tag"))

SORTS = ("due", "id", "status", "resolved")


@dataclass(frozen=True)
class ClaimFilter:
    """What to look for; empty fields do not filter. Dates are inclusive."""

    search: str = ""
    speaker: str = ""
    outlet: str = ""
    tags: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    due_before: date | None = None
    due_after: date | None = None


@dataclass(frozen=True)
class ClaimLine:
    """One claim as a list shows it (dates as ISO text, whatever the database)."""

    id: int
    status: str
    status_by: str
    due_earliest: str
    due_latest: str
    resolved_at: str
    event_date: str
    speaker: str
    outlet: str
    statement: str
    hedge: str
    probability: float


def escape_like(text: str) -> str:
    """``text`` as a LIKE pattern matching itself literally (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: Any, text: str) -> sa.ColumnElement[bool]:
    pattern = f"%{escape_like(text.lower())}%"
    return sa.func.lower(column).like(pattern, escape="\\")


def conditions(f: ClaimFilter) -> list[sa.ColumnElement[bool]]:
    """The WHERE clauses of a filter over ``claim`` joined to ``article``."""
    c = claim.c
    out: list[sa.ColumnElement[bool]] = []
    texts = [c[name] for name in dict.fromkeys((STATEMENT_COLUMN, "claim", "sentence"))]
    for word in f.search.split():
        out.append(sa.or_(*(_contains(text, word) for text in texts)))
    if f.speaker.strip():
        out.append(_contains(c.speaker, f.speaker.strip()))
    if f.outlet.strip():
        out.append(_contains(article.c.source, f.outlet.strip()))
    for tag in f.tags:
        tagged = sa.select(claim_tag.c.claim_id).where(claim_tag.c.tag == normalise_tag(tag))
        out.append(c.id.in_(tagged))
    if f.statuses:
        out.append(c.status.in_(list(f.statuses)))
    if f.due_before is not None:
        out.append(c.due_latest <= f.due_before)
    if f.due_after is not None:
        out.append(c.due_latest >= f.due_after)
    return out


def matching_ids(f: ClaimFilter) -> sa.Select[Any]:
    """A subquery of the ids of the claims that match (for export and other readers)."""
    query = sa.select(claim.c.id).select_from(
        claim.join(article, article.c.id == claim.c.article_id)
    )
    return query.where(*conditions(f))


def statement_text() -> sa.ColumnElement[str]:
    """The statement, or the claim text where a claim has none."""
    if STATEMENT_COLUMN == "claim":
        return claim.c.claim
    return sa.func.coalesce(sa.func.nullif(claim.c[STATEMENT_COLUMN], ""), claim.c.claim)


def _order(sort: str) -> list[Any]:
    c = claim.c
    if sort == "id":
        return [c.id]
    if sort == "status":
        return [c.status, c.due_latest, c.id]
    if sort == "resolved":
        return [c.resolved_at.is_(None), c.resolved_at, c.id]
    if sort == "due":
        return [c.due_latest, c.id]
    raise ValueError(f"unknown sort {sort!r} (one of {', '.join(SORTS)})")


def find_claims(
    conn: sa.Connection, f: ClaimFilter, *, sort: str = "due", limit: int | None = None
) -> list[ClaimLine]:
    """The matching claims, sorted, at most ``limit`` of them."""
    c = claim.c
    query = (
        sa.select(
            c.id,
            c.status,
            c.status_by,
            c.due_earliest,
            c.due_latest,
            c.resolved_at,
            c.event_date,
            c.speaker,
            article.c.source,
            statement_text(),
            c.hedge,
            c.probability,
        )
        .select_from(claim.join(article, article.c.id == c.article_id))
        .where(*conditions(f))
        .order_by(*_order(sort))
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        ClaimLine(
            id=row[0],
            status=row[1] or "",
            status_by=row[2] or "",
            due_earliest=_day(row[3]),
            due_latest=_day(row[4]),
            resolved_at=_day(row[5]),
            event_date=_day(row[6]),
            speaker=row[7] or "",
            outlet=row[8] or "",
            statement=row[9] or "",
            hedge=row[10] or "",
            probability=float(row[11] or 0.0),
        )
        for row in conn.execute(query).all()
    ]


def count_claims(conn: sa.Connection, f: ClaimFilter) -> int:
    query = sa.select(sa.func.count()).select_from(matching_ids(f).subquery())
    return int(conn.execute(query).scalar_one())


def tags_of(conn: sa.Connection, claim_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each claim's tags, sorted."""
    out: dict[int, list[str]] = {}
    ids = sorted(set(claim_ids))
    for chunk in chunks(ids):
        rows = conn.execute(
            sa.select(claim_tag.c.claim_id, claim_tag.c.tag)
            .where(claim_tag.c.claim_id.in_(chunk))
            .order_by(claim_tag.c.claim_id, claim_tag.c.tag)
        )
        for claim_id, tag in rows:
            out.setdefault(claim_id, []).append(tag)
    return out


def normalise_tag(tag: str) -> str:
    """Tags compare case-insensitively and without surrounding space."""
    return " ".join(tag.split()).lower()


def _day(value: Any) -> str:
    """A date or timestamp as YYYY-MM-DD ('' for none): SQLite gives text, PostgreSQL objects."""
    if value is None:
        return ""
    return str(value)[:10]


# Statuses that count as an answer for "the most recent month with resolved claims".
DECIDED = ("fulfilled", "unfulfilled")


def latest_resolved_month(conn: sa.Connection, before: date) -> str | None:
    """YYYY-MM of the latest due date before ``before`` among decided claims (None: none)."""
    query = sa.select(sa.func.max(claim.c.due_latest)).where(
        claim.c.status.in_(DECIDED), claim.c.due_latest < before
    )
    value = conn.execute(query).scalar()
    return None if value is None else str(value)[:7]
