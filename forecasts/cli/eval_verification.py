"""forecasts eval verification: quality of the judge and of the candidate search.

Two corpora: the real-headline corpus (``tests/corpus/real``: pairs in
``verification/{dev,test}.jsonl``, scenarios in ``backtests/{dev,test}/``), chosen with
``--split``, and the regression corpus written beside the lexicon (``tests/corpus/verification``
and ``tests/corpus/backtests``), the default without ``--split``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from forecasts.cli.app import console, eval_group, json_option, state
from forecasts.cli.app import print_json as emit
from forecasts.errors import InputError
from forecasts.jobs.backtest import run_scenario
from forecasts.jobs.verify_eval import candidate_recall
from forecasts.verdicts.evaluation import (
    KINDS,
    load_pairs,
    scenario_dirs,
    score_pairs,
    score_scenario,
)

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"
REAL = CORPUS / "real"
SPLITS = {"dev": ("dev",), "test": ("test",), "all": ("dev", "test")}


@eval_group.command(name="verification")
@click.option(
    "--split",
    type=click.Choice(sorted(SPLITS)),
    default=None,
    help="Score the real-headline corpus (tests/corpus/real): dev, test or all. "
    "Without it: the regression corpus.",
)
@click.option(
    "--pairs",
    type=click.Path(dir_okay=False, path_type=Path),
    multiple=True,
    help="Labelled claim/item pairs instead (JSON lines; repeatable).",
)
@click.option(
    "--backtests",
    type=click.Path(file_okay=False, path_type=Path),
    multiple=True,
    help="Folder of backtest scenarios instead (repeatable).",
)
@click.option("--no-backtests", is_flag=True, help="Score the pairs only.")
@click.option("--no-candidates", is_flag=True, help="Skip the candidate-search measurement.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list each wrong pair.")
@json_option
def eval_verification(
    split: str | None,
    pairs: tuple[Path, ...],
    backtests: tuple[Path, ...],
    no_backtests: bool,
    no_candidates: bool,
    show_errors: bool,
    as_json: bool,
) -> None:
    """Fulfilled precision, fulfilment and counter recall, candidate recall, backtest accuracy.

    \b
    Example:
      forecasts eval verification --split dev
      forecasts eval verification --json          # the regression corpus
    """
    frozen = split in ("test", "all")
    if show_errors and frozen:
        raise InputError(
            f"--errors is for the dev split only: the errors of --split {split} stay unread "
            "(the test split is frozen while the judge changes)"
        )
    pair_files, scenario_roots = _sources(split, pairs, backtests)
    loaded = load_pairs(*pair_files)
    scores = score_pairs(loaded)
    if not no_candidates:
        scores.candidates = candidate_recall(loaded)
    scenarios: list[dict[str, Any]] = []
    if not no_backtests:
        for root in scenario_roots:
            for folder in scenario_dirs(root):
                expected, result = run_scenario(state.settings(), folder)
                scenarios.append(score_scenario(folder.name, expected, result.claims).as_dict())
    doc: dict[str, Any] = {
        "corpus": split or "regression",
        "pairs": scores.as_dict(),
        "backtests": scenarios,
        "backtest_totals": _totals(scenarios),
    }
    if frozen:
        _drop_items(doc)
    if as_json:
        emit(doc)
        return
    _print(doc, show_errors)


def _drop_items(doc: dict[str, Any]) -> None:
    """A frozen split's figures may be read, never its items: its wrong pairs, candidate misses
    and backtest misses leave the document before anything prints it."""
    doc["pairs"].pop("errors", None)
    if doc["pairs"].get("candidate_recall"):
        doc["pairs"]["candidate_recall"].pop("misses", None)
    for scenario in doc["backtests"]:
        scenario.pop("misses", None)


def _sources(
    split: str | None, pairs: tuple[Path, ...], backtests: tuple[Path, ...]
) -> tuple[list[Path], list[Path]]:
    if split is None:
        pair_files = list(pairs) or [CORPUS / "verification" / "pairs.jsonl"]
        return pair_files, list(backtests) or [CORPUS / "backtests"]
    names = SPLITS[split]
    pair_files = list(pairs) or [REAL / "verification" / f"{n}.jsonl" for n in names]
    missing = [p for p in pair_files if not p.is_file()]
    if missing:
        raise InputError(f"--split {split}: no labelled pairs at {', '.join(map(str, missing))}")
    roots = list(backtests) or [REAL / "backtests" / n for n in names]
    return pair_files, roots


def _totals(scenarios: list[dict[str, Any]]) -> dict[str, Any]:
    judged = sum(s["extracted_claims"] for s in scenarios)
    right = sum(s["status_correct_where_extracted"] for s in scenarios)
    expected = sum(s["expected_claims"] for s in scenarios)
    correct = sum(s["status_correct"] for s in scenarios)
    return {
        "scenarios": len(scenarios),
        "expected_claims": expected,
        "status_accuracy": round(correct / expected, 3) if expected else None,
        "extracted_claims": judged,
        "status_accuracy_where_extracted": round(right / judged, 3) if judged else None,
        "false_fulfilled": sum(s["false_fulfilled"] for s in scenarios),
    }


def _print(doc: dict[str, Any], show_errors: bool) -> None:
    p = doc["pairs"]
    console.print(
        f"corpus: {doc['corpus']}   pairs: {p['pairs']}  4-way accuracy {p['accuracy']:.3f}"
    )
    console.print(
        f"fulfilled decisions: precision {p['fulfilled_precision']:.3f}  "
        f"fulfilment recall {p['fulfilled_recall']:.3f}  "
        f"(any fulfilment incl. review: precision {p['fulfilment_precision_incl_review']:.3f})"
    )
    console.print(f"counter-evidence recall {p['counter_recall']:.3f}")
    c = p["candidate_recall"]
    if c is not None:
        console.print(
            f"candidate recall {c['recall']:.3f} over {c['pairs']} fulfilment/counter pairs "
            f"(new item finds claim {c['recall_new_item']:.3f}, "
            f"new claim finds item {c['recall_new_claim']:.3f})"
        )
    console.print("confusion (rows expected, columns judged):")
    console.print("  " + " ".join(f"{k:>11}" for k in ("", *KINDS)))
    for e in KINDS:
        row = p["confusion"][e]
        console.print("  " + f"{e:>11} " + " ".join(f"{row[g]:>11}" for g in KINDS))
    for s in doc["backtests"]:
        console.print(
            f"backtest {s['scenario']}: status accuracy {s['status_accuracy']:.3f} "
            f"({s['expected_claims']} claims; {s['status_accuracy_where_extracted']:.3f} of the "
            f"{s['extracted_claims']} extracted), false fulfilled {s['false_fulfilled']}, "
            f"evidence {s['evidence_correct']}, other evidence links {s['other_evidence_links']}"
        )
    t = doc["backtest_totals"]
    if t["scenarios"]:
        console.print(
            f"backtests overall: status accuracy where extracted "
            f"{t['status_accuracy_where_extracted']} ({t['extracted_claims']} of "
            f"{t['expected_claims']} claims extracted; {t['status_accuracy']} of all), "
            f"false fulfilled {t['false_fulfilled']}"
        )
    if show_errors:
        for err in p["errors"]:
            console.print(
                f"  {err['id']}: expected {err['expected']}, got {err['got']} "
                f"({err['score']:.2f} {err['rule']}) {err['title']}",
                markup=False,
                highlight=False,
            )
        for miss in (c or {}).get("misses", []):
            console.print(f"  candidate miss {miss}", markup=False, highlight=False)
        for s in doc["backtests"]:
            for miss in s["misses"]:
                console.print(f"  {s['scenario']}: {miss}", markup=False, highlight=False)
