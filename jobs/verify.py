"""The verification pass: index new claims, judge candidate pairs, move statuses. Glue only.

One pass (``verify_claims``), idempotent and incremental:
1. claims no pass has seen (``checked_at`` unset: new or reopened) are indexed and checked
   once against the items already stored, within their window (vague ones become
   not_verifiable instead);
2. read the items that arrived since the last pass (a cursor in ``verify_cursor``) and judge
   each against the claims the index returns for its words;
3. decide the status of every claim that got new evidence (``verdicts.lifecycle.decide``).
"""

from __future__ import annotations

import gc
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from forecasts.clock import Clock, end_of_day, local_day, start_of_day
from forecasts.config import Settings
from forecasts.db import is_sqlite, write_session
from forecasts.evidence.candidates import item_words
from forecasts.evidence.judge import (
    NONE,
    ClaimFacts,
    ItemFacts,
    PreparedClaim,
    judge_prepared,
    last_report_day,
    prepare,
)
from forecasts.evidence.prepared_form import FINGERPRINT, claim_facts, decode, encode
from forecasts.models import Claim, ClaimStatus, Evidence, Item, claim_fields
from forecasts.store import claims as store
from forecasts.store.items import ItemRow, item_rows_after, search_items
from forecasts.verdicts.lifecycle import Decision, EvidenceFacts, decide, late_decision

log = logging.getLogger(__name__)

# An item as the judge and the candidate search read it: a stored row or an ORM object.
AnyItem = Item | ItemRow

CURSOR = "verify"
BATCH = 1000
# New claims are each searched against stored items, which is slow under load: small batches
# keep SQLite's write lock short, so the heartbeat and CLI writes never wait long behind a pass.
CLAIM_BATCH = 100
SEARCH_LIMIT = 200
CACHE_KIB = 65536  # SQLite page cache per connection during a pass (64 MiB)
DEFAULT_CACHE_KIB = 2000  # SQLite's own default (PRAGMA cache_size = -2000), outside a pass
# During a pass SQLite reads the database file through a memory map (up to this many bytes;
# SQLite's build limit may be lower): a candidate claim's pages, at random places in a big
# file, are read in place instead of copied from the OS cache by a system call each (a fifth
# of a candidate claim's read at a million claims). Unmapped again outside a pass.
MMAP_BYTES = 1 << 31
# Set while a pass runs in this thread: its connections get the big page cache.
_IN_PASS: ContextVar[bool] = ContextVar("verify_pass", default=False)


@dataclass
class VerifySummary:
    as_of: date
    claims_indexed: int = 0
    claims_checked: int = 0
    items_read: int = 0
    pairs_judged: int = 0
    evidence_added: int = 0
    changes: dict[str, int] = field(default_factory=dict)


def verify_claims(
    engine: Engine, settings: Settings, clock: Clock, *, as_of: date | None = None
) -> VerifySummary:
    """Run one verification pass; items published after ``as_of`` (default: today, the local
    day in the configured zone, as ingestion dates articles) wait."""
    with _no_cycle_collection(), _big_page_cache(engine):
        return _verify_claims(engine, settings, clock, as_of)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused for the pass: a pass allocates millions of short-lived
    rows and tuples, which set the collector off again and again, and each full collection walks
    every long-lived object (the prepared claims and the judge's caches). At 100,000 open claims
    that was a third of a pass's CPU. A pass makes almost no cyclic garbage (reference counting
    frees its rows); whatever it makes is collected once the collector is back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _verify_claims(
    engine: Engine, settings: Settings, clock: Clock, as_of: date | None
) -> VerifySummary:
    now = clock.now()
    day = as_of or local_day(now, settings.zone)
    summary = VerifySummary(as_of=day)
    changes: Counter[str] = Counter()
    cache: dict[int, PreparedClaim] = {}
    touched: set[int] = set()

    while True:
        with write_session(engine) as s:
            batch = store.unchecked_claims(s, limit=CLAIM_BATCH)
            if not batch:
                break
            _index_and_check(s, batch, day, now, summary, touched, cache, changes)
    with write_session(engine) as s:
        cursor = store.get_cursor(s, CURSOR)
    while True:
        with write_session(engine) as s:
            items = item_rows_after(s, cursor, BATCH)
            if not items:
                break
            # Replaying "as of" a past day, items published later wait for a later pass; in a
            # live pass an item dated in the future (a feed's clock error) must not stall the rest.
            wait_until = day if as_of is not None else None
            cursor = _judge_new_items(s, items, wait_until, now, summary, touched, cache)
            store.set_cursor(s, CURSOR, cursor, now)
            if cursor < (items[-1].id or 0):
                break  # an item from after as_of: wait for a later pass
    with write_session(engine) as s:
        ids = sorted(touched)
        for start in range(0, len(ids), BATCH):
            _decide_chunk(s, ids[start : start + BATCH], now, changes, settings)
    summary.changes = dict(changes)
    log.info(
        "verify pass: %d claims indexed, %d checked, %d items, %d pairs, %d evidence, changes %s",
        summary.claims_indexed,
        summary.claims_checked,
        summary.items_read,
        summary.pairs_judged,
        summary.evidence_added,
        summary.changes,
        extra={"job": "verify"},
    )
    return summary


@contextmanager
def _big_page_cache(engine: Engine) -> Iterator[None]:
    """A larger SQLite page cache for the pass's connections, only while it runs: candidate
    claims are read at random places in a table that may hold millions of rows (the default
    cache is 2 MB). A connection checked out during the pass gets 64 MiB; one checked out
    outside a pass (by this or another job) is set back to the default, which frees the pages
    above it. Set once on every connection instead (as before), each pooled connection kept
    up to 64 MiB of pages of every job for good: the daemon's memory grew with its database."""
    if is_sqlite(engine) and not event.contains(engine, "checkout", _size_page_cache):
        event.listen(engine, "checkout", _size_page_cache)
    token = _IN_PASS.set(True)
    try:
        yield
    finally:
        _IN_PASS.reset(token)


def _size_page_cache(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
    in_pass = _IN_PASS.get()
    kib = CACHE_KIB if in_pass else DEFAULT_CACHE_KIB
    if record.info.get("cache_kib", DEFAULT_CACHE_KIB) != kib:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA cache_size = -{kib}")
        cur.close()
        record.info["cache_kib"] = kib
    mmap = MMAP_BYTES if in_pass else 0
    if record.info.get("mmap", 0) != mmap:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA mmap_size = {mmap}")
        cur.close()
        record.info["mmap"] = mmap


def facts_of(claim: Claim, reference_date: date) -> ClaimFacts:
    return ClaimFacts(**claim_fields.fact_values(claim), reference_date=reference_date)


def item_facts(item: AnyItem) -> ItemFacts:
    return ItemFacts(item.title, item.summary, item.published_at, item.link)


def _prepare_candidates(s: Session, claim_ids: list[int], cache: dict[int, PreparedClaim]) -> None:
    """Candidate claims as the judge reads them: their stored prepared forms when the current
    code made them, else prepared from their text (and stored, for the next passes)."""
    missing = [i for i in claim_ids if i not in cache]
    fresh: list[tuple[int, str, bytes]] = []
    for row in store.judged_claim_rows(s, missing):
        claim_id, version, body = row[0], row[-2], row[-1]
        facts = claim_facts(*_FACTS(row))
        if version == FINGERPRINT:
            cache[claim_id] = decode(body, facts)
            continue
        pc = cache[claim_id] = prepare(facts)
        _keep_form(fresh, claim_id, pc)
    store.save_prepared(s, fresh)


# A judged claim row's values in ClaimFacts' order, as positional arguments (cheaper than
# keywords for the tens of thousands of candidates a pass may read), every field given.
_FACTS = itemgetter(*(1 + store.JUDGED_ROW.index(f.name) for f in fields(ClaimFacts)))


def _keep_form(forms: list[tuple[int, str, bytes]], claim_id: int, pc: PreparedClaim) -> None:
    body = encode(pc)
    if body is not None:  # else the claim is prepared from its text in every pass
        forms.append((claim_id, FINGERPRINT, body))


def _record(
    claim_id: int,
    pc: PreparedClaim,
    item: AnyItem,
    now: datetime,
    summary: VerifySummary,
    pending: list[dict[str, Any]],
) -> None:
    """Judge one pair; evidence waits in ``pending`` for ``_write`` (one statement per batch)."""
    summary.pairs_judged += 1
    j = judge_prepared(pc, item_facts(item))
    if j.kind == NONE:
        return
    pending.append(
        {
            "claim_id": claim_id,
            "item_id": item.id,
            "url": item.link,
            "kind": j.kind,
            "score": j.score,
            "rule": j.rule,
            "event_date": j.event_date,
            "created_at": now,
        }
    )


def _write(
    s: Session, pending: list[dict[str, Any]], summary: VerifySummary, touched: set[int]
) -> None:
    """Write the evidence a batch found, in the order it was found."""
    added = store.add_item_evidence(s, pending)
    for row in pending:
        if (row["claim_id"], row["item_id"]) not in added:
            continue  # the claim already had this item
        summary.evidence_added += 1
        touched.add(row["claim_id"])
        log.debug(
            "evidence %s %.2f %s",
            row["kind"],
            row["score"],
            row["rule"],
            extra={"claim_id": row["claim_id"], "item_id": row["item_id"]},
        )
    pending.clear()


def _index_and_check(
    s: Session,
    claims: list[Claim],
    day: date,
    now: datetime,
    summary: VerifySummary,
    touched: set[int],
    cache: dict[int, PreparedClaim],
    changes: Counter[str],
) -> None:
    """New (or reopened) claims: vague ones become not_verifiable; the others are indexed for
    the items to come and checked once against the items already stored, within their window."""
    refs = store.reference_dates(s, [c.article_id for c in claims])
    pending: list[dict[str, Any]] = []
    forms: list[tuple[int, str, bytes]] = []
    for claim in claims:
        assert claim.id is not None
        store.mark_checked(s, claim, now)
        summary.claims_checked += 1
        if not claim.verifiable:
            store.change_status(
                s,
                claim,
                ClaimStatus.NOT_VERIFIABLE.value,
                by="auto",
                reason="vague claim: no checkable event or window",
                evidence=[],
                now=now,
            )
            if claim.status not in store.ACTIVE:
                changes[ClaimStatus.NOT_VERIFIABLE.value] += 1
                continue
        ref = refs.get(claim.article_id, claim.due_earliest)
        pc = prepare(facts_of(claim, ref))
        cache[claim.id] = pc
        ends = index_claim(s, claim.id, pc)
        _keep_form(forms, claim.id, pc)
        summary.claims_indexed += 1
        last = min(ends, day)
        if pc.keys and last >= ref:
            for item in items_for_claim(s, pc, start_of_day(ref), end_of_day(last)):
                _record(claim.id, pc, item, now, summary, pending)
    store.save_prepared(s, forms)
    _write(s, pending, summary, touched)


def index_claim(s: Session, claim_id: int, pc: PreparedClaim) -> date:
    """Index a claim for the items to come; returns the last day an item may count for it."""
    ref = pc.facts.reference_date
    # The index keeps offering items as long as the judge may still count them.
    ends = last_report_day(pc.facts.due_latest)
    store.index_claim(s, claim_id, pc.keys, pc.family, ref, ends)
    return ends


def items_for_claim(s: Session, pc: PreparedClaim, after: datetime, before: datetime) -> list[Item]:
    """Stored items in the window naming any of the claim's words (the collector's index).

    The candidate search for a new (or reopened) claim: only these items reach the judge.
    """
    # The collector's search requires every word of a query: one query per index word.
    found: dict[int, Item] = {}
    for key in pc.keys:
        for item in search_items(s, key, after=after, before=before, limit=SEARCH_LIMIT):
            if item.id is not None:  # always set on stored rows; narrows the type
                found.setdefault(item.id, item)
    return [found[i] for i in sorted(found)]


def _judge_new_items(
    s: Session,
    items: Sequence[AnyItem],
    day: date | None,
    now: datetime,
    summary: VerifySummary,
    touched: set[int],
    cache: dict[int, PreparedClaim],
) -> int:
    """Judge a batch of new items; returns the cursor: the last id safely behind us.

    The index is read once for the whole batch (every word of every item), then each item
    keeps the claims whose family it mentions and whose window holds its publication day.
    """
    cursor = 0
    dated: list[AnyItem] = []
    for item in items:
        assert item.id is not None
        if day and item.published_at is not None and item.published_at.date() > day:
            break  # not yet "published" as of this pass
        cursor = item.id
        summary.items_read += 1
        if item.published_at is not None:
            dated.append(item)
    todo = claims_for_items(s, dated)
    wanted: set[int] = set().union(*(ids for _, ids in todo)) if todo else set()
    _prepare_candidates(s, sorted(wanted), cache)
    pending: list[dict[str, Any]] = []
    for item, ids in todo:
        for claim_id in sorted(ids):
            if claim_id in cache:
                _record(claim_id, cache[claim_id], item, now, summary, pending)
    _write(s, pending, summary, touched)
    return cursor


def claims_for_items(s: Session, items: Sequence[AnyItem]) -> list[tuple[AnyItem, set[int]]]:
    """The candidate search for new items: each dated item with the ids of the claims it may
    be evidence for (only these pairs reach the judge)."""
    looked_up: list[tuple[AnyItem, set[str], set[str]]] = []
    for item in items:
        if item.published_at is None:
            continue
        words, families = item_words(item_facts(item))
        looked_up.append((item, words, families | {""}))
    if not looked_up:
        return []
    days = [i.published_at.date() for i, _, _ in looked_up if i.published_at is not None]
    # Each key's index rows, as the store returns them (key first): no copy of each row.
    postings: dict[str, list[tuple[str, int, str, str, str]]] = {}
    for row in store.index_rows(
        s, set().union(*(w for _, w, _ in looked_up)), min(days), max(days)
    ):
        postings.setdefault(row[0], []).append(row)
    todo: list[tuple[AnyItem, set[int]]] = []
    for item, words, families in looked_up:
        assert item.published_at is not None
        published = item.published_at.date().isoformat()
        ids = {
            claim_id
            for word in words
            for _, claim_id, family, starts, ends in postings.get(word, ())
            if family in families and starts <= published <= ends
        }
        todo.append((item, ids))
    return todo


def evidence_facts(ev: Evidence, item: Item | None) -> EvidenceFacts:
    """A stored evidence row and its item (None: a bare URL) as the lifecycle reads them."""
    return _evidence_facts(ev, item)


def evidence_row_facts(row: Any) -> EvidenceFacts:
    """A row of ``store.evidence_rows_for_claims`` (evidence and item columns side by side) as
    the lifecycle reads it: the same facts ``evidence_facts`` makes of the ORM pair."""
    return _evidence_facts(row, row if row.found_item is not None else None)


def _evidence_facts(ev: Any, item: Any) -> EvidenceFacts:
    return EvidenceFacts(
        kind=ev.kind,
        score=ev.score,
        rule=ev.rule,
        link=ev.url or (item.link if item is not None else ""),
        title=item.title if item is not None else "",
        published=item.published_at.date() if item is not None and item.published_at else None,
        event_date=ev.event_date,
    )


def _decide_chunk(
    s: Session, ids: list[int], now: datetime, changes: Counter[str], settings: Settings
) -> None:
    """Decide the claims ``ids`` from plain rows; only the claims that change are loaded as
    objects (``change_status`` writes their history)."""
    states = store.claim_states(s, ids)
    evidence = store.evidence_rows_for_claims(s, ids)
    decided: list[tuple[int, Any]] = []
    for claim_id in ids:
        state = states[claim_id]
        decision = _decision(state, evidence[claim_id], now, settings)
        if decision is not None and decision.status != state.status:
            decided.append((claim_id, decision))
    claims = store.claims_by_id(s, [claim_id for claim_id, _ in decided])
    closed: list[int] = []
    for claim_id, decision in decided:
        claim = claims[claim_id]
        store.change_status(
            s,
            claim,
            decision.status,
            by="auto",
            reason=decision.reason,
            evidence=decision.evidence,
            now=now,
            event_date=decision.event_date,
        )
        changes[decision.status] += 1
        if claim.status not in store.JUDGED:
            closed.append(claim_id)
        log.info(
            "claim %s -> %s: %s",
            claim_id,
            decision.status,
            decision.reason,
            extra={"claim_id": claim_id},
        )
    store.unindex_claims(s, closed)


def _decision(
    state: Any, evidence: list[Any], now: datetime, settings: Settings
) -> Decision | None:
    """The decision a claim's evidence supports, None for a claim the judge leaves alone."""
    if state.status not in store.JUDGED or state.status_by == "user":
        return None
    facts = [evidence_row_facts(row) for row in evidence]
    if state.status == ClaimStatus.UNRESOLVED.value:
        # Evidence after the window closed with nothing covering it: decide it after all.
        grace = settings.verification.grace_days
        return late_decision(
            facts, state.polarity, state.due_latest, grace, local_day(now, settings.zone)
        )
    return decide(facts)
