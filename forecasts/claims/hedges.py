"""Hedges: the words that make a clause forward-looking, how sure they sound, and negation.

A *trigger* is a modal or prospective construction followed by a verb ("will meet", "is
expected to cut", "plans to launch", "could set the stage for"). Each trigger names its hedge;
the hedge's probability comes from ``settings.hedges`` (words of estimative probability), found
by longest match over the trigger's words so that "widely expected" beats "expected" and
"would probably" reads as "probably". Negation follows TEAM.md: "will not attend" is a negative
claim with the hedge's probability; "unlikely to attend" is a positive claim with p = 0.2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Inflections of prospective verbs mapped onto the keys of the hedge table.
_LEMMAS = {
    r"expect(?:s|ed|ing|ations?)?|anticipated|projected|forecast|predicted|tipped|consensus": "expected",
    r"plan(?:s|ned|ning)?": "plans to",
    r"hop(?:e|es|ed|ing)": "hopes to",
    r"intend(?:s|ed|ing)?": "intends to",
    r"aim(?:s|ed|ing)?": "aims to",
    r"schedul(?:ed|es)": "scheduled",
    r"slated": "scheduled",
    r"due": "due to",
    r"set": "set to",
    r"poised": "poised to",
    r"on\s+(?:track|course)": "on track to",
    r"(?:is|are|was|were)\s+to": "is to",
    r"'ll|’ll|shall|must|going\s+to|gonna": "will",
    r"won't|won’t|wo\s+n't": "will",
    r"vow(?:s|ed)?|pledge(?:s|d)?|promise(?:s|d)?|commit(?:s|ted)?\s+to|agree(?:s|d)?": "will",
    r"favou?red": "likely",
    r"(?:looks?|appears?|seems?)\s+to": "likely",
    r"prepar(?:e|es|ed|ing)": "plans to",
    r"seek(?:s|ing)?|sought": "aims to",
    r"wants?|wanted": "hopes to",
}
_LEMMA_RES = [(re.compile(r"\b(?:" + k + r")\b", re.IGNORECASE), v) for k, v in _LEMMAS.items()]

_BE = r"(?:is|are|was|were|be|been|being|am|'s|’s|'m|’m|'re|’re|remains?|seems?|appears?|looks?)"
_ADV = r"(?:(?:also|now|still|widely|largely|generally|broadly|initially|reportedly|increasingly|highly|very|most|more|less|not|n't|now|already|then|all|both|each|currently|tentatively|provisionally|officially|formally)\s+)*"
_PRE_ADV = r"(?:(?:more\s+than|less\s+than|probably|possibly|likely|perhaps|almost\s+certainly|certainly|definitely|also|not|never|soon|then|still|now|even|eventually|ultimately|only|already|finally|again|quickly|further|potentially|jointly|formally|officially|n't|rather)\s+)*"

# Modal triggers: modal [adverbs] verb.
MODAL = re.compile(
    r"\b(?P<trig>will|would|could|may|might|shall|must|won't|won’t|'ll|’ll)\s+"
    + _PRE_ADV
    + r"[“\"‘]?(?P<verb>[a-z][a-z-]+)",
    re.IGNORECASE,
)
# Copular triggers: be [adverbs] expected/likely/set/... to verb; "scheduled for".
COPULAR = re.compile(
    r"\b(?P<be>"
    + _BE
    + r")\s+"
    + _ADV
    # "are among those / the companies scheduled to report": members of a scheduled group
    + r"(?:among\s+(?:those|the\s+(?:[a-z-]+\s+){0,2}?[a-z-]+s)\s+)?"
    + r"(?P<trig>expected|anticipated|projected|forecast|predicted|tipped|likely|unlikely|set|poised|due|scheduled|slated|planned|certain|sure|about|going|on\s+track|on\s+course|ready|favou?red|aiming|planning|preparing|gearing\s+up|to)\s+"
    r"(?:to\s+)?" + _PRE_ADV + r"[“\"‘]?(?P<verb>[a-z][a-z-]+)",
    re.IGNORECASE,
)
# Bare copular triggers: "blackouts are unlikely this summer", "a first cut in June is now likely".
BARE = re.compile(
    # "a unanimous vote appeared more likely": seem/appear/look say the same as "is"
    r"\b(?P<be>is|are|(?:appear|seem|look)(?:s|ed)?)\s+"
    + _ADV
    + r"(?P<trig>expected|likely|unlikely|possible|due|scheduled|slated|planned|"
    r"set|imminent|on\s+the\s+cards|in\s+the\s+works)(?P<verb>)(?=\s*(?:[.,;]|$|\s+(?:in|on|by|this|next|later|before|within|over|at|during|early|soon|"
    r"tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))",
    re.IGNORECASE,
)
# Verb triggers: plans/hopes/intends/aims/expects/vows (NP) to verb.
VERBAL = re.compile(
    r"\b(?P<trig>plans?|planned|planning|hopes?|hoped|hoping|intends?|intended|aims?|aimed|"
    r"expects?|expected|vows?|vowed|pledges?|pledged|promises?|promised|prepares?|preparing|"
    r"is\s+preparing|are\s+preparing|on\s+track|"
    # "consensus expectations are for Nvidia to report": the expectation as a noun
    r"(?:expectations?|consensus)\s+(?:[\w'’]+\s+){0,4}?(?:is|are|remain)\s+for)\s+"
    r"(?P<obj>(?:[\w'’.-]+\s+){0,6}?)to\s+" + _PRE_ADV + r"[“\"‘]?(?P<verb>[a-z][a-z-]+)",
    re.IGNORECASE,
)
# "is on track in releasing X this summer", "on track for opening in May": the gerund is the
# plan (its statement takes the verb's base form)
ON_TRACK_ING = re.compile(
    r"\b(?P<trig>(?:(?:is|are|was|were)\s+)?(?:(?:also|still|now|well)\s+)?on\s+track)\s+"
    r"(?:in|for|with)\s+(?P<obj>)(?P<verb>[a-z]+ing)\b",
    re.IGNORECASE,
)
# Noun triggers: "the potential for X", "an opportunity for X to meet", "the prospect of X".
NOMINAL = re.compile(
    r"\b(?P<trig>potential|opportunity|prospects?|(?:(?:almost|virtually)\s+)?(?:no|little|some|a\s+good|a\s+strong|a\s+slim|every)\s+chance)\s+(?:for|of|to)\s+(?P<verb>\S+)",
    re.IGNORECASE,
)
# "holds its election in January", "go to the polls on Wednesday": present tense that a future
# time expression makes a scheduled event.
SCHEDULED_VERB = re.compile(
    r"\b(?P<verb>holds?|hosts?|opens?|begins?|starts?|kicks?\s+off|goes|go|meets?|votes?|travels?|visits?|convenes?|launches?|takes?\s+office|"
    r"heads?|leaves?|returns?|closes?|ends?|resumes?|faces?|plays?|takes?\s+place|releases?|publishes?|announces?|reports?|decides?)\b",
    re.IGNORECASE,
)

NOT_VERBS = {
    "the", "a", "an", "be", "have", "has", "had", "not", "also", "this", "that", "its", "their",
    "his", "her", "our", "your", "my", "some", "any", "such", "more", "less", "of", "to", "in",
    "for", "and", "or", "but", "on", "at", "by", "with", "from", "as", "is", "was", "are", "were",
    "it", "they", "he", "she", "we", "you", "i", "there", "which", "who", "what", "power", "well",
    "just", "only", "about", "around", "nearly", "roughly",
}  # fmt: skip

ADVERB_HEDGES = (
    "almost certainly",
    "probably",
    "possibly",
    "likely",
    "perhaps",
    "definitely",
    "certainly",
)

NEGATIONS = re.compile(
    r"\b(?:not|never|n't|no\s+longer)\b|won't|won’t|n’t|\bno\s+plans?\b|\bno\s+intention\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A forward-looking construction: where it starts, its words, and the verb it governs."""

    kind: str
    start: int
    end: int  # start of the governed verb
    text: str
    verb: str
    verb_start: int


# Every trigger pattern needs one of these words: most sentences are skipped by one search.
_ANY_TRIGGER = re.compile(
    r"\b(?:will|would|could|may|might|shall|must|won|ll|is|are|was|were|be|been|am|(?<=[’'])(?:m|re)|going|remains?|seem(?:s|ed)?|"
    r"appear(?:s|ed)?|look(?:s|ed)?|plan\w*|hop\w*|intend\w*|aim\w*|expect\w*|vow\w*|pledge\w*|promis\w*|"
    r"prepar\w*|seek\w*|want\w*|on\s+track|potential|opportunity|prospects?|chance)\b",
    re.IGNORECASE,
)


_GATES = {
    "verbal": re.compile(r"plan|hop|intend|aim|expect|vow|pledg|promis|prepar|seek|want|track"),
    "nominal": re.compile(r"potential|opportunit|prospect|chance"),
    "on_track": re.compile(r"on\s+track"),
    "bare": re.compile(
        r"expected|likely|possible|due|scheduled|slated|planned|set|imminent|cards|works"
    ),
    "copular": re.compile(
        r"expected|anticipated|projected|forecast|predicted|tipped|likely|set|poised|due|scheduled|slated|planned|certain|sure|about|going|track|course|ready|favo|aiming|planning|preparing|gearing|\bto\b"
    ),
}


def find_triggers(sentence: str) -> list[Trigger]:
    """Modal, copular, verbal and nominal triggers, in text order, without overlaps."""
    found: list[Trigger] = []
    if not _ANY_TRIGGER.search(sentence):
        return found
    low = sentence.lower()
    for kind, pattern in (
        ("verbal", VERBAL),
        ("verbal", ON_TRACK_ING),
        ("copular", COPULAR),
        ("modal", MODAL),
        ("nominal", NOMINAL),
        ("bare", BARE),
    ):
        gate = _GATES.get("on_track" if pattern is ON_TRACK_ING else kind)
        if gate is not None and not gate.search(low):
            continue
        for m in pattern.finditer(sentence):
            verb = m.group("verb")
            scheduled_for = (
                kind == "copular"
                and m.group("trig").lower() in ("scheduled", "slated", "due", "set", "planned")
                and verb.lower() in ("for", "on", "by", "in", "at")
            )  # "is scheduled for Feb. 25", "is due by March 20"
            if (
                kind not in ("nominal", "bare")
                and not scheduled_for
                and verb.lower() in NOT_VERBS
                and not (kind == "modal" and verb.lower() == "be")
            ) and verb.lower() not in ("be", "have"):
                continue
            if (
                kind == "copular"
                and m.group("trig").lower() == "to"
                and m.group("be").lower() not in ("is", "are", "was", "were")
                # "looks to be heading to Saudi Arabia": a move under way, seen from outside
                and not (
                    re.match(r"(?i)(?:look|appear|seem)s?$", m.group("be"))
                    and verb.lower() == "be"
                    and re.match(r"\s+[a-z]+ing\b", sentence[m.end() :])
                )
            ):
                continue
            if (
                kind == "copular"
                and not re.search(r"\bto\s", m.group(0))
                and m.group("trig").lower() not in ("scheduled", "slated", "due", "set", "planned")
            ):
                continue  # "the toll was likely several times higher": no prospective verb
            if (
                kind == "verbal"
                and m.group("obj")
                and re.search(
                    r"[,;:]|\b(?:that|which|who|and|but|is|are|was|were|will|would|has|have)\b",
                    m.group("obj"),
                )
            ):
                continue
            found.append(
                Trigger(
                    kind,
                    m.start(),
                    m.start("verb"),
                    m.group(0)[: m.start("verb") - m.start()].strip(),
                    verb,
                    m.start("verb"),
                )
            )
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[Trigger] = []
    for t in found:
        if out and t.start < out[-1].verb_start + len(out[-1].verb) and t.start >= out[-1].start:
            continue
        out.append(t)
    return out


def hedge_of(trigger_text: str, hedges: dict[str, float]) -> str:
    """The hedge-table key that best names the trigger (longest match), e.g. "widely expected"."""
    text = " " + re.sub(r"\s+", " ", trigger_text.lower()) + " "
    best = ""
    for key in hedges:
        if f" {key} " in text and len(key) > len(best):
            best = key
    for pattern, key in _LEMMA_RES:
        # an inflected form ("expects", "planned") maps onto its table key
        if (
            pattern.search(trigger_text)
            and key in hedges
            and len(key) > len(best)
            and (not best or best in ("will", "would", "is to"))
        ):
            best = key
    for adverb in ADVERB_HEDGES:
        if f" {adverb} " in text and adverb in hedges:
            best = (
                adverb
                if len(adverb) >= len(best)
                or best in ("will", "would", "could", "may", "might", "expected", "plans to")
                else best
            )
    if not best and re.match(
        r"(?i)(potential|opportunity|chance|prospects?|possibility)\b", trigger_text
    ):
        best = "potential"
    return best or ("will" if "will" in hedges else "")


def is_negated(trigger_text: str) -> bool:
    return bool(NEGATIONS.search(trigger_text))


def probability(hedge: str, hedges: dict[str, float]) -> float:
    return hedges.get(hedge, 0.5)


# Stated odds: "a 70% chance", "a roughly two-thirds probability" (market-implied or polled).
_ODDS = re.compile(
    r"(?:(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)|(?P<w>two-thirds|one-third|a\s+third|"
    r"half|three-quarters|a\s+quarter|one-in-(?:two|three|four|five|ten)))"
    r"\s+(?:chance|probability|likelihood|odds|risk)\b",
    re.IGNORECASE,
)
_ODDS_WORDS = {
    "two-thirds": 2 / 3, "one-third": 1 / 3, "a third": 1 / 3, "half": 0.5,
    "three-quarters": 0.75, "a quarter": 0.25, "one-in-two": 0.5, "one-in-three": 1 / 3,
    "one-in-four": 0.25, "one-in-five": 0.2, "one-in-ten": 0.1,
}  # fmt: skip


# "a 66% chance of a cut in March": the event is the cut
ODDS_OF = re.compile(
    r"^(?:a|an|the)?\s*(?:roughly\s+|about\s+|around\s+)?"
    + _ODDS.pattern
    + r"\s+(?:of|that|for)\s+",
    re.IGNORECASE,
)


def stated_odds(sentence: str) -> float | None:
    """The probability a sentence states for its event ("a 70% chance", "two-thirds chance"),
    when it states exactly one."""
    found = list(_ODDS.finditer(sentence))
    if len(found) != 1:
        return None
    m = found[0]
    if m.group("n"):
        value = float(m.group("n")) / 100
        return value if 0 <= value <= 1 else None
    return round(_ODDS_WORDS[re.sub(r"\s+", " ", m.group("w").lower())], 3)
