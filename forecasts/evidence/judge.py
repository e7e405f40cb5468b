"""The judge: does this news item show that this claim came true, was called off, or neither?

``judge(claim, item)`` is a pure function over plain data. An item is evidence of fulfilment
only when it names every actor of the claim, reports the claimed kind of event as having
happened (not planned), names the claim's place when it gives one (another place disqualifies),
and falls inside the claim's window, never before its reference date. Plans and announcements
are signals; cancellations, postponements, refusals and denials are counter-evidence. A negated
claim ("Xi will not attend") is judged the other way round: the event happening counts against
it, the event being called off counts for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from forecasts.evidence.actors import Actor, build_actor, countries_in, match_actor
from forecasts.evidence.events import (
    COUNTER,
    REPORT,
    SIGNAL,
    Finding,
    Trigger,
    family_of,
    find_mentions,
    generic_triggers,
    rate_direction,
)
from forecasts.evidence.lexicon import CITIES, COUNTRIES, FAMILIES, NEARBY, ROLES, words
from forecasts.evidence.text import Tokens, acronyms_in, fold, phrase, tokenize

FULFILMENT, SIGNAL_KIND, COUNTER_KIND, NONE = "fulfilment", "signal", "counter", "none"

# Scores at or above these settle a claim; weaker fulfilment or counter-evidence goes to review.
DECISIVE_FULFILMENT = 0.75
DECISIVE_COUNTER = 0.75
# News reports an event up to a few days after it happened.
REPORT_LAG_DAYS = 3

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_STOP_PROPER = frozenset(
    {"the", "a", "an", "in", "on", "at", "of", "and", "to", "for", "with", "by", "this", "next"}
)


# Words that are never the name of an event: titles, countries, months, weekdays.
_NOT_OBJECTS = (
    {w for title in ROLES for w in phrase(title)}
    | {w for aliases in COUNTRIES.values() for a in aliases for w in phrase(a)}
    | _MONTHS
    | set(_WEEKDAYS)
)


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


@dataclass(frozen=True, slots=True)
class ItemFacts:
    title: str
    summary: str = ""
    published: datetime | None = None
    link: str = ""


@dataclass(frozen=True, slots=True)
class Judgement:
    kind: str  # fulfilment, signal, counter, none
    score: float
    rule: str
    event_date: date | None = None

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


@lru_cache(maxsize=16384)
def prepare(claim: ClaimFacts) -> PreparedClaim:
    """Everything about a claim the judge reuses for each item (cached)."""
    context = tokenize(f"{claim.sentence} {claim.claim}")
    actors = tuple(build_actor(a, context) for a in claim.actors if a.strip())
    event_text = claim.event or claim.claim
    family = family_of(claim.event_type, event_text)
    extra = () if family else generic_triggers(_event_words(event_text, actors))
    direction = rate_direction(claim.claim + " " + claim.event) if family == "rate_change" else ""
    places, region = _place_aliases(claim.location)
    objects = _objects(event_text, actors, claim.location)
    keys = tuple(dict.fromkeys(k for a in actors for k in a.keys))
    return PreparedClaim(claim, actors, family, direction, extra, places, region, objects, keys)


def _event_words(event_text: str, actors: tuple[Actor, ...]) -> str:
    names = {w for a in actors for p in (*a.phrases, *a.surnames) for w in p}
    return " ".join(w for w in tokenize(event_text).words if w not in names)


@lru_cache(maxsize=4096)
def _place_aliases(
    location: str,
) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    if not location.strip():
        return (), ()
    key = " ".join(phrase(location))
    exact = {phrase(location)}
    region: set[tuple[str, ...]] = set()
    exact.update(phrase(n) for n in NEARBY.get(key, ()))
    if key in COUNTRIES:
        exact.update(phrase(a) for a in COUNTRIES[key])
    for country, aliases in COUNTRIES.items():
        if key in aliases:
            exact.update(phrase(a) for a in aliases if a not in {"us", "uk", "eu"})
            exact.add(phrase(country))
    # Cities in a named country prove presence there; the country of a named city half-proves it.
    for city, country in CITIES.items():
        if country == key or phrase(country) in exact:
            exact.add(phrase(city))
        if city == key and country in COUNTRIES:
            region.update(phrase(a) for a in COUNTRIES[country] if len(a) > 3)
    return tuple(exact), tuple(region - exact)


def _objects(event_text: str, actors: tuple[Actor, ...], location: str) -> tuple[str, ...]:
    """Proper names in the event phrase that are not its actors, place, dates or titles."""
    toks = tokenize(event_text)
    skip = {w for a in actors for p in (*a.phrases, *a.surnames) for w in p}
    skip |= set(phrase(location))
    out = []
    for i, (word, orig) in enumerate(zip(toks.words, toks.original, strict=True)):
        if i == 0 or word in skip or word in _NOT_OBJECTS:
            continue
        if word in _STOP_PROPER or not orig[:1].isupper() or word.isdigit():
            continue
        out.append(word)
    return tuple(out)


def judge(claim: ClaimFacts, item: ItemFacts) -> Judgement:
    """Judge one item against one claim; the rule names why."""
    return judge_prepared(prepare(claim), item)


def judge_prepared(pc: PreparedClaim, item: ItemFacts) -> Judgement:
    claim = pc.facts
    if item.published is None:
        return Judgement(NONE, 0.0, "undated")
    published = item.published.date()
    if published < claim.reference_date:
        return Judgement(NONE, 0.0, "before_reference")
    if published > claim.due_latest + timedelta(days=REPORT_LAG_DAYS):
        return Judgement(NONE, 0.0, "after_window")
    if not pc.actors:
        return Judgement(NONE, 0.0, "no_actors")
    text = f"{item.title}. {item.summary}" if item.summary else item.title
    toks = tokenize(text)
    strengths = [match_actor(a, toks) for a in pc.actors]
    if min(strengths) == 0.0:
        return Judgement(NONE, 0.0, "other_actors" if max(strengths) else "no_actor")
    actor_score = min(strengths)

    family = pc.family
    findings = list(find_mentions(text, item.title, family, direction=pc.direction, extra=pc.extra))
    implied = False
    if not any(f.kind == REPORT for f in findings) and family in FAMILIES:
        for other in FAMILIES[family].implied_by:
            more = [f for f in find_mentions(text, item.title, other) if f.kind == REPORT]
            if more:
                findings += more
                implied = True
                break
    if not findings:
        return Judgement(NONE, 0.0, "no_event")

    place_score, place_rule = _place(pc, toks)
    if place_score == 0.0:
        return Judgement(NONE, 0.0, place_rule)
    if implied and place_score < 1.0:
        # Talks prove a visit only where the claim's place is named.
        findings = [f for f in findings if f.kind != REPORT]
        if not findings:
            return Judgement(NONE, 0.0, "implied_without_place")
    if pc.objects and not _objects_named(pc.objects, text, toks) and place_score < 1.0:
        return Judgement(NONE, 0.0, "other_event")

    kind, best = _decide(findings)
    if kind != REPORT:
        place_score = 1.0  # a cancellation or a plan need not repeat the place
    generic = 0.85 if not family else 1.0
    score = round(best.score * actor_score * place_score * generic * (0.9 if implied else 1.0), 3)
    rule = f"{best.why}{'+implied' if implied else ''}{place_rule}"
    event_date = _event_date(best.clause, published)
    if kind == REPORT:
        if event_date < claim.due_earliest or event_date < claim.reference_date:
            return Judgement(NONE, 0.0, "before_window", event_date)
        if event_date > claim.due_latest:
            return Judgement(NONE, 0.0, "after_window", event_date)
    judgement = Judgement(
        {REPORT: FULFILMENT, SIGNAL: SIGNAL_KIND, COUNTER: COUNTER_KIND}[kind],
        score,
        rule,
        event_date if kind == REPORT else None,
    )
    if claim.polarity == "negative":
        return _negate(judgement, published)
    return judgement


def _decide(findings: list[Finding]) -> tuple[str, Finding]:
    reports = [f for f in findings if f.kind == REPORT]
    counters = [f for f in findings if f.kind == COUNTER]
    signals = [f for f in findings if f.kind == SIGNAL]
    best_report = max(reports, key=lambda f: (f.in_title, f.score), default=None)
    best_counter = max(counters, key=lambda f: (f.in_title, f.score), default=None)
    if best_report and best_counter:
        # The headline decides; otherwise the stronger finding, a report weakened by the doubt.
        if best_counter.in_title and not best_report.in_title:
            return COUNTER, best_counter
        weakened = Finding(
            REPORT,
            best_report.score - 0.15,
            best_report.why + "+conflict",
            best_report.clause,
            best_report.in_title,
        )
        return REPORT, weakened
    if best_report:
        return REPORT, best_report
    if best_counter:
        return COUNTER, best_counter
    return SIGNAL, max(signals, key=lambda f: f.score)


def _place(pc: PreparedClaim, toks: Tokens) -> tuple[float, str]:
    """1.0 the claim's place is named; 0.85 its country; 0.75 no place; 0 another place."""
    if not pc.places:
        return 1.0, ""
    if any(toks.find(p) for p in pc.places):
        return 1.0, "+place"
    if any(toks.find(p) for p in pc.region):
        return 0.85, "+region"
    named = countries_in(toks)
    named |= {
        city for city in CITIES if phrase(city) and toks.find(phrase(city)) and city[:1].isalpha()
    }
    ours = {" ".join(p) for p in (*pc.places, *pc.region)}
    # Countries named only as actors' demonyms ("Chinese leader") are not places.
    actor_words = {w for a in pc.actors for p in (*a.phrases, *a.surnames) for w in p}
    others = {n for n in named if n not in ours and n not in actor_words}
    if others and _named_as_place(toks, others):
        return 0.0, "other_place"
    return 0.75, "+no_place"


def _named_as_place(toks: Tokens, places: set[str]) -> bool:
    """A place counts as where the event is when it follows in/to/at ("lands in Jakarta")."""
    for place in places:
        candidates = [place, *COUNTRIES.get(place, ())]
        for name in candidates:
            words = phrase(name)
            for pos in toks.find(words):
                if pos and toks.words[pos - 1] in {"in", "to", "at", "near", "visits", "visit"}:
                    return True
    return False


def _objects_named(objects: tuple[str, ...], text: str, toks: Tokens) -> bool:
    present = set(toks.words) | acronyms_in(text)
    return any(o in present for o in objects)


def _event_date(clause: str, published: date) -> date:
    """The day the clause says the event happened: a weekday or 'yesterday', else the publication day."""
    words = tokenize(clause).words
    if "yesterday" in words:
        return published - timedelta(days=1)
    for i, day in enumerate(_WEEKDAYS):
        if day in words and "next" not in words:
            back = (published.weekday() - i) % 7
            return published - timedelta(days=back)
    return published


def _negate(j: Judgement, published: date) -> Judgement:
    """A negated claim: the event happening refutes it; the event called off bears it out."""
    if j.kind == FULFILMENT:
        return Judgement(COUNTER_KIND, min(1.0, j.score + 0.1), "negated:" + j.rule)
    if j.kind == COUNTER_KIND:
        return Judgement(FULFILMENT, j.score, "negated:" + j.rule, published)
    if j.kind == SIGNAL_KIND:
        return Judgement(NONE, 0.0, "negated:plan_to_happen")
    return j


__all__ = [
    "DECISIVE_COUNTER",
    "DECISIVE_FULFILMENT",
    "ClaimFacts",
    "ItemFacts",
    "Judgement",
    "fold",
    "judge",
    "judge_prepared",
    "prepare",
]
