"""The canonical statement of a claim: a sentence anyone can check without the article.

"She is expected to travel to Washington next week" in an article about Olaf Scholz becomes
"Olaf Scholz travels to Washington between 12 June 2023 and 18 June 2023": the resolved subject,
the predicate in the simple present (the hedge goes: it is kept in ``hedge`` and
``probability``), the object, and the time expression replaced by the window it resolves to.
Negation stays ("X does not attend"); a claim about whether something happens stays a claim
that it happens, never its opposite. Pure functions over strings and dates.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from lemminflect import getAllLemmas

from forecasts.claims.types import Window

_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes", "can": "can"}
_PLURAL_BE = {"be": "are", "have": "have", "do": "do", "go": "go"}
_ES = re.compile(r"(?:s|sh|ch|x|z|o)$")
_LEAD_ADVERB = re.compile(
    r"^(?:(?:also|now|still|probably|possibly|likely|perhaps|soon|then|finally|eventually|"
    r"ultimately|again|even|only|almost\s+certainly|certainly|definitely|further|quickly|initially|"
    r"formally|officially|jointly|potentially|rather|already|yet|"
    # "will first head to Berlin", "will once again gather", "will therefore be": an adverb
    r"first|once(?:\s+again|\s+more)?|therefore|thus|next|later|instead|subsequently|"
    # "most likely remain", "will all be digital": a degree or a floating quantifier
    r"(?:most|more|very|highly|less|quite)\s+likely|all|both|"
    # any other -ly adverb ("primarily", "largely"), not a verb that ends so ("supply")
    r"(?!(?:apply|rely|reply|fly|supply|comply|multiply|ally|rally|tally|imply|bully|sully|"
    r"dally|resupply|roughly|nearly|early|fully|daily|weekly|monthly|quarterly|yearly|only)\b)"
    r"[a-z]{3,}ly)\s+)+",
    re.IGNORECASE,
)
_NOT_VERB = {
    "a", "an", "the", "another", "one", "two", "three", "four", "several", "further", "more",
    "at", "roughly", "about", "around", "up", "as", "its", "their", "his", "her", "this", "that",
    "no", "some", "any", "for", "on", "by", "in", "of", "to", "with", "from", "yet", "also",
    "not", "still", "there", "here", "so",
}  # fmt: skip
_NEGATION = re.compile(r"^(?:not|never|n't)\s+", re.IGNORECASE)


@lru_cache(maxsize=4096)
def base_form(verb: str) -> str:
    """The base form of a verb written as a past or a gerund ("took" -> "take", "releasing"
    -> "release"), from lemminflect's English lexicon (shipped in its wheel); a base form,
    or a word the lexicon does not know as a verb, is returned as it is."""
    lemmas = getAllLemmas(verb.lower(), upos="VERB").get("VERB", ())
    if not lemmas or verb.lower() in lemmas:
        return verb
    return str(lemmas[0])


def third_person(verb: str, *, plural: bool = False) -> str:
    """'visit' -> 'visits', 'be' -> 'is' (or 'are' for a plural subject)."""
    low = verb.lower()
    if plural:
        return _PLURAL_BE.get(low, verb)
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if re.search(r"[^aeiou]y$", low):
        return verb[:-1] + "ies"
    if _ES.search(low):
        return verb + "es"
    return verb + "s"


def _negate(verb: str, rest: str, plural: bool) -> str:
    low = verb.lower()
    if low == "be":
        return f"{'are' if plural else 'is'} not {rest}".strip()
    if low in ("can", "must", "should"):
        return f"{low} not {rest}".strip()
    aux = "do" if plural else "does"
    return f"{aux} not {verb} {rest}".strip()


def present(predicate: str, *, plural: bool = False, negative: bool = False) -> str:
    """A base-form predicate ("visit Paris", "not be held") in the simple present."""
    text = _LEAD_ADVERB.sub("", predicate.strip())
    text = _PLAN_FRAME.sub("", text)  # "scheduled to visit Ankara": the visit
    negated = bool(_NEGATION.match(text))
    text = _NEGATION.sub("", text)
    text = _LEAD_ADVERB.sub("", text)
    words = text.split(maxsplit=1)
    if not words:
        return ""
    verb, rest = words[0], (words[1] if len(words) > 1 else "")
    if not re.fullmatch(r"[a-z][a-z-]*", verb) or verb.lower() in _NOT_VERB:
        return text  # not a verb: a noun phrase, kept as it is
    verb = base_form(verb)  # "will took effect", "on track in releasing": the verb's base
    rest = _COORDINATED_VERB.sub(
        lambda m: f"{m['join']}{third_person(m['verb'] or m['motion'], plural=plural)}",
        f" {rest}",
    )[1:]  # "abolish the escalator and delay the hike", "spread and disrupt": both verbs agree
    if negative or negated:
        return _negate(verb, rest, plural)
    return f"{third_person(verb, plural=plural)} {rest}".strip()


PLAN_FRAME_END = re.compile(
    r"\s+(?:is\s+|are\s+)?(?:scheduled|set|due|slated|poised|expected)\s+to$", re.IGNORECASE
)
_PLAN_FRAME = re.compile(
    r"^(?:be\s+)?(?:scheduled|set|due|slated|poised|planning|planned|going|about|expected|"
    r"likely|unlikely|certain|sure|ready|preparing|gearing\s+up)\s+to\s+(?=[a-z])",
    re.IGNORECASE,
)
# Verbs common in claims, for the second verb of a coordinated predicate ("and delay", ",
# attract"); a closed list, since "and support for X" has a noun where a verb could be.
_COMMON_VERBS = (
    "alter|help|attract|delay|scrap|cut|raise|hold|keep|leave|sign|meet|visit|launch|open|close|"
    "end|start|begin|announce|release|publish|reach|boost|lower|lift|extend|expand|reduce|"
    "increase|approve|vote|pass|travel|attend|return|join|discuss|make|take|give|build|complete|"
    "deliver|create|invest|hire|sell|buy|pay|win|lose|face|seek|replace|introduce|remove|ban|"
    "allow|require|resume|stop|halt|suspend|enter|disrupt|spread|enlighten|carry|bring|send|"
    "unveil|present|host|tour|hike|trim|slash|double|triple|sign|ratify|implement|abolish"
)
_COORDINATED_VERB = re.compile(
    r"(?P<join>(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:then\s+|also\s+)?)"
    r"(?:(?P<verb>" + _COMMON_VERBS + r")(?=\s+(?!(?:for|of|to|in|on|from|with|by|at|is|are|"
    r"was|were|will|would)\b)[a-z\d$€£])"
    # a verb of motion goes somewhere ("then travel to Palm Springs"); "be" is never a noun
    r"|(?P<motion>travel|return|fly|head|go|move|be)(?=\s+(?:to|back|home|in|on|at|a|an|the)\b))"
)


_MONTH_NAMES = tuple(calendar.month_name)  # strftime is locale-dependent and slow


def _day(d: date) -> str:
    return f"{d.day} {_MONTH_NAMES[d.month]} {d.year}"


def window_phrase(window: Window, reference: date) -> str:
    """The window as words: 'on 12 August 2021', 'in March 2024', 'by 31 December 2024'."""
    lo, hi = window.earliest, window.latest
    if lo == hi:
        return f"on {_day(lo)}"
    if lo.day == 1 and (hi + _ONE_DAY).day == 1 and (lo.year, lo.month) == (hi.year, hi.month):
        return f"in {_MONTH_NAMES[lo.month]} {lo.year}"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return f"in {lo.year}"
    if lo <= reference:
        return f"by {_day(hi)}"
    return f"between {_day(lo)} and {_day(hi)}"


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)
_TIME_LEAD = r"(?:\b(?:in|on|by|at|during|over|within|before|until|from|this|next|for|into|well\s+into|toward|towards|around|throughout|as\s+early\s+as|as\s+soon\s+as|no\s+later\s+than|no\s+earlier\s+than)\s+)*"


# "in the fall of 2018"; "set for Tuesday, November 21": the weekday goes with the date
_TIME_LEAD_END = re.compile(
    _TIME_LEAD + r"(?:the\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$", re.IGNORECASE
)


_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|same|its|their|his|her|this|that)\s+$")


def replace_time(text: str, expression: str, phrase: str) -> tuple[str, bool]:
    """The time expression (with its preposition) replaced by the resolved phrase; whether
    it was there."""
    if expression[-2:] in ("’s", "'s"):
        expression = expression[:-2]  # "Wednesday’s": the possessive is handled below
    at = text.lower().find(expression.lower()) if expression else -1
    if at < 0:
        return text, False
    lead = _TIME_LEAD_END.search(text, 0, at)
    start = lead.start() if lead else at
    if phrase.startswith(("on ", "in ")) and _MODIFIER_BEFORE.search(text, 0, at):
        # "at the same Sept. 12 event": the date modifies the noun, "the same 12 September
        # 2012 event", with no preposition
        return f"{text[:at]}{phrase[3:]}{text[at + len(expression) :]}", True
    until = re.compile(r"(?i)(?:until|till|through)\b")
    if phrase.startswith("by ") and (until.match(expression) or (lead and until.match(lead[0]))):
        phrase = f"until {phrase[3:]}"  # "will last until August": until, not by, its end
    end = at + len(expression)
    owned = re.match(r"[’']s\s+", text[end:])
    if owned and not phrase:
        # "April’s total solar eclipse": the time moves out, the eclipse stays (no "’s")
        end += owned.end()
    elif owned and phrase.startswith(("on ", "in ")):
        # "ahead of Wednesday’s final": "ahead of the 20 April 2011 final"
        return f"{text[:at]}the {phrase[3:]} {text[end + owned.end() :]}", True
    elif owned:
        # "over this week’s Games": the occasion stays, the caller puts the window after it
        return f"{text[:at]}the {text[end + owned.end() :]}", False
    return f"{text[:start]}{phrase}{text[end:]}", True


# what opens a line but is no part of its sentence: a bullet, a headline in capitals ending in
# a dash ("NASA NEWS CONFERENCE ... WASHINGTON --"), a dateline's city and day ("LIBREVILLE Oct 15")
_CAPS_LEAD = re.compile(
    r"^\s*(?:[•*·▪]\s*)?(?:(?:[A-Z0-9][A-Z0-9.,’'&/()-]*\s+){2,}(?:--|—|–)\s+"
    # a dateline and its agency or date: "LONDON/DUBAI (Reuters) -", "BOSTON (Sept. 6, 2012) —"
    r"|[A-Z]{3,}(?:[/ ,]+[A-Z]{3,})*,?\s*\([^()]{1,30}\)\s*(?:--|[-—–:])\s*"
    r"|[A-Z]{3,}(?:\s+[A-Z]{3,})?,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
    r"\.?\s+\d{1,2}\s+(?=[A-Z]))?"
)
# a photo credit is no part of a sentence: "(AP Photo/J. Scott Applewhite)", "AP Photo"
_PHOTO_CREDIT = re.compile(
    r"\s*\(?\b(?:AP|AFP|Reuters|EPA|Getty\s+Images|File)\s+Photos?\b(?:\s*/[^)]*\))?\)?\s*"
)
_QUOTE_MARKS = re.compile(r"[“”\"‘]|(?<!\w)’|’(?!\w)")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:])")
_SPACES = re.compile(r"\s+")
_DANGLING_END = re.compile(  # a span cut before its object: "the final against"
    r"(?:,?\s+(?:and|or|but|as|with|while|which|that|on|in|at|of|for|to|by|from|the|a|an|against|than|via|including|between|among|towards?|amid|despite|its|their))+$"
)
_DANGLING_START = re.compile(r"^(?:and|but|so|or|yet|while|saying|that)\s+", re.IGNORECASE)


_UNTIL_ON = re.compile(r"\b(?:till|until|through|thru)\s+on\s+(?=\d)")
_OPEN_BRACKET_END = re.compile(r"\s*[(\[][^)\]]*$")
# "on 14 December 2020 morning" (from "on Monday morning"): the part of the day goes first
_DAY_PART = re.compile(r"\bon (\d{1,2} [A-Z][a-z]+ \d{4}) (morning|afternoon|evening|night)\b")


def tidy(text: str) -> str:
    """One sentence: single spaces, no dangling punctuation, quotes or open bracket, a capital
    first letter."""
    text = _QUOTE_SPEAKER.sub("", text)
    text = _PHOTO_CREDIT.sub(" ", text)
    text = _QUOTE_MARKS.sub("", text)
    text = _CAPS_LEAD.sub("", text)
    if text.count("(") > text.count(")") or text.count("[") > text.count("]"):
        text = _OPEN_BRACKET_END.sub("", text)  # "took effect in 10 states (We’ll post ..."
    if "morning" in text or "afternoon" in text or "evening" in text or "night" in text:
        text = _DAY_PART.sub(r"on the \2 of \1", text)  # the pattern needs one of the four
    text = _UNTIL_ON.sub("until ", text)  # "available till on 31 July": until 31 July
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip(" ,;:-–—")
    text = _DANGLING_END.sub("", text)
    text = _DANGLING_START.sub("", text)
    return text[:1].upper() + text[1:] if text else text


# who said it, or whose photo it is, is no part of what will happen: "..., a White House
# official said in an email", "(Paul Sancya/AP)"
_TRAILING_SOURCE = re.compile(
    r"[,”\"’']*,[”\"’']*\s*(?:(?:a|an|the)\s+)?(?:[\w’'.-]+\s+){0,7}?"
    r"(?:said|says|told|reported|stated|announced)"
    r"(?:\s+(?:in|on|at|to|a|an|the)\s+[^,]{1,40}|\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
    r"[.\s]*$"
    r"|\s*\((?:[^()]*/\s*)?(?:AP|AFP|Reuters|Getty(?:\s+Images)?|EPA|Bloomberg)\)[.\s]*$",
)
_MAIN_CLAUSE_AFTER = re.compile(
    r",\s+(?:[A-Z][\w.’'-]*\s+){1,3}(?:said|says|told|added|noted|insisted)\s+"
    r"(?:that\s+)?(?:he|she|it|they|we|i)\s+.*$"
)
_PAST_COORDINATE = re.compile(r",\s+and\s+(?:(?:had|has|was|were)\s+)?[a-z]+ed\b.*$")
_HEDGE_WORDS = ("probably", "possibly", "perhaps", "maybe")
# (not before a time: "in the next few months, possibly in January" offers an alternative)
_HEDGE_ADVERB = re.compile(
    r"(?:,\s*)?\s\b(?:probably|possibly|perhaps|maybe)\b,?"
    r"(?=\s|$)(?!\s+(?:in|on|by|at|between|from|before|after|as|next|this|later|early|late)\b)"
)
# a quote's speaker after it with no verb: "…for some time ahead', Governor Oystein Olsen"
_QUOTE_SPEAKER = re.compile(r"[’'”\"],\s+(?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w.’'-]*$")
_WEEKDAY_BESIDE_DATE = re.compile(
    r"\b(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:,\s*|\s+)(?=on\s+\d{1,2}\s+[A-Z])"
)


def build(
    subject: str,
    predicate: str,
    *,
    negative: bool,
    plural: bool,
    expression: str,
    window: Window | None,
    reference: date,
    dated: bool,
    present_tense: bool = False,
    sentence: str = "",
) -> str:
    """The statement of one claim from its resolved subject and base-form predicate
    (``present_tense``: the predicate is already in the simple present, "holds its vote").
    When the rewrite comes out garbled (``garbled``) and the ``sentence`` is given, the
    sentence itself, cleaned and dated, with its pronoun subject named (``from_sentence``)."""
    rewrite = _rewrite(
        subject, predicate, negative=negative, plural=plural, expression=expression,
        window=window, reference=reference, dated=dated, present_tense=present_tense,
    )  # fmt: skip
    if sentence and garbled(rewrite) and (expression or not _RELATIVE_TIME.search(sentence)):
        # (a sentence whose own time the claim did not take, "next week", would stay unresolved)
        whole = from_sentence(
            sentence, expression=expression, window=window, reference=reference, dated=dated
        )
        whole = _declarative(_named_pronoun(whole, subject))
        phrase = window_phrase(window, reference) if window is not None and dated else ""
        if phrase and not expression and not re.search(r"\b(?:19|20)\d\d\b", whole):
            whole = f"{whole} {phrase}"  # the claim's window, as the rewrite put it
        if whole and not garbled(whole) and not _PRONOUN_LEAD.match(whole):
            return whole
    return rewrite


# signs of a rewrite that no longer reads as a sentence: it ends on a word that needs more
# ("two days after", "with Mrs"), a word repeated ("The Top top negotiators"), a time put
# after a word that needs its noun ("climbs over $80 toward by 31 December"), or a subject
# and a verb with nothing else ("Apple announces")
_GARBLED = re.compile(
    r"(?i)\b(?:after|before|during|toward|towards|into|than|whose|where|which|who|whom|"
    r"(?-i:Mrs|Mr|Ms|Dr|Prof))\.?$"
    r"|\b(?P<word>[a-z]{3,})\s+(?P=word)\b"
    r"|\b(?:the|a|an|or|toward|towards|into|of|for|to|at|it|first|second|third|fourth|last)\s+"
    r"(?:by|between|until)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
    r"|^\S+\s+[a-z]+s$"
    # an auxiliary opening a statement ("Have concluded ..."), an interrogative taken for a name
    # ("The What trial"), a noun cut from its determiner ("Version of its tablet"), a belief
    # left before its clause's verb ("Misek now believes do not happen")
    r"|^(?-i:Have|Has|Had|Is|Are|Was|Were|Will|Would|Could|Should|Do|Does|Did)\s"
    r"|^(?:The|A|An)\s+(?-i:What|Who|Where|When|Why|How)\b"
    r"|^(?-i:[A-Z][a-z]+ed)\s+by\b"  # a participle's phrase for a subject: "Directed by X open"
    r"|^(?-i:[A-Z][a-z]+)\s+of\s+(?:its|his|her|their)\b"
    # a name said to include, last or feature, as only occasions do: the actor of a relative
    # clause's head ("a visit that will include talks" -> "Moon includes talks")
    r"|^(?-i:(?:[A-Z][\w.’'-]*\s+){1,5})(?:includes|include|lasts|consists|features)\b"
    # a plural pronoun with a singular verb ("say they votes against")
    r"|\b(?-i:they|we|you)\s+(?:is|has|does|(?!(?:always|was|has|does|is|thus|perhaps|"
    r"also|less|unless|across|towards)\b)[a-z]{2,}[^s\W']s)\b"
    r"|\b(?:believes?|thinks?|says?|expects?|hopes?|fears?|reckons?|estimates?)\s+"
    r"(?:do|does|is|are)\b"
)
_PRONOUN_LEAD = re.compile(r"(?i)^(?:he|she|it|they|we|i|you)\b")


# a name alone said to take place ("ISRO takes place for ...", "The Qatar is held"): an actor
# is no occasion; an occasion's name ends on what it is ("Sarasota Film Festival")
_NAME_TAKES_PLACE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w.&+’'-]*\s+){0,3}(?P<last>[A-Z][\w.&+’'-]*)\s+"
    r"(?:takes\s+place|take\s+place|is\s+held|are\s+held)\b"
)
_OCCASION_NAMES = {
    "festival", "games", "cup", "summit", "conference", "election", "elections", "day", "week",
    "championship", "championships", "olympics", "expo", "fair", "marathon", "show", "awards",
    "open", "prix", "meeting", "forum", "congress", "convention", "session", "derby", "final",
    "finals", "series", "tournament", "race", "rally", "parade", "ceremony", "launch", "event",
    "gala", "concert", "tour", "trial", "hearing", "vote", "referendum", "primary", "debate",
    "assembly", "exhibition", "carnival", "classic", "bowl", "league", "qualifiers", "talks",
    "meet", "party", "agm", "egm", "ipo", "festivities", "celebrations", "mass",
}  # fmt: skip


_RELATIVE_TIME = re.compile(
    r"(?i)\b(?:next|last|this|coming|tomorrow|yesterday|today|tonight|(?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day)\b"
)


def garbled(statement: str) -> bool:
    """Whether a rewritten statement no longer reads as a sentence (``_GARBLED``), or says an
    actor takes place (``_NAME_TAKES_PLACE``)."""
    text = statement.rstrip(" .")
    named = _NAME_TAKES_PLACE.match(text)
    if named:
        last = named["last"].lower().removesuffix("’s").removesuffix("'s")
        # one opening word is a name only when it is an acronym ("ISRO"); "Talks", "More" open
        # the sentence
        alone = named.start("last") == 0
        if last not in _OCCASION_NAMES and (
            not alone or bool(re.fullmatch(r"[A-Z0-9]{2,}", named["last"]))
        ):
            return True
    return bool(_GARBLED.search(text))


# the sentence's own modal or plan ("will be held", "are expected to discuss") within its first
# words: the main clause's verb, which the statement puts in the simple present
_MAIN_MODAL = re.compile(
    r"^(?P<subject>(?:\S+\s+){1,8}?)(?P<aux>will|would|could|may|might|"
    r"(?:is|are)(?=\s+(?:expected|set|scheduled|due|likely|slated|poised|about)\s+to\b))\s+"
    r"(?=[a-z])"
)


def _declarative(text: str) -> str:
    """ "The top negotiators are expected to discuss ..." -> "The top negotiators discuss ...":
    the first modal or plan of a sentence, put in the simple present as ``present`` does."""
    m = _MAIN_MODAL.match(text)
    if m is None or "," in m["subject"]:
        return text
    # the head before any prepositional phrase: "A vote in the House of Commons" is a vote
    head = re.split(r"\s(?:of|in|for|at|on|with|from|to|by)\s", f" {m['subject']} ")[0].split()
    last = head[-1].lower() if head else ""
    plural = m["aux"] == "are" or (
        m["aux"] != "is" and (bool(re.fullmatch(r"[a-z]+[^su]s", last)) or last in ("they", "we"))
    )
    verb_phrase = present(text[m.end() :], plural=plural)
    return f"{m['subject']}{verb_phrase}" if verb_phrase else text


def _named_pronoun(text: str, subject: str) -> str:
    """ "He will visit ..." with the name the rewrite resolved for "he" ("Olaf Scholz")."""
    if (
        _PRONOUN_LEAD.match(text)
        and re.match(r"[A-Z]", subject)
        and not _PRONOUN_LEAD.match(subject)
    ):
        return f"{subject}{text[len(text.split()[0]) :]}"
    return text


def _rewrite(
    subject: str,
    predicate: str,
    *,
    negative: bool,
    plural: bool,
    expression: str,
    window: Window | None,
    reference: date,
    dated: bool,
    present_tense: bool,
) -> str:
    framed = PLAN_FRAME_END.search(subject)
    if framed and not re.search(
        r"(?i)\b(?:is|are|was|were|will|has|have|among)\b", subject[: framed.start()]
    ):
        subject, present_tense = subject[: framed.start()], False
    if present_tense and _PLAN_FRAME.match(predicate):
        present_tense = False  # "Heiko Maas scheduled to visit Ankara": the visit, conjugated
    predicate = _TRAILING_SOURCE.sub("", predicate)
    # "..., Musk said he is welcoming the competition": the main clause of a fronted claim
    predicate = _MAIN_CLAUSE_AFTER.sub("", predicate)
    # "will last until May 10, and targeted four districts": a past verb after the comma
    # tells what already happened, no part of the claim
    if ", and " in predicate:
        predicate = _PAST_COORDINATE.sub("", predicate)
    # "and be in good shape probably in the middle of the year": the hedge is kept in
    # ``hedge``, the statement says what happens
    if any(w in predicate for w in _HEDGE_WORDS):
        predicate = _HEDGE_ADVERB.sub("", predicate)
    verb_phrase = (
        predicate if present_tense else present(predicate, plural=plural, negative=negative)
    )
    phrase = window_phrase(window, reference) if window is not None and dated else ""
    if expression and phrase:
        # the time goes where it was said; said inside the subject ("the next cut in May
        # takes place"), it moves to the end
        unmoved = subject
        subject, moved = replace_time(subject, expression, "")
        if moved and not re.search(r"\w", subject):
            # "This year could end with a bang": the time is the whole subject; it stays
            subject, moved = unmoved, False
        verb_phrase, replaced = replace_time(verb_phrase, expression, phrase)
        if moved or not replaced:
            verb_phrase = f"{_DANGLING_END.sub('', verb_phrase)} {phrase}"
    elif phrase and not re.search(r"\b(?:19|20)\d\d\b", f"{subject} {verb_phrase}"):
        verb_phrase = f"{verb_phrase} {phrase}"
    if phrase and verb_phrase.endswith(phrase):
        # "does not reach orbit and that on 17 April 2023": no connector before the time
        head = _DANGLING_END.sub("", verb_phrase[: -len(phrase)].rstrip())
        verb_phrase = f"{head} {phrase}"
    if phrase.startswith("on "):
        # "on Monday, on 28 January 2013": the date says the day; the weekday goes
        verb_phrase = _WEEKDAY_BESIDE_DATE.sub("", verb_phrase)
    return tidy(f"{subject} {verb_phrase}")


_SENTENCE_OPENER = re.compile(
    r"^(?:[•*·–—-]\s*)?(?:(?:plus|and|but|so|also|however|meanwhile|still)\b,?\s*)?", re.IGNORECASE
)


_REPORTED_THAT = re.compile(
    r"^[^,“”\"]{0,80}?\b(?:said|says|predicted|predicts|expects|expected|believes|believed|"
    r"forecast|forecasts|announced|confirmed|warned|estimated|estimates|reported|noted|added)\s+"
    r"that\s+(?=\S)"
)


def from_sentence(
    sentence: str, *, expression: str, window: Window | None, reference: date, dated: bool
) -> str:
    """The source sentence as the statement, for a claim whose subject could not be cut out
    whole: without its attribution, opening connective or bullet, with the time replaced by
    its window. A whole sentence a reader can check beats a fragment."""
    text = " ".join(sentence.split()).rstrip(" .")
    text = _TRAILING_SOURCE.sub("", text)
    text = _SENTENCE_OPENER.sub("", text)
    # "Earlier this month Goldman Sachs predicted that Brent would climb ...": what was said
    text = _REPORTED_THAT.sub("", text)
    phrase = window_phrase(window, reference) if window is not None and dated else ""
    if expression and phrase:
        text, replaced = replace_time(text, expression, phrase)
        if not replaced:
            text = f"{text} {phrase}"
    return tidy(text).rstrip(" .")
