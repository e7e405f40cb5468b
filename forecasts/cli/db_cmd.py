"""forecasts db: database maintenance (copy between engines)."""

from __future__ import annotations

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from forecasts.cli.app import cli, console, err_console, json_option, print_json
from forecasts.scale.copy import copy_database


@cli.group(name="db")
def db_group() -> None:
    """Database maintenance: move a database to another engine."""


@db_group.command(name="copy")
@click.argument("source_url")
@click.argument("target_url")
@click.option("--force", is_flag=True, help="Empty a target that already holds rows first.")
@click.option(
    "--batch-size", default=1000, show_default=True, type=int, help="Rows read and written at once."
)
@json_option
def copy_cmd(source_url: str, target_url: str, force: bool, batch_size: int, as_json: bool) -> int:
    """Copy every table of SOURCE_URL into TARGET_URL (e.g. SQLite -> PostgreSQL).

    Both are migrated to the newest schema first; the rows go over table by table in
    dependency order, PostgreSQL's id sequences are moved past them, and the row counts are
    compared. The copy is one transaction on the target: it lands whole or not at all. A target
    that already holds rows is refused unless --force. Stop the daemon first.

    \b
    Example:
      forecasts db copy sqlite:///forecasts.db \\
        postgresql+psycopg://forecasts@db.example.org/forecasts
    """
    with Progress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(table: str, done: int, total: int) -> None:
            if table not in tasks:
                tasks[table] = bar.add_task(table, total=total)
            bar.update(tasks[table], completed=done)

        summary = copy_database(
            source_url, target_url, force=force, batch_size=batch_size, progress=progress
        )
    if as_json:
        print_json(
            {
                "source": summary.source,
                "target": summary.target,
                "rows": summary.rows,
                "emptied_first": summary.emptied_first,
                "tables": {t.table: t.rows for t in summary.tables},
            }
        )
        return 0
    for t in summary.tables:
        console.print(f"{t.table:<20} {t.rows:>10}", markup=False)
    console.print(
        f"copied {summary.rows} rows in {len(summary.tables)} tables to {summary.target}",
        markup=False,
    )
    return 0
