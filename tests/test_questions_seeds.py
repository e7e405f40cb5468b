"""The bundled seeds, run through the daemon's jobs with feed items read as articles: each real
event is one question, resolved once with its evidence, and no question's claims contradict
each other unless their windows or polarities differ (issue 13, section 3)."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from forecasts.clock import FixedClock
from forecasts.config import load_settings
from forecasts.db import open_database, session
from forecasts.jobs.scheduler import Daemon
from forecasts.questions import views
from tests.conftest import REPO


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(REPO / "seeds", root / "seeds")
    config = root / "config.toml"
    config.write_text(f'database_url = "sqlite:///{root / "f.db"}"\n', encoding="utf-8")
    settings = load_settings(config)
    engine = open_database(settings.resolved_database_url())
    clock = FixedClock(datetime(2024, 12, 15, 12, tzinfo=UTC))
    assert Daemon(settings, engine, clock).run_once() == 0
    with session(engine) as s:
        questions = [views.question_view(s, q["id"]) for q in views.questions_view(s)]
    yield engine, questions
    engine.dispose()


def _about(questions: list[dict[str, Any]], family: str, *words: str) -> list[dict[str, Any]]:
    """Questions of an event family with a claim whose text names every word."""
    return [
        q
        for q in questions
        if q["event_type"] == family
        and any(all(w.lower() in c["claim"].lower() for w in words) for c in q["claims"])
    ]


@pytest.mark.parametrize(
    ("words", "day"),
    [
        (("visit", "Yellen", "Beijing"), date(2023, 7, 6)),
        (("attend", "Xi", "APEC"), None),
        (("meet", "Biden", "Xi"), date(2023, 11, 15)),
    ],
)
def test_each_real_event_is_one_question_fulfilled_once_with_evidence(
    seeded: Any, words: tuple[str, ...], day: date | None
) -> None:
    """Yellen's trip, Xi at APEC and the Biden-Xi meeting: one fulfilled question each, with
    the item that decided it, and every claim about it whose window holds the day fulfilled."""
    _, questions = seeded
    found = [q for q in _about(questions, *words) if q["status"] == "fulfilled"]
    assert len(found) == 1, [(q["id"], q["status"], q["title"]) for q in found]
    (question,) = found
    assert question["evidence"] and question["evidence"][0]["kind"] == "fulfilment"
    if day is not None:
        assert question["event_date"] == day
    assert len(question["claims"]) >= 3


def test_no_question_has_contradictory_verdicts(seeded: Any) -> None:
    """Within a question, claims differ in verdict only when their windows or polarities do."""
    _, questions = seeded
    for q in questions:
        happened = q["event_date"]
        for c in q["claims"]:
            if c["status_by"] == "user" or c["status"] in {"not_verifiable", "void"}:
                continue
            if q["status"] == "fulfilled" and happened is not None:
                inside = c["due_earliest"] <= happened <= c["due_latest"]
                if inside:
                    expected = "fulfilled" if c["polarity"] == "positive" else "unfulfilled"
                    assert c["status"] == expected, (q["id"], c["id"], c["claim"])


def test_outlets_are_publishers_not_the_feed(seeded: Any) -> None:
    """Articles made from archive items are credited to their publisher's domain."""
    engine: Engine = seeded[0]
    with engine.connect() as conn:
        import sqlalchemy as sa

        outlets = {
            r[0]
            for r in conn.execute(sa.text("SELECT source FROM article WHERE item_id IS NOT NULL"))
        }
    assert outlets and not ({"archive", "world-2023-archive"} & outlets)
    assert {"apnews.com", "reuters.com"} & outlets
