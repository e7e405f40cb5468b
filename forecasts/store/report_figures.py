"""The report's figures, aggregated in the database (GROUP BY), on SQLite and PostgreSQL alike.

Every count and sum is computed by SQL; ``forecasts.reports.aggregate`` combines the few
aggregated rows (bins, hedge words, speakers) into scores. A month's claims are those whose due
window closes in it (``due_latest`` within the month): that is when a claim "falls due". "All
time" means every claim due up to the end of the report month, so a past month's report stays
reproducible.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import forecasts.models  # noqa: F401  (registers the tables read below)
from forecasts.reports.model import (
    RESOLVED,
    STATUS_ORDER,
    ClaimRow,
    StatusCounts,
    TrackRecord,
    TrendPoint,
    month_of,
    parse_month,
    shift_month,
)

# Core tables rather than ORM entities: the report reads aggregates, never whole objects.
claim_t = SQLModel.metadata.tables["claim"]


article_t = SQLModel.metadata.tables["article"]


evidence_t = SQLModel.metadata.tables["evidence"]


item_t = SQLModel.metadata.tables["item"]


c = claim_t.c


_resolved = c.status.in_(RESOLVED)


# Constants as SQL literals rather than bound parameters: SQLite then evaluates one constant
# expression per row instead of binding a dozen parameters (these are our numbers, not input).
_ONE: sa.ColumnElement[int] = sa.literal_column("1")


_ZERO: sa.ColumnElement[int] = sa.literal_column("0")


_FZERO: sa.ColumnElement[float] = sa.literal_column("0.0")


_FONE: sa.ColumnElement[float] = sa.literal_column("1.0")


_outcome = sa.case((c.status == "fulfilled", _ONE), else_=_ZERO)


_is_resolved = sa.case((_resolved, _ONE), else_=_ZERO)


_squared_error = sa.case(
    (_resolved, (c.probability - _outcome) * (c.probability - _outcome)), else_=_FZERO
)


def _due_between(start: date, end: date) -> sa.ColumnElement[bool]:
    return c.due_latest.between(start, end)


def _sums() -> list[sa.ColumnElement[Any]]:
    """count, resolved, hits, sum of probability over resolved, sum of squared error: the
    row shape of ``scored_groups`` (the dashboard's speaker and outlet pages group with it)."""
    return [
        sa.func.count().label("n"),
        sa.func.sum(_is_resolved).label("resolved"),
        sa.func.sum(_outcome).label("hits"),
        sa.func.sum(sa.case((_resolved, c.probability), else_=_FZERO)).label("sum_p"),
        sa.func.sum(_squared_error).label("sum_sq"),
    ]


def _outlet_sums() -> list[sa.ColumnElement[Any]]:
    """count, hits, misses and the sum of squared errors of the resolved claims.

    Filtered counts and one CASE on the status: at a million claims this is a quarter cheaper
    than a CASE per figure (resolved, outcome, squared error), and gives the same sums, since
    the rows are added in the same order and (1 - p)² is (p - 1)² exactly.
    """
    return [
        sa.func.count().label("n"),
        sa.func.count().filter(c.status == "fulfilled").label("hits"),
        sa.func.count().filter(c.status == "unfulfilled").label("misses"),
        sa.func.sum(
            sa.case(
                (c.status == "fulfilled", (_FONE - c.probability) * (_FONE - c.probability)),
                (c.status == "unfulfilled", c.probability * c.probability),
                else_=None,
            )
        ).label("sum_sq"),
    ]


def status_counts(conn: Connection, start: date, end: date) -> StatusCounts:
    rows = conn.execute(
        sa.select(c.status, sa.func.count()).where(_due_between(start, end)).group_by(c.status)
    ).all()
    counts = StatusCounts()
    for status, n in rows:
        if status in STATUS_ORDER:
            setattr(counts, status, int(n))
    return counts


def scored_groups(conn: Connection, start: date | None, end: date) -> Sequence[Any]:
    """One pass over the claims due in start..end (all up to ``end`` when start is None),
    grouped by speaker, hedge and probability: calibration and speakers roll up from it.

    One GROUP BY instead of two saves a whole scan of the table for the all-time figures, and
    grouping on plain columns (not a bin expression) lets an index on (speaker, hedge,
    probability, ...) stream the groups without sorting.
    """
    # SQL only counts, per status through FILTER (the index holds status next in line); the
    # sums follow here, from the counts of each group, instead of CASE expressions evaluated
    # for every claim.
    rows = conn.execute(
        sa.select(
            c.speaker,
            c.hedge,
            c.probability,
            sa.func.count(),
            sa.func.count().filter(c.status == "fulfilled"),
            sa.func.count().filter(c.status == "unfulfilled"),
        )
        .where(_due_filter(conn, start, end))
        .group_by(c.speaker, c.hedge, c.probability)
    ).all()
    out = []
    for speaker, hedge, probability, n, hits, misses in rows:
        p = float(probability)
        resolved = hits + misses
        sum_sq = hits * (p - 1) * (p - 1) + misses * p * p
        out.append(_Group(speaker, hedge, probability, n, resolved, hits, p * resolved, sum_sq))
    return out


class _Group(NamedTuple):
    """The claims of one speaker, hedge and probability: counts and sums for the scores."""

    speaker: str
    hedge: str
    probability: float
    n: int
    resolved: int
    hits: int
    sum_p: float
    sum_sq: float


def question_counts(conn: Connection, start: date, end: date) -> tuple[int, int]:
    """How many questions the claims due in start..end are about, and how many of those the
    resolved claims cover."""
    row = conn.execute(
        sa.select(
            sa.func.count(sa.distinct(c.question_id)),
            sa.func.count(sa.distinct(sa.case((_resolved, c.question_id), else_=None))),
        ).where(_due_between(start, end))
    ).one()
    return int(row[0] or 0), int(row[1] or 0)


def _due_filter(conn: Connection, start: date | None, end: date) -> sa.ColumnElement[bool]:
    """Claims due in start..end, or all due up to ``end`` when start is None.

    An all-time filter keeps most rows, yet SQLite's planner (without statistics) would walk
    the due_latest index and fetch each row by rowid: 1M random reads, ten times slower than
    one pass over the table. ``likelihood(x, 0.9)`` tells it the filter is broad. PostgreSQL
    plans from its statistics and needs no hint.
    """
    if start is not None:
        return _due_between(start, end)
    broad = c.due_latest <= end
    if conn.dialect.name == "sqlite":
        return sa.func.likelihood(broad, sa.literal_column("0.9"))
    return broad


def track_record(name: str, n: float, resolved: float, hits: float, sum_sq: float) -> TrackRecord:
    return TrackRecord(
        name=name,
        claims=int(n),
        resolved=int(resolved),
        hits=int(hits),
        hit_rate=hits / resolved if resolved else None,
        brier=sum_sq / resolved if resolved else None,
    )


def by_resolved(records: list[TrackRecord]) -> list[TrackRecord]:
    return sorted(records, key=lambda r: (-r.resolved, -r.claims, r.name))


def outlet_records(conn: Connection, start: date | None, end: date) -> list[TrackRecord]:
    """Per outlet (the article's source), summed per article first and then per outlet.

    Grouping the claims by article before joining means one article lookup per article, not
    per claim. For a month, the due_latest index finds the few claims (grouping them by
    ``article_id + 0`` keeps SQLite off the article_id index's row-by-row walk); for all time,
    the covering index (article_id, due_latest, status, probability) streams the groups in
    order, with no sort of a million rows and no table reads.
    """
    article = c.article_id if start is None else c.article_id + _ZERO
    per_article = (
        sa.select(article.label("aid"), *_outlet_sums())
        .where(_due_filter(conn, start, end))
        .group_by(article)
        .subquery("per_article")
    )
    g = per_article.c
    source = article_t.c.source
    query = (
        sa.select(
            source,
            sa.func.sum(g.n).label("n"),
            sa.func.sum(g.hits).label("hits"),
            sa.func.sum(g.misses).label("misses"),
            sa.func.sum(g.sum_sq).label("sum_sq"),
        )
        .select_from(per_article.join(article_t, article_t.c.id == g.aid))
        .group_by(source)
    )
    if start is None and conn.dialect.name == "postgresql":
        # PostgreSQL's estimates favour hashing the million claims by article (0.65 s on two
        # cores, 1.1 s in one process at 1M claims) over streaming the groups in the covering
        # index's order (0.28 s); like likelihood() for SQLite, a hint scoped to this query.
        conn.exec_driver_sql("SET LOCAL enable_hashagg = off")
        try:
            rows = conn.execute(query).all()
        finally:
            conn.exec_driver_sql("RESET enable_hashagg")
    else:
        rows = conn.execute(query).all()
    return by_resolved(
        [
            track_record(
                row.source or "(unknown)",
                int(row.n),
                int(row.hits or 0) + int(row.misses or 0),
                int(row.hits or 0),
                float(row.sum_sq or 0),
            )
            for row in rows
        ]
    )


def trend(conn: Connection, month: str, months: int = 12) -> list[TrendPoint]:
    """Hit rate and Brier score per month for the ``months`` months ending with ``month``.

    SQL counts the claims per day, status and probability: those are the leading columns of
    the (due_latest, status, probability, ...) index, so the groups stream in index order with
    no sort and no per-row expression (a CASE labelling each row's month cost four times as
    much at a million claims). The few thousand groups roll up into months here.
    """
    labels = [shift_month(month, -k) for k in range(months - 1, -1, -1)]
    first, last = parse_month(labels[0])[0], parse_month(labels[-1])[1]
    # A year of claims is a broad slice of most databases: scan, don't walk the index.
    where = _due_between(first, last)
    if conn.dialect.name == "sqlite":
        where = sa.func.likelihood(where, sa.literal_column("0.9"))
    rows = conn.execute(
        sa.select(c.due_latest, c.status, c.probability, sa.func.count())
        .where(where)
        .group_by(c.due_latest, c.status, c.probability)
    ).all()
    acc = {label: [0, 0, 0, 0.0] for label in labels}  # due, resolved, hits, squared error
    for due, status, probability, n in rows:
        a = acc[month_of(due)]
        a[0] += n
        if status in RESOLVED:
            p = float(probability)
            a[1] += n
            if status == "fulfilled":
                a[2] += n
                a[3] += n * (p - 1) * (p - 1)
            else:
                a[3] += n * p * p
    points = []
    for label in labels:
        due_n, resolved, hits, sum_sq = acc[label]
        points.append(
            TrendPoint(
                month=label,
                due=int(due_n),
                resolved=int(resolved),
                hits=int(hits),
                hit_rate=hits / resolved if resolved else None,
                brier=sum_sq / resolved if resolved else None,
            )
        )
    return points


_claim_columns = (
    c.id,
    c.claim,
    c.event,
    c.speaker,
    article_t.c.source,
    c.hedge,
    c.probability,
    c.due_earliest,
    c.due_latest,
    c.status,
    c.event_date,
    article_t.c.url,
)


def _claim_select() -> sa.Select[Any]:
    return sa.select(*_claim_columns).select_from(
        claim_t.join(article_t, c.article_id == article_t.c.id)
    )


def _rows(conn: Connection, query: sa.Select[Any]) -> list[ClaimRow]:
    rows = [
        ClaimRow(
            id=r[0],
            claim=r[1],
            event=r[2],
            speaker=r[3],
            outlet=r[4],
            hedge=r[5],
            probability=float(r[6]),
            due_earliest=r[7],
            due_latest=r[8],
            status=r[9],
            event_date=r[10],
            article_url=r[11],
        )
        for r in conn.execute(query).all()
    ]
    links = evidence_links(conn, [r.id for r in rows])
    for row in rows:
        row.evidence_url = links.get(row.id, "")
    return rows


def evidence_links(conn: Connection, claim_ids: Sequence[int]) -> dict[int, str]:
    """The best evidence link per claim: fulfilment before counter before signal, then score."""
    if not claim_ids:
        return {}
    e = evidence_t.c
    kind_rank = sa.case((e.kind == "fulfilment", 0), (e.kind == "counter", 1), else_=2)
    link = sa.func.coalesce(sa.func.nullif(e.url, ""), item_t.c.link, "")
    rows = conn.execute(
        sa.select(e.claim_id, link)
        .select_from(evidence_t.outerjoin(item_t, e.item_id == item_t.c.id))
        .where(e.claim_id.in_(list(claim_ids)))
        .order_by(e.claim_id, kind_rank, e.score.desc(), e.id)
    ).all()
    best: dict[int, str] = {}
    for claim_id, url in rows:
        if url and claim_id not in best:
            best[claim_id] = url
    return best


def _status_rank() -> sa.ColumnElement[int]:
    return sa.case(
        *[(c.status == s, i) for i, s in enumerate(STATUS_ORDER)], else_=len(STATUS_ORDER)
    )


def _listing(
    conn: Connection, where: Sequence[sa.ColumnElement[bool]], order: Sequence[Any], limit: int
) -> list[ClaimRow]:
    """The first ``limit`` claims in ``order``: ids first, then the rows of those claims only.

    Choosing the ids reads only the (due_latest, status, probability, ...) index, which holds
    every column the filters and orders use; a month's thousands of claims are then no longer
    read from the table and joined to their articles only to be cut to a page.
    """
    page = sa.select(c.id).where(*where).order_by(*order).limit(limit).subquery("page")
    return _rows(conn, _claim_select().join(page, page.c.id == c.id).order_by(*order))


def claims_due(conn: Connection, start: date, end: date, limit: int) -> list[ClaimRow]:
    return _listing(conn, [_due_between(start, end)], [_status_rank(), c.due_latest, c.id], limit)


def overconfident_misses(conn: Connection, start: date, end: date, limit: int) -> list[ClaimRow]:
    """Claims given more than even odds that did not come true, most confident first."""
    where = [_due_between(start, end), c.status == "unfulfilled", c.probability > 0.5]
    return _listing(conn, where, [c.probability.desc(), c.id], limit)


def surprises(conn: Connection, start: date, end: date, limit: int) -> list[ClaimRow]:
    """Claims given less than even odds that came true, least expected first."""
    where = [_due_between(start, end), c.status == "fulfilled", c.probability < 0.5]
    return _listing(conn, where, [c.probability, c.id], limit)
