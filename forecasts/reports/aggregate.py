"""The report's figures, aggregated in the database (GROUP BY), on SQLite and PostgreSQL alike.

Every count and sum is computed by SQL; Python only combines the few aggregated rows (bins,
hedge words, speakers) into scores. A month's claims are those whose due window closes in it
(``due_latest`` within the month): that is when a claim "falls due". "All time" means every
claim due up to the end of the report month, so a past month's report stays reproducible.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

import forecasts.models  # noqa: F401  (registers the tables read below)
from forecasts.reports.model import (
    RESOLVED,
    STATUS_ORDER,
    Calibration,
    ClaimRow,
    HedgeCalibration,
    MonthlyReport,
    StatusCounts,
    TrackRecord,
    TrendPoint,
    parse_month,
    shift_month,
)
from forecasts.reports.scores import (
    N_BINS,
    BinStats,
    bin_edges,
    calibration_bins,
    decompose,
    wilson_interval,
)

# Core tables rather than ORM entities: the report reads aggregates, never whole objects.
claim_t = SQLModel.metadata.tables["claim"]
article_t = SQLModel.metadata.tables["article"]
evidence_t = SQLModel.metadata.tables["evidence"]
item_t = SQLModel.metadata.tables["item"]
c = claim_t.c

_resolved = c.status.in_(RESOLVED)
_outcome = sa.case((c.status == "fulfilled", 1), else_=0)
_is_resolved = sa.case((_resolved, 1), else_=0)
_squared_error = sa.case(
    (_resolved, (c.probability - _outcome) * (c.probability - _outcome)), else_=0.0
)


def bucket_expr(n_bins: int = N_BINS) -> sa.ColumnElement[int]:
    """The probability bin as a portable CASE over the literal edges (see scores.bucket_index)."""
    edges = bin_edges(n_bins)
    whens = [(c.probability < edges[k + 1], k) for k in range(n_bins - 1)]
    return sa.case(*whens, else_=n_bins - 1)


def _due_between(start: date, end: date) -> sa.ColumnElement[bool]:
    return c.due_latest.between(start, end)


def _sums() -> list[sa.ColumnElement[Any]]:
    """count, resolved, hits, sum of probability over resolved, sum of squared error."""
    return [
        sa.func.count().label("n"),
        sa.func.sum(_is_resolved).label("resolved"),
        sa.func.sum(sa.case((c.status == "fulfilled", 1), else_=0)).label("hits"),
        sa.func.sum(sa.case((_resolved, c.probability), else_=0.0)).label("sum_p"),
        sa.func.sum(_squared_error).label("sum_sq"),
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


def _bins_and_hedges(rows: Iterable[Any]) -> Calibration:
    """Roll (bucket, hedge) sums up into reliability bins, hedge words and the decomposition."""
    bins: dict[int, list[float]] = {}
    hedges: dict[str, list[float]] = {}
    for row in rows:
        for key, acc in ((int(row.bucket), bins), (row.hedge or "(none)", hedges)):
            a = acc.setdefault(key, [0, 0, 0.0, 0.0])  # type: ignore[arg-type]
            a[0] += int(row.n)
            a[1] += int(row.hits or 0)
            a[2] += float(row.sum_p or 0)
            a[3] += float(row.sum_sq or 0)
    stats = [BinStats(k, int(a[0]), int(a[1]), a[2], a[3]) for k, a in sorted(bins.items())]
    words = []
    for word, a in hedges.items():
        n, hits = int(a[0]), int(a[1])
        low, high = wilson_interval(hits, n) or (0.0, 1.0)
        words.append(
            HedgeCalibration(
                hedge=word,
                mean_probability=a[2] / n,
                count=n,
                hits=hits,
                observed=hits / n,
                wilson_low=low,
                wilson_high=high,
                brier=a[3] / n,
            )
        )
    words.sort(key=lambda h: (-h.mean_probability, -h.count, h.hedge))
    return Calibration(decomposition=decompose(stats), bins=calibration_bins(stats), hedges=words)


def calibration(conn: Connection, start: date | None, end: date) -> Calibration:
    """Resolved claims due in start..end (all up to ``end`` when start is None), by bin and hedge."""
    bucket = bucket_expr().label("bucket")
    where = _resolved & (c.due_latest <= end)
    if start is not None:
        where = where & (c.due_latest >= start)
    rows = conn.execute(
        sa.select(
            bucket,
            c.hedge,
            sa.func.count().label("n"),
            sa.func.sum(_outcome).label("hits"),
            sa.func.sum(c.probability).label("sum_p"),
            sa.func.sum(_squared_error).label("sum_sq"),
        )
        .where(where)
        .group_by(bucket, c.hedge)
    ).all()
    return _bins_and_hedges(rows)


def _record(name: str, a: Sequence[float]) -> TrackRecord:
    n, resolved, hits = int(a[0]), int(a[1]), int(a[2])
    return TrackRecord(
        name=name,
        claims=n,
        resolved=resolved,
        hits=hits,
        hit_rate=hits / resolved if resolved else None,
        brier=a[4] / resolved if resolved else None,
    )


def track_records(
    conn: Connection, start: date | None, end: date
) -> tuple[list[TrackRecord], list[TrackRecord]]:
    """Per speaker and per outlet: one GROUP BY (speaker, outlet), rolled up both ways."""
    where = c.due_latest <= end
    if start is not None:
        where = where & (c.due_latest >= start)
    source = article_t.c.source
    rows = conn.execute(
        sa.select(c.speaker, source, *_sums())
        .select_from(claim_t.join(article_t, c.article_id == article_t.c.id))
        .where(where)
        .group_by(c.speaker, source)
    ).all()
    speakers: dict[str, list[float]] = {}
    outlets: dict[str, list[float]] = {}
    for row in rows:
        values = (row.n, row.resolved, row.hits, row.sum_p, row.sum_sq)
        for key, acc in (
            (row.speaker or "(unattributed)", speakers),
            (row[1] or "(unknown)", outlets),
        ):
            a = acc.setdefault(key, [0, 0, 0, 0.0, 0.0])
            for i, v in enumerate(values):
                a[i] += float(v or 0)

    def ordered(acc: dict[str, list[float]]) -> list[TrackRecord]:
        records = [_record(k, a) for k, a in acc.items()]
        return sorted(records, key=lambda r: (-r.resolved, -r.claims, r.name))

    return ordered(speakers), ordered(outlets)


def trend(conn: Connection, month: str, months: int = 12) -> list[TrendPoint]:
    """Hit rate and Brier score per month for the ``months`` months ending with ``month``."""
    labels = [shift_month(month, -k) for k in range(months - 1, -1, -1)]
    bounds = [parse_month(m) for m in labels]
    month_label = sa.case(
        *[(c.due_latest <= end, label) for label, (_, end) in zip(labels, bounds, strict=True)],
        else_=None,
    ).label("month")
    rows = conn.execute(
        sa.select(month_label, *_sums())
        .where(_due_between(bounds[0][0], bounds[-1][1]))
        .group_by(month_label)
    ).all()
    by_month = {row.month: row for row in rows}
    points = []
    for label in labels:
        row = by_month.get(label)
        resolved = int(row.resolved or 0) if row else 0
        hits = int(row.hits or 0) if row else 0
        points.append(
            TrendPoint(
                month=label,
                due=int(row.n) if row else 0,
                resolved=resolved,
                hits=hits,
                hit_rate=hits / resolved if resolved else None,
                brier=float(row.sum_sq) / resolved if row and resolved else None,
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


def claims_due(conn: Connection, start: date, end: date, limit: int) -> list[ClaimRow]:
    return _rows(
        conn,
        _claim_select()
        .where(_due_between(start, end))
        .order_by(_status_rank(), c.due_latest, c.id)
        .limit(limit),
    )


def overconfident_misses(conn: Connection, start: date, end: date, limit: int) -> list[ClaimRow]:
    """Claims given more than even odds that did not come true, most confident first."""
    return _rows(
        conn,
        _claim_select()
        .where(_due_between(start, end), c.status == "unfulfilled", c.probability > 0.5)
        .order_by(c.probability.desc(), c.id)
        .limit(limit),
    )


def surprises(conn: Connection, start: date, end: date, limit: int) -> list[ClaimRow]:
    """Claims given less than even odds that came true, least expected first."""
    return _rows(
        conn,
        _claim_select()
        .where(_due_between(start, end), c.status == "fulfilled", c.probability < 0.5)
        .order_by(c.probability, c.id)
        .limit(limit),
    )


def build_report(
    engine: Engine,
    month: str,
    *,
    now: datetime,
    timezone: str,
    listing_limit: int = 100,
    highlights: int = 10,
) -> MonthlyReport:
    """Every figure of ``month``'s report, read in one transaction."""
    start, end = parse_month(month)
    next_month = shift_month(month, 1)
    next_start, next_end = parse_month(next_month)
    with engine.connect() as conn:
        speakers_m, outlets_m = track_records(conn, start, end)
        speakers_a, outlets_a = track_records(conn, None, end)
        return MonthlyReport(
            month=month,
            start=start,
            end=end,
            generated_at=now,
            timezone=timezone,
            counts=status_counts(conn, start, end),
            claims=claims_due(conn, start, end, listing_limit),
            calibration=calibration(conn, start, end),
            all_time=calibration(conn, None, end),
            speakers_month=speakers_m,
            outlets_month=outlets_m,
            speakers_all_time=speakers_a,
            outlets_all_time=outlets_a,
            overconfident_misses=overconfident_misses(conn, start, end, highlights),
            surprises=surprises(conn, start, end, highlights),
            trend=trend(conn, month),
            next_month=next_month,
            next_month_counts=status_counts(conn, next_start, next_end),
            next_month_claims=claims_due(conn, next_start, next_end, listing_limit),
            listing_limit=listing_limit,
        )
