"""Factories for the report tests: a small, hand-checkable database of claims.

June 2023 (the report month) holds eight claims; May and July one each. The figures the
tests expect are worked out by hand in the docstring of ``small_db``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from forecasts.db import write_session
from forecasts.models import Article, Claim, Evidence

NOW = datetime(2023, 7, 3, 9, 0, tzinfo=UTC)


def make_article(s: Session, source: str, n: int) -> Article:
    article = Article(
        content_hash=f"hash-{n}",
        title=f"Article {n}",
        source=source,
        url=f"https://news.example/{n}",
        text="text",
        reference_date=date(2023, 1, 1),
        ingested_at=NOW,
    )
    s.add(article)
    s.flush()
    return article


def make_claim(s: Session, article: Article, **overrides: Any) -> Claim:
    due = overrides.pop("due", date(2023, 6, 30))
    fields: dict[str, Any] = {
        "article_id": article.id,
        "sentence": "Blinken will visit Beijing.",
        "claim": "Blinken will visit Beijing",
        "event": "visit Beijing",
        "hedge": "will",
        "probability": 0.9,
        "speaker": "Blinken",
        "due_earliest": date(2023, 1, 1),
        "due_latest": due,
        "status": "open",
        "created_at": NOW,
    }
    fields.update(overrides)
    claim = Claim(**fields)
    s.add(claim)
    s.flush()
    return claim


def small_db(engine: Engine) -> None:
    """Ten claims. June 2023: 3 fulfilled, 2 unfulfilled, 1 needs review, 1 open, 1 void.

    Resolved in June: (0.9,1) (0.9,1) (0.9,0) (0.2,0) (0.2,1): hit rate 3/5, Brier 0.302.
    Speakers in June: Blinken 3/3 (Brier 0.22), Yellen 0/2 of 3 claims (Brier 0.425).
    Outlets in June: The Japan Times 2/2 of 5 claims (Brier 0.01), Reuters 1/3 (Brier 1.49/3).
    May: one fulfilled "likely" (0.7) by Blinken; July: one open "expected" (0.75).
    """
    with write_session(engine) as s:
        jt = make_article(s, "The Japan Times", 1)
        reuters = make_article(s, "Reuters", 2)
        first = make_claim(s, jt, status="fulfilled", event_date=date(2023, 6, 18))
        make_claim(s, jt, status="fulfilled", event="meet Xi")
        make_claim(
            s, reuters, speaker="Yellen", status="unfulfilled", event="visit Beijing in June"
        )
        make_claim(
            s, reuters, speaker="Yellen", hedge="unlikely", probability=0.2, status="unfulfilled"
        )
        make_claim(
            s,
            reuters,
            hedge="unlikely",
            probability=0.2,
            status="fulfilled",
            event="surprise summit",
        )
        make_claim(s, jt, speaker="", hedge="could", probability=0.45, status="needs_review")
        make_claim(s, jt, speaker="Yellen", hedge="likely", probability=0.7, status="open")
        make_claim(s, jt, speaker="Kishida", hedge="may", probability=0.5, status="void")
        make_claim(
            s, jt, hedge="likely", probability=0.7, status="fulfilled", due=date(2023, 5, 31)
        )
        make_claim(
            s, jt, hedge="expected", probability=0.75, due=date(2023, 7, 15), event="G7 statement"
        )
        s.add(
            Evidence(
                claim_id=first.id,
                url="https://news.example/blinken-arrives",
                kind="fulfilment",
                score=0.9,
                created_at=NOW,
            )
        )
        s.add(
            Evidence(
                claim_id=first.id,
                url="https://news.example/blinken-plans",
                kind="signal",
                score=0.95,
                created_at=NOW,
            )
        )
