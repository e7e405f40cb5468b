"""Candidate recall, measured on its own: does the candidate search bring a pair's item to the
judge? Run for real: the pairs' items and claims go into a temporary SQLite store (migrated as
the daemon's is), and the daemon's two lookups are asked (``forecasts.jobs.verify.claims_for_items`` for
a new item, ``forecasts.jobs.verify.items_for_claim`` for a new claim). Glue only.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session

from forecasts.clock import end_of_day, start_of_day
from forecasts.db import open_database, session, write_session
from forecasts.evidence.judge import ClaimFacts, ItemFacts, last_report_day, prepare
from forecasts.jobs.verify import claims_for_items, index_claim, items_for_claim
from forecasts.models import Article, Claim, Item, claim_fields
from forecasts.store import replays
from forecasts.store.feeds import add_feed
from forecasts.verdicts.evaluation import CandidateScores, Pair

# The pairs whose item must reach the judge: for the others it does not matter.
MUST_REACH = frozenset({"fulfilment", "counter"})
_STORED_AT = datetime(2000, 1, 1, tzinfo=UTC)  # bookkeeping columns only: no logic reads them


def candidate_recall(pairs: list[Pair]) -> CandidateScores:
    """Store every pair's item and claim in one temporary SQLite file and ask both lookups."""
    scores = CandidateScores()
    with tempfile.TemporaryDirectory(prefix="forecasts-candidates-") as tmp:
        engine = open_database(f"sqlite:///{Path(tmp) / 'candidates.db'}")
        try:
            with write_session(engine) as s:
                items, claims = _store(s, pairs)
            with session(engine) as s:
                for pair in pairs:
                    if pair.expected not in MUST_REACH or pair.item.published is None:
                        continue
                    _measure(
                        s, pair, replays.get_item(s, items[_item_key(pair.item)]), claims, scores
                    )
        finally:
            engine.dispose()
    return scores


def _measure(
    s: Session, pair: Pair, item: Item | None, claims: dict[str, int], scores: CandidateScores
) -> None:
    assert item is not None and item.id is not None
    claim_id = claims[_claim_key(pair.claim)]
    pc = prepare(pair.claim)
    ends = last_report_day(pc.facts.due_latest)
    after, before = start_of_day(pc.facts.reference_date), end_of_day(ends)
    by_claim = any(i.id == item.id for i in items_for_claim(s, pc, after, before))
    by_item = any(claim_id in ids for _, ids in claims_for_items(s, [item]))
    scores.pairs += 1
    scores.by_claim += by_claim
    scores.by_item += by_item
    scores.both += by_claim and by_item
    if not (by_claim and by_item):
        scores.misses.append(
            {
                "id": pair.id,
                "expected": pair.expected,
                "new_item": by_item,
                "new_claim": by_claim,
                "keys": list(pc.keys),
                "family": pc.family,
                "title": pair.item.title,
            }
        )


def _store(s: Session, pairs: list[Pair]) -> tuple[dict[str, int], dict[str, int]]:
    """Each distinct item and claim once; claims indexed as a verification pass indexes them."""
    feed = add_feed(s, name="pairs", url="file:///pairs.xml", origin="cli")
    assert feed.id is not None
    items: dict[str, int] = {}
    claims: dict[str, int] = {}
    for pair in pairs:
        key = _item_key(pair.item)
        if key not in items and pair.item.published is not None:
            items[key] = _add_item(s, feed.id, key, pair.item)
        key = _claim_key(pair.claim)
        if key not in claims:
            claims[key] = _add_claim(s, key, pair.claim)
    return items, claims


def _add_item(s: Session, feed_id: int, key: str, item: ItemFacts) -> int:
    assert item.published is not None
    row = Item(
        feed_id=feed_id,
        dedup_key=key[:200],
        guid=key[:200],
        link=item.link,
        title=item.title,
        summary=item.summary,
        content_hash=key[:64],
        published_at=item.published.astimezone(UTC),
        published_estimated=False,
        fetched_at=item.published.astimezone(UTC),
    )
    return replays.add_item(s, row)


def _add_claim(s: Session, key: str, claim: ClaimFacts) -> int:
    article = Article(
        content_hash=key[:64],
        source="",
        text=claim.sentence or claim.claim,
        reference_date=claim.reference_date,
        ingested_at=_STORED_AT,
    )
    facts = claim_fields.fact_values(claim) | {"actors": list(claim.actors)}
    row = Claim(
        **facts | {"sentence": claim.sentence or claim.claim},
        article_id=replays.add_article(s, article),
        status="open",
        status_by="auto",
        created_at=_STORED_AT,
        checked_at=_STORED_AT,
    )
    claim_id = replays.add_claim(s, row)
    index_claim(s, claim_id, prepare(claim))
    return claim_id


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, default=str, sort_keys=True).encode()).hexdigest()


def _item_key(item: ItemFacts) -> str:
    return _digest([item.title, item.summary, item.published, item.link])


def _claim_key(claim: ClaimFacts) -> str:
    return _digest(
        [
            claim.claim,
            claim.actors,
            claim.event,
            claim.event_type,
            claim.location,
            claim.polarity,
            claim.reference_date,
            claim.due_earliest,
            claim.due_latest,
            claim.sentence,
        ]
    )
