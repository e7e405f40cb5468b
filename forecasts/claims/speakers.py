"""Attribution: who said it. "X said", "said X", "according to X", "X told reporters", quotes.

``attribute(sentence)`` returns the speaker noun phrase and the character spans of the
attribution itself, which the extractor removes before it reads the claim (so "the White House
said on Thursday" neither becomes part of the claim nor lends it a time expression).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SAY = (
    r"(?:(?:has|have|had)\s+)?(?:said|says|say|told\s+(?:reporters|journalists|a\s+news\s+conference|a\s+briefing|lawmakers|"
    r"parliament|Congress|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|\w+)|added|adds|announced|announces|stated|"
    r"wrote|writes|confirmed|confirms|noted|predicted|predicts|forecast|forecasts|argued|argues|warned|warns|"
    r"estimated|estimates|reported|reports|suggested|suggest|suggests|believes|believe|"
    r"expects?(?=\s*[,.])|projected|explained|insisted|cautioned|indicated|signaled|signalled|tweeted|posted|"
    r"acknowledged|conceded|claimed|claims|reckon|reckons|think|thinks|show|shows)"
)
_WHEN = r"(?:\s+(?:on|late\s+on|early\s+on|in\s+a\s+statement\s+on|last)\s+\w+|\s+in\s+a\s+statement|\s+in\s+an?\s+\w+(?:\s+\w+)?\s+(?:interview|statement|note|report)|\s+on\s+Twitter|\s+on\s+X|\s+in\s+[A-Z]\w+|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))*"
_NP = r"(?P<who>(?:[^,.;:!?“”\"]|\.(?=[A-Za-z]))[^,;:!?“”\"]{0,139}?)"
_NAME_APPOS = r"(?P<who>[^,“\"]{2,80}?)(?:,\s+[^,“\"]{2,160}?,)?"

# ", said Daniel Kritenbrink, the top official." / ", analysts said." / ", according to X."
TRAILING = [
    re.compile(
        r"(?:[,—–]|[”\"’])\s*(?:"
        + SAY
        + r")\s+(?P<who>[^,.;:!?“”\"]{1,80}?)(?:,\s+[^“”\"]{1,200})?\s*(?:[.!]|$)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?:[,—–]|[”\"’])\s*"
        + _NP
        + r"\s+(?:"
        + SAY
        + r")"
        + _WHEN
        + r"(?:\s+in\s+a\s+(?:report|statement|note|filing))?"
        # "..., the Council said on Tuesday, after a record year.": a closing adverbial clause
        + r"(?:\s*,\s*(?:after|citing|(?:adding|saying|noting)(?!\s+that\b))\b[^“”\"]*)?"
        + r"\s*[.!]?\s*$"
    ),
    re.compile(
        r"[,—–]?\s*(?:according\s+to|citing|as\s+reported\s+by)\s+" + _NP + r"\s*[.!]?\s*$",
        re.IGNORECASE,
    ),
]
# "X said (on Monday) (that) ..." at the start of a sentence, after an optional opening phrase.
LEADING = re.compile(
    r"^(?:[^,“\"]{1,40},\s+)?"
    + _NAME_APPOS
    + r"\s+(?:"
    + SAY
    + r")"
    + _WHEN
    + r"(?:\s+that\b|\s*[,:]\s*(?=[“\"])|\s+(?=[a-z]|[A-Z]))",
)
# "..., according to X, ..." / "..., officials said, which ..." in the middle.
MIDDLE = [
    re.compile(r",\s*(?:according\s+to)\s+(?P<who>[^,]{3,80}),", re.IGNORECASE),
    re.compile(r",\s*(?P<who>[^,“”\"]{2,60}?)\s+(?:" + SAY + r")" + _WHEN + r"\s*,"),
]
# '...," he said, adding that X will ...': the speaker, and what he added is text (tried only
# when one of its words is there: the pattern is slow to fail)
ADDED = re.compile(
    r"[”\"’]\s*(?P<who>[^,“”\"]{2,60}?)\s+(?:"
    + SAY
    + r")"
    + _WHEN
    + r"\s*,\s*(?:adding|saying|noting)\s+that\s"
)
_ADDED_WORDS = ("adding that", "saying that", "noting that")

_STRIP_LEAD = re.compile(
    r"^(?:the\s+latest\s+|most\s+|some\s+|many\s+|several\s+|other\s+|both\s+)(?=\w)", re.IGNORECASE
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}


@dataclass
class Attribution:
    speaker: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    quoted: bool = False


def _clean(who: str) -> str:
    who = who.strip(" ,.“”\"'‘’")
    who = re.split(r",\s|\s+who\s|\s+(?:which|that)\s", who)[0]
    who = re.sub(r"^(?:and|but|while|so|yet)\s+", "", who, flags=re.IGNORECASE)
    verb_phrase = re.match(r"((?:[A-Z][\w.'’-]*\s+){1,4}?)[a-z]+ed\b.*\s(?:and|but)$", who)
    if verb_phrase:
        who = verb_phrase.group(1)  # "Trump called the trial rigged and (said)": Trump
    who = _STRIP_LEAD.sub("", who)
    return who.strip()


_FORECAST_WORD = re.compile(r"\b(?:will|would|could|may|might|expected|likely)\b")

# A piece of every verb of SAY: a pattern with SAY in it cannot match a sentence without one
# (lower-cased; ``_CASE_EXOTIC`` is a character IGNORECASE folds to an ASCII letter that
# ``str.lower`` does not give: with one there, the patterns decide)
_SAY_NEEDLES = (
    "said", "say", "told", "add", "announc", "stated", "wrote", "writes", "confirm", "noted",
    "predict", "forecast", "argue", "warn", "estimat", "report", "suggest", "believe", "expect",
    "projected", "explained", "insisted", "cautioned", "indicated", "signal", "tweeted",
    "posted", "acknowledged", "conceded", "claim", "reckon", "think", "show",
)  # fmt: skip
_CASE_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a]")


def _may_say(sentence: str) -> bool:
    """False only when no pattern with SAY in it can match the sentence."""
    low = sentence.lower()
    return any(map(low.__contains__, _SAY_NEEDLES)) or bool(_CASE_EXOTIC.search(sentence))


def attribute(sentence: str) -> Attribution:
    """The speaker of a sentence and the spans of its attribution ("" if none found)."""
    quoted = "“" in sentence or '"' in sentence
    says = _may_say(sentence)
    for pattern in TRAILING if says else TRAILING[2:]:  # the third has no SAY: "according to"
        m = pattern.search(sentence)
        if m and len(m.group("who").split()) <= 12 and not _FORECAST_WORD.search(m.group("who")):
            return Attribution(_clean(m.group("who")), [(m.start(), len(sentence))], quoted)
    m = LEADING.match(sentence) if says else None
    if m and not re.search(
        r"\b(?:will|would|could|may|might|expected|likely|set)\b", m.group("who")
    ):
        who = m.group("who")
        if len(who.split()) <= 14 and not re.search(
            r"\b(?:if|when|because|after|before)\b", who, re.IGNORECASE
        ):
            return Attribution(_clean(who), [(0, m.end())], quoted)
    added = any(w in sentence for w in _ADDED_WORDS)
    for pattern in ((*MIDDLE, ADDED) if added else MIDDLE) if says else MIDDLE[:1]:
        m = pattern.search(sentence)
        if m and not re.search(r"\b(?:will|would|could|may|might|to)\b", m.group("who")):
            return Attribution(_clean(m.group("who")), [(m.start(), m.end() - 1)], quoted)
    return Attribution("", [], quoted)


def is_pronoun(who: str) -> bool:
    return who.lower() in _PRONOUNS
