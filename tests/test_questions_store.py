"""Claims find their question when stored; users merge and split questions, audited
(forecasts.questions.attach, forecasts.store.questions, forecasts questions/question/merge/split)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from forecasts.db import session, write_session
from forecasts.models import Claim
from forecasts.questions.attach import attach_new_claims
from forecasts.store import questions as store
from tests.test_verify_factories import make_article, make_claim

NOW = datetime(2023, 7, 1, tzinfo=UTC)


def _attach(engine: Engine, *claim_ids: int) -> None:
    with write_session(engine) as s:
        attach_new_claims(s, [s.get(Claim, i) for i in claim_ids], NOW)  # type: ignore[misc]


def _question_of(engine: Engine, claim_id: int) -> int | None:
    with session(engine) as s:
        claim = s.get(Claim, claim_id)
        assert claim is not None
        return claim.question_id


@pytest.fixture
def three(engine: Engine) -> dict[str, int]:
    """Yellen's trip said twice, and a Biden-Xi meeting."""
    article = make_article(engine)
    ids = {
        "later": make_claim(engine, article),
        "july": make_claim(
            engine,
            article,
            claim="Yellen to visit Beijing July 6-9",
            actors=["Yellen"],
            location="",
            due_earliest=date(2023, 7, 6),
            due_latest=date(2023, 7, 9),
        ),
        "meeting": make_claim(
            engine,
            article,
            claim="Biden and Xi will meet",
            actors=["Joe Biden", "Xi Jinping"],
            event_type="meeting",
            location="",
        ),
    }
    _attach(engine, *ids.values())
    return ids


def test_claims_about_one_event_share_a_question_and_say_why(
    engine: Engine, three: dict[str, int]
) -> None:
    """The second Yellen claim joins the first one's question with a merge row (score, rule);
    the meeting opens its own."""
    trip = _question_of(engine, three["later"])
    assert trip is not None
    assert _question_of(engine, three["july"]) == trip
    assert _question_of(engine, three["meeting"]) not in {None, trip}
    with session(engine) as s:
        merges = store.merges_of(s, trip)
        history = store.history_of(s, trip)
    assert (merges[0].claim_id, merges[0].rule) == (three["later"], "opened")
    assert merges[1].claim_id == three["july"] and merges[1].score > 0.5
    assert [h.action for h in history] == ["created", "merged"]


def test_attaching_twice_changes_nothing(engine: Engine, three: dict[str, int]) -> None:
    """A claim that has a question keeps it."""
    before = _question_of(engine, three["july"])
    _attach(engine, three["july"])
    assert _question_of(engine, three["july"]) == before
    with session(engine) as s:
        assert len(store.merges_of(s, before or 0)) == 2


def _json(run_cli: Any, *args: str) -> Any:
    result = run_cli(*args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_cli_lists_shows_merges_and_splits_questions(
    engine: Engine, three: dict[str, int], run_cli: Any
) -> None:
    """`questions`, `question ID`, `merge Q1 Q2` and `split Q --claim ID` round-trip, audited;
    `claim ID --json` names the claim's question."""
    trip = _question_of(engine, three["later"])
    meeting = _question_of(engine, three["meeting"])
    listed = _json(run_cli, "questions")["questions"]
    assert [(q["id"], q["claims"]) for q in listed] == [(trip, 2), (meeting, 1)]
    shown = _json(run_cli, "question", str(trip))
    assert [c["id"] for c in shown["claims"]] == [three["later"], three["july"]]
    assert _json(run_cli, "claim", str(three["july"]))["question"] == trip

    merged = _json(run_cli, "merge", str(trip), str(meeting))
    assert merged["claims_moved"] == [three["meeting"]]
    assert _json(run_cli, "questions")["questions"][0]["claims"] == 3
    split = _json(run_cli, "split", str(trip), "--claim", str(three["meeting"]))
    assert _question_of(engine, three["meeting"]) == split["new_question"]
    shown = _json(run_cli, "question", str(trip))
    undone = [m for m in shown["merges"] if m["claim"] == three["meeting"]]
    assert undone and undone[0]["by"] == "user" and undone[0]["undone_at"] is not None
    assert [h["action"] for h in shown["history"]][-2:] == ["merged", "split"]


def test_cli_merges_and_splits_are_by_user(
    engine: Engine, three: dict[str, int], run_cli: Any
) -> None:
    """The CLI's merge and split rows say "user", with no channel in their reasons."""
    trip = _question_of(engine, three["later"])
    meeting = _question_of(engine, three["meeting"])
    _json(run_cli, "merge", str(trip), str(meeting))
    new = _json(run_cli, "split", str(trip), "--claim", str(three["meeting"]))["new_question"]
    with session(engine) as s:
        rows = [
            h
            for qid in (trip, meeting, new)
            for h in store.history_of(s, qid or 0)
            if h.action in {"merged", "split", "created"} and h.by != "auto"
        ]
    assert len(rows) == 4  # merged twice (both questions), split, created
    assert all(h.by == "user" and "via" not in h.reason for h in rows)


@pytest.mark.parametrize(
    ("by", "reason", "recorded"),
    [
        ("auto", "seen", ("auto", "seen")),
        ("user", "seen", ("user", "seen")),
        ("user via web", "seen", ("user", "seen (user via web)")),
        ("user via web", "seen (user via web)", ("user", "seen (user via web)")),
    ],
)
def test_history_rows_keep_the_role_and_name_the_channel_once(
    by: str, reason: str, recorded: tuple[str, str]
) -> None:
    """`audited`: "user via web" is recorded as the user, the web named once in the reason."""
    from forecasts.store.claims import audited

    assert audited(by, reason) == recorded


@pytest.mark.parametrize("by", ["web", "auto via web", "user via ", ""])
def test_unknown_actors_are_refused(by: str) -> None:
    from forecasts.store.claims import audited

    with pytest.raises(ValueError, match="by must be"):
        audited(by, "x")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("merge", "1", "1"), "cannot be merged into itself"),
        (("merge", "1", "99"), "no question with id 99"),
        (("split", "2", "--claim", "1"), "is not in question 2"),
        (("split", "2", "--claim", "3"), "the only claim of question 2"),
        (("questions", "--status", "maybe"), "unknown status 'maybe'"),
    ],
)
def test_bad_merges_and_splits_get_one_line_and_change_nothing(
    engine: Engine, three: dict[str, int], run_cli: Any, args: tuple[str, ...], message: str
) -> None:
    """Merging a question into itself or a missing one, splitting a claim from a question it
    is not in or its only claim: one line on stderr, a non-zero exit."""
    result = run_cli(*args)
    assert result.code != 0
    assert message in result.err
    assert _question_of(engine, three["meeting"]) == 2


def test_a_user_decides_a_question_and_its_claims_follow_but_the_judge_never_overrides(
    engine: Engine, three: dict[str, int], run_cli: Any
) -> None:
    """`decide Q --fulfilled --event-date`: claims whose window holds the day are fulfilled,
    audited; a later automatic settling pass leaves the user's question as it is."""
    from forecasts.clock import FixedClock
    from forecasts.jobs.questions import settle_questions

    trip = _question_of(engine, three["later"])
    shown = _json(run_cli, "decide", str(trip), "--fulfilled", "--event-date", "2023-07-06")
    assert (shown["status"], shown["status_by"]) == ("fulfilled", "user")
    assert {c["id"]: c["status"] for c in shown["claims"]} == {
        three["later"]: "fulfilled",
        three["july"]: "fulfilled",
    }
    assert shown["history"][-1]["by"] == "user"
    settle_questions(engine, None, FixedClock(NOW))  # type: ignore[arg-type]
    again = _json(run_cli, "question", str(trip))
    assert (again["status"], again["status_by"]) == ("fulfilled", "user")
