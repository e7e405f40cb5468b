"""forecasts questions / question / merge / split: events and the claims about them."""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import Any

import click

from forecasts.cli import render
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

    One line each, in the terminal's width: the question's title is cut to what the other
    columns leave (the day it happened and the event family go first on a narrow terminal).

    \b
    Example:
      forecasts questions --status fulfilled
    """
    with session(state.engine()) as s:
        rows = views.questions_view(s, status)
    if as_json:
        emit({"questions": rows})
        return
    if not rows:
        print("No questions match.")
        return
    render.emit(
        question_lines(rows, colour=render.use_colour(sys.stdout)), pager=not state.no_pager
    )


QUESTION_COLUMNS = (
    render.Column("id", right=True),
    render.Column("status", sgr=render.status_colour),
    render.Column("event", drop=1),
    render.Column("window"),
    render.Column("happened", drop=2),
    render.Column("claims", right=True),
    render.Column("question"),
)


def question_lines(rows: list[dict[str, Any]], *, colour: bool = False) -> list[str]:
    """The questions table in the terminal's width, the title cut with "…"."""
    cells = [
        [
            str(r["id"]),
            r["status"],
            clean(r["event_type"] or "-"),
            render.span(r["window"]["earliest"], r["window"]["latest"]),
            _fmt(r["event_date"]) or "-",
            str(r["claims"]),
            clean(r["title"] or ""),
        ]
        for r in rows
    ]
    columns = render.terminal_size()[0]
    return render.table(QUESTION_COLUMNS, cells, flex=6, total=columns, colour=colour)


@cli.command(name="question")
@click.argument("question_id", type=int)
@json_option
def question_cmd(question_id: int, as_json: bool) -> None:
    """Show one question: its claims, the evidence that decided it, its merges and history.

    \b
    Example:
      forecasts question 4 --json
    """
    with session(state.engine()) as s:
        row = views.question_view(s, question_id)
    if as_json:
        emit(row)
        return
    lines = question_detail(row, colour=render.use_colour(sys.stdout))
    render.emit(lines, pager=not state.no_pager)


CLAIM_COLUMNS = (
    render.Column("claim", right=True),
    render.Column("status", sgr=render.status_colour),
    render.Column("window"),
    render.Column("polarity", drop=1),
    render.Column("speaker", drop=2),
    render.Column("statement"),
)


def question_detail(row: dict[str, Any], *, colour: bool = False) -> list[str]:
    """One question in the terminal's width: every line cut with "…", none wrapped."""
    columns = render.terminal_size()[0]

    def fit(head: str, text: str) -> str:
        """``head`` (the line's own indentation and label) and ``text`` on one line, cut."""
        return render.cut(head + render.one_line(text), columns, fold=False)

    window = row["window"]
    status = render.paint(row["status"], render.status_colour(row["status"]), colour)
    lines = [
        fit(f"Q{row['id']} ", clean(row["title"] or "")),
        # The status is short and painted: cut what follows it, never the colour codes.
        f"  status    {status} " + render.cut(f"(by {clean(row['status_by'])})", columns - 24),
        f"  window    {render.span(window['earliest'], window['latest'])}",
        fit("  event     ", clean(f"{row['event_type'] or '-'} {row['location'] or ''}")),
        fit("  actors    ", clean(", ".join(row["actors"])) or "-"),
    ]
    if row["event_date"]:
        lines.append(f"  happened  {_fmt(row['event_date'])}")
    for e in row["evidence"]:
        lines.append(
            fit("  evidence  ", f"{_fmt(e.get('published'))} {clean(e.get('title') or '')}")
        )
        if e.get("link"):
            lines.append(fit("            ", clean(e["link"])))
    lines += ["", f"claims ({len(row['claims'])}):"]
    cells = [
        [
            f"#{c['id']}",
            c["status"],
            render.span(c["due_earliest"], c["due_latest"]),
            c["polarity"],
            clean(c["speaker"] or "-"),
            clean(c["statement"] or c["claim"] or ""),
        ]
        for c in row["claims"]
    ]
    table = render.table(CLAIM_COLUMNS, cells, flex=5, total=columns - 2, colour=colour)
    lines += ["  " + line for line in table]
    lines += ["", "merges:"]
    for m in row["merges"]:
        undone = f" (undone {_fmt(m['undone_at'])})" if m["undone_at"] else ""
        head = f"  claim {m['claim']:<5} {m['score']:.2f} "
        lines.append(fit(head, f"by {clean(m['by'])}{undone}: {_fmt(m['rule'])}"))
    lines += ["", "history:"]
    for h in row["history"]:
        change = f" {h['from']} -> {h['to']}" if h["action"] == "status" else ""
        lines.append(
            fit(
                f"  {_fmt(h['at'])}  ",
                f"{h['action']}{change} by {clean(h['by'])}: {_fmt(h['reason'])}",
            )
        )
    return lines


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
