"""What ``judge.prepare`` derives from a claim's text once, cached by text: its actors, its kind
of event (the event's own words against its label), its own names, its subject and topic, its
places, the index keys that bring items to it, and whether it claims a win."""

from __future__ import annotations

from functools import lru_cache

from forecasts.evidence.actors import Actor, build_actor, countries_in
from forecasts.evidence.event_words import (
    _BY_COUNTRY,
    _CONTESTS,
    _NOT_OBJECTS,
    _STOP_PROPER,
    _SUBJECT_FAMILIES,
    _TRIGGER_WORDS,
    _WIN_WORDS,
    _proper,
    names_of,
)
from forecasts.evidence.events import (
    _TRIGGERS,
    Trigger,
    family_of,
    generic_triggers,
    rate_direction,
)
from forecasts.evidence.lexicon import COUNTRIES, words
from forecasts.evidence.places import place_aliases
from forecasts.evidence.text import Tokens, phrase, stem, tokenize

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


# Families whose nouns name how an institution acts ("policy meeting", "rate decision",
# "announcement"): words of the event that never outrank an institutional label.
_PROCESS_FAMILIES = frozenset({"meet", "attend", "election", "rule", "announce"})


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


_GENERIC_WORDS = words(
    "the a an of on in at to for by with its their his her this that these those from into "
    "new first final last next year month week day plan plans will would could may might "
    "expected likely said says about over under more than after before during between "
    "billion million percent deal agreement bill law vote court case decision ruling "
    # A reporting period names when results come, not what they are about.
    "quarter quarterly fourth third second annual fiscal full half results report q1 q2 q3 q4"
)


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


def _country_keys(text: str) -> tuple[str, ...]:
    """Index words for the countries a text names ("Argentina" -> "argentina", "argentine")."""
    return tuple(
        phrase(a)[-1] for c in sorted(countries_in(tokenize(text))) for a in COUNTRIES[c][:2]
    )


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
