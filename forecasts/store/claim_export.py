"""The export's query: every claim with its article, speaker, hedge, window, status and evidence.

Rows are streamed from the database in chunks, with each chunk's evidence fetched in one
query, so an export of millions of claims runs in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from forecasts.store.report_figures import article_t, claim_t, evidence_t, item_t

CHUNK = 2000

FIELDS = [
    "id",
    "claim",
    "sentence",
    "event",
    "event_type",
    "actors",
    "location",
    "speaker",
    "hedge",
    "probability",
    "polarity",
    "time_expression",
    "due_earliest",
    "due_latest",
    "due_basis",
    "status",
    "status_by",
    "event_date",
    "resolved_at",
    "article_id",
    "article_title",
    "article_source",
    "article_url",
    "article_reference_date",
    "evidence",
]

_columns = [
    claim_t.c[name] for name in FIELDS if name in claim_t.c and name not in ("article_id",)
] + [
    claim_t.c.article_id,
    article_t.c.title.label("article_title"),
    article_t.c.source.label("article_source"),
    article_t.c.url.label("article_url"),
    article_t.c.reference_date.label("article_reference_date"),
]


def iter_claims(
    engine: Engine,
    *,
    statuses: Sequence[str] = (),
    since: date | None = None,
    claim_ids: sa.Select[Any] | None = None,
) -> Iterator[dict[str, Any]]:
    """Every claim (optionally only these statuses, made on/after ``since``, or whose id
    ``claim_ids`` selects: the filters of `forecasts claims`), by id."""
    query = sa.select(*_columns).select_from(
        claim_t.join(article_t, claim_t.c.article_id == article_t.c.id)
    )
    if statuses:
        query = query.where(claim_t.c.status.in_(list(statuses)))
    if since is not None:
        query = query.where(article_t.c.reference_date >= since)
    if claim_ids is not None:
        query = query.where(claim_t.c.id.in_(claim_ids))
    query = query.order_by(claim_t.c.id)
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=CHUNK).execute(query)
        for chunk in result.partitions():
            rows = [dict(r._mapping) for r in chunk]
            evidence = _evidence(conn, [r["id"] for r in rows])
            for row in rows:
                row["evidence"] = evidence.get(row["id"], [])
                yield {name: row[name] for name in FIELDS}


def _evidence(conn: sa.Connection, claim_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    e = evidence_t.c
    link = sa.func.coalesce(sa.func.nullif(e.url, ""), item_t.c.link, "").label("url")
    rows = conn.execute(
        sa.select(e.claim_id, e.kind, link, e.score, e.rule, item_t.c.title)
        .select_from(evidence_t.outerjoin(item_t, e.item_id == item_t.c.id))
        .where(e.claim_id.in_(claim_ids))
        .order_by(e.claim_id, e.score.desc(), e.id)
    ).all()
    out: dict[int, list[dict[str, Any]]] = {}
    for claim_id, kind, url, score, rule, title in rows:
        out.setdefault(claim_id, []).append(
            {"kind": kind, "url": url, "score": score, "rule": rule, "title": title or ""}
        )
    return out
