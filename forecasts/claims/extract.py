"""Article text -> forward-looking claims: the orchestration of the claims stage.

For each sentence: skip what cannot carry a claim (headlines, captions, questions); take off the
attribution ("..., the White House said on Thursday") and remember the speaker; find the
forward-looking triggers (hedges.py); give each trigger its subject (the words before it, or the
previous subject when that is a pronoun) and its predicate (the words after it, up to the next
clause); split coordinated predicates into several claims; drop conditionals, counterfactuals and
past plans; then resolve the due window (when.py), preferring a time expression in the claim,
then one in its sentence's opening, then the window of an event the claim refers to (an "event
anchor": "at the summit", the summit being "on Aug. 18"), then the default horizon.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from datetime import date

from lemminflect import getAllLemmas

from forecasts.articles.datelines import strip_datelines
from forecasts.claims import actors as actors_mod
from forecasts.claims import hedges as hedges_mod
from forecasts.claims import statement as statement_mod
from forecasts.claims.events import event_type, is_vague, light_object, shorten
from forecasts.claims.hedges import (
    ODDS_OF,
    SCHEDULED_VERB,
    Trigger,
    find_triggers,
    hedge_of,
    is_negated,
    probability,
    stated_odds,
)
from forecasts.claims.reference import ORG_NOUNS, ROLE_NOUNS, Discourse, situate
from forecasts.claims.repeats import content_words, once
from forecasts.claims.sentences import Sentence, split_sentences
from forecasts.claims.speakers import attribute, is_pronoun
from forecasts.claims.types import ExtractedClaim, Window
from forecasts.claims.when import MONTHS, WEEKDAYS, TimeMatch, default_window, find_times
from forecasts.config import Settings

ARTICLE = "the article"

# Clause boundaries: a predicate stops here; a subject starts after the last one.
_PRED_END = re.compile(
    # the lookahead lets the engine skip every position that cannot start a boundary; "\s++"
    # (possessive) before a word: a shorter run of spaces can never be followed by the word, so
    # not backtracking through it changes no match, and a blanked attribution (a long run of
    # spaces) no longer costs a retry per space per alternative
    r"(?=[;:,\s.!?—–])(?:;|:(?!\d)|\s[—–]\s(?!\d|[A-Z][a-z]{2,8}\.?\s+\d)|,\s+(?:which|who|whom|while|whereas|but|although|though|saying|according|"
    r"as|when|because|where|after|before|with|taking|making|marking|raising|bringing|surprising|"
    r"depending|amid|despite|even|its|in\s+a\s+bid|ruling|confirming|adding|so)\b|"
    r",\s+and\s+(?=(?:the|a|an|he|she|it|they|we|[A-Z][\w.]*\s+[a-z]+ed)\b)|\s++(?:but|because|"
    r"although|though|whereas|so\s+that|after\s+(?:it|he|she|they))\s|\s++which\s+(?!\w+\s+(?:is|are)\s)|[.!?]+[”\"’]?\s*$)",
    re.IGNORECASE,
)
_SUBJ_START = re.compile(
    r"(?:^|[,;:](?=\s)\s*|[(“\"‘]\s*|[—–]\s|\b(?:that|which|who|but|while|whereas|because|although|though|so|"
    r"whether|as|when|since|after|before|how(?!\s+to\b)|why|what|(?:said|says|announced|added)(?:\s+that)?|and\s+(?=(?:he|she|it|they|we|I)\b))\b)\s*",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"\b(?<!even\s)(?:if|unless|provided\s+that|(?<!by\s)(?<!for\s)(?<!to\s)as\s+long\s+as(?!\s+(?:\d|a\s|an\s|one|two|three|six|twelve))|"
    r"in\s+case|assuming|were\s+(?:it|they)\s+to)\b(?!\s+(?:any|not|anything|ever)\b)",
    re.IGNORECASE,
)
# "set to expire on January 31, unless further extended": an exception after the claim; the
# claim itself is still asserted
_TRAILING_UNLESS = re.compile(r"(?i),?\s+unless\b[^,;]*$")
_COUNTERFACTUAL = re.compile(
    # "may have had trouble", "might have been": a modal with the perfect speaks of the past
    r"\b(?:would|could|might|should|may|must)\s+(?:not\s+)?have\s+(?:\w+(?:ed|en|wn|t)|had|been|"
    r"done|made|said|paid|come|gone|run|won|lost|kept|left|met|held|sold|told|found|got|put|set|"
    r"hit|cut|let|become)\b",
    re.IGNORECASE,
)
_PAST_TRIGGER = re.compile(
    r"^(?:was|were|had|had\s+been)\b|^(?:planned|hoped|intended|aimed|expected|wanted|promised|vowed|pledged)\b",
    re.IGNORECASE,
)
_EVENT_NOUN = re.compile(
    r"\b(?P<noun>summit|meeting|visit|trip|tour|election|vote|poll|runoff|referendum|conference|talks|"
    r"debate|forum|session|ceremony|launch|match|final|race|tournament|games|hearing|trial|decision|"
    r"gathering|sidelines|negotiations|dinner|address|inauguration|olympics|cup|championships?|grand\s+prix|"
    r"finals?|open|fight|eclipse|festival|convention|congress|assembly|expo|show)s?\b",
    re.IGNORECASE,
)
# A word every event noun above contains: without one of them, _EVENT_NOUN cannot match.
_EVENT_NOUN_NEEDLES = (
    "summit", "meeting", "visit", "trip", "tour", "election", "vote", "poll", "runoff",
    "referendum", "conference", "talks", "debate", "forum", "session", "ceremony", "launch",
    "match", "final", "race", "games", "hearing", "trial", "decision", "gathering", "sidelines",
    "negotiations", "dinner", "address", "inauguration", "olympics", "cup", "championship",
    "grand", "open", "fight", "eclipse", "festival", "convention", "congress", "assembly", "expo",
    "show",
)  # fmt: skip
# Characters an IGNORECASE pattern matches to an ASCII letter that ``str.lower`` does not turn
# into it ("ſ" is "s", the Kelvin sign "k", "ı" and "İ" "i"): with one of them in the text, a
# substring test on the lowered text proves nothing.
_CASE_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a]")


def _may_match(text: str, needles: tuple[str, ...]) -> bool:
    """False only when an IGNORECASE pattern that needs one of the (lower-case) needles cannot
    match the text: substring tests, far cheaper than the pattern."""
    low = text.lower()
    return any(map(low.__contains__, needles)) or bool(_CASE_EXOTIC.search(text))


def _may_name_event(text: str) -> bool:
    """False only when ``_EVENT_NOUN`` cannot match."""
    return _may_match(text, _EVENT_NOUN_NEEDLES)


_SPLIT_ADVERB = re.compile(
    r",?\s+and\s+(?P<adv>possibly|perhaps|probably|potentially|maybe|even|eventually|then|also|likely)\s+",
    re.IGNORECASE,
)
_EMBEDDED = re.compile(
    r"\b(?:whether|on\s+when|about\s+when|over\s+when|how\s+(?:soon|quickly|fast|far|much|many|long)|"
    # "how they will deal with": an indirect question, not what will happen
    r"(?:comes\s+to|on|about|over|know|see|decide|asked|unclear|clear)\s+how\s+(?=(?:[\w’'-]+\s+){1,3}$))\s*[^,;]{0,50}$",
    re.IGNORECASE,
)
_MID_SAY = re.compile(
    r"(?:,\s*|\s)(?:and|but|while)\s+(?P<who>(?:[A-Z][\w.'’-]*\s+){1,6}?)(?:has\s+|have\s+)?"
    r"(?:said|says|told\s+reporters|announced|insisted|vowed|warned|promised)(?:\s+that)?\s+(?=\w)"
)
_GENERIC_SPEAKER = re.compile(
    r"^(?:the|its|their)\s+(companies|company|firm|firms|agency|\w+maker|laboratory|lab|group|operator|carmaker|"
    r"automaker|maker|bank|regulator|airline|club|team|ministry|department|government|organisation|"
    r"organization|council|commission|league|network|retailer|insurer|developer|startup|utility)$",
    re.IGNORECASE,
)
_SPLIT_TO = re.compile(r",?\s+and\s+to\s+(?=[a-z])")
_SPLIT_EVENT = re.compile(
    r"\s+and\s+(?=(?:a\s+|an\s+|the\s+)?(?:talks|meetings?|visits?|a\s+trip|trips?|summit|stop|dinner|news\s+conference|speech|address)\b)",
    re.IGNORECASE,
)
_MOTION_VERB = re.compile(r"travel|go|fly|head|come|arrive|return|journey|jet")
_LIGHT_VERB = {
    "talks": "hold", "meeting": "hold", "meetings": "hold", "visit": "make", "visits": "make",
    "trip": "make", "trips": "make", "stop": "make", "speech": "give", "address": "give",
    "news": "give",
}  # fmt: skip
_PAST_CLAUSE = re.compile(
    r"\b(?:was|were|had|did|held|met|took|came|went|made|won|lost|began|left|flew|said|told|"
    r"gave|got|spent|found|saw|sent|sold|bought|brought|built|fell|rose|led|ran|struck|wrote|"
    r"spoke|chose|drew|grew|paid|stood|threw|kept|heard|felt|caught|fought|sought|broke|became)\b|"
    r"\b(?!(?:scheduled|expected|planned|slated|proposed|needed|based|related|limited|united|"
    r"advanced|called|elected|delayed|postponed|red|bed|need|speed|feed|seed)\b)\w{3,}ed\b",
    re.IGNORECASE,
)
# "... tight end who was charged with murder ... was found guilty Wednesday": the time belongs
# to a past clause between the verb-looking word and it
_PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
_DELAY = re.compile(r"\b(?:delay|postpone|push\s+back|put\s+off|reschedule)\w*\b", re.IGNORECASE)
_PREAMBLE_HEDGE = re.compile(
    r"\b(hop(?:e|es|ed|ing)|expect(?:s|ed|ing)?|plan(?:s|ning)?)\b|\b(?P<adj>(?:very\s+|highly\s+)?(?:un)?likely|probable|possible|certain|(?:almost\s+)?no\s+chance|little\s+chance)\s+that\b",
    re.IGNORECASE,
)
_OCCASIONS = {
    "meeting", "visit", "attend", "election", "election_result", "sports", "launch", "release",
    "take_office", "natural_event", "agreement", "announce", "",
}  # fmt: skip
_PROCESS_TYPES = {"court", "deal", "delay", "legislation", "business", "indicator", "policy"}
_SPECIFIC = {"date", "weekday", "week", "month", "relative_day", "event_anchor", "deadline"}
_FRONT_ITEM = (
    r"(?:In|On|At|During|From|Beginning|Starting|By|After|Before|Later|Next|This|Within|"
    r"Over|Under|Until|Across|Elsewhere\s+in|Also\s+on|Also\s+in)\b[^;:,]{1,60}(?:,\s*(?:19|20)\d\d)?"
)
# one fronted adverbial or a run of them ("In 20 days' time, on August 1, the law ...")
_FRONTED = re.compile(
    r"\s*("
    + _FRONT_ITEM
    + r"(?:,\s*(?i:on|in|by|from|at)\b[^;:,]{1,40}(?:,\s*(?:19|20)\d\d)?)*),\s*"
)
_CANCELLED_OR_DENIED = re.compile(
    r"\b(?:scrapp|abandon|shelv|dropp|cancel|ditch|postpon|withdr[ae]w|put\s+on\s+hold)\w*\s+"
    r"(?:(?:its|their|his|her|the|a)\s+)?(?:\w+\s+)?plans?\s*$|"
    r"\b(?:denied|denies|deny|dismissed|dismisses|rejected|rejects|refuted|played\s+down|downplayed)\s+"
    r"(?:(?:the|a|any|media|press|local)\s+)*(?:reports?|speculation|rumou?rs?|fears?|suggestions?|claims?|"
    r"concerns?|talk)\b[^.;]*$|"
    # "as concerns eased that the conflict would spread": an expectation dropped, not held
    r"\b(?:concerns?|fears?|worries|hopes?|expectations?|speculation|bets?)\s+(?:have\s+|had\s+)?"
    r"(?:eased|faded|receded|abated|waned|diminished|evaporated|dimmed|subsided|ebbed)\s+that\b[^.;]*$",
    re.IGNORECASE,
)
# "is leaving", "are holding": the progressive, a plan when a future time goes with it
PROGRESSIVE = re.compile(
    r"\b(?:is|are|am|'s|’s|'re|’re)\s+(?:also\s+|now\s+|still\s+)?"
    r"(?!(?:going|being|hoping|expecting|planning|aiming|trying|looking|seeking|considering|"
    r"weighing|mulling|working|struggling|facing|growing|rising|falling|falling|becoming|"
    r"getting|making\s+progress|waiting)\b)[a-z]{3,}ing\b",
    re.IGNORECASE,
)
_CANCEL_VERB = re.compile(
    r"\b(?:scrapp|abandon|shelv|dropp|cancel|ditch|postpon|withdr[ae]w)\w*\s+(?:(?:its|their|his|her|the)\s+)?$",
    re.IGNORECASE,
)
_OPEN_CLOSE = re.compile(
    r"(?:open|start|begin|run|kick\s+off)s?\b.*\band\s+(?:close|end|finish|conclude|wrap\s+up)s?\b",
    re.IGNORECASE,
)
_FUTURE_PASSIVE = re.compile(r"\b(?:be|been|being)\s+\w+", re.IGNORECASE)
_SPECIFICITY = {"date": 0, "relative_day": 0, "weekday": 1, "week": 2, "month": 2}
_STATEMENT_DATE = re.compile(
    r"\b(?<!be\s)(?<!been\s)(?<!being\s)(?<!to\s)"
    r"(?:said|says|announced|announces|told\s+\w+|reported|confirmed|stated|wrote|added|"
    r"unveiled|released|published|disclosed|revealed)\b"
    r"(?:(?!\b(?:will|would|to|plans?|expect\w*|set|schedul\w*|due|could|may|might)\b)[^.;,“”\"]){0,30}$",
    re.IGNORECASE,
)
_ODDS_ONLY_VERB = re.compile(r"there|puts?$|assigns?$|gives?$|pric")
_DAY_BASES = {"weekday", "date", "relative_day"}  # the days a statement is dated with
_WEAK_MODAL = re.compile(r"(?:would|might|may)$")
LEDE_SENTENCES = 3  # the headline, a standfirst and the lede: where the main occasion is dated
CARRY_SENTENCES = 3  # how far a claim's date carries to later claims that name no time
_FIRST_PERSON = re.compile(r"^(?:I|we)$", re.IGNORECASE)


@dataclass
class _Anchor:
    nouns: set[str]
    names: set[str]
    window: Window
    sentence: int


@dataclass
class _Context:
    reference: date
    settings: Settings
    book: actors_mod.NameBook = field(default_factory=actors_mod.NameBook)
    anchors: list[_Anchor] = field(default_factory=list)
    last_actors: list[str] = field(default_factory=list)
    last_speaker: str = ""
    last_claim_window: tuple[int, Window, str] | None = None
    main_occasion: Window | None = None  # the lede's dated claim: what the article is about
    claimed: list[tuple[int, Window]] = field(default_factory=list)  # (sentence, window) so far
    attribution_end: int = -1
    organisations: list[str] = field(default_factory=list)
    current_org: str = ""
    discourse: Discourse = field(default_factory=Discourse)
    last_np: str = ""  # the last claim subject that is a description of a thing ("the tournament")
    text: str = ""  # the article's text as split into sentences
    sentence_start: int = 0  # where the current sentence starts in ``text``
    _times: dict[str, list[TimeMatch]] = field(default_factory=dict)
    _hedges: dict[str, str] = field(default_factory=dict)

    def times(self, text: str) -> list[TimeMatch]:
        """find_times, once per distinct text of this article."""
        if text not in self._times:
            self._times[text] = find_times(text, self.reference)
        return self._times[text]

    def hedge(self, trigger_text: str) -> str:
        """hedge_of with the settings' table, once per distinct trigger of this article."""
        found = self._hedges.get(trigger_text)
        if found is None:
            found = self._hedges[trigger_text] = hedge_of(trigger_text, self.settings.hedges)
        return found


# a photo credit: "(Paul Sancya/AP)", "Photo: Getty Images", "(AP Photo/Evan Vucci)"
_PHOTO_CREDIT = re.compile(
    r"\((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*/\s*[A-Z][\w.' ’-]{1,40}\)\s*$|"
    r"\b(?:Photo(?:graph)?|Image|Picture)(?:\s+credit)?\s*:|\bGetty\s+Images\b|\bAP\s+Photo\b"
)


def _has_credit_hint(text: str) -> bool:
    """Substring tests, far cheaper than the credit pattern on every sentence."""
    return "/" in text or "Photo" in text or "Image" in text or "Picture" in text or "Getty" in text


_CLOSED = re.compile(r"[.!?][”\"’')\]]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)$")


def _is_headline_or_caption(text: str) -> bool:
    if " | " in text or text.isupper() or (_has_credit_hint(text) and _PHOTO_CREDIT.search(text)):
        return True
    words = text.split()
    if not _CLOSED.search(text) or _ELLIPSIS_END.search(text):
        # no closing punctuation: a headline, a byline, navigation, unless it reads like a
        # sentence cut short (a feed summary ending in "...": long, mostly lower case)
        capitalised = sum(1 for w in words if w[:1].isupper())
        return len(words) < 12 or capitalised > 0.5 * len(words)
    return len(words) < 4


def _strip_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with attribution spans blanked (positions kept for offsets)."""
    for a, b in spans:
        b = min(b, len(text))
        if a < 0:  # a negative start counts from the end, as list indices do: the slow way
            chars = list(text)
            for i in range(a, b):
                chars[i] = " "
            text = "".join(chars)
        elif a < b:
            text = f"{text[:a]}{' ' * (b - a)}{text[b:]}"
    return text


def _anchors_of(sentence: str, index: int, ctx: _Context) -> None:
    """Remember events whose date this sentence gives: "the November 2023 APEC meeting"."""
    if not _may_name_event(sentence) or not _EVENT_NOUN.search(sentence):
        return  # an anchor is an event noun with a date: no noun, no anchor (and no time search)
    for tm in ctx.times(sentence):
        if tm.is_past or tm.window.basis in ("vague", "default_horizon"):
            continue
        region = sentence[max(0, tm.start - 90) : min(len(sentence), tm.end + 60)]
        clause_start = max(sentence.rfind(",", 0, tm.start), sentence.rfind(";", 0, tm.start), 0)
        clause_end = min(
            [i for i in (sentence.find(",", tm.end), sentence.find(";", tm.end)) if i >= 0]
            or [len(sentence)]
        )
        if _PAST_CLAUSE.search(_FUTURE_PASSIVE.sub(" ", sentence[clause_start:clause_end])):
            continue  # "the vote was held on May 6" is past; "will be held on May 6" is not
        region = sentence[clause_start:clause_end]
        if re.match(r"[,;]?\s*(?:which|that|who)\b", region):
            prev_start = max(
                sentence.rfind(",", 0, clause_start), sentence.rfind(";", 0, clause_start), 0
            )
            region = sentence[prev_start:clause_end]
        elif not _EVENT_NOUN.search(region):
            region = sentence[max(0, tm.start - 90) : min(len(sentence), tm.end + 60)]
        nouns = {
            m.group("noun").lower()
            for m in _EVENT_NOUN.finditer(region)
            if not _NOT_AT_THAT_TIME.search(region, max(0, m.start() - 30), m.start())
        }
        if not nouns:
            continue
        names = {n for _, n in actors_mod.capitalised_runs(region)}
        ctx.anchors.append(_Anchor(nouns, names, tm.window, index))
    for m in re.finditer(
        r"\b(?P<n>\w+)-day\s+(?:state\s+|official\s+|working\s+)?(?P<noun>visit|trip|tour|summit|meeting|conference)\b",
        sentence,
        re.IGNORECASE,
    ):
        w = find_times("during the " + m.group(0), ctx.reference)
        if w and w[0].window.basis == "event_anchor":
            ctx.anchors.append(_Anchor({m.group("noun").lower()}, set(), w[0].window, index))


def _anchor_for(text: str, index: int, ctx: _Context) -> Window | None:
    """The window of an event this claim refers to ("at the summit", "during the visit")."""
    nouns = (
        {m.group("noun").lower() for m in _EVENT_NOUN.finditer(text)}
        if _may_name_event(text)
        else set()
    )
    names = {n for _, n in actors_mod.capitalised_runs(text)}
    best: _Anchor | None = None
    for anchor in ctx.anchors:
        if anchor.sentence > index:
            continue
        if (
            nouns & anchor.nouns
            and (
                not names
                or names & anchor.names
                or "sidelines" in nouns
                or re.search(
                    r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:" + "|".join(anchor.nouns) + r")",
                    text,
                    re.IGNORECASE,
                )
            )
        ) or (names & anchor.names and nouns):
            best = anchor
    if best is None and ("sidelines" in nouns or re.search(r"\b(?:there|then|that\s+day)\b", text)):
        earlier = [a for a in ctx.anchors if index - 1 <= a.sentence <= index]
        best = earlier[-1] if earlier else None
    if best is None:
        return None
    return Window(best.window.earliest, best.window.latest, "event_anchor")


_PARENTHESIS = re.compile(r"\([^()]*\)")


def _subject(body: str, trigger: Trigger, floor: int) -> tuple[int, str]:
    """Where the subject of a trigger starts, and its text: after the last clause boundary."""
    head = body[floor : trigger.start]
    start = floor
    # a closed parenthesis is an aside: "Yelp Inc (NYSE:YELP) are among those scheduled" has no
    # clause boundary inside it (blanked, so that offsets still hold)
    masked = _PARENTHESIS.sub(lambda p: " " * len(p.group(0)), head) if "(" in head else head
    for m in _SUBJ_START.finditer(masked):
        if m.end() < len(head) or m.group(0).strip():
            start = floor + m.end()
    subject = _TRAILING_ADVERB.sub("", body[start : trigger.start].strip(' ,“”"‘’'))
    if _PARTICIPIAL.match(subject):
        # "An OPEC+ committee, comprising Saudi Arabia and Russia, is scheduled to meet":
        # the participial phrase is an aside; the subject is the noun phrase before it
        before = re.search(r"([^,;:]{2,100}),\s*$", body[floor:start])
        if before:
            head = _strip_opener(before.group(1).strip())
            return floor + before.start(1), head
    if subject.lower() in ("and", "but", "") and re.search(
        r"\S\s*,?\s*(?:and|but)\s*$", body[floor : trigger.start]
    ):
        # "Apple has cut prices in China, and is expected to launch ...": the clause's subject
        lead = _CLAUSE_SUBJECT.match(body, floor)
        if lead and lead.group(1).strip():
            return floor + lead.start(1), lead.group(1).strip()
    if not subject:
        # "The host, the United Arab Emirates, hopes to ...": the subject and its apposition
        head_text = body[floor : trigger.start]
        relative = re.search(r"([^,;]{2,80}),\s*(?:which|who)\b[^;]*,\s*$", head_text)
        appos = re.search(r"([^,;]{2,60}),\s*([^,;]{2,80}),\s*$", head_text)
        if relative:
            # "The Euclid telescope, which will map galaxies, is set to launch": the head noun
            subject = _strip_opener(relative.group(1))
            start = floor + relative.start(1)
        elif appos:
            first, second = _strip_opener(appos.group(1)), appos.group(2)
            subject = (
                second if re.search(r"[A-Z]", second) and not _PARTICIPIAL.match(second) else first
            )
            start = floor + appos.start(1)
    elif re.search(r"\s(?:and|or)$", subject) and len(subject.split()) > 4:
        # "The court agreed on Wednesday to hear the case and will hear arguments in April":
        # a second verb phrase of the same subject, the noun phrase that opens the clause
        lead = re.match(r"((?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.'’-]*\s*)+)", subject)
        if lead and lead.group(1).strip() in ("The", "A", "An"):
            # "The rainy season began in April and will last": not the article alone
            lead = _CLAUSE_SUBJECT.match(subject)
        if lead and lead.group(1).strip():
            subject = lead.group(1).strip()
    if (
        ("and " in subject or "or " in subject or "& " in subject)
        and re.search(r"\b(?:and|or|&)\s", subject)
        and re.match(r"(?:and\s+|or\s+)?[A-Z]", subject)
    ):
        listed = _NAME_LIST.fullmatch(body, floor, start)
        if listed:
            # "Germany, France and Italy will ...": the clause opens on a list of names, all of
            # them the subject, not only the last two
            start = floor + len(body[floor:start]) - len(body[floor:start].lstrip())
            subject = _TRAILING_ADVERB.sub("", body[start : trigger.start].strip(' ,“”"‘’'))
            return start, subject  # a list of names may be long; all of it is who
    words = subject.split()
    if len(words) > 14:
        subject = " ".join(words[-14:])
    return start, subject


_LIST_ITEM = r"(?:[A-Z][\w.&'’-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w.&'’-]*)*(?:\s*\([^()]*\))?)"
_NAME_LIST = re.compile(r"\s*(?:The\s+)?" + _LIST_ITEM + r"(?:\s*,\s*" + _LIST_ITEM + r")*\s*,\s*")


_PARTICIPIAL = re.compile(
    r"(?:comprising|including|led\s+by|headed\s+by|based\s+in|made\s+up\s+of|known\s+as|named|"
    r"dubbed|styled|chaired\s+by|backed\s+by|owned\s+by|such\s+as|like|among\s+them|"
    r"(?:scheduled|set|slated|due|expected|planned)\s+(?:to|for))\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(r",\s*(?:" + _PARTICIPIAL.pattern + r")[^,]*,\s*$", re.IGNORECASE)
_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:also|now|still|already|reportedly|currently|however|meanwhile|too|again|then|"
    r"soon|separately|previously|initially|ultimately|eventually|finally|themselves|itself|"
    r"himself|herself|has|have))+$",  # "The government has pledged to": "has" is the verb's
    re.IGNORECASE,
)
# The subject that opens a clause: a name or a determiner phrase, before its first verb.
_CLAUSE_SUBJECT = re.compile(
    r"\s*(?:(?:But|And|Meanwhile|However),?\s+)?((?:(?:the|a|an|its|their)\s+)?(?!(?:The|A|An|Its|Their)\s+[a-z])(?:[A-Z][\w.&'’-]*\s*)+"
    r"|(?i:the|its|their|a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=\s+(?:has|have|had|is|are|was|were|\w+ed|"
    r"began|held|met|took|came|went|made|won|lost|left|said|told|gave|got|spent|found|sent|sold|"
    r"bought|built|fell|rose|led|ran|paid|grew|became|broke|\w+s)\b))"
)


_OPENER = re.compile(r"^\s*(?:while|and|but|whereas|as|so|although|though)\s+", re.IGNORECASE)


_NOBODY = re.compile(r"(?i)(?:nobody|no\s+one|few)\b")
_RELATIVE_OPENER = re.compile(r"^(?:that|which|who)\s+", re.IGNORECASE)
_NAMING_OPENER = re.compile(r"^(?:named|called|dubbed|known\s+as|codenamed)\s+(?=[A-Z])")
_PERSONAL_PRONOUN = re.compile(r"(?i)(?:he|she|i|we|you|they)\b")


def _strip_opener(text: str) -> str:
    return _OPENER.sub("", text).strip()


def _predicate(body: str, start: int, stop: int, *, comma: bool = False) -> str:
    segment = body[start:stop]
    m = _PRED_END.search(segment)
    if m:
        segment = segment[: m.start()]
    if comma:
        segment = segment.split(",")[0]
    segment = segment.strip(' ,“”"‘’')
    return re.sub(r"(?:,?\s+(?:and|or|but))+$", "", segment).strip(' ,“”"‘’')


def _antecedent(body: str, subject_start: int) -> str:
    """The noun phrase a 'which' clause hangs on: "the November 2023 APEC meeting in San Francisco"."""
    before = body[:subject_start]
    m = re.search(
        r"(?:\b(?:to|for|at|on|attend|of)\s+)?((?:the|a|an|this|next|its)\s+[^,;:“”\"]{3,80}?),?\s*(?:and\s+)?which\s*$",
        before,
    )
    return m.group(1) if m else ""


def _weak(t: TimeMatch) -> bool:
    """A bare year inside a name ("Euro 2024") or an extension ("into 2025") names no due date."""
    return bool(
        re.fullmatch(
            r"(?:(?:the|into|through|until|from|since)\s+)?(?:19|20)\d\d", t.text, re.IGNORECASE
        )
    )


def _choose_time(times: list[TimeMatch], lo: int, hi: int) -> TimeMatch | None:
    inside = [t for t in times if t.start >= lo and t.end <= hi]
    # the most specific time first ("this summer, including on Sunday June 16": the day)
    future = sorted(
        (t for t in inside if not t.is_past),
        key=lambda t: (_weak(t), _SPECIFICITY.get(t.window.basis, 3), t.start),
    )
    return future[0] if future else (inside[0] if inside else None)


def _speaker_name(who: str, ctx: _Context) -> str:
    if not who:
        return ""
    if is_pronoun(who):
        return ctx.last_speaker or (ctx.last_actors[0] if ctx.last_actors else who)
    runs = actors_mod.capitalised_runs(who)
    if runs and len(runs) == 1 and runs[0][1] == who.strip().split("'")[0]:
        return ctx.book.add(actors_mod.strip_title(runs[0][1]))
    generic = _GENERIC_SPEAKER.match(who.strip())
    if generic and (ctx.organisations or ctx.current_org):
        # "the company said": the organisation named last (the current sentence's subject first)
        plural = generic.group(1).lower().endswith("s")
        known = [o for o in ctx.organisations if o != ctx.current_org]
        if ctx.current_org:
            known.append(ctx.current_org)
        return " and ".join(known[-2:] if plural else known[-1:])
    lead = re.match(r"^(?:[a-z][\w-]*\s+){1,3}((?:[A-Z][\w.&'’-]*\s*)+)$", who.strip())
    if lead and lead.group(1).strip().lower() not in actors_mod.TITLE_WORDS:
        return ctx.book.add(lead.group(1).strip())  # "developer SSE", "chip designer Arm"
    # "Foreign Ministry spokesman Wang Wenbin": the trailing person's name
    if runs and not any(w.lower() in actors_mod.ORG_WORDS for w in runs[-1][1].split()):
        stripped = actors_mod.strip_title(runs[-1][1])
        if stripped != runs[-1][1] or (
            who.strip().endswith(runs[-1][1]) and len(runs[-1][1].split()) >= 2 and who[0].isupper()
        ):
            return ctx.book.add(stripped)
    # "the spokesperson said", "according to its CEO": the person the article gave that title
    role = re.sub(r"(?i)^(?:its|their|his|her)\s+", "the ", who.strip())
    named = ctx.discourse.resolve(role, ctx.book.persons, [])
    if named and named[0] in ctx.book.persons:
        return named[0]
    return who


def _event_phrase(
    actor_names: list[str], predicate: str, times: list[str], subject: str = ""
) -> str:
    text = predicate
    for t in times:
        if t not in text:
            continue  # the pattern needs the time's own text: nothing to remove
        text = re.sub(
            r"(?:\b(?:in|on|by|at|during|over|within|before|until|this|next)\s+)?" + re.escape(t),
            " ",
            text,
        )
    if (re.match(r"(?:for|on|by|in|at)\b", text.strip()) or not text.strip()) and subject:
        text = subject  # "the flight is scheduled for November": the event is the subject
    inner = light_object(text)
    if inner is not None:
        m = re.match(r"(?:a|an|the)?\s*(.+?)\s+by\s+(.+)$", inner)
        if m:
            names = [actors_mod.strip_title(n) for _, n in actors_mod.capitalised_runs(m.group(2))]
            if names:
                return shorten(f"{' and '.join(names)} {m.group(1)}")
        text = inner
    text = re.sub(r"^(?:a|an|the)\s+", "", text.strip())
    text = re.sub(r"\s+", " ", text)
    lead = " and ".join(actor_names[:2])
    if lead and not text.startswith(lead):
        return shorten(f"{lead} {text}", 12)
    return shorten(text, 12)


def _opens_with_verb(predicate: str) -> bool:
    """ "end with a bang" opens with its verb; "a rate hike in May", "roughly two cuts" name
    the occasion itself (the simple present leaves those unchanged)."""
    text = predicate.strip()
    return bool(text) and statement_mod.present(text).split()[:1] != text.split()[:1]


# Procedure sentences (LABELLING.md, not claims): what an event already claimed consists of.
_COMPOSITION = re.compile(
    r"(?i)(?:also\s+)?(?:involve|include|consist\s+of|comprise|be\s+(?:made\s+up\s+of|part\s+of|"
    r"composed\s+of))\b"
)
_EVENT_DESCRIPTION = re.compile(
    r"(?i)(?:the|this|these|its)\s+(?:[\w-]+\s+){0,3}?(?:exercise|exercises|drills?|manoeuvres|"
    r"maneuvers|programme|program|campaign|event|plan|project|scheme|operation|mission|force|"
    r"festival|tour|trip|visit|summit|meeting|conference|talks|agenda|package|deal|process)$"
)
_COMPOSITION_OBJECT = re.compile(r"(?i)\bbe\s+part\s+of\s+the\b")
_WAIT_AND_SEE = re.compile(
    r"(?i)(?:have\s+to|just\s+have\s+to|need\s+to)?\s*(?:wait\s+and\s+)?see\s*[,.]?\s*$"
)
_WATCHERS = re.compile(
    r"(?i)(?:analysts|investors|traders|markets|economists|observers|market\s+participants|"
    r"everyone|all\s+eyes)$"
)
_WATCHING = re.compile(
    r"(?i)(?:be\s+)?(?:watching|watch|be\s+on\s+guard|look(?:ing)?\s+(?:for|to|out)|keep(?:ing)?\s+an\s+eye|"
    r"focus(?:ing)?\s+on|monitor(?:ing)?|be\s+(?:paying\s+)?(?:close\s+)?attention|scrutini[sz]e)\b"
)
# "for April takes place", "despite widespread support for the Conservatives' reverses": a
# prepositional phrase is no subject
_PREPOSITION_PHRASE = re.compile(r"(?i)(?:for|from|with|despite|amid|of)\b")
_CLOCK_TIME = re.compile(
    r"\b(?:at|after|before|around|from|by|until)\s+(?:about\s+)?(?:\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?|"
    r"\d{1,2}\s*[ap]\.?m\.?|[012]\d{3}\s+(?:GMT|UTC|BST|ET|EDT|EST|CET))",
    re.IGNORECASE,
)
_TO_INFINITIVE = re.compile(r"(?i)[\s—–-]*to\s+(?:be|have)\b")
_LIVE_BLOG_SUBJECT = re.compile(r"(?i)you|we|i")
_LIVE_BLOG_VERB = re.compile(
    r"(?i)(?:follow|post|bring\s+you|update|keep\s+(?:you|this)|be\s+(?:back|updating|bringing|"
    r"following|posting|covering)|cover|have\s+(?:more|the\s+latest|live|full)|return\s+to\s+this|"
    r"read|find|watch|listen|look\s+at|take\s+a\s+look|hear\s+from)\b"
)
# A list heading or bullet without a finite verb: "A comprehensive plan to remove the barriers
# to work." It names an item of an agenda, not a claim of its own.
_LIST_HEADING = re.compile(
    r"^(?:[•*-]\s*)?(?:(?:[Pp]lans?|[Pp]roposals?|[Pp]ledges?|[Mm]easures?|[Mm]oves?|[Bb]id|[Pp]ush|"
    r"[Ss]teps?|[Cc]ommitments?)|(?:A|An|New|a|an|new)\s+(?:[\w-]+\s+){0,2}?(?:plan|proposal|"
    r"pledge|measure|move|bid|push|drive|step|commitment))\s+to\s+[a-z]"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|could|can|may|might|shall|should|must|has|have|had|"
    r"said|says|announced|unveiled|confirmed|set\s+out|laid\s+out)\b",
    re.IGNORECASE,
)


# "it will be necessary/possible/hard to ...": the expletive "it" before an adjective of
# judgement; the sentence rates an action, it forecasts nothing about "it"
_EXPLETIVE_PREDICATE = re.compile(
    r"(?i)be\s+(?:\w+ly\s+|very\s+|more\s+|less\s+|so\s+)?(?:necessary|possible|impossible|"
    r"difficult|hard|easy|easier|harder|important|crucial|vital|essential|interesting|"
    r"worth|tough|critical|key|wise|fair|safe|useful|helpful|enough)\s+(?:to|that|for|whether)\b"
)
# the generic reader as subject: "you will see", "you'll notice", "you're going to find"
_GENERIC_YOU_VERB = re.compile(
    r"(?i)(?:see|notice|find|hear|feel|learn|know|get\s+to|want|need|have\s+to)\b"
)


# "be" with an adjective or a noun phrase, not a passive ("be held", "be built")
_CHARACTERISATION = re.compile(
    r"(?i)be\s+(?!(?:\w+ly\s+)?(?:\w+(?:ed|en|wn)|held|built|made|done|shut|set|put|paid|sold|"
    r"sent|run|won|lost|cut|hit|met|kept|left|brought|bought|taught|told|found|given|taken|"
    r"able|back|over|out|up|in|on|at)\b)"
)
_NOT_AT_THAT_TIME = re.compile(
    r"(?i)\b(?:in\s+advance\s+of|ahead\s+of|before|after|following|prior\s+to|since)\s+"
    r"(?:(?:the|a|an|his|her|its|their|this|next|[\w'’-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}$"
)
_BEFORE_BARE_BE = re.compile(
    r"(?i)(?:\b(?:will|would|could|can|may|might|must|should|shall|to|not|never|also)|['’]ll)\s+$"
)


# Not claims (LABELLING.md rule 3 and 5): the article's attention, its readers' instructions,
# a status still open, and the procedure of an occasion already claimed.
# "All eyes will be on user growth", "interest will turn to the first stage": where attention
# goes, no event
_ATTENTION = re.compile(r"(?i)(?:all\s+)?(?:eyes|attention|interest|focus|spotlight)$")
_ATTENTION_MOVE = re.compile(r"(?i)(?:be\s+on|turn|shift|switch|move|fall|be\s+focused)\b")
# the generic audience: "reporters must contact ...", "those hoping to spot it should ..."
_AUDIENCE = re.compile(
    r"(?i)(?:those|anyone|everyone|visitors|guests|attendees|readers|viewers|listeners|reporters|"
    r"journalists|media(?:\s+representatives)?|fans|spectators|passengers|customers|shoppers|"
    r"the\s+public|people|participants|applicants|residents|motorists|drivers|travell?ers)$"
)
_INSTRUCTION_MODAL = re.compile(r"(?i)(?:should|must|can|could|may|need\s+to|have\s+to)\b")
# "passes may be purchased by contacting ...", "tickets can be booked online": a permission
_PERMISSION = re.compile(
    r"(?i)be\s+(?:purchased|bought|booked|ordered|reserved|obtained|accessed|viewed|watched|"
    r"downloaded|found|picked\s+up|collected|redeemed)\b"
)
# "The exact date of the visit hasn't been set yet": a status, nothing forecast
_STILL_OPEN = re.compile(r"(?i)\b(?:has|have|had)(?:n['’]t|\s+not)$")
# "the ceremony will take place at the amphitheater", "the event will be broadcast live": how
# an occasion already claimed runs (a repeat of its date is no new claim either, rule 2)
_OCCASION_SUBJECT = re.compile(
    r"(?i)(?:the|this|these|its|their)\s+(?:[\w-]+\s+){0,3}?(?:event|ceremony|trip|visit|tour|"
    r"talks|meeting|summit|conference|session|gathering|celebration|festival|launch|hearing|"
    r"service|parade|rally|show|concert|match|game|race|opening|gala|reception|dinner|"
    r"exhibition|auction|screening)(?:\s+(?:for|of)\s+.*)?$"
)
_PROCEDURE = re.compile(
    r"(?i)(?:take\s+place|happen|occur|be\s+(?:held|hosted|staged|broadcast|streamed|televised|"
    r"webcast|aired|carried|shown|located|open|free|the\s+first|the\s+last|in|at|on)|feature|"
    r"include|consist)\b"
)


# "will want to see", "would like to send", "would love to": a desire (LABELLING.md rule 3)
_DESIRE = re.compile(r"(?i)(?:want|wish|like|love|prefer)\s+(?:to|[\w'’-]+\s+to)\b")


def _ends_with_you(subject: str) -> bool:
    low = subject.lower()
    return low == "you" or low.endswith(" you")


def _is_list_heading(text: str) -> bool:
    return bool(_LIST_HEADING.match(text)) and not _FINITE.search(text)


def _make_claim(
    sent: Sentence,
    index: int,
    ctx: _Context,
    subject: str,
    trigger_text: str,
    predicate: str,
    hedge_override: str | None,
    times: list[TimeMatch],
    span: tuple[int, int],
    preamble: tuple[int, int],
    speaker: str,
    object_hint: str = "",
    own: tuple[int, int] | None = None,
    kind_of_trigger: str = "",
) -> ExtractedClaim | None:
    bare_subject = _strip_opener(subject.strip(' ,“”"‘’'))
    if _COMPOSITION.match(predicate) and (
        _EVENT_DESCRIPTION.match(bare_subject) or _COMPOSITION_OBJECT.search(predicate)
    ):
        return None  # "the exercise would involve 20,000 troops": what a claimed event holds
    if _WAIT_AND_SEE.match(predicate):
        return None  # "we'll have to see", "remains to be seen": an open question, no claim
    if _WATCHERS.match(bare_subject) and _WATCHING.match(predicate):
        return None  # "analysts will be watching closely": the market's attention, no event
    if _LIVE_BLOG_SUBJECT.fullmatch(
        _strip_opener(subject.strip(' ,“”"‘’'))
    ) and _LIVE_BLOG_VERB.match(predicate):
        return None  # "You can follow all the updates", "We'll post new laws": the page's voice
    if bare_subject.lower() == "it" and _EXPLETIVE_PREDICATE.match(predicate):
        return None  # "it will be necessary to carry out ...": a judgement, "it" is no actor
    if _ends_with_you(bare_subject) and _GENERIC_YOU_VERB.match(predicate):
        return None  # "you will see what it's like": the generic reader, no one's plan
    if _ATTENTION.fullmatch(bare_subject) and _ATTENTION_MOVE.match(predicate):
        return None  # "all eyes will be on user growth": where attention goes, no event
    if _AUDIENCE.fullmatch(bare_subject) and (
        bare_subject.lower() == "those" or _INSTRUCTION_MODAL.match(trigger_text)
    ):
        return None  # "reporters must contact ...": an instruction to the reader, no forecast
    if _PERMISSION.match(predicate) and re.match(r"(?i)(?:can|may)\b", trigger_text):
        return None  # "VIP passes may be purchased by contacting ...": a permission
    if _STILL_OPEN.search(bare_subject):
        return None  # "the date hasn't been set yet": a status, nothing forecast
    if _DESIRE.match(predicate):
        return None  # "investors will want to see ...", "we would like to thank": a desire
    if re.fullmatch(r"(?i)be", predicate.strip()):
        return None  # "Participants will be:": a list follows, no event of its own
    hedges = ctx.settings.hedges
    hedge = hedge_override or ctx.hedge(trigger_text)
    negative = is_negated(trigger_text) or bool(re.match(r"(?:not|never)\b", predicate))
    if re.search(r"\bno\s+plans?\b", trigger_text, re.IGNORECASE):
        negative = True
    time = (
        (_choose_time(times, *own) if own else None)
        or _choose_time(times, *span)
        or _choose_time(times, *preamble)
    )
    if time is not None and time.is_past:
        if _PAST_TRIGGER.match(trigger_text) or not re.search(
            r"\b(?:will|could|may|might|to)\b", trigger_text
        ):
            return None  # "promised it would finish the bridge by 2023", said in 2024: overdue
        time = None  # a past time in an attached clause ("..., as their talks last year")
    if (
        _OCCASION_SUBJECT.fullmatch(bare_subject)
        and _PROCEDURE.match(predicate)
        and any(
            at < index
            and (
                time is None or (w.earliest, w.latest) == (time.window.earliest, time.window.latest)
            )
            for at, w in ctx.claimed
        )
    ):
        return None  # "the ceremony will take place at the hall": an occasion claimed before
    # who: names in the subject (or the object of "expect X to"), else carried over
    names = actors_mod.find_actors(object_hint or subject, ctx.book)
    if (
        len(names) >= 2
        and names[1] in ctx.book.persons
        and re.search(re.escape(names[0]) + r"[’']s\s", object_hint or subject)
    ):
        # "Iran's Foreign Minister Mohammad Javad Zarif will visit": the minister, not Iran
        names = [names[1], names[0], *names[2:]]
    named_here = bool(names)
    if not names and _GENERIC_SPEAKER.match(subject.strip()) and ctx.organisations:
        names = ctx.organisations[-1:]  # "The planemaker is not expected to ...": Boeing
    if (
        not names
        and speaker
        and preamble[0] == ctx.attribution_end
        and re.match(r"(?:he|she|it|they)$", subject.strip(), re.IGNORECASE)
    ):
        names = [speaker]  # "China has said it will not take part": "it" is the speaker
    if not names:
        # "the chancellor", "the two ministers", "she": who the article named before
        orgs = ctx.organisations
        at = sent.text.find(subject.strip()) if subject.strip() else -1
        if at > 0:
            # "Materials maker Techmer PM's executives say the company will ...": the last
            # organisation named earlier in the sentence
            opening = sent.text.lstrip()
            before = [
                n
                for n in actors_mod.find_actors(sent.text[:at], ctx.book)
                if n not in ctx.book.persons
                and not (len(n.split()) == 1 and opening.startswith(n))  # "Even if ...": no name
            ]
            if before:
                orgs = [*orgs, before[-1]]
        # "where he", "later they": the opening adverbial is no part of who
        bare = _OPENING_ADVERBIAL.sub("", subject.strip()) or subject
        names = ctx.discourse.resolve(object_hint or bare, ctx.book.persons, orgs)
    if not names and (actors_mod.is_anaphoric(subject) or not subject.strip()):
        names = list(ctx.last_actors)
    if not names and _FIRST_PERSON.match(subject.strip()) and speaker:
        names = [speaker]
    if not names and re.fullmatch(r"(?i)they", subject.strip()) and ctx.organisations:
        names = ctx.organisations[-1:]  # "OPEC members meet Monday. They are expected to ..."
    pred_names = actors_mod.find_actors(predicate, ctx.book)
    inner = light_object(predicate)
    if inner is not None:
        inner_names = actors_mod.find_actors(inner, ctx.book)
        people = [n for n in inner_names if not _is_place_in(n, inner)]
        if people:
            names = people
    location = _location(predicate, ctx)
    all_names = names + [n for n in pred_names if n not in names and n != location]
    if names:
        ctx.last_actors = names
    judged = inner if inner is not None else predicate
    if (
        re.match(r"(?:for|on|by|in|at)\b", judged)
        or kind_of_trigger == "bare"
        or re.match(
            r"(?:happen|take\s+place|occur|come|go\s+ahead|be\s+completed|arrive)\b", judged
        )
    ):
        judged = f"{subject} {judged}"  # "the election is scheduled for Feb. 25": the subject is the event
    if (
        trigger_text.lower().startswith(("potential", "opportunity", "prospect"))
        and not object_hint
    ):
        judged = " ".join(
            predicate.split()[:4]
        )  # "the prospect of progress": the head noun decides
    kind = event_type(judged)
    verifiable = not is_vague(judged, kind)
    if time is not None:
        window = time.window
        expression = time.text
    else:
        # "the election is expected to centre on the economy": the subject names the occasion
        anchored = _anchor_for(f"{predicate} {object_hint} {subject}", index, ctx)
        if anchored is None and ctx.last_claim_window and not _DELAY.search(predicate):
            # what happens at an occasion just announced ("the leaders are expected to sign a
            # framework", after "will meet at Camp David on Aug. 18") shares its date; so does
            # a claim a few sentences on that names no time of its own (the article's dated
            # occasion, LABELLING.md: "a date stated elsewhere in the article counts")
            last_index, last, last_kind = ctx.last_claim_window
            near = (
                index - last_index <= 1
                and last_kind in _OCCASIONS
                and kind not in _PROCESS_TYPES
                and verifiable
            )
            related = kind == last_kind or kind not in _PROCESS_TYPES
            if last.basis in _SPECIFIC and (
                near or (related and index - last_index <= CARRY_SENTENCES)
            ):
                anchored = Window(last.earliest, last.latest, "event_anchor")
        if anchored is None and _CLOCK_TIME.search(predicate):
            # "the meeting is expected to start after 0820 GMT", "the budget will begin
            # around 12.30pm": a clock time and no date is today's schedule
            anchored = Window(ctx.reference, ctx.reference, "relative_day")
        if (
            anchored is None
            and ctx.main_occasion is not None
            and not _DELAY.search(predicate)
            and kind not in _PROCESS_TYPES
            and not (_WEAK_MODAL.match(hedge) and not speaker)
            and not (
                re.fullmatch(r"(?i)it|this|that", bare_subject)
                and _CHARACTERISATION.match(predicate)
            )
        ):
            # no time anywhere near: the occasion the article opens on (its lede's dated
            # claim) is the one it is about ("Twitter reports on Thursday ... analysts predict
            # it will lose 4 million users"; LABELLING.md: a date elsewhere in the article counts)
            main = ctx.main_occasion
            anchored = Window(main.earliest, main.latest, "event_anchor")
        window = anchored or default_window(
            ctx.reference, ctx.settings.extraction.default_horizon_days
        )
        expression = ""
    if not kind and time is None:
        verifiable = False  # no checkable event and no date: nothing to hold the claim to
    if (
        time is not None
        and ctx.main_occasion is None
        and index < LEDE_SENTENCES
        and window.basis in _SPECIFIC
        and window.basis != "event_anchor"
    ):
        ctx.main_occasion = window
    if window.basis in _SPECIFIC:
        ctx.last_claim_window = (index, window, kind)
        named = f"{predicate} {object_hint} {subject}"
        low = named.lower()
        maybe_before = "advance" in low or "ahead" in low or "before" in low or "after" in low
        maybe_before = maybe_before or "following" in low or "prior" in low or "since" in low
        nouns = {
            m.group("noun").lower()
            for m in (_EVENT_NOUN.finditer(named) if _may_name_event(named) else ())
            # "will arrive Feb. 12, in advance of his summit": the summit is not on Feb. 12
            if not (
                maybe_before and _NOT_AT_THAT_TIME.search(named, max(0, m.start() - 30), m.start())
            )
        }
        if nouns and window.basis != "event_anchor":
            ctx.anchors.append(
                _Anchor(nouns, set(all_names) | ({location} if location else set()), window, index)
            )
    shown = subject
    if names and (actors_mod.is_anaphoric(subject) or _FIRST_PERSON.match(subject.strip())):
        shown = " and ".join(names[:2])  # "it will not take part" -> "China will not take part"
    claim_text = re.sub(r"\s+", " ", f"{shown} {trigger_text} {predicate}").strip(' ,“”"')
    p = probability(hedge, hedges)
    odds = stated_odds(f"{trigger_text} {object_hint} {predicate}")
    if odds is not None:
        p = odds  # "traders see a 70% probability of a hike": the market's own number
    if (
        not named_here
        and speaker
        and preamble[0] == ctx.attribution_end
        and _POSSESSIVE.match(subject.strip())
        and not object_hint
    ):
        names = [speaker]  # "Alaska Airlines said its flights would begin": the speaker's
    who = _statement_subject(object_hint or subject, names, named_here, ctx)
    said = _statement_predicate(
        predicate,
        kind_of_trigger,
        present_tense=not trigger_text,
        person=(bool(names) and names[0] in ctx.book.persons)
        or bool(
            re.match(
                r"(?i)(?:he|she|the\s+(?:president|minister|king|queen|pope))$", subject.strip()
            )
        ),
    )
    if (
        (not re.search(r"\w", who) or _PREPOSITION_PHRASE.match(who)) and _opens_with_verb(said)
    ) or _TO_INFINITIVE.match(who):
        # "Takes place at 9:45 a.m.", "To be conducted by ...": no subject a reader could name
        return None
    dated = window.basis not in ("default_horizon", "vague")
    owner = _OWNER_END.search(who)
    if owner:
        who = owner["name"]  # "asked about GM's plan to produce a car": GM produces it
    if (
        _CUT_SUBJECT.search(who) and not statement_mod.PLAN_FRAME_END.search(who)
    ) or _SUBORDINATE_SUBJECT.match(who):
        # "Copa del Rey final against", "the", "... and the", "once all permits are issued":
        # the span was cut inside a phrase, so no subject can be built from it; the sentence
        # itself, cleaned and dated, still says who does what
        statement = statement_mod.from_sentence(
            sent.text, expression=expression, window=window, reference=ctx.reference, dated=dated
        )
    else:
        statement = statement_mod.build(
            who,
            said,
            negative=negative,
            plural=_plural(who),
            expression=expression,
            window=window,
            reference=ctx.reference,
            dated=dated,
            present_tense=not trigger_text,
            sentence=sent.text,
        )
    ctx.claimed.append((index, window))
    if _NAMELESS.match(statement):
        # "He spent ...", "I meet up with these guys": no one a reader could name, so no
        # defined test (LABELLING.md: outcomes with no defined test are not verifiable)
        verifiable = False
    return ExtractedClaim(
        sentence=sent.text,
        claim=claim_text,
        actors=all_names,
        event=_event_phrase(names, predicate, [t.text for t in times], subject),
        event_type=kind,
        location=location,
        hedge=hedge,
        probability=p,
        polarity="negative" if negative else "positive",
        speaker=speaker or ARTICLE,
        time_expression=expression,
        due_earliest=window.earliest,
        due_latest=window.latest,
        due_basis=window.basis,
        verifiable=verifiable,
        statement=statement,
    )


# a subject that ends on a word that needs more after it: an article, a preposition, a
# conjunction, a possessive determiner, an auxiliary
_CUT_SUBJECT = re.compile(
    r"(?i)(?:^|\s)(?:the|a|an|against|of|for|to|with|from|by|at|in|on|into|and|or|but|its|their|"
    r"his|her|our|will|would|could|can|is|are|was|were)$"
)
_OWNER_END = re.compile(r"(?:^|\s)(?P<name>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)[’']s$")
_SUBORDINATE_SUBJECT = re.compile(
    r"(?i)^(?:(?:in|on|by)\s+[^,]{0,30}?\s+)?(?:once|whenever|unless|because|although|though|"
    r"whereas|as\s+soon\s+as)\s+\S"
)


# a statement whose subject is a pronoun the article never let us resolve
_NAMELESS = re.compile(
    r"(?i)^(?:[a-z]+ly\s+|very\s+soon\s+|soon\s+)?(?:he|she|it|they|we|i|you|his|her|its|their|"
    r"our|my|the\s+(?:two|three|four|pair)\s+[a-z]+s?\b|one\s+(?!or\b|of\b)[a-z]+s\b|"
    r"(?:this|that|these|those|more)\s+(?:is|are|was|will|would|could|means|takes|comes)\b)\b"
)
_PREPOSITION = re.compile(
    r"(?:for|on|by|in|at|until|before|after|during|next|this|later|early|late)\b", re.IGNORECASE
)


def _statement_subject(subject: str, names: list[str], named_here: bool, ctx: _Context) -> str:
    """Who the statement is about: the subject as written, or the names a pronoun, a
    description ("the chancellor", "the company") or "I" stands for; "it" is the occasion
    the previous claim was about ("The tournament starts ... It will end ...")."""
    text = _strip_opener(subject.strip(' ,“”"‘’'))
    clause = _CLAUSE_BEFORE_SUBJECT.match(text) if " " in text.strip() else None
    if clause:
        # "Musk said that he hopes the lower cost", "the union had not received any offer
        # and the union": a whole clause before the claim's own subject, which is its end
        text = clause["np"]
        names = [n for n in names if n in text]
    text = _RELATIVE_OPENER.sub("", text)
    # "The manoeuvres, named Shoorveer, will begin": the appositive's name is who
    text = _NAMING_OPENER.sub("", text)
    # "another forecast it", "I believe the character": a reporting frame left in the subject
    # "On the data front, the ADP report", "Later the two diplomats": the opening adverbial
    # is no part of who
    text = _OPENING_ADVERBIAL.sub("", text) or text
    unframed = _REPORTING_FRAME.sub("", text)
    if unframed and not _PERSONAL_PRONOUN.match(unframed):
        text = unframed  # "Musk said that he hopes" keeps its name
    if len(text.split()) > 3 and _MODAL_CLAUSE.search(text):
        # "You can follow all the updates from the budget, which will begin ...": a whole
        # clause before a relative pronoun; the claim is about its last noun phrase
        last = _LAST_NP.search(text)
        if last:
            text = last.group(0)
            names = [n for n in names if n in text]  # "You can follow ...": not "You"
    owner = _POSSESSIVE.match(text)
    if owner:
        # "Its flights", "his company": whose, as a reader resolves the determiner (never a
        # name inside the phrase itself: "its flights to Everett")
        whose = _possessor(owner.group(1).lower(), [n for n in names if n not in text], ctx)
        if whose:
            return f"{whose}’s {text[owner.end() :]}"
    if not names and re.fullmatch(r"(?i)it|they", text) and ctx.last_np:
        return ctx.last_np
    if re.match(r"(?i)(?:the|this)\s+[a-z]", text) and not names:
        text = _qualified(text, ctx)
        ctx.last_np = text
    if names and (
        (not named_here and _stands_for_someone(text, ctx))
        or not text
        or actors_mod.is_anaphoric(text)
        or _FIRST_PERSON.match(text)
        or _GENERIC_SPEAKER.match(text)
        or text.lower() in ("which", "who", "that", "this", "you")
    ):
        return " and ".join(names[:2])
    return text


def _stands_for_someone(text: str, ctx: _Context) -> bool:
    """A subject that only points at someone named elsewhere ("he", "the chancellor", "the
    two leaders", "the carmaker"), unlike a description that says what it is about itself
    ("the U.S. economy", "prices"), which stays as written."""
    return bool(
        re.fullmatch(r"(?i)(?:he|she|it|they|we|i|you|him|her|them|us)", text.strip())
        or actors_mod.is_anaphoric(text)
        or ctx.discourse.resolve(text, ctx.book.persons, ctx.organisations or ["-"])
    )


_CLAUSE_BEFORE_SUBJECT = re.compile(
    # a pronoun's hope or belief ("he hopes", "said that she expects": "The government hopes
    # the bill ..." names its hoper and stays), or a finite clause and then "and" or "that"
    r"(?i)^(?:(?:.*?\b(?:said|says|told\s+\w+)\s+(?:that\s+)?)?(?:he|she|they|it|we|i)\s+"
    r"(?:hopes?|hoped|hoping|believes?|thinks?|expects?)(?:\s+that)?|"
    r"(?:.*?\b(?:is|are|was|were|has|have|had)\b.*\s(?:and|that)))\s+"
    r"(?P<np>(?:the|a|an|its|his|her|their|this|these|those)\s+[^,]+)$"
)
_OPENING_ADVERBIAL = re.compile(
    r"^(?:(?:on|in|at|under|after|before|during|following|despite|amid|with|for|as|by)\s+[^,]{2,60},\s+"
    r"|(?:later|then|where|when|also|meanwhile|however|separately|still|now|next|first|finally)"
    r",?\s+)+(?=\S)",
    re.IGNORECASE,
)
_REPORTING_FRAME = re.compile(
    r"^(?:[\w’'-]+\s+){0,3}?(?:forecasts?|predicted|predicts?|believes?|thinks?|expects?|"
    r"reckons?|says?|said|warned|argued|noted|suggests?|suggested|shows?|showed|indicates?|"
    r"indicated)\s+(?:that\s+)?(?=\S)",
    re.IGNORECASE,
)
_MODAL_CLAUSE = re.compile(r"(?i)\b(?:can|could|will|would|may|might|should|must)\s+[a-z]+\b")
_LAST_NP = re.compile(
    r"\b(?:the|its|their|his|her|this)\s+(?:(?!(?:the|its|their|his|her|this)\b)[\w’'-]+\s+){0,3}"
    r"[\w’'-]+$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(its|his|her|their)\s+(?=[a-z])", re.IGNORECASE)


def _possessor(determiner: str, names: list[str], ctx: _Context) -> str:
    """Whom 'its', 'his', 'her', 'their' refers to: the claim's own names, else the latest
    organisation (its, their) or person (his, her) the article named."""
    if names:
        return " and ".join(names[:2])
    if determiner in ("his", "her"):
        return ctx.discourse.latest_person(ctx.book.persons)
    return ctx.organisations[-1] if ctx.organisations else ""


_OF_DESCRIPTION = re.compile(
    r"(?i)^(?P<outer>(?:the|this)\s+(?:[a-z-]+\s+){0,2}of\s+)"
    r"(?P<inner>the\s+(?:[a-z-]+\s+){0,2}[a-z-]{4,})$"
)
_DESCRIPTION = re.compile(r"(?i)^(?:the|this)\s+(?P<mods>(?:[a-z-]+\s+){0,2})(?P<head>[a-z-]{4,})$")
_NAME_WORD = r"(?:[A-Z][\w.&'’-]*|\d+)"
_OPENING_CAPS = {"The", "A", "An", "This", "That", "In", "On", "At", "By", "For", "After", "Before"}


def _qualified(text: str, ctx: _Context) -> str:
    """ "the pipeline", "the general election": the description as the article introduced it
    before ("Nord Stream 2 pipeline", "Britain's general election"), so a reader without the
    article knows which; unchanged when nothing earlier names it."""
    nested = _OF_DESCRIPTION.match(text)
    if nested:
        # "the closing of the merger": which merger
        inner = _qualified(nested["inner"], ctx)
        return f"{nested['outer']}{inner[:1].lower()}{inner[1:]}"
    m = _DESCRIPTION.match(text)
    if m is None or m["head"].lower() in ROLE_NOUNS:
        return text
    head, mods = m["head"], m["mods"]
    earlier = ctx.text[: ctx.sentence_start]
    pattern = re.compile(
        rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|for|de))*?)(?P<pos>[’']s)?\s+"
        # one more modifier ("Nord Stream 2 gas pipeline"), never a verb ("Brown announces")
        rf"(?:(?!(?:a|an|the|to|of|for|and|or|in|on|at|by|is|was|will|has)\b)[a-z-]+(?<!es)(?<!ed)\s+)?"
        rf"(?:{re.escape(mods)})?{re.escape(head)}\b"
    )
    for found in reversed(list(pattern.finditer(earlier))):
        # "on Monday. The court": a name never runs across the end of a sentence
        words = re.split(r"(?<=[a-z])\.\s+", found["name"])[-1].split()
        while words and (
            words[0].lower().strip(".,") in actors_mod.STOP_CAPS
            or words[0].lower().rstrip(".") in MONTHS
            or words[0].lower() in WEEKDAYS
            or words[0] in _OPENING_CAPS
        ):
            words = words[1:]
        if not words or words[-1].lower() in ("of", "for", "de"):
            continue
        name = " ".join(words)
        if name in ctx.book.persons and not found["pos"]:
            continue  # a person's things take a possessive: "Osborne's budget"
        if found["pos"]:
            return f"{name}’s {mods}{head}"
        return f"{text.split()[0]} {name} {mods}{head}"
    owned = re.compile(
        rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})*)\s+(?:[a-z]+\s+){{1,4}}"
        rf"(?:his|her|its|their)\s+(?:[a-z-]+\s+)?{re.escape(head)}\b"
    )
    for found in reversed(list(owned.finditer(earlier))):
        # "George Osborne is unveiling his budget statement": the budget is Osborne's
        words = found["name"].split()
        while words and (words[0] in _OPENING_CAPS or words[0].lower() in actors_mod.STOP_CAPS):
            words = words[1:]
        if words and not words[0].isdigit():
            return f"{' '.join(words)}’s {mods}{head}"
    if head.lower() in _OCCASION_HEADS:
        # "the deal", "the AGM" that nothing earlier names: whose it is, the organisation the
        # article is about (named most often so far; the first named on a tie)
        owner = _main_organisation(earlier, ctx)
        if owner:
            return f"{text.split()[0]} {owner} {mods}{head}"
    return text


# a name that says it is an organisation: an organisation word, a company suffix, an acronym
_ORGANISATION_LIKE = re.compile(
    r"(?i)\b(?:" + "|".join(sorted(actors_mod.ORG_WORDS)) + r"|plc|ltd|llc|holdings|corporation|"
    r"airlines?|motors|systems|technologies|energy|partners)\b|(?-i:^[A-Z]{2,6}$)"
)


def _main_organisation(earlier: str, ctx: _Context) -> str:
    best, most = "", 1  # named twice at least: one mention does not make a topic
    for org in ctx.organisations:
        low = org.lower()
        if (
            len(org) < 3
            or low in actors_mod.STOP_CAPS
            or org in ctx.book.persons
            or ctx.book.expand(org) in ctx.book.persons
            or _is_place(org, earlier)
            or (" " not in org and (low in ORG_NOUNS or low in actors_mod.COMMON_NOUNS))
            or low in _OCCASION_HEADS
            or low in ("conference", "summit", "group", "company")
        ):
            continue  # a person, or a common noun that opened a sentence ("Group")
        if not _ORGANISATION_LIKE.search(org):
            continue  # "Gordon Brown" may be a person the article never titled
        count = earlier.count(org)
        first = earlier.find(org)
        if count > most or (count == most and best and first < earlier.find(best)):
            best, most = org, count
    return best


# occasions and corporate things a reader cannot place without saying whose they are
_OCCASION_HEADS = {
    "deal", "merger", "acquisition", "takeover", "agm", "shares", "stock", "dividend", "ipo",
    "offering", "listing", "results", "earnings", "meeting", "summit", "conference", "talks",
    "trip", "visit", "tour", "vote", "ballot", "strike", "launch", "event", "festival",
    "campaign", "project", "scheme", "programme", "program", "plan", "agreement", "contract",
    "trial", "hearing", "rollout", "exercise", "drill", "mission", "deadline",
}  # fmt: skip


def _plural(subject: str) -> bool:
    subject = re.sub(
        r"\s+(?:there|here|too|also|alone)$", "", subject.strip()
    )  # "its flights there"
    head = _HEAD_END.split(subject.strip(), maxsplit=1)[0]
    if re.search(r"\sbetween\s", subject) and " and " not in head:
        subject = head  # "the train between Ahmedabad and Mumbai": the "and" is the route's
    if head != subject.strip() and head and " and " not in subject:
        # "New austerity cuts of up to £2.5bn", "the crew of astronauts": the head decides;
        # a quantifier ("more of", "one or two of") leaves it to the noun after "of"
        if re.fullmatch(
            r"(?i)(?:one|each|either|neither|none|any|the\s+number|the\s+amount)", head
        ):
            return False
        if not _QUANTIFIER_HEAD.search(head):
            subject = head
    low = subject.lower().strip()
    if " and " in low or re.fullmatch(r"(?:they|we|you|i|both|the\s+two\b.*)", low):
        return True
    if not low:
        return False
    last = low.split()[-1]
    if last in _IRREGULAR_PLURALS:
        return True
    words = subject.split()
    lemmas = _noun_lemmas(last)
    if lemmas and (
        words[-1][:1].islower()
        or len(words) == 1
        or (len(words) == 2 and words[0].lower() in ("the", "these", "those", "all", "many"))
    ):
        # "clinics", "Victims" opening a sentence: a plural noun in lemminflect's lexicon
        # (its lemma differs: "clinic"); "politics", "news" are their own lemma. A
        # capitalised word inside a name ("General Motors") is left to the rule below
        return any(lemma != last for lemma in lemmas) and last not in _COMPANY_PLURALS
    # "officials", "Policymakers": a plural noun, not a name ("Paris", "Siemens" stay one)
    return (
        (
            subject.split()[-1][:1].islower()
            or (len(low.split()) == 1 and last in actors_mod.COMMON_NOUNS | _PLURAL_HEADS)
        )
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is", "ics"))
    )


# plural words that end a company's name ("Foods" from a wrapped "High Liner Foods")
_COMPANY_PLURALS = {
    "foods", "motors", "systems", "technologies", "holdings", "industries", "airlines",
    "partners", "communications", "resources", "brands", "labs", "networks", "services",
    "solutions", "pharmaceuticals", "therapeutics", "enterprises", "materials", "metals",
}  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _noun_lemmas(word: str) -> tuple[str, ...]:
    return tuple(getAllLemmas(word.strip(".,’'"), upos="NOUN").get("NOUN", ()))


# the head noun ends where a prepositional phrase starts: "shut-in wells in Oklahoma"
# or a relative clause or a participle starts: "officials expected to attend", "talks that"
_HEAD_END = re.compile(
    r"\s+(?:of|in|at|on|from|for|with|near|across|around|under|between|to|who|which|that|"
    r"expected|scheduled|planned|slated|due|based)\s+"
)
_IRREGULAR_PLURALS = {"children", "people", "men", "women", "police", "staff", "cattle", "data"}
_QUANTIFIER_HEAD = re.compile(
    r"(?i)\b(?:more|most|some|all|many|several|few|both|bulk|majority|half|rest|lot|lots|number|"
    r"two|three|four|five|\d+)$"
)
_PLURAL_HEADS = {
    "policymakers",
    "countries",
    "traders",
    "economists",
    "leaders",
    "ministers",
    "officials",
    "lawmakers",
    "markets",
    "investors",
    "banks",
    "companies",
    "governments",
    "nations",
    "members",
    "parties",
}


_FOR_CLOCK = re.compile(r"(?i)^for\s+(?=\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b|p\.?m\b|gmt|bst))")


# "the vote is due Monday": the predicate is only a time, the occasion takes place then
_BARE_TIME = re.compile(
    r"(?i)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|"
    r"oct\.|nov\.|dec\.|next|this|tomorrow|today|tonight|later|\d{1,2}(?:st|nd|rd|th)?)\b"
)


def _statement_predicate(
    predicate: str, kind: str, *, present_tense: bool, person: bool = False
) -> str:
    """The predicate in base form: a bare or "scheduled for" trigger names an occasion that
    takes place at a time."""
    text = _FOR_CLOCK.sub("at ", predicate.strip())  # "set for 7 PM IST": it takes place at 7 PM
    if not present_tense and (
        kind == "bare" or _PREPOSITION.match(text) or _BARE_TIME.match(text) or not text
    ):
        if person and re.match(r"(?i)(?:in|at)\s+[A-Z]", text):
            return f"be {text}"  # "the president is expected in Paris": he is there, no occasion
        return f"take place {text}".strip()
    return text


def _is_place_in(name: str, text: str) -> bool:
    return bool(re.search(r"\b(?:in|to|at|from|near)\s+(?:the\s+)?" + re.escape(name), text))


def _is_place(name: str, text: str) -> bool:
    """Named as a place anywhere ("in Perth", "the border with Pakistan")."""
    return bool(
        re.search(
            r"\b(?:in|to|at|from|near|border\s+with)\s+(?:the\s+)?" + re.escape(name) + r"\b", text
        )
    )


_PLACE_END = re.compile(r"\s+(?:for|to|with|on|at)\s+")


def _location(predicate: str, ctx: _Context) -> str:
    for m in re.finditer(r"\b(?:in|to|at|for|near)\s+(?:the\s+)?(?=[A-Z])", predicate):
        runs = actors_mod.capitalised_runs(predicate[m.end() :])
        if runs and runs[0][0] == 0:
            name = runs[0][1]
            first = name.split()[0].lower().rstrip(".")
            if first in actors_mod.TITLE_WORDS or (
                first in actors_mod.DEMONYMS
                and len(name.split()) > 1
                and name.split()[1].lower() in actors_mod.TITLE_WORDS
            ):
                continue
            if ctx.book.expand(name) in ctx.book.persons:
                continue  # a person already named, not a place
            # "to San Francisco for APEC": the place ends where the purpose begins
            return _PLACE_END.split(name, maxsplit=1)[0]
    return ""


# A relative clause that describes a thing with a weak modal and no date of its own ("a new
# microphone that could improve sound", "cold traps that could preserve the history") or a free
# relative ("marking what could be the beginning of the end", "what promises to be a strong
# vaccine") characterises; it forecasts no event (LABELLING.md rule 5). "that" after a verb of
# saying is a conjunction, not a relative pronoun.
_DESCRIPTIVE_RELATIVE = re.compile(
    r"(?i)(?:(?<!\bsaid\s)(?<!\bsays\s)(?<!\bsay\s)(?<!\btold\s)(?<!\bnoted\s)(?<!\badded\s)"
    r"(?<!\bbelieve\s)(?<!\bthink\s)(?<!\bexpect\s)(?<!\bhope\s)(?<!\bwarned\s)(?<!\bso\s)"
    r"(?<=[a-z]\s)that|\bwhat)\s*$"
)
_DESCRIPTIVE_TRIGGER = re.compile(r"(?i)(?:would|could|might|may|can|promises?\s+to)\b")


def _sentence_claims(
    sent: Sentence,
    index: int,
    ctx: _Context,
    attribution_speaker: str,
    spans: list[tuple[int, int]],
) -> list[ExtractedClaim]:
    text = sent.text
    body = _strip_spans(text, spans)
    mid_speakers: list[tuple[int, str]] = []
    floor = max((b for a, b in spans if a == 0), default=0)
    ctx.attribution_end = floor if floor else -1
    for m in _MID_SAY.finditer(body):
        if not any(a <= m.start() < b for a, b in spans):
            spans = [*spans, (m.start("who"), m.end())]
            mid_speakers.append((m.end(), _speaker_name(m.group("who"), ctx)))
            body = _strip_spans(text, spans)
    triggers = [
        t
        for t in find_triggers(body)
        if not any(a <= t.start < b for a, b in spans)
        and not (re.search(r"\bwhether\s+[^,;]{0,50}$", body[max(0, t.start - 60) : t.start]))
    ]
    if (
        not triggers
        and not SCHEDULED_VERB.search(body, floor)
        and not (_may_match(body, _FORECAST_VERB_NEEDLES) and _FORECAST_VERB.search(body, floor))
        and not PROGRESSIVE.search(body, floor)
        and not _has_noun_plan(body)
        and "ahead of" not in body.lower()
    ):
        return []  # nothing forward-looking can start here: skip the time search
    # "..., the council said in a report on Tuesday": when a statement was made is not when
    # the event happens
    times = [
        t
        for t in ctx.times(body)
        if t.window.basis not in _DAY_BASES
        or not _STATEMENT_DATE.search(body, max(0, t.start - 50), t.start)
    ]
    speaker = attribution_speaker
    claims: list[ExtractedClaim] = []
    subjects = [_subject(body, t, floor) for t in triggers]
    prev_end = floor
    prev_subject = ""
    for i, trig in enumerate(triggers):
        subj_start, subject = subjects[i]
        if subj_start < prev_end and not (
            subject and re.fullmatch(r"[\s,]*", body[prev_end : trig.start])
        ):
            subj_start = trig.start
            subject = ""
        if not subject and re.search(r"\b(?:which|who)\s*$", body[floor:subj_start]):
            subject = "which"  # resolved to the antecedent below
        if (
            not subject
            and _DESCRIPTIVE_TRIGGER.match(trig.text)
            and _DESCRIPTIVE_RELATIVE.search(body, floor, subj_start)
            and not any(not t.is_past and trig.start <= t.start for t in times)
        ):
            continue  # "a chip that would allow payments", "what could be the end": a description
        stop = len(body)
        if i + 1 < len(triggers):
            # the next clause's subject ends this predicate; a subject-less next clause
            # ("... next week and is expected to sign ...") ends it at its trigger
            nxt = subjects[i + 1][0]
            stop = nxt if nxt > trig.verb_start else triggers[i + 1].start
        predicate = _predicate(body, trig.verb_start, stop, comma=trig.kind == "nominal")
        pred_end = trig.verb_start + len(predicate) if predicate else trig.verb_start
        clause = body[prev_end : max(pred_end, trig.end)]
        preamble = (prev_end, subj_start)
        prev_end = max(pred_end, trig.end)
        condition = _CONDITIONAL.search(clause)
        clause_start = prev_end - len(clause)
        if (
            condition
            and clause_start + condition.start() > trig.start
            and _TRAILING_UNLESS.search(clause, condition.start() - 2)
            and not _CONDITIONAL.search(clause, condition.end())
        ):
            condition = None
        if condition or _COUNTERFACTUAL.search(body[trig.start : pred_end + 1]):
            continue
        if trig.text.lower().startswith(("would", "could", "might")) and re.search(
            r"\bhad\s+(?:\w+ly\s+)?(?:forecast|predicted|expected|projected|estimated|anticipated|thought|hoped|said|feared)\b[^.;]*$",
            text[max(0, trig.start - 90) : trig.start],
            re.IGNORECASE,
        ):
            continue  # "economists had forecast the CPI would rise": a forecast already overtaken
        if (
            trig.kind == "verbal"
            and re.match(
                r"(?:wanted|hoped|planned|intended|aimed|expected|promised|vowed|pledged|sought)\b",
                trig.text,
                re.IGNORECASE,
            )
            and not any(
                not t.is_past and t.window.basis != "vague" and t.start >= trig.start for t in times
            )
        ):
            continue  # "officials wanted to see more data": a past wish, no date ahead
        if _is_reduced_relative(body, trig, triggers[i + 1 :], subject):
            continue  # "the number of people expected to fly could reach": in the subject
        if re.match(r"would\b", trig.text, re.IGNORECASE) and re.match(
            r"(?:go\s+on\s+to|later|eventually|never)\b", body[trig.verb_start :], re.IGNORECASE
        ):
            continue  # "Blinken would go on to meet Xi hours later": narrative past
        if re.match(r"must\b", trig.text, re.IGNORECASE) and not any(
            not t.is_past and t.window.basis not in ("vague",) and trig.start <= t.start <= pred_end
            for t in times
        ):
            continue  # "must" without a date is a demand or an opinion, not a forecast
        if re.match(r"had\s+been\b", trig.text, re.IGNORECASE) or re.search(
            r"\bhad\s*$", body[max(0, trig.start - 8) : trig.start]
        ):
            continue  # "had been scheduled for Monday": a plan overtaken by events
        if _CANCELLED_OR_DENIED.search(text[max(0, trig.start - 70) : trig.start]) or (
            trig.text.lower().startswith("plan")
            and _CANCEL_VERB.search(text[max(0, trig.start - 30) : trig.start])
        ):
            continue  # "scrapped plans to build", "denied reports that it will", "dismissed fears X would"
        if (
            trig.kind == "copular"
            and re.match(r"(?i)be\s", trig.text)
            and not _BEFORE_BARE_BE.search(body, max(0, trig.start - 12), trig.start)
        ):
            continue  # "(demands) that they be ready to raise rates": a subjunctive, no forecast
        if _EMBEDDED.search(body[max(floor, trig.start - 60) : trig.start]):
            continue  # "rule on whether colleges may consider race": part of another claim
        if (
            re.match(
                r"(?:which|that)\b", body[max(0, subj_start - 6) : subj_start].strip()[-5:] or ""
            )
            and trig.verb.lower() == "be"
            # "a plan that will be ...": the relative pronoun is the subject; "admitted that the
            # company will not be lucrative until 2020" has a subject of its own
            and not (subject.strip() and any(t.start >= subj_start for t in times))
        ):
            continue
        if (
            trig.kind == "modal"
            and trig.text.lower().startswith("would")
            and trig.verb.lower() == "be"
            and re.search(r"\bwhich\s*$", body[: trig.start])
        ):
            continue
        for end, who in mid_speakers:
            if end <= trig.start and trig.start - end < 8:
                speaker = who  # the attribution right before this clause is its speaker
                if re.fullmatch(r"(?:he|she|it|they)", subject.strip(), re.IGNORECASE):
                    subject = who  # "Biden has said he will sign it": "he" is Biden
        if subject.lower() in ("which", "who"):
            # "The Euclid telescope, which will map galaxies, ...": the relative's antecedent
            ante = re.search(r"([^,;:]{2,80}),?\s*(?:which|who)\s*$", body[floor:subj_start])
            if ante:
                subject = _strip_opener(re.split(r"[,;:]", ante.group(1))[-1])
                if (
                    " and " in subject
                    and prev_subject
                    and re.match(r"(?i)(?:is|was|has)\b", trig.text)
                    and not _plural(prev_subject)
                ):
                    # "the program will consist of A, B and C, which is expected to": a
                    # singular verb cannot agree with "B and C"; the clause's subject can
                    subject = prev_subject
        if trig.kind == "bare" and (
            not subject.strip()
            or re.fullmatch(r"(?i)(?:it|this|that|which|there|he|she|they)", subject.strip())
        ):
            continue  # "it is likely" says nothing about an event by itself
        if not subject.strip() and prev_subject and trig.kind != "nominal":
            subject = prev_subject
        object_hint = ""
        if trig.kind == "verbal":
            # "expectations are for Nvidia to report": who follows "for"
            vm = re.search(r"\s(?:is|are|remain)\s+for\s+(.*?)\s*to$", trig.text) or re.match(
                r"\S+\s+(.*?)\s*to$", trig.text
            )
            if vm and vm.group(1):
                object_hint = vm.group(1)
                if not speaker and subject:
                    speaker = subject
        claim_speaker = speaker
        if (
            not speaker
            and trig.kind in ("verbal", "copular")
            and not object_hint
            and re.match(
                r"(?i)(?:(?:is|are)\s+)?(?:plan|aim|intend|hop|vow|pledg|promis|prepar|seek)",
                trig.text,
            )
            and subject.strip()
            and not re.fullmatch(r"(?i)(?:he|she|it|they|we|i)", subject.strip())
        ):
            claim_speaker = _speaker_name(
                subject, ctx
            )  # "Blue Origin plans to launch": its own word
        claim_text = ""
        if trig.kind == "nominal":
            # "an opportunity for Xi and Biden to meet": the actors sit between "for" and "to"
            claim_text = body[subj_start:pred_end]
            nm = re.match(r"(.*?)\s+to\s+(.*)$", predicate)
            if nm and len(nm.group(1).split()) <= 8:
                object_hint = nm.group(1)
                predicate = nm.group(2)
        if len(predicate.split()) <= 1 and re.search(r"which\s*$", body[:subj_start]):
            predicate_obj = _antecedent(body, subj_start)
        else:
            predicate_obj = ""
        hedge_override = None
        pre_text = body[preamble[0] : preamble[1]]
        pre_hedge = _PREAMBLE_HEDGE.search(pre_text)
        if trig.kind == "modal" and pre_hedge and not _CONDITIONAL.search(pre_text):
            # "I'm hoping that, over the next months, I'll be meeting Xi": the hope is the hedge
            word = pre_hedge.group("adj") or pre_hedge.group(0)
            word = {"probable": "probably", "possible": "possibly", "certain": "certain"}.get(
                word.lower(), word
            )
            hedge_override = hedge_of(word + " to", ctx.settings.hedges)
        parts = _split(predicate)
        span_lo = subj_start if not predicate_obj else body.find(predicate_obj)
        for part_text, adverb in parts:
            part_subject = subject
            if adverb is not None and adverb.startswith("subject:"):
                # "The physics prize will be announced on Tuesday and the chemistry prize on
                # Wednesday": a new subject for the same passive verb
                part_subject, adverb = adverb[len("subject:") :], ""
            pred = part_text
            if predicate_obj:
                pred = (
                    f"{trig.verb} {predicate_obj}"
                    if pred == trig.verb or not pred
                    else f"{pred} {predicate_obj}"
                )
            elif (
                adverb is not None
                and part_text is not parts[0][0]
                and not _looks_like_verb(part_text)
            ):
                pred = f"{trig.verb} {part_text}"
            if (
                not pred.lower().startswith(trig.verb.lower())
                and adverb is None
                and not predicate_obj
                and trig.kind != "nominal"
            ):
                pred = f"{trig.verb} {pred}".strip()
            hedge = hedge_override
            if adverb is not None and adverb.lower() in ctx.settings.hedges:
                hedge = adverb.lower()
            pos = body.find(part_text, trig.verb_start) if part_text else -1
            located = part_text
            while pos < 0 and " " in located:
                located = located.split(" ", 1)[1]  # a gapped part: find its own words
                pos = body.find(located, trig.verb_start)
            part_text = located if pos >= 0 else part_text
            claim = _make_claim(
                sent, index, ctx, part_subject, trig.text, pred, hedge, times,
                (min(span_lo, subj_start) if span_lo >= 0 else subj_start, max(pred_end, trig.end)), preamble,
                claim_speaker, object_hint,
                (pos, pos + len(part_text)) if pos >= 0 and not predicate_obj else None,
                trig.kind,
            )  # fmt: skip
            if claim is not None and claim_text:
                claim.claim = re.sub(r"\s+", " ", claim_text).strip(' ,“”"')
            elif claim is not None and _ASIDE.search(body[subj_start : trig.start]):
                # "The next phase, scheduled to open in early 2027, will add 11 gates": the
                # aside is part of what is claimed; the span runs from subject to predicate
                claim.claim = re.sub(r"\s+", " ", body[subj_start:pred_end]).strip(' ,“”"')
            front = (
                _FRONTED.fullmatch(body[preamble[0] : subj_start]) if preamble[0] == floor else None
            )
            if claim is not None and front:
                # "In Montana, payday lenders will be limited ...": the fronted place or time
                # belongs to the claim
                claim.claim = f"{front.group(1)}, {claim.claim}"
                # only a place or a name belongs to the statement ("In Montana,"); a frame
                # of discourse ("On the data front,", "Under the agreement,") does not
                if not any(
                    t.start >= preamble[0] and t.end <= subj_start for t in times
                ) and re.search(r"\s[A-Z]", front.group(1)):
                    first = claim.statement.split(" ", 1)[0]
                    lowered = (
                        first.lower()
                        if first.lower() in ("the", "a", "an")
                        or body[subj_start:].lstrip().startswith(f"{first.lower()} ")
                        else first
                    )  # "In Montana, payday lenders": capitalised only to open the statement
                    claim.statement = f"{front.group(1)}, {lowered}{claim.statement[len(first) :]}"
            if claim is not None:
                if (
                    claim.due_basis == "default_horizon"
                    and re.fullmatch(
                        r"(?i)it|this|that", _strip_opener(part_subject.strip(' ,“”"'))
                    )
                    and _CHARACTERISATION.match(pred)
                ):
                    continue  # "It'll be business as usual": a characterisation, no event
                if (
                    _WEAK_MODAL.match(claim.hedge)
                    and not claim_speaker
                    and claim.due_basis == "default_horizon"
                ):
                    # "the exercise would involve tanks", "this could preserve the history":
                    # the article's own would/could/may with no time is a description, not a
                    # forecast anyone made
                    continue
                claims.extend(_per_traveller(claim, ctx))
        prev_subject = subject
    claims.extend(_scheduled(sent, index, ctx, body, triggers, times, speaker, floor))
    if not claims and PROGRESSIVE.search(body, floor):
        claims.extend(
            _scheduled(sent, index, ctx, body, triggers, times, speaker, floor, PROGRESSIVE)
        )
    claims.extend(_forecast_objects(sent, index, ctx, body, triggers, times, speaker, floor))
    claims.extend(_noun_plans(sent, index, ctx, body, triggers, times, speaker, floor))
    if "ahead of" in body.lower():
        claims.extend(_ahead_of(sent, index, ctx, body, times, speaker))
    if " to " in body and "with " in body:
        claims.extend(_with_to(sent, index, ctx, body, times, speaker))
    return claims


# "markets see the next cut in May", "economists forecast a recession next year": a forecaster
# verb with an event noun phrase and a future time; "ruling out a spring vote": a negative one.
_FORECAST_VERB = re.compile(
    r"\b(?P<verb>see|sees|saw|forecasts?|predicts?|predicted|anticipates?|are\s+pricing\s+in|price\s+in|"
    r"are\s+betting\s+on|bet\s+on|projects?|pencil(?:led|ed)?\s+in|ruled?\s+out|rules\s+out|ruling\s+out|"
    r"(?:is|are)\s+targeting|targets|(?:is|are)\s+eyeing|(?:is|are)\s+aiming\s+for|"
    r"pricing(?:\s+in)?|priced\s+in|there\s+is|there's|there’s|puts?|assigns?|gives?)\s+"
    r"(?P<obj>(?:a|an|the|another|one|two|three|four|several|further|more|at\s+least|roughly|about|around|"
    r"as\s+many\s+as|up\s+to|(?-i:[A-Z])\w+)\b[^,;:.]{3,80})",
    re.IGNORECASE,
)
# A piece of every verb above: without one of them, _FORECAST_VERB cannot match.
_FORECAST_VERB_NEEDLES = (
    "see", "saw", "forecast", "predict", "anticipat", "pric", "bet", "project", "pencil", "rul",
    "target", "eyeing", "aiming", "there", "put", "assign", "give",
)  # fmt: skip


_PARTICIPLE_TRIGGER = re.compile(
    r"(?i)(?:expected|planned|scheduled|set|due|slated|promised|pledged|intended|hoped|aimed)\s+to$"
)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\b(?:and|but|or|that|which|who|while|as|if|when)\b")


def _is_reduced_relative(body: str, trig: Trigger, later: list[Trigger], subject: str) -> bool:
    """A bare participle after a noun ("people expected to fly", "talks planned for May")
    whose clause goes on to its own finite verb: the participle only describes the noun
    that is the next verb's subject."""
    if trig.kind != "verbal" or not _PARTICIPLE_TRIGGER.match(trig.text.strip()):
        return False
    if not subject.strip() or re.search(r"(?i)\b(?:he|she|it|they|we|i|you)\s*$", subject):
        return False  # "they expected to": the past of "expect", a verb of its own
    nxt = next((t for t in later if t.kind in ("modal", "copular")), None)
    return nxt is not None and not _CLAUSE_BREAK.search(body, trig.verb_start, nxt.start)


_AIM_VERB = {"targeting": "target", "targets": "target", "eyeing": "eye", "for": "aim for"}


def _forecast_objects(
    sent: Sentence,
    index: int,
    ctx: _Context,
    body: str,
    triggers: list[Trigger],
    times: list[TimeMatch],
    speaker: str,
    floor: int,
) -> list[ExtractedClaim]:
    out: list[ExtractedClaim] = []
    if not _may_match(body, _FORECAST_VERB_NEEDLES):
        return out
    for m in _FORECAST_VERB.finditer(body):
        if m.start() < floor or any(t.start <= m.start() < t.verb_start + 40 for t in triggers):
            continue
        verb = m.group("verb").lower()
        if _ODDS_ONLY_VERB.match(verb) and not ODDS_OF.match(m.group("obj")):
            continue  # "there is a risk", "gives a speech": only stated odds make a forecast
        if re.search(r"\bthat\b", m.group("obj")):
            continue  # "see almost no chance that the Fed will cut": the modal claim carries it
        negative = "out" in verb
        aim = verb.endswith(("targeting", "targets", "eyeing", "aiming for"))
        obj_end = m.end("obj")
        time = _choose_time(times, m.start("obj"), obj_end)
        has_event = bool(_EVENT_NOUN.search(m.group("obj"))) or bool(event_type(m.group("obj")))
        if negative and not has_event:
            continue
        if not negative and (
            time is None
            or time.is_past
            or time.window.basis in ("default_horizon",)
            or not has_event
        ):
            continue
        if _CONDITIONAL.search(body[floor:obj_end]):
            continue
        before = body[floor : m.start()]
        sm = list(re.finditer(r"(?:^|[,;:]\s*|\b(?:but|and|while|that)\s+)", before))
        subject = before[sm[-1].end() if sm else 0 :].strip()
        subject = re.sub(r"\s+(?:now|also|still|already|increasingly|largely)$", "", subject)
        who = speaker or subject
        # "FDA leaders are targeting a decision": the aim is the verb of the statement
        obj = f"{_AIM_VERB[verb.split()[-1]]} {m.group('obj')}" if aim else m.group("obj")
        claim = _make_claim(
            sent, index, ctx, "" if not aim else subject, "will" if negative else "expected", obj,
            "will" if negative else ("aims to" if aim else "expected"), times, (m.start("obj"), obj_end), (0, 0),
            who if not aim else speaker,
        )  # fmt: skip
        if claim is None:
            continue
        if negative:
            claim.polarity = "negative"
        claim.claim = re.sub(r"\s+", " ", f"{subject} {m.group(0)}").strip()
        if not aim:
            # "markets see the next cut in May": the forecast event itself takes place
            claim.statement = statement_mod.build(
                ODDS_OF.sub("", m.group("obj")), "not take place" if negative else "take place",
                negative=False, plural=False, expression=claim.time_expression,
                window=Window(claim.due_earliest, claim.due_latest, claim.due_basis)
                if claim.due_earliest and claim.due_latest else None,
                reference=ctx.reference, dated=claim.due_basis not in ("default_horizon", "vague"),
            )  # fmt: skip
        out.append(claim)
    return out


# Plans as nouns: "with a vote also pencilled in for May", "has talks scheduled for Friday",
# "the strike, set to begin Monday, ...", "the first phase, scheduled to open in 2025, ...".
_NOUN_PLAN = re.compile(
    r"(?:\b(?:with|has|have|had)\s+(?P<np>(?:[\w'’.&+-]+\s+){0,4}?[\w'’.&+-]+)\s+|"
    r"(?P<np2>\b[\w'’.&+-]+(?:\s+[\w'’.&+-]+){0,5}),\s+)"
    r"(?:also\s+|now\s+|officially\s+|tentatively\s+)?"
    r"(?P<trig>scheduled|slated|planned|pencil(?:l)?ed\s+in|set|due|expected)\s+"
    r"(?:(?:to\s+(?:officially\s+|formally\s+)?)(?P<verb>[a-z]+)\b|(?=for\b|on\b|in\b|at\b))"
)


_PLAN_WORDS = ("scheduled", "slated", "planned", "pencil", "set ", "due ", "expected ")


def _has_noun_plan(body: str) -> bool:
    """A cheap test before the (slow) noun-plan pattern: one of its participles is there."""
    low = body.lower()
    return any(w in low for w in _PLAN_WORDS)


# "ahead of Wednesday's final", "ahead of its Wednesday earnings report": a dated occasion
_AHEAD_OF = re.compile(
    r"\bahead\s+of\s+(?:(?:its|their|his|her|the|this|next)\s+)?"
    r"(?P<time>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|next\s+week|"
    r"tomorrow|this\s+week)(?:'s|’s)?)\s+(?P<event>[^,.;]{3,60})",
    re.IGNORECASE,
)


# "with opening statements to start June 5": an infinitive plan hung on "with"
_WITH_TO = re.compile(
    r"\bwith\s+(?P<np>(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+)\s+to\s+(?:be\s+)?(?P<verb>[a-z]+)\b(?P<rest>[^,.;]*)"
)


def _with_to(
    sent: Sentence, index: int, ctx: _Context, body: str, times: list[TimeMatch], speaker: str
) -> list[ExtractedClaim]:
    out: list[ExtractedClaim] = []
    for m in _WITH_TO.finditer(body):
        if m.group("verb") in hedges_mod.NOT_VERBS or _VERBISH.search(m.group("np")):
            continue  # "with Ukraine is expected to": a clause, the copular trigger's
        time = _choose_time(times, m.start("verb"), m.end())
        if time is None or time.is_past or time.window.basis not in _SPECIFIC:
            continue
        claim = _make_claim(
            sent, index, ctx, m.group("np"), "to", f"{m.group('verb')}{m.group('rest')}", "scheduled",
            times, (m.start("verb"), m.end()), (0, 0), speaker, kind_of_trigger="copular",
        )  # fmt: skip
        if claim is not None:
            claim.claim = re.sub(r"\s+", " ", m.group(0)[len("with ") :]).strip()
            out.append(claim)
    return out


def _ahead_of(
    sent: Sentence, index: int, ctx: _Context, body: str, times: list[TimeMatch], speaker: str
) -> list[ExtractedClaim]:
    out: list[ExtractedClaim] = []
    for m in _AHEAD_OF.finditer(body):
        if not _EVENT_NOUN.search(m.group("event")) and not event_type(m.group("event")):
            continue
        event = re.split(r"\s+(?:against|with|between|in|at|on)\s+", m.group("event"))[0]
        owner = ctx.current_org or (ctx.organisations[-1] if ctx.organisations else "")
        if re.match(r"(?i)ahead\s+of\s+(?:its|their)\b", m.group(0)) and owner:
            event = f"{owner}{chr(39) if owner.endswith('s') else chr(39) + 's'} {event}"  # "ahead of its Wednesday earnings report": Nvidia's
        claim = _make_claim(
            sent, index, ctx, event, "scheduled", "", None, times,
            (m.start("time"), m.end("time") + 1), (0, 0), speaker, kind_of_trigger="bare",
        )  # fmt: skip
        if claim is not None and claim.due_basis in _SPECIFIC:
            claim.claim = re.sub(r"\s+", " ", m.group(0)).strip()
            out.append(claim)
    for m in _AHEAD_OF_DATED.finditer(body):
        # "ahead of Erdogan's key visit to Germany on Sept. 28-29": the occasion, then its date
        if out or not _EVENT_NOUN.search(m.group("event")):
            continue
        when = [
            t
            for t in times
            if m.start("event") < t.start < m.end() and not t.is_past and t.window.basis == "date"
        ]
        if not when:
            continue
        event = re.sub(r"\s+(?:on|in|at|from|for)\s*$", "", body[m.start("event") : when[0].start])
        claim = _make_claim(
            sent, index, ctx, event, "scheduled", "", None, when,
            (when[0].start, when[0].end + 1), (0, 0), speaker, kind_of_trigger="bare",
        )  # fmt: skip
        if claim is not None:
            claim.claim = re.sub(r"\s+", " ", m.group(0)).strip()
            out.append(claim)
    return out


_AHEAD_OF_DATED = re.compile(r"\bahead\s+of\s+(?P<event>(?:[^,.;]|\.(?=\s*\d)){3,100})")


def _noun_plans(
    sent: Sentence,
    index: int,
    ctx: _Context,
    body: str,
    triggers: list[Trigger],
    times: list[TimeMatch],
    speaker: str,
    floor: int,
) -> list[ExtractedClaim]:
    out: list[ExtractedClaim] = []
    if not _has_noun_plan(body):
        return out
    for m in _NOUN_PLAN.finditer(body, floor):
        if any(t.start <= m.start("trig") < t.verb_start + 1 for t in triggers):
            continue  # a copular trigger already reads it ("is scheduled to")
        np = (m.group("np") or m.group("np2") or "").strip()
        if m.group("np2") and any(
            t.start > m.end() and "," in body[m.end() : t.start] and t.start - m.end() < 120
            for t in triggers
        ):
            continue  # "The next phase, scheduled to open in 2027, will add ...": the main clause carries it
        if not np or re.match(r"(?i)(?:been|not|already|is|are|was|were|it|they|he|she)\b", np):
            continue
        np = re.sub(r"^(?i:during|in|at|on|but|and|while|as)\s+", "", np)
        rest = _predicate(
            body, m.end("trig") if not m.group("verb") else m.start("verb"), len(body), comma=True
        )
        if not rest:
            continue
        at = body.find(rest, m.end("trig") - 1)
        pieces = [(rest, at, at + len(rest))]
        both = re.match(r"(?P<a>(?:for|on)\s+\S+)\s+and\s+(?P<b>\S+.*)$", rest)
        if both and at >= 0:
            # "more scheduled for Friday and Monday": one claim per day
            pieces = [
                (both.group("a"), at + both.start("a"), at + both.end("a")),
                (
                    f"{both.group('a').split()[0]} {both.group('b')}",
                    at + both.start("b"),
                    at + both.end("b"),
                ),
            ]
        for piece, lo, hi in pieces:
            if lo < 0:
                continue
            time = _choose_time(times, lo, hi)
            if time is None or time.is_past or time.window.basis in ("default_horizon", "vague"):
                continue
            claim = _make_claim(
                sent, index, ctx, np, m.group("trig"), piece,
                None, times, (lo, hi), (0, 0), speaker,
                kind_of_trigger="bare" if not m.group("verb") else "copular",
            )  # fmt: skip
            if claim is None:
                continue
            claim.claim = re.sub(r"\s+", " ", f"{np} {m.group('trig')} {piece}").strip()
            out.append(claim)
    return out


_HEADED_BY = re.compile(r"\b(?:headed|led|chaired|accompanied)\s+by\s")
_PLURAL_TRIPS = re.compile(r"\b(?:pay|make)\s+(?:[\w-]+\s+)?(?:visits|trips)\b")


def _per_traveller(claim: ExtractedClaim, ctx: _Context) -> list[ExtractedClaim]:
    """'a trip to Beijing by Janet Yellen and Gina Raimondo': each person's trip is its own
    checkable event (one may go and the other not); a meeting of two stays one claim."""
    people = [a for a in claim.actors if a in ctx.book.persons]
    by = claim.claim.rsplit(" by ", 1)[-1] if " by " in claim.claim else ""
    if _HEADED_BY.search(claim.claim):
        by = ""  # "a delegation headed by A and B will visit": one delegation, one trip
    # "A and B will pay state visits": a plural visit is one each
    each = (
        all(p in claim.claim for p in people)
        and " and " in claim.claim
        and bool(_PLURAL_TRIPS.search(claim.claim))
    )
    if (
        claim.event_type != "visit"
        or len(people) < 2
        or (" and ".join(people[:2]) not in claim.event and not each)
        or not (each or all(p.split()[-1] in by for p in people))
    ):
        return [claim]  # "Yoon and Kishida will travel to Camp David": one joint trip
    joined = " and ".join(people)
    out = []
    for person in people:
        event = claim.event.replace(joined, person) if joined in claim.event else claim.event
        out.append(dataclasses.replace(claim, actors=[person], event=event))
    return out


def _looks_like_verb(text: str) -> bool:
    words = text.split()
    return (
        len(words) >= 2
        and words[0].islower()
        and words[1][:1].islower()
        and words[0] not in ("the", "a", "an", "leader", "president")
    )


_FIGURE_OF = r"(?:[\w-]+\s+){1,3}of\s+(?:about\s+|around\s+|roughly\s+)?[-$€£]?\d[^,;]*?"
_TWO_FIGURES = re.compile(
    r"(?P<head>[a-z]+\s+(?:(?!(?:a|an|the)\s)[\w-]+\s+)?)(?P<a>"
    + _FIGURE_OF
    + r")\s+and\s+(?P<b>"
    + _FIGURE_OF
    + r")$"
)
_SPLIT_PREPOSITION = re.compile(r"\s+and\s+(?P<prep>with|against|in|at|to|for)\s+(?P<rest>[^;]+)$")
_GAPPED = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?!(?:to|for|with|from|in|on|at|by|and|or|but|then|including|such|like|notably|especially|except|"
    r"even|while|when|as|after|before|which|who|where|so|possibly|probably|perhaps)\b)(?P<np>(?:(?:the|a|an|new|its|their|all)\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+"
    r"(?P<time>(?:on|from|in|by|at|before|after|next|this)\s+(?:(?!\s+and\s)[^,;]){2,40})$"
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|will|would|could|may|might|must|has|have|had|can|said|says|say|told|tells|\w+ed)\b",
    re.IGNORECASE,
)


def _split(predicate: str) -> list[tuple[str, str | None]]:
    """Coordinated predicates: "set the stage for A and possibly culminate in B" is two claims."""
    if _OPEN_CLOSE.match(predicate):
        return [(predicate, None)]  # "open on June 3 and close on June 9": one run, X..Y
    m = _GAPPED.search(predicate)
    timeish = re.compile(
        r"\b(?:19|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
        r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:next|this)\s+(?:week|month|year)\b|"
        r"\bquarter\b|\b(?:spring|summer|autumn|fall|winter)\b"
    )
    gapped: list[re.Match[str]] = []
    rest = predicate
    while (
        m
        and not _VERBISH.search(m.group("np"))
        and timeish.search(m.group("time"))
        # parallel structure: the first conjunct has its own time ("from 2030, and ... from 2035")
        and timeish.search(rest[: m.start()])
    ):
        # gapping: "ban petrol cars from 2030, and new hybrids from 2035" repeats the verb; so
        # does a list: "release the X this summer, the Y by 2017 and the Z by 2020"
        gapped.insert(0, m)
        rest = rest[: m.start()].strip()
        m = _GAPPED.search(rest)
    if gapped:
        words = rest.split()
        if words[:1] == ["be"] and len(words) > 1:  # a passive: the noun phrase is a new subject
            return [
                (rest, None),
                *(
                    (f"{words[0]} {words[1]} {g.group('time')}", "subject:" + g.group("np"))
                    for g in gapped
                ),
            ]
        verb = (words or [""])[0]
        return [(rest, None), *((f"{verb} {g.group('np')} {g.group('time')}", "") for g in gapped)]
    m = _TWO_FIGURES.match(predicate)
    if m:
        # "report revenue of $24.6 billion and earnings of $5.80 a share": two figures, two
        # checks (LABELLING.md rule 1: one label each)
        return [(f"{m['head']}{m['a']}", None), (f"{m['head']}{m['b']}", "")]
    m = _SPLIT_PREPOSITION.search(predicate)
    if m:
        # "hold talks with Trump on Oct. 29 and with Xi on Nov. 1": the preposition repeated
        # with its own time is a second occasion of the same verb
        head, prep = predicate[: m.start()], m.group("prep")
        at = head.rfind(f" {prep} ")
        if at > 0 and timeish.search(head[at:]) and timeish.search(m.group("rest")):
            return [(head.strip(), None), (f"{head[:at].strip()} {prep} {m.group('rest')}", "")]
    m = _SPLIT_TO.search(predicate)
    if m and not re.search(
        r"\bto\s", predicate[: m.start()]
    ):  # "to adults ... and to women": parallel
        # "expect the Fed to hold rates in March, and to resume cuts by mid-2025"
        return [(predicate[: m.start()].strip(), None), (predicate[m.end() :].strip(), "")]
    m = _SPLIT_ADVERB.search(predicate)
    if m:
        return [
            (predicate[: m.start()].strip(), None),
            (predicate[m.end() :].strip(), m.group("adv")),
        ]
    m = _SPLIT_EVENT.search(predicate)
    if m:
        first = predicate[: m.start()].strip()
        verb = first.split()[0] if first.split() else ""
        second = predicate[m.end() :].strip()
        if _MOTION_VERB.fullmatch(verb.lower()):
            # "travel to San Francisco for APEC and talks with Biden": one travels *for* the
            # talks; the second claim is the talks held, not "travel talks"
            noun = re.sub(r"^(?:a|an|the)\s+", "", second, flags=re.IGNORECASE).split()[0].lower()
            return [(first, None), (f"{_LIGHT_VERB.get(noun, 'attend')} {second}", "")]
        return [
            (first, None),
            (f"{verb} {second}" if verb and not second.startswith(verb) else second, ""),
        ]
    return [(predicate, None)]


def _scheduled(
    sent: Sentence,
    index: int,
    ctx: _Context,
    body: str,
    triggers: list[Trigger],
    times: list[TimeMatch],
    speaker: str,
    floor: int,
    pattern: re.Pattern[str] = SCHEDULED_VERB,
) -> list[ExtractedClaim]:
    """Present-tense scheduled events: "Taiwan holds its presidential election in January";
    with ``PROGRESSIVE``, the present progressive with a future time: "the minister is leaving
    for Perth on Wednesday", "the airline is cutting four routes in June"."""
    out: list[ExtractedClaim] = []
    for m in pattern.finditer(body):
        if any(t.start - 40 <= m.start() <= t.verb_start + 60 for t in triggers):
            continue
        if body[max(0, m.start() - 1) : m.start()] == "-" or body[m.end() : m.end() + 1] == "-":
            continue  # "the final go-ahead", "a two-day visit", "year-end": part of a compound
        before = body[max(floor, 0) : m.start()]
        sm = list(
            re.finditer(
                r"(?:^|[,;:]\s*|\b(?:before|after|when|until|as|and|while|that)\s+)", before
            )
        )
        subj_start = max(floor, 0) + (sm[-1].end() if sm else 0)
        subject = body[subj_start : m.start()].strip()
        appos = re.search(r"([^,;:]{2,80}),\s*([A-Z][^,;:]{2,60}),\s*$", before)
        if not subject and appos:
            # "Minister for Foreign Affairs, Narayan Prakash Saud, is leaving ...": the name
            subject, subj_start = appos.group(2).strip(), max(floor, 0) + appos.start(2)
        if (
            not subject
            or re.match(r"(?i)(?:which|that|who|it|this)$", subject)
            or len(subject.split()) > 6
        ):
            continue
        if re.search(
            r"(?i)\b(?:a|an|the|its|their|his|her|our|this|that)$", subject
        ) or _PAST_CLAUSE.search(subject):
            continue  # "ruled out a return": a noun, or a clause already in the past
        if (
            not re.search(r"[A-Z]", subject)
            and not re.search(
                r"\b(?:voters|polls|markets|schools|parliament)\b", subject, re.IGNORECASE
            )
            and not ctx.discourse.resolve(subject, ctx.book.persons, ctx.organisations)
        ):
            continue  # "the airline is cutting ...": only a subject a reader can resolve
        pred = _predicate(body, m.start(), len(body))
        pred = re.split(r"\s+and\s+(?=the\s|a\s)", pred)[0]
        if _CONDITIONAL.search(body[subj_start : m.start() + len(pred)]):
            continue
        time = _choose_time(times, m.start(), m.start() + len(pred) + 1)
        if (
            time is None
            or time.is_past
            or _PAST_AUXILIARY.search(body, m.end(), time.start)
            or time.window.basis
            not in ("date", "weekday", "week", "month", "relative_day", "season", "quarter")
        ):
            continue
        claim = _make_claim(
            sent,
            index,
            ctx,
            subject,
            "",
            pred,
            "will",
            times,
            (m.start(), m.start() + len(pred) + 1),
            (0, 0),
            speaker,
        )
        if claim is not None:
            claim.claim = re.sub(r"\s+", " ", f"{subject} {pred}")
            out.append(claim)
    return out


_SERIES_ITEM = re.compile(
    r"(?P<value>[-+]?[$€£]?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent|bn|billion|million|trillion)?)"
    r"\s+in\s+(?P<year>(?:19|20)\d\d)\b"
)
_SERIES_VERB = re.compile(r"^(?P<base>.+?\b[a-z]{3,}s)\b(?:\s+(?:by|to|at))?")


def _value_series(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """ "will grow by 1.8% in 2024; 2.5% in 2025; 2.1% in 2026": coordinated items with their
    own dates are one claim each, each with its year."""
    out: list[ExtractedClaim] = []
    done: set[str] = set()
    for claim in claims:
        items = list(_SERIES_ITEM.finditer(claim.sentence))
        if len(items) < 2 or not re.search(r"[%\d]", items[0]["value"]):
            out.append(claim)
            continue
        if claim.sentence in done:
            continue  # the series is already out, from the sentence's first claim
        first = claim.statement.find(items[0]["value"])
        if first > 0:
            base = claim.statement[:first].rstrip()
        else:
            verb = _SERIES_VERB.match(claim.statement)
            if verb is None:
                out.append(claim)
                continue
            base = verb.group(0)
        done.add(claim.sentence)
        for item in items:
            year = int(item["year"])
            out.append(
                dataclasses.replace(
                    claim,
                    claim=f"{claim.claim} ({item.group(0)})",
                    statement=f"{base} {item['value']} in {year}",
                    time_expression=f"in {year}",
                    due_earliest=date(year, 1, 1),
                    due_latest=date(year, 12, 31),
                    due_basis="year",
                    verifiable=True,
                )
            )
    return out


HEADLINE_SENTENCES = 2  # a headline opens the article (a standfirst may follow it)
_HEADLINE_PLAN = re.compile(
    r"^(?P<subj>[A-Z][^:;|]{1,80}?)\s+to\s+(?P<pred>(?:visit|meet|travel|attend|hold|host|launch|"
    r"unveil|sign|announce|release|publish|open|start|begin|vote|resign|step\s+down|join|"
    r"buy|acquire|sell|list|cut|raise|hike|lift|lower|keep|hold|debut|return|tour|address|"
    r"face|testify|decide|rule|name|appoint|headline|play|stage|close|end|introduce|present|"
    r"report|deliver|fly|go|head|arrive|propose|table|lay\s+out|set\s+out|outline)\b.*)$"
)


def _headline_plan(sent: Sentence, index: int, ctx: _Context) -> list[ExtractedClaim]:
    """A headline's plan, "Scholz to visit Washington next week": a claim when it names a
    time of its own (a repeat in the lede merges with it in ``once``)."""
    text = sent.text.strip().rstrip(".")
    if " | " in text or text.isupper():
        return []
    m = _HEADLINE_PLAN.match(text)
    if m is None or re.search(
        r"(?i)\b(?:how|why|what|who|whether|plans?|wants?|hopes?)\b", m["subj"]
    ):
        return []
    times = ctx.times(text)
    time = _choose_time(times, m.start("pred"), len(text))
    if time is None or time.is_past or time.window.basis not in _SPECIFIC:
        return []
    claim = _make_claim(
        sent, index, ctx, m["subj"], "to", m["pred"], "will", times,
        (m.start("pred"), len(text)), (0, 0), "",
    )  # fmt: skip
    return [claim] if claim is not None else []


def extract_claims(text: str, reference_date: date, settings: Settings) -> list[ExtractedClaim]:
    """Every forward-looking claim in an article, its window resolved against ``reference_date``."""
    ctx = _Context(reference_date, settings)
    ctx.discourse.titles = ctx.book.titles
    ctx.text = strip_datelines(text)
    sentences = split_sentences(ctx.text)
    usable = [
        not _is_headline_or_caption(s.text) and not _is_list_heading(s.text) for s in sentences
    ]
    attributions = [attribute(s.text) if usable[i] else None for i, s in enumerate(sentences)]
    for i, sent in enumerate(sentences):
        att = attributions[i]
        if att is not None:
            _anchors_of(_strip_spans(sent.text, att.spans), i, ctx)
    # Quoted sentences without their own attribution borrow the neighbouring speaker.
    speakers: list[str] = []
    for att in attributions:
        speakers.append(att.speaker if att else "")
    for i, sent in enumerate(sentences):
        if speakers[i] or not usable[i] or not sent.text.startswith(("“", '"')):
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(sentences) and sentences[j].paragraph == sent.paragraph and speakers[j]:
                speakers[i] = speakers[j]
                break
    claims: list[ExtractedClaim] = []
    headlines: list[ExtractedClaim] = []
    for i, sent in enumerate(sentences):
        ctx.sentence_start = sent.start
        if not usable[i]:
            if i < HEADLINE_SENTENCES:
                headlines.extend(_headline_plan(sent, i, ctx))
            continue
        names_here = actors_mod.find_actors(sent.text, ctx.book)
        att = attributions[i]
        orgs_here = [n for n in names_here[:2] if n not in ctx.book.persons]
        ctx.current_org = orgs_here[0] if orgs_here else ""
        if sent.text.rstrip("”\"’' ").endswith("?"):
            ctx.last_actors = names_here[:1] or ctx.last_actors
            continue
        speaker = _speaker_name(speakers[i], ctx)
        if _NOBODY.match(speaker):
            continue  # "Nobody believes growth will return soon": a claim denied, not made
        found = _one_sentence_one_time(
            _value_series(_sentence_claims(sent, i, ctx, speaker, att.spans if att else []))
        )
        claims.extend(found)
        if speaker and not is_pronoun(speaker):
            ctx.last_speaker = speaker
        if orgs_here:
            # organisations named, for later "the company said" / "the planemaker will"
            if orgs_here[0] in ctx.organisations:
                ctx.organisations.remove(orgs_here[0])
            ctx.organisations.append(orgs_here[0])
        if not found and names_here:
            people = [n for n in names_here if len(n.split()) >= 2]
            ctx.last_actors = people[:1] or ctx.last_actors
        ctx.discourse.mention(names_here, ctx.book.persons)
    found = once(_distinct([*_unrepeated(headlines, claims), *claims]))
    return situate(found, [s.text for s in sentences], ctx.book.persons, ctx.discourse.recent)


def _distinct(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """One sentence's claim found by two patterns ("are pricing in a hike in May" as a verb
    phrase and as a forecast object) is one claim: the first found stays."""
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    out = []
    for c in claims:
        key = (c.sentence, " ".join(c.claim.lower().split()), tuple(c.actors))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


_SHARED_BASES = ("week", "weekday", "date", "relative_day", "relative_span", "month")


def _one_sentence_one_time(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """Claims of one sentence that name no time share the time another of its clauses names:
    "Geopolitics will be a neutral factor in the week ahead although ministers will continue
    to talk up the price" (LABELLING.md: a date stated elsewhere counts)."""
    if len(claims) < 2:
        return claims
    dated = [c for c in claims if c.due_basis in _SHARED_BASES]
    if not dated or len({(c.due_earliest, c.due_latest) for c in dated}) > 1:
        return claims  # no time, or rival times: nothing to share
    for c in claims:
        if c.due_basis == "default_horizon":
            c.due_earliest, c.due_latest = dated[0].due_earliest, dated[0].due_latest
            c.due_basis = "event_anchor"
    return claims


HEADLINE_REPEAT = 0.5  # share of a headline's content words that marks the body's claim a repeat


def _unrepeated(
    headlines: list[ExtractedClaim], body: list[ExtractedClaim]
) -> list[ExtractedClaim]:
    """Headline claims the body does not restate: a headline is terse and the lede reworded
    ("Scholz to visit Washington" / "the chancellor will travel to Washington"), so a looser
    overlap than ``once`` marks a repeat."""
    kept = []
    for h in headlines:
        words = content_words(h.statement)
        if not any(
            len(words & content_words(c.statement)) >= HEADLINE_REPEAT * len(words) for c in body
        ):
            kept.append(h)
    return kept
