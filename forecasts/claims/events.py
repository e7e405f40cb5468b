"""Which event: a clause's verb phrase normalised to an event type and a short event phrase.

The lexicon maps verbs and event nouns onto a small set of types that the verifier matches
news items against (a "visit" is fulfilled by an arrival, a "rate_change" by a decision).
Clauses whose verb names no checkable event ("relations could improve", "the bar will be low")
get no type and are marked not verifiable.
"""

from __future__ import annotations

import re

# (pattern over the predicate, event type); first match wins, so specific entries come first.
EVENT_TYPES: list[tuple[str, str]] = [
    (
        r"\b(?:rates?|borrowing costs|basis points?|bps|rate (?:cut|hike|increase)s?|cash rate|deposit rate|bank rate|policy rate|reserve requirement|cuts?|hikes?|tighten\w*|eas(?:e|ing))\b(?=.*\b(?:rate|cut|hike|rais|lower|increase|bank|fed|tighten|eas|basis)\w*)|\b(?:cut|raise|hike|lower|hold|keep)\w*\s+(?:\w+\s+){0,3}(?:rates?|borrowing costs)\b|\b(?:first|next|further|another)\s+(?:rate\s+)?(?:cut|hike|increase|reduction)\b|\bresume\s+cuts\b|\bcut\s+again\b|\blower\s+the\s+ratio\b",
        "rate_change",
    ),
    (
        r"\b(?:resign\w*|step(?:s|ping)?\s+down|quit\w*|stand\s+down|be\s+replaced|leave\s+office)\b",
        "resign",
    ),
    (r"\b(?:sworn\s+in|take\s+office|inaugurat\w+|assume\s+office|take\s+over)\b", "take_office"),
    (
        r"\b(?:elections?|polls?|runoffs?|referendum|ballot|primar(?:y|ies)|re-?elect\w*|caucus\w*|go\s+to\s+the\s+polls|votes?\s+(?:will\s+be\s+)?counted|counted)\b",
        "election",
    ),
    (
        r"\b(?:win|wins|won|winning|victory|defeat|beat|finish\w*|become\s+the\s+largest|majority|term|lead\s+the\s+polls|largest\s+party|seats)\b",
        "election_result",
    ),
    (
        r"\b(?:vote|votes|voting|pass|passes|approve|approval|ratif\w+|enact\w*|adopt\w*|legislation|bill|law|budget|dissolv\w+|veto\w*)\b",
        "legislation",
    ),
    (
        r"\b(?:rule|ruling|verdict|sentenc\w+|hear\s+(?:the\s+)?(?:case|appeal|arguments)|arguments|trial|appeal|indict\w*|convict\w*|acquit\w*|testify|court)\b",
        "court",
    ),
    (
        r"\b(?:launch\w*|lift\s*off|liftoff|blast\s+off|spacecraft|rocket|flight|land\s+on|landing|orbit|mission)\b",
        "launch",
    ),
    (
        r"\b(?:release|unveil\w*|roll\s+out|introduce|debut|ship|publish|issue|results?|outcome|figures|data)\b",
        "release",
    ),
    (
        r"\b(?:sign\w*|agreement|deal|treaty|accord|pact|framework|joint\s+statement|declaration|ceasefire|truce|memorandum)\b",
        "agreement",
    ),
    (
        r"\b(?:acquire|acquisition|merge\w*|merger|buy|takeover|purchase|ipo|listing|go\s+public|list\s+(?:its\s+)?shares)\b",
        "deal",
    ),
    (
        r"\b(?:attend\w*|take\s+part|participate|join|lead\s+\w+\s+delegation|delegation|address)\b",
        "attend",
    ),
    (
        r"\b(?:visit\w*|travel\w*|trip|tour|fly|flies|head\s+to|go\s+to|arriv\w+|come\s+to)\b",
        "visit",
    ),
    (
        r"\b(?:meet\w*|talks|summit|sit\s+down|discuss\w*|negotiat\w+|dialogue|call|host\w*|debate|conference|session|convene\w*)\b",
        "meeting",
    ),
    (r"\b(?:announc\w+|unveil|present|propose|declare|report|publish)\b", "announce"),
    (r"\b(?:play|match|final|tournament|race|game|fight|compete)\b", "sports"),
    (
        r"\b(?:open\w*|close|closing|shut|start|begin|end|complete|finish|build|construct|deliver\w*)\b",
        "milestone",
    ),
    (r"\b(?:delay\w*|postpone\w*|cancel\w*|suspend\w*|halt\w*)\b", "delay"),
    (
        r"\b(?:expand\w*|invest\w*|hire|hiring|lay\s+off|layoffs?|job\s+cuts|build\s+(?:a|its|new)|factory|plant)\b",
        "business",
    ),
    (r"\b(?:impose|lift|tariffs?|sanctions?|ban|restrict\w*|export\s+controls?)\b", "policy"),
    (
        r"\b(?:grow|growth|shrink|contract|inflation|gdp|recession|unemployment|fall|rise|climb|drop|reach|exceed|hit)\b",
        "indicator",
    ),
]
_EVENT_RES = [(re.compile(p, re.IGNORECASE), t) for p, t in EVENT_TYPES]

# Verbs that on their own make a claim vague: nothing a news item could confirm or refute.
VAGUE = re.compile(
    r"^(?:be|become|remain|improve|worsen|help|matter|mean|change|continue|stay|seem|get|make|"
    r"threaten|deteriorate|increase\s+the\s+odds|reduce\s+the\s+risk|pave|set\s+the\s+stage|"
    r"reorient|shape|affect|benefit|hurt|weigh|depend|tone|yield|emerge|come|lead|go|do|have)\b",
    re.IGNORECASE,
)

# Verbs that only introduce the real event: "set the stage for X", "pave the way for X".
LIGHT = re.compile(
    r"^(?:set(?:s|ting)?\s+the\s+stage\s+for|pave(?:s|d)?\s+the\s+way\s+(?:for|to)|"
    r"open(?:s)?\s+the\s+(?:door|way)\s+(?:to|for)|lead(?:s)?\s+to|result(?:s)?\s+in|"
    r"culminate(?:s)?\s+in|(?:help(?:s)?\s+)?(?:bring\s+about|clear\s+the\s+way\s+for)|"
    r"make\s+(?:way|room)\s+for|allow\s+for|include|increase\s+the\s+(?:odds|chances?|likelihood)\s+of|"
    r"raise\s+the\s+(?:odds|chances?|prospect)\s+of)\s+",
    re.IGNORECASE,
)


def event_type(predicate: str) -> str:
    """The event type of a verb phrase, or "" when it names no checkable event.

    The verb decides first ("meet ... during the trip" is a meeting); the whole phrase after.
    """
    head = " ".join(predicate.split()[:2])
    for pattern, kind in _EVENT_RES:
        if pattern.search(head):
            return kind
    for pattern, kind in _EVENT_RES:
        if pattern.search(predicate):
            return kind
    return ""


_PARTICIPLE = re.compile(
    r"^be\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|\w+ing|held|sworn|made|built|won|run|set|put|cut|shut|sold|paid|met|led|brought|sent|hit|told|kept)\b",
    re.IGNORECASE,
)


def is_vague(predicate: str, kind: str) -> bool:
    """Nothing checkable: no event type, or a vague verb ("help", "improve", "be low")."""
    if not kind:
        return True
    if _PARTICIPLE.match(predicate):
        return False  # a passive: "will be held", "will be sworn in"
    if re.match(r"be\s+(?:a|an)\s", predicate, re.IGNORECASE) and event_type(predicate[3:]):
        return False  # "the next move would be a hike"
    return bool(VAGUE.match(predicate))


def light_object(predicate: str) -> str | None:
    """The event inside "set the stage for <event>", or None."""
    m = LIGHT.match(predicate)
    return predicate[m.end() :] if m else None


def shorten(phrase: str, words: int = 10) -> str:
    parts = phrase.split()
    return " ".join(parts[:words]).strip(" ,;:—–-")
