"""forecasts eval extraction: the extractor's figures on the real-text splits and the regression set.

Scoring rules: forecasts/claims/evaluate.py. The test split is frozen: its figures may be
printed, its errors never (--errors is for dev only).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from forecasts.claims.evaluate import Report, evaluate, load_corpus, load_split
from forecasts.cli.app import clean, console, eval_group, json_option, print_json, state
from forecasts.errors import InputError

REGRESSION_CORPUS = Path("tests") / "corpus" / "extraction"
REAL_CORPUS = Path("tests") / "corpus" / "real" / "extraction"
_REGRESSION_COLUMNS = {
    "P": "precision",
    "R": "recall",
    "F1": "f1",
    "window": "window_exact",
    "hedge": "hedge_agreement",
    "polarity": "polarity_agreement",
    "speaker": "speaker_agreement",
}
_REAL_COLUMNS = {
    "P": "precision",
    "R": "recall",
    "F1": "f1",
    "window ±3d": "window_pm3",
    "dated": "dated",
    "statement": "statement_share",
    "subject": "subject_agreement",
    "hedge": "hedge_agreement",
    "speaker": "speaker_agreement",
}


def _default_dir(relative: Path) -> Path:
    here = Path.cwd() / relative
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / relative


@eval_group.command(name="extraction")
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    help="Score the real-text corpus split (tests/corpus/real/extraction/{dev,test}.jsonl).",
)
@click.option(
    "--corpus",
    "corpus",
    type=click.Path(file_okay=False),
    help="Regression folder of *.jsonl passages (default, without --split: tests/corpus/extraction).",
)
@click.option(
    "--real-corpus",
    "real_corpus",
    type=click.Path(file_okay=False),
    help="Folder holding the split files dev.jsonl and test.jsonl (default: tests/corpus/real/extraction).",
)
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="Also list misses, false positives and wrong windows (the dev split and the regression set only).",
)
@json_option
def eval_extraction(
    split: str | None,
    corpus: str | None,
    real_corpus: str | None,
    show_errors: bool,
    as_json: bool,
) -> None:
    """Precision, recall, F1, due windows and statements of claim extraction, per domain.

    With --split, the real-text split; with --corpus (or neither option), the regression set;
    with both, each in its own table (--json: {"real": ..., "regression": ...}).

    \b
    Examples:
      forecasts eval extraction --split dev --errors
      forecasts eval extraction --split test --json
      forecasts eval extraction            # the regression set tests/corpus/extraction
    """
    if show_errors and split in ("test", "all"):
        raise InputError(
            f"--errors is for the dev split only: the errors of --split {split} stay unread "
            "(the test split is frozen while rules change)"
        )
    settings = state.settings()
    reports: dict[str, tuple[str, Report]] = {}
    if split is not None:
        folder = Path(real_corpus) if real_corpus else _default_dir(REAL_CORPUS)
        passages = load_split(folder, split)
        report = evaluate(passages, settings, strict=True, keep_errors=split == "dev")
        reports["real"] = (f"Extraction on the {split} split ({folder})", report)
    if corpus is not None or split is None:
        folder = Path(corpus) if corpus else _default_dir(REGRESSION_CORPUS)
        if not folder.is_dir():
            raise InputError(f"--corpus: {folder} is not a folder")
        report = evaluate(load_corpus(folder), settings)
        reports["regression"] = (f"Extraction on {folder} (regression set)", report)
    if as_json:
        docs: dict[str, Any] = {}
        for key, (_, report) in reports.items():
            doc = report.as_dict()
            if key == "real":
                doc["split"] = split
            if key == "real" and split != "dev":
                doc.pop("errors")
            docs[key] = doc
        print_json(next(iter(docs.values())) if len(docs) == 1 else docs)
        return
    for key, (title, report) in reports.items():
        _print_table(title, report, _REAL_COLUMNS if key == "real" else _REGRESSION_COLUMNS)
        if show_errors:
            for err in report.errors:
                console.print(clean(str(err)), markup=False)


def _print_table(title: str, report: Report, columns: dict[str, str]) -> None:
    table = Table(title=title)
    table.add_column("domain / style", no_wrap=True)
    table.add_column("n", justify="right", no_wrap=True)
    table.add_column("tp/fp/fn", justify="right", no_wrap=True)
    for header in columns:
        table.add_column(header, justify="right", no_wrap=True)
    rows = [
        *report.domains.items(),
        *((f"style: {name}", fig) for name, fig in report.styles.items()),
        ("overall", report.overall),
    ]
    for name, fig in rows:
        cells = [
            str(fig[c]) if isinstance(fig[c], int) and c == "dated" else f"{fig[c]:.3f}"
            for c in columns.values()
        ]
        table.add_row(name, str(fig["passages"]), f"{fig['tp']}/{fig['fp']}/{fig['fn']}", *cells)
    # a table wider than a pipe's default 80 columns: never truncate the figures
    Console(highlight=False, width=max(console.width, 150)).print(table)
