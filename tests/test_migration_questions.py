"""Migration 0014: a database filled by the previous version becomes the question model, and
nothing stored before is lost (claims, user decisions, evidence, history)."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Engine

from forecasts.db import alembic_config, make_engine

NOW = "2023-08-01 12:00:00"


def _insert(conn: sa.Connection, table: str, **values: Any) -> int:
    cols = ", ".join(values)
    params = ", ".join(f":{k}" for k in values)
    row = conn.execute(
        sa.text(f"INSERT INTO {table} ({cols}) VALUES ({params}) RETURNING id"), values
    ).scalar_one()
    return int(row)


def _claim(conn: sa.Connection, article: int, claim: str, actors: list[str], **kw: Any) -> int:
    values: dict[str, Any] = {
        "article_id": article,
        "sentence": claim,
        "claim": claim,
        "actors": json.dumps(actors),
        "event": "",
        "event_type": "visit",
        "location": "",
        "hedge": "will",
        "probability": 0.9,
        "polarity": "positive",
        "speaker": "",
        "time_expression": "",
        "due_earliest": "2023-07-01",
        "due_latest": "2023-07-31",
        "due_basis": "",
        "verifiable": True,
        "status": "open",
        "status_by": "auto",
        "created_at": NOW,
    }
    values.update(kw)
    return _insert(conn, "claim", **values)


def _fill_previous_version(engine: Engine) -> dict[str, int]:
    """What the version before questions stored: articles, claims, a user decision, evidence."""
    with engine.begin() as conn:
        article = _insert(
            conn,
            "article",
            content_hash="a" * 64,
            title="t",
            source="The Japan Times",
            url="",
            path="",
            text="text",
            reference_date="2023-06-18",
            reference_date_basis="",
            ingested_at=NOW,
        )
        ids = {
            "later": _claim(
                conn,
                article,
                "a trip to Beijing by Treasury Secretary Janet Yellen later this year",
                ["Janet Yellen"],
                location="Beijing",
                due_earliest="2023-06-18",
                due_latest="2023-12-31",
                status="fulfilled",
                event_date="2023-07-06",
            ),
            "july": _claim(
                conn,
                article,
                "Yellen to visit Beijing July 6-9",
                ["Yellen", "Beijing July 6"],
                status="unfulfilled",
                status_by="user",
            ),
            "meeting": _claim(
                conn,
                article,
                "Biden and Xi will meet in San Francisco",
                ["Joe Biden", "Xi Jinping"],
                event_type="meeting",
                location="San Francisco",
                due_earliest="2023-11-01",
                due_latest="2023-11-30",
            ),
            "vague": _claim(
                conn,
                article,
                "ties could improve",
                [],
                event_type="",
                verifiable=False,
                status="not_verifiable",
            ),
        }
        feed = _insert(
            conn,
            "feed",
            name="archive",
            url="file:///x",
            origin="cli",
            config_url="",
            tags="[]",
            extract_claims=True,
            fetch_full_text=False,
            disabled_reason="",
            etag="",
            last_modified="",
            body_hash="",
            consecutive_errors=0,
            last_error="",
            item_count=1,
        )
        item = _insert(
            conn,
            "item",
            feed_id=feed,
            dedup_key="k",
            guid="g",
            link="https://www.apnews.com/y",
            title="Yellen lands in Beijing",
            summary="",
            author="",
            content_hash="h",
            published_at="2023-07-06 10:00:00",
            published_estimated=False,
            fetched_at=NOW,
        )
        _insert(
            conn,
            "evidence",
            claim_id=ids["later"],
            item_id=item,
            url="https://x/y",
            kind="fulfilment",
            score=0.95,
            rule="report:present lands",
            created_at=NOW,
        )
        _insert(
            conn,
            "claim_history",
            claim_id=ids["july"],
            at=NOW,
            from_status="open",
            to_status="unfulfilled",
            by="user",
            reason="another trip",
            evidence="[]",
        )
        ids["from_item"] = _insert(
            conn,
            "article",
            content_hash="b" * 64,
            title="Yellen lands in Beijing",
            source="archive",
            url="",
            path="",
            text="t",
            reference_date="2023-07-06",
            reference_date_basis="feed",
            item_id=item,
            ingested_at=NOW,
        )
    return ids


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_every_claim_gets_a_question_and_claims_about_one_event_share_it(db_url: str) -> None:
    """Yellen's trip "later this year" and "July 6-9" become one question (the rule new claims
    follow), the meeting and the vague claim one each; statuses, the user's decision, evidence
    and history are kept."""
    engine = make_engine(db_url)
    try:
        cfg = alembic_config(engine.url.render_as_string(hide_password=False))
        command.upgrade(cfg, "0007_report_indexes")
        ids = _fill_previous_version(engine)
        before = {t: _count(engine, t) for t in ("claim", "evidence", "claim_history")}
        command.upgrade(cfg, "head")
        assert {t: _count(engine, t) for t in before} == before
        with engine.connect() as conn:
            rows = {
                r.id: r
                for r in conn.execute(
                    sa.text("SELECT id, question_id, status, status_by FROM claim")
                )
            }
            questions = {
                r.id: r
                for r in conn.execute(
                    sa.text("SELECT id, status, status_by, event_date, event_type FROM question")
                )
            }
            merges = conn.execute(
                sa.text("SELECT claim_id, rule FROM question_merge ORDER BY claim_id")
            ).all()
        assert all(r.question_id is not None for r in rows.values())
        assert rows[ids["later"]].question_id == rows[ids["july"]].question_id
        assert len(questions) == 3
        trip = questions[rows[ids["later"]].question_id]
        assert trip.status == "fulfilled"
        assert str(trip.event_date)[:10] == "2023-07-06"
        assert (rows[ids["july"]].status, rows[ids["july"]].status_by) == ("unfulfilled", "user")
        assert [m.claim_id for m in merges] == sorted(v for k, v in ids.items() if k != "from_item")
        assert dict(merges)[ids["july"]].startswith("visit+")
        assert questions[rows[ids["vague"]].question_id].status == "not_verifiable"
        with engine.connect() as conn:
            outlet = conn.execute(
                sa.text("SELECT source FROM article WHERE id = :i"), {"i": ids["from_item"]}
            ).scalar_one()
        assert outlet == "apnews.com"  # the publisher, no longer the feed's name
        command.downgrade(cfg, "0007_report_indexes")
        assert {t: _count(engine, t) for t in before} == before
    finally:
        engine.dispose()
