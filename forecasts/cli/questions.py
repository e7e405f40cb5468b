"""forecasts questions / question / merge / split: events and the claims about them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click
from rich.table import Table

from forecasts.cli.app import clean, cli, console, json_option, parse_date_option, state
from forecasts.cli.app import print_json as emit
from forecasts.clock import SystemClock
from forecasts.db import session, write_session
from forecasts.errors import InputError
from forecasts.questions import views


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return clean(str(value))


@cli.command(name="questions")
@click.option("--status", default=None, help="Only questions with this status (e.g. open).")
@json_option
def questions_cmd(status: str | None, as_json: bool) -> None:
    """List questions: each event, its status and how many claims are about it.

    \b
    Example:
      forecasts questions --status fulfilled
    """
    with session(state.engine()) as s:
        rows = views.questions_view(s, status)
    if as_json:
        emit({"questions": rows})
        return
    table = Table(box=None, pad_edge=False)
    for name in ("id", "status", "event", "window", "happened", "claims", "question"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["status"],
            r["event_type"],
            f"{_fmt(r['window']['earliest'])}..{_fmt(r['window']['latest'])}",
            _fmt(r["event_date"]),
            str(r["claims"]),
            _fmt(r["title"])[:80],
        )
    console.print(table)


@cli.command(name="question")
@click.argument("question_id", type=int)
@json_option
def question_cmd(question_id: int, as_json: bool) -> None:
    """Show one question: its claims with their evidence, its merges and its history.

    \b
    Example:
      forecasts question 4 --json
    """
    with session(state.engine()) as s:
        row = views.question_view(s, question_id)
    if as_json:
        emit(row)
        return
    console.print(f"[bold]Q{row['id']}[/bold] {_fmt(row['title'])}", highlight=False)
    console.print(f"  status      {row['status']} (by {row['status_by']})")
    window = row["window"]
    console.print(f"  window      {_fmt(window['earliest'])} .. {_fmt(window['latest'])}")
    console.print(f"  event       {row['event_type']} {_fmt(row['location'])}")
    console.print(f"  actors      {_fmt(', '.join(row['actors']))}")
    if row["event_date"]:
        console.print(f"  happened    {_fmt(row['event_date'])}")
    console.print(f"claims ({len(row['claims'])}):")
    for c in row["claims"]:
        console.print(
            f"  #{c['id']:<5} {c['status']:<14} {_fmt(c['due_earliest'])}..{_fmt(c['due_latest'])}"
            f" {c['polarity']:<8} {_fmt(c['speaker'])[:20]:<20} {_fmt(c['claim'])[:70]}",
            markup=False,
        )
    console.print("merges:")
    for m in row["merges"]:
        undone = f" (undone {_fmt(m['undone_at'])})" if m["undone_at"] else ""
        console.print(
            f"  claim {m['claim']:<5} {m['score']:.2f} by {m['by']}: {_fmt(m['rule'])}{undone}",
            markup=False,
        )
    console.print("history:")
    for h in row["history"]:
        change = f" {h['from']} -> {h['to']}" if h["action"] == "status" else ""
        console.print(
            f"  {_fmt(h['at'])}  {h['action']}{change} by {h['by']}: {_fmt(h['reason'])}",
            markup=False,
        )


@cli.command(name="merge")
@click.argument("into_id", type=int, metavar="Q1")
@click.argument("other_id", type=int, metavar="Q2")
@json_option
def merge_cmd(into_id: int, other_id: int, as_json: bool) -> None:
    """Merge question Q2 into Q1: they are one event (audited; undo with `split`).

    \b
    Example:
      forecasts merge 4 26
    """
    with write_session(state.engine()) as s:
        row = views.merge(s, into_id, other_id, now=SystemClock().now())
    if as_json:
        emit(row)
        return
    moved = ", ".join(f"#{c}" for c in row["claims_moved"]) or "no claims"
    console.print(f"question {other_id} merged into {into_id} ({moved})")


@cli.command(name="split")
@click.argument("question_id", type=int, metavar="QUESTION")
@click.option("--claim", "claim_id", type=int, required=True, help="The claim to split off.")
@json_option
def split_cmd(question_id: int, claim_id: int, as_json: bool) -> None:
    """Split a claim off its question into a question of its own (audited).

    \b
    Example:
      forecasts split 8 --claim 24
    """
    with write_session(state.engine()) as s:
        row = views.split(s, question_id, claim_id, now=SystemClock().now())
    if as_json:
        emit(row)
        return
    console.print(f"claim {claim_id} split off question {question_id} into {row['new_question']}")


@cli.command(name="decide")
@click.argument("question_id", type=int, metavar="QUESTION")
@click.option("--fulfilled", "action", flag_value="fulfilled", help="The event happened.")
@click.option("--unfulfilled", "action", flag_value="unfulfilled", help="It did not.")
@click.option("--reopen", "action", flag_value="reopen", help="Hand it back to the judge.")
@click.option("--event-date", "event_date", metavar="DATE", help="When it happened (YYYY-MM-DD).")
@click.option("--note", default="", help="Why: kept in the question's history.")
@json_option
def decide_cmd(
    question_id: int, action: str | None, event_date: str | None, note: str, as_json: bool
) -> None:
    """Decide a question by hand; its claims follow by their windows and polarities.

    The automatic judge never overrides this, nor a decision you made on one claim.

    \b
    Example:
      forecasts decide 15 --fulfilled --event-date 2023-07-06 --note "seen it"
    """
    if action is None:
        raise InputError("say what happened: --fulfilled, --unfulfilled or --reopen")
    day = parse_date_option(event_date, "--event-date")
    with write_session(state.engine()) as s:
        row = views.decide(
            s, question_id, action, now=SystemClock().now(), note=note, event_date=day
        )
    if as_json:
        emit(row)
        return
    statuses = ", ".join(f"#{c['id']} {c['status']}" for c in row["claims"])
    console.print(f"question {question_id}: {row['status']} (by user); claims: {statuses}")
