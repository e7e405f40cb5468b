"""Polling: each case serves a feed from a real local server and asserts the stored state."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from forecasts.clock import FixedClock
from forecasts.config import Settings, load_settings
from forecasts.db import open_database, session
from forecasts.jobs.poll import poll_feeds
from forecasts.models import Feed, Item
from forecasts.store import feeds as feed_store
from tests.feedserver import FeedServer, make_rss

DATA = Path(__file__).parent / "data" / "feeds"
T0 = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as s:
        yield s


def configure(
    tmp_path: Path, db_url: str, feeds: dict[str, str], fetch: str = "", extra: str = ""
) -> Settings:
    lines = [f'database_url = "{db_url}"', "[fetch]", 'allowed_networks = ["127.0.0.1/32"]']
    lines += [
        line
        for line in ("deadline_seconds = 2.0", "timeout_seconds = 1.0")
        if line.split()[0] not in fetch
    ]
    lines.append(fetch)
    for name, url in feeds.items():
        lines += ["[[feeds]]", f'name = "{name}"', f'url = "{url}"']
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return load_settings(path)


def feed_row(engine: Engine, name: str) -> Feed:
    with session(engine) as s:
        feed = feed_store.get_feed(s, name)
        assert feed is not None
        return feed


def items(engine: Engine, name: str | None = None) -> list[Item]:
    with session(engine) as s:
        stmt = select(Item).order_by(Item.id)  # type: ignore[arg-type]
        if name:
            stmt = stmt.where(Item.feed_id == feed_row(engine, name).id)
        return list(s.exec(stmt).all())


def poll(engine: Engine, settings: Settings, clock: FixedClock, **kw):  # type: ignore[no-untyped-def]
    return poll_feeds(engine, settings, clock, rng=random.Random(1), **kw)


def test_first_poll_stores_items_and_validators_and_a_repoll_adds_nothing(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """Items and ETag/Last-Modified are stored; the next poll sends them back exactly and gets 304."""
    lm = "Fri, 01 Mar 2024 10:00:00 GMT"
    server.feed("/f.xml", make_rss(5), etag='W/"v1-abc"', last_modified=lm)
    settings = configure(tmp_path, db_url, {"f": server.url("/f.xml")})
    engine = open_database(db_url)
    clock = FixedClock(T0)
    first = poll(engine, settings, clock)
    assert (first.ok, first.new_items) == (1, 5)
    feed = feed_row(engine, "f")
    assert (feed.etag, feed.last_modified, feed.item_count) == ('W/"v1-abc"', lm, 5)
    assert feed.last_success_at == T0 and feed.consecutive_errors == 0
    assert feed.next_poll_at == T0 + timedelta(minutes=60)
    stored = items(engine)
    assert stored[0].link == "https://news.example.org/item/0"  # utm_* removed
    assert stored[0].published_at == datetime(2023, 6, 19, 9, 0, tzinfo=UTC)
    assert not stored[0].published_estimated

    clock.advance(timedelta(minutes=61))
    second = poll(engine, settings, clock)
    assert (second.not_modified, second.new_items) == (1, 0)
    sent = server.hits[-1][1]
    assert sent["If-None-Match"] == 'W/"v1-abc"'
    assert sent["If-Modified-Since"] == lm
    assert sent["User-Agent"].startswith("forecasts/")
    assert len(items(engine)) == 5
    assert feed_row(engine, "f").last_success_at == clock.now()


def test_only_due_feeds_are_polled(tmp_path: Path, db_url: str, server: FeedServer) -> None:
    """A feed polled a minute ago is not polled again unless named or forced."""
    server.feed("/f.xml", make_rss(2))
    settings = configure(tmp_path, db_url, {"f": server.url("/f.xml")})
    engine = open_database(db_url)
    clock = FixedClock(T0)
    poll(engine, settings, clock)
    clock.advance(timedelta(minutes=1))
    assert poll(engine, settings, clock).polled == 0
    assert poll(engine, settings, clock, feed_name="f").polled == 1
    assert poll(engine, settings, clock, due_only=False).polled == 1


def test_a_changed_body_adds_only_the_new_entries(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """Dedup across polls: entries already stored are not stored again."""
    server.feed("/f.xml", make_rss(3))
    settings = configure(tmp_path, db_url, {"f": server.url("/f.xml")})
    engine = open_database(db_url)
    clock = FixedClock(T0)
    poll(engine, settings, clock)
    server.feed("/f.xml", make_rss(5))
    clock.advance(timedelta(hours=2))
    assert poll(engine, settings, clock).new_items == 2
    assert feed_row(engine, "f").item_count == 5


def test_same_bytes_without_validators_are_not_parsed_again(
    tmp_path: Path, db_url: str, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that ignores validators but sends identical bytes costs no parsing."""
    server.feed("/f.xml", make_rss(3))  # no ETag, no Last-Modified
    settings = configure(tmp_path, db_url, {"f": server.url("/f.xml")})
    engine = open_database(db_url)
    clock = FixedClock(T0)
    poll(engine, settings, clock)

    def boom(*a: object, **k: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr("forecasts.jobs.poll.parse_documents", boom)  # the inline path of one feed
    clock.advance(timedelta(hours=2))
    summary = poll(engine, settings, clock)
    assert summary.feeds[0].outcome == "unchanged"
    assert feed_row(engine, "f").consecutive_errors == 0


def test_unconditional_refetch_every_few_hours(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """Servers that answer 304 for ever are asked without validators after unconditional_refetch_hours."""
    server.feed("/f.xml", make_rss(2), etag='"e"')
    settings = configure(
        tmp_path, db_url, {"f": server.url("/f.xml")}, "unconditional_refetch_hours = 6"
    )
    engine = open_database(db_url)
    clock = FixedClock(T0)
    poll(engine, settings, clock)
    clock.advance(timedelta(hours=2))
    poll(engine, settings, clock)
    assert server.hits[-1][1].get("If-None-Match") == '"e"'
    clock.advance(timedelta(hours=5))
    poll(engine, settings, clock)
    assert "If-None-Match" not in server.hits[-1][1]
    assert feed_row(engine, "f").last_unconditional_at == clock.now()


def test_validators_are_never_saved_without_their_items(
    tmp_path: Path, db_url: str, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash while writing items leaves neither items nor validators: the next poll refetches."""
    server.feed("/f.xml", make_rss(3), etag='"v1"')
    settings = configure(tmp_path, db_url, {"f": server.url("/f.xml")})
    engine = open_database(db_url)
    clock = FixedClock(T0)

    def crash(*a: object, **k: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("forecasts.store.feeds.insert_items", crash)
    summary = poll(engine, settings, clock)
    assert summary.errors == 1 and "internal error" in summary.feeds[0].error
    feed = feed_row(engine, "f")
    assert feed.etag == "" and feed.body_hash == "" and items(engine) == []
    monkeypatch.undo()
    clock.advance(timedelta(days=1))
    poll(engine, settings, clock)
    assert "If-None-Match" not in server.hits[-1][1]
    assert len(items(engine)) == 3 and feed_row(engine, "f").etag == '"v1"'


def test_permanent_redirects_update_the_stored_url_temporary_ones_do_not(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """A chain of 301/308 moves the feed; a 302 anywhere in the chain leaves the URL alone."""
    server.feed("/new.xml", make_rss(1))
    server.redirect("/old", "/mid", 301)
    server.redirect("/mid", "/new.xml", 308)
    server.redirect("/temp", "/new.xml", 302)
    settings = configure(
        tmp_path, db_url, {"moved": server.url("/old"), "temp": server.url("/temp")}
    )
    engine = open_database(db_url)
    summary = poll(engine, settings, FixedClock(T0))
    assert summary.ok == 2
    assert feed_row(engine, "moved").url == server.url("/new.xml")
    assert feed_row(engine, "temp").url == server.url("/temp")
    # The config still names the old URL: a restart must not undo the move.
    poll(engine, settings, FixedClock(T0 + timedelta(hours=2)))
    assert feed_row(engine, "moved").url == server.url("/new.xml")


def test_redirect_loops_and_chains_too_long_are_errors(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    server.redirect("/a", "/b", 301)
    server.redirect("/b", "/a", 301)
    for i in range(8):
        server.redirect(f"/r{i}", f"/r{i + 1}", 302)
    server.feed("/r8", make_rss(1))
    settings = configure(tmp_path, db_url, {"loop": server.url("/a"), "long": server.url("/r0")})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert "redirect loop" in feed_row(engine, "loop").last_error
    assert "more than 5 redirects" in feed_row(engine, "long").last_error


def test_410_disables_the_feed_and_it_shows(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """Gone means gone: no more polls, and the reason is on the feed row."""
    server.status("/gone", 410)
    settings = configure(tmp_path, db_url, {"g": server.url("/gone")})
    engine = open_database(db_url)
    clock = FixedClock(T0)
    assert poll(engine, settings, clock).feeds[0].outcome == "gone"
    feed = feed_row(engine, "g")
    assert "410" in feed.disabled_reason and "410" in feed.last_error
    clock.advance(timedelta(days=30))
    assert poll(engine, settings, clock).polled == 0


@pytest.mark.parametrize("code", [429, 503])
def test_retry_after_seconds_is_honoured(
    tmp_path: Path, db_url: str, server: FeedServer, code: int
) -> None:
    server.status("/busy", code, headers={"Retry-After": "7200"})
    settings = configure(tmp_path, db_url, {"b": server.url("/busy")})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    feed = feed_row(engine, "b")
    assert feed.next_poll_at == T0 + timedelta(seconds=7200)
    assert feed.consecutive_errors == 1 and str(code) in feed.last_error


def test_retry_after_http_date_is_honoured(tmp_path: Path, db_url: str, server: FeedServer) -> None:
    server.status("/busy", 429, headers={"Retry-After": "Fri, 01 Mar 2024 15:30:00 GMT"})
    settings = configure(tmp_path, db_url, {"b": server.url("/busy")})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert feed_row(engine, "b").next_poll_at == datetime(2024, 3, 1, 15, 30, tzinfo=UTC)


def test_errors_back_off_exponentially_with_a_ceiling_and_the_feed_recovers(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """Each failure doubles the wait (±20% jitter) up to max_backoff_minutes; success resets all."""
    server.status("/flaky", 500, b"oops")
    settings = configure(tmp_path, db_url, {"f": server.url("/flaky")}, "max_backoff_minutes = 480")
    engine = open_database(db_url)
    clock = FixedClock(T0)
    waits = []
    for _ in range(8):
        poll(engine, settings, clock)
        feed = feed_row(engine, "f")
        assert feed.next_poll_at is not None
        waits.append((feed.next_poll_at - clock.now()).total_seconds() / 60)
        clock.set(feed.next_poll_at)
    assert feed_row(engine, "f").consecutive_errors == 8
    assert "HTTP 500" in feed_row(engine, "f").last_error
    assert 48 <= waits[0] <= 72 and 96 <= waits[1] <= 144
    assert max(waits) <= 480 and waits[-1] >= 480 * 0.8
    assert feed_row(engine, "f").disabled_reason == ""  # never given up on
    server.feed("/flaky", make_rss(2))
    poll(engine, settings, clock)
    feed = feed_row(engine, "f")
    assert (feed.consecutive_errors, feed.last_error, feed.item_count) == (0, "", 2)


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ("html", "HTML page"),
        ("login", "login required"),
        ("empty", "empty body"),
        ("malformed", "malformed"),
        ("notfeed", "not an RSS/Atom feed"),
    ],
)
def test_a_200_that_is_not_a_feed_is_an_error_not_an_empty_feed(
    tmp_path: Path, db_url: str, server: FeedServer, route: str, message: str
) -> None:
    server.status(
        "/html", 200, b"<!DOCTYPE html><html><body>Sign in</body></html>", content_type="text/html"
    )
    server.status("/login", 403, b"<html>login</html>", content_type="text/html")
    server.status("/empty", 200, b"", content_type="application/rss+xml")
    server.status("/malformed", 200, b"<?xml version='1.0'?><rss><channel><item><title>x</ti")
    server.status("/notfeed", 200, b'{"json": true}', content_type="application/json")
    settings = configure(tmp_path, db_url, {"x": server.url(f"/{route}")})
    engine = open_database(db_url)
    summary = poll(engine, settings, FixedClock(T0))
    feed = feed_row(engine, "x")
    assert summary.errors == 1 and message in feed.last_error
    assert feed.consecutive_errors == 1 and feed.last_success_at is None and feed.item_count == 0


def test_a_bozo_feed_with_entries_is_used(tmp_path: Path, db_url: str, server: FeedServer) -> None:
    """An undefined entity makes the feed bozo; its entries still count."""
    body = make_rss(2).replace(b"<title>Test feed</title>", b"<title>Test &bogus; feed</title>")
    server.feed("/bozo.xml", body)
    settings = configure(tmp_path, db_url, {"b": server.url("/bozo.xml")})
    engine = open_database(db_url)
    assert poll(engine, settings, FixedClock(T0)).new_items == 2
    assert feed_row(engine, "b").last_error.startswith("warning:")


def test_a_server_that_never_answers_hits_the_deadline(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    server.hang("/hang")
    settings = configure(tmp_path, db_url, {"h": server.url("/hang")}, "timeout_seconds = 30.0")
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert "within 2 s" in feed_row(engine, "h").last_error


def test_a_server_that_trickles_bytes_hits_the_overall_deadline(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """Each byte arrives well within the per-phase timeout; the whole request does not."""
    server.drip("/drip", make_rss(1), every=0.1)
    settings = configure(tmp_path, db_url, {"d": server.url("/drip")})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    feed = feed_row(engine, "d")
    assert "within 2 s" in feed.last_error and feed.item_count == 0


def test_a_50_mb_body_is_cut_off_at_the_cap(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    server.huge("/huge", 50_000_000)
    server.huge("/declared", 50_000_000, declare_length=True)
    settings = configure(
        tmp_path,
        db_url,
        {"h": server.url("/huge"), "d": server.url("/declared")},
        "max_body_bytes = 1000000",
    )
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert "larger than 1,000,000 bytes" in feed_row(engine, "h").last_error
    assert "over the 1,000,000 byte cap" in feed_row(engine, "d").last_error


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compression_bomb_is_stopped_at_the_decoded_cap(
    tmp_path: Path, db_url: str, server: FeedServer, encoding: str
) -> None:
    """60 KB of gzip that inflates to 60 MB is refused once 1 MB has been decoded."""
    body = server.gzip_bomb("/bomb", 60_000_000, encoding)
    assert len(body) < 100_000
    settings = configure(tmp_path, db_url, {"b": server.url("/bomb")}, "max_body_bytes = 1000000")
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert "larger than 1,000,000 bytes (decoded)" in feed_row(engine, "b").last_error


def test_gzip_feeds_are_decoded(tmp_path: Path, db_url: str, server: FeedServer) -> None:
    server.gzipped("/gz.xml", make_rss(4))
    settings = configure(tmp_path, db_url, {"g": server.url("/gz.xml")})
    engine = open_database(db_url)
    assert poll(engine, settings, FixedClock(T0)).new_items == 4
    assert "gzip" in server.hits[-1][1]["Accept-Encoding"]


def test_xxe_payload_reads_no_file_and_fetches_no_dtd(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """External entities are refused before parsing: the secret never lands in an item."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    server.status("/evil.dtd", 200, b'<!ENTITY leak "x">', content_type="application/xml-dtd")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">'
        f'<!ENTITY % dtd SYSTEM "{server.url("/evil.dtd")}"> %dtd;]>'
        "<rss version='2.0'><channel><title>t</title><item><title>&xxe;</title>"
        "<link>https://x.example/1</link></item></channel></rss>"
    ).encode()
    server.feed("/xxe.xml", xxe)
    settings = configure(tmp_path, db_url, {"x": server.url("/xxe.xml")})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert "refused" in feed_row(engine, "x").last_error
    assert items(engine) == []
    assert "/evil.dtd" not in server.paths()


def test_an_external_dtd_alone_is_never_fetched(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """A DOCTYPE naming an external DTD (as RSS 0.91 does) is parsed without loading it."""
    server.status("/ext.dtd", 200, b'<!ENTITY ent "INJECTED">', content_type="application/xml-dtd")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{server.url("/ext.dtd")}">'
        "<rss version='2.0'><channel><title>t</title><item><title>safe &amp; sound</title>"
        "<link>https://x.example/1</link></item></channel></rss>"
    ).encode()
    server.feed("/ext.xml", body)
    settings = configure(tmp_path, db_url, {"x": server.url("/ext.xml")})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert [i.title for i in items(engine)] == ["safe & sound"]
    assert "/ext.dtd" not in server.paths()


@pytest.mark.parametrize("kind", ["nested", "single"])
def test_billion_laughs_payloads_are_refused(
    tmp_path: Path, db_url: str, server: FeedServer, kind: str
) -> None:
    """Nested entities, and one big entity referenced many times, both blow the budget."""
    if kind == "nested":
        decls = '<!ENTITY a0 "lol">' + "".join(
            f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
        )
        refs = "&a9;"
    else:
        decls = f'<!ENTITY big "{"x" * 10_000}">'
        refs = "&big;" * 10_000
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{decls}]><rss version="2.0"><channel><title>t</title>'
        f"<item><title>{refs}</title><link>https://x.example/1</link></item></channel></rss>"
    ).encode()
    server.feed("/laughs.xml", body)
    settings = configure(tmp_path, db_url, {"l": server.url("/laughs.xml")})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert "refused" in feed_row(engine, "l").last_error
    assert items(engine) == []


def test_a_redirect_to_a_private_address_is_refused(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """The address check runs on every hop: 127.0.0.1 is allowed here, 127.0.0.2 is not."""
    server.feed("/inner.xml", make_rss(1))
    server.redirect("/out", server.url("/inner.xml", host="127.0.0.2"), 302)
    settings = configure(tmp_path, db_url, {"r": server.url("/out")})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert "127.0.0.2" in feed_row(engine, "r").last_error
    assert "loopback" in feed_row(engine, "r").last_error
    assert "/inner.xml" not in server.paths()


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost", "0x7f.1", "2130706433", "[::ffff:127.0.0.1]", "[::1]"]
)
def test_loopback_in_any_spelling_is_refused_by_default(
    tmp_path: Path, db_url: str, server: FeedServer, host: str
) -> None:
    server.feed("/f.xml", make_rss(1))
    path = tmp_path / "c.toml"
    path.write_text(
        f'database_url = "{db_url}"\n[[feeds]]\nname = "x"\nurl = "http://{host}:{server.port}/f.xml"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    error = feed_row(engine, "x").last_error
    assert "refused" in error or "cannot resolve" in error or "invalid URL" in error, error
    assert server.hits == []


def test_entries_without_dates_or_guids(tmp_path: Path, db_url: str, server: FeedServer) -> None:
    """No date: published is the first-seen time, marked estimated. No guid: keyed by link."""
    body = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
        b"<item><title>Undated</title><link>https://x.example/u?utm_medium=rss</link></item>"
        b"<item><title>Same guid A</title><guid>dup</guid><link>https://x.example/a</link></item>"
        b"<item><title>Same guid B</title><guid>dup</guid><link>https://x.example/b</link></item>"
        b"</channel></rss>"
    )
    server.feed("/nd.xml", body)
    settings = configure(tmp_path, db_url, {"n": server.url("/nd.xml")})
    engine = open_database(db_url)
    clock = FixedClock(T0)
    poll(engine, settings, clock)
    stored = {i.title: i for i in items(engine)}
    assert set(stored) == {"Undated", "Same guid A", "Same guid B"}
    assert stored["Undated"].published_estimated and stored["Undated"].published_at == T0
    assert stored["Undated"].dedup_key == "link:https://x.example/u"
    assert stored["Same guid A"].dedup_key.startswith("link:")  # repeated guids are not trusted
    clock.advance(timedelta(hours=2))
    server.feed("/nd.xml", body + b" ")
    assert poll(engine, settings, clock).new_items == 0


def test_the_same_story_in_two_feeds_is_stored_once(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    server.feed("/a.xml", make_rss(3, prefix="same"))
    server.feed("/b.xml", make_rss(3, prefix="same").replace(b"Test feed", b"Other feed"))
    settings = configure(tmp_path, db_url, {"a": server.url("/a.xml"), "b": server.url("/b.xml")})
    engine = open_database(db_url)
    assert poll(engine, settings, FixedClock(T0)).new_items == 3


def test_wrong_declared_encoding_still_reads(tmp_path: Path, db_url: str) -> None:
    """A latin-1 file that claims UTF-8 is decoded sensibly, not dropped."""
    settings = configure(tmp_path, db_url, {"w": (DATA / "wrong-encoding.xml").as_uri()})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert [i.title for i in items(engine)] == ["Café owners in Zürich protest"]


def test_local_folder_is_a_feed_and_is_not_reparsed_when_unchanged(
    tmp_path: Path, db_url: str
) -> None:
    settings = configure(tmp_path, db_url, {"archive": str(DATA)})
    engine = open_database(db_url)
    clock = FixedClock(T0)
    first = poll(engine, settings, clock)
    assert first.ok == 1 and first.new_items >= 6
    clock.advance(timedelta(hours=2))
    again = poll(engine, settings, clock)
    assert again.feeds[0].outcome == "unchanged" and again.new_items == 0


def test_a_missing_local_feed_fails_politely(tmp_path: Path, db_url: str) -> None:
    settings = configure(tmp_path, db_url, {"gone": str(tmp_path / "nowhere")})
    engine = open_database(db_url)
    summary = poll(engine, settings, FixedClock(T0))
    assert summary.errors == 1
    assert "no such file or folder" in feed_row(engine, "gone").last_error


def test_ttl_lengthens_the_interval_but_never_below_the_minimum(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    server.feed(
        "/ttl.xml", make_rss(1).replace(b"<description>test</description>", b"<ttl>180</ttl>")
    )
    server.feed(
        "/short.xml",
        make_rss(1, prefix="s").replace(b"<description>test</description>", b"<ttl>1</ttl>"),
    )
    settings = configure(
        tmp_path,
        db_url,
        {"t": server.url("/ttl.xml"), "s": server.url("/short.xml")},
        "default_interval_minutes = 30\nmin_interval_minutes = 15",
    )
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    assert feed_row(engine, "t").next_poll_at == T0 + timedelta(minutes=180)
    assert feed_row(engine, "s").next_poll_at == T0 + timedelta(minutes=30)


def test_removing_a_feed_from_config_retires_it(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    server.feed("/f.xml", make_rss(1))
    settings = configure(tmp_path, db_url, {"f": server.url("/f.xml")})
    engine = open_database(db_url)
    poll(engine, settings, FixedClock(T0))
    settings = configure(tmp_path, db_url, {})
    assert poll(engine, settings, FixedClock(T0 + timedelta(days=1))).polled == 0
    assert feed_row(engine, "f").disabled_reason == "removed from config.toml"
    assert len(items(engine)) == 1


def test_items_removed_by_retention_do_not_come_back(
    tmp_path: Path, db_url: str, server: FeedServer
) -> None:
    """Retention deletes old items (and leaves tombstones); a feed still listing them adds nothing."""
    server.feed("/f.xml", make_rss(3))
    settings = configure(tmp_path, db_url, {"f": server.url("/f.xml")}, "retention_days = 30")
    engine = open_database(db_url)
    clock = FixedClock(T0)
    assert poll(engine, settings, clock).new_items == 3
    clock.advance(timedelta(days=31))
    server.feed("/f.xml", make_rss(3) + b"\n")  # same entries, new bytes: parsed again
    summary = poll(engine, settings, clock)
    assert summary.pruned == 3 and summary.new_items == 0
    clock.advance(timedelta(hours=2))
    server.feed("/f.xml", make_rss(3) + b"\n\n")
    assert poll(engine, settings, clock).new_items == 0
    assert items(engine) == []


def test_many_feeds_are_written_in_a_few_transactions(
    tmp_path: Path, db_url: str, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outcomes wait for others to join them (group commit): 30 feeds make a few write
    transactions, not 30, and each feed still gets its own items and outcome."""
    feeds = {}
    for i in range(30):
        server.feed(f"/{i}.xml", make_rss(3, prefix=f"f{i}"), etag=f'"{i}"')
        feeds[f"f{i}"] = server.url(f"/{i}.xml")
    settings = configure(tmp_path, db_url, feeds, fetch="parse_processes = 1")
    engine = open_database(db_url)
    batches: list[int] = []
    record_polls = feed_store.record_polls

    def counted(s, records):  # type: ignore[no-untyped-def]
        batches.append(len(records))
        return record_polls(s, records)

    monkeypatch.setattr(feed_store, "record_polls", counted)
    clock = FixedClock(T0)
    first = poll(engine, settings, clock)
    assert (first.ok, first.new_items) == (30, 90)
    assert sum(batches) == 30 and len(batches) <= 5, batches
    assert all(feed_row(engine, f"f{i}").item_count == 3 for i in range(30))
    batches.clear()
    clock.advance(timedelta(hours=2))
    second = poll(engine, settings, clock)
    assert second.not_modified == 30 and len(batches) <= 5, batches
