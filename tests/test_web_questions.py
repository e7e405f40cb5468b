"""The dashboard's questions: the list (filters, sort, paging, JSON), one question, and the
decide / merge / split forms, through the ASGI app on a real database.

Questions over the report tests' small database: Q1 "Blinken will visit Beijing" (claims 1 and
2, fulfilled by the judge), Q2 Yellen's visit (claim 7, open), Q3 the G7 statement (claim 10).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.db import session, write_session
from forecasts.models import Claim, ClaimStatus, Question, QuestionHistory
from forecasts.store import questions as qstore
from forecasts.web.app import create_app
from tests.report_data import NOW, small_db
from tests.web_client import WebClient


def seed(engine: Engine) -> None:
    small_db(engine)
    with write_session(engine) as s:

        def claim(cid: int) -> Claim:
            found = s.get(Claim, cid)
            assert found is not None
            return found

        q1 = qstore.open_question(s, claim(1), "visit", NOW, by="auto")
        qstore.attach(s, q1, claim(2), score=0.8, rule="same actors", by="auto", now=NOW)
        q1.status = "fulfilled"
        q1.event_date = date(2023, 6, 18)
        s.add(q1)
        qstore.open_question(s, claim(7), "visit", NOW, by="auto")
        q3 = qstore.open_question(s, claim(10), "statement", NOW, by="auto")
        q3.location = "Hiroshima"
        s.add(q3)


@pytest.fixture
def web(engine: Engine, settings: Settings) -> WebClient:
    seed(engine)
    return WebClient(create_app(settings, engine, FixedClock(NOW)))


def question(engine: Engine, qid: int) -> Question:
    with session(engine) as s:
        found = s.get(Question, qid)
        assert found is not None
        return found


def claim_status(engine: Engine, cid: int) -> tuple[str, str]:
    with session(engine) as s:
        found = s.get(Claim, cid)
        assert found is not None
        return found.status, found.status_by


def history(engine: Engine, qid: int) -> list[QuestionHistory]:
    with session(engine) as s:
        query = select(QuestionHistory).where(QuestionHistory.question_id == qid)
        return list(s.exec(query.order_by(QuestionHistory.id)).all())  # type: ignore[arg-type]


def post(web: WebClient, qid: int, form: str, **fields: str) -> object:
    token = web.csrf(f"/questions/{qid}")
    return web.post(f"/questions/{qid}/{form}", {"csrf_token": token, **fields})


# --- the list -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("", [1, 2, 3]),
        ("status=open", [2, 3]),
        ("status=open&status=fulfilled", [1, 2, 3]),
        ("search=g7+STATEMENT", [3]),  # every word, any case, title or event
        ("search=beijing+tokyo", []),
        ("search=hiroshima", [3]),
        ("event_type=statement", [3]),
        ("due_after=2023-07-01", [3]),
        ("due_before=2023-06-30&status=open", [2]),
        ("search=100%25", []),
    ],
)
def test_questions_filter_like_the_cli(web: WebClient, query: str, ids: list[int]) -> None:
    """Status (repeatable, as `forecasts questions --status`), words, event family, due dates."""
    doc = web.get(f"/questions?{query}&sort=id&format=json").json()
    assert [q["id"] for q in doc["questions"]] == ids
    assert doc["total"] == len(ids)


def test_questions_list_counts_sorts_and_pages(web: WebClient) -> None:
    """Each question with its claim count; sorted; paged with links keeping the filters."""
    doc = web.get("/questions?sort=-id&per_page=2&format=json").json()
    assert [(q["id"], q["claims"]) for q in doc["questions"]] == [(3, 1), (2, 1)]
    assert doc["total"] == 3
    page = web.get("/questions?sort=id&per_page=2&status=open&status=fulfilled")
    assert page.status_code == 200
    assert "page 1 of 2" in page.text
    assert "status=open&amp;status=fulfilled&amp;page=2" in page.text
    assert 'href="/questions/1"' in page.text and "Blinken will visit Beijing" in page.text


def test_a_merged_question_is_not_listed(web: WebClient, engine: Engine) -> None:
    """A question merged into another stands no more (as in `forecasts questions`)."""
    post(web, 1, "merge", other="2")
    assert [q["id"] for q in web.get("/questions?format=json").json()["questions"]] == [1, 3]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=bogus", "status: &#39;bogus&#39; is not a status"),
        ("due_after=2023-02-30", "due_after: &#39;2023-02-30&#39; is not a date"),
        ("due_after=2023-08-01&due_before=2023-07-01", "is later than due_before"),
        ("sort=title", "sort: &#39;title&#39; is not one of"),
        ("per_page=100000", "per_page: 100000 is not between"),
    ],
)
def test_bad_question_list_parameters_are_400(web: WebClient, query: str, message: str) -> None:
    page = web.get(f"/questions?{query}")
    assert page.status_code == 400 and message in page.text


def test_every_status_is_offered_in_the_lists(web: WebClient) -> None:
    """The status menus offer every status there is, not a hand-picked few."""
    for path in ("/claims", "/questions"):
        text = web.get(path).text
        for status in ClaimStatus:
            assert f'name="status" value="{status.value}"' in text, (path, status)


def test_dashboard_counts_questions_by_status(web: WebClient) -> None:
    doc = web.get("/?format=json").json()
    assert doc["questions_by_status"] == {"fulfilled": 1, "open": 2}
    assert doc["questions_total"] == 3
    assert 'href="/questions?status=open"' in web.get("/").text


# --- one question ---------------------------------------------------------------------------


def test_question_page_shows_claims_evidence_merges_history_and_forms(web: WebClient) -> None:
    page = web.get("/questions/1")
    assert page.status_code == 200
    text = page.text
    assert "Blinken will visit Beijing" in text and "Claims (2)" in text
    assert "https://news.example/blinken-arrives" in text  # claim 1's evidence
    assert "same actors" in text  # why claim 2 is here
    assert 'action="/questions/1/decide"' in text and 'action="/questions/1/merge"' in text
    assert text.count('action="/questions/1/split"') == 2
    doc = web.get("/questions/1?format=json").json()
    assert [c["id"] for c in doc["claims"]] == [1, 2]
    assert doc["claims"][0]["outlet"] == "The Japan Times"


@pytest.mark.parametrize("path", ["/questions/99", "/questions/999999999999999999", "/questions/0"])
def test_unknown_question_is_404(web: WebClient, path: str) -> None:
    """Unknown ids, ids past any database integer (18 digits) included, are 404, never 500."""
    assert web.get(path).status_code == 404
    assert web.get(path + "?format=json").json()["error"].startswith("no question")


# --- decide ---------------------------------------------------------------------------------


def test_deciding_a_question_on_the_web_is_audited_and_its_claims_follow(
    web: WebClient, engine: Engine
) -> None:
    """It happened on a day in claim 7's window: the question is the user's, claim 7 follows."""
    response = post(web, 2, "decide", action="fulfilled", event_date="2023-06-10", note="seen")
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.headers["location"] == "/questions/2"  # type: ignore[attr-defined]
    q = question(engine, 2)
    assert (q.status, q.status_by, q.event_date) == ("fulfilled", "user", date(2023, 6, 10))
    assert history(engine, 2)[-1].reason == "seen (user via web)"
    assert claim_status(engine, 7) == ("fulfilled", "auto")


def test_reopening_a_question_does_not_snap_back_to_its_claims(
    web: WebClient, engine: Engine
) -> None:
    """Reopened, the question stays open: the claims that followed the decision go back to the
    judge with it instead of handing the decision straight back."""
    post(web, 2, "decide", action="fulfilled", event_date="2023-06-10")
    post(web, 2, "decide", action="reopen", note="too soon")
    q = question(engine, 2)
    assert (q.status, q.status_by) == ("open", "auto")
    assert claim_status(engine, 7) == ("open", "auto")
    assert "too soon (user via web)" in [h.reason for h in history(engine, 2)]
    page = web.get("/questions/2").text
    assert 'value="reopen"' not in page  # nothing of the user's left to reopen


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        ({"action": "fulfilled", "event_date": "2023-06-31"}, 400, "is not a date"),
        ({"action": "maybe"}, 400, "unknown decision"),
        ({"action": "reopen"}, 400, "no decision of yours to reopen"),
    ],
)
def test_bad_decisions_are_400_and_change_nothing(
    web: WebClient, engine: Engine, fields: dict[str, str], status: int, message: str
) -> None:
    response = post(web, 2, "decide", **fields)
    assert response.status_code == status  # type: ignore[attr-defined]
    assert message in response.text  # type: ignore[attr-defined]
    assert question(engine, 2).status == "open" and len(history(engine, 2)) == 1


def test_question_forms_need_the_csrf_token(web: WebClient, engine: Engine) -> None:
    for form, fields in (
        ("decide", {"action": "fulfilled"}),
        ("merge", {"other": "2"}),
        ("split", {"claim": "2"}),
    ):
        assert web.post(f"/questions/1/{form}", fields).status_code == 403
    assert question(engine, 2).merged_into is None and len(history(engine, 1)) == 2


def test_deciding_an_unknown_question_is_404(web: WebClient) -> None:
    token = web.csrf("/questions/1")
    for qid in ("99", "99999999999999999999"):
        response = web.post(f"/questions/{qid}/decide", {"csrf_token": token, "action": "reopen"})
        assert response.status_code == 404


# --- merge and split ------------------------------------------------------------------------


def test_merging_on_the_web_goes_through_the_cli_merge(web: WebClient, engine: Engine) -> None:
    """Q2's claim moves to Q1; Q2 stands no more; both histories say it was done on the web."""
    response = post(web, 1, "merge", other="2")
    assert response.headers["location"] == "/questions/1"  # type: ignore[attr-defined]
    assert question(engine, 2).merged_into == 1
    with session(engine) as s:
        assert [c.id for c in qstore.claims_of(s, 1)] == [1, 2, 7]
    assert history(engine, 1)[-1].reason == "question 2 merged in (claims 7) (user via web)"
    assert history(engine, 2)[-1].reason == "merged into question 1 (user via web)"
    page = web.get("/questions/2").text
    assert 'href="/questions/1"' in page and 'action="/questions/2/decide"' not in page


@pytest.mark.parametrize(
    ("other", "status", "message"),
    [
        ("1", 400, "cannot be merged into itself"),
        ("42", 404, "no question with id 42"),
        ("", 400, "give the id of a question"),
        ("two", 400, "is not a whole number"),
    ],
)
def test_bad_merges_change_nothing(
    web: WebClient, engine: Engine, other: str, status: int, message: str
) -> None:
    response = post(web, 1, "merge", other=other)
    assert response.status_code == status  # type: ignore[attr-defined]
    assert message in response.text  # type: ignore[attr-defined]
    assert len(history(engine, 1)) == 2


def test_splitting_on_the_web_goes_through_the_cli_split(web: WebClient, engine: Engine) -> None:
    """Claim 2 leaves Q1 for a question of its own; the browser lands on the new question."""
    response = post(web, 1, "split", claim="2")
    assert response.headers["location"] == "/questions/4"  # type: ignore[attr-defined]
    with session(engine) as s:
        assert [c.id for c in qstore.claims_of(s, 1)] == [1]
        assert [c.id for c in qstore.claims_of(s, 4)] == [2]
    assert history(engine, 1)[-1].reason == "claim 2 split off into question 4 (user via web)"
    assert "Claims (1)" in web.get("/questions/1").text


def _written_by_web(engine: Engine, *qids: int) -> list[QuestionHistory]:
    return [h for qid in qids for h in history(engine, qid) if h.by != "auto"]


def test_merge_and_split_history_rows_say_user_via_web_once(web: WebClient, engine: Engine) -> None:
    """Every row a web merge or split writes is the user's and names the web exactly once,
    including the new question's "created" row; the merge rows are the user's too."""
    post(web, 1, "merge", other="2")
    merged = _written_by_web(engine, 1, 2)
    assert len(merged) == 2
    post(web, 1, "split", claim="7")
    rows = _written_by_web(engine, 1, 2, 4)
    assert {h.action for h in rows} == {"merged", "split", "created"} and len(rows) == 4
    for h in rows:
        assert h.by == "user" and h.reason.count("user via web") == 1, h.reason
        assert h.reason.endswith(" (user via web)")
    with session(engine) as s:
        assert {m.by for m in qstore.merges_of(s, 1) if m.claim_id == 7} == {"user"}


@pytest.mark.parametrize(
    ("qid", "claim", "status", "message"),
    [
        (2, "7", 400, "the only claim of question 2"),
        (2, "1", 400, "claim 1 is not in question 2"),
        (1, "404", 404, "no claim with id 404"),
        (1, "", 400, "give the id of the claim"),
    ],
)
def test_bad_splits_change_nothing(
    web: WebClient, engine: Engine, qid: int, claim: str, status: int, message: str
) -> None:
    response = post(web, qid, "split", claim=claim)
    assert response.status_code == status  # type: ignore[attr-defined]
    assert message in response.text  # type: ignore[attr-defined]
    with session(engine) as s:
        assert len(s.exec(select(Question)).all()) == 3
