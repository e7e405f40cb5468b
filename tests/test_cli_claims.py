"""`forecasts claims`: one line per claim in 80 columns, filters, sorting, limits, JSON."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from forecasts.cli.render import width
from forecasts.db import write_session
from forecasts.store.claims import get_claim
from tests.test_verify_factories import make_article, make_claim

LONG = (
    "Janet Yellen could travel to Beijing later this year to hold talks with her Chinese "
    "counterpart on trade, export controls and the economic relationship"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def three(engine: Engine) -> list[int]:
    """Three claims: two from the Japan Times (Blinken, Yellen), one from Reuters (Xi)."""
    jt = make_article(engine, title="a")
    reuters = make_article(engine, title="b", source="Reuters")
    ids = [
        make_claim(engine, jt, claim=LONG, speaker="Antony Blinken", due_latest=date(2023, 12, 31)),
        make_claim(
            engine,
            jt,
            claim="Xi Jinping is likely to attend the APEC summit in San Francisco",
            sentence="Xi is likely to attend the November summit, officials said.",
            speaker="officials",
            due_latest=date(2023, 11, 30),
        ),
        make_claim(
            engine,
            reuters,
            claim="The 100% tariff_rate will be cut",
            sentence="The 100% tariff_rate will be cut, the ministry said.",
            speaker="the ministry",
            due_latest=date(2024, 3, 31),
            status="fulfilled",
            resolved_at=datetime(2024, 3, 1, tzinfo=UTC),
        ),
    ]
    return ids


def ids_of(out: str) -> list[int]:
    return [int(line.split()[0]) for line in out.splitlines() if line.strip()]


def test_each_claim_is_one_line_within_80_columns(run_cli, three: list[int], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every line fits 80 columns; a long statement is cut at a word boundary with '…'."""
    monkeypatch.setenv("COLUMNS", "80")
    r = run_cli("claims")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert len(lines) == 3
    assert all(width(line) <= 80 for line in lines)
    first = next(line for line in lines if line.split()[0] == str(three[0]))
    assert first.endswith("…")
    kept = first.split("2023-12-31", 1)[1].strip().removesuffix("…")
    assert LONG.startswith(kept) and LONG[len(kept)] == " "  # whole words only


def test_lines_follow_the_terminal_width(run_cli, three: list[int], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A narrower terminal gets narrower lines; --wide prints the whole statement."""
    monkeypatch.setenv("COLUMNS", "50")
    assert all(width(line) <= 50 for line in run_cli("claims").out.splitlines())
    wide = run_cli("claims", "--wide").out
    assert LONG in wide and "speaker Antony Blinken" in wide and "outlet Reuters" in wide


def test_default_order_is_by_due_date_and_sort_changes_it(run_cli, three: list[int]) -> None:  # type: ignore[no-untyped-def]
    """--sort due (default), id, status, resolved."""
    a, b, c = three
    assert ids_of(run_cli("claims").out) == [b, a, c]
    assert ids_of(run_cli("claims", "--sort", "id").out) == [a, b, c]
    assert ids_of(run_cli("claims", "--sort", "status").out) == [c, b, a]
    assert ids_of(run_cli("claims", "--sort", "resolved").out)[0] == c
    assert ids_of(run_cli("claims", "--limit", "2").out) == [b, a]


def test_filters_combine(run_cli, three: list[int]) -> None:  # type: ignore[no-untyped-def]
    """--search (all words, statement or sentence), --speaker, --outlet, dates, --status."""
    a, b, c = three
    assert ids_of(run_cli("claims", "--search", "yellen BEIJING").out) == [a]
    assert ids_of(run_cli("claims", "--search", "officials").out) == [b]  # in the sentence
    assert ids_of(run_cli("claims", "--speaker", "blinken").out) == [a]
    assert ids_of(run_cli("claims", "--outlet", "reuters").out) == [c]
    assert ids_of(run_cli("claims", "--due-before", "2023-12-31").out) == [b, a]
    assert ids_of(run_cli("claims", "--due-after", "2024-01-01").out) == [c]
    assert ids_of(run_cli("claims", "--status", "fulfilled").out) == [c]
    assert ids_of(run_cli("claims", "--status", "open", "--status", "fulfilled").out) == [b, a, c]
    none = run_cli("claims", "--search", "nothing-like-this")
    assert none.code == 0 and none.out.strip() == "No claims match."


def test_search_treats_like_wildcards_literally(run_cli, three: list[int]) -> None:  # type: ignore[no-untyped-def]
    """'%' and '_' in a search are the characters themselves, not wildcards."""
    c = three[2]
    assert ids_of(run_cli("claims", "--search", "100%").out) == [c]
    assert ids_of(run_cli("claims", "--search", "tariff_rate").out) == [c]
    assert run_cli("claims", "--search", "tariff_r_te").out.strip() == "No claims match."
    assert run_cli("claims", "--search", "%").out.strip() != "No claims match."
    assert ids_of(run_cli("claims", "--search", "%", "--limit", "5").out) == [c]


def test_json_carries_the_same_filters_and_full_records(run_cli, three: list[int]) -> None:  # type: ignore[no-untyped-def]
    """--json: the filtered claims, every field, plus statement, outlet and tags."""
    run_cli("tag", str(three[0]), "China")
    doc = json.loads(run_cli("claims", "--tag", "china", "--json").out)
    assert [c["id"] for c in doc["claims"]] == [three[0]]
    row = doc["claims"][0]
    assert row["statement"] == LONG and row["outlet"] == "The Japan Times"
    assert row["tags"] == ["china"] and row["due_latest"] == "2023-12-31"


def test_bad_filters_get_one_message(run_cli, three: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Unknown status, bad date, impossible range and --wide with --json are refused (exit 2)."""
    for args, said in (
        (("--status", "done"), "unknown status"),
        (("--due-before", "June"), "not a date"),
        (("--due-after", "2024-01-01", "--due-before", "2023-01-01"), "nothing can match"),
        (("--wide", "--json"), "cannot be used together"),
    ):
        r = run_cli("claims", *args)
        assert r.code == 2 and said in r.err, (args, r.err)


def test_colours_only_on_request_and_never_with_no_color(
    run_cli, three: list[int], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """FORCE_COLOR colours the status; NO_COLOR wins; a pipe gets plain text."""
    assert not ANSI.search(run_cli("claims").out)
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run_cli("claims").out
    assert "\x1b[32mfulfilled" in coloured
    assert all(width(ANSI.sub("", line)) <= 80 for line in coloured.splitlines())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(run_cli("claims").out)


def test_export_takes_the_same_filters(run_cli, three: list[int], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`forecasts export --speaker ... --search ...` exports only what `claims` would list."""
    r = run_cli("export", "--format", "json", "--search", "summit", "--due-before", "2023-12-31")
    assert r.code == 0, r.err
    assert [c["id"] for c in json.loads(r.out)] == [three[1]]


def test_read_command_without_a_database_creates_none(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """claims on a missing database: says there is none and how to start, exit 3, no file."""
    db = tmp_path / "elsewhere" / "none.db"
    config = tmp_path / "other.toml"
    config.write_text(f'database_url = "sqlite:///{db}"\n', encoding="utf-8")
    for command in (("claims",), ("claims", "--json"), ("claim", "1"), ("status",), ("report",)):
        r = run_cli(*command, config=config)
        assert r.code == 3, (command, r.err)
        assert "no database at" in r.err and "forecasts daemon" in r.err
    assert not db.exists() and not db.parent.exists()


def test_the_list_shows_the_statement_or_else_the_claim_text(engine: Engine) -> None:
    """A claim's statement is its line; a claim without one (an older row) shows its claim text."""
    from forecasts.store.claim_lists import ClaimFilter, find_claims

    article = make_article(engine)
    bare = make_claim(engine, article)
    stated = make_claim(engine, article)
    with write_session(engine) as s:
        claim = get_claim(s, stated)
        claim.statement = "Janet Yellen visits Beijing"
        s.add(claim)
    with engine.connect() as conn:
        lines = {line.id: line.statement for line in find_claims(conn, ClaimFilter())}
    assert lines[stated] == "Janet Yellen visits Beijing"
    assert lines[bare] == "Janet Yellen could travel to Beijing later this year"
