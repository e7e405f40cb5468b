"""`forecasts eval verification`: the judge measured on the labelled pairs, with floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forecasts.verdicts.evaluation import evaluate_pairs, score_scenario

REPO = Path(__file__).resolve().parent.parent
PAIRS = REPO / "tests" / "corpus" / "verification" / "pairs.jsonl"


def _pair(pid: str, title: str, published: str, expected: str) -> dict[str, object]:
    return {
        "id": pid,
        "domain": "diplomacy",
        "claim": {
            "claim": "Janet Yellen could travel to Beijing later this year",
            "event": "Janet Yellen trip to Beijing",
            "event_type": "visit",
            "actors": ["Janet Yellen"],
            "location": "Beijing",
            "polarity": "positive",
            "reference_date": "2023-06-18",
            "due_earliest": "2023-06-18",
            "due_latest": "2023-12-31",
        },
        "item": {"title": title, "summary": "", "published": published, "link": "https://x/" + pid},
        "expected": expected,
    }


def test_pairs_are_scored_into_a_confusion_matrix(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    rows = [
        _pair("a", "Yellen lands in Beijing", "2023-07-06T09:00:00Z", "fulfilment"),
        _pair("b", "Yellen to visit China next month", "2023-06-25T09:00:00Z", "signal"),
        _pair("c", "Yellen cancels Beijing trip", "2023-07-01T09:00:00Z", "counter"),
        _pair("d", "Yellen lands in Beijing", "2024-03-01T09:00:00Z", "none"),
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    scores = evaluate_pairs(path)
    assert scores.total == 4
    assert scores.confusion["fulfilment"]["fulfilment"] == 1
    assert scores.fulfilled_precision == 1.0 and scores.fulfilled_recall == 1.0
    assert scores.accuracy == 1.0


def test_a_malformed_line_is_a_clear_error(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"claim": {}}\n', encoding="utf-8")
    r = run_cli("eval", "verification", "--pairs", str(path), "--no-backtests")
    assert r.code == 2 and "pairs.jsonl:1" in r.err


def test_backtest_scores_compare_status_and_evidence() -> None:
    expected = {
        "claims": [
            {"keywords": ["Yellen"], "status": "fulfilled", "evidence_link": "https://x/a"},
            {"keywords": ["APEC"], "status": "fulfilled", "evidence_link": "https://x/b"},
        ]
    }
    claims = [
        {
            "claim": "Yellen could visit",
            "event": "",
            "status": "fulfilled",
            "evidence": [{"link": "https://x/a"}],
        },
        {"claim": "Xi likely to attend APEC", "event": "", "status": "open", "evidence": []},
    ]
    s = score_scenario("seed", expected, claims)
    assert (s.status_correct, s.evidence_correct, s.other_links) == (1, 1, 0)
    assert s.misses == [{"keywords": ["APEC"], "expected": "fulfilled", "got": "open"}]


@pytest.mark.skipif(
    not PAIRS.is_file(), reason="labelled pairs not merged from the corpus branch yet"
)
def test_the_judge_meets_its_floors_on_the_labelled_pairs() -> None:
    """A false 'fulfilled' is the worst error: precision >= 0.97; recall >= 0.85."""
    scores = evaluate_pairs(PAIRS)
    assert scores.total >= 80
    assert scores.fulfilled_precision >= 0.97, scores.errors
    assert scores.fulfilled_recall >= 0.85, scores.errors


BACKTESTS = REPO / "tests" / "corpus" / "backtests"


@pytest.mark.skipif(not BACKTESTS.is_dir(), reason="backtest scenarios not merged yet")
def test_backtest_scenarios_end_right_for_every_claim_the_extractor_found(run_cli) -> None:  # type: ignore[no-untyped-def]
    """Each scenario replayed; of the expected claims that were extracted, at least 85% end in
    the expected status (what extraction misses is measured by its own eval). Measured with
    the merged extractor: 0.857-1.0 per scenario; the misses are claims the extractor marks
    not verifiable or dates only vaguely, not wrong evidence."""
    pytest.importorskip("forecasts.claims.extract")
    r = run_cli("eval", "verification", "--json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["pairs"]["fulfilled_precision"] >= 0.97
    assert len(doc["backtests"]) >= 4
    for scenario in doc["backtests"]:
        assert scenario["status_accuracy_where_extracted"] >= 0.85, scenario


def test_counter_recall_is_the_share_of_counter_pairs_judged_counter(tmp_path: Path) -> None:
    """Two pairs labelled counter, one judged counter: counter recall 0.5."""
    path = tmp_path / "pairs.jsonl"
    rows = [
        _pair("c1", "Yellen cancels Beijing trip", "2023-07-01T09:00:00Z", "counter"),
        _pair("c2", "Markets rally on jobs data", "2023-07-01T09:00:00Z", "counter"),
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert evaluate_pairs(path).counter_recall == 0.5


def test_candidate_recall_asks_the_daemon_lookups_on_a_real_store(tmp_path: Path) -> None:
    """An item naming the actor in the window reaches the judge by both lookups; an item that
    names nobody the claim is indexed under is a miss, and signal pairs are not counted."""
    from forecasts.jobs.verify_eval import candidate_recall
    from forecasts.verdicts.evaluation import load_pairs

    path = tmp_path / "pairs.jsonl"
    rows = [
        _pair("hit", "Yellen lands in Beijing", "2023-07-06T09:00:00Z", "fulfilment"),
        _pair("miss", "Treasury boss arrives in China", "2023-07-06T09:00:00Z", "fulfilment"),
        _pair("plan", "Something unrelated", "2023-07-06T09:00:00Z", "signal"),
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    scores = candidate_recall(load_pairs(path))
    assert (scores.pairs, scores.both) == (2, 1)
    assert [m["id"] for m in scores.misses] == ["miss"]
    assert scores.misses[0]["new_item"] is False and scores.misses[0]["new_claim"] is False


def test_real_pairs_may_carry_a_statement_and_a_source(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """The real-headline format (claim 'statement', item 'source') is read; figures come out."""
    row = _pair("r1", "Yellen lands in Beijing", "2023-07-06T09:00:00Z", "fulfilment")
    row["claim"]["statement"] = "Janet Yellen visits Beijing"  # type: ignore[index]
    row["item"]["source"] = "Reuters"  # type: ignore[index]
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    r = run_cli("eval", "verification", "--pairs", str(path), "--no-backtests", "--json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["pairs"]["fulfilled_recall"] == 1.0
    assert doc["pairs"]["candidate_recall"]["recall"] == 1.0


def test_a_split_without_its_pairs_file_is_a_clear_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    """--split names files under tests/corpus/real; a missing one is one message, exit 2."""
    from forecasts.cli import eval_verification as ev

    if (ev.REAL / "verification" / "test.jsonl").is_file():
        pytest.skip("the test split is present in this checkout")
    r = run_cli("eval", "verification", "--split", "test", "--no-backtests")
    assert r.code == 2 and "test.jsonl" in r.err


def test_a_claim_ended_fulfilled_against_its_label_is_a_false_fulfilled() -> None:
    """Backtest scoring counts extracted claims that ended fulfilled but were expected not to."""
    expected = {"claims": [{"keywords": ["Xi"], "status": "unresolved"}]}
    claims = [{"claim": "Xi to visit", "event": "", "status": "fulfilled", "evidence": []}]
    s = score_scenario("x", expected, claims)
    assert s.false_fulfilled == 1 and s.as_dict()["false_fulfilled"] == 1


def test_the_frozen_split_refuses_to_list_its_errors(run_cli) -> None:  # type: ignore[no-untyped-def]
    """--errors on --split test or all is one message and exit 2, before anything is scored."""
    for split in ("test", "all"):
        r = run_cli("eval", "verification", "--split", split, "--errors")
        assert r.code == 2 and "dev split only" in r.err


def test_the_frozen_splits_json_carries_figures_but_no_items(run_cli) -> None:  # type: ignore[no-untyped-def]
    """Scripts read the test split's figures; its wrong pairs and misses never leave the scorer."""
    from forecasts.cli import eval_verification as ev

    if not (ev.REAL / "verification" / "test.jsonl").is_file():
        pytest.skip("the test split is not in this checkout")
    r = run_cli("eval", "verification", "--split", "test", "--no-backtests", "--json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert 0.0 <= doc["pairs"]["fulfilled_precision"] <= 1.0
    assert "errors" not in doc["pairs"]
    assert "misses" not in doc["pairs"]["candidate_recall"]
