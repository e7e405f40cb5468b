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
from forecasts.questions.match import same_actor
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


def _same_actors(a: list[str], b: list[str]) -> bool:
    """The same set of actors, by any alias ("Xi" is "Xi Jinping")."""
    return (
        bool(a and b)
        and all(any(same_actor(x, y) for y in b) for x in a)
        and all(any(same_actor(y, x) for x in a) for y in b)
    )


def _fulfilled_twice(
    questions: list[dict[str, Any]], *, same_family: bool
) -> list[tuple[Any, ...]]:
    """Pairs of fulfilled questions with the same actors and overlapping windows (and, with
    ``same_family``, of one event family): one real event fulfilled twice."""
    done = [q for q in questions if q["status"] == "fulfilled"]
    return [
        tuple((q["id"], q["event_type"], q["event_date"], q["title"]) for q in (a, b))
        for i, a in enumerate(done)
        for b in done[i + 1 :]
        if (a["event_type"] == b["event_type"] or not same_family)
        and _same_actors(a["actors"], b["actors"])
        and a["window"]["earliest"] <= b["window"]["latest"]
        and b["window"]["earliest"] <= a["window"]["latest"]
    ]


def _q(qid: int, family: str, actors: list[str], first: date, last: date) -> dict[str, Any]:
    window = {"earliest": first, "latest": last}
    return {"id": qid, "status": "fulfilled", "event_type": family, "actors": actors,
            "window": window, "event_date": None, "title": ""}  # fmt: skip


def test_the_check_finds_an_event_fulfilled_twice() -> None:
    """Aliases count as the same actor; other actors, families or disjoint windows do not."""
    july = (date(2023, 7, 1), date(2023, 7, 31))
    questions = [
        _q(1, "visit", ["Janet Yellen"], *july),
        _q(2, "visit", ["Yellen"], date(2023, 7, 6), date(2023, 7, 9)),
        _q(3, "visit", ["Yellen"], date(2023, 9, 1), date(2023, 9, 30)),
        _q(4, "visit", ["Antony Blinken"], *july),
        _q(5, "meet", ["Janet Yellen"], *july),
    ]
    assert [(a[0], b[0]) for a, b in _fulfilled_twice(questions, same_family=True)] == [(1, 2)]
    pairs = _fulfilled_twice(questions, same_family=False)
    assert [(a[0], b[0]) for a, b in pairs] == [(1, 2), (1, 5), (2, 5)]


def test_no_event_is_fulfilled_twice(seeded: Any) -> None:
    """No two fulfilled questions share an event family and their actors with overlapping
    windows: each real event is fulfilled once, as one question."""
    _, questions = seeded
    assert _fulfilled_twice(questions, same_family=True) == []


def test_the_same_people_in_one_window_are_not_fulfilled_twice_under_two_families(
    seeded: Any,
) -> None:
    """Whatever the family a claim was given, the same people in overlapping windows are one
    fulfilled event: the Biden-Xi talks are their meeting, not also a "visit" of theirs."""
    _, questions = seeded
    assert _fulfilled_twice(questions, same_family=False) == []
