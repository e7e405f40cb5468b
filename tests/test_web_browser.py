"""The dashboard in a real headless browser (Debian's chromium via Playwright) and a real server.

`forecasts serve` runs as a subprocess on 127.0.0.1 over a real SQLite file; the browser reviews
a claim end to end with no JavaScript of ours, no console errors and no request leaving
127.0.0.1, and every page fits a 390 px phone screen. Screenshots go to test-artifacts/
(gitignored) for a human to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from forecasts.db import session, write_session
from forecasts.models import Claim, ClaimHistory, Question
from forecasts.store import feeds as feed_store
from forecasts.store import questions as qstore
from forecasts.verdicts import views
from tests.conftest import REPO
from tests.report_data import make_article, make_claim, small_db

pytestmark = pytest.mark.slow

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [
    "/",
    "/claims",
    "/claims/6",
    "/claims?status=open&status=needs_review&sort=-due",
    "/questions",
    "/questions/1",
    "/review",
    "/speakers/Yellen",
    "/outlets/Reuters",
    "/reports/2023-06",
    "/feeds",
]


def upcoming(engine: Engine) -> None:
    """A few claims falling due in the next weeks (the server runs on the real clock), a feed
    and a decision, so the dashboard has something in every section."""
    today = datetime.now(UTC).date()
    with write_session(engine) as s:
        article = make_article(s, "Reuters", 3)
        for days, claim, speaker, hedge, p in [
            (6, "The ECB will cut rates at its next meeting", "Lagarde", "will", 0.9),
            (12, "Parliament is expected to pass the budget", "Rutte", "expected", 0.75),
            (25, "The two leaders could meet at the summit", "", "could", 0.45),
        ]:
            make_claim(
                s,
                article,
                claim=claim,
                sentence=claim + ".",
                speaker=speaker,
                hedge=hedge,
                probability=p,
                due_earliest=today,
                due=today + timedelta(days=days),
            )
        feed_store.add_feed(s, name="archive", url="https://news.example/archive.xml")
        views.resolve(s, 7, "unfulfilled", now=datetime.now(UTC), note="no visit by June 30")
        # Questions: claims 1-3 on one event, claim 4 on another, claim 11 on a third.
        now = datetime.now(UTC)
        claims = {c.id: c for c in s.exec(select(Claim)).all()}
        first = qstore.open_question(s, claims[1], "visit", now, by="auto")
        for cid in (2, 3):
            qstore.attach(s, first, claims[cid], score=0.8, rule="same event", by="auto", now=now)
        qstore.open_question(s, claims[4], "visit", now, by="auto")
        qstore.open_question(s, claims[11], "meet", now, by="auto")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(engine: Engine, config_file: Path, tmp_path: Path) -> Iterator[str]:
    """`forecasts serve` on a free loopback port, over the small report database."""
    small_db(engine)
    upcoming(engine)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORECASTS_")}
    env["PYTHONPATH"] = str(REPO)
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "forecasts",
            "--config",
            str(config_file),
            "serve",
            "--port",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/static/style.css", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed here (.ci/run installs it with apt-get)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport={"width": 1200, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


class Watch:
    """Console errors, page errors and every request URL of one page."""

    def __init__(self, page: Any) -> None:
        self.problems: list[str] = []
        self.requests: list[str] = []
        page.on(
            "console",
            lambda m: self.problems.append(m.text) if m.type in ("error", "warning") else None,
        )
        page.on("pageerror", lambda e: self.problems.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def outside(self, base: str) -> list[str]:
        return [u for u in self.requests if not u.startswith(base + "/")]


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_reviewing_a_claim_end_to_end(browser: Any, server: str, engine: Engine) -> None:
    """Dashboard -> review queue -> mark fulfilled with a note -> the claim page shows it."""
    page = browser.new_page()
    watch = Watch(page)
    page.goto(server + "/", wait_until="load")
    assert page.locator("h1").inner_text() == "Dashboard"
    shot(page, "web-dashboard")
    page.get_by_role("link", name="Review", exact=True).click()
    page.wait_for_url(server + "/review")
    card = page.locator("#claim-6")
    card.locator("form.resolve").get_by_label("Note").fill("the visit was reported")
    card.locator("form.resolve").get_by_label("Evidence link").fill("https://example.com/visit")
    shot(page, "web-review")
    card.get_by_role("button", name="Fulfilled", exact=True).click()
    page.wait_for_url(server + "/review")
    assert page.locator("#claim-6").count() == 0  # decided: no longer waiting
    page.goto(server + "/claims/6", wait_until="load")
    assert "fulfilled" in page.locator(".badge").first.inner_text()
    assert page.get_by_text("the visit was reported (user via web)").is_visible()
    shot(page, "web-claim")
    with session(engine) as s:
        claim = s.get(Claim, 6)
        assert claim is not None and (claim.status, claim.status_by) == ("fulfilled", "user")
        history = s.exec(select(ClaimHistory).where(ClaimHistory.claim_id == 6)).all()
        assert [h.reason for h in history] == ["the visit was reported (user via web)"]
    assert watch.problems == []
    assert watch.outside(server) == []


def test_correcting_a_claim_and_deciding_a_question(
    browser: Any, server: str, engine: Engine
) -> None:
    """Edit a claim's window and tag it, then decide its question: every change by the forms,
    recorded as the user's via the web, with no console errors or outside requests."""
    page = browser.new_page()
    watch = Watch(page)
    page.goto(server + "/claims/2", wait_until="load")
    page.get_by_text("Edit what the extractor got wrong").click()
    page.get_by_label("Due latest").fill("2023-07-31")
    page.locator("form.edit").get_by_label("Note").fill("the article says July")
    shot(page, "web-claim-edit")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(server + "/claims/2")
    corrections = page.locator("table", has=page.locator("caption", has_text="Corrections"))
    assert "2023-07-31" in corrections.inner_text()
    assert corrections.inner_text().count("user via web") == 1
    page.get_by_label("Add tags").fill("china, trips")
    page.get_by_role("button", name="Tag", exact=True).click()
    page.wait_for_url(server + "/claims/2")
    assert page.get_by_role("link", name="trips").is_visible()
    shot(page, "web-claim-tagged")
    page.get_by_role("link", name="question 1").click()
    page.wait_for_url(server + "/questions/1")
    page.locator("form[action='/questions/1/decide']").get_by_label("Event date").fill("2023-06-20")
    page.locator("form[action='/questions/1/decide']").get_by_label("Note").fill("confirmed")
    page.get_by_role("button", name="It happened").click()
    page.wait_for_url(server + "/questions/1")
    assert "fulfilled" in page.locator("main > p .badge").first.inner_text()
    assert page.get_by_text("confirmed (user via web)").is_visible()
    shot(page, "web-question")
    page.goto(server + "/questions", wait_until="load")
    shot(page, "web-questions")
    with session(engine) as s:
        question = s.get(Question, 1)
        assert question is not None and (question.status, question.status_by) == (
            "fulfilled",
            "user",
        )
    assert watch.problems == []
    assert watch.outside(server) == []


def test_every_page_loads_clean_with_its_charts(browser: Any, server: str) -> None:
    """No console errors or outside requests on any page; charts load as images."""
    page = browser.new_page()
    watch = Watch(page)
    for path in PAGES:
        response = page.goto(server + path, wait_until="load")
        assert response is not None and response.status == 200, path
    page.goto(server + "/reports/2023-06", wait_until="load")
    for chart in ("#chart-reliability img", "#chart-trend img"):
        img = page.locator(chart)
        assert img.evaluate("i => i.complete && i.naturalWidth > 0"), chart
        box = img.bounding_box()
        assert box is not None and box["width"] > 300
    shot(page, "web-report")
    page.goto(server + "/speakers/Yellen", wait_until="load")
    shot(page, "web-speaker")
    assert watch.problems == []
    assert watch.outside(server) == []


def test_every_page_fits_a_phone_screen(browser: Any, server: str) -> None:
    """At 390 px wide no page scrolls sideways (tables turn into cards)."""
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    for path in PAGES:
        page.goto(server + path, wait_until="load")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px too wide"
    page.goto(server + "/", wait_until="load")
    shot(page, "web-dashboard-phone")
    page.goto(server + "/review", wait_until="load")
    shot(page, "web-review-phone")
    page.goto(server + "/claims/2", wait_until="load")
    shot(page, "web-claim-phone")
    page.goto(server + "/questions/1", wait_until="load")
    shot(page, "web-question-phone")
    page.goto(server + "/reports/2023-06", wait_until="load")
    shot(page, "web-report-phone")
