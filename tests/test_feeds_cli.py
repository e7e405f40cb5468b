"""CLI: feeds, poll and items search, with readable errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.feedserver import FeedServer, make_rss

DATA = Path(__file__).parent / "data" / "feeds"


def write_config(path: Path, db_url: str, extra: str = "") -> Path:
    path.write_text(
        f'database_url = "{db_url}"\n[fetch]\nallowed_networks = ["127.0.0.1/32"]\n'
        f"deadline_seconds = 3.0\n{extra}",
        encoding="utf-8",
    )
    return path


def test_add_list_remove(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        run_cli("feeds", "add", "https://feeds.example.org/world.xml", "--interval", "30").code == 0
    )
    assert run_cli("feeds", "add", str(DATA), "--name", "archive", "--tag", "backfill").code == 0
    listed = json.loads(run_cli("feeds", "list", "--json").out)
    assert {f["name"] for f in listed} == {"feeds-example-org-world-xml", "archive"}
    archive = next(f for f in listed if f["name"] == "archive")
    assert archive["url"].startswith("file://") and archive["tags"] == ["backfill"]
    assert run_cli("feeds", "remove", "archive").code == 0
    assert [f["name"] for f in json.loads(run_cli("feeds", "list", "--json").out)] == [
        "feeds-example-org-world-xml"
    ]


def test_bad_input_is_one_line_and_a_non_zero_exit(run_cli, engine) -> None:  # type: ignore[no-untyped-def]
    for args, code, text in [
        (("feeds", "add", "ftp://example.org/x"), 2, "http(s)://"),
        (("feeds", "add", "/no/such/folder"), 2, "no such file"),
        (("feeds", "remove", "nope"), 3, "no feed named 'nope'"),
        (("poll", "--feed", "nope"), 3, "no feed named"),
        (("items", "search", "x", "--after", "June"), 2, "--after"),
        (("feeds", "import-opml", "/no/such.opml"), 2, "cannot read"),
    ]:
        result = run_cli(*args)
        assert result.code == code, (args, result)
        assert text in result.err and "Traceback" not in result.err
        assert len(result.err.strip().splitlines()) == 1


def test_duplicate_names_are_refused(run_cli) -> None:  # type: ignore[no-untyped-def]
    run_cli("feeds", "add", "https://a.example.org/f", "--name", "a")
    result = run_cli("feeds", "add", "https://b.example.org/f", "--name", "a")
    assert result.code == 2 and "already exists" in result.err


def test_opml_round_trip(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="News"><outline text="World Desk" type="rss" xmlUrl="https://w.example.org/rss"/>'
        '<outline text="Local" xmlUrl="https://l.example.org/feed"/></outline>'
        '<outline text="bad" xmlUrl="gopher://x"/></body></opml>',
        encoding="utf-8",
    )
    result = run_cli("feeds", "import-opml", str(opml))
    assert result.code == 0 and "imported 2 feeds, skipped 1" in result.out
    again = run_cli("feeds", "import-opml", str(opml))
    assert "imported 0 feeds" in again.out
    out = tmp_path / "out.opml"
    assert run_cli("feeds", "export-opml", "-o", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    assert 'xmlUrl="https://w.example.org/rss"' in text and 'category="News"' in text


def test_opml_with_entities_is_refused(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opml = tmp_path / "evil.opml"
    opml.write_text(
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<opml version="2.0"><body><outline text="&x;" xmlUrl="https://x.example/"/></body></opml>',
        encoding="utf-8",
    )
    result = run_cli("feeds", "import-opml", str(opml))
    assert result.code == 2 and "DOCTYPE" in result.err


def test_poll_feeds_table_and_search(run_cli, tmp_path: Path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    config = write_config(
        tmp_path / "c.toml", db_url, f'[[feeds]]\nname = "archive"\nurl = "{DATA}"\n'
    )
    polled = run_cli("poll", "--json", config=config)
    summary = json.loads(polled.out)
    assert polled.code == 0 and summary["ok"] == 1 and summary["new_items"] >= 6
    table = json.loads(run_cli("feeds", "--json", config=config).out)
    assert table[0]["name"] == "archive" and table[0]["items"] >= 6
    assert table[0]["consecutive_errors"] == 0 and table[0]["next_poll_at"]
    found = run_cli(
        "items",
        "search",
        "Yellen Beijing",
        "--after",
        "2023-06-18",
        "--before",
        "2023-12-31",
        config=config,
    )
    assert "2023-07-06" in found.out and "yellen-beijing" in found.out
    assert "testimony" not in found.out  # 13 June is before --after
    as_json = json.loads(run_cli("items", "search", "Yellen", "--json", config=config).out)
    assert {i["published_at"][:10] for i in as_json} == {"2023-07-06", "2023-06-13"}


def test_search_syntax_in_user_input_is_inert(run_cli, tmp_path: Path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    config = write_config(tmp_path / "c.toml", db_url, f'[[feeds]]\nname = "a"\nurl = "{DATA}"\n')
    run_cli("poll", config=config)
    for query in ['NEAR(" *', "title:Yellen OR", "'; DROP TABLE item; --", '"""']:
        result = run_cli("items", "search", query, config=config)
        assert result.code == 0, result
    assert "Yellen" in run_cli("items", "search", "Yellen", config=config).out


def test_feed_text_cannot_drive_the_terminal(run_cli, tmp_path: Path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "evil.xml"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item>"
        "<title>Evil&#27;[2J&#27;]0;pwned&#7; headline</title><link>https://e.example/1</link>"
        "<pubDate>Mon, 19 Jun 2023 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    config = write_config(tmp_path / "c.toml", db_url, f'[[feeds]]\nname = "e"\nurl = "{feed}"\n')
    run_cli("poll", config=config)
    out = run_cli("items", "search", "headline", config=config).out
    assert "headline" in out and "\x1b" not in out and "\x07" not in out


def test_poll_as_a_real_subprocess_against_a_real_server(tmp_path: Path, db_url: str) -> None:
    """`python -m forecasts poll` fetches, stores and reports; an offline feed fails politely."""
    with FeedServer() as server:
        server.feed("/w.xml", make_rss(4), etag='"x"')
        config = write_config(
            tmp_path / "c.toml",
            db_url,
            f'[[feeds]]\nname = "w"\nurl = "{server.url("/w.xml")}"\n'
            '[[feeds]]\nname = "offline"\nurl = "http://offline.invalid/rss"\n',
        )
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        proc = subprocess.run(
            [sys.executable, "-m", "forecasts", "--config", str(config), "poll", "--json"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert (summary["ok"], summary["errors"], summary["new_items"]) == (1, 1, 4)
    offline = next(f for f in summary["feeds"] if f["feed"] == "offline")
    assert "cannot resolve" in offline["error"]


def test_polling_one_named_feed_that_fails_exits_4(run_cli, tmp_path: Path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    config = write_config(
        tmp_path / "c.toml", db_url, f'[[feeds]]\nname = "x"\nurl = "{tmp_path / "missing"}"\n'
    )
    result = run_cli("poll", "--feed", "x", config=config)
    assert result.code == 4 and "no such file or folder" in result.out
    assert run_cli("poll", config=config).code == 0  # nothing due: the poll itself ran fine


def test_the_feeds_table_shows_a_gone_feed_as_disabled(
    run_cli, tmp_path: Path, db_url: str
) -> None:  # type: ignore[no-untyped-def]
    with FeedServer() as server:
        server.status("/gone", 410)
        config = write_config(
            tmp_path / "c.toml", db_url, f'[[feeds]]\nname = "g"\nurl = "{server.url("/gone")}"\n'
        )
        run_cli("poll", config=config)
    table = run_cli("feeds", config=config)
    assert "DISABLED" in table.out and "410" in table.out
    row = json.loads(run_cli("feeds", "--json", config=config).out)[0]
    assert "410" in row["disabled"] and row["consecutive_errors"] == 1
