"""`forecasts extract`: tables for people, one JSON document for scripts, clear errors."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

import forecasts.jobs.ingest
from forecasts.claims.types import ExtractedClaim
from forecasts.config import Settings

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "articles"
SEEDS = str(REPO / "seeds")
ARTICLE_KEYS = {"id", "title", "source", "url", "reference_date", "reference_date_basis"}
CLAIM_KEYS = {
    "id", "sentence", "claim", "actors", "event", "location", "hedge", "probability",
    "polarity", "speaker", "time_expression", "due_earliest", "due_latest", "due_basis",
}  # fmt: skip
HAVE_EXTRACTOR = importlib.util.find_spec("forecasts.claims.extract") is not None


def will_sentences(text: str, reference: date, settings: Settings) -> list[ExtractedClaim]:
    """A stand-in extractor: every sentence with "will" is a claim due within 30 days."""
    return [
        ExtractedClaim(
            sentence=s,
            claim=s,
            hedge="will",
            probability=0.9,
            speaker="the article",
            due_earliest=reference,
            due_latest=reference + timedelta(days=30),
            due_basis="test",
        )
        for s in re.split(r"(?<=[.!?])\s+", text)
        if re.search(r"\bwill\b", s)
    ]


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forecasts.jobs.ingest, "extract_claims", will_sentences)


@pytest.mark.usefixtures("fake_extractor")
def test_json_for_one_input_is_one_document_with_the_agreed_keys(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("extract", SEEDS, "--json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert set(doc["article"]) >= ARTICLE_KEYS
    assert doc["article"]["reference_date"] == "2023-06-18"
    assert doc["article"]["source"] == "The Japan Times"
    assert doc["claims"] and all(set(c) >= CLAIM_KEYS for c in doc["claims"])
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["due_latest"]) for c in doc["claims"])


@pytest.mark.usefixtures("fake_extractor")
def test_json_for_several_inputs_is_a_list_one_document_each(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("extract", SEEDS, str(DATA / "rocket-launch.txt"), "--json")
    docs = json.loads(result.out)
    assert isinstance(docs, list) and len(docs) == 2
    assert docs[1]["article"]["reference_date"] == "2024-05-02"


@pytest.mark.usefixtures("fake_extractor")
def test_extracting_again_adds_nothing(run_cli) -> None:  # type: ignore[no-untyped-def]
    first = json.loads(run_cli("extract", SEEDS, "--json").out)
    again = json.loads(run_cli("extract", SEEDS, "--json").out)
    assert first["created"] and not again["created"]
    assert again["article"]["id"] == first["article"]["id"]
    assert [c["id"] for c in again["claims"]] == [c["id"] for c in first["claims"]]


@pytest.mark.usefixtures("fake_extractor")
def test_dry_run_stores_nothing_and_has_no_ids(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(run_cli("extract", SEEDS, "--dry-run", "--json").out)
    assert doc["article"]["id"] is None and doc["claims"][0]["id"] is None
    assert not (tmp_path / "forecasts.db").exists()


@pytest.mark.usefixtures("fake_extractor")
def test_the_table_lists_claims_with_windows(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("extract", str(DATA / "rocket-launch.txt"))
    assert result.code == 0
    assert "Orbital startup sets date for first crewed flight" in result.out
    assert "reference date 2024-05-02 (header" in result.out
    assert "by 2024-06-01" in result.out
    assert result.out.endswith("\n1 claim\n")


@pytest.mark.usefixtures("fake_extractor")
def test_an_article_without_claims_prints_0_claims_and_exits_0(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("extract", str(DATA / "undated-opinion.txt"))
    assert result.code == 0 and "0 claims" in result.out


@pytest.mark.usefixtures("fake_extractor")
def test_control_characters_in_articles_never_reach_the_terminal(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "evil.txt"
    path.write_text(
        "Evil\x1b]0;pwned\x07 headline here\n\nThe board will vote on the merger next week, "
        "the company said\x1b[2J on Monday in a statement to investors.",
        encoding="utf-8",
    )
    result = run_cli("extract", str(path))
    assert result.code == 0 and "\x1b" not in result.out


@pytest.mark.usefixtures("fake_extractor")
def test_bad_inputs_fail_alone_with_one_line_each(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = run_cli("extract", str(empty), str(binary), "missing.txt", SEEDS, "--json")
    assert result.code == 2
    errors = result.err.strip().splitlines()
    assert errors == [
        f"error: {empty}: empty file",
        f"error: {binary}: binary file, not text or HTML",
        "error: missing.txt: no such file or directory",
    ]
    docs = json.loads(result.out)
    assert [d["error"] for d in docs[:3]] == [e.removeprefix("error: ") for e in errors]
    assert docs[3]["article"]["reference_date"] == "2023-06-18"


def test_a_published_that_is_not_a_date_is_a_usage_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("extract", SEEDS, "--published", "18/06/2023")
    assert result.code == 2
    assert result.err.strip() == (
        "error: --published: '18/06/2023' is not a date (expected YYYY-MM-DD)"
    )


def _subprocess(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "forecasts", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_help_explains_the_command_with_examples(tmp_path: Path) -> None:
    result = _subprocess("extract", "--help", cwd=tmp_path)
    assert result.returncode == 0
    for text in ("PATH_OR_URL...", "--published", "--dry-run", "--json", "Examples:"):
        assert text in result.stdout


@pytest.mark.slow
def test_a_missing_path_exits_2_with_one_readable_line(tmp_path: Path, config_file: Path) -> None:
    result = _subprocess("--config", str(config_file), "extract", "nope.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: nope.txt: no such file or directory"


# What issue 2 says a careful reader records from the seed: keywords and due window.
SEED_CLAIMS = [
    (["Wang Yi"], "2023-06-18", "2023-06-19"),
    (["Xi Jinping", "Blinken"], "2023-06-18", "2023-06-19"),
    (["Yellen"], "2023-06-18", "2023-12-31"),
    (["leaders"], "2023-06-18", "2023-12-31"),
    (["APEC"], "2023-11-01", "2023-11-30"),
    (["in person"], "2023-11-01", "2023-11-30"),
    (["Taiwan", "election"], "2024-01-01", "2024-01-31"),
]


def _has_claim(claims: list[dict[str, object]], words: list[str], first: str, last: str) -> bool:
    return any(
        all(w.lower() in f"{c['claim']} {c['event']}".lower() for w in words)
        and (c["due_earliest"], c["due_latest"]) == (first, last)
        for c in claims
    )


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_EXTRACTOR, reason="forecasts.claims.extract has not landed yet")
@pytest.mark.parametrize("with_sidecar", [True, False])
def test_seed_end_to_end(tmp_path: Path, config_file: Path, with_sidecar: bool) -> None:
    """`forecasts extract seeds/ --json` dates the seed 2023-06-18 and records its claims.

    Without the sidecar the dated file name is the consistent metadata; either way the
    page-save header (2024-07-18) is set aside, so the windows are the same.
    """
    if with_sidecar:
        source = SEEDS
    else:
        seed = next((REPO / "seeds" / "articles").glob("*.txt"))
        (tmp_path / "in").mkdir()
        source = str(tmp_path / "in" / seed.name)
        Path(source).write_bytes(seed.read_bytes())
    result = _subprocess("--config", str(config_file), "extract", source, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["article"]["reference_date"] == "2023-06-18"
    assert "header 2024-07-18 contradicts" in doc["article"]["reference_date_basis"]
    missing = [words for words, a, b in SEED_CLAIMS if not _has_claim(doc["claims"], words, a, b)]
    assert missing == []
    biden = [c for c in doc["claims"] if "meeting with Xi again" in str(c["claim"])]
    assert biden and str(biden[0]["due_latest"]).startswith("2023-12")


@pytest.mark.usefixtures("fake_extractor")
def test_every_kind_of_bad_input_in_the_issue_fails_alone(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Empty, binary, non-UTF-8, 50 MB, unreachable URL, HTML without text: one line each."""
    import socket

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(500))
    (tmp_path / "latin1.txt").write_bytes(
        "Les élections auront lieu en juin. ".encode("latin-1") * 5
    )
    with (tmp_path / "huge.txt").open("wb") as fh:
        fh.truncate(50_000_000)
    (tmp_path / "nav.html").write_bytes((DATA / "no-article.html").read_bytes())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = tmp_path / "local.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "x.db"}"\n[fetch]\nallow_private_networks = true\n',
        encoding="utf-8",
    )
    bad = ["empty.txt", "binary.txt", "latin1.txt", "huge.txt", "nav.html"]
    args = [str(tmp_path / name) for name in bad] + [f"http://127.0.0.1:{port}/story"]
    result = run_cli("extract", *args, str(DATA / "rocket-launch.txt"), "--json", config=config)
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 6 and all(line.startswith("error: ") for line in lines)
    for line, arg in zip(lines, args, strict=True):
        assert arg in line
    docs = json.loads(result.out)
    assert [d["article"] is None for d in docs] == [True] * 6 + [False]
    listed = json.loads(
        run_cli("extract", str(DATA / "rocket-launch.txt"), "--json", config=config).out
    )
    assert not listed["created"]  # the good input was stored by the first call


def test_without_paths_the_command_says_what_it_needs(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("extract")
    assert result.code == 2 and "nothing to read: give PATH_OR_URL..." in result.err


def test_items_takes_no_paths(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("extract", "--items", SEEDS)
    assert result.code == 2 and "--items takes no paths" in result.err


@pytest.mark.usefixtures("fake_extractor")
def test_items_runs_the_feed_items_job(run_cli, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    """`forecasts extract --items` is the daemon's extract job, run once by hand."""
    from datetime import UTC, datetime

    from forecasts.db import open_database, write_session
    from forecasts.models import Feed, Item

    engine = open_database(settings.resolved_database_url())
    with write_session(engine) as s:
        feed = Feed(name="wire", url="https://wire.example.com/rss")
        s.add(feed)
        s.flush()
        assert feed.id is not None
        s.add(
            Item(
                feed_id=feed.id,
                dedup_key="a",
                title="Council to vote on tram line",
                summary="The city council will vote on the new tram line in September, "
                "the mayor said on Monday after years of delays.",
                published_at=datetime(2024, 5, 6, 9, 0, tzinfo=UTC),
                fetched_at=datetime(2024, 5, 6, 10, 0, tzinfo=UTC),
            )
        )
    engine.dispose()
    result = run_cli("extract", "--items", "--json")
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert (summary["items_seen"], summary["articles_created"], summary["claims_found"]) == (
        1,
        1,
        1,
    )
    again = run_cli("extract", "--items")
    assert again.out.startswith("0 items: 0 new articles")


def test_statement_is_stored_and_shown_by_extract_and_claims(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`extract --json` adds `statement`; the stored column returns it in `claims --json`."""
    article = tmp_path / "scholz.txt"
    article.write_text(
        "Scholz heads to Washington\n\nGerman Chancellor Olaf Scholz arrived in Paris on "
        "Monday. He will travel to Washington on Friday, his office said.\n",
        encoding="utf-8",
    )
    result = run_cli("extract", str(article), "--published", "2024-01-08", "--json")
    assert result.code == 0, result.err
    statements = [c["statement"] for c in json.loads(result.out)["claims"]]
    assert "Olaf Scholz travels to Washington on 12 January 2024" in statements
    listed = json.loads(run_cli("claims", "--json").out)["claims"]
    assert [c["statement"] for c in listed] == statements
