"""OPML in and out: how every feed reader moves its subscriptions.

OPML files come from other programs and from strangers, so a document with a DOCTYPE is refused
outright (OPML never needs one: no entities, no external DTDs) before ElementTree sees it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

from forecasts.errors import InputError

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class Subscription:
    name: str
    url: str
    tags: tuple[str, ...] = ()


def slug(text: str) -> str:
    """A short feed name from a title or URL: lowercase words joined by '-'."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:60] or "feed"


def name_for_url(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.strip("/").split("/")[0] if parts.path else ""
    return slug(f"{host} {path}" if host else url)


def remote_url(url: str) -> str:
    """``url`` if an imported subscription may use it: http(s) with a host, nothing local.

    An OPML file may come from anyone: a ``file:///...`` or ``../..`` outline would make the
    poller read local files, and a different message for a missing path would tell whoever
    wrote the file which paths exist. Local feeds come only from config.toml or an explicit
    ``feeds add PATH``; every local outline gets the same refusal, without looking at the path.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(
            "only http(s) feeds are imported from OPML (add local feeds with `feeds add PATH`)"
        )
    return url


def parse_opml(data: bytes) -> list[Subscription]:
    """The feed subscriptions (outlines with xmlUrl) in an OPML document; folders become tags."""
    if _DOCTYPE.search(data[:65_536]) or _DOCTYPE.search(data):
        raise InputError("refused: the OPML file has a DOCTYPE or entity declarations")
    try:
        # Safe here: no DOCTYPE means no entities to expand and nothing external to load.
        root = ET.fromstring(data)  # noqa: S314
    except ET.ParseError as exc:
        raise InputError(f"not a valid OPML file: {exc}") from None
    if root.tag.lower() != "opml":
        raise InputError(f"not an OPML file (root element <{root.tag}>)")
    body = root.find("body")
    if body is None:
        raise InputError("not an OPML file: no <body>")
    found: list[Subscription] = []

    def walk(node: ET.Element, folders: tuple[str, ...]) -> None:
        for outline in node.findall("outline"):
            url = (outline.get("xmlUrl") or "").strip()
            title = (outline.get("title") or outline.get("text") or "").strip()
            if url:
                found.append(
                    Subscription(slug(title) if title else name_for_url(url), url, folders)
                )
            else:
                walk(outline, (*folders, title) if title else folders)

    walk(body, ())
    return found


def to_opml(subscriptions: list[Subscription], title: str = "forecasts subscriptions") -> bytes:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for sub in subscriptions:
        attrs = {"type": "rss", "text": sub.name, "title": sub.name, "xmlUrl": sub.url}
        if sub.tags:
            attrs["category"] = ",".join(sub.tags)
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
