"""forecasts feeds / poll / items: subscriptions and collection."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import click
import httpx
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from forecasts.cli import render
from forecasts.cli.app import (
    clean,
    cli,
    console,
    err_console,
    exclusive,
    json_option,
    parse_date_option,
    print_json,
    state,
)
from forecasts.clock import SystemClock, end_of_day, start_of_day
from forecasts.db import session, write_session
from forecasts.errors import FetchError, InputError
from forecasts.feeds.local import is_local, local_path
from forecasts.feeds.opml import Subscription, name_for_url, parse_opml, remote_url, to_opml
from forecasts.jobs.poll import FeedOutcome, poll_feeds, poll_search_feeds, sync_config_feeds
from forecasts.models import Feed
from forecasts.store import feeds as feed_store
from forecasts.store.items import search_items


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


def _feed_json(feed: Feed) -> dict[str, Any]:
    return {
        "name": feed.name,
        "url": feed.url,
        "origin": feed.origin,
        "tags": feed.tags,
        "interval_minutes": feed.interval_minutes,
        "last_poll_at": feed.last_poll_at,
        "last_success_at": feed.last_success_at,
        "items": feed.item_count,
        "consecutive_errors": feed.consecutive_errors,
        "last_error": feed.last_error,
        "next_poll_at": feed.next_poll_at,
        "disabled": feed.disabled_reason,
    }


def _check_url(url: str) -> str:
    """A feed URL a user typed: http(s) with a host, or an existing local file or folder."""
    if is_local(url):
        path = local_path(url, Path.cwd())
        if not path.exists():
            raise InputError(f"'{url}': no such file or folder")
        return url if url.startswith("file:") else path.resolve().as_uri()
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InputError(f"'{url}' is not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InputError(f"'{url}': feed URLs must be http(s):// or file://")
    return url


@cli.group("feeds", invoke_without_command=True)
@json_option
@click.option("--all", "show_all", is_flag=True, help="Include the per-claim search feeds.")
@click.option("--verbose", "-v", is_flag=True, help="Whole error messages, every search feed.")
@click.pass_context
def feeds_group(ctx: click.Context, as_json: bool, show_all: bool, verbose: bool) -> None:
    """Subscribed feeds and how their polling goes.

    Without a subcommand: for each feed, last poll, last success, items, consecutive errors
    and next poll (times today as HH:MM, else the date), and its last error on the line below,
    cut to the terminal's width (--verbose: whole).

    \b
    Example:
      forecasts feeds --json
    """
    if ctx.invoked_subcommand is not None:
        return
    engine = state.read_engine()
    sync_config_feeds(engine, state.settings(), SystemClock())
    with session(engine) as s:
        feeds = [f for f in feed_store.list_feeds(s) if f.origin != feed_store.RETAINED_ORIGIN]
    if as_json:
        print_json([_feed_json(f) for f in feeds if show_all or f.origin != "search"])
        return
    if not [f for f in feeds if show_all or f.origin != "search"]:
        console.print("No feeds. Add one with `forecasts feeds add URL` or in config.toml.")
        return
    lines = feed_lines(feeds, SystemClock().now(), verbose=verbose, search=show_all)
    render.emit(lines, pager=not state.no_pager)


def _short(value: datetime | None, now: datetime) -> str:
    """HH:MM today, else the date: the columns stay narrow and nothing is ambiguous."""
    if value is None:
        return "-"
    if value.date() == now.date():
        return value.strftime("%H:%M")
    return value.strftime("%Y-%m-%d")


def feed_lines(
    feeds: list[Feed], now: datetime, *, verbose: bool = False, search: bool = False
) -> list[str]:
    """The feeds table in the terminal's width: one line per feed, its last error under it
    on one line (cut to the width; whole with --verbose). Claim-search feeds with errors are
    summed up in one line."""
    columns = render.terminal_size()[0]
    name_w = min(max([4, *(render.width(clean(f.name)) for f in feeds)]), 24)
    head = f"{'feed':<{name_w}}  {'last poll':<10}  {'last ok':<10}  {'items':>6}  {'errs':>4}  next poll"
    lines = [head]
    search_failing = [
        f for f in feeds if f.origin == "search" and (f.last_error or f.consecutive_errors)
    ]
    for f in feeds:
        if f.origin == "search" and not search:
            continue
        nxt = "-" if f.disabled_reason else _short(f.next_poll_at, now) if f.next_poll_at else "now"
        name = render.pad(render.cut(clean(f.name), name_w), name_w)
        lines.append(
            f"{name}  {_short(f.last_poll_at, now):<10}  {_short(f.last_success_at, now):<10}  "
            f"{f.item_count:>6}  {f.consecutive_errors:>4}  {nxt}"
        )
        error = render.one_line(clean(f.last_error))
        if f.disabled_reason:
            error = f"DISABLED: {render.one_line(clean(f.disabled_reason))}. {error}".strip()
        if error:
            lines.append("  ! " + (error if verbose else render.cut(error, columns - 4)))
    if search_failing and not search:
        sample = render.one_line(clean(search_failing[0].last_error))
        summary = f"claim-search feeds: {len(search_failing)} failing, e.g. {sample}"
        lines.append(render.cut(summary, columns - 13) + "  (--all: each)")
    return lines


@feeds_group.command("list")
@json_option
def list_cmd(as_json: bool) -> None:
    """List subscriptions: name, URL, where it came from, interval, tags.

    \b
    Example:
      forecasts feeds list
    """
    engine = state.read_engine()
    sync_config_feeds(engine, state.settings(), SystemClock())
    with session(engine) as s:
        feeds = [
            f
            for f in feed_store.list_feeds(s)
            if f.origin not in ("search", feed_store.RETAINED_ORIGIN)
        ]
    if as_json:
        print_json([_feed_json(f) for f in feeds])
        return
    for f in feeds:
        interval = f"{f.interval_minutes} min" if f.interval_minutes else "default"
        extra = f" [disabled: {f.disabled_reason}]" if f.disabled_reason else ""
        tags = f" tags={','.join(f.tags)}" if f.tags else ""
        console.print(
            clean(f"{f.name}\t{f.url}\t{f.origin}\t{interval}{tags}{extra}"), markup=False
        )


@feeds_group.command("add")
@click.argument("url")
@click.option("--name", help="Short unique name (default: from the URL).")
@click.option("--interval", type=click.IntRange(min=1), help="Poll interval in minutes.")
@click.option("--tag", "tags", multiple=True, help="A label; repeat for several.")
def add_cmd(url: str, name: str | None, interval: int | None, tags: tuple[str, ...]) -> None:
    """Subscribe to a feed (http(s) URL, file:// URL, or a folder of feed files).

    \b
    Example:
      forecasts feeds add https://feeds.npr.org/1004/rss.xml --name npr-world --interval 30
    """
    url = _check_url(url)
    name = name or name_for_url(url)
    with write_session(state.engine()) as s:
        feed_store.add_feed(s, name=name, url=url, interval_minutes=interval, tags=tags)
    console.print(f"added {clean(name)}: {clean(url)}", markup=False)


@feeds_group.command("remove")
@click.argument("name")
@click.option("--yes", "-y", is_flag=True, help="Do not ask (for scripts).")
def remove_cmd(name: str, yes: bool) -> int:
    """Unsubscribe and delete the feed's items; items cited as evidence are kept.

    On a terminal it asks first (--yes does not). Evidence keeps its title, link and date;
    articles made from the feed's items keep their text.

    \b
    Example:
      forecasts feeds remove npr-world --yes
    """
    from forecasts.cli.app import terminal_is_interactive
    from forecasts.store.items import count_items

    engine = state.read_engine()
    with session(engine) as s:
        feed = feed_store.require_feed(s, name)
        if feed.origin == "config":
            raise InputError(f"'{name}' comes from config.toml: remove it there")
        total = count_items(s, feed.id)
        cited = len(feed_store.cited_items(s, name))
    if not yes and terminal_is_interactive():
        kept = f" ({cited} cited as evidence are kept)" if cited else ""
        if not click.confirm(f"Remove feed {clean(name)} and its {total} items{kept}?"):
            console.print("nothing removed", markup=False)
            return 1
    with write_session(engine) as s:
        removed = feed_store.remove_feed(s, name)
    kept = f", kept {cited} cited as evidence" if cited else ""
    console.print(f"removed {clean(name)} and {removed} items{kept}", markup=False)
    return 0


@feeds_group.command("import-opml")
@click.argument("file", type=click.Path(dir_okay=False))
def import_opml_cmd(file: str) -> None:
    """Subscribe to every feed in an OPML file (feeds already subscribed are skipped).

    \b
    Example:
      forecasts feeds import-opml subscriptions.opml
    """
    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror}") from None
    subs = parse_opml(data)
    added = skipped = 0
    with write_session(state.engine()) as s:
        known_urls = {f.url for f in feed_store.list_feeds(s)}
        for sub in subs:
            if sub.url in known_urls or feed_store.get_feed(s, sub.name) is not None:
                skipped += 1
                continue
            try:
                url = _check_url(remote_url(sub.url))  # nothing local from a file
            except InputError as exc:
                err_console.print(f"skipped {clean(sub.name)}: {exc}", markup=False)
                skipped += 1
                continue
            feed_store.add_feed(s, name=sub.name, url=url, tags=sub.tags)
            known_urls.add(url)
            added += 1
    console.print(f"imported {added} feeds, skipped {skipped}", markup=False)


@feeds_group.command("export-opml")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout.")
def export_opml_cmd(output: str | None) -> None:
    """Write the subscriptions as OPML 2.0.

    \b
    Example:
      forecasts feeds export-opml -o subscriptions.opml
    """
    with session(state.read_engine()) as s:
        feeds = [
            f
            for f in feed_store.list_feeds(s)
            if f.origin not in ("search", feed_store.RETAINED_ORIGIN)
        ]
    data = to_opml([Subscription(f.name, f.url, tuple(f.tags)) for f in feeds])
    if output:
        Path(output).write_bytes(data)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@cli.command("poll")
@click.option("--feed", "feed_name", help="Poll only this feed (even if not due).")
@click.option("--all", "poll_all", is_flag=True, help="Poll every enabled feed, due or not.")
@click.option(
    "--search", is_flag=True, help="Poll the news-search feeds of the open claims instead."
)
@json_option
def poll_cmd(feed_name: str | None, poll_all: bool, search: bool, as_json: bool) -> int:
    """Poll the due feeds now and store their new items (what the daemon does on schedule).

    Exits 0 when the poll ran (failures are recorded on each feed and shown), or 4 when the
    one feed named with --feed failed.

    \b
    Example:
      forecasts poll --feed archive --json
    """
    exclusive(feed=feed_name, all=poll_all, search=search)
    engine, settings = state.engine(), state.settings()
    with Progress(
        TextColumn("polling"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    ) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, outcome: FeedOutcome) -> None:
            bar.update(task, completed=done, total=total, description=clean(outcome.feed)[:40])

        if search:
            summary = poll_search_feeds(engine, settings, SystemClock(), progress=progress)
        else:
            summary = poll_feeds(
                engine,
                settings,
                SystemClock(),
                feed_name=feed_name,
                due_only=not poll_all,
                progress=progress,
            )
    if as_json:
        print_json(
            {
                "polled": summary.polled,
                "ok": summary.ok,
                "not_modified": summary.not_modified,
                "errors": summary.errors,
                "new_items": summary.new_items,
                "pruned": summary.pruned,
                "feeds": [vars(f) for f in summary.feeds],
            }
        )
        return _poll_exit(feed_name, summary.errors)
    for f in summary.feeds:
        detail = f": {clean(f.error)}" if f.error else ""
        console.print(f"{clean(f.feed)}: {f.outcome}, {f.new_items} new{detail}", markup=False)
    console.print(
        f"{summary.polled} feeds polled: {summary.ok} ok, {summary.not_modified} unchanged, "
        f"{summary.errors} failed; {summary.new_items} new items",
        markup=False,
    )
    return _poll_exit(feed_name, summary.errors)


def _poll_exit(feed_name: str | None, errors: int) -> int:
    return FetchError.exit_code if feed_name and errors else 0


@cli.group("items")
def items_group() -> None:
    """Collected feed items."""


@items_group.command("search")
@click.argument("query")
@click.option("--after", help="Only items published on or after this date (YYYY-MM-DD).")
@click.option("--before", help="Only items published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@json_option
def search_cmd(
    query: str, after: str | None, before: str | None, limit: int, as_json: bool
) -> None:
    """Full-text search over items: matches with dates and links, best first.

    A date marked '~' is when the item was first seen: its feed gave none.

    \b
    Example:
      forecasts items search "Yellen Beijing" --after 2023-06-18 --before 2023-12-31
    """
    start = parse_date_option(after, "--after")
    end = parse_date_option(before, "--before")
    if not query.strip():
        raise InputError("the search query is empty")
    with session(state.read_engine()) as s:
        items = search_items(
            s,
            query,
            after=start_of_day(start) if start else None,
            before=end_of_day(end) if end else None,
            limit=limit,
        )
        names = {f.id: f.name for f in feed_store.list_feeds(s)}
    if as_json:
        print_json(
            [
                {
                    "id": i.id,
                    "feed": names.get(i.feed_id, ""),
                    "title": i.title,
                    "link": i.link,
                    "published_at": i.published_at,
                    "published_estimated": i.published_estimated,
                    "summary": i.summary,
                }
                for i in items
            ]
        )
        return
    if not items:
        console.print("no matching items")
        return
    for i in items:
        day = i.published_at.strftime("%Y-%m-%d") if i.published_at else "?"
        mark = "~" if i.published_estimated else " "
        console.print(
            f"{day}{mark} {clean(i.title)}\n    {clean(i.link)}  ({clean(names.get(i.feed_id, ''))})",
            markup=False,
        )
