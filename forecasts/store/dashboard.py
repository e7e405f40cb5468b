"""Queries behind the web dashboard: filtered, sorted, paged claim lists and small summaries.

Everything here reads; decisions go through ``verdicts.views.resolve`` and feeds through
``store.feeds``. Lists are paged in SQL (LIMIT/OFFSET with a COUNT for the total) and return
plain rows, never whole ORM objects, so a page costs the same at 1,000 claims as at 100,000.
Statuses are whatever the claim table holds: nothing here lists them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import forecasts.models  # noqa: F401  (registers the tables read below)
from forecasts.store.report_figures import _sums

claim_t = SQLModel.metadata.tables["claim"]
article_t = SQLModel.metadata.tables["article"]
history_t = SQLModel.metadata.tables["claim_history"]
c = claim_t.c
a = article_t.c

# The sort keys a list accepts, each with its SQL order (the id breaks ties: stable pages).
SORTS: dict[str, tuple[sa.ColumnElement[Any], ...]] = {
    "due": (c.due_latest, c.id),
    "-due": (c.due_latest.desc(), c.id.desc()),
    "id": (c.id,),
    "-id": (c.id.desc(),),
    "probability": (c.probability, c.id),
    "-probability": (c.probability.desc(), c.id),
    "speaker": (c.speaker, c.id),
    "status": (c.status, c.due_latest, c.id),
}

_LIST_COLUMNS = (
    c.id,
    c.claim,
    c.speaker,
    a.source.label("outlet"),
    c.hedge,
    c.probability,
    c.due_earliest,
    c.due_latest,
    c.status,
    c.status_by,
    c.event_date,
)


@dataclass(frozen=True)
class ClaimFilter:
    """What a claims list shows: the CLI's filters, a sort key and a page."""

    status: str | None = None
    text: str = ""
    speaker: str = ""
    outlet: str = ""
    due_after: date | None = None
    due_before: date | None = None
    sort: str = "due"
    page: int = 1
    per_page: int = 50


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (wildcards in input escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column: Any, pattern: str, dialect: str) -> sa.ColumnElement[bool]:
    # SQLite's LIKE already ignores ASCII case; ilike there would wrap both sides in lower(),
    # which costs a function call per row of a 100,000-row scan.
    if dialect == "sqlite":
        return column.like(pattern, escape="\\")  # type: ignore[no-any-return]
    return column.ilike(pattern, escape="\\")  # type: ignore[no-any-return]


def _where(f: ClaimFilter, dialect: str) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = []
    if f.status:
        where.append(c.status == f.status)
    if f.text:
        pattern = _like(f.text)
        where.append(
            sa.or_(_contains(c.claim, pattern, dialect), _contains(c.sentence, pattern, dialect))
        )
    if f.speaker:
        where.append(c.speaker == f.speaker)
    if f.outlet:
        where.append(a.source == f.outlet)
    if f.due_after is not None:
        where.append(c.due_latest >= f.due_after)
    if f.due_before is not None:
        where.append(c.due_latest <= f.due_before)
    return where


def _joined() -> Any:
    return claim_t.join(article_t, c.article_id == a.id)


def list_claims(conn: Connection, f: ClaimFilter) -> tuple[list[dict[str, Any]], int]:
    """One page of claims matching ``f`` (plain dicts) and how many match in all."""
    where = _where(f, conn.dialect.name)
    order = SORTS.get(f.sort, SORTS["due"])
    # The page's ids first, from the claim table alone (its indexes cover the sort keys, so a
    # deep OFFSET skips index entries, not joined rows), then those rows with their outlet.
    source = _joined() if f.outlet else claim_t  # only the outlet filter needs the article
    page = (
        sa.select(c.id)
        .select_from(source)
        .where(*where)
        .order_by(*order)
        .limit(f.per_page)
        .offset((f.page - 1) * f.per_page)
    )
    rows = conn.execute(
        sa.select(*_LIST_COLUMNS).select_from(_joined()).where(c.id.in_(page)).order_by(*order)
    ).mappings()
    out = [dict(r) for r in rows]
    total = conn.execute(sa.select(sa.func.count()).select_from(source).where(*where))
    return out, int(total.scalar_one())


def counts_by_status(conn: Connection) -> dict[str, int]:
    rows = conn.execute(sa.select(c.status, sa.func.count()).group_by(c.status)).all()
    return {status: int(n) for status, n in sorted(rows)}


def due_between(
    conn: Connection, first: date, last: date, statuses: tuple[str, ...], limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Claims in ``statuses`` whose window closes in first..last, soonest first, and their count."""
    where = [c.due_latest.between(first, last), c.status.in_(statuses)]
    rows = conn.execute(
        sa.select(*_LIST_COLUMNS)
        .select_from(_joined())
        .where(*where)
        .order_by(c.due_latest, c.id)
        .limit(limit)
    ).mappings()
    total = conn.execute(sa.select(sa.func.count()).select_from(claim_t).where(*where)).scalar_one()
    return [dict(r) for r in rows], int(total)


def latest_changes(conn: Connection, limit: int) -> list[dict[str, Any]]:
    """The newest status changes (the audit trail), with each claim's text."""
    h = history_t.c
    recent = sa.select(h.id).order_by(h.id.desc()).limit(limit).subquery()
    rows = conn.execute(
        sa.select(
            h.claim_id,
            h.at,
            h.from_status,
            h.to_status,
            h.by,
            h.reason,
            c.claim,
        )
        .select_from(history_t.join(claim_t, h.claim_id == c.id))
        .where(h.id.in_(sa.select(recent.c.id)))
        .order_by(h.id.desc())
    ).mappings()
    return [dict(r) for r in rows]


def scored_groups_for(conn: Connection, *, speaker: str = "", outlet: str = "") -> list[Any]:
    """Sums per (hedge, probability) of one speaker's or one outlet's claims, all time.

    The same row shape as ``store.report_figures.scored_groups``, so the report's own
    ``calibration`` and ``speaker_records`` turn them into bins, hedge words and a record.
    """
    # The name as the "speaker" of every row: an outlet's claims roll up into one record.
    name = sa.literal(outlet or speaker).label("speaker")
    query = sa.select(name, c.hedge, c.probability, *_sums())
    if outlet:
        query = query.select_from(_joined()).where(a.source == outlet)
    else:
        query = query.where(c.speaker == speaker)
    return list(conn.execute(query.group_by(c.hedge, c.probability)).all())


def article_text(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """The article a claim came from: title, outlet, URL, reference date and text."""
    row = (
        conn.execute(
            sa.select(a.id, a.title, a.source, a.url, a.reference_date, a.text).where(
                a.id == article_id
            )
        )
        .mappings()
        .first()
    )
    return dict(row) if row is not None else None
