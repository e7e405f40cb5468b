"""Feeds: fetch (httpx, politely and defensively), parse (feedparser), decide when to poll next.

    ssrf.py      which addresses a remote feed may connect to
    fetch.py     one HTTP GET with every guard: caps, deadline, redirects, validators
    local.py     file:// feeds and folders of feed files (offline archives)
    xmlguard.py  refuse entity tricks before feedparser sees the bytes
    parse.py     bytes -> ParsedFeed (plain text, aware UTC dates)
    items.py     canonical links and dedup keys
    cadence.py   next poll time: interval, TTL/skipHours, back-off, Retry-After
    opml.py      subscriptions in and out
    search.py    claim-specific news-search URLs
    sync.py      the feed table made to match config.toml and the open claims (via ``store``)

Only sync.py touches the database, through ``forecasts.store``: ``jobs/poll.py`` loads, calls
the others and saves via ``store``.
"""

from __future__ import annotations
