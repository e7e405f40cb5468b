"""forecasts claims / edit / tag / untag: find claims, and correct what the extractor got wrong.

`forecasts claims` is the command people run most, so it imports only click, the settings and
SQLAlchemy Core (bench/cli_bench.py holds it under half a second on 10,000 claims).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from forecasts.cli.app import (
    clean,
    cli,
    console,
    exclusive,
    json_option,
    parse_date_option,
    print_json,
    state,
)
from forecasts.errors import InputError
from forecasts.store.claim_lists import SORTS, ClaimFilter

if TYPE_CHECKING:
    from forecasts.store.claim_lists import ClaimLine


def filter_options(f: Any) -> Any:
    """The claim filters shared by `claims` and `export`."""
    options = [
        click.option(
            "--search",
            default="",
            metavar="TEXT",
            help="Words in the statement or sentence (all of them).",
        ),
        click.option("--speaker", default="", help="Speaker contains this (any case)."),
        click.option("--outlet", default="", help="The article's outlet contains this."),
        click.option("--tag", "tags", multiple=True, help="Tagged so (repeat: all of them)."),
        click.option("--due-before", metavar="DATE", help="Due window ends on or before DATE."),
        click.option("--due-after", metavar="DATE", help="Due window ends on or after DATE."),
        click.option(
            "--status", "statuses", multiple=True, help="Only this status (repeat for several)."
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def make_filter(
    search: str,
    speaker: str,
    outlet: str,
    tags: tuple[str, ...],
    due_before: str | None,
    due_after: str | None,
    statuses: tuple[str, ...],
) -> ClaimFilter:
    """The filter the options describe; bad dates and unknown statuses are refused."""
    before = parse_date_option(due_before, "--due-before")
    after = parse_date_option(due_after, "--due-after")
    if before and after and after > before:
        raise InputError(
            f"--due-after {after} is later than --due-before {before}: nothing can match"
        )
    if statuses:
        from forecasts.models import ClaimStatus

        known = [s.value for s in ClaimStatus]
        for status in statuses:
            if status not in known:
                raise InputError(f"--status: unknown status '{status}' (one of {', '.join(known)})")
    return ClaimFilter(
        search=search,
        speaker=speaker,
        outlet=outlet,
        tags=tuple(tags),
        statuses=tuple(statuses),
        due_before=before,
        due_after=after,
    )


@cli.command(name="claims")
@filter_options
@click.option(
    "--sort", type=click.Choice(SORTS), default="due", show_default=True, help="Order of the list."
)
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@click.option("--wide", is_flag=True, help="Every column, full statements (lines may be long).")
@click.option("--no-pager", is_flag=True, help="Do not page long output.")
@json_option
def claims_cmd(
    search: str,
    speaker: str,
    outlet: str,
    tags: tuple[str, ...],
    due_before: str | None,
    due_after: str | None,
    statuses: tuple[str, ...],
    sort: str,
    limit: int | None,
    wide: bool,
    no_pager: bool,
    as_json: bool,
) -> None:
    """List claims: one line each, filtered and sorted.

    Each line: id, status, the day the due window ends, and the statement cut to the
    terminal's width. Longer than the screen, the list opens in $PAGER (less); colours
    follow NO_COLOR.

    \b
    Examples:
      forecasts claims --status open --due-before 2023-12-31
      forecasts claims --search "Yellen Beijing" --wide
      forecasts claims --speaker Blinken --tag china --json
    """
    exclusive(wide=wide, json=as_json)
    f = make_filter(search, speaker, outlet, tags, due_before, due_after, statuses)
    from forecasts.store.claim_lists import find_claims

    # Only the database is needed: the settings model is not built (bench/cli_bench.py).
    engine = state.read_engine(quick=True)
    with engine.connect() as conn:
        rows = find_claims(conn, f, sort=sort, limit=limit)
        if as_json:
            _claims_json(conn, rows)
            return
        tags_by_id: dict[int, list[str]] = {}
        if wide:
            from forecasts.store.claim_lists import tags_of

            tags_by_id = tags_of(conn, [r.id for r in rows])
    _print_lines(rows, wide=wide, tags=tags_by_id, pager=not (no_pager or state.no_pager))


def _print_lines(
    rows: list[ClaimLine], *, wide: bool, tags: dict[int, list[str]], pager: bool
) -> None:
    import sys

    from forecasts.cli import render

    if not rows:
        print("No claims match.")
        return
    colour = render.use_colour(sys.stdout)
    columns = render.terminal_size()[0]
    id_w = max(len(str(r.id)) for r in rows)
    st_w = max(len(r.status) for r in rows)
    lines = []
    for r in rows:
        status = render.paint(render.pad(r.status, st_w), render.status_colour(r.status), colour)
        head = f"{r.id:>{id_w}}  {status}  {r.due_latest or '-':<10}  "
        used = id_w + 2 + st_w + 2 + 10 + 2
        if wide:
            extra = [
                f"{r.due_earliest}..{r.due_latest}",
                f"by {r.status_by}",
                f"resolved {r.resolved_at or '-'}",
                f"happened {r.event_date or '-'}",
                f"{r.hedge or '-'} p={r.probability:.2f}",
                f"speaker {clean(r.speaker) or '-'}",
                f"outlet {clean(r.outlet) or '-'}",
                f"tags {','.join(tags.get(r.id, [])) or '-'}",
            ]
            lines.append(f"{head}{render.one_line(clean(r.statement))}  [{'; '.join(extra)}]")
        else:
            lines.append(head + render.cut(clean(r.statement), max(columns - used, 10)))
    render.emit(lines, pager=pager)


def _claims_json(conn: Any, rows: list[ClaimLine]) -> None:
    """The full claim records of the matching rows, in the list's order."""
    from sqlmodel import Session

    from forecasts.store.claim_edits import claims_by_id
    from forecasts.store.claim_lists import tags_of
    from forecasts.verdicts.views import claim_row

    ids = [r.id for r in rows]
    tags = tags_of(conn, ids)
    outlets = {r.id: r.outlet for r in rows}
    out = []
    with Session(bind=conn) as s:
        by_id = claims_by_id(s, ids)
    for claim_id in ids:
        row = claim_row(by_id[claim_id])
        row["statement"] = _statement(by_id[claim_id])
        row["outlet"] = outlets[claim_id]
        row["tags"] = tags.get(claim_id, [])
        out.append(row)
    print_json({"claims": out})


def _statement(claim: Any) -> str:
    from forecasts.store.claim_lists import STATEMENT_COLUMN

    return str(getattr(claim, STATEMENT_COLUMN) or claim.claim)


# Edits -----------------------------------------------------------------------------------------


@cli.command(name="edit")
@click.argument("claim_id", type=int)
@click.option("--statement", help="What the claim says, as a self-contained sentence.")
@click.option("--actors", help="Who, comma-separated (e.g. 'Janet Yellen, Treasury').")
@click.option("--event", help="What is to happen (e.g. 'visit Beijing').")
@click.option("--place", help="Where (empty to clear).")
@click.option("--due-earliest", metavar="DATE", help="First day of the due window.")
@click.option("--due-latest", metavar="DATE", help="Last day of the due window.")
@click.option("--speaker", help="Who made the claim (empty to clear).")
@click.option("--hedge", help="The hedge word (sets the probability from [hedges] unless given).")
@click.option("--probability", type=click.FloatRange(0.0, 1.0), help="Implied probability, 0..1.")
@click.option(
    "--polarity", type=click.Choice(["positive", "negative"]), help="negative: it will NOT happen."
)
@click.option("--note", default="", help="Why: kept with every changed field.")
@json_option
def edit_cmd(
    claim_id: int,
    statement: str | None,
    actors: str | None,
    event: str | None,
    place: str | None,
    due_earliest: str | None,
    due_latest: str | None,
    speaker: str | None,
    hedge: str | None,
    probability: float | None,
    polarity: str | None,
    note: str,
    as_json: bool,
) -> None:
    """Correct what the extractor got wrong in a claim.

    Every changed field is kept in the claim's history (who, when, from, to, why). The claim
    goes back to the judge: an automatic verdict is reopened and the next `forecasts verify`
    re-reads the news with the corrected actors, event and window (a verdict you gave by hand
    stays). Extracting the same article again keeps your corrections.

    \b
    Examples:
      forecasts edit 12 --due-latest 2023-12-31 --note "the article says 'by year end'"
      forecasts edit 12 --actors "Janet Yellen" --place Beijing --hedge likely
    """
    import getpass

    from forecasts.clock import SystemClock
    from forecasts.db import write_session
    from forecasts.store.claim_edits import edit_claim

    changes: dict[str, Any] = {}
    for name, value in (
        ("statement", statement),
        ("event", event),
        ("place", place),
        ("speaker", speaker),
        ("hedge", hedge),
        ("polarity", polarity),
    ):
        if value is not None:
            changes[name] = value.strip()
    if actors is not None:
        changes["actors"] = actors.split(",")
    for name, raw in (("due_earliest", due_earliest), ("due_latest", due_latest)):
        day = parse_date_option(raw, "--" + name.replace("_", "-"))
        if day is not None:
            changes[name] = day
    if hedge is not None and probability is None:
        known = state.settings().hedges.get(hedge.strip().lower())
        if known is not None:
            changes["probability"] = known
    if probability is not None:
        changes["probability"] = probability
    if not changes:
        raise InputError(
            "say what to change: --statement, --actors, --event, --place, --due-earliest, "
            "--due-latest, --speaker, --hedge, --probability or --polarity"
        )
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "user"
    with write_session(state.engine()) as s:
        result = edit_claim(s, claim_id, changes, by=who, reason=note, now=SystemClock().now())
    if as_json:
        print_json(
            {
                "id": claim_id,
                "changed": {
                    k: {"from": _plain(a), "to": _plain(b)} for k, (a, b) in result.changed.items()
                },
                "reopened": result.reopened,
                "status": result.status,
            }
        )
        return
    if not result.changed:
        console.print(f"claim {claim_id}: nothing changed", markup=False)
        return
    for name, (old, new) in result.changed.items():
        console.print(
            f"claim {claim_id}: {name}: {clean(_text(old))!r} -> {clean(_text(new))!r}",
            markup=False,
        )
    if result.reopened:
        console.print(
            f"claim {claim_id}: reopened; the next `forecasts verify` judges it again", markup=False
        )


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(_plain(value))


@cli.command(name="tag")
@click.argument("claim_id", type=int)
@click.argument("tags", nargs=-1, required=True)
def tag_cmd(claim_id: int, tags: tuple[str, ...]) -> None:
    """Add tags to a claim.

    Tags are case-insensitive labels; find tagged claims with `forecasts claims --tag TAG`.

    \b
    Example:
      forecasts tag 12 china trade
    """
    from forecasts.db import write_session
    from forecasts.store.claim_edits import add_tags, tags_of

    with write_session(state.engine()) as s:
        add_tags(s, claim_id, tags)
        now = tags_of(s, claim_id)
    console.print(f"claim {claim_id}: tags {', '.join(clean(t) for t in now)}", markup=False)


@cli.command(name="untag")
@click.argument("claim_id", type=int)
@click.argument("tags", nargs=-1, required=True)
def untag_cmd(claim_id: int, tags: tuple[str, ...]) -> None:
    """Remove tags from a claim.

    \b
    Example:
      forecasts untag 12 trade
    """
    from forecasts.db import write_session
    from forecasts.store.claim_edits import remove_tags, tags_of

    with write_session(state.engine()) as s:
        remove_tags(s, claim_id, tags)
        now = tags_of(s, claim_id)
    console.print(
        f"claim {claim_id}: tags {', '.join(clean(t) for t in now) or 'none'}", markup=False
    )
