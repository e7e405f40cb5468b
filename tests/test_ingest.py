"""ingest_sources: every input loaded, extracted and stored on its own; bad ones fail alone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import func, select

from forecasts.claims.types import ExtractedClaim
from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.db import session
from forecasts.errors import ForecastsError
from forecasts.jobs.ingest import ingest_sources
from forecasts.models import Article, Claim

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "articles"
CLOCK = FixedClock(datetime(2026, 11, 29, 9, 0, tzinfo=UTC))


def will_sentences(text: str, reference: date, settings: Settings) -> list[ExtractedClaim]:
    """A stand-in extractor for these tests: every sentence with "will" is a claim."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return [
        ExtractedClaim(
            sentence=s,
            claim=s,
            hedge="will",
            probability=0.9,
            due_earliest=reference,
            due_latest=reference + timedelta(days=30),
            due_basis="test",
        )
        for s in sentences
        if re.search(r"\bwill\b", s)
    ]


def counts(engine: Engine) -> tuple[int, int]:
    with session(engine) as s:
        return (
            s.exec(select(func.count()).select_from(Article)).one(),
            s.exec(select(func.count()).select_from(Claim)).one(),
        )


def test_a_folder_is_ingested_and_claims_stored(engine: Engine, settings: Settings) -> None:
    summary = ingest_sources(engine, settings, CLOCK, [str(REPO / "seeds")], extract=will_sentences)
    (result,) = summary.results
    assert result.created and result.error == ""
    assert result.article is not None and result.article.reference_date == date(2023, 6, 18)
    assert result.claims and all(c.id is not None for c in result.claims)
    assert counts(engine) == (1, len(result.claims))


def test_ingesting_the_same_text_twice_adds_nothing(engine: Engine, settings: Settings) -> None:
    first = ingest_sources(engine, settings, CLOCK, [str(REPO / "seeds")], extract=will_sentences)
    again = ingest_sources(engine, settings, CLOCK, [str(REPO / "seeds")], extract=will_sentences)
    assert not again.results[0].created
    assert again.results[0].article_id == first.results[0].article_id
    assert [c.id for c in again.results[0].claims] == [c.id for c in first.results[0].claims]
    assert counts(engine)[0] == 1


def test_a_dry_run_stores_nothing(engine: Engine, settings: Settings) -> None:
    summary = ingest_sources(
        engine, settings, CLOCK, [str(REPO / "seeds")], dry_run=True, extract=will_sentences
    )
    assert summary.results[0].claims and summary.results[0].claims[0].id is None
    assert counts(engine) == (0, 0)


def test_a_dry_run_needs_no_database(settings: Settings) -> None:
    summary = ingest_sources(
        None,
        settings,
        CLOCK,
        [str(DATA / "rocket-launch.txt")],
        dry_run=True,
        extract=will_sentences,
    )
    assert summary.exit_code == 0 and summary.results[0].claims


def test_one_bad_input_fails_alone_with_a_clear_error(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    summary = ingest_sources(
        engine,
        settings,
        CLOCK,
        [str(empty), "missing.txt", str(DATA / "rocket-launch.txt")],
        extract=will_sentences,
    )
    assert [bool(r.error) for r in summary.results] == [True, True, False]
    assert summary.results[0].error == f"{empty}: empty file"
    assert summary.results[1].error == "missing.txt: no such file or directory"
    assert summary.exit_code == 2
    assert counts(engine)[0] == 1


def test_an_extractor_failure_leaves_nothing_half_written(
    engine: Engine, settings: Settings
) -> None:
    """One transaction per article: if its claims cannot be made, its article is not stored."""

    def broken(text: str, reference: date, settings: Settings) -> list[ExtractedClaim]:
        raise ForecastsError("extractor exploded")

    summary = ingest_sources(
        engine, settings, CLOCK, [str(DATA / "rocket-launch.txt")], extract=broken
    )
    assert "extractor exploded" in summary.results[0].error
    assert counts(engine) == (0, 0)


def test_a_failure_while_saving_rolls_the_article_back(engine: Engine, settings: Settings) -> None:
    def bad_claim(text: str, reference: date, settings: Settings) -> list[ExtractedClaim]:
        return [ExtractedClaim(sentence="x", claim="x", probability="high")]  # type: ignore[arg-type]

    summary = ingest_sources(
        engine, settings, CLOCK, [str(DATA / "rocket-launch.txt")], extract=bad_claim
    )
    assert summary.results[0].error.startswith(str(DATA / "rocket-launch.txt"))
    assert counts(engine) == (0, 0)


def test_an_undated_article_speaks_from_the_day_it_is_read(
    engine: Engine, settings: Settings
) -> None:
    summary = ingest_sources(
        engine, settings, CLOCK, [str(DATA / "undated-opinion.txt")], extract=will_sentences
    )
    article = summary.results[0].article
    assert article is not None and article.reference_date == date(2026, 11, 29)
    assert article.reference_date_basis.startswith("ingest date")


def test_published_is_passed_down(engine: Engine, settings: Settings) -> None:
    summary = ingest_sources(
        engine,
        settings,
        CLOCK,
        [str(DATA / "rocket-launch.txt")],
        published=date(2024, 5, 3),
        extract=will_sentences,
    )
    article = summary.results[0].article
    assert article is not None and article.reference_date == date(2024, 5, 3)


@pytest.mark.parametrize("progress_calls", [3])
def test_progress_is_reported_per_article(
    engine: Engine, settings: Settings, progress_calls: int
) -> None:
    seen: list[str] = []
    ingest_sources(
        engine,
        settings,
        CLOCK,
        [str(DATA / "rocket-launch.txt"), str(DATA / "fed-holds-rates.html"), str(REPO / "seeds")],
        extract=will_sentences,
        progress=seen.append,
    )
    assert len(seen) == progress_calls


def test_check_raises_the_first_error_for_one_at_a_time_callers(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    """The inbox job ingests one file per call and needs an exception to file it as failed."""
    from forecasts.errors import ArticleError

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    summary = ingest_sources(engine, settings, CLOCK, [str(empty)], extract=will_sentences)
    with pytest.raises(ArticleError, match="empty file"):
        summary.check()
    ok = ingest_sources(
        engine, settings, CLOCK, [str(DATA / "rocket-launch.txt")], extract=will_sentences
    )
    assert ok.check() is ok
