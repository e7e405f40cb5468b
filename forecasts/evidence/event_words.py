"""Words the judge reads a claim's event by, on both sides: names that are never an event's
(titles, countries, months, places), stems of what it is about, its kind's own words, and the
kinds of event whose subject is an institution or a contest."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas

from forecasts.evidence.actors import Actor
from forecasts.evidence.dates import MONTHS, WEEKDAYS
from forecasts.evidence.events import _TRIGGERS
from forecasts.evidence.lexicon import CITIES, COUNTRIES, NEARBY, ROLES
from forecasts.evidence.text import Tokens, acronyms_in, phrase, stem, tokenize

_STOP_PROPER = frozenset(
    {"the", "a", "an", "in", "on", "at", "of", "and", "to", "for", "with", "by", "this", "next"}
)


# Words that are never the name of an event: titles, countries, months, weekdays.
_NOT_OBJECTS = (
    {w for title in ROLES for w in phrase(title)}
    | {"pm", "ceo", "cfo", "mp", "mep", "md", "vp"}
    | {w for aliases in COUNTRIES.values() for a in aliases for w in phrase(a)}
    | MONTHS
    | set(WEEKDAYS)
    # Places are where an event is, not its name ("arraignment in Manhattan").
    | {w for place in (*CITIES, *NEARBY) for w in phrase(place)}
    | {w for near in NEARBY.values() for place in near for w in phrase(place)}
)


@lru_cache(maxsize=8192)
def _says_win(text: str) -> bool:
    return bool(_WIN_WORDS & set(tokenize(text).words))


_WIN_WORDS = frozenset(
    {"win", "wins", "won", "winning", "victory", "elected", "beat", "beats", "defeat", "defeats"}
)


# Events news reports of a national agency by its country's name ("India lands on the moon",
# "Japan launches H3 rocket", "India votes" for its election commission). Not rate moves:
# "Japan raises rates" may be tariffs, and a central bank goes by "Japan's central bank".
_BY_COUNTRY = frozenset({"launch", "land", "election"})


def _stems(toks: Tokens) -> frozenset[str]:
    return _stems_of(toks.words)


@lru_cache(maxsize=4096)
def _stems_of(words: tuple[str, ...]) -> frozenset[str]:
    """Cached: an item's stems are compared with each candidate claim's."""
    return frozenset(stem(w) for w in words if len(w) >= 4)


_TRIGGER_WORDS = {
    family: frozenset(w for t in triggers for w in t.words)
    for family, triggers in _TRIGGERS.items()
}


_COUNTRY_STEMS = frozenset(
    stem(w) for aliases in COUNTRIES.values() for a in aliases for w in phrase(a) if len(w) >= 4
)


def _what_of(topic: frozenset[str]) -> frozenset[str]:
    """The stems an item must share: a topic's countries only when it names nothing else
    ("tariffs on Chinese EVs" is not "tariffs on Chinese steel")."""
    rest = topic - _COUNTRY_STEMS
    return rest or topic


def names_of(actors: tuple[Actor, ...]) -> set[str]:
    return {w for a in actors for p in (*a.phrases, *a.surnames) for w in p}


def _is_country(actor: Actor) -> bool:
    return tuple(w for w in phrase(actor.name) if w != "the") in _COUNTRY_NAMES


_COUNTRY_NAMES = frozenset(phrase(a) for aliases in COUNTRIES.values() for a in aliases)


# Institutions' acts, whose subject is the actor ("Fed cuts rates"); in an election the
# winner, not the country, is the subject.
_SUBJECT_FAMILIES = frozenset(
    {"rate_change", "launch", "pass", "acquire", "earnings", "listing", "close", "withdraw",
     "rule", "declare", "end", "land"}
)  # fmt: skip


# Contests a person wins or loses: the winner named before the verb is the subject.
_CONTESTS = frozenset({"win", "election"})


@lru_cache(maxsize=8192)
def _proper(word: str) -> bool:
    """A word no English dictionary form explains ("Erdogan"): a name even at a headline's
    start, where every word is capitalised."""
    return not getAllLemmas(word) and word.isalpha()


def _objects_named(objects: tuple[str, ...], text: str, toks: Tokens) -> bool:
    present = set(toks.words) | acronyms_in(text)
    return any(o in present for o in objects)
