"""Formats: terminal table, Markdown with chart files, self-contained HTML, JSON with every figure."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from forecasts.db import write_session
from forecasts.reports import html, markdown, render, table
from forecasts.reports.aggregate import build_report
from forecasts.reports.model import MonthlyReport
from tests.report_data import NOW, make_article, make_claim, small_db


@pytest.fixture
def june(engine: Engine) -> MonthlyReport:
    small_db(engine)
    return build_report(engine, "2023-06", now=NOW, timezone="UTC")


@pytest.fixture
def empty(engine: Engine) -> MonthlyReport:
    return build_report(engine, "2031-02", now=NOW, timezone="UTC")


def test_table_shows_counts_hit_rate_brier_and_hedge_words(june: MonthlyReport) -> None:
    text = table.render(june)
    assert "Forecast accuracy — June 2023" in text
    assert "3 fulfilled, 2 unfulfilled, 1 need review, 1 still open" in text
    assert "Hit rate: 60% of 5 resolved claims" in text
    assert "Brier score: 0.302" in text
    assert re.search(r"unlikely\s*│\s*20%\s*│\s*2\s*│\s*1\s*│", text)
    assert "Yellen" in text and "Reuters" in text


def test_markdown_writes_tables_and_chart_files_beside_it(
    june: MonthlyReport, tmp_path: Path
) -> None:
    out = tmp_path / "2023-06.md"
    paths = markdown.render(june, out)
    assert out in paths
    text = out.read_text(encoding="utf-8")
    assert "| will | 90% | 3 | 2 | 67% |" in text
    for name in ("2023-06-reliability.svg", "2023-06-trend.svg"):
        assert (tmp_path / name).stat().st_size > 1000
        assert f"](<{name}>)" in text
    assert "[evidence](<https://news.example/blinken-arrives>)" in text


def test_html_is_self_contained_with_inline_svg_charts(june: MonthlyReport) -> None:
    page = html.render(june)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 2
    assert 'id="chart-reliability"' in page and 'id="chart-trend"' in page
    # Nothing to fetch: no external scripts, stylesheets, images or fonts.
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert "url(" not in page.split("<body>")[0]
    assert "Content-Security-Policy" in page
    assert 'name="viewport"' in page and "@media print" in page


def test_html_escapes_article_text_and_refuses_unsafe_links(engine: Engine) -> None:
    """Text from articles is data: tags are escaped, javascript: URLs never become links."""
    with write_session(engine) as s:
        art = make_article(s, "<b>Evil</b> Times", 9)
        art.url = "javascript:alert(1)"
        make_claim(s, art, claim="<script>alert(1)</script>", status="fulfilled")
    page = html.render(build_report(engine, "2023-06", now=NOW, timezone="UTC"))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;Evil&lt;/b&gt; Times" in page
    assert "javascript:" not in page


def test_json_holds_every_figure(june: MonthlyReport) -> None:
    data = json.loads(render.render_text(june, "json"))
    assert data["month"] == "2023-06"
    assert data["counts"]["hit_rate"] == pytest.approx(0.6)
    assert data["calibration"]["decomposition"]["brier"] == pytest.approx(0.302)
    assert {h["hedge"] for h in data["calibration"]["hedges"]} == {"will", "unlikely"}
    assert len(data["trend"]) == 12
    assert data["speakers_all_time"][0]["name"] == "Blinken"
    assert data["claims"][0]["evidence_url"] == "https://news.example/blinken-arrives"


@pytest.mark.parametrize("fmt", ["table", "md", "html", "json"])
def test_an_empty_month_renders_a_short_clear_report(
    empty: MonthlyReport, fmt: str, tmp_path: Path
) -> None:
    out = tmp_path / f"empty{render.SUFFIX[fmt]}"
    render.write(empty, fmt, out)
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["is_empty"] is True
    else:
        assert "No claims fell due in February 2031." in text
        assert len(text) < 5000


def test_written_files_are_readable_by_others(june: MonthlyReport, tmp_path: Path) -> None:
    """Reports go through a temporary file, yet get the permissions any new file gets."""
    out = tmp_path / "out" / "r.html"
    render.write(june, "html", out)
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    assert out.stat().st_mode == plain.stat().st_mode
    assert [p.name for p in out.parent.iterdir()] == ["r.html"]
