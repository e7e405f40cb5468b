"""questions: one event, many claims (question, question_merge, question_history, claim.question_id)

Every existing claim gets a question. Claims are taken in the order they were stored and
matched by the same rule as new claims (``forecasts.questions.match``): a claim describing an
event an earlier claim opened joins that question, with a ``question_merge`` row saying why.
Nothing is lost: claims keep their statuses, user decisions, evidence and history; each
question's status is read off its claims (``forecasts.questions.outcome``), a user's decision
on any of its claims making it the user's.

Revision ID: 0014_questions
Revises: 0009_evidence_event_date
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

import forecasts.models
from forecasts.articles.outlet import domain_of
from forecasts.questions.match import TRAVEL, Candidate, EventFacts, family, match_question
from forecasts.questions.outcome import ClaimOutcome, outcome_from_claims

revision = "0014_questions"
down_revision = "0012_perf"
branch_labels = None
depends_on = None

_CLAIM = sa.table(
    "claim",
    sa.column("id", sa.Integer()),
    sa.column("question_id", sa.Integer()),
    sa.column("claim", sa.Text()),
    sa.column("actors", sa.JSON()),
    sa.column("event", sa.String()),
    sa.column("event_type", sa.String()),
    sa.column("location", sa.String()),
    sa.column("polarity", sa.String()),
    sa.column("due_earliest", sa.Date()),
    sa.column("due_latest", sa.Date()),
    sa.column("status", sa.String()),
    sa.column("status_by", sa.String()),
    sa.column("event_date", sa.Date()),
    sa.column("created_at", forecasts.models.UTCDateTime()),
)


def _tables() -> tuple[sa.TableClause, sa.TableClause, sa.TableClause]:
    utc = forecasts.models.UTCDateTime
    question = sa.table(
        "question",
        sa.column("id", sa.Integer()),
        sa.column("title", sa.Text()),
        sa.column("actors", sa.JSON()),
        sa.column("event", sa.String()),
        sa.column("event_type", sa.String()),
        sa.column("location", sa.String()),
        sa.column("due_earliest", sa.Date()),
        sa.column("due_latest", sa.Date()),
        sa.column("status", sa.String()),
        sa.column("status_by", sa.String()),
        sa.column("event_date", sa.Date()),
        sa.column("resolved_at", utc()),
        sa.column("merged_into", sa.Integer()),
        sa.column("created_at", utc()),
    )
    merge = sa.table(
        "question_merge",
        sa.column("question_id", sa.Integer()),
        sa.column("claim_id", sa.Integer()),
        sa.column("score", sa.Float()),
        sa.column("rule", sa.Text()),
        sa.column("by", sa.String()),
        sa.column("at", utc()),
        sa.column("undone_at", utc()),
    )
    history = sa.table(
        "question_history",
        sa.column("question_id", sa.Integer()),
        sa.column("at", utc()),
        sa.column("action", sa.String()),
        sa.column("claim_id", sa.Integer()),
        sa.column("from_status", sa.String()),
        sa.column("to_status", sa.String()),
        sa.column("by", sa.String()),
        sa.column("reason", sa.Text()),
        sa.column("evidence", sa.JSON()),
    )
    return question, merge, history


def upgrade() -> None:
    utc = forecasts.models.UTCDateTime
    op.create_table(
        "question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("event", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("due_earliest", sa.Date(), nullable=False),
        sa.Column("due_latest", sa.Date(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("status_by", sa.String(), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("resolved_at", utc(), nullable=True),
        sa.Column("merged_into", sa.Integer(), nullable=True),
        sa.Column("created_at", utc(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_status"), ["status"], unique=False)
        batch_op.create_index(
            "ix_question_family_window", ["event_type", "due_latest"], unique=False
        )
    op.create_table(
        "question_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
        sa.Column("at", utc(), nullable=False),
        sa.Column("undone_at", utc(), nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.ForeignKeyConstraint(["question_id"], ["question.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("question_merge", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_merge_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_question_merge_question_id"), ["question_id"], unique=False
        )
    op.create_table(
        "question_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("at", utc(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("from_status", sa.String(), nullable=False),
        sa.Column("to_status", sa.String(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["question_id"], ["question.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("question_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_question_history_question_id"), ["question_id"], unique=False
        )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("question_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_claim_question_id"), ["question_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_claim_question_id_question", "question", ["question_id"], ["id"]
        )
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(), nullable=False, server_default=""))
    # The report counts the questions its month's claims cover: keep its index covering.
    op.drop_index("ix_claim_due_report", table_name="claim")
    op.create_index(
        "ix_claim_due_report",
        "claim",
        ["due_latest", "status", "probability", "hedge", "speaker", "article_id", "question_id"],
    )
    _outlets_not_feed_names()
    _questions_for_existing_claims()


def _outlets_not_feed_names() -> None:
    """Articles made from feed items were credited to the feed's name ("archive"): credit the
    publisher instead, which for items stored before now is the link's domain."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT article.id, item.link FROM article "
            "JOIN item ON item.id = article.item_id JOIN feed ON feed.id = item.feed_id "
            "WHERE article.source = feed.name"
        )
    ).all()
    for article_id, link in rows:
        outlet = domain_of(link or "")
        if outlet:
            conn.execute(
                sa.text("UPDATE article SET source = :s WHERE id = :i"),
                {"s": outlet, "i": article_id},
            )


def downgrade() -> None:
    op.drop_index("ix_claim_due_report", table_name="claim")
    op.create_index(
        "ix_claim_due_report",
        "claim",
        ["due_latest", "status", "probability", "hedge", "speaker", "article_id"],
    )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_constraint("fk_claim_question_id_question", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_claim_question_id"))
        batch_op.drop_column("question_id")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_column("source")
    op.drop_table("question_history")
    op.drop_table("question_merge")
    op.drop_table("question")


class _Group:
    """A question being built: its facts (the first claim's, window widened) and its claims."""

    def __init__(self, index: int, facts: EventFacts, name: str) -> None:
        self.index = index
        self.facts = facts
        self.family = name
        self.members: list[tuple[Any, float, str]] = []  # (claim row, score, rule)

    def widen(self, claim: EventFacts) -> None:
        f = self.facts
        self.facts = EventFacts(
            actors=f.actors or claim.actors,
            event_type=f.event_type,
            event=f.event,
            location=f.location or claim.location,
            earliest=min(f.earliest, claim.earliest),
            latest=max(f.latest, claim.latest),
            text=f.text,
        )


def _facts(row: Any) -> EventFacts:
    return EventFacts(
        actors=tuple(row.actors or ()),
        event_type=row.event_type or "",
        event=row.event or "",
        location=row.location or "",
        earliest=_day(row.due_earliest),
        latest=_day(row.due_latest),
        text=row.claim or "",
    )


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _group(rows: Sequence[Any]) -> list[_Group]:
    groups: list[_Group] = []
    by_family: dict[str, list[_Group]] = {}
    for row in rows:
        facts = _facts(row)
        name = family(facts)
        pool: list[_Group] = []
        for f in sorted(TRAVEL) if name in TRAVEL else [name]:
            if f:
                pool += [
                    g
                    for g in by_family.get(f, ())
                    if g.facts.earliest <= facts.latest and facts.earliest <= g.facts.latest
                ]
        match = match_question(facts, [Candidate(g.index, g.facts) for g in pool])
        if match.question is None:
            group = _Group(len(groups), facts, name)
            groups.append(group)
            by_family.setdefault(name, []).append(group)
            group.members.append((row, 1.0, "opened"))
        else:
            group = groups[match.question.id]
            group.widen(facts)
            group.members.append((row, match.score, match.rule))
    return groups


def _questions_for_existing_claims() -> None:
    conn = op.get_bind()
    question_t, merge_t, history_t = _tables()
    rows = conn.execute(sa.select(_CLAIM).order_by(_CLAIM.c.id)).all()
    if not rows:
        return
    now = datetime.now(UTC)  # when the migration ran: the one wall-clock read, at the edge
    for group in _group(rows):
        first = group.members[0][0]
        outcome = outcome_from_claims(
            [
                ClaimOutcome(
                    r.status,
                    r.polarity or "positive",
                    r.status_by or "auto",
                    _day(r.event_date) if r.event_date else None,
                )
                for r, _, _ in group.members
            ]
        )
        qid = conn.execute(
            question_t.insert()
            .values(
                title=first.claim or "",
                actors=list(group.facts.actors),
                event=group.facts.event,
                event_type=group.family,
                location=group.facts.location,
                due_earliest=group.facts.earliest,
                due_latest=group.facts.latest,
                status=outcome.status,
                status_by=outcome.status_by,
                event_date=outcome.event_date,
                resolved_at=None if outcome.status in {"open", "needs_review"} else now,
                merged_into=None,
                created_at=now,
            )
            .returning(question_t.c.id)
        ).scalar_one()
        ids = [r.id for r, _, _ in group.members]
        conn.execute(sa.update(_CLAIM).where(_CLAIM.c.id.in_(ids)).values(question_id=qid))
        conn.execute(
            merge_t.insert(),
            [
                {
                    "question_id": qid,
                    "claim_id": r.id,
                    "score": score,
                    "rule": rule,
                    "by": "auto",
                    "at": now,
                    "undone_at": None,
                }
                for r, score, rule in group.members
            ],
        )
        history = [
            {
                "question_id": qid,
                "at": now,
                "action": "created",
                "claim_id": first.id,
                "from_status": "",
                "to_status": "",
                "by": "auto",
                "reason": f"migration 0014: opened by claim {first.id}",
                "evidence": [],
            }
        ]
        history += [
            {
                "question_id": qid,
                "at": now,
                "action": "merged",
                "claim_id": r.id,
                "from_status": "",
                "to_status": "",
                "by": "auto",
                "reason": f"migration 0014: claim {r.id}: {rule} (score {score:.2f})",
                "evidence": [],
            }
            for r, score, rule in group.members[1:]
        ]
        if outcome.status != "open":
            history.append(
                {
                    "question_id": qid,
                    "at": now,
                    "action": "status",
                    "claim_id": None,
                    "from_status": "open",
                    "to_status": outcome.status,
                    "by": outcome.status_by,
                    "reason": f"migration 0014: {outcome.reason}",
                    "evidence": [],
                }
            )
        conn.execute(history_t.insert(), history)
