"""Parsing: feed bytes become plain-text entries with aware UTC dates, or one clear error."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.errors import FeedParseError
from forecasts.feeds.parse import ParsedFeed, html_to_text, parse_feed
from forecasts.feeds.xmlguard import check_prolog

DATA = Path(__file__).parent / "data" / "feeds"


def test_rss_entries_are_plain_text_with_utc_dates() -> None:
    feed = parse_feed((DATA / "world-2023.xml").read_bytes(), base_url="https://news.example.org/")
    first = feed.entries[0]
    assert first.title == "Yellen arrives in Beijing for talks with Chinese officials"
    assert first.summary.startswith("US Treasury Secretary Janet Yellen landed")
    assert "<p>" not in first.summary
    assert first.published == datetime(2023, 7, 6, 9, 0, tzinfo=UTC)
    assert first.guid == "tw-2023-0706-yellen"
    assert feed.ttl_minutes == 120


def test_atom_offsets_become_utc_and_authors_are_kept() -> None:
    feed = parse_feed((DATA / "atom-2023.atom").read_bytes(), base_url="https://atom.example.org/")
    entry = feed.entries[0]
    assert entry.published == datetime(2023, 11, 16, 3, 0, tzinfo=UTC)  # 19:00 -08:00
    assert entry.author == "Desk Reporter"
    assert entry.summary.startswith("President Joe Biden and Xi Jinping")


def test_an_entry_without_a_date_has_none() -> None:
    """The parser never invents a date; the store marks first-seen times as estimates."""
    feed = parse_feed((DATA / "world-2023.xml").read_bytes(), base_url="https://n.example/")
    assert feed.entries[-1].published is None and feed.entries[-1].guid == ""


def test_html_is_stripped_scripts_dropped_and_controls_removed() -> None:
    assert (
        html_to_text("<p>Hi <b>there</b><script>alert(1)</script>&amp; more</p>")
        == "Hi there & more"
    )
    assert html_to_text("bell\x07 and \x1b[31mred") == "bell and [31mred"


def test_skip_hours_are_read_from_the_channel() -> None:
    body = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><skipHours>"
        b"<hour>0</hour><hour>23</hour></skipHours><item><title>a</title></item></channel></rss>"
    )
    assert parse_feed(body, base_url="https://x/").skip_hours == frozenset({0, 23})


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty body"),
        (b"   \n", "empty body"),
        (b"<!doctype html><html><head><title>Login</title></head></html>", "HTML page"),
        (b"<html><body>Please sign in</body></html>", "HTML page"),
        (b"not xml at all", "not an RSS/Atom feed"),
        (b"<?xml version='1.0'?><rss><channel><item><title>cut", "malformed"),
    ],
)
def test_documents_without_a_feed_are_errors(body: bytes, message: str) -> None:
    with pytest.raises(FeedParseError, match=message):
        parse_feed(body, base_url="https://x.example/")


def test_a_valid_feed_with_no_entries_is_empty_not_an_error() -> None:
    body = b"<?xml version='1.0'?><rss version='2.0'><channel><title>quiet</title></channel></rss>"
    assert parse_feed(body, base_url="https://x/").entries == []


def test_small_entities_real_feeds_use_are_kept() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY mdash "&#8212;">]>'
        b"<rss version='2.0'><channel><title>t</title><item><title>a&mdash;b</title></item></channel></rss>"
    )
    assert parse_feed(body, base_url="https://x/").entries[0].title == "a\u2014b"


def test_netscape_doctype_is_accepted() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<title>t</title><item><title>old school</title><link>http://x/1</link></item></channel></rss>"
    )
    assert parse_feed(body, base_url="https://x/").entries[0].title == "old school"


@pytest.mark.parametrize(
    ("prolog", "message"),
    [
        ('<!ENTITY x SYSTEM "file:///etc/passwd">', "external entity"),
        ('<!ENTITY x PUBLIC "-//x//y" "http://evil/x">', "external entity"),
        ('<!ENTITY % p SYSTEM "http://evil/x.dtd"> %p;', "parameter entities"),
        ('<!ENTITY a "&b;"><!ENTITY b "&a;">', "recursive"),
        ('<!ENTITY a "' + "x" * 100_000 + '"><!ENTITY b "' + "&a;" * 20 + '">', "expands past"),
        ('<!ENTITY big "' + "x" * 300_000 + '">', "internal subset"),
    ],
)
def test_the_prolog_guard_refuses_entity_attacks(prolog: str, message: str) -> None:
    body = f'<?xml version="1.0"?><!DOCTYPE rss [{prolog}]><rss><channel/></rss>'.encode()
    with pytest.raises(FeedParseError, match=message):
        check_prolog(body)


def test_the_guard_counts_references_times_sizes() -> None:
    """One 1 KB entity used 100 times is fine; used 2,000 times it passes the 1 MB budget."""
    decl = '<!DOCTYPE rss [<!ENTITY e "' + "y" * 1000 + '">]>'
    check_prolog(f"<?xml version='1.0'?>{decl}<rss>{'&e;' * 100}</rss>".encode())
    with pytest.raises(FeedParseError, match="more than 1,000,000"):
        check_prolog(f"<?xml version='1.0'?>{decl}<rss>{'&e;' * 2000}</rss>".encode())


def test_the_guard_sees_through_utf16() -> None:
    body = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r/>'
    with pytest.raises(FeedParseError, match="external entity"):
        check_prolog(body.encode("utf-16"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_junk_bytes_give_a_feed_or_a_parse_error_never_a_crash(data: bytes) -> None:
    try:
        result = parse_feed(data, base_url="https://x.example/")
    except FeedParseError:
        return
    assert isinstance(result, ParsedFeed)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_junk_inside_a_feed_never_crashes(text: str) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    body = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>"
        f"<item><title>{escaped}</title><description>{text}</description></item></channel></rss>"
    ).encode("utf-8", "surrogatepass")
    try:
        feed = parse_feed(body, base_url="https://x.example/")
    except FeedParseError:
        return
    for entry in feed.entries:
        assert "\x00" not in entry.title and "\x1b" not in entry.summary


def _sample_dicts() -> list[Any]:
    """FeedParserDicts holding every kind of key its methods treat specially, and plain ones."""
    import feedparser.util

    d = feedparser.util.FeedParserDict
    full = d(
        summary="s",
        subtitle="sub",
        tags=[d(term="politics")],
        links=[d(rel="enclosure", href="e.jpg"), d(rel="license", href="cc")],
        published="p",
        published_parsed=(2024,),
        id="guid-1",
        title="t",
        rights="r",
        href="h",
    )
    sparse = d(subtitle="only", tags=[], links=[], updated="u", updated_parsed=(2023,))
    return [full, sparse, d()]


KEYS = [
    *[
        "title",
        "summary",
        "subtitle",
        "description",
        "description_detail",
        "guid",
        "id",
        "channel",
        "items",
        "url",
        "href",
    ],
    *[
        "category",
        "enclosures",
        "license",
        "updated",
        "updated_parsed",
        "published",
        "modified",
        "date",
        "copyright",
    ],
    *["issued_parsed", "tagline", "tags", "links", "value", "type", "missing"],
]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_fast_dict_lookups_answer_as_feedparser_does() -> None:
    """The patched FeedParserDict gives, for every key kind (plain, alias, special, missing),
    exactly what feedparser's own methods give."""
    import feedparser.util

    cls: Any = feedparser.util.FeedParserDict
    assert cls._forecasts_fast
    getitem = cls._forecasts_original["__getitem__"]
    contains = cls._forecasts_original["__contains__"]

    def original_get(obj: Any, key: str) -> Any:
        try:
            return getitem(obj, key)
        except KeyError:
            return "<KeyError>"

    for sample in _sample_dicts():
        for key in KEYS:
            try:
                fast = sample[key]
            except KeyError:
                fast = "<KeyError>"
            assert fast == original_get(sample, key), key
            assert sample.get(key, "<KeyError>") == original_get(sample, key), key
            assert (key in sample) == contains(sample, key), key
    aliased = cls()
    aliased["description"] = "x"  # stored under its alias, as feedparser does
    aliased["plain"] = "y"
    assert dict(aliased) == {"summary": "x", "plain": "y"}


def test_the_fast_lookups_refuse_a_changed_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    """A feedparser whose FeedParserDict special-cases other keys makes the patch fail loudly."""
    from forecasts.feeds import parse

    changed = dict(parse._KNOWN_CONSTS)
    changed["get"] = frozenset({"something_new"})
    monkeypatch.setattr(parse, "_KNOWN_CONSTS", changed)

    class Fresh(dict):  # type: ignore[type-arg]
        keymap: ClassVar[dict[str, str]] = {}

        def __getitem__(self, key: Any) -> Any:
            return dict.__getitem__(self, key)

        __contains__ = dict.__contains__
        __setitem__ = dict.__setitem__

        def get(self, key: Any, default: Any = None) -> Any:
            return dict.get(self, key, default)

    monkeypatch.setattr("feedparser.util.FeedParserDict", Fresh)
    with pytest.raises(RuntimeError, match="changed FeedParserDict"):
        parse._fast_dict_lookups()
