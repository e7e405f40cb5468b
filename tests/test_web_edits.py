"""Correcting and tagging a claim on the web (``store.claim_edits``, as `forecasts edit` and
`forecasts tag`), the claims list's CLI filters, and ids and back links that must stay safe."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine

from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.db import session
from forecasts.models import Claim, ClaimHistory
from forecasts.store import claim_edits, web_queries
from forecasts.store.claim_lists import ClaimFilter, find_claims
from forecasts.web.app import create_app, local_target
from tests.report_data import NOW, small_db
from tests.web_client import WebClient


@pytest.fixture
def web(engine: Engine, settings: Settings) -> WebClient:
    small_db(engine)
    return WebClient(create_app(settings, engine, FixedClock(NOW)))


def claim(engine: Engine, cid: int) -> Claim:
    with session(engine) as s:
        found = s.get(Claim, cid)
        assert found is not None
        return found


def edit_form(web: WebClient, cid: int) -> dict[str, str]:
    """The edit form as the page fills it in (every field at its current value)."""
    c = web.get(f"/claims/{cid}?format=json").json()
    return {
        "csrf_token": web.csrf(f"/claims/{cid}"),
        "statement": c["statement"],
        "actors": ", ".join(c["actors"]),
        "event": c["event"],
        "place": c["location"],
        "due_earliest": c["window"]["earliest"],
        "due_latest": c["window"]["latest"],
        "speaker": c["speaker"],
        "hedge": c["hedge"],
        "probability": str(c["probability"]),
        "polarity": c["polarity"],
        "note": "",
    }


def test_the_claim_page_has_the_edit_and_tag_forms(web: WebClient) -> None:
    text = web.get("/claims/7").text
    assert 'action="/claims/7/edit"' in text and 'action="/claims/7/tags"' in text
    assert 'name="due_latest" value="2023-06-30"' in text


def test_an_edit_records_only_the_changed_fields_as_user_via_web(
    web: WebClient, engine: Engine
) -> None:
    """The form sends every field; only the changed one is an edit row, by "user via web",
    with the note once; an automatic verdict is reopened for the judge."""
    form = edit_form(web, 3)  # unfulfilled by the judge
    form.update(due_latest="2023-12-31", note="the article says by year end")
    response = web.post("/claims/3/edit", form)
    assert response.status_code == 303 and response.headers["location"] == "/claims/3"
    with session(engine) as s:
        edits = claim_edits.edits_of(s, 3)
    assert [(e.field_name, e.from_value, e.to_value) for e in edits] == [
        ("due_latest", "2023-06-30", "2023-12-31")
    ]
    assert (edits[0].by, edits[0].reason) == ("user via web", "the article says by year end")
    assert claim(engine, 3).status == "open"
    with session(engine) as s:
        reopened = s.exec(
            ClaimHistory.__table__.select().where(ClaimHistory.claim_id == 3)  # type: ignore[attr-defined]
        ).all()[-1]
    assert reopened.by == "user" and reopened.reason.count("user via web") == 1
    assert reopened.reason.endswith("the article says by year end (user via web)")
    page = web.get("/claims/3").text
    row = page[page.index("<caption>Corrections</caption>") :]
    row = row[: row.index("</table>")]
    assert row.count("user via web") == 1 and "the article says by year end" in row


def test_a_new_hedge_sets_the_probability_as_the_cli_does(web: WebClient, engine: Engine) -> None:
    form = edit_form(web, 7)
    form["hedge"] = "unlikely"
    web.post("/claims/7/edit", form)
    edited = claim(engine, 7)
    assert (edited.hedge, edited.probability) == ("unlikely", 0.2)


def test_sending_the_form_unchanged_is_no_edit(web: WebClient, engine: Engine) -> None:
    """Not even the statement, which the form shows as the claim text when there is none."""
    assert web.post("/claims/7/edit", edit_form(web, 7)).status_code == 303
    with session(engine) as s:
        assert claim_edits.edits_of(s, 7) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("due_latest", "2023-02-30", "due_latest: &#39;2023-02-30&#39; is not a date"),
        ("due_earliest", "2024-01-01", "would end (2023-06-30) before it starts"),
        ("probability", "1.5", "probability: 1.5 is outside 0..1"),
        ("probability", "lots", "is not a number"),
        ("statement", "  ", "the statement cannot be empty"),
        ("polarity", "sideways", "polarity: &#39;sideways&#39;"),
    ],
)
def test_bad_edits_are_400_and_change_nothing(
    web: WebClient, engine: Engine, field: str, value: str, message: str
) -> None:
    form = edit_form(web, 7)
    form[field] = value
    response = web.post("/claims/7/edit", form)
    assert response.status_code == 400 and message in response.text
    with session(engine) as s:
        assert claim_edits.edits_of(s, 7) == []
    assert claim(engine, 7).due_latest == date(2023, 6, 30)


def test_edits_and_tags_need_the_csrf_token(web: WebClient, engine: Engine) -> None:
    form = edit_form(web, 7)
    form.update(csrf_token="forged", speaker="Mallory")
    assert web.post("/claims/7/edit", form).status_code == 403
    assert web.post("/claims/7/tags", {"add": "x"}).status_code == 403
    assert claim(engine, 7).speaker == "Yellen"


def test_tags_are_added_removed_and_filter_the_list(web: WebClient, engine: Engine) -> None:
    token = web.csrf("/claims/7")
    web.post("/claims/7/tags", {"csrf_token": token, "add": "China, Trade"})
    web.post("/claims/4/tags", {"csrf_token": token, "add": "china"})
    with session(engine) as s:
        assert claim_edits.tags_of(s, 7) == ["china", "trade"]
    assert 'href="/claims?tag=trade"' in web.get("/claims/7").text
    listed = web.get("/claims?tag=china&sort=id&format=json").json()
    assert [c["id"] for c in listed["claims"]] == [4, 7]
    both = web.get("/claims?tag=china&tag=trade&format=json").json()
    assert [c["id"] for c in both["claims"]] == [7]
    web.post("/claims/7/tags", {"csrf_token": token, "remove": "trade"})
    with session(engine) as s:
        assert claim_edits.tags_of(s, 7) == ["china"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"remove": "nope"}, "has no tag nope"), ({"add": " , "}, "name a tag to add or remove")],
)
def test_bad_tag_forms_are_400(web: WebClient, fields: dict[str, str], message: str) -> None:
    response = web.post("/claims/7/tags", {"csrf_token": web.csrf("/claims/7"), **fields})
    assert response.status_code == 400 and message in response.text


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("status=open&status=void", [7, 8, 10]),
        ("search=visit+beijing", list(range(1, 11))),  # every word, anywhere
        ("search=beijing+tokyo", []),
        ("speaker=yel", [3, 4, 7]),  # contains, any case, as `--speaker`
        ("outlet=japan", [1, 2, 6, 7, 8, 9, 10]),
        ("sort=resolved&status=open", [7, 10]),
    ],
)
def test_claims_list_takes_the_cli_filters(web: WebClient, query: str, ids: list[int]) -> None:
    doc = web.get(f"/claims?{query}&format=json&per_page=200").json()
    got = [c["id"] for c in doc["claims"]]
    assert (got if "sort=" in query else sorted(got)) == ids


def test_an_impossible_date_range_is_400(web: WebClient) -> None:
    page = web.get("/claims?due_after=2023-08-01&due_before=2023-07-01")
    assert page.status_code == 400 and "is later than due_before" in page.text


@pytest.mark.parametrize("cid", ["999999999999999999", "99999999999999999999999", "0"])
def test_ids_past_any_database_integer_are_404(web: WebClient, cid: str) -> None:
    """18 digits and more: 404 like any unknown id, for pages and forms alike (never 500)."""
    assert web.get(f"/claims/{cid}").status_code == 404
    token = web.csrf("/claims/7")
    for form in ("resolve", "edit", "tags"):
        response = web.post(f"/claims/{cid}/{form}", {"csrf_token": token, "action": "void"})
        assert response.status_code == 404, form


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/questions/2", "/questions/2"),
        ("/claims?status=open", "/claims?status=open"),
        ("//evil.example/", "/claims"),
        ("/\\evil.example/", "/claims"),
        ("/\t/evil.example/", "/claims"),
        ("/\n/evil.example/", "/claims"),
        ("https://evil.example/", "/claims"),
        ("javascript:alert(1)", "/claims"),
    ],
)
def test_back_links_stay_on_this_site(value: str, expected: str) -> None:
    assert local_target(value, "/claims") == expected


def test_the_claim_pages_back_link_is_safe(web: WebClient) -> None:
    assert '<a href="/questions/3">← back</a>' in web.get("/claims/7?back=/questions/3").text
    page = web.get("/claims/7?back=/%09/evil.example").text
    assert "evil.example" not in page


def test_a_decision_after_an_edit_history_stays_readable(web: WebClient, engine: Engine) -> None:
    """Deciding on the web after an edit: one history row each, each saying "user via web"
    once."""
    form = edit_form(web, 7)
    form.update(event="visit Shanghai", note="wrong city")
    web.post("/claims/7/edit", form)
    token = web.csrf("/claims/7")
    web.post("/claims/7/resolve", {"csrf_token": token, "action": "void", "note": "withdrawn"})
    with session(engine) as s:
        rows = s.exec(ClaimHistory.__table__.select().where(ClaimHistory.claim_id == 7)).all()  # type: ignore[attr-defined]
    assert [r.reason for r in rows] == ["withdrawn (user via web)"]


@pytest.mark.parametrize(
    "f",
    [
        ClaimFilter(search="VISIT beijing"),
        ClaimFilter(search="100%"),
        ClaimFilter(search="meet_xi"),
        ClaimFilter(speaker="YELLEN", statuses=("open", "unfulfilled")),
        ClaimFilter(outlet="reuters", due_after=date(2023, 6, 1)),
    ],
)
def test_the_list_finds_what_the_cli_finds(web: WebClient, engine: Engine, f: ClaimFilter) -> None:
    """The page's search (LIKE without lower() on SQLite) matches `forecasts claims` exactly."""
    with engine.connect() as conn:
        cli = [line.id for line in find_claims(conn, f, sort="id")]
        page, total = web_queries.list_claims(conn, f, "id", web_queries.Page(1, 200))
    assert [r["id"] for r in page] == cli and total == len(cli)


def test_the_review_queue_edits_and_tags_in_place(web: WebClient, engine: Engine) -> None:
    """Each review card has the edit and tag forms; after either the browser is back at it."""
    text = web.get("/review").text
    assert 'action="/claims/6/edit"' in text and 'action="/claims/6/tags"' in text
    token = web.csrf("/review")
    response = web.post(
        "/claims/6/tags", {"csrf_token": token, "add": "asia", "next": "/review#claim-6"}
    )
    assert response.headers["location"] == "/review#claim-6"
    assert 'href="/claims?tag=asia"' in web.get("/review").text
    form = edit_form(web, 6)
    form.update(speaker="Kishida", next="/review#claim-6")
    assert web.post("/claims/6/edit", form).headers["location"] == "/review#claim-6"
    assert claim(engine, 6).speaker == "Kishida"
