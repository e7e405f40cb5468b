"""`forecasts eval extraction`: figures on the labelled corpus, and floors that catch regressions."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from forecasts.claims.evaluate import (
    Passage,
    evaluate,
    load_corpus,
    match,
    score_passage,
    speakers_agree,
)
from forecasts.claims.types import ExtractedClaim
from forecasts.config import Settings

CORPUS = Path(__file__).resolve().parent / "corpus" / "extraction"

# Floors a few points under the figures reached when they were set (P 0.960, R 0.948, F1 0.954,
# exact windows 0.962 on 195 passages; see README "Claims extraction"):
# a change that loses more than a few points of quality fails here.
FLOOR = {"precision": 0.92, "recall": 0.90, "f1": 0.92, "window_exact": 0.90}


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


def _article(claims: list[dict[str, object]], text: str = "", **kw: object) -> dict[str, object]:
    return {
        "id": "rx-1", "domain": "economy", "style": "plain", "outlet": "Example",
        "url": "https://example.com/a", "published": "2024-01-10",
        "reference_date": "2024-01-10", "text": text, "claims": claims, **kw,
    }  # fmt: skip


def _write_split(folder: Path, name: str, rows: list[dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


_REAL_TEXT = (
    "The central bank is expected to raise interest rates at its meeting on Thursday.\n"
    "The mayor will open the new bridge in March."
)
_REAL_CLAIMS = [
    {"sentence": "The central bank is expected to raise interest rates at its meeting on Thursday.",
     "keywords": ["raise interest rates"], "subject": "central bank", "due_earliest": "2024-01-11",
     "due_latest": "2024-01-11", "due_basis": "weekday", "verifiable": True},
    {"sentence": "The mayor will open the new bridge in March.", "keywords": ["open", "bridge"],
     "subject": "mayor", "due_earliest": "2024-03-01", "due_latest": "2024-03-31",
     "due_basis": "month", "verifiable": True},
]  # fmt: skip


def test_cli_scores_the_dev_split_with_errors(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--split dev reads dev.jsonl from the real-corpus folder; --errors is allowed there."""
    _write_split(tmp_path / "real", "dev", [_article(_REAL_CLAIMS, _REAL_TEXT)])
    result = run_cli(
        "eval", "extraction", "--split", "dev", "--real-corpus", str(tmp_path / "real"), "--json"
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["split"] == "dev" and doc["overall"]["expected"] == 2
    assert {"window_pm3", "statement_share", "subject_agreement"} <= set(doc["overall"])
    assert doc["styles"] == {"plain": doc["overall"]}


def test_cli_reports_the_split_and_the_regression_set_separately(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--split with --corpus prints one document holding each corpus under its own key."""
    _write_split(tmp_path / "real", "dev", [_article(_REAL_CLAIMS, _REAL_TEXT)])
    result = run_cli(
        "eval", "extraction", "--split", "dev", "--real-corpus", str(tmp_path / "real"),
        "--corpus", str(CORPUS), "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["real"]["overall"]["passages"] == 1
    assert doc["regression"]["overall"]["passages"] > 100


def test_cli_names_a_missing_split_file(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A split whose file is not there is one clear error naming the file, exit code 2."""
    _write_split(tmp_path / "real", "dev", [_article(_REAL_CLAIMS, _REAL_TEXT)])
    result = run_cli(
        "eval", "extraction", "--split", "all", "--real-corpus", str(tmp_path / "real")
    )
    assert result.code == 2
    assert "test.jsonl" in result.err and "not found" in result.err


@pytest.mark.parametrize("split", ["test", "all"])
def test_cli_refuses_errors_outside_dev(run_cli, tmp_path: Path, split: str) -> None:  # type: ignore[no-untyped-def]
    """--errors on the frozen test split (or on all) is refused before anything is scored."""
    for name in ("dev", "test"):
        _write_split(tmp_path / "real", name, [_article(_REAL_CLAIMS, _REAL_TEXT)])
    result = run_cli(
        "eval", "extraction", "--split", split, "--errors", "--real-corpus", str(tmp_path / "real")
    )
    assert result.code == 2
    assert "--errors is for the dev split only" in result.err


def test_test_split_json_carries_no_errors(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The frozen split's figures are printed, its misses and false positives never."""
    _write_split(tmp_path / "real", "test", [_article(_REAL_CLAIMS, "Nothing here.")])
    result = run_cli(
        "eval", "extraction", "--split", "test", "--real-corpus", str(tmp_path / "real"), "--json"
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert "errors" not in doc and doc["overall"]["fn"] == 2


def _real_passage(claims: list[dict[str, object]]) -> Passage:
    return Passage("rx-1", "economy", date(2024, 1, 10), "", claims, style="plain")


def test_real_scoring_is_strict() -> None:
    """On real text an unverifiable label must be found, and a flagged prediction is a claim."""
    passage = _real_passage([{"keywords": ["discuss"], "verifiable": False}])
    tally, errors = score_passage(
        passage, [_claim("they will meet", verifiable=False)], strict=True
    )
    assert (tally.tp, tally.fp, tally.fn) == (0, 1, 1)
    assert {e["kind"] for e in errors} == {"miss", "false_positive"}


def test_window_within_three_days_over_dated_claims_only() -> None:
    """±3 days on both ends counts as exact; a `default` label is left out of the rate."""
    passage = _real_passage([
        {"keywords": ["cut"], "due_earliest": "2024-03-01", "due_latest": "2024-03-31", "due_basis": "month"},
        {"keywords": ["open"], "due_earliest": "2024-01-10", "due_latest": "2024-12-31", "due_basis": "default"},
        {"keywords": ["sign"], "due_earliest": "2024-02-01", "due_latest": "2024-02-01", "due_basis": "explicit_date"},
    ])  # fmt: skip
    predicted = [
        _claim("will cut", due_earliest=date(2024, 2, 28), due_latest=date(2024, 4, 3)),
        _claim("will open", due_earliest=date(2024, 1, 10), due_latest=date(2025, 1, 10)),
        _claim("will sign", due_earliest=date(2024, 2, 1), due_latest=date(2024, 2, 5)),
    ]
    tally, _ = score_passage(passage, predicted, strict=True)
    assert (tally.dated, tally.window_pm3) == (2, 1)


def test_statement_share_counts_every_prediction() -> None:
    """The statement share is over all predicted claims, matched or not."""
    passage = _real_passage([{"keywords": ["cut"]}])
    predicted = [_claim("will cut", statement="The bank cuts rates"), _claim("will hike")]
    tally, _ = score_passage(passage, predicted, strict=True)
    assert tally.figures()["statement_share"] == 0.5


def test_keywords_may_sit_in_the_statement_and_quotes_are_normalised() -> None:
    """Keywords match in claim, event or statement text, with curly quotes made straight."""
    passage = _real_passage([{"keywords": ["bank’s", "Rates"]}, {"keywords": ["visits Paris"]}])
    predicted = [
        _claim("the bank's board will cut rates"),
        _claim("he will travel", statement="Olaf Scholz visits Paris"),
    ]
    tally, _ = score_passage(passage, predicted, strict=True)
    assert (tally.tp, tally.fp, tally.fn) == (2, 0, 0)


def test_matching_is_maximal_and_prefers_the_labelled_sentence() -> None:
    """A broad label does not take the one prediction a narrower label needs; ties go to the
    prediction from the labelled sentence."""
    passage = _real_passage([
        {"keywords": ["rates"], "sentence": "Second, rates will rise."},
        {"keywords": ["rates", "cut"]},
    ])  # fmt: skip
    first = _claim("the bank will cut rates")
    second = dataclasses.replace(_claim("rates will rise"), sentence="Second, rates will rise.")
    pairs = match(passage.claims, [first, second])
    assert pairs == {0: 1, 1: 0}
