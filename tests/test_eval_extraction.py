"""`forecasts eval extraction`: figures on the labelled corpus, and floors that catch regressions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from forecasts.claims.evaluate import Passage, evaluate, load_corpus, score_passage, speakers_agree
from forecasts.claims.types import ExtractedClaim
from forecasts.config import Settings

CORPUS = Path(__file__).resolve().parent / "corpus" / "extraction"

# Floors a little under the figures reached when they were set (see the claims README section):
# a change that loses more than a few points of quality fails here.
FLOOR = {"precision": 0.85, "recall": 0.85, "f1": 0.88, "window_exact": 0.85}


def test_corpus_figures_hold_their_floor() -> None:
    """Precision, recall, F1 and exact due windows on the whole corpus stay above the floor."""
    report = evaluate(load_corpus(CORPUS), Settings())
    for name, floor in FLOOR.items():
        assert report.overall[name] >= floor, (name, report.overall, report.errors)


def test_every_domain_is_reported() -> None:
    """Each corpus domain gets its own line of figures."""
    passages = load_corpus(CORPUS)
    report = evaluate(passages, Settings())
    assert set(report.domains) == {p.domain for p in passages}


def test_cli_prints_one_json_document(run_cli) -> None:  # type: ignore[no-untyped-def]
    """--json prints exactly one document with overall and per-domain figures."""
    result = run_cli("eval", "extraction", "--json", "--corpus", str(CORPUS))
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert {"precision", "recall", "f1", "window_exact", "hedge_agreement"} <= set(doc["overall"])
    assert doc["domains"]


def test_cli_table(run_cli) -> None:  # type: ignore[no-untyped-def]
    """Without --json a table with an overall row is printed."""
    result = run_cli("eval", "extraction", "--corpus", str(CORPUS))
    assert result.code == 0, result.err
    assert "overall" in result.out


def test_cli_rejects_a_missing_corpus(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A corpus folder without passages is one clear error and a non-zero exit."""
    result = run_cli("eval", "extraction", "--corpus", str(tmp_path))
    assert result.code != 0
    assert "jsonl" in result.err


def _claim(text: str, verifiable: bool = True, **kw: object) -> ExtractedClaim:
    c = ExtractedClaim(sentence=text, claim=text, verifiable=verifiable)
    for k, v in kw.items():
        setattr(c, k, v)
    return c


def test_scoring_rules() -> None:
    """Keyword matching is one-to-one; unflagged extras are false positives, flagged ones are not;
    vague expected claims are optional."""
    passage = Passage(
        "t-1", "test", date(2024, 1, 1), "",
        [
            {"keywords": ["cut", "rates"], "due_earliest": "2024-03-01", "due_latest": "2024-03-31", "hedge": "expected"},
            {"keywords": ["improve"], "verifiable": False},
        ],
    )  # fmt: skip
    predicted = [
        _claim("bank expected to cut rates", due_earliest=date(2024, 3, 1), due_latest=date(2024, 3, 31), hedge="expected"),
        _claim("rates could cut again"),
        _claim("ties could warm", verifiable=False),
    ]  # fmt: skip
    tally, _ = score_passage(passage, predicted)
    assert (tally.tp, tally.fp, tally.fn, tally.unmatched_unverifiable) == (1, 1, 0, 1)
    assert tally.window_exact == 1 and tally.hedge_agree == 1


def test_speaker_agreement_is_loose() -> None:
    """'economists polled by Reuters' agrees with 'most economists polled by Reuters'."""
    assert speakers_agree("economists polled by Reuters", "most economists polled by Reuters")
    assert speakers_agree("the State Department", "State Department")
    assert not speakers_agree("Jerome Powell", "the article")
