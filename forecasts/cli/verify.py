"""forecasts verify / resolve / review / claim / claims / backtest: verdicts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click
from rich.table import Table

from forecasts.cli.app import (
    clean,
    cli,
    console,
    err_console,
    exclusive,
    json_option,
    parse_date_option,
    state,
)
from forecasts.cli.app import print_json as emit
from forecasts.clock import SystemClock
from forecasts.db import session, write_session
from forecasts.errors import InputError
from forecasts.jobs.backtest import run_backtest
from forecasts.jobs.expire import expire_claims
from forecasts.jobs.questions import settle_questions
from forecasts.jobs.verify import verify_claims
from forecasts.store import claims as store_claims
from forecasts.verdicts import views


def claim_extras(claim_id: int) -> dict[str, Any]:
    """What people add to a claim: its statement, tags and the edits made to it."""
    from forecasts.store.claim_edits import edits_of, tags_of
    from forecasts.store.claim_lists import STATEMENT_COLUMN

    with session(state.read_engine()) as s:
        claim = store_claims.get_claim(s, claim_id)
        return {
            "statement": str(getattr(claim, STATEMENT_COLUMN) or claim.claim),
            "tags": tags_of(s, claim_id),
            "edits": [
                {
                    "at": e.at,
                    "by": e.by,
                    "field": e.field_name,
                    "from": e.from_value,
                    "to": e.to_value,
                    "reason": e.reason,
                }
                for e in edits_of(s, claim_id)
            ],
        }


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return clean(str(value))


@cli.command()
@click.option("--as-of", "as_of", metavar="DATE", help="Judge as of this day (YYYY-MM-DD).")
@json_option
def verify(as_of: str | None, as_json: bool) -> None:
    """Run one verification pass now: match new items to open claims, expire overdue claims.

    \b
    Example:
      forecasts verify --as-of 2023-11-30
    """
    day = parse_date_option(as_of, "--as-of")
    engine, settings, clock = state.engine(), state.settings(), SystemClock()
    verified = verify_claims(engine, settings, clock, as_of=day)
    expired = expire_claims(engine, settings, clock, as_of=day)
    settled = settle_questions(engine, settings, clock)
    changes = {
        k: verified.changes.get(k, 0) + expired.changes.get(k, 0) + settled.changes.get(k, 0)
        for k in {*verified.changes, *expired.changes, *settled.changes}
    }
    doc: dict[str, Any] = {
        "as_of": verified.as_of,
        "claims_indexed": verified.claims_indexed,
        "claims_checked": verified.claims_checked,
        "items_read": verified.items_read,
        "pairs_judged": verified.pairs_judged,
        "evidence_added": verified.evidence_added,
        "expired": expired.expired,
        "changes": changes,
    }
    if as_json:
        emit(doc)
        return
    said = ", ".join(f"{n} {k}" for k, n in sorted(changes.items())) or "no changes"
    console.print(
        f"verified as of {doc['as_of']}: {doc['items_read']} new items, "
        f"{doc['claims_checked']} new claims checked, {doc['evidence_added']} evidence; {said}"
    )


@cli.command()
@click.argument("claim_id", type=int)
@click.option("--fulfilled", is_flag=True, help="It came true.")
@click.option("--unfulfilled", is_flag=True, help="It did not.")
@click.option("--void", is_flag=True, help="Superseded or withdrawn: not scored.")
@click.option("--reopen", is_flag=True, help="Undo a resolution (audited).")
@click.option("--note", default="", help="Why: kept in the claim's history.")
@click.option("--evidence", "evidence_url", default="", metavar="URL", help="A link that shows it.")
@click.option("--event-date", "event_date", metavar="DATE", help="When it happened (YYYY-MM-DD).")
@json_option
def resolve(
    claim_id: int,
    fulfilled: bool,
    unfulfilled: bool,
    void: bool,
    reopen: bool,
    note: str,
    evidence_url: str,
    event_date: str | None,
    as_json: bool,
) -> None:
    """Decide a claim by hand; the automatic judge never overrides this.

    \b
    Example:
      forecasts resolve 3 --fulfilled --evidence https://example.com/yellen-lands --note "seen it"
    """
    # Separate flags, not one flag_value option: click keeps the last of several, and
    # `--fulfilled --unfulfilled` must be refused, not silently recorded as unfulfilled.
    exclusive(fulfilled=fulfilled, unfulfilled=unfulfilled, void=void, reopen=reopen)
    chosen = [
        name
        for name, given in (
            ("fulfilled", fulfilled),
            ("unfulfilled", unfulfilled),
            ("void", void),
            ("reopen", reopen),
        )
        if given
    ]
    if not chosen:
        raise InputError("say what happened: --fulfilled, --unfulfilled, --void or --reopen")
    action = chosen[0]
    if event_date is not None and action != "fulfilled":
        raise InputError("--event-date goes with --fulfilled only")
    day = parse_date_option(event_date, "--event-date")
    with write_session(state.engine()) as s:
        row = views.resolve(
            s,
            claim_id,
            action,
            now=SystemClock().now(),
            note=note,
            evidence_url=evidence_url,
            event_date=day,
        )
    if as_json:
        emit(row)
    else:
        console.print(f"claim {claim_id}: {row['status']} (by user)")


@cli.command()
@json_option
def review(as_json: bool) -> None:
    """List claims that need a person's decision, with their best evidence, and decide each.

    \b
    Example:
      forecasts review            # interactive
      forecasts review --json     # just list them
    """
    with session(state.read_engine()) as s:
        rows = views.review_view(s)
    if as_json:
        emit({"claims": rows})
        return
    if not rows:
        console.print("Nothing to review.")
        return
    import textwrap

    from forecasts.cli import render

    choices = {"f": "fulfilled", "u": "unfulfilled", "v": "void", "s": "skip", "q": "quit"}
    columns = render.terminal_size()[0]
    for n, row in enumerate(rows, 1):
        statement = render.one_line(_fmt(claim_extras(row["id"])["statement"] or row["claim"]))
        console.print(f"\n[{n}/{len(rows)}] claim {row['id']}", markup=False, style="bold")
        for line in textwrap.wrap(statement, columns - 2):
            console.print("  " + line, markup=False)
        console.print(f"  window {row['due_earliest']} .. {row['due_latest']}", markup=False)
        for ev in row["evidence"]:
            day = _fmt(ev["published"])[:10] or "----------"
            head = (
                f"  {ev['kind']:<10} {ev['score']:.2f} {day} {render.one_line(_fmt(ev['title']))}"
            )
            console.print(render.cut(head, columns, fold=False), markup=False)
            if ev["link"]:
                console.print(
                    render.cut("    " + _fmt(ev["link"]), columns, fold=False), markup=False
                )
        answer = click.prompt(
            "  [f]ulfilled, [u]nfulfilled, [v]oid, [s]kip, [q]uit",
            type=click.Choice(list(choices)),
            default="s",
            show_choices=False,
        )
        if choices[answer] == "quit":
            break
        if choices[answer] == "skip":
            continue
        note = click.prompt("  note", default="", show_default=False)
        with write_session(state.engine()) as s:
            views.resolve(s, row["id"], choices[answer], now=SystemClock().now(), note=note)
        console.print(f"  -> {choices[answer]}")


@cli.command(name="claim")
@click.argument("claim_id", type=int)
@json_option
def claim_cmd(claim_id: int, as_json: bool) -> None:
    """Show one claim: its window, evidence and history.

    \b
    Example:
      forecasts claim 3 --json
    """
    with session(state.read_engine()) as s:
        row = views.claim_view(s, claim_id)
    if as_json:
        emit({**row, **claim_extras(claim_id)})
        return
    extra = claim_extras(row["id"])
    console.print(
        f"[bold]#{row['id']}[/bold] {_fmt(extra['statement'] or row['claim'])}", highlight=False
    )
    if extra["tags"]:
        console.print(f"  tags        {_fmt(', '.join(extra['tags']))}", markup=False)
    console.print(f"  status      {row['status']} (by {row['status_by']})")
    console.print(
        f"  window      {row['due_earliest']} .. {row['due_latest']} ({row['due_basis']})"
    )
    console.print(f"  actors      {_fmt(', '.join(row['actors']))}")
    console.print(f"  hedge       {_fmt(row['hedge'])} (p={row['probability']:.2f})")
    if row["event_date"]:
        console.print(f"  happened    {row['event_date']}")
    why = row["why"]
    console.print(f"  why         {_fmt(why['reason'])}", markup=False, highlight=False)
    for ev in why["evidence"]:
        console.print(
            f"              {_fmt(ev.get('published'))} {_fmt(ev.get('title'))}  "
            f"{_fmt(ev.get('link'))}",
            markup=False,
            highlight=False,
        )
    console.print("evidence:" if row["evidence"] else "evidence: none")
    for ev in row["evidence"]:
        console.print(
            f"  {ev['kind']:<10} {ev['score']:.2f} {_fmt(ev['published'])} {_fmt(ev['title'])}",
            markup=False,
        )
        console.print(f"             {_fmt(ev['link'])}  [{ev['rule']}]", markup=False)
    console.print("history:" if row["history"] else "history: none")
    for h in row["history"]:
        console.print(
            f"  {_fmt(h['at'])[:19]}  {h['from']} -> {h['to']} by {h['by']}: {_fmt(h['reason'])}",
            markup=False,
        )
    for e in extra["edits"]:
        console.print(
            f"  {_fmt(e['at'])[:19]}  edited {e['field']} by {_fmt(e['by'])}: "
            f"{_fmt(e['from'])!r} -> {_fmt(e['to'])!r} ({_fmt(e['reason'])})",
            markup=False,
        )


def _claims_table(rows: list[dict[str, Any]], *, with_evidence: bool = False) -> None:
    table = Table("id", "status", "due", "claim", "resolved", "event")
    if with_evidence:
        table.add_column("evidence")
    for row in rows:
        cells = [
            str(row["id"]),
            row["status"],
            _fmt(row["due_latest"]),
            _fmt(row["claim"])[:90],
            _fmt(row["resolved_at"]),
            _fmt(row["event_date"]),
        ]
        if with_evidence:
            cells.append("\n".join(_fmt(e["link"] or e["title"]) for e in row["evidence"]))
        table.add_row(*cells)
    console.print(table)


@cli.command()
@click.option(
    "--articles",
    multiple=True,
    required=True,
    metavar="PATH",
    help="Article file or folder (repeatable).",
)
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="PATH_OR_URL",
    help="Archive feed file, folder or URL (repeatable).",
)
@click.option("--from", "start", metavar="DATE", help="Start the replay on this day.")
@click.option("--until", metavar="DATE", help="Replay up to and including this day.")
@json_option
def backtest(
    articles: tuple[str, ...],
    feeds: tuple[str, ...],
    start: str | None,
    until: str | None,
    as_json: bool,
) -> None:
    """Replay articles and archive feeds in a temporary database as a clock advances.

    \b
    Example:
      forecasts backtest --articles seeds/articles --feed seeds/feeds --until 2024-02-01
    """
    first = parse_date_option(start, "--from")
    last = parse_date_option(until, "--until")

    def progress(message: str) -> None:
        if not as_json:
            err_console.print(clean(message), markup=False)

    result = run_backtest(
        state.settings(), list(articles), list(feeds), start=first, until=last, progress=progress
    )
    if as_json:
        emit(result.as_json())
        return
    _claims_table(result.claims, with_evidence=True)
    counts: dict[str, int] = {}
    for row in result.claims:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    console.print(
        f"{result.start} .. {result.until}: {result.articles} articles, {result.items} items; {summary}"
    )
