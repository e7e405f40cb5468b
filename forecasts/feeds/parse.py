"""Feed bytes -> ParsedFeed: plain-text entries with aware UTC dates.

feedparser only ever sees bytes we fetched (wrapped in BytesIO, so it can never take them for a
URL or a path), after ``xmlguard.check_prolog`` has refused entity tricks. A feed with ``bozo``
set is still used when entries parse; a document that yields no feed at all (an HTML page, a
login wall, an empty or truncated body) is a FeedParseError with a message a person can act on.
"""

from __future__ import annotations

import calendar
import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import feedparser
import feedparser.mixin
import feedparser.util

from forecasts.errors import FeedParseError
from forecasts.feeds import trim
from forecasts.feeds.xmlguard import check_prolog

MAX_TITLE_CHARS = 1_000


def _memoise_uri_joins() -> Callable[[], object]:
    """Cache feedparser's URI joins: pure functions it calls for every element it opens.

    Each element's base URI is the document's (or an xml:base) joined to its parent's, so a
    50-item feed costs about 600 ``urljoin`` calls that all get the same answer: a fifth of
    feedparser's time on the feed farm. Both functions depend only on their string arguments
    (and feedparser's constant list of safe schemes), so caching them changes no result.
    The names are looked up where feedparser's parser mixin calls them; a feedparser without
    them must fail here, loudly, rather than run unpatched without anyone noticing.
    """
    mixin: Any = feedparser.mixin
    caches = []
    for name in ("make_safe_absolute_uri", "_urljoin"):
        function = getattr(mixin, name)
        if not hasattr(function, "cache_clear"):
            function = functools.lru_cache(maxsize=1024)(function)
            setattr(mixin, name, function)
        caches.append(function)
    return lambda: [cache.cache_clear() for cache in caches]


def _consts(function: Any) -> frozenset[str]:
    """The identifier-like string constants of a function: the dict keys it treats specially."""
    found: set[str] = set()
    stack = list(function.__code__.co_consts)
    while stack:
        const = stack.pop()
        if isinstance(const, tuple):
            stack.extend(const)
        elif isinstance(const, str) and const.isidentifier():
            found.add(const)
    return frozenset(found)


# What feedparser 6.0's FeedParserDict methods look at, beside its ``keymap``: if a release
# changes them, ``_fast_dict_lookups`` must be reviewed, so importing this module fails.
_KNOWN_CONSTS = {
    "__getitem__": frozenset(
        [
            "category",
            "tags",
            "term",
            "enclosures",
            "links",
            "license",
            "rel",
            "href",
            "updated",
            "published",
            "updated_parsed",
            "published_parsed",
        ]
    ),
    "__contains__": frozenset({"updated", "updated_parsed"}),
    "get": frozenset(),
    "__setitem__": frozenset(),
}


def _fast_dict_lookups() -> type:
    """Give FeedParserDict a fast path for plain keys.

    feedparser reads and writes its own FeedParserDicts some 4,000 times per 50-item feed,
    and every access first runs through the aliases of its public API (``description`` for
    ``summary``, ``category`` from ``tags`` ...): about a tenth of a feed's parse time. A
    key that is neither an alias nor special is looked up in the dict at once, which is what
    the original methods end up doing for it; the others still take the original path, so
    no result changes (tests/test_feeds_parse.py compares both on every key kind).
    """
    cls: Any = feedparser.util.FeedParserDict
    if getattr(cls, "_forecasts_fast", False):
        return cls  # type: ignore[no-any-return]
    for name, known in _KNOWN_CONSTS.items():
        if _consts(getattr(cls, name)) != known or not isinstance(cls.keymap, dict):
            raise RuntimeError(
                f"feedparser {feedparser.__version__} changed FeedParserDict.{name}: review "
                "_fast_dict_lookups in forecasts/feeds/parse.py before using this version"
            )
    special = frozenset(cls.keymap) | _KNOWN_CONSTS["__getitem__"]
    getitem, contains, setitem = cls.__getitem__, cls.__contains__, cls.__setitem__
    plain_get, plain_contains, plain_set = dict.__getitem__, dict.__contains__, dict.__setitem__
    plain_dict_get = dict.get

    def fast_getitem(self: Any, key: Any) -> Any:
        if key in special:
            return getitem(self, key)
        return plain_get(self, key)

    def fast_contains(self: Any, key: Any) -> bool:
        if key in special:
            return contains(self, key)  # type: ignore[no-any-return]
        return plain_contains(self, key)

    def fast_get(self: Any, key: Any, default: Any = None) -> Any:
        if key in special:
            try:
                return getitem(self, key)
            except KeyError:
                return default
        return plain_dict_get(self, key, default)

    def fast_setitem(self: Any, key: Any, value: Any) -> None:
        if key in special:
            setitem(self, key, value)
        else:
            plain_set(self, key, value)

    cls.__getitem__, cls.__contains__, cls.has_key = fast_getitem, fast_contains, fast_contains
    cls.get, cls.__setitem__ = fast_get, fast_setitem
    cls._forecasts_fast = True
    cls._forecasts_original = {"__getitem__": getitem, "__contains__": contains}
    return cls  # type: ignore[no-any-return]


_fast_dict_lookups()
trim.install()


# Cleared after each document: the hits are within one document, and a hostile one full of
# long xml:base values must not stay in memory after it is parsed.
_clear_uri_joins = _memoise_uri_joins()
MAX_SUMMARY_CHARS = 20_000
MAX_FIELD_CHARS = 2_000


@dataclass(frozen=True)
class ParsedEntry:
    title: str
    link: str
    summary: str
    published: datetime | None
    guid: str
    author: str
    source: str = ""  # the publisher the entry names (<source>), for aggregated feeds


@dataclass
class ParsedFeed:
    title: str = ""
    link: str = ""
    entries: list[ParsedEntry] = field(default_factory=list)
    ttl_minutes: int | None = None
    skip_hours: frozenset[int] = frozenset()
    warning: str = ""  # feedparser's bozo message when the feed was used anyway


class _TextExtractor(HTMLParser):
    """Collect the text of an HTML fragment; script and style contents are dropped."""

    _SKIP = frozenset({"script", "style", "noscript", "template"})
    _BREAK = frozenset({"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
            self.parts.append(" ")
        elif tag in self._BREAK:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BREAK:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_SPACE = re.compile(r"\s+")


def html_to_text(value: str, limit: int = MAX_SUMMARY_CHARS) -> str:
    """Plain text from an HTML fragment: tags dropped, entities decoded, whitespace collapsed."""
    if not value:
        return ""
    if "<" in value or "&" in value:
        extractor = _TextExtractor()
        extractor.feed(value)
        extractor.close()
        value = "".join(extractor.parts)
    value = _CONTROL.sub("", value)
    return _SPACE.sub(" ", value).strip()[:limit]


def _plain(value: Any, limit: int = MAX_FIELD_CHARS) -> str:
    return _SPACE.sub(" ", _CONTROL.sub("", str(value or ""))).strip()[:limit]


def _date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                # feedparser normalises to a UTC struct_time; timegm reads it as UTC.
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _summary(entry: Any) -> str:
    summary = entry.get("summary") or ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value) > len(summary):
            summary = value
    return html_to_text(summary)


_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_TTL = re.compile(rb"<ttl>\s*(\d{1,6})\s*</ttl>", re.I)
_SKIP_HOURS = re.compile(rb"<skipHours>(.*?)</skipHours>", re.I | re.S)
_HOUR = re.compile(rb"<hour>\s*(\d{1,2})\s*</hour>", re.I)
_FIRST_ITEM = re.compile(rb"<(?:item|entry)[\s>]", re.I)


def _channel_hints(data: bytes) -> tuple[int | None, frozenset[int]]:
    """RSS <ttl> and <skipHours>, read from the channel header (feedparser keeps neither)."""
    first = _FIRST_ITEM.search(data)
    head = data[: first.start()] if first else data[:65_536]
    ttl_match = _TTL.search(head)
    ttl = int(ttl_match.group(1)) if ttl_match else None
    hours: set[int] = set()
    skip = _SKIP_HOURS.search(head)
    if skip:
        hours = {int(h) % 24 for h in _HOUR.findall(skip.group(1))}
    return ttl, frozenset(hours)


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:4096]))


def _source(entry: Any) -> str:
    """The publisher an entry names: RSS ``<source>Name</source>``, Atom ``<source><title>``."""
    source = entry.get("source")
    if not isinstance(source, dict):
        return ""
    return html_to_text(source.get("title") or "", 300)


def parse_feed(data: bytes, *, base_url: str, content_type: str = "") -> ParsedFeed:
    """Parse feed bytes; raise FeedParseError when they hold no usable feed."""
    if not data.strip():
        raise FeedParseError("empty body: the server sent no feed")
    if looks_like_html(data):
        raise FeedParseError("got an HTML page, not a feed (moved page or login wall?)")
    check_prolog(data)
    # Without a content type feedparser flags every document as bozo; local files are XML.
    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    # feedparser's HTML sanitiser and relative-URI rewriting work on markup we then throw away
    # (html_to_text keeps only text, dropping scripts and styles): skipping them saves a third
    # of the parse time. Entry links are still resolved against the base URL.
    try:
        result = feedparser.parse(
            io.BytesIO(data),
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    finally:
        _clear_uri_joins()
    entries = result.get("entries") or []
    if not entries:
        if not result.get("version"):
            problem = result.get("bozo_exception")
            detail = f": {_plain(problem, 200)}" if problem else ""
            raise FeedParseError(f"not an RSS/Atom feed{detail}")
        if result.get("bozo"):
            raise FeedParseError(
                f"malformed feed, no entries could be read: {_plain(result.get('bozo_exception'), 200)}"
            )
    parsed_entries = [
        ParsedEntry(
            title=html_to_text(entry.get("title") or "", MAX_TITLE_CHARS),
            link=_plain(entry.get("link"), MAX_FIELD_CHARS),
            summary=_summary(entry),
            published=_date(entry),
            guid=_plain(entry.get("id"), MAX_FIELD_CHARS),
            author=html_to_text(entry.get("author") or "", 500),
            source=_source(entry),
        )
        for entry in entries
    ]
    # A truncated document can leave a shell of an entry with nothing in it.
    parsed_entries = [e for e in parsed_entries if e.title or e.link or e.summary or e.guid]
    if not parsed_entries and entries:
        raise FeedParseError(
            f"malformed feed, no entries could be read: {_plain(result.get('bozo_exception'), 200)}"
        )
    meta = result.get("feed") or {}
    ttl, skip_hours = _channel_hints(data)
    warning = _plain(result.get("bozo_exception"), 300) if result.get("bozo") else ""
    return ParsedFeed(
        title=html_to_text(meta.get("title") or "", MAX_TITLE_CHARS),
        link=_plain(meta.get("link")),
        entries=parsed_entries,
        ttl_minutes=ttl,
        skip_hours=skip_hours,
        warning=warning,
    )
