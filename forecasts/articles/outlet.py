"""Who published an article: its outlet, as readers know it (pure).

An item's outlet is its publisher, never the name someone gave the feed it came through (an
archive or aggregator carries many outlets): the item's own source element (RSS ``<source>``,
Atom ``<source><title>``), else the page's site name (``og:site_name``, when the page was
fetched), else the domain of its link ("apnews.com", "www." dropped).
"""

from __future__ import annotations

from urllib.parse import urlsplit


def domain_of(link: str) -> str:
    """The host of ``link`` without "www." ("" for a link without one)."""
    try:
        host = urlsplit(link.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def outlet_of(source: str = "", site_name: str = "", link: str = "") -> str:
    """The first of: the item's source, the page's site name, the link's domain."""
    for name in (source, site_name):
        if name.strip():
            return " ".join(name.split())
    return domain_of(link)
