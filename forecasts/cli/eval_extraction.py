"""forecasts eval extraction: precision/recall of the extractor on tests/corpus/extraction."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from forecasts.claims.evaluate import evaluate, load_corpus
from forecasts.cli.app import clean, console, eval_group, json_option, print_json, state
from forecasts.errors import InputError

DEFAULT_CORPUS = Path("tests") / "corpus" / "extraction"
_HEADERS = ("P", "R", "F1", "window", "hedge", "polarity", "speaker")
_COLUMNS = (
    "precision",
    "recall",
    "f1",
    "window_exact",
    "hedge_agreement",
    "polarity_agreement",
    "speaker_agreement",
)


def _corpus_dir(value: str | None) -> Path:
    if value:
        return Path(value)
    here = Path.cwd() / DEFAULT_CORPUS
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / DEFAULT_CORPUS


@eval_group.command(name="extraction")
@click.option(
    "--corpus",
    "corpus",
    type=click.Path(file_okay=False),
    help="Folder of *.jsonl passages (default: tests/corpus/extraction).",
)
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="Also list misses, false positives and wrong windows.",
)
@json_option
def eval_extraction(corpus: str | None, show_errors: bool, as_json: bool) -> None:
    """Precision, recall, F1 and due-window accuracy of claim extraction, per domain.

    \b
    Example:
      forecasts eval extraction --errors
    """
    folder = _corpus_dir(corpus)
    if not folder.is_dir():
        raise InputError(f"--corpus: {folder} is not a folder")
    report = evaluate(load_corpus(folder), state.settings())
    if as_json:
        print_json(report.as_dict())
        return
    table = Table(title=f"Extraction on {folder}")
    table.add_column("domain", no_wrap=True)
    table.add_column("n", justify="right", no_wrap=True)
    table.add_column("tp/fp/fn", justify="right", no_wrap=True)
    for header in _HEADERS:
        table.add_column(header, justify="right", no_wrap=True)
    rows = [*report.domains.items(), ("overall", report.overall)]
    for name, fig in rows:
        table.add_row(
            name, str(fig["passages"]), f"{fig['tp']}/{fig['fp']}/{fig['fn']}",
            *(f"{fig[c]:.3f}" for c in _COLUMNS),
        )  # fmt: skip
    console.print(table, width=max(console.width, 120))
    if show_errors:
        for err in report.errors:
            console.print(clean(str(err)), markup=False)
