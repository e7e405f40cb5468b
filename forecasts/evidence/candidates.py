"""Candidate retrieval: which claims an item may be evidence for, and the reverse.

Never all items against all claims. A claim is indexed under a few words (``PreparedClaim.keys``:
surnames, organisation names and acronyms, country names and demonyms, title words) and its
event family; an item looks up the claims indexed under its own words whose family it mentions
and whose window contains its date. For a new claim, the stored items are searched with the same
words within its window.
"""

from __future__ import annotations

from functools import lru_cache

from forecasts.evidence.events import (
    _BECOME,
    _STANDING_FAMILIES,
    _TRIGGERS,
    COUNTER_VERB_WORDS,
)
from forecasts.evidence.judge import ItemFacts
from forecasts.evidence.lexicon import BEATEN_BY, FAMILIES, FAMILY_HINTS, LOST
from forecasts.evidence.text import tokenize

_CONTESTS = ("win", "election", "compete")


@lru_cache(maxsize=1)
def _word_families() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for family, triggers in _TRIGGERS.items():
        for trig in triggers:
            table.setdefault(trig.words[0], set()).add(family)
    # A cancellation may name no event word ("Xi to skip APEC"): it may concern any family.
    for word in COUNTER_VERB_WORDS:
        table.setdefault(word, set()).update(_TRIGGERS)
    # A contest lost or conceded ("Massa concede a Milei", "Spain beat England") is news of
    # the contest, whatever word names it.
    for phrase_ in (*LOST, *BEATEN_BY):
        table.setdefault(phrase_.split()[0], set()).update(_CONTESTS)
    # "Scholz in Beijing", "Modi at White House": headline shorthand for a visit names no
    # event word (the judge reads it; see place_check._headline_in); nor do acts done in a meeting's
    # place ("G20 leaders adopt declaration in New Delhi", place_check._done_there).
    for word in ("in", "at"):
        table.setdefault(word, set()).update(("visit", "attend", "meet"))
    # "Finland becomes NATO's 31st member", "Sunak becomes prime minister" (events._became).
    for word in _BECOME:
        table.setdefault(word, set()).update(_STANDING_FAMILIES)
    for family, hints in FAMILY_HINTS.items():
        for word in hints:
            table.setdefault(word, set()).add(family)
    # Talks in Beijing may prove a visit there: a word of a family also reaches the families
    # it implies.
    for fams in table.values():
        fams.update(name for name, fam in FAMILIES.items() if set(fam.implied_by) & fams)
    return {word: frozenset(fams) for word, fams in table.items()}


def item_words(item: ItemFacts) -> tuple[set[str], set[str]]:
    """The item's words (index keys to look up) and the event families they mention."""
    words = set(tokenize(f"{item.title} {item.summary}").words)
    # "Chandrayaan-3" is indexed under "chandrayaan" (see actors: names ending in a number).
    words |= {w.rsplit("-", 1)[0] for w in words if "-" in w and w[-1].isdigit()}
    table = _word_families()
    families: set[str] = set()
    for word in words:
        families |= table.get(word, frozenset())
    return words, families
