"""Does a new claim describe an event a question already stands for? A pure stage.

A question is one event; claims are what speakers said about it. ``match_question`` compares a
claim's facts with candidate questions' facts and returns the best question (or None: the
claim opens a new one), with a score and the name of the rule that decided:

- the same **actors**, by any alias ("Xi" is "Xi Jinping", "Yellen" is "Janet Yellen": the
  evidence area's actor matching). For a meeting every person must be the same on both sides;
  for other events (visits, attendance, elections, ...) the subject, the first person, is what
  must agree. Places among the actors ("Beijing", "Washington") are places, not actors. When
  the extractor found no person for one side, the people the other side names are looked
  for in its sentence ("Janet Yellen is preparing a trip to Beijing" with actors ["Beijing"]);
- the same **event family** (visit, meet, attend, election, ...); a visit and an attendance
  are one event when both name the same place or organisation ("Xi will travel to San
  Francisco for APEC" / "Xi is likely to attend the APEC meeting in San Francisco");
- a **compatible place**: either side unknown, the same place, or a city and its country;
- **overlapping windows**.

No match without a known family and at least one person or organisation on each side: a
vague claim opens its own question rather than swallowing others.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import _CacheInfo, lru_cache

from forecasts.evidence.actors import SURNAME, build_actor, match_actor
from forecasts.evidence.events import family_of
from forecasts.evidence.lexicon import CITIES, COUNTRIES, ORG_ALIASES, ORG_WORDS
from forecasts.evidence.text import phrase, tokenize

# Families whose event needs every named party (a meeting of A and B is not a meeting of A).
ALL_PARTIES = frozenset({"meet", "sign"})
# Families that are one event when they share a place or an organisation: a trip to a summit.
TRAVEL = frozenset({"visit", "attend"})

# Scores of the rules (1.0 is the strongest agreement).
SAME = 1.0
SUBJECT = 0.9
TRAVEL_SCORE = 0.8
FROM_TEXT = 0.85  # the actors of one side were found in its sentence, not its actor list

# Words that make a name an organisation or a gathering beyond the evidence area's ORG_WORDS
# ("Asia-Pacific Economic Cooperation", "World Economic Forum").
_MORE_ORG_WORDS = frozenset(
    {"cooperation", "forum", "summit", "alliance", "conference", "assembly", "games", "olympics"}
)

_COUNTRY_ALIASES: dict[tuple[str, ...], str] = {
    phrase(alias): country for country, aliases in COUNTRIES.items() for alias in aliases
}
_CITY_PHRASES: dict[tuple[str, ...], str] = {phrase(city): city for city in CITIES}
_PLACE_PHRASES: dict[tuple[str, ...], str] = {**_COUNTRY_ALIASES, **_CITY_PHRASES}


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What matching needs of a claim, or of a question (its opening claim, widened)."""

    actors: tuple[str, ...]
    event_type: str = ""
    event: str = ""
    location: str = ""
    earliest: date = date.min
    latest: date = date.max
    text: str = ""  # the claim (or the question's title): where missing actors are looked for


@dataclass(frozen=True, slots=True)
class Candidate:
    """An existing question, as matching sees it."""

    id: int
    facts: EventFacts


@dataclass(frozen=True, slots=True)
class Signature:
    """An event reduced to what identifies it."""

    persons: tuple[str, ...]
    orgs: tuple[str, ...]
    places: frozenset[str]
    family: str


@dataclass(frozen=True, slots=True)
class Match:
    question: Candidate | None
    score: float
    rule: str


def family(facts: EventFacts) -> str:
    """The event family: the claim's event type, else its event words, else its sentence."""
    return family_of(facts.event_type, facts.event) or family_of("", facts.text)


@lru_cache(maxsize=8192)
def place_of(name: str) -> str:
    """The canonical place a name starts with ("Beijing July 6" -> "beijing"), or ""."""
    words = tuple(w for w in tokenize(name).words if w != "the")
    for n in (3, 2, 1):
        if len(words) >= n and words[:n] in _PLACE_PHRASES:
            return _PLACE_PHRASES[words[:n]]
    return ""


@lru_cache(maxsize=8192)
def places_in(text: str) -> frozenset[str]:
    """Every canonical place a location string names ("San Francisco for APEC" -> SF)."""
    words = tokenize(text).words
    found: set[str] = set()
    for i in range(len(words)):
        for n in (3, 2, 1):
            if words[i : i + n] in _PLACE_PHRASES and i + n <= len(words):
                found.add(_PLACE_PHRASES[words[i : i + n]])
                break
    return frozenset(found)


@lru_cache(maxsize=8192)
def is_org(name: str) -> bool:
    toks = tokenize(name)
    words = [w for w in toks.words if w != "the"]
    if not words:
        return False
    if " ".join(words) in ORG_ALIASES or any(w in ORG_WORDS or w in _MORE_ORG_WORDS for w in words):
        return True
    # "APEC", "NATO": one word in capitals.
    return len(toks.original) == 1 and toks.original[0].isupper() and len(toks.original[0]) > 1


def signature(facts: EventFacts) -> Signature:
    persons: list[str] = []
    orgs: list[str] = []
    places = set(places_in(facts.location)) if facts.location else set()
    for actor in facts.actors:
        if not actor.strip():
            continue
        place = place_of(actor)
        if place:
            places.add(place)
        elif is_org(actor):
            orgs.append(actor)
        else:
            persons.append(actor)
    return Signature(tuple(persons), tuple(orgs), frozenset(places), family(facts))


@lru_cache(maxsize=16384)
def same_actor(a: str, b: str) -> bool:
    """Whether two names are one actor by any alias (either way round)."""
    if a.strip().lower() == b.strip().lower():
        return True
    for x, y in ((a, b), (b, a)):
        if match_actor(build_actor(x, tokenize(x)), tokenize(y)) >= SURNAME:
            return True
    return False


# named_in's memo holds whole sentences: bounded by the bytes it keeps (about: the characters
# of its keys and ENTRY_BYTES for the entry, its tuple and two strings), not by a count.
NAMED_IN_CACHE_BYTES = 2 << 20
ENTRY_BYTES = 250


def _size(name: str, text: str) -> int:
    return len(name) + len(text) + ENTRY_BYTES


class _TextMemo:
    """A least-recently-used memo of ``function(name, text)`` holding at most about
    ``max_bytes``. ``lru_cache(maxsize=16384)`` on sentences a few hundred characters long
    kept megabytes, and a daemon matching a new day's claims filled it for a long time, so its
    memory looked as if it grew without end. Thread-safe; ``cache_info``/``cache_clear`` as
    ``lru_cache`` has them (bench/trace_daemon.py reads them)."""

    def __init__(self, function: Callable[[str, str], bool], max_bytes: int) -> None:
        self.__wrapped__ = function
        self.__doc__ = function.__doc__
        self.__name__ = self.__qualname__ = function.__name__
        self.__module__ = function.__module__
        self._max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, str], bool] = OrderedDict()
        self._bytes = 0
        self._hits = self._misses = 0
        self._lock = threading.Lock()

    def __call__(self, name: str, text: str) -> bool:
        key = (name, text)
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
                self._hits += 1
                return value
            self._misses += 1
        value = self.__wrapped__(name, text)
        size = _size(name, text)
        if size > self._max_bytes:
            return value
        with self._lock:
            if key not in self._entries:
                self._entries[key] = value
                self._bytes += size
                while self._bytes > self._max_bytes:
                    (old_name, old_text), _ = self._entries.popitem(last=False)
                    self._bytes -= _size(old_name, old_text)
        return value

    def cache_info(self) -> _CacheInfo:
        with self._lock:
            return _CacheInfo(self._hits, self._misses, None, len(self._entries))

    def cache_bytes(self) -> int:
        """The estimated bytes held now (at most ``max_bytes``)."""
        return self._bytes

    def cache_clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = self._hits = self._misses = 0


def _named_in(name: str, text: str) -> bool:
    """Whether ``text`` names ``name`` (by name or surname)."""
    return bool(text) and match_actor(build_actor(name, tokenize(text)), tokenize(text)) >= SURNAME


named_in = _TextMemo(_named_in, NAMED_IN_CACHE_BYTES)


def _same_set(a: Sequence[str], b: Sequence[str]) -> bool:
    return all(any(same_actor(x, y) for y in b) for x in a) and all(
        any(same_actor(y, x) for x in a) for y in b
    )


def _overlap(a: Sequence[str], b: Sequence[str]) -> bool:
    return any(same_actor(x, y) for x in a for y in b)


def _same_place(a: str, b: str) -> bool:
    return a == b or CITIES.get(a) == b or CITIES.get(b) == a


def places_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Either side unknown, or some place of one is (or lies in) a place of the other."""
    return not a or not b or any(_same_place(x, y) for x in a for y in b)


def windows_overlap(a: EventFacts, b: EventFacts) -> bool:
    return a.earliest <= b.latest and b.earliest <= a.latest


def _persons(sig: Signature, other: Signature, text: str) -> tuple[tuple[str, ...], bool]:
    """A side's persons; if it has none, the other side's persons its sentence names."""
    if sig.persons or not other.persons:
        return sig.persons, False
    found = tuple(p for p in other.persons if named_in(p, text))
    return found, bool(found)


def compare(claim: EventFacts, question: EventFacts) -> tuple[float, str]:
    """How surely the claim is about the question's event: (score, rule); score 0: not."""
    if not windows_overlap(claim, question):
        return 0.0, "windows apart"
    a, b = signature(claim), signature(question)
    if not a.family or not b.family:
        return 0.0, "event family unknown"
    travel = a.family != b.family
    if travel and not (a.family in TRAVEL and b.family in TRAVEL):
        return 0.0, "other event"
    if not places_compatible(a.places, b.places):
        return 0.0, "other place"
    pa, from_a = _persons(a, b, claim.text)
    pb, from_b = _persons(b, a, question.text)
    score, parts = SAME, [a.family if not travel else f"{a.family}~{b.family}"]
    if pa or pb:
        if not pa or not pb:
            return 0.0, "other actors"
        if a.family in ALL_PARTIES and not travel:
            if not _same_set(pa, pb):
                return 0.0, "other actors"
            parts.append("same persons")
        else:
            if not same_actor(pa[0], pb[0]) and not ((from_a or from_b) and _overlap(pa, pb)):
                return 0.0, "other subject"
            if not _same_set(pa, pb):
                score = SUBJECT
            parts.append("same subject" if score == SUBJECT else "same persons")
        if from_a or from_b:
            score = min(score, FROM_TEXT)
            parts.append("actor from sentence")
    elif a.orgs and b.orgs and _overlap(a.orgs, b.orgs):
        parts.append("same organisation")
    elif a.places and b.places and (a.places & b.places):
        parts.append("same place")
    else:
        return 0.0, "no actor in common"
    if a.orgs and b.orgs and not _overlap(a.orgs, b.orgs) and a.family not in ALL_PARTIES:
        return 0.0, "other organisation"
    if travel:
        shared_place = bool(a.places and b.places)
        shared_org = bool(a.orgs and b.orgs and _overlap(a.orgs, b.orgs))
        if not (shared_place or shared_org):
            return 0.0, "other event"
        score = min(score, TRAVEL_SCORE)
    if a.places and b.places:
        parts.append("same place")
    parts.append("overlapping windows")
    return score, "+".join(parts)


def match_question(claim: EventFacts, candidates: Sequence[Candidate]) -> Match:
    """The question the claim belongs to, or ``Match(None, 0.0, rule)``: it opens a new one.

    The highest score wins; among equals, the oldest question (the lowest id).
    """
    best: Match = Match(None, 0.0, "new question")
    for candidate in sorted(candidates, key=lambda c: c.id):
        score, rule = compare(claim, candidate.facts)
        if score > best.score:
            best = Match(candidate, score, rule)
    return best
