"""forecasts extract: read articles, store them and their claims, print what was found."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from forecasts.claims.types import ExtractedClaim
from forecasts.cli.app import (
    clean,
    cli,
    console,
    err_console,
    json_option,
    parse_date_option,
    print_json,
    state,
)
from forecasts.clock import SystemClock
from forecasts.errors import InputError
from forecasts.jobs.extract import extract_new_items
from forecasts.jobs.ingest import ArticleResult, count_inputs, ingest_sources
from forecasts.models import claim_fields as fields

PROGRESS_FROM = 5  # inputs: fewer finish before a bar would be worth drawing


@cli.command("extract")
@click.argument("sources", nargs=-1, metavar="PATH_OR_URL...")
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    help="Publication date to resolve relative dates against (overrides metadata and text).",
)
@click.option("--dry-run", is_flag=True, help="Read and extract, but store nothing.")
@click.option(
    "--items",
    "from_items",
    is_flag=True,
    help="Instead of paths: turn new feed items into articles (the daemon's extract job).",
)
@json_option
def extract_command(
    sources: tuple[str, ...], published: str | None, dry_run: bool, from_items: bool, as_json: bool
) -> int:
    """Extract forward-looking claims from text files, HTML files or pages, and directories.

    Each article is stored once (re-reading the same text adds nothing) with every claim found,
    then the claims are printed. With --json: one document per article, a list when several.
    An input that cannot be read gets one error line; the others still go through, and the exit
    code is non-zero.

    \b
    Examples:
      forecasts extract seeds/
      forecasts extract article.txt --published 2023-06-18 --json
      forecasts extract https://example.com/news/story.html --dry-run
      forecasts extract --items          # new items of feeds with extract_claims = true
    """
    if from_items:
        if sources or published or dry_run:
            raise InputError("--items takes no paths, --published or --dry-run")
        return run_items_job(as_json)
    if not sources:
        raise InputError("nothing to read: give PATH_OR_URL... (or --items); see --help")
    day = parse_date_option(published, "--published")
    settings = state.settings()
    engine = None if dry_run else state.engine()
    inputs = list(sources)
    total = count_inputs(inputs)
    with Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=err_console,
        transient=True,
        disable=total < PROGRESS_FROM or not err_console.is_terminal,
    ) as bar:
        task = bar.add_task("", total=total)
        summary = ingest_sources(
            engine,
            settings,
            SystemClock(),
            inputs,
            published=day,
            dry_run=dry_run,
            progress=lambda one: bar.update(task, advance=1, description=clean(one)[-40:]),
        )
    for failed in summary.errors:
        err_console.print(f"error: {clean(failed.error)}", markup=False)
    if as_json:
        documents = [document(result) for result in summary.results]
        print_json(documents[0] if len(documents) == 1 else documents)
    else:
        for result in summary.results:
            if not result.error:
                print_article(result, dry_run=dry_run)
        if len(summary.results) > 1:
            stored = "nothing stored (dry run)" if dry_run else f"{summary.articles_created} new"
            console.print(
                f"{len(summary.results)} inputs, {len(summary.errors)} failed, {stored}, "
                f"{summary.claims_found} claims",
                markup=False,
            )
    return summary.exit_code


def run_items_job(as_json: bool) -> int:
    """Run the feed-items job once and print what it did."""
    summary = extract_new_items(state.engine(), state.settings(), SystemClock())
    if as_json:
        print_json(asdict(summary))
    else:
        console.print(
            f"{summary.items_seen} items: {summary.articles_created} new articles, "
            f"{summary.claims_found} claims, {summary.duplicates} already stored, "
            f"{summary.skipped} too short, {len(summary.errors)} failed",
            markup=False,
        )
    for error in summary.errors:
        err_console.print(f"error: {clean(error)}", markup=False)
    return 1 if summary.errors else 0


def document(result: ArticleResult) -> dict[str, Any]:
    """The JSON document of one input (keys as issue 2 fixes them; more may be added)."""
    if result.article is None:
        return {"input": result.input, "error": result.error, "article": None, "claims": []}
    article = result.article
    return {
        "input": result.input,
        "created": result.created,
        "article": {
            "id": result.article_id,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "path": article.path,
            "reference_date": article.reference_date,
            "reference_date_basis": article.reference_date_basis,
            "content_hash": article.content_hash,
        },
        "claims": [
            {"id": stored.id, **claim_fields(stored.claim), "status": stored.status}
            for stored in result.claims
        ],
    }


def claim_fields(claim: ExtractedClaim) -> dict[str, Any]:
    return fields.values(claim)


def print_article(result: ArticleResult, *, dry_run: bool) -> None:
    article = result.article
    assert article is not None
    head = Text()
    head.append(clean(article.title or article.path or result.input), style="bold")
    if article.source:
        head.append(f" — {clean(article.source)}")
    console.print(head)
    reference = article.reference_date.isoformat() if article.reference_date else "?"
    console.print(
        Text(f"reference date {reference} ({clean(article.reference_date_basis)})", style="dim")
    )
    if result.claims:
        table = Table(show_lines=False, pad_edge=False, expand=False)
        table.add_column("id", no_wrap=True)
        table.add_column("claim", overflow="fold", ratio=1, min_width=24)
        table.add_column("hedge", overflow="fold")
        table.add_column("speaker", overflow="fold")
        table.add_column("due (rule)", no_wrap=True)
        for stored in result.claims:
            claim = stored.claim
            if claim.due_earliest == article.reference_date:
                due = f"by {claim.due_latest}"
            else:
                due = f"{claim.due_earliest}..{claim.due_latest}"
            table.add_row(
                Text("-" if stored.id is None else str(stored.id)),
                Text(clean(claim.claim)),
                Text(f"{clean(claim.hedge)} {claim.probability:.2f}".strip()),
                Text(clean(claim.speaker)),
                Text(f"{due}\n({clean(claim.due_basis)})" if claim.due_basis else due),
            )
        console.print(table)
    if dry_run:
        note = " (dry run: nothing stored)"
    elif not result.created:
        note = f" (already stored as article {result.article_id})"
    else:
        note = ""
    count = len(result.claims)
    console.print(f"{count} claim{'' if count == 1 else 's'}{note}", markup=False)
