"""`forecasts questions` and `forecasts question ID` in a terminal: one line per question, no
line wider than the terminal, titles cut with "…" and never wrapped; `--json` keeps it all."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from forecasts.cli import render
from forecasts.db import write_session
from forecasts.models import Claim
from forecasts.questions.attach import attach_new_claims
from tests.test_verify_factories import make_article, make_claim

LONG_TRIP = (
    "Janet Yellen could travel to Beijing later this year to hold talks with her Chinese "
    "counterpart on trade, export controls and the wider economic relationship"
)
LONG_MEETING = (
    "President Joe Biden and Chinese President Xi Jinping are expected to hold a long-awaited "
    "meeting on the sidelines of the Asia-Pacific Economic Cooperation summit in San Francisco"
)


@pytest.fixture
def two(engine: Engine) -> list[int]:
    """Two questions with long titles: a trip within one year, a meeting across two years."""
    article = make_article(engine)
    ids = [
        make_claim(engine, article, claim=LONG_TRIP, speaker="Antony Blinken"),
        make_claim(
            engine,
            article,
            claim=LONG_MEETING,
            actors=["Joe Biden", "Xi Jinping"],
            event_type="meet",
            location="San Francisco",
            speaker="U.S. officials who spoke on condition of anonymity to reporters",
            due_earliest=date(2023, 11, 1),
            due_latest=date(2024, 10, 31),
        ),
    ]
    with write_session(engine) as s:
        claims = [s.get(Claim, i) for i in ids]
        attach_new_claims(s, claims, datetime(2023, 7, 1, tzinfo=UTC))  # type: ignore[arg-type]
        return [c.question_id for c in claims]  # type: ignore[union-attr,misc]


def _kept(line: str, title: str) -> None:
    """``line`` ends with a whole-word beginning of ``title`` and "…"."""
    assert line.endswith("…"), line
    start = next(i for i in range(len(line)) if title.startswith(line[i:-1]))
    kept = line[start:-1]
    assert len(kept) > 10 and title.startswith(kept) and title[len(kept)] == " ", line


@pytest.mark.parametrize("columns", [80, 60])
def test_questions_are_one_line_each_within_the_terminal(
    run_cli: Any, two: list[int], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """A header and one line per question, none wider than $COLUMNS; titles cut with "…"."""
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run_cli("questions")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == 3, lines
    assert all(render.width(line) <= columns for line in lines), lines
    assert lines[0].split()[:2] == ["id", "status"] and lines[0].endswith("question")
    by_id = {int(line.split()[0]): line for line in lines[1:]}
    _kept(by_id[two[0]], LONG_TRIP)
    _kept(by_id[two[1]], LONG_MEETING)
    assert "2023-06-18..12-31" in by_id[two[0]]  # one year: the end without its year
    assert "2023-11-01..2024-10-31" in by_id[two[1]]


def test_a_wide_terminal_shows_every_column_and_more_of_the_title(
    run_cli: Any, two: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 240 columns the event family and the day it happened come back, the title whole."""
    monkeypatch.setenv("COLUMNS", "240")
    lines = run_cli("questions").out.splitlines()
    assert lines[0].split() == ["id", "status", "event", "window", "happened", "claims", "question"]
    assert any(line.endswith(LONG_TRIP) for line in lines)


def test_one_question_fits_the_terminal(
    run_cli: Any, two: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`question ID`: every line within 80 columns, the title and the claim statements cut."""
    monkeypatch.setenv("COLUMNS", "80")
    result = run_cli("question", str(two[1]))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(render.width(line) <= 80 for line in lines), lines
    _kept(lines[0], LONG_MEETING)
    assert lines[0].startswith(f"Q{two[1]} ")
    assert "  window    2023-11-01..2024-10-31" in lines
    claims = lines[lines.index("claims (1):") + 2 :]
    assert claims[0].endswith("…") and "2023-11-01..2024-10-31" in claims[0]
    assert "merges:" in lines and "history:" in lines


def test_json_keeps_whole_titles_and_windows(run_cli: Any, two: list[int]) -> None:
    """--json is not cut: whole titles, both window ends as dates."""
    listed = json.loads(run_cli("questions", "--json").out)["questions"]
    meeting = next(q for q in listed if q["id"] == two[1])
    assert meeting["title"] == LONG_MEETING
    assert meeting["window"] == {"earliest": "2023-11-01", "latest": "2024-10-31"}
    shown = json.loads(run_cli("question", str(two[1]), "--json").out)
    assert shown["title"] == LONG_MEETING and shown["claims"][0]["claim"] == LONG_MEETING


@pytest.mark.parametrize(
    ("earliest", "latest", "text"),
    [
        (date(2023, 6, 19), date(2023, 6, 19), "2023-06-19"),
        (date(2023, 6, 18), date(2023, 6, 20), "2023-06-18..20"),
        (date(2023, 6, 18), date(2023, 12, 31), "2023-06-18..12-31"),
        (date(2023, 6, 18), date(2024, 10, 31), "2023-06-18..2024-10-31"),
        (None, None, "-"),
    ],
)
def test_windows_are_compact_but_keep_the_year(
    earliest: date | None, latest: date | None, text: str
) -> None:
    """A window drops only what its first day already says."""
    assert render.span(earliest, latest) == text


def test_table_gives_the_flexible_column_what_is_left() -> None:
    """Fixed columns keep their width; the flexible one is cut; droppable ones go first."""
    columns = (render.Column("id", right=True), render.Column("note", drop=1), render.Column("t"))
    rows = [["7", "a rather long note", "word " * 20]]
    wide = render.table(columns, rows, flex=2, total=60, min_flex=20)
    assert [render.width(line) <= 60 for line in wide] == [True, True]
    assert "a rather long note" in wide[1] and wide[1].endswith("…")
    narrow = render.table(columns, rows, flex=2, total=30, min_flex=20)
    assert "note" not in narrow[0] and narrow[1].startswith(" 7  word")
    assert all(render.width(line) <= 30 for line in narrow)
