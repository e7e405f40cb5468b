"""`forecasts backtest`: the seed article and the bundled archive replayed end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED_ARTICLES = REPO / "seeds" / "articles"
SEED_FEED = REPO / "seeds" / "feeds" / "world-2023-archive.xml"
EXTRACT_KEYS = {
    "id", "sentence", "claim", "actors", "event", "location", "hedge", "probability",
    "polarity", "speaker", "time_expression", "due_earliest", "due_latest", "due_basis",
}  # fmt: skip

# Items that mention the right people but are plans, other meetings or other places.
DISTRACTORS = {
    "blinken-travel-china-this-weekend",
    "blinken-expected-meet-xi-monday",
    "yellen-could-travel-china-early-july",
    "yellen-visit-beijing-july-6-9",
    "blinken-wang-yi-meet-jakarta",
    "xi-jinping-brics-summit",
    "biden-wang-yi-white-house-xi-summit",
    "biden-xi-meet-san-francisco-area",
    "china-confirms-xi-travel",
    "yellen-meets-chinas-he-lifeng",
    "kishida-arrives-san-francisco",
    "biden-xi-meeting-lima",
    "xi-skip-g20",
}

pytestmark = pytest.mark.skipif(
    not SEED_FEED.is_file(), reason="the bundled archive feed is not in this checkout"
)


@pytest.fixture(scope="module")
def seed_backtest(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One real run of the CLI, as a user would type it (a subprocess of this checkout)."""
    pytest.importorskip("forecasts.claims.extract")
    tmp = tmp_path_factory.mktemp("bt")
    (tmp / "config.toml").write_text(f'database_url = "sqlite:///{tmp / "x.db"}"\n')
    out = subprocess.run(
        [sys.executable, "-m", "forecasts", "--config", str(tmp / "config.toml"), "backtest",
         "--articles", str(SEED_ARTICLES), "--feed", str(SEED_FEED), "--until", "2024-02-01",
         "--json"],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def _find(doc: dict[str, Any], *keywords: str) -> dict[str, Any]:
    for claim in doc["claims"]:
        text = f"{claim['claim']} {claim['event']}".lower()
        if all(k.lower() in text for k in keywords):
            return claim  # type: ignore[no-any-return]
    raise AssertionError(f"no claim with {keywords}")


def test_backtest_json_keeps_the_contract_keys(seed_backtest: dict[str, Any]) -> None:
    """{"claims": [{...extract keys..., "status", "resolved_at", "evidence": [{title, link, published}]}]}"""
    assert set(seed_backtest) >= {"claims"} and seed_backtest["claims"]
    for claim in seed_backtest["claims"]:
        assert EXTRACT_KEYS | {"status", "resolved_at", "evidence"} <= set(claim)
        for ev in claim["evidence"]:
            assert {"title", "link", "published"} <= set(ev)


@pytest.mark.parametrize(
    ("keywords", "link", "happened"),
    [
        (("Wang Yi",), "blinken-wang-yi-beijing-talks-second-day-2023-06-19", "2023-06-19"),
        (("Blinken", "Xi Jinping"), "xi-jinping-meets-blinken-great-hall-people", "2023-06-19"),
        (("Yellen",), "yellen-lands-beijing-china-economic-talks-2023-07-06", "2023-07-06"),
        (("APEC", "attend"), "xi-jinping-apec-leaders-meeting-san-francisco", "2023-11-16"),
        (("in person",), "biden-xi-meet-woodside", "2023-11-15"),
        (("Taiwan", "presidential election"), "lai-ching-te-wins-taiwan", "2024-01-13"),
    ],
)
def test_the_seed_claims_are_fulfilled_by_the_right_item(
    seed_backtest: dict[str, Any], keywords: tuple[str, ...], link: str, happened: str
) -> None:
    """Blinken met Wang Yi and Xi on 19 June; Yellen landed on 6 July; Xi attended APEC and met
    Biden in November; Taiwan voted on 13 January."""
    claim = _find(seed_backtest, *keywords)
    assert claim["status"] == "fulfilled"
    assert claim["event_date"] == happened
    assert [link in ev["link"] for ev in claim["evidence"]] == [True]
    assert claim["resolved_at"] >= happened


def test_no_distractor_is_taken_as_evidence(seed_backtest: dict[str, Any]) -> None:
    links = [ev["link"] for c in seed_backtest["claims"] for ev in c["evidence"]]
    assert links
    assert not [lk for lk in links if any(d in lk for d in DISTRACTORS)]


def test_vague_claims_are_not_verifiable_and_nothing_is_left_half_done(
    seed_backtest: dict[str, Any],
) -> None:
    statuses = {c["status"] for c in seed_backtest["claims"]}
    assert "not_verifiable" in statuses
    assert statuses <= {
        "fulfilled",
        "unfulfilled",
        "unresolved",
        "not_verifiable",
        "open",
        "needs_review",
    }


def test_a_bad_date_is_one_clear_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    r = run_cli("backtest", "--articles", str(SEED_ARTICLES), "--until", "soon")
    assert r.code == 2 and "--until" in r.err
