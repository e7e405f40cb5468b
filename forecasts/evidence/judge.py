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

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from lemminflect import getAllLemmas

from forecasts.evidence.actors import (
    ROLE,
    Actor,
    build_actor,
    countries_in,
    match_actor,
    match_country,
    name_in,
    wide_match,
)
from forecasts.evidence.dates import (
    LATE_REPORT_DAYS,
    MONTHS,
    REPORT_LAG_DAYS,
    WEEKDAYS,
    beyond_window,
    dated,
    earlier_year,
    event_day,
    last_report_day,
)
from forecasts.evidence.events import (
    _TRIGGERS,
    COUNTER,
    COUNTER_VERB_WORDS,
    REPORT,
    SIGNAL,
    Finding,
    Trigger,
    family_of,
    find_counters,
    find_mentions,
    generic_triggers,
    rate_direction,
)
from forecasts.evidence.lexicon import (
    BEATEN_BY,
    CITIES,
    COUNTRIES,
    FAMILIES,
    FOREIGN_PUT_OFF,
    LOST,
    NEARBY,
    ROLES,
    SIGNAL_BEFORE,
    words,
)
from forecasts.evidence.places import cities_in, named_as_place, place_aliases
from forecasts.evidence.text import (
    Tokens,
    acronyms_in,
    fold,
    name_like,
    phrase,
    stem,
    title_case,
    tokenize,
)

FULFILMENT, SIGNAL_KIND, COUNTER_KIND, NONE = "fulfilment", "signal", "counter", "none"

# Scores at or above these settle a claim; weaker fulfilment or counter-evidence goes to review.
DECISIVE_FULFILMENT = 0.75
DECISIVE_COUNTER = 0.75

_STOP_PROPER = frozenset(
    {"the", "a", "an", "in", "on", "at", "of", "and", "to", "for", "with", "by", "this", "next"}
)


# Events that need every named party.
_ALL_PARTIES = frozenset({"meet", "sign", "join", "win", "resign", "announce"})
# Events one person does somewhere: the claim's first actor must be named; the others are
# usually hosts ("Modi's state visit, hosted by Biden"), whom a report may leave out.
_FIRST_PARTY = frozenset({"visit", "attend", "appear", "compete", "convict", "inaugurate"})


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


def prepare(claim: ClaimFacts) -> PreparedClaim:
    """Everything about a claim the judge reuses for each item. What is derived from its text
    does not depend on its dates, and is cached by text: the same wording recurs across claims
    (the same event reported by several articles) and across verification passes."""
    return PreparedClaim(
        claim,
        *_derive(
            claim.claim,
            claim.actors,
            claim.event,
            claim.event_type,
            claim.location,
            claim.sentence,
            claim.statement,
        ),
    )


_Derived = tuple[
    tuple[Actor, ...],
    str,
    str,
    tuple[Trigger, ...],
    tuple[tuple[str, ...], ...],
    tuple[tuple[str, ...], ...],
    tuple[str, ...],
    tuple[str, ...],
    frozenset[str],
    frozenset[str],
    frozenset[str],
    bool,
    tuple[str, ...],
    frozenset[str],
]


# Passes read claims' stored forms (prepared_form), so this cache serves claims being indexed
# and evaluations: 4,096 entries of about 3.7 KB bound a daemon's memory (65,536 were 240 MB).
@lru_cache(maxsize=4096)
def _derive(
    text: str,
    actor_names: tuple[str, ...],
    event: str,
    event_type: str,
    location: str,
    sentence: str,
    statement: str,
) -> _Derived:
    context = tokenize(f"{sentence} {text}")
    actors = tuple(build_actor(a, context) for a in actor_names if a.strip())
    event_text = event or text
    label = event_type.strip().lower()
    family = family_of(event_type, event_text)
    if label == "vote":
        # A vote on a bill passes it; a vote of the people is an election.
        bill = {"bill", "law", "package", "legislation", "measure", "budget", "act", "aid",
                "resolution", "motion", "amendment", "treaty", "reform", "ordinance"}  # fmt: skip
        family = "pass" if bill & set(tokenize(event_text).words) else "election"
    said = family_of("", event_text) if label else family
    institution = family in _SUBJECT_FAMILIES or label == "vote"
    if (
        said
        and said != family
        and not _names_family(event_text, family)
        # "BOJ March policy meeting" labelled a rate change stays one: the meeting is where
        # an institution acts, not the event.
        and not (institution and said in _PROCESS_FAMILIES)
    ):
        # The event's own words outrank its label: "end the public health emergency" labelled
        # a declaration is an ending.
        family = said
    elif family == "join" and said == "sign" and _DEAL_NOUNS & set(tokenize(event_text).words):
        # "grain deal signing" labelled a signing: a deal signed, not a player's transfer.
        family = said
    elif family == "impose" and said == "end":
        # "lift the seafood ban" names the measure, but the event is its ending.
        family = said
    # A name of the event's own kind ("IPO", "MPC") says what it is, not which one it is.
    kind_words = _TRIGGER_WORDS.get(family, frozenset()) | _GENERIC_WORDS
    objects = tuple(o for o in _objects(event_text, actors, location) if o not in kind_words)
    # The event's own words, less its names ("Fort McHenry Channel" is no verb "channel").
    extra = () if family else generic_triggers(_event_words(event_text, actors, objects))
    direction = rate_direction(text + " " + event) if family == "rate_change" else ""
    places, region = place_aliases(location)
    keys = tuple(dict.fromkeys(k for a in actors for k in a.keys))
    if family in _BY_COUNTRY:
        keys += tuple(
            k for a in actors for p in a.country for k in p[-1:] if len(k) > 2 and k not in keys
        )
    subject = _topic(event_text, actors, location, family)
    if extra:
        # The event's own verbs and nouns are what it is, not what it is about.
        subject -= {stem(w) for t in extra for w in t.words}
    topic = subject if family in _TOPICAL else frozenset()
    names = frozenset(stem(k) for k in keys if len(k) >= 4)
    claims_win = (
        family in _CONTESTS
        and bool(actors)
        and actors[0].person
        and bool(_WIN_WORDS & set(tokenize(f"{statement or text} {event}").words))
    )
    winner = claims_win and len(actors) > 1
    # The contest by its proper names ("Argentina", "Oscar"): what another winner's report
    # must name to be this contest's outcome.
    contest = (
        frozenset(
            stem(w)
            for w, o in zip(tokenize(event_text).words, tokenize(event_text).original, strict=True)
            if o[:1].isupper() and len(w) >= 4 and w not in names_of(actors)
        )
        if claims_win
        else frozenset()
    )
    marks = tuple(o for o in objects if len(o) >= 4 and _proper(o))
    if family in _SUBJECT_FAMILIES:
        # "Starship lifts off" names no actor: the event's own name finds the claim.
        keys += tuple(m for m in marks if m not in keys)
    if contest:
        # Items of the contest that name only another winner reach the judge too.
        keys += tuple(w for w in _country_keys(event_text) if w not in keys)
    return (
        actors,
        family,
        direction,
        extra,
        places,
        region,
        objects,
        keys,
        topic,
        subject,
        names,
        winner,
        marks,
        contest,
    )


_DEAL_NOUNS = frozenset({"deal", "agreement", "treaty", "accord", "pact", "memorandum", "truce"})


_OUSTED = frozenset(
    form
    for verb in ("oust", "replace", "succeed", "fire", "sack")
    for form in (verb, f"{verb}s", f"{verb}d", f"{verb}ed", f"{verb}ing", f"{verb[:-1]}ing")
)


def _ousted_named(pc: PreparedClaim, f: Finding) -> bool:
    toks = tokenize(f.clause)
    if f.pos < 0 or toks.words[f.pos] not in _OUSTED:
        return True
    after = Tokens(toks.words[f.pos + 1 : f.pos + 5], toks.original[f.pos + 1 : f.pos + 5])
    return bool(match_actor(pc.actors[0], after))


def _claims_first_wins(pc: PreparedClaim) -> bool:
    """A claim that its first actor wins a contest (a team as well as a person): the rivals
    need not be named in the report of the win ("Man City win Champions League")."""
    return pc.family == "win" and (pc.winner or _says_win(pc.facts.statement or pc.facts.claim))


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


# A report that names the country around the claim's city ("wraps up China visit" for a
# visit to Beijing): weaker than the city, not decisive alone for a report in other words.
REGION_SCORE = 0.9


# Events defined by where they happen: a report that names no place proves less.
_PLACE_BOUND = frozenset({"visit", "attend", "meet", "compete", "land", ""})

# Families whose nouns name how an institution acts ("policy meeting", "rate decision",
# "announcement"): words of the event that never outrank an institutional label.
_PROCESS_FAMILIES = frozenset({"meet", "attend", "election", "rule", "announce"})


# Postponements: decisive when the window is nearly over (a month or less left) or when they
# are put off past it.
_PUT_OFF = frozenset(
    {"postpone", "delay", "put off", "push back", "defer", "reschedule", "slip", "pushed to",
     *FOREIGN_PUT_OFF}
)  # fmt: skip
SHORT_WINDOW_DAYS = 31

# Families whose event is defined by its subject matter: a ruling on *what*, a bill on *what*.
_TOPICAL = frozenset(
    # "": an event of no known family, read by its own words, must share its subject too.
    {
        "rule",
        "pass",
        "sign",
        "announce",
        "earnings",
        "convict",
        "remove",
        "impose",
        "end",
        "deliver",
        "",
    }
)
# Families whose verbs are common words ("raises", "extends", "orders"): a report needs the
# family's noun in its clause ("raises tariffs", not "raises concerns").
_NEEDS_NOUN = frozenset({"impose"})
# Verbs that are the measure itself ("FAA grounds jets", "EU bans imports").
_SELF_NAMING = frozenset(
    {"ban", "bans", "banned", "ground", "grounds", "grounded", "sanctions", "sanctioned"}
)
_GENERIC_WORDS = words(
    "the a an of on in at to for by with its their his her this that these those from into "
    "new first final last next year month week day plan plans will would could may might "
    "expected likely said says about over under more than after before during between "
    "billion million percent deal agreement bill law vote court case decision ruling "
    # A reporting period names when results come, not what they are about.
    "quarter quarterly fourth third second annual fiscal full half results report q1 q2 q3 q4"
)


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


def _topic(
    event_text: str, actors: tuple[Actor, ...], location: str, family: str
) -> frozenset[str]:
    """Content words of the claim's event beyond who, where and the event verb itself."""
    names = {w for a in actors for p in (*a.phrases, *a.surnames) for w in p}
    names |= set(phrase(location))
    trig = _TRIGGER_WORDS.get(family, frozenset())
    out = {
        stem(w)
        for w in tokenize(event_text).words
        if len(w) >= 4
        and w not in names
        and w not in trig
        and w not in _GENERIC_WORDS
        and not w.isdigit()
    }
    return frozenset(out)


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


def _country_keys(text: str) -> tuple[str, ...]:
    """Index words for the countries a text names ("Argentina" -> "argentina", "argentine")."""
    return tuple(
        phrase(a)[-1] for c in sorted(countries_in(tokenize(text))) for a in COUNTRIES[c][:2]
    )


def _is_country(actor: Actor) -> bool:
    return tuple(w for w in phrase(actor.name) if w != "the") in _COUNTRY_NAMES


_COUNTRY_NAMES = frozenset(phrase(a) for aliases in COUNTRIES.values() for a in aliases)


def _names_family(event_text: str, family: str) -> bool:
    toks = tokenize(event_text)
    return any(toks.find(t.words) for t in _TRIGGERS.get(family, ()))


def _event_words(event_text: str, actors: tuple[Actor, ...], objects: tuple[str, ...] = ()) -> str:
    names = {w for a in actors for p in (*a.phrases, *a.surnames) for w in p} | set(objects)
    toks = tokenize(event_text)
    # Original spelling kept: a capitalised word is a name, never a verb ("Vienna").
    return " ".join(o for w, o in zip(toks.words, toks.original, strict=True) if w not in names)


_LOCATIVE = frozenset({"in", "at", "near", "outside", "on"})


# Words after which "on" says what a decision is about, not where: "vote on the Inflation
# Reduction Act", "ruling on the Voting Rights Act".
_ON_WHAT = frozenset(
    {"vote", "votes", "voting", "ruling", "decision", "talks", "deal", "agreement", "debate",
     "hearing", "referendum", "sanctions", "ban", "tariffs", "report", "verdict", "bill"}
)  # fmt: skip


def _about(toks: Tokens, i: int) -> bool:
    """Whether the "on" before position i (past a "the") is the "on" of a decision's matter."""
    j = i - 1
    if toks.words[j] == "the":
        j -= 1
    return j >= 1 and toks.words[j] == "on" and toks.words[j - 1] in _ON_WHAT


def _objects(event_text: str, actors: tuple[Actor, ...], location: str) -> tuple[str, ...]:
    """Proper names in the event phrase that are not its actors, place, dates or titles."""
    toks = tokenize(event_text)
    skip = {w for a in actors for p in (*a.phrases, *a.surnames) for w in p}
    skip |= set(phrase(location))
    out = []
    placed: set[int] = set()
    for i, (word, orig) in enumerate(zip(toks.words, toks.original, strict=True)):
        if i and word == "the" and toks.words[i - 1] in _LOCATIVE and not _about(toks, i):
            placed.add(i)  # "on the NYSE"
            continue
        if (i == 0 and not (orig.isupper() and len(orig) > 2)) or word in skip:
            continue  # a phrase's first word is capitalised anyway, unless an acronym ("SLIM")
        if word in _NOT_OBJECTS:
            continue
        if word in _STOP_PROPER or not orig[:1].isupper() or word.isdigit():
            continue
        if i and (toks.words[i - 1] in _LOCATIVE or i - 1 in placed) and not _about(toks, i):
            # "strike at Detroit automakers", "summit in Rio de Janeiro": a name after a
            # preposition of place is where the event is, not what it is.
            placed.add(i)
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
    if published > last_report_day(claim.due_latest):
        return Judgement(NONE, 0.0, "after_window")
    late = published > claim.due_latest + timedelta(days=REPORT_LAG_DAYS)
    if not pc.actors:
        return Judgement(NONE, 0.0, "no_actors")
    text = f"{item.title}. {item.summary}" if item.summary else item.title
    toks = tokenize(text)
    strengths = [match_actor(a, toks) for a in pc.actors]
    if pc.family in _BY_COUNTRY and 0.0 in strengths:
        strengths = [s or match_country(a, toks) for a, s in zip(pc.actors, strengths, strict=True)]
    if (
        max(strengths) == 0.0
        and pc.marks
        and pc.family in _SUBJECT_FAMILIES
        and any(toks.capitalised(p) for m in pc.marks for p in toks.find((m,)))
    ):
        # "Starship lifts off", "Leqembi wins approval": the thing stands for its maker.
        strengths = [ROLE] * len(strengths)
    if max(strengths) == 0.0:
        if pc.contest:
            rival = _rival_winner(pc, text, item.title, toks)
            if rival is not None:
                return rival
        return Judgement(NONE, 0.0, "no_actor")
    # Personal events (a meeting, a trip, a signing, a win) need every named party; for an
    # institution's act (a rate cut, a launch, an election) one named party is enough: the
    # others are often the officials who announced it.
    if (
        min(strengths) == 0.0
        and (pc.family in _ALL_PARTIES or not pc.family)
        and not (strengths[0] and _claims_first_wins(pc))
    ):
        return Judgement(NONE, 0.0, "other_actors")
    if strengths[0] == 0.0 and pc.family in _FIRST_PARTY:
        return Judgement(NONE, 0.0, "other_actors")
    # The host is not named: then the venue the claim names must be ("visit to the White House"
    # is not proved by an arrival in Washington).
    host_missing = pc.family in _FIRST_PARTY and min(strengths) == 0.0
    if host_missing and any(
        strength == 0.0 and not actor.person and not _is_country(actor)
        for actor, strength in zip(pc.actors[1:], strengths[1:], strict=True)
    ):
        # A gathering named as an actor ("Xi" and "APEC") is the event itself: a meeting
        # with Biden near San Francisco is not attending APEC unless the item says so.
        return Judgement(NONE, 0.0, "other_event")
    actor_score = max(strengths) if min(strengths) == 0.0 else min(strengths)
    if min(strengths) == 0.0:
        actor_score *= 0.95

    family = pc.family
    findings = list(find_mentions(text, item.title, family, direction=pc.direction, extra=pc.extra))
    if family in {"visit", "attend"} and not any(f.kind == REPORT for f in findings):
        findings += _headline_in(pc, item.title)
    elif (
        family == "meet"
        and pc.places
        and not any(f.kind == REPORT for f in findings)
        and any(place[0] in toks.vocabulary for place in pc.places)
    ):
        # "Biden, Albanese and Sunak unveil submarine deal in San Diego": every party, a joint
        # act in the headline, and the meeting's own place.
        title = tokenize(item.title)
        if all(match_actor(a, title) for a in pc.actors):
            names = [*pc.actors[0].phrases, *pc.actors[0].surnames]
            at = _done_there(pc, title, names)
            if at >= 0:
                findings.append(Finding(REPORT, 0.85, "report:done there", item.title, True, at))
    implied = False
    if not any(f.kind == REPORT for f in findings) and family in FAMILIES:
        for other in FAMILIES[family].implied_by:
            more = [f for f in find_mentions(text, item.title, other) if f.kind == REPORT]
            if more:
                findings += more
                implied = True
                break
    mentioned = bool(findings)
    kept = [
        f
        for f in findings
        if f.kind != REPORT
        # "The Fed cut rates in 2020": an old event recalled, not the claimed one.
        or (_right_subject_and_place(pc, f) and not earlier_year(f.clause, claim.reference_date))
    ]
    if family in _CONTESTS and len(kept) < len(findings):
        # "Emma Stone wins best actress" against a claim that Gladstone wins: a rival outcome.
        kept += [
            Finding(COUNTER, 0.85, "counter:rival outcome", f.clause, f.in_title, f.pos)
            for f in findings
            if f not in kept and _rival_subject(pc, f)
        ][:1]
    findings = kept
    if family in _NEEDS_NOUN:
        nouns = {w for n in FAMILIES[family].nouns for w in phrase(n)}
        findings = [
            f
            for f in findings
            if f.kind != REPORT
            or nouns & set(tokenize(f.clause).words)
            or f.why.split()[-1] in _SELF_NAMING
        ]
    if family in _CONTESTS and not (pc.subject & _NOMINATION_STEMS):
        # "earns Oscar nomination", "wins Republican nomination": a step to the contest, not
        # its win (unless the claim is about the nomination itself).
        findings = [
            Finding(SIGNAL, 0.4, f.why.replace("report:", "signal:nomination "), f.clause,
                    f.in_title, f.pos)
            if f.kind == REPORT and _NOMINATION & set(tokenize(f.clause).words) else f
            for f in findings
        ]  # fmt: skip
    if family == "resign":
        # "Disney ousts Chapek", "Iger returns, replacing Chapek": done to the office-holder,
        # who must be named just after the verb ("Chapek replaces CFO" is his act).
        findings = [f for f in findings if f.kind != REPORT or _ousted_named(pc, f)]
    if family == "win" and min(strengths) == 0.0:
        # A claimed win reported without its rival: not a win at a stage short of it
        # ("England win semi-final").
        claimed = set(tokenize(f"{claim.claim} {claim.event}").words)
        findings = [
            f
            for f in findings
            if f.kind != REPORT or not ((_STAGES - claimed) & set(tokenize(f.clause).words))
        ]
    if family in {"meet", "attend"} and not pc.actors[0].person:
        # "ASEAN foreign ministers meet in Jakarta" is not the ASEAN leaders' summit: a body's
        # ministers or officials meeting is another gathering, unless the claim is theirs.
        own = set(tokenize(f"{claim.claim} {claim.event}").words)
        findings = [
            f
            for f in findings
            if f.kind != REPORT or not ((_SUBGROUPS - own) & set(tokenize(f.clause).words))
        ]
    if len(pc.actors) > 1 and family in _ALL_PARTIES and not _claims_first_wins(pc):
        # "Biden spoke with Li at the G20 summit, which Xi skipped" reports no Biden-Xi meeting:
        # the sentence that reports the event must name every party.
        findings = [f for f in findings if f.kind != REPORT or _all_named(pc, f)]
    if family in _GATHERINGS_OF_ONE and pc.actors[0].person:
        stand_in = _stood_in_for(pc, toks, text, bool(findings))
        if stand_in is not None:
            findings.append(stand_in)
    lost = _lost(pc, toks) if family in _CONTESTS else None
    if lost is not None:
        findings.append(lost)
    near = pc.subject | pc.names
    if not findings and near & _stems(toks):
        # No word of the event, but the item calls off something the claim is about, or says
        # its actor did ("Adobe terminates deal", "Luna-25 spacecraft crashes").
        findings = [
            Finding(COUNTER, f.score * 0.85, f.why + "+subject", f.clause, f.in_title)
            for f in find_counters(text, item.title, near)
        ]
    if not findings:
        # A report of the event about another subject, place or year still shows the feeds
        # cover this kind of event for these actors.
        if mentioned:
            return Judgement(NONE, 0.0, "reported_otherwise")
        # A person or an organisation named in the window (not a country, named in everything):
        # the feeds follow them, so they would have reported the event.
        named = [a for a, strength in zip(pc.actors, strengths, strict=True) if strength]
        followed = all(a.keys and not _is_country(a) for a in named)
        return Judgement(NONE, 0.0, "actor_only" if followed else "no_event")

    place_score, place_rule = _place(pc, toks)
    if (
        place_score == 0.0
        and all(f.kind == COUNTER for f in findings)
        and any(name_in(toks, p) for p in pc.region)
    ):
        # "Macron postpones Germany state visit amid riots in France": the other place is
        # where something else happens; the event is named by its own country.
        place_score, place_rule = 1.0, "+region"
    if place_score == 0.0:
        return Judgement(NONE, 0.0, place_rule)
    if implied and (place_score < 1.0 or not pc.places):
        # Talks prove a visit (or attendance) only where the claim names a place and the item
        # names the same one.
        findings = [f for f in findings if f.kind != REPORT]
        if not findings:
            return Judgement(NONE, 0.0, "implied_without_place")
    # "Xi attends BRICS summit" is not the APEC meeting; arriving in the claim's very place
    # ("Xi arrives in San Francisco") is enough, though.
    if (
        pc.objects
        and family != "rate_change"  # "FOMC", "MPC": the meeting's name, not another event
        and not _objects_named(pc.objects, text, toks)
        and (place_score < 1.0 or not pc.places or host_missing)
        # A landing by the claim's actor that names no other craft is this one: landings are
        # rare, unlike launches ("SpaceX launches Starlink" is no Starship launch).
        and not (family == "land" and not _other_names(pc, toks))
    ):
        return Judgement(NONE, 0.0, "other_event")
    kind, best = _decide(findings)
    if kind == REPORT and not _specific(pc, toks, strengths, place_score):
        # Named only by a name others share ("Japan approves ..." for the Japanese
        # government's extra budget): the event's own subject, names or place must be there.
        return Judgement(NONE, 0.0, "wide_actor")
    if kind == REPORT and min(strengths) == 0.0 and _other_party(pc, best):
        # "Microsoft completes acquisition of Nuance" for a claim about Microsoft and
        # Activision: the missing party's place is taken by another name.
        return Judgement(NONE, 0.0, "other_event")
    if kind == REPORT and pc.topic and not (_what_of(pc.topic) & _stems(toks)):
        return Judgement(NONE, 0.0, "other_subject")  # a ruling, but on another case
    if kind != REPORT:
        place_score = 1.0  # a cancellation or a plan need not repeat the place
    if best.why.split(":", 1)[-1].split("+")[0] in _PUT_OFF and (
        (claim.due_latest - published).days <= SHORT_WINDOW_DAYS
        or beyond_window(best.clause, claim.due_latest)
    ):
        # Put off with little of the window left: it cannot still happen in time.
        best = Finding(COUNTER, 0.85, best.why + "+short_window", best.clause, best.in_title)
    if best.why.startswith("counter:rate") and (claim.due_latest - published).days <= 45:
        # A hold at the window's last meeting (a month-long window: its only one) settles it.
        best = Finding(COUNTER, 0.85, best.why + "+last_meeting", best.clause, best.in_title)
    generic = 1.0
    if not family:
        # An event read by its own words: settled only by a headline that says it was done
        # ("Tesla delivers first Cybertrucks"), with every party named and its subject shared;
        # a noun or a word in the body never settles it alone.
        done = (
            best.in_title
            and best.why.startswith(("report:past", "report:present"))
            # "Vienna concerts cancelled": a cancellation in the same clause is no report.
            and not (COUNTER_VERB_WORDS & set(tokenize(best.clause).words))
        )
        # A cancellation in the headline, not announced as a plan, settles it the same way.
        called_off = best.in_title and kind == COUNTER and best.why.startswith("counter:")
        sure = min(strengths) > 0 and (bool(pc.topic) or len(pc.actors) > 1)
        generic = _GENERIC_DONE if (done or called_off) and sure else 0.7
    if place_rule == "+no_place" and (family not in _PLACE_BOUND or generic == _GENERIC_DONE):
        # "ECB cuts rates" need not say Frankfurt: an institution acts where it sits.
        place_score = 1.0
    elif (
        place_rule == "+no_place"
        and kind == REPORT
        and family in {"attend", "visit"}
        and (pc.subject - pc.names) & _stems(toks) & _stems(tokenize(best.clause))
    ):
        # "Prince Harry attends coronation": the event named by its own noun in the reporting
        # clause places it as well as a city would.
        place_score = 0.9
    elif place_rule == "+no_place" and family == "meet" and len(pc.actors) > 1 and kind == REPORT:
        # Every party named in the sentence that reports them meeting (in person: "by video"
        # is counter-evidence): the place adds little
        # ("Biden and Xi shake hands"), though a report that names it is surer.
        place_score = 0.9
    score = round(best.score * actor_score * place_score * generic * (0.9 if implied else 1.0), 3)
    rule = f"{best.why}{'+implied' if implied else ''}{place_rule}"
    scheduled = (claim.due_latest - claim.due_earliest).days <= 1
    event_date = event_day(best.clause, published, text, claim.due_latest, scheduled)
    put_past = kind == COUNTER and beyond_window(text, claim.due_latest)
    if late and not put_past and (kind != REPORT or dated(best.clause, published, text) is None):
        # Late news must date the event itself, or put it off past the window ("now
        # rescheduled for April 2026"), which says it did not happen in time.
        return Judgement(NONE, 0.0, "after_window")
    if kind == REPORT:
        outside = ""
        if event_date < claim.due_earliest or event_date < claim.reference_date:
            outside = "before_window"
        elif event_date > claim.due_latest:
            outside = "after_window"
        if outside:
            rest = [f for f in findings if f.kind != REPORT]
            if not rest:
                return Judgement(NONE, 0.0, outside, event_date)
            # The event reported is not this one; what the item says of plans still counts.
            kind, best = _decide(rest)
            score = round(best.score * actor_score * generic, 3)
            rule = f"{best.why}+{outside}_report"
    judgement = Judgement(
        {REPORT: FULFILMENT, SIGNAL: SIGNAL_KIND, COUNTER: COUNTER_KIND}[kind],
        score,
        rule,
        event_date if kind == REPORT else None,
    )
    if claim.polarity == "negative":
        return _negate(judgement, published)
    return judgement


# An event of no family reported in a headline's verb, every party named, its subject shared
# (or two parties named when it has none beyond its verb): it may settle the claim (a noun or a body's word never does, at 0.7), wherever it happened.
_GENERIC_DONE = 0.9


# Institutions' acts, whose subject is the actor ("Fed cuts rates"); in an election the
# winner, not the country, is the subject.
_SUBJECT_FAMILIES = frozenset(
    {"rate_change", "launch", "pass", "acquire", "earnings", "listing", "close", "withdraw",
     "rule", "declare", "end", "land"}
)  # fmt: skip


_NOMINATION = frozenset(
    {"nomination", "nominations", "nominated", "nominee", "nominees", "shortlist", "shortlisted"}
)
_NOMINATION_STEMS = frozenset({"nomin", "short"})


# Contests a person wins or loses: the winner named before the verb is the subject.
_CONTESTS = frozenset({"win", "election"})


@lru_cache(maxsize=8192)
def _proper(word: str) -> bool:
    """A word no English dictionary form explains ("Erdogan"): a name even at a headline's
    start, where every word is capitalised."""
    return not getAllLemmas(word) and word.isalpha()


def _rival_subject(pc: PreparedClaim, f: Finding) -> bool:
    """The name just before the reporting word is a person other than the claim's actors."""
    if f.pos < 0 or not any(a.person for a in pc.actors):
        return False
    toks = tokenize(f.clause)
    lo = 0
    window = Tokens(toks.words[lo : f.pos], toks.original[lo : f.pos])
    if pc.winner:
        if match_actor(pc.actors[0], window):
            return False
        if any(match_actor(a, window) for a in pc.actors[1:]):
            return True  # the claimed rival won
    elif any(match_actor(a, window) for a in pc.actors):
        return False
    names = [
        i
        for i in range(lo, f.pos)
        if toks.capitalised(i)
        and toks.words[i] not in _NOT_OBJECTS
        and toks.words[i] not in _STOP_PROPER
        and not countries_in(Tokens((toks.words[i],), (toks.original[i],)))
    ]
    return bool(names)


def _right_subject_and_place(pc: PreparedClaim, f: Finding) -> bool:
    """'ECB cuts rates as Fed holds' is no Fed cut; 'Modi lands in New York ahead of
    Washington visit' is no arrival in Washington; 'Stone wins' is no win for Gladstone."""
    if f.pos < 0:
        return True
    toks = tokenize(f.clause)
    contest = pc.family in _CONTESTS and any(a.person for a in pc.actors)
    if pc.family in _SUBJECT_FAMILIES or contest:
        # In a contest the winner may stand anywhere before the verb ("Emma Stone gets her
        # biggest win of the season, bags the Oscar").
        lo = 0 if contest else max(0, f.pos - 6)
        names = [
            i
            for i in range(lo, f.pos)
            if toks.capitalised(i)
            and (i > 0 or toks.original[i].isupper() or (contest and _proper(toks.words[i])))
        ]
        if (
            names
            and contest
            and toks.words[f.pos] in {"elects", "elected"}
            and match_actor(
                pc.actors[0],
                Tokens(toks.words[f.pos + 1 : f.pos + 4], toks.original[f.pos + 1 : f.pos + 4]),
            )
        ):
            return True  # "parliament elects Ishiba": the elected follows the verb
        if names:
            window = Tokens(toks.words[lo : f.pos], toks.original[lo : f.pos])
            # The subject may be the actor or the thing the claim is about ("Wegovy launches");
            # in a claimed win, only the claimed winner ("Massa wins against Milei" is not
            # Milei's win).
            subjects = pc.actors[:1] if pc.winner else pc.actors
            # The body's country stands for it as the subject ("Bank of Japan scraps radical
            # policy, makes first rate hike": "Japan" is nearest the verb).
            by_country = any(match_country(a, window) for a in subjects)
            if (
                not by_country
                and not any(match_actor(a, window) for a in subjects)
                and not any(o in window for o in pc.objects)
            ):
                return False
    if pc.places and pc.family in {"visit", "attend"}:
        after = toks.words[f.pos + 1 : f.pos + 5]
        if after and after[0] in {"in", "at", "to"}:
            rest = Tokens(toks.words[f.pos + 2 : f.pos + 6], toks.original[f.pos + 2 : f.pos + 6])
            ours = any(name_in(rest, p) for p in (*pc.places, *pc.region))
            theirs = countries_in(rest) | {
                c for c in cities_in(rest) if rest.find(phrase(c))[0] == 0
            }
            if theirs and not ours:
                return False
    return True


# Stages short of a contest's outcome: a first-round or primary win is not the win.
_STAGES = frozenset(
    {"semi-final", "semi-finals", "quarter-final", "quarter-finals", "semi", "group", "last-16",
     "first", "round", "primary", "primaries", "semifinal", "semifinals", "quarterfinal",
     "qualifier", "qualifying", "heat", "leg", "stage", "nomination", "nominations", "exit",
     "poll", "polls", "projected", "projection", "leads", "leading", "ahead"}
)  # fmt: skip


def _rival_winner(pc: PreparedClaim, text: str, title: str, toks: Tokens) -> Judgement | None:
    """Another person's reported win of the claimed contest ("Massa wins Argentina election"
    against "Milei will win"), in an item that names none of the claim's actors."""
    if not (pc.contest & _stems(toks)):
        return None
    claimed = set(tokenize(f"{pc.facts.claim} {pc.facts.event}").words)
    for f in find_mentions(text, title, pc.family):
        if f.kind != REPORT or f.pos <= 0:
            continue
        clause = tokenize(f.clause)
        if (_STAGES - claimed) & set(clause.words):
            continue
        subject = [
            i
            for i in range(f.pos)
            if clause.capitalised(i)
            and _proper(clause.words[i])
            and not countries_in(Tokens((clause.words[i],), (clause.original[i],)))
        ]
        if subject and subject[-1] >= f.pos - 3:
            return Judgement(COUNTER_KIND, 0.8, "counter:rival winner", None)
    return None


_GATHERINGS_OF_ONE = frozenset({"visit", "attend", "meet"})
# Someone else goes for the claim's person: "Li Qiang to represent China at G20 instead of
# Xi", "Lavrov to lead the delegation in place of Putin", "as Modi stays home".
_INSTEAD = (("instead", "of"), ("in", "place", "of"), ("on", "behalf", "of"))
_STAYS = frozenset({"stays", "stayed", "stay", "staying", "remains", "remained"})
_STAND_IN_WORDS = frozenset({"instead", "place", "behalf"}) | _STAYS


def _stood_in_for(pc: PreparedClaim, toks: Tokens, text: str, mentioned: bool) -> Finding | None:
    """The claim's person replaced at the event by someone else (or staying home), in an item
    that names the event: its noun, its own names or its place."""
    if not (toks.vocabulary & _STAND_IN_WORDS):
        return None  # most items: no "instead", "place", "behalf", "stays"
    if not (
        mentioned
        or (toks.vocabulary & _TRIGGER_WORDS.get(pc.family, frozenset()))
        or _objects_named(pc.objects, text, toks)
        or any(name_in(toks, p) for p in (*pc.places, *pc.region))
    ):
        return None
    actor = pc.actors[0]
    for name in (*actor.phrases, *actor.surnames):
        for pos in toks.find(name):
            before = toks.words[max(0, pos - 3) : pos]
            end = pos + len(name)
            after = toks.words[end : end + 2]
            if any(tuple(before[-len(p) :]) == p for p in _INSTEAD) or (
                after[:1] and after[0] in _STAYS and after[1:] in (("home",), ("away",))
            ):
                return Finding(COUNTER, 0.85, "counter:stand-in", " ".join(toks.words), True)
    return None


def _all_named(pc: PreparedClaim, finding: Finding) -> bool:
    """Every party named in the reporting sentence, and for a meeting close to its verb:
    "Biden meets China's Wang Yi as sides work toward Xi summit" is no Biden-Xi meeting."""
    toks = _without_relations(tokenize(finding.clause))
    if not all(match_actor(a, toks) > 0 for a in pc.actors):
        return False
    if pc.family != "meet" or finding.pos < 0 or finding.why.startswith("report:at "):
        return True  # "X and Y offer hope at Woodside meeting": the clause's subjects met
    if set(toks.words[max(0, finding.pos - 3) : finding.pos]) & _BOTH_PARTIES:
        # "Biden and Xi reached agreements ... when they met": the pronoun is both parties.
        return True
    lo, hi = max(0, finding.pos - 8), finding.pos + 7
    near = Tokens(toks.words[lo:hi], toks.original[lo:hi])
    return all(match_actor(a, near) > 0 for a in pc.actors)


# People who act for someone named just before them: "Kim Jong Un's sister meets Putin aide"
# is no meeting of Kim and Putin.
_RELATIONS = frozenset(
    {"aide", "aides", "envoy", "envoys", "spokesman", "spokeswoman", "spokesperson", "sister",
     "brother", "wife", "husband", "son", "daughter", "adviser", "advisers", "advisor",
     "advisors", "deputy", "deputies", "emissary", "lawyer", "lawyers", "ally", "allies",
     "officials", "official", "delegation", "representative", "representatives", "camp",
     "negotiator", "negotiators", "counterpart"}
)  # fmt: skip


def _without_relations(toks: Tokens) -> Tokens:
    """The clause less every name that only qualifies who acted ("Putin aide")."""
    if not (toks.vocabulary & _RELATIONS):
        return toks
    drop: set[int] = set()
    titled = title_case(toks)
    for i, word in enumerate(toks.words):
        # (In a Title Case headline only names no dictionary knows: "Putin Aide".)
        if word in _RELATIONS and i and name_like(toks, i - 1, titled):
            j = i - 1
            while j >= 0 and name_like(toks, j, titled):
                drop.add(j)
                j -= 1
    if not drop:
        return toks
    kept = [i for i in range(len(toks.words)) if i not in drop]
    return Tokens(tuple(toks.words[i] for i in kept), tuple(toks.original[i] for i in kept))


_BOTH_PARTIES = frozenset({"they", "both", "two", "leaders", "pair"})


def _lost(pc: PreparedClaim, toks: Tokens) -> Finding | None:
    """A contest the claim's actor lost: "Spain beat England", "England lost to Spain". In a
    claimed win, the rival conceding or losing reports the win ("Massa concedes to Milei")."""
    for n, actor in enumerate(pc.actors):
        names = [*actor.phrases, *actor.surnames]
        for name in names:
            for pos in toks.find(name):
                before = toks.words[max(0, pos - 3) : pos]
                after = toks.words[pos + len(name) : pos + len(name) + 3]
                if any(" ".join(before).endswith(b) for b in BEATEN_BY) or any(
                    " ".join(after).startswith(word) for word in LOST
                ):
                    clause = " ".join(toks.words)
                    if pc.winner and n > 0:
                        if match_actor(pc.actors[0], toks) == 0.0:
                            continue
                        return Finding(REPORT, 0.85, "report:rival lost", clause, True)
                    return Finding(COUNTER, 0.9, "counter:lost", clause, True)
    return None


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
    title_signal = any(f.in_title for f in signals)
    # The headline announces a plan; a noun in the body ("after Wang's visit") is more likely
    # someone else's event than the report of this one.
    if (
        best_report
        and title_signal
        and not best_report.in_title
        and best_report.why.startswith(("report:after", "report:noun"))
    ):
        return SIGNAL, max((f for f in signals if f.in_title), key=lambda f: f.score)
    if best_report:
        return REPORT, best_report
    if best_counter:
        return COUNTER, best_counter
    return SIGNAL, max(signals, key=lambda f: f.score)


def _place(pc: PreparedClaim, toks: Tokens) -> tuple[float, str]:
    """1.0 the claim's place is named; 0.85 its country; 0.75 no place; 0 another place."""
    if not pc.places:
        return 1.0, ""
    if any(name_in(toks, p) for p in pc.places):
        return 1.0, "+place"
    named = countries_in(toks)
    named |= cities_in(toks)
    ours = {" ".join(p) for p in (*pc.places, *pc.region)}
    others = {n for n in named if n not in ours}
    if others and named_as_place(toks, others):
        return 0.0, "other_place"
    if any(name_in(toks, p) for p in pc.region):
        return REGION_SCORE, "+region"
    return 0.75, "+no_place"


# After a name in a headline, the words that put the person somewhere: "Modi in US",
# "Yellen in China for talks", "PM Modi at White House".
_AT_PLACE = frozenset({"in", "at"})


def _headline_in(pc: PreparedClaim, title: str) -> list[Finding]:
    """Headline shorthand for a visit under way: "<actor> in <place>" with a capitalised place
    (the claim's, or one the place check then weighs), no plan or future word before it."""
    toks = tokenize(title)
    actor = pc.actors[0]
    if match_actor(actor, toks) == 0.0:
        return []
    names = [*actor.phrases, *actor.surnames]
    for name in names:
        for pos in toks.find(name):
            end = pos + len(name)
            if toks.words[end : end + 1] in (("was",), ("is",)):
                end += 1  # "Biden was in Kyiv on Monday"
            if end + 1 >= len(toks.words) or toks.words[end] not in _AT_PLACE:
                continue
            if not toks.capitalised(end + 1):
                continue
            before = toks.words[:pos]
            if any(w in SIGNAL_BEFORE for w in before[-3:]):
                continue
            clause = title
            return [Finding(REPORT, 0.85, "report:headline in", clause, True, end)]
    # A title the claim gives its actor may open the headline too ("Pontiff celebrates Mass
    # in Ulaanbaatar", "US top diplomat signs pact in Manila").
    titles = [p for role in actor.roles if not role.generic for p in role.phrases]
    done_there = _done_there(pc, toks, [*names, *titles])
    if done_there >= 0:
        return [Finding(REPORT, 0.85, "report:done there", title, True, done_there)]
    fronted = _FRONTED_PLACE.match(fold(title))
    if fronted and not (set(toks.words) & (SIGNAL_BEFORE | _FUTURE_HINTS)):
        # "In Beijing, Scholz presses Xi on Ukraine": the dateline of a report from there.
        rest = tokenize(title[fronted.end() :])
        if match_actor(actor, rest):
            return [Finding(REPORT, 0.85, "report:headline in", title, True)]
    return []


# Verbs of an act done where it is signed: its object may be long ("sign mutual defence pact
# in Pyongyang"). Other verbs put the actor in the place only when "in" follows the verb or the
# names it governs ("tells Xi in Beijing"): "condemns crackdown in Hong Kong" is said from afar.
_SIGNING = frozenset(
    form for verb in ("sign", "ink", "seal") for form in (verb, f"{verb}s", f"{verb}ed")
)


def _done_there(pc: PreparedClaim, toks: Tokens, names: list[tuple[str, ...]]) -> int:
    """ "Lula signs 15 deals with Xi in Beijing", "Albanese tells Xi in Beijing ...", "Meloni
    pledges support for Ukraine at White House": the actor, subject of a verb done in the
    headline, and the claim's own place (not its country) after "in" or "at". The position of
    the verb, else -1."""
    if not pc.places or not any(place[0] in toks.vocabulary for place in pc.places):
        return -1  # the claim's own place is nowhere in the headline
    titled = title_case(toks)
    for name in names:
        for pos in toks.find(name):
            if pos > 2:
                continue  # the subject opens the headline
            at = pos + len(name)
            plural = False
            j = at
            while (
                j < len(toks.words)
                and j - pos < 8
                and (toks.words[j] == "and" or name_like(toks, j, titled))
            ):
                j += 1
            if "and" in toks.words[at:j]:
                at, plural = j, True  # "Putin and Kim sign", "Biden, Albanese and Sunak unveil"
            elif toks.words[at : at + 1] and toks.words[at] in _MEMBERS:
                at += 1  # "G20 leaders adopt"
                plural = True
            if at + 1 >= len(toks.words) or not _done_verb(toks.words[at], plural):
                continue
            if toks.words[at] in SIGNAL_BEFORE and toks.words[at + 1] == "to":
                continue  # "vows to raise rights in Beijing"
            if any(w in SIGNAL_BEFORE or w in _FUTURE_HINTS for w in toks.words[:at]):
                continue
            for p in range(at + 1, min(len(toks.words) - 1, at + 9)):
                word = toks.words[p]
                if word in SIGNAL_BEFORE or word in _FUTURE_HINTS or word in {"that", "who"}:
                    break
                if word not in _AT_PLACE:
                    continue
                rest = Tokens(toks.words[p + 1 : p + 5], toks.original[p + 1 : p + 5])
                if not any(rest.find(place)[:1] == [0] for place in pc.places):
                    continue
                between = range(at + 1, p)
                if (
                    toks.words[at] in _SIGNING
                    or (plural and toks.words[at] in _JOINT)
                    or word == "at"
                    or all(
                        name_like(toks, i, titled) or toks.words[i] in _ADDRESSED for i in between
                    )
                ):
                    return at
    return -1


# Acts several parties do together where they meet: "G20 leaders adopt declaration in New
# Delhi", "Biden, Albanese and Sunak unveil submarine deal in San Diego".
_JOINT = frozenset(
    form
    for verb in ("adopt", "unveil", "agree", "reach", "issue", "announce", "launch", "strike")
    for form in (verb, f"{verb}s", f"{verb}d", f"{verb}ed", "struck")
)


# Bodies addressed where they sit ("tells Congress in Washington"), dictionary words though.
_ADDRESSED = frozenset({"congress", "parliament", "senate", "assembly", "lawmakers"})


# A body's members below its leaders, who meet apart from them.
_SUBGROUPS = frozenset(
    {"ministers", "minister", "officials", "envoys", "deputies", "delegates", "negotiators",
     "sherpas", "diplomats", "lawmakers", "governors", "ambassadors"}
)  # fmt: skip


# Who acts for a body named just before them: "G20 leaders adopt declaration".
_MEMBERS = frozenset({"leaders", "ministers", "members", "delegates", "envoys", "negotiators"})


# Plan words that are also acts said somewhere ("pledges support at White House").
_SAID = frozenset({"pledges", "pledged", "vows", "vowed", "promises", "promised", "offers",
                   "offered", "agrees", "agreed"})  # fmt: skip


@lru_cache(maxsize=4096)
def _done_verb(word: str, plural: bool) -> bool:
    """A verb in the headline present or the past ("signs", "told"), or a plural subject's
    bare verb ("sign"); never a plan word or a form of "be"."""
    if word in {"is", "are", "was", "were", "has", "have", "had"}:
        return False
    if word in SIGNAL_BEFORE and word not in _SAID:
        return False
    lemmas = getAllLemmas(word).get("VERB", ())
    if not lemmas:
        return False
    return plural or any(lemma != word for lemma in lemmas)


_FRONTED_PLACE = re.compile(r"In (?:[A-Z][\w'.-]*\s?)+, ")
_FUTURE_HINTS = frozenset({"next", "tomorrow", "upcoming", "ahead"})


def _other_names(pc: PreparedClaim, toks: Tokens) -> bool:
    """Whether the item names something of its own: a capitalised word no dictionary knows
    that is none of the claim's actors, places or objects ("Starlink", "Peregrine")."""
    ours = names_of(pc.actors) | set(pc.objects) | {w for p in pc.places for w in p}
    return any(
        toks.capitalised(i) and w not in ours and _proper(w) and w not in _NOT_OBJECTS
        for i, w in enumerate(toks.words)
    )


def _specific(pc: PreparedClaim, toks: Tokens, strengths: list[float], place_score: float) -> bool:
    """An item that names the claim's actors only by wide names (see ``wide_match``) is
    about this event only if it shares what else the claim names: its subject, its own names
    or its place. Claims that name nothing else are judged as before."""
    named = [a for a, s in zip(pc.actors, strengths, strict=True) if s]
    if not named or not all(wide_match(a, toks) for a in named):
        return True
    if not (pc.subject or pc.objects or pc.places):
        return True
    return bool(
        (pc.subject & _stems(toks))
        or (pc.objects and _objects_named(pc.objects, " ".join(toks.original), toks))
        or (pc.places and place_score == 1.0)
    )


# Acts whose other party is their object (what is bought); in other events a name after the
# verb is as often a prize, a category, a place, a model ("unveils new iPad Pro") or a crew
# ("lifts off with Isaacman").
_OBJECT_PARTY = frozenset({"acquire"})


def _other_party(pc: PreparedClaim, f: Finding) -> bool:
    """A name just after the reporting word that is none of the claim's actors, places or
    objects: the act was done with someone else ("completes acquisition of Nuance")."""
    if f.pos < 0 or pc.family not in _OBJECT_PARTY:
        return False
    toks = tokenize(f.clause)
    ours = names_of(pc.actors) | set(pc.objects) | {w for p in (*pc.places, *pc.region) for w in p}
    for i in range(f.pos + 1, min(len(toks.words), f.pos + 5)):
        word = toks.words[i]
        if not toks.capitalised(i) or word in _STOP_PROPER or word in _NOT_OBJECTS:
            continue
        alone = Tokens((word,), (toks.original[i],))
        return not (word in ours or any(match_actor(a, alone) for a in pc.actors))
    return False


def _objects_named(objects: tuple[str, ...], text: str, toks: Tokens) -> bool:
    present = set(toks.words) | acronyms_in(text)
    return any(o in present for o in objects)


def _negate(j: Judgement, published: date) -> Judgement:
    """A negated claim: the event happening refutes it; the event called off bears it out."""
    if j.kind == FULFILMENT:
        return Judgement(COUNTER_KIND, min(1.0, j.score + 0.1), "negated:" + j.rule)
    if j.kind == COUNTER_KIND and "counter-plan:" in j.rule:
        # "Putin will skip the summit": announced, not yet borne out.
        return Judgement(SIGNAL_KIND, j.score, "negated:" + j.rule)
    if j.kind == COUNTER_KIND:
        return Judgement(FULFILMENT, j.score, "negated:" + j.rule, published)
    if j.kind == SIGNAL_KIND:
        return Judgement(NONE, 0.0, "negated:plan_to_happen")
    return j


__all__ = [
    "DECISIVE_COUNTER",
    "DECISIVE_FULFILMENT",
    "LATE_REPORT_DAYS",
    "REPORT_LAG_DAYS",
    "ClaimFacts",
    "ItemFacts",
    "Judgement",
    "fold",
    "judge",
    "judge_prepared",
    "last_report_day",
    "prepare",
]
