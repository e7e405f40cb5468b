"""save_article: one article per distinct text, claims saved with it, vague claims flagged."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import func, select

from forecasts.articles.normalize import content_hash
from forecasts.claims.types import ExtractedClaim, LoadedArticle
from forecasts.db import session, write_session
from forecasts.models import Article, Claim
from forecasts.store.articles import save_article

NOW = datetime(2023, 6, 18, 12, 0, tzinfo=UTC)
TEXT = "Blinken is expected to meet Wang Yi during the two-day trip, officials said on Sunday."


def make_loaded(**overrides: object) -> LoadedArticle:
    loaded = LoadedArticle(
        text=TEXT,
        title="Blinken in Beijing",
        source="The Japan Times",
        reference_date=date(2023, 6, 18),
        reference_date_basis="sidecar",
        content_hash=content_hash(TEXT),
    )
    for key, value in overrides.items():
        setattr(loaded, key, value)
    return loaded


def make_claim(**overrides: object) -> ExtractedClaim:
    claim = ExtractedClaim(
        sentence=TEXT,
        claim="Blinken is expected to meet Wang Yi",
        actors=["Antony Blinken", "Wang Yi"],
        event="Antony Blinken and Wang Yi meet",
        hedge="expected",
        probability=0.75,
        due_earliest=date(2023, 6, 18),
        due_latest=date(2023, 6, 19),
        due_basis="event_anchor",
    )
    for key, value in overrides.items():
        setattr(claim, key, value)
    return claim


def test_an_article_and_its_claims_are_stored(engine: Engine) -> None:
    with write_session(engine) as s:
        article, claims, created = save_article(s, make_loaded(), [make_claim()], NOW)
    assert created and article.id is not None
    assert [c.article_id for c in claims] == [article.id]
    assert claims[0].status == "open" and claims[0].due_latest == date(2023, 6, 19)
    assert claims[0].actors == ["Antony Blinken", "Wang Yi"]


def test_saving_the_same_text_again_adds_nothing(engine: Engine) -> None:
    """Idempotent on the content hash: the stored article and claims come back, created False."""
    with write_session(engine) as s:
        first, first_claims, _ = save_article(s, make_loaded(), [make_claim()], NOW)
    with write_session(engine) as s:
        again, claims, created = save_article(
            s, make_loaded(title="Other title"), [make_claim(), make_claim()], NOW
        )
    assert not created and again.id == first.id and again.title == "Blinken in Beijing"
    assert [c.id for c in claims] == [c.id for c in first_claims]
    with session(engine) as s:
        assert s.exec(select(func.count()).select_from(Article)).one() == 1
        assert s.exec(select(func.count()).select_from(Claim)).one() == 1


def test_a_claim_that_is_not_verifiable_is_stored_as_not_verifiable(engine: Engine) -> None:
    with write_session(engine) as s:
        _, claims, _ = save_article(s, make_loaded(), [make_claim(verifiable=False)], NOW)
    assert claims[0].status == "not_verifiable"


def test_a_claim_without_a_window_gets_the_default_horizon(engine: Engine) -> None:
    with write_session(engine) as s:
        _, claims, _ = save_article(
            s,
            make_loaded(),
            [make_claim(due_earliest=None, due_latest=None, due_basis="")],
            NOW,
            default_horizon_days=30,
        )
    assert (claims[0].due_earliest, claims[0].due_latest) == (date(2023, 6, 18), date(2023, 7, 18))
    assert claims[0].due_basis == "default_horizon"


def test_an_article_without_a_reference_date_is_refused(engine: Engine) -> None:
    with pytest.raises(ValueError, match="reference date"), write_session(engine) as s:
        save_article(s, make_loaded(reference_date=None), [], NOW)
