"""The judge's plain data: what it needs of a claim and of an item, the claim as prepared once
for every item, and the judgement it returns (with the scores that settle a claim)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from forecasts.evidence.actors import Actor
from forecasts.evidence.events import Trigger

FULFILMENT, SIGNAL_KIND, COUNTER_KIND, NONE = "fulfilment", "signal", "counter", "none"

# Scores at or above these settle a claim; weaker fulfilment or counter-evidence goes to review.
DECISIVE_FULFILMENT = 0.75
DECISIVE_COUNTER = 0.75


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What the judge needs of a claim (plain data: no database rows)."""

    claim: str
    actors: tuple[str, ...]
    event: str = ""
    event_type: str = ""
    location: str = ""
    polarity: str = "positive"
    reference_date: date = date.min
    due_earliest: date = date.min
    due_latest: date = date.max
    sentence: str = ""
    statement: str = ""  # the claim restated on its own ("Milei wins the runoff"), if known


@dataclass(frozen=True, slots=True)
class ItemFacts:
    title: str
    summary: str = ""
    published: datetime | None = None
    link: str = ""


# Verdicts of "none" on items that still name the claim's actors and its kind of event (another
# place, another event of the kind, another subject, the event on another date): the feeds
# cover the event, which matters when a window closes with no report of it.
_COVERING = frozenset(
    {
        "other_place",
        "other_event",
        "other_subject",
        "implied_without_place",
        "reported_otherwise",
        "actor_only",
        "negated:plan_to_happen",
    }
)
_DATED_ELSEWHERE = frozenset({"before_window", "after_window"})


@dataclass(frozen=True, slots=True)
class Judgement:
    kind: str  # fulfilment, signal, counter, none
    score: float
    rule: str
    event_date: date | None = None

    @property
    def covers(self) -> bool:
        """The item names the claim's actors and its kind of event, whatever it says of it."""
        if self.kind != NONE:
            return True
        return self.rule in _COVERING or (
            self.rule in _DATED_ELSEWHERE and self.event_date is not None
        )

    @property
    def covers_event(self) -> bool:
        """Covers the event itself, not only its actors: what bears a negated claim out."""
        return self.covers and self.rule != "actor_only"

    @property
    def decisive(self) -> bool:
        if self.kind == FULFILMENT:
            return self.score >= DECISIVE_FULFILMENT
        if self.kind == COUNTER_KIND:
            return self.score >= DECISIVE_COUNTER
        return False


@dataclass(frozen=True, slots=True)
class PreparedClaim:
    facts: ClaimFacts
    actors: tuple[Actor, ...]
    family: str
    direction: str
    extra: tuple[Trigger, ...]
    places: tuple[tuple[str, ...], ...]  # the claim's place and its synonyms
    region: tuple[tuple[str, ...], ...]  # the country around it (a weaker match)
    objects: tuple[str, ...]  # other proper names of the event ("APEC")
    keys: tuple[str, ...] = field(default=())
    topic: frozenset[str] = frozenset()  # stems an item must share (rulings, bills, deals)
    subject: frozenset[str] = frozenset()  # stems of what the event is about (any family)
    names: frozenset[str] = frozenset()  # stems of the actors' distinctive names
    # A claim that its first actor wins a contest ("Milei wins the runoff"): the other actors are
    # rivals, and their win (or concession) is the outcome against (or for) it.
    winner: bool = False
    # The event's own names that only it bears ("Starship", "Leqembi"): news may name the
    # thing without its maker ("Starship lifts off").
    marks: tuple[str, ...] = ()
    # A claim that its (first) actor wins: the contest's proper names, else empty.
    contest: frozenset[str] = frozenset()
