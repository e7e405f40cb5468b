"""The HTML report in a real headless browser (Debian's chromium, driven by Playwright).

The page must load from a file with no console errors and no network requests, show both
charts, fit a phone's width, and print. Screenshots and the PDF are kept in test-artifacts/
(gitignored) for a human to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from forecasts.reports import render
from forecasts.reports.aggregate import build_report
from tests.conftest import REPO
from tests.report_data import NOW, small_db

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


@pytest.fixture
def report_html(engine: Engine, tmp_path: Path) -> Path:
    small_db(engine)
    out = tmp_path / "2023-06.html"
    render.write(build_report(engine, "2023-06", now=NOW, timezone="UTC"), "html", out)
    return out


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed here (.ci/run installs it with apt-get)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),  # a fresh user data dir per test
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport={"width": 1200, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


def test_report_loads_without_errors_and_shows_its_charts(browser: Any, report_html: Path) -> None:
    """No console errors, no page errors, nothing fetched; both SVG charts laid out and visible."""
    page = browser.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report_html.as_uri(), wait_until="load")
    assert problems == []
    assert requests == [report_html.as_uri()]
    assert page.title() == "Forecast accuracy — June 2023"
    for chart in ("#chart-reliability svg", "#chart-trend svg"):
        svg = page.locator(chart)
        assert svg.is_visible()
        box = svg.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 150
    assert page.locator("#chart-reliability text", has_text="n=3").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-desktop.png"), full_page=True)


def test_report_fits_a_phone_screen(browser: Any, report_html: Path) -> None:
    """At 390 px wide the page does not scroll sideways (wide tables scroll inside their box)."""
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(report_html.as_uri(), wait_until="load")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    box = page.locator("#chart-reliability svg").bounding_box()
    assert box is not None and box["width"] <= 390
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-phone.png"), full_page=True)


def test_report_prints(browser: Any, report_html: Path) -> None:
    """Print media keeps the charts; the PDF is kept as an artefact."""
    page = browser.new_page()
    page.goto(report_html.as_uri(), wait_until="load")
    page.emulate_media(media="print")
    assert page.locator("#chart-trend svg").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / "report.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")
