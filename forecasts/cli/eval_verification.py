"""forecasts eval verification: quality of the judge on tests/corpus/verification."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click

from forecasts.cli.app import console, eval_group, json_option, parse_date_option, state
from forecasts.cli.app import print_json as emit
from forecasts.verdicts.evaluation import KINDS, evaluate_pairs, scenario_dirs, score_scenario
from jobs.backtest import run_backtest

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"


@eval_group.command(name="verification")
@click.option(
    "--pairs",
    type=click.Path(dir_okay=False, path_type=Path),
    default=CORPUS / "verification" / "pairs.jsonl",
    show_default=False,
    help="Labelled claim/item pairs (default: tests/corpus/verification/pairs.jsonl).",
)
@click.option(
    "--backtests",
    type=click.Path(file_okay=False, path_type=Path),
    default=CORPUS / "backtests",
    show_default=False,
    help="Folder of backtest scenarios (default: tests/corpus/backtests).",
)
@click.option("--no-backtests", is_flag=True, help="Score the pairs only.")
@json_option
def eval_verification(pairs: Path, backtests: Path, no_backtests: bool, as_json: bool) -> None:
    """Precision and recall of "fulfilled" decisions, and backtest status accuracy.

    \b
    Example:
      forecasts eval verification --json
    """
    scores = evaluate_pairs(pairs)
    scenarios: list[dict[str, Any]] = []
    if not no_backtests:
        for folder in scenario_dirs(backtests):
            expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
            until = expected.get("until")
            result = run_backtest(
                state.settings(),
                [str(folder / "articles")],
                [str(folder / "feed.xml")],
                until=None if until is None else _day(until),
            )
            scenarios.append(score_scenario(folder.name, expected, result.claims).as_dict())
    doc: dict[str, Any] = {"pairs": scores.as_dict(), "backtests": scenarios}
    if as_json:
        emit(doc)
        return
    p = doc["pairs"]
    console.print(f"pairs: {p['pairs']}  accuracy {p['accuracy']:.3f}")
    console.print(
        f"fulfilled decisions: precision {p['fulfilled_precision']:.3f}  "
        f"recall {p['fulfilled_recall']:.3f}  "
        f"(any fulfilment incl. review: precision {p['fulfilment_precision_incl_review']:.3f})"
    )
    console.print("confusion (rows expected, columns judged):")
    console.print("  " + " ".join(f"{k:>11}" for k in ("", *KINDS)))
    for e in KINDS:
        row = p["confusion"][e]
        console.print("  " + f"{e:>11} " + " ".join(f"{row[g]:>11}" for g in KINDS))
    for s in scenarios:
        console.print(
            f"backtest {s['scenario']}: status accuracy {s['status_accuracy']:.3f} "
            f"({s['expected_claims']} claims; {s['status_accuracy_where_extracted']:.3f} of the "
            f"{s['extracted_claims']} extracted), evidence {s['evidence_correct']}, "
            f"other evidence links {s['other_evidence_links']}"
        )


def _day(value: str) -> date | None:
    return parse_date_option(value, "expected.json until")
