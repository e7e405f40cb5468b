"""The dashboard's pages and forms, through the ASGI app (httpx.ASGITransport) on a real database.

The data is the report tests' small database (tests/report_data.py: ten claims, June 2023
the report month, "now" 2023-07-03) plus one article with text, one feed and hostile text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from forecasts.clock import FixedClock
from forecasts.config import Settings
from forecasts.db import session, write_session
from forecasts.models import Article, Claim, ClaimHistory, Evidence, Feed
from forecasts.store import feeds as feed_store
from forecasts.web.app import create_app
from tests.report_data import NOW, make_claim, small_db
from tests.web_client import WebClient

ARTICLE_TEXT = (
    "Tokyo, June 1. Officials met on Monday to discuss the agenda. "
    "Blinken will visit Beijing. The trip was first planned for February. "
    "Analysts expect little progress."
)


def seed(engine: Engine) -> None:
    """The small database, an article with its text, a feed, and hostile strings."""
    small_db(engine)
    with write_session(engine) as s:
        first = s.get(Claim, 1)
        assert first is not None
        article = s.get(Article, first.article_id)
        assert article is not None
        article.text = ARTICLE_TEXT
        s.add(article)
        s.add(
            Evidence(
                claim_id=1,
                url="javascript:alert(1)",
                kind="counter",
                score=0.4,
                rule="report:cancelled",
                created_at=NOW,
            )
        )
        make_claim(
            s,
            article,
            claim="<script>alert('x')</script> will happen",
            sentence="<script>alert('x')</script> will happen.",
            speaker="<b>Mallory</b>",
            status="open",
            due=date(2023, 7, 20),
        )
        feed_store.add_feed(s, name="npr-world", url="https://feeds.npr.org/1004/rss.xml")
        feed_store.add_feed(s, name="from-config", url="https://example.com/rss", origin="config")
        broken = feed_store.add_feed(s, name="broken", url="https://broken.example/rss")
        broken.consecutive_errors = 3
        broken.last_error = "HTTP 500 from server"
        s.add(broken)


@pytest.fixture
def web(engine: Engine, settings: Settings) -> WebClient:
    seed(engine)
    return WebClient(create_app(settings, engine, FixedClock(NOW)))


def status_of(engine: Engine, claim_id: int) -> str:
    with session(engine) as s:
        claim = s.get(Claim, claim_id)
        assert claim is not None
        return claim.status


def history_of(engine: Engine, claim_id: int) -> list[ClaimHistory]:
    with session(engine) as s:
        return list(s.exec(select(ClaimHistory).where(ClaimHistory.claim_id == claim_id)).all())


def resolve(web: WebClient, claim_id: int, **fields: str) -> Any:
    data = {"csrf_token": web.csrf(f"/claims/{claim_id}"), **fields}
    return web.post(f"/claims/{claim_id}/resolve", data)


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_shows_counts_due_claims_verdicts_feeds_and_daemon(web: WebClient) -> None:
    """Counts by status, what falls due in 30 days, feed health, daemon and its jobs."""
    page = web.get("/")
    assert page.status_code == 200
    text = page.text
    assert "Claims by status" in text and 'href="/claims?status=needs_review"' in text
    assert "Due in the next 30 days (2)" in text  # claim 10 (Jul 15) and the hostile one (Jul 20)
    assert "G7 statement" not in text or "Blinken will visit Beijing" in text
    assert "3 feeds, 1 with errors" in text and "HTTP 500 from server" in text
    assert "not running" in text and "verify" in text


def test_dashboard_as_json(web: WebClient) -> None:
    """?format=json: the same figures for scripts."""
    doc = web.get("/?format=json").json()
    assert doc["claims_by_status"]["fulfilled"] == 4
    assert doc["claims_total"] == 11
    assert [c["id"] for c in doc["due_soon"]] == [10, 11]
    assert doc["daemon"]["running"] is False
    assert {j["name"] for j in doc["jobs"]} >= {"poll", "verify"}


def test_dashboard_lists_the_latest_verdicts(web: WebClient, engine: Engine) -> None:
    """A decision made on the web appears among the latest verdicts, newest first."""
    resolve(web, 6, action="unfulfilled", note="no trip happened")
    doc = web.get("/?format=json").json()
    latest = doc["latest_changes"][0]
    assert latest["claim_id"] == 6 and latest["to_status"] == "unfulfilled"
    assert "user via web" in latest["reason"]


def test_an_unknown_status_is_counted_like_any_other(web: WebClient, engine: Engine) -> None:
    """Statuses are read from the data: one added by another area shows up without changes here."""
    with write_session(engine) as s:
        claim = s.get(Claim, 7)
        assert claim is not None
        claim.status = "unresolved"
        s.add(claim)
    assert web.get("/?format=json").json()["claims_by_status"]["unresolved"] == 1
    assert web.get("/claims?status=unresolved&format=json").json()["total"] == 1


# --- claims list ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("status=needs_review", [6]),
        ("q=ALERT", [11]),  # case-insensitive words of the claim or sentence
        ("q=100%25", []),  # a literal percent sign is not a wildcard
        ("speaker=Yellen", [3, 4, 7]),
        ("outlet=Reuters", [3, 4, 5]),
        ("due_after=2023-07-01", [10, 11]),
        ("due_before=2023-05-31", [9]),
        ("due_after=2023-06-01&due_before=2023-06-30&status=fulfilled", [1, 2, 5]),
    ],
)
def test_claims_filters_match_the_cli(web: WebClient, query: str, ids: list[int]) -> None:
    """Status, search text, speaker, outlet and due dates filter the list (and combine)."""
    doc = web.get(f"/claims?{query}&format=json&sort=id").json()
    assert [c["id"] for c in doc["claims"]] == ids
    assert doc["total"] == len(ids)


def test_claims_sort_and_page(web: WebClient) -> None:
    """Sorted by the chosen key; pages of per_page with the total."""
    first = web.get("/claims?sort=-probability&per_page=3&format=json").json()
    assert [c["probability"] for c in first["claims"]] == [0.9, 0.9, 0.9]
    second = web.get("/claims?sort=id&per_page=4&page=2&format=json").json()
    assert [c["id"] for c in second["claims"]] == [5, 6, 7, 8] and second["total"] == 11
    page = web.get("/claims?sort=id&per_page=4&page=2")
    assert "page 2 of 3" in page.text and "page=3" in page.text and "page=1" in page.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("due_after=2023-02-30", "due_after: &#39;2023-02-30&#39; is not a date"),
        ("due_before=tomorrow", "due_before: &#39;tomorrow&#39; is not a date"),
        ("page=0", "page: 0 is not between"),
        ("page=x", "page: &#39;x&#39; is not a whole number"),
        ("sort=drop+table", "sort: &#39;drop table&#39; is not one of"),
        ("status=Robert%27)", "is not a status"),
    ],
)
def test_bad_list_parameters_are_400_with_a_message(
    web: WebClient, query: str, message: str
) -> None:
    """A malformed date, page, sort or status: 400 and one readable message."""
    page = web.get(f"/claims?{query}")
    assert page.status_code == 400
    assert message in page.text


def test_bad_date_as_json_is_a_json_error(web: WebClient) -> None:
    """With ?format=json the error is JSON too."""
    response = web.get("/claims?due_after=2023-13-01&format=json")
    assert response.status_code == 400
    assert "is not a date" in response.json()["error"]


# --- one claim ------------------------------------------------------------------------------


def test_claim_page_shows_context_window_hedge_evidence_and_history(web: WebClient) -> None:
    """The sentence marked inside its article, window, hedge and p, speaker, outlet, evidence."""
    text = web.get("/claims/1").text
    assert "<mark>Blinken will visit Beijing.</mark>" in text
    assert "Officials met on Monday" in text and "Analysts expect" in text
    assert '2023-01-01</span> – <span class="nw">2023-06-30' in text
    assert "p = 0.90" in text
    assert 'href="/speakers/Blinken"' in text and 'href="/outlets/The%20Japan%20Times"' in text
    assert 'href="https://news.example/blinken-arrives"' in text and "0.90" in text
    assert "report:cancelled" in text


def test_claim_statement_falls_back_to_the_claim_text(web: WebClient) -> None:
    """Until claims carry a statement, the claim's own text is the heading."""
    doc = web.get("/claims/1?format=json").json()
    assert doc["statement"] == doc["claim"] == "Blinken will visit Beijing"
    assert doc["article"]["source"] == "The Japan Times" and "text" not in doc["article"]


def test_claim_history_is_shown(web: WebClient) -> None:
    """A decision appears in the claim's history with who made it and why."""
    resolve(web, 7, action="void", note="superseded")
    text = web.get("/claims/7").text
    assert "superseded (user via web)" in text and ">user<" in text


@pytest.mark.parametrize("path", ["/claims/999", "/claims/999?format=json", "/claims/abc"])
def test_unknown_claim_is_404(web: WebClient, path: str) -> None:
    """An id that does not exist (or is not a number) is a 404 page."""
    assert web.get(path).status_code == 404


def test_untrusted_text_is_escaped_and_only_http_links_are_links(web: WebClient) -> None:
    """Article text is escaped; a javascript: evidence URL is shown as text, never linked."""
    text = web.get("/claims/11").text
    assert "<script>alert" not in text and "&lt;script&gt;alert" in text
    assert "<b>Mallory</b>" not in text
    claim_one = web.get("/claims/1").text
    assert 'href="javascript:' not in claim_one and "javascript:alert(1)" in claim_one


# --- review and decisions -------------------------------------------------------------------


def test_review_lists_needs_review_then_due_soon(web: WebClient) -> None:
    """Claims needing review first, then open claims falling due in the next 30 days."""
    doc = web.get("/review?format=json").json()
    assert [c["id"] for c in doc["needs_review"]] == [6]
    assert [c["id"] for c in doc["due_soon"]] == [10, 11]
    text = web.get("/review").text
    assert text.index("claim-6") < text.index("claim-10")
    assert text.count('action="/claims/6/resolve"') == 1


def test_resolving_from_the_review_queue_is_audited_as_user_via_web(
    web: WebClient, engine: Engine
) -> None:
    """Fulfilled with a note, a link and a date: status, event date, evidence and history."""
    token = web.csrf("/review")
    response = web.post(
        "/claims/6/resolve",
        {
            "csrf_token": token,
            "action": "fulfilled",
            "note": "seen it",
            "evidence_url": "https://example.com/it-happened",
            "event_date": "2023-06-20",
            "next": "/review",
        },
    )
    assert response.status_code == 303 and response.headers["location"] == "/review"
    with session(engine) as s:
        claim = s.get(Claim, 6)
        assert claim is not None
        assert (claim.status, claim.status_by, claim.event_date) == (
            "fulfilled",
            "user",
            date(2023, 6, 20),
        )
    (row,) = history_of(engine, 6)
    assert (row.from_status, row.to_status, row.by) == ("needs_review", "fulfilled", "user")
    assert row.reason == "seen it (user via web)"
    assert "https://example.com/it-happened" in web.get("/claims/6").text


def test_reopen_and_void_go_through_the_same_function(web: WebClient, engine: Engine) -> None:
    """Reopen hands a claim back to the judge; void withdraws it; both recorded."""
    assert resolve(web, 1, action="reopen").status_code == 303
    assert status_of(engine, 1) == "open"
    assert resolve(web, 1, action="void").status_code == 303
    assert status_of(engine, 1) == "void"
    reasons = [h.reason for h in history_of(engine, 1)]
    assert reasons == [
        "decided by hand: reopen (user via web)",
        "decided by hand: void (user via web)",
    ]


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        ({"action": "explode"}, 400, "unknown decision"),
        ({"action": "fulfilled", "event_date": "2023-06-31"}, 400, "event_date"),
        ({"action": "fulfilled", "evidence_url": "javascript:alert(1)"}, 400, "not an http(s) URL"),
        ({"action": "reopen"}, 400, "already open"),
    ],
)
def test_bad_decisions_are_400_and_change_nothing(
    web: WebClient, engine: Engine, fields: dict[str, str], status: int, message: str
) -> None:
    """An unknown action, a bad date, a non-http link, reopening an open claim: 400."""
    response = resolve(web, 7, **fields)
    assert response.status_code == status
    assert message in response.text
    assert status_of(engine, 7) == "open" and history_of(engine, 7) == []


def test_deciding_an_unknown_claim_is_404(web: WebClient) -> None:
    """A form posted for an id that does not exist."""
    token = web.csrf()
    assert (
        web.post("/claims/999/resolve", {"csrf_token": token, "action": "void"}).status_code == 404
    )


def test_redirect_after_a_decision_stays_on_this_site(web: WebClient) -> None:
    """A 'next' of another host is ignored: back to the claim's page."""
    response = resolve(web, 7, action="void", next="//evil.example/x")
    assert response.headers["location"] == "/claims/7"


# --- speakers, outlets, reports -------------------------------------------------------------


def test_speaker_page_has_track_record_chart_and_claims(web: WebClient) -> None:
    """Resolved, hits, hit rate, Brier; a calibration chart with counts; the speaker's claims."""
    doc = web.get("/speakers/Yellen?format=json").json()
    assert doc["record"]["claims"] == 3 and doc["record"]["resolved"] == 2
    assert doc["record"]["hits"] == 0 and doc["record"]["brier"] == pytest.approx(0.425)
    text = web.get("/speakers/Yellen").text
    assert 'src="/charts/calibration.svg?speaker=Yellen"' in text
    chart = web.get("/charts/calibration.svg?speaker=Yellen")
    assert chart.headers["content-type"] == "image/svg+xml"
    assert "n=1" in chart.text


def test_outlet_page(web: WebClient) -> None:
    """An outlet's record counts the claims of its articles (names with spaces work)."""
    doc = web.get("/outlets/The%20Japan%20Times?format=json").json()
    assert doc["name"] == "The Japan Times" and doc["record"]["claims"] == 8
    assert web.get("/outlets/The%20Japan%20Times").status_code == 200


@pytest.mark.parametrize("path", ["/speakers/Nobody", "/outlets/Nowhere", "/nothing-here"])
def test_unknown_speaker_outlet_or_page_is_404(web: WebClient, path: str) -> None:
    """Names with no claims and paths that do not exist are 404."""
    assert web.get(path).status_code == 404


def test_report_page_is_live_with_the_html_reports_layout(web: WebClient, engine: Engine) -> None:
    """Sections, tables and both charts of the HTML report, from the database as it is now."""
    text = web.get("/reports/2023-06").text
    assert "Forecast accuracy — June 2023" in text
    for title in ("Summary", "Calibration", "Track records", "Trend", "Claims due in June 2023"):
        assert f">{title}</h2>" in text
    assert 'src="/charts/reliability.svg?month=2023-06"' in text
    assert 'src="/charts/trend.svg?month=2023-06"' in text
    assert "8 claims fell due: 3 fulfilled" in text
    resolve(web, 7, action="fulfilled")  # a correction shows at once
    assert "8 claims fell due: 4 fulfilled" in web.get("/reports/2023-06").text
    assert web.get("/reports/2023-06?format=json").json()["counts"]["fulfilled"] == 4


def test_report_charts_are_svg_images_with_counts(web: WebClient) -> None:
    """The reliability diagram labels each bin's count; the trend shows resolved per month."""
    reliability = web.get("/charts/reliability.svg?month=2023-06")
    assert reliability.status_code == 200 and "n=3" in reliability.text
    assert "style-src 'unsafe-inline'" in reliability.headers["content-security-policy"]
    trend = web.get("/charts/trend.svg?month=2023-06")
    assert "resolved" in trend.text and "Brier" in trend.text


@pytest.mark.parametrize(
    "path", ["/reports/2023-13", "/reports/June", "/charts/trend.svg?month=2023-1"]
)
def test_bad_month_is_400(web: WebClient, path: str) -> None:
    """A month that is not YYYY-MM: 400 naming the expected form."""
    response = web.get(path)
    assert response.status_code == 400 and "expected YYYY-MM" in response.text


def test_reports_redirects_to_last_month(web: WebClient) -> None:
    """/reports opens the previous month (the one the daemon writes)."""
    response = web.get("/reports")
    assert response.status_code == 303 and response.headers["location"] == "/reports/2023-06"


# --- feeds ----------------------------------------------------------------------------------


def test_feeds_page_shows_health_last_error_and_next_poll(web: WebClient) -> None:
    """Every feed with its health; config feeds cannot be removed here."""
    text = web.get("/feeds").text
    assert "3 errors" in text and "HTTP 500 from server" in text
    assert "in config.toml" in text
    doc = web.get("/feeds?format=json").json()
    assert {f["name"]: f["healthy"] for f in doc["feeds"]} == {
        "broken": False,
        "from-config": True,
        "npr-world": True,
    }


def test_add_and_remove_a_feed(web: WebClient, engine: Engine) -> None:
    """Adding and removing go through the store's functions."""
    token = web.csrf()
    added = web.post(
        "/feeds/add",
        {
            "csrf_token": token,
            "url": "https://example.org/feed.xml",
            "name": "ex",
            "interval": "30",
        },
    )
    assert added.status_code == 303
    with session(engine) as s:
        feed = feed_store.get_feed(s, "ex")
        assert feed is not None and feed.interval_minutes == 30 and feed.origin == "cli"
    removed = web.post("/feeds/remove", {"csrf_token": token, "name": "ex"})
    assert removed.status_code == 303
    with session(engine) as s:
        assert feed_store.get_feed(s, "ex") is None


@pytest.mark.parametrize(
    ("path", "fields", "status", "message"),
    [
        ("/feeds/add", {"url": "file:///etc/passwd"}, 400, "must be http"),
        ("/feeds/add", {"url": "https://x.example/a", "name": "npr-world"}, 400, "already exists"),
        ("/feeds/add", {"url": "https://x.example/a", "interval": "soon"}, 400, "whole number"),
        ("/feeds/remove", {"name": "from-config"}, 400, "comes from config.toml"),
        ("/feeds/remove", {"name": "nope"}, 404, "no feed named"),
    ],
)
def test_bad_feed_forms(
    web: WebClient, engine: Engine, path: str, fields: dict[str, str], status: int, message: str
) -> None:
    """Local files, duplicate names, bad intervals, config feeds and unknown names are refused."""
    response = web.post(path, {"csrf_token": web.csrf(), **fields})
    assert response.status_code == status and message in response.text
    with session(engine) as s:
        assert len(s.exec(select(Feed)).all()) == 3
