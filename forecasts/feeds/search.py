"""Claim-specific news-search feeds: a query from a claim, a URL from a template.

Several news sites offer RSS search with date operators (Google News: ``after:``/``before:``).
For each open claim the collector polls each configured template within the claim's window, so
an old claim can be checked even when no subscribed feed covered the event.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote_plus

_STOPWORDS = frozenset(
    """a an the and or of to in on at for from by with without into over under about after
    before during between will would could may might should shall can be is are was were been
    being has have had do does did not no its it this that these those their his her they he she
    we you i our your than then there here as up down out off more most less least very also
    again next last this year month week day later soon trip""".split()  # noqa: SIM905 (a word list reads better as text)
)
_WORD = re.compile(r"[\w'-]+", re.UNICODE)
MAX_EVENT_WORDS = 4


def build_query(actors: list[str], event: str, location: str = "") -> str:
    """Actors as quoted phrases, then the event's content words (and the place), in order."""
    parts: list[str] = []
    taken: set[str] = set()
    for actor in actors[:2]:
        actor = " ".join(_WORD.findall(actor))
        if actor:
            parts.append(f'"{actor}"' if " " in actor else actor)
            taken.update(w.lower() for w in actor.split())
    words = []
    for word in _WORD.findall(f"{event} {location}"):
        low = word.lower().strip("'-")
        if len(low) > 2 and low not in _STOPWORDS and low not in taken:
            taken.add(low)
            words.append(word.strip("'-"))
    parts.extend(words[:MAX_EVENT_WORDS])
    return " ".join(parts)


def search_url(template: str, query: str, after: date, before: date) -> str:
    """Fill a template's {query} (URL-encoded), {after} and {before} (YYYY-MM-DD)."""
    return (
        template.replace("{query}", quote_plus(query))
        .replace("{after}", after.isoformat())
        .replace("{before}", before.isoformat())
    )
