"""Claims, their history, their evidence and the verification index: every query about them.

Status changes go only through ``change_status``: it writes a ``ClaimHistory`` row for every
change, and an automatic decision (``by="auto"``) never overrides one a user made.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from forecasts.errors import InputError, NotFoundError
from forecasts.models import Article, Claim, ClaimHistory, ClaimStatus, Evidence, Item, claim_fields
from forecasts.models.core import UTCDateTime
from forecasts.models.verify import ClaimKey, ClaimPrepared, VerifyCursor
from forecasts.store import chunks

# Statuses the automatic judge still works on (a claim in review may yet get decisive news).
ACTIVE: tuple[str, ...] = (ClaimStatus.OPEN.value, ClaimStatus.NEEDS_REVIEW.value)
# Statuses whose claims stay indexed and judged: an unresolved claim (its window closed with
# nothing covering it) is decided after all when evidence arrives later.
JUDGED: tuple[str, ...] = (*ACTIVE, ClaimStatus.UNRESOLVED.value)
# Statuses that close a claim: they carry a resolution time.
RESOLVED: frozenset[str] = frozenset(
    {
        ClaimStatus.FULFILLED.value,
        ClaimStatus.UNFULFILLED.value,
        ClaimStatus.NOT_VERIFIABLE.value,
        ClaimStatus.VOID.value,
    }
)
BY_VALUES = frozenset({"auto", "user"})
# A user acting through a channel other than the CLI: "user via web".
VIA = " via "


def audited(by: str, reason: str) -> tuple[str, str]:
    """The ``by`` and ``reason`` a history row records for the actor ``by``.

    ``by`` is "auto", "user", or a user through a channel ("user via web"). The row keeps the
    role (what the rules read: a user's decision is final for the judge, however it came) and
    names the channel once, at the end of its reason: ("user", "seen (user via web)").
    """
    role, via, channel = by.partition(VIA)
    if role not in BY_VALUES or (via and (role != "user" or not channel)):
        raise ValueError(f"by must be 'auto', 'user' or 'user via CHANNEL', not {by!r}")
    if not via:
        return role, reason
    mark = f" ({by})"
    return role, reason if reason.endswith(mark) else reason + mark


def change_status(
    session: Session,
    claim: Claim,
    to_status: str,
    *,
    by: str,
    reason: str,
    evidence: list[dict[str, Any]],
    now: datetime,
    event_date: date | None = None,
) -> None:
    """Move a claim to ``to_status`` and record it; auto never overrides a user's decision.

    An automatic change to the status the claim already has is not a change and writes nothing.
    A user's decision is always recorded (confirming a status makes it the user's). Reopening
    (to ``open``) clears the resolution and hands the claim back to the automatic judge.
    """
    by, reason = audited(by, reason)
    if to_status not in {s.value for s in ClaimStatus}:
        raise InputError(f"unknown status {to_status!r}")
    if by == "auto" and claim.status_by == "user":
        return
    if by == "auto" and claim.status == to_status:
        return
    session.add(
        ClaimHistory(
            claim_id=_id(claim),
            at=now,
            from_status=claim.status,
            to_status=to_status,
            by=by,
            reason=reason,
            evidence=list(evidence),
        )
    )
    claim.status = to_status
    if to_status == ClaimStatus.OPEN.value:
        claim.status_by = "auto"
        claim.resolved_at = None
        claim.event_date = None
    else:
        claim.status_by = by
        claim.resolved_at = now if to_status in RESOLVED else None
        claim.event_date = event_date if to_status == ClaimStatus.FULFILLED.value else None
    session.add(claim)


def _id(claim: Claim) -> int:
    if claim.id is None:
        raise ValueError("claim has no id: add and flush it first")
    return claim.id


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    return claim


def list_claims(session: Session, status: str | None = None) -> list[Claim]:
    query = select(Claim).order_by(col(Claim.id))
    if status is not None:
        query = query.where(Claim.status == status)
    return list(session.exec(query).all())


def active_claims(session: Session, ids: Iterable[int]) -> list[Claim]:
    ids = sorted(set(ids))
    out: list[Claim] = []
    for chunk in chunks(ids):
        query = select(Claim).where(col(Claim.id).in_(chunk), col(Claim.status).in_(ACTIVE))
        out.extend(session.exec(query).all())
    return out


def judged_claim_rows(session: Session, ids: Iterable[int]) -> list[tuple[Any, ...]]:
    """What the judge needs of judged claims (active or unresolved), as plain tuples: the id,
    the fields of ``JUDGED_ROW`` in that order (``actors`` a tuple, dates as dates), then the
    stored prepared form's version and body (None, None when there is none).

    Tuples, not ORM objects: a pass at a million open claims reads tens of thousands of them,
    each at a random place; the JSON and date columns come back as the database stores them
    and are converted here, faster than SQLAlchemy's result processors (a regular expression
    per SQLite date). A chunk's rows are converted column by column: each distinct date text
    and actor list is parsed once, and the rows are rebuilt by ``zip`` (a row at a time, this
    cost more than SQLite's own reads).
    """
    ids = sorted(set(ids))
    out: list[tuple[Any, ...]] = []
    dates = _Parsed(_date)
    lists = _Parsed(_tuple)
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    for chunk in chunks(ids):
        rows: Sequence[Sequence[Any]]
        if sqlite:
            # The driver's own cursor in the session's transaction: its plain tuples, without
            # SQLAlchemy's row objects (a fifth of the read at a million claims).
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(_JUDGED_SQLITE.format(",".join("?" * len(chunk))), list(chunk))
                rows = cursor.fetchall()
            finally:
                cursor.close()
        else:
            rows = conn.execute(_JUDGED_QUERY, {"ids": list(chunk)}).all()
        judged = [row for row in rows if row[-1] in JUDGED]
        if not judged:
            continue
        columns: list[Any] = list(zip(*judged, strict=True))
        for at in _DATE_AT:
            columns[at] = map(dates.__getitem__, columns[at])
        for at in _LIST_AT:
            if any(value.__class__ is list for value in columns[at]):  # PostgreSQL: parsed
                columns[at] = [tuple(value or ()) for value in columns[at]]
            else:
                columns[at] = map(lists.__getitem__, columns[at])
        out.extend(zip(*columns[:-1], strict=True))  # the status left out
    return out


class _Parsed(dict[Any, Any]):
    """Raw column values and what they parse to: each distinct value parsed once."""

    def __init__(self, parse: Callable[[Any], Any]) -> None:
        super().__init__()
        self._parse = parse

    def __missing__(self, value: Any) -> Any:
        parsed = self[value] = self._parse(value)
        return parsed


def _date(value: Any) -> Any:
    """SQLite's ISO text as a date; a date (PostgreSQL) or None as it is."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _tuple(value: Any) -> tuple[Any, ...]:
    """A JSON list column's text (SQLite) as a tuple; None as an empty one."""
    if not isinstance(value, str):
        return tuple(value or ())
    if value.startswith('["') and value.endswith('"]') and "\\" not in value:
        # A list of plain strings as json.dumps writes it, the common case, split without
        # the parser (twice as fast): with no escape in the text every quote delimits a
        # string, so split at the separators, the parts hold none (two quotes each).
        parts = value[2:-2].split('", "')
        if value.count('"') == 2 * len(parts):
            return tuple(parts)
    return tuple(json.loads(value))


# The columns of a judged claim row after its id; where JSON (lists) and dates come back raw.
JUDGED_ROW: tuple[str, ...] = (*claim_fields.FACT_NAMES, "reference_date")
_JUDGED_COLUMNS: tuple[Any, ...] = (
    *(getattr(Claim, name) for name in claim_fields.FACT_NAMES),
    Article.reference_date,
)
_LIST_AT = tuple(1 + i for i, c in enumerate(_JUDGED_COLUMNS) if isinstance(c.type, sa.JSON))
_DATE_AT = tuple(1 + i for i, c in enumerate(_JUDGED_COLUMNS) if isinstance(c.type, sa.Date))


def _raw(column: Any) -> Any:
    """``column`` without SQLAlchemy's result processing for JSON and dates (converted by
    ``judged_claim_rows``, faster); other columns as they are."""
    if isinstance(column.type, sa.JSON | sa.Date):
        return sa.type_coerce(col(column), sa.String)
    return col(column)


# Built once, the ids bound as one expanding parameter: an IN list of literal values is
# coerced value by value each time the statement is built.
_JUDGED_QUERY = (
    sa.select(
        col(Claim.id),
        *(_raw(column) for column in _JUDGED_COLUMNS),
        col(ClaimPrepared.version),
        col(ClaimPrepared.body),
        # Filtered in Python, not in SQL: with the status in the WHERE clause SQLite searched
        # the status index for every (status, id) pair, three probes of another index a claim.
        col(Claim.status),
    )
    .join(Article, col(Article.id) == col(Claim.article_id))
    .outerjoin(ClaimPrepared, col(ClaimPrepared.claim_id) == col(Claim.id))
    .where(col(Claim.id).in_(sa.bindparam("ids", expanding=True)))
)

# The same query as SQLite's text, its id list to be filled with one "?" per id.
_JUDGED_SQLITE = (
    str(_JUDGED_QUERY.compile(dialect=sqlite_dialect.dialect()))
    .replace("{", "{{")
    .replace("}", "}}")
    .replace("(__[POSTCOMPILE_ids])", "({})")
)
assert _JUDGED_SQLITE.count("({})") == 1 and "?" not in _JUDGED_SQLITE


def unchecked_claims(session: Session, limit: int = 1000) -> list[Claim]:
    """Active claims no pass has looked at yet (new, or reopened): found through the index on
    ``checked_at``, so a pass costs nothing per claim already seen."""
    query = (
        select(Claim)
        .where(col(Claim.checked_at).is_(None), col(Claim.status).in_(ACTIVE))
        .order_by(col(Claim.id))
        .limit(limit)
    )
    return list(session.exec(query).all())


def overdue_claims(session: Session, before: date) -> list[Claim]:
    """Open claims (decided by no user) whose window closed before ``before``."""
    query = (
        select(Claim)
        .where(
            Claim.status == ClaimStatus.OPEN.value,
            Claim.status_by == "auto",
            col(Claim.due_latest) < before,
        )
        .order_by(col(Claim.id))
    )
    return list(session.exec(query).all())


def reference_dates(session: Session, article_ids: Iterable[int]) -> dict[int, date]:
    ids = sorted(set(article_ids))
    out: dict[int, date] = {}
    for chunk in chunks(ids):
        rows = session.exec(
            select(col(Article.id), col(Article.reference_date)).where(col(Article.id).in_(chunk))
        ).all()
        out.update({aid: ref for aid, ref in rows if aid is not None})
    return out


def history(session: Session, claim_id: int) -> list[ClaimHistory]:
    query = (
        select(ClaimHistory)
        .where(ClaimHistory.claim_id == claim_id)
        .order_by(col(ClaimHistory.at), col(ClaimHistory.id))
    )
    return list(session.exec(query).all())


def evidence_for(session: Session, claim_id: int) -> list[tuple[Evidence, Item | None]]:
    """A claim's evidence, strongest first, each with its item (None for a URL given by hand)."""
    query = (
        select(Evidence, Item)
        .join(Item, col(Evidence.item_id) == col(Item.id), isouter=True)
        .where(Evidence.claim_id == claim_id)
        .order_by(col(Evidence.score).desc(), col(Evidence.id))
    )
    return [(ev, item) for ev, item in session.exec(query).all()]


def claims_by_id(session: Session, ids: Iterable[int]) -> dict[int, Claim]:
    """Claims by id, read in chunks (one query per 500)."""
    wanted = sorted(set(ids))
    out: dict[int, Claim] = {}
    for chunk in chunks(wanted):
        for claim in session.exec(select(Claim).where(col(Claim.id).in_(chunk))).all():
            assert claim.id is not None
            out[claim.id] = claim
    return out


def evidence_for_claims(
    session: Session, ids: Iterable[int]
) -> dict[int, list[tuple[Evidence, Item | None]]]:
    """``evidence_for`` for many claims at once (one query per 500 claims)."""
    wanted = sorted(set(ids))
    out: dict[int, list[tuple[Evidence, Item | None]]] = {i: [] for i in wanted}
    for chunk in chunks(wanted):
        query = (
            select(Evidence, Item)
            .join(Item, col(Evidence.item_id) == col(Item.id), isouter=True)
            .where(col(Evidence.claim_id).in_(chunk))
            .order_by(col(Evidence.claim_id), col(Evidence.score).desc(), col(Evidence.id))
        )
        for ev, item in session.exec(query).all():
            out[ev.claim_id].append((ev, item))
    return out


def claim_states(session: Session, ids: Iterable[int]) -> dict[int, Any]:
    """What a decision reads of claims (id, status, status_by, polarity, due_latest), as plain
    rows by id: a pass decides thousands of claims and changes few of them."""
    wanted = sorted(set(ids))
    out: dict[int, Any] = {}
    for chunk in chunks(wanted):
        query = sa.select(
            col(Claim.id),
            col(Claim.status),
            col(Claim.status_by),
            col(Claim.polarity),
            col(Claim.due_latest),
        ).where(col(Claim.id).in_(chunk))
        out.update((row.id, row) for row in session.connection().execute(query))
    return out


def evidence_rows_for_claims(session: Session, ids: Iterable[int]) -> dict[int, list[Any]]:
    """``evidence_for_claims`` as plain rows (kind, score, rule, url, event_date, and the item's
    id as ``found_item``, link, title and published_at: None when no item is stored, as for a URL
    given by hand), in the same order."""
    wanted = sorted(set(ids))
    out: dict[int, list[Any]] = {i: [] for i in wanted}
    for chunk in chunks(wanted):
        query: Any = (
            sa.select(
                col(Evidence.claim_id),
                col(Evidence.kind),
                col(Evidence.score),
                col(Evidence.rule),
                col(Evidence.url),
                col(Evidence.event_date),
                col(Item.id).label("found_item"),
                col(Item.link),
                col(Item.title),
                col(Item.published_at),
            )
            .join(Item, col(Evidence.item_id) == col(Item.id), isouter=True)
            .where(col(Evidence.claim_id).in_(chunk))
            .order_by(col(Evidence.claim_id), col(Evidence.score).desc(), col(Evidence.id))
        )
        for row in session.connection().execute(query):
            out[row.claim_id].append(row)
    return out


def add_evidence(
    session: Session,
    claim_id: int,
    *,
    item_id: int | None,
    url: str,
    kind: str,
    score: float,
    rule: str,
    now: datetime,
    event_date: date | None = None,
) -> bool:
    """Record one judged item; False when this claim already has it (one statement, no race)."""
    values = {
        "claim_id": claim_id,
        "item_id": item_id,
        "url": url,
        "kind": kind,
        "score": score,
        "rule": rule,
        "event_date": event_date,
        "created_at": now,
    }
    stmt = _EVIDENCE_INSERT
    if item_id is None:
        # NULLs are distinct in a unique constraint: a hand-given URL needs an explicit check.
        exists = session.exec(
            select(Evidence.id).where(
                Evidence.claim_id == claim_id, col(Evidence.item_id).is_(None), Evidence.url == url
            )
        ).first()
        if exists is not None:
            return False
    # RETURNING, not rowcount: psycopg reports 1 for an INSERT that ON CONFLICT skipped.
    result = session.connection().execute(stmt, values)
    return result.first() is not None


def add_item_evidence(session: Session, rows: Sequence[dict[str, Any]]) -> set[tuple[int, int]]:
    """Record many judged items (``add_evidence``'s values, each with an ``item_id``) in a few
    statements, in order; returns the (claim_id, item_id) pairs written (a pair a claim already
    has is skipped, as ``add_evidence`` skips it)."""
    added: set[tuple[int, int]] = set()
    if not rows:
        return added
    if any(row["item_id"] is None for row in rows):
        raise ValueError("add_item_evidence records items only: use add_evidence for a URL")
    dialect = session.get_bind().dialect.name
    insert: Any = sqlite_insert if dialect == "sqlite" else pg_insert
    table = Evidence.__table__  # type: ignore[attr-defined]
    # One statement of constant shape, given all the rows: SQLAlchemy compiles it once (and
    # caches it) and sends the rows as multi-row INSERTs ("insertmanyvalues", as many rows a
    # statement as the driver's parameter limit allows). A statement built with .values(rows)
    # was compiled again for every batch: most of the cost of writing evidence.
    stmt = insert(table).on_conflict_do_nothing().returning(table.c.claim_id, table.c.item_id)
    added.update(
        (claim_id, item_id) for claim_id, item_id in session.connection().execute(stmt, list(rows))
    )
    return added


# One text statement, the same on SQLite and PostgreSQL: SQLAlchemy recompiles a dialect
# insert with ON CONFLICT for every call, which was most of a pass's cost of writing evidence.
_EVIDENCE_INSERT = sa.text(
    "INSERT INTO evidence (claim_id, item_id, url, kind, score, rule, event_date, created_at) "
    "VALUES (:claim_id, :item_id, :url, :kind, :score, :rule, :event_date, :created_at) "
    "ON CONFLICT DO NOTHING RETURNING id"
).bindparams(
    sa.bindparam("event_date", type_=sa.Date()),
    sa.bindparam("created_at", type_=UTCDateTime()),
)


# The index ---------------------------------------------------------------------------------


def index_claim(
    session: Session, claim_id: int, keys: Sequence[str], family: str, starts: date, ends: date
) -> None:
    """Replace a claim's index rows (a claim with no keys gets one empty key: indexed, unfindable)."""
    session.execute(sa.delete(ClaimKey).where(col(ClaimKey.claim_id) == claim_id))
    for key in dict.fromkeys(keys or [""]):
        session.add(
            ClaimKey(claim_id=claim_id, key=key[:120], family=family, starts=starts, ends=ends)
        )


def unindex_claim(session: Session, claim_id: int) -> None:
    """A claim leaves the index, and its prepared form with it (an edit may change its text)."""
    unindex_claims(session, [claim_id])


def unindex_claims(session: Session, claim_ids: Iterable[int]) -> None:
    """``unindex_claim`` for many claims: one statement per 500 (each statement also flushes
    the session's pending changes first, which cost more than the delete)."""
    ids = sorted(set(claim_ids))
    for chunk in chunks(ids):
        session.execute(sa.delete(ClaimKey).where(col(ClaimKey.claim_id).in_(chunk)))
        session.execute(sa.delete(ClaimPrepared).where(col(ClaimPrepared.claim_id).in_(chunk)))


def save_prepared(session: Session, forms: Sequence[tuple[int, str, bytes]]) -> None:
    """Store claims' prepared forms ``(claim_id, version, body)``, replacing any older ones."""
    if forms:
        session.connection().execute(
            _PREPARED_UPSERT,
            [{"claim_id": c, "version": v, "body": b} for c, v, b in forms],
        )


# Plain SQL, the same on SQLite and PostgreSQL (as _EVIDENCE_INSERT): many rows in one call.
_PREPARED_UPSERT = sa.text(
    "INSERT INTO claim_prepared (claim_id, version, body) VALUES (:claim_id, :version, :body) "
    "ON CONFLICT (claim_id) DO UPDATE SET version = excluded.version, body = excluded.body"
).bindparams(sa.bindparam("body", type_=sa.LargeBinary()))


def mark_checked(session: Session, claim: Claim, now: datetime) -> None:
    """A verify pass has indexed and checked ``claim``: the next passes leave it to the index."""
    claim.checked_at = now
    session.add(claim)


def check_again(session: Session, claim: Claim) -> None:
    """Hand ``claim`` back to the judge: its index rows go and the next verify pass indexes it
    afresh and re-reads the stored items within its window (after a reopening or an edit)."""
    unindex_claim(session, _id(claim))
    claim.checked_at = None
    session.add(claim)


def index_rows(
    session: Session, words: Iterable[str], first: date, last: date
) -> list[tuple[str, int, str, str, str]]:
    """Index rows (key, claim_id, family, starts, ends) for any of ``words``, open in [first, last].

    One query for a whole batch of items; the caller filters by each item's day and families.
    Dates come back as ISO strings (compare them as strings), whatever the database.
    """
    keys = sorted(set(words))
    out: list[tuple[str, int, str, str, str]] = []
    for chunk in chunks(keys):
        params = {"keys": list(chunk), "first": first, "last": last}
        rows = session.connection().execute(_INDEX_QUERY, params).tuples().all()
        if rows and not isinstance(rows[0][3], str):  # dates (PostgreSQL): made ISO text
            rows = [(k, c, f, s.isoformat(), e.isoformat()) for k, c, f, s, e in rows]
        out.extend(rows)  # SQLite's ISO text as it is: a pass reads tens of thousands of rows
    return out


# Built once, as _JUDGED_QUERY. The dates as the database returns them (ISO text on SQLite,
# dates elsewhere, made ISO text by index_rows): parsing every date into an object was the slow
# part of a batch.
_INDEX_QUERY = sa.select(
    col(ClaimKey.key),
    col(ClaimKey.claim_id),
    col(ClaimKey.family),
    sa.type_coerce(col(ClaimKey.starts), sa.String),
    sa.type_coerce(col(ClaimKey.ends), sa.String),
).where(
    col(ClaimKey.key).in_(sa.bindparam("keys", expanding=True)),
    col(ClaimKey.ends) >= sa.bindparam("first", type_=sa.Date()),
    col(ClaimKey.starts) <= sa.bindparam("last", type_=sa.Date()),
)


def get_cursor(session: Session, name: str) -> int:
    row = session.get(VerifyCursor, name)
    return row.last_item_id if row else 0


def set_cursor(session: Session, name: str, last_item_id: int, now: datetime) -> None:
    row = session.get(VerifyCursor, name)
    if row is None:
        row = VerifyCursor(name=name, last_item_id=last_item_id, updated_at=now)
    else:
        row.last_item_id = last_item_id
        row.updated_at = now
    session.add(row)
