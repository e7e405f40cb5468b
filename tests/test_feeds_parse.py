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


_RICH_ITEM = (
    "<item><title>Port &amp; harbour plan</title><link>/news/1?utm_source=rss</link>"
    '<guid isPermaLink="false">g-{i}</guid><pubDate>Tue, 07 Nov 2023 13:26:53 GMT</pubDate>'
    "<category>Politics</category><category domain='x'>Local</category>"
    "<comments>https://news.example.org/1#comments</comments>"
    '<enclosure url="https://news.example.org/1.jpg" length="1" type="image/jpeg"/>'
    "<description>&lt;p&gt;Officials met.&lt;/p&gt;</description></item>"
)
# Feeds where skipping <category>, <comments> and <enclosure> could go wrong if done carelessly:
# inside item text (markup whose words are kept), holding elements we read, carrying an
# xlink declaration or xml:base, between <image> and a <link>, and as the first thing of an item.
TRIM_CASES = [
    "<rss version='2.0'><channel><title>T</title><link>https://news.example.org/</link>"
    + "".join(_RICH_ITEM.format(i=i) for i in range(3))
    + "</channel></rss>",
    "<rss version='2.0'><channel><title>T</title><item><title>a</title>"
    "<description><p>kept <category>words</category> <comments>here</comments></p>"
    "<enclosure>too</enclosure></description></item></channel></rss>",
    "<rss version='2.0'><channel><title>T</title><item><category><title>inner</title>"
    "<link>https://x.example/inner</link></category><enclosure><guid>inner-g</guid>"
    "</enclosure><title>outer</title></item></channel></rss>",
    "<rss version='2.0' xmlns:xl='http://www.w3.org/1999/xlink'><channel><title>T</title>"
    "<item><category xmlns:x2='http://www.w3.org/1999/xlink' x2:href='/c' "
    "xml:base='https://evil.example/'>c</category><link>rel/1</link><title>t</title></item>"
    "</channel></rss>",
    "<rss version='2.0'><channel><title>T</title><image><url>https://x.example/i.png</url>"
    "<category>c</category><link>https://x.example/from-image</link></image>"
    "<item><comments>c</comments><title>t</title><link>https://x.example/a</link></item>"
    "</channel></rss>",
    "<rss version='2.0'><channel><title>T</title><item><title>t</title>"
    "<source url='https://s.example/rss'>Source <category>x</category> name</source>"
    "<category><![CDATA[<b>cdata</b>]]></category><description><![CDATA[<p>body "
    "<category>in cdata</category></p>]]></description></item></channel></rss>",
    "<rss version='2.0'><channel><title>T</title><item><title>t</title><CATEGORY>upper"
    "</CATEGORY><description>d</description></item><category>channel level</category>"
    "</channel></rss>",
]


def _trim_inputs() -> list[tuple[str, bytes]]:
    from tests.feedserver import make_rss

    inputs = [(f"case {i}", case.encode()) for i, case in enumerate(TRIM_CASES)]
    inputs += [(path.name, path.read_bytes()) for path in sorted(DATA.iterdir())]
    inputs.append(("make_rss", make_rss(5)))
    return inputs


def test_trimmed_feedparser_gives_the_same_feeds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test feed parses to the same ParsedFeed (or the same error) with feedparser's
    work trimmed (forecasts/feeds/trim.py) as with plain feedparser."""
    from forecasts.feeds import trim

    def parse_all() -> list[object]:
        results: list[object] = []
        for _name, data in _trim_inputs():
            try:
                results.append(parse_feed(data, base_url="https://news.example.org/feed/"))
            except FeedParseError as exc:
                results.append(str(exc))
        return results

    trimmed = parse_all()
    trim.uninstall()
    try:
        plain = parse_all()
    finally:
        trim.install()
    assert trimmed[0] != plain[-1]  # the comparison is between real, different feeds
    for (name, _), got, want in zip(_trim_inputs(), trimmed, plain, strict=True):
        assert got == want, name
    first = trimmed[0]
    assert isinstance(first, ParsedFeed) and len(first.entries) == 3
    assert first.entries[0].link == "https://news.example.org/news/1?utm_source=rss"


def test_the_trim_refuses_a_changed_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser.mixin

    from forecasts.feeds import trim

    trim.uninstall()
    try:
        monkeypatch.setattr(feedparser.mixin, "copy", object())
        with pytest.raises(RuntimeError, match=r"review forecasts/feeds/trim\.py"):
            trim.install()
    finally:
        monkeypatch.undo()
        trim.install()
    assert isinstance(feedparser.mixin.copy, __import__("types").SimpleNamespace)
