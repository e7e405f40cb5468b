"""Canonical links and dedup keys: how one story is recognised across polls and feeds.

An entry's key is its guid, else its canonical link, else a hash of its title and summary. The
choice degrades per feed document: guids that are missing or repeated within one document (some
feeds give every entry the same guid) fall back to the link, and repeated links to the hash.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from forecasts.feeds.parse import ParsedEntry, parse_feed

# Query parameters that only say where a click came from; dropping them never changes the page.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi"
    r"|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|at_medium|at_campaign|cmpid|ocid|ito|smid"
    r"|rss|feature|__twitter_impression)$",
    re.IGNORECASE,
)
MAX_KEY = 200


def canonical_link(url: str) -> str:
    """The link without tracking parameters, fragment, default port or case noise in the host;
    "" for anything but an http(s) link."""
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return ""  # javascript:, data:, file: ... are never stored, so never shown or followed
    host = (parts.hostname or "").lower()
    if port and not (scheme == "http" and port == 80) and not (scheme == "https" and port == 443):
        host = f"{host}:{port}"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def content_hash(title: str, summary: str) -> str:
    """sha256 of the normalised title and summary: the last resort for recognising an entry."""
    text = " ".join(f"{title}\n{summary}".lower().split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _key(kind: str, value: str) -> str:
    key = f"{kind}:{value}"
    if len(key) > MAX_KEY:
        key = f"{kind}#sha256:{hashlib.sha256(value.encode('utf-8')).hexdigest()}"
    return key


@dataclass(frozen=True)
class KeyedEntry:
    entry: ParsedEntry
    link: str  # canonical
    content_hash: str
    dedup_key: str


def key_entries(entries: list[ParsedEntry]) -> list[KeyedEntry]:
    """Attach a canonical link, content hash and dedup key to each entry; drop in-document repeats."""
    guids = Counter(e.guid for e in entries if e.guid)
    links = [canonical_link(e.link) for e in entries]
    link_counts = Counter(link for link in links if link)
    keyed: list[KeyedEntry] = []
    seen: set[str] = set()
    for entry, link in zip(entries, links, strict=True):
        digest = content_hash(entry.title, entry.summary)
        if entry.guid and guids[entry.guid] == 1:
            key = _key("guid", entry.guid)
        elif link and link_counts[link] == 1:
            key = _key("link", link)
        else:
            key = _key("hash", digest)
        if key in seen:
            continue
        seen.add(key)
        keyed.append(KeyedEntry(entry, link, digest, key))
    return keyed


@dataclass
class ParsedDocuments:
    """One feed's documents, parsed and keyed: what a parser process hands back."""

    entries: list[KeyedEntry]
    ttl_minutes: int | None
    skip_hours: frozenset[int]
    warning: str


def parse_documents(documents: Sequence[tuple[bytes, str, str]]) -> ParsedDocuments:
    """Parse and key one feed's (body, base URL, content type) documents.

    Runs in the parser processes, so this module imports nothing heavy (no database, no
    HTTP client): each worker then costs feedparser's memory and little else.
    """
    entries: list[ParsedEntry] = []
    ttl: int | None = None
    skip: frozenset[int] = frozenset()
    warnings = []
    for data, base_url, content_type in documents:
        parsed = parse_feed(data, base_url=base_url, content_type=content_type)
        entries.extend(parsed.entries)
        ttl = ttl or parsed.ttl_minutes
        skip = skip or parsed.skip_hours
        if parsed.warning:
            warnings.append(parsed.warning)
    return ParsedDocuments(key_entries(entries), ttl, skip, "; ".join(warnings)[:300])
