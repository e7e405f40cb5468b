"""Who a subject stands for, resolved as a reader resolves it.

A reader of "German Chancellor Olaf Scholz met Macron on Monday. The chancellor will travel to
Washington next week" knows the traveller: the person named earlier whose title holds the
description's head noun. ``Discourse`` remembers, sentence by sentence, who was named (most
recent last), with the titles they were introduced with, and which sentences named two or more
people ("the two ministers", "both leaders"). ``resolve`` maps a subject that names nobody
itself onto those names:

- a definite description of a person ("the chancellor", "the former president", "the
  pontiff"): the latest person whose title has that noun, else the latest person;
- a plural description of participants ("the two ministers", "both leaders", "the pair"): the
  people (or, failing people, the names) of the latest sentence that named two or more;
- "he" / "she": the latest person (never an organisation or a place);
- an organisation's description ("the carmaker", "the regulator", "the lender"): the latest
  organisation.

Everything else (names, "it", "they") is left to the extractor's own rules.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from babel import Locale

from forecasts.claims import actors as actors_mod
from forecasts.claims.types import ExtractedClaim

ROLE_NOUNS = {
    "chancellor", "president", "minister", "premier", "pontiff", "pope", "monarch", "king",
    "queen", "prince", "princess", "governor", "chair", "chairman", "chairwoman", "chief",
    "ceo", "executive", "secretary", "senator", "leader", "spokesman", "spokeswoman", "envoy",
    "spokesperson",
    "ambassador", "coach", "manager", "mayor", "candidate", "nominee", "commissioner",
    "director", "founder", "boss", "general", "commander", "judge", "justice", "emperor",
    "sheikh", "emir", "billionaire", "striker", "captain", "star", "champion", "astronaut",
    "economist", "official", "diplomat", "lawmaker", "incumbent", "challenger", "democrat",
    "republican", "politician", "veteran", "head", "chancellor-elect", "president-elect",
}  # fmt: skip
ORG_NOUNS = {
    "company", "firm", "carmaker", "automaker", "planemaker", "chipmaker", "drugmaker",
    "lender", "bank", "regulator", "watchdog", "agency", "group", "airline", "club", "team",
    "retailer", "insurer", "giant", "conglomerate", "startup", "utility", "operator", "network",
    "broadcaster", "publisher", "ministry", "department", "government", "council",
    "commission", "league", "federation", "union", "party", "bloc", "alliance", "organisation",
    "organization", "exchange", "court", "parliament", "cabinet", "administration", "board",
    "committee", "manufacturer", "producer", "supplier", "developer", "maker", "provider",
    "business", "country", "nation", "state", "kingdom", "republic", "carrier", "chain",
    "miner", "refiner", "brand", "outfit", "franchise", "band", "studio", "label",
}  # fmt: skip
_PLURAL = re.compile(
    r"^(?:the\s+)?(?:two|three|four|both|all\s+three|all\s+four)\s+(?:\w+\s+)?(?P<noun>\w+)$"
    r"|^the\s+(?:\w+\s+)?(?P<noun2>leaders|ministers|presidents|sides|pair|parties|men|women|"
    r"delegations|officials|governments|countries|counterparts)$",
    re.IGNORECASE,
)
_DEFINITE = re.compile(
    # a modifier is never a preposition: "the general election for Governor" is an election
    r"^(?:the|this|that)\s+(?:(?!(?:of|for|in|on|at|to|from|with|by|and|or)\s)(?:former|new|outgoing|incoming|current|veteran|embattled|"
    r"\d+-year-old|[\w-]+ian|[\w-]+ese|[\w-]+ish|british|french|german|u\.s\.|american|"
    r"chinese|prime|foreign|finance|defence|defense|interior|trade|vice|deputy|chief|"
    r"executive|central|national|state-owned|german-based|[A-Z][\w.-]*)\s+){0,3}"
    r"(?P<head>[\w-]+)$",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"^(?:he|she|him|her)$", re.IGNORECASE)


@dataclass
class Discourse:
    """Names in order of their latest mention, their titles, and multi-person sentences."""

    recent: list[str] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)
    titles: dict[str, set[str]] = field(default_factory=dict)  # shared with the NameBook

    def mention(self, names: list[str], persons: set[str]) -> None:
        """The names of one sentence, in order: they become the latest mentioned."""
        for name in names:
            if name in self.recent:
                self.recent.remove(name)
            self.recent.append(name)
        people = [n for n in names if n in persons]
        if len(people) >= 2:
            self.groups.append(people[:3])
        elif len(names) >= 2:
            self.groups.append(names[:2])

    def latest_person(
        self, persons: set[str], role: str = "", qualifiers: tuple[str, ...] = ()
    ) -> str:
        people = [n for n in reversed(self.recent) if n in persons]
        if role and qualifiers:
            # "the US president" after "US President Trump and Chinese President Xi": Trump
            for name in people:
                titles = self.titles.get(name, set())
                if role in titles and all(q in titles for q in qualifiers):
                    return name
        if role:
            for name in people:
                if role in self.titles.get(name, set()):
                    return name
        return people[0] if people else ""

    def resolve(self, subject: str, persons: set[str], organisations: list[str]) -> list[str]:
        """The names a subject that names nobody stands for (rules: module docstring)."""
        text = subject.strip(" ,“”\"'‘’")
        if not text:
            return []
        if _PERSONAL.match(text):
            person = self.latest_person(persons)
            return [person] if person else []
        plural = _PLURAL.match(text)
        if plural and self.groups:
            return list(self.groups[-1])
        definite = _DEFINITE.match(text)
        if definite is None:
            return []
        head = definite.group("head").lower()
        if head in ROLE_NOUNS:
            words = re.findall(r"[\w.-]+", text.lower())
            qualifiers = tuple(
                w.strip(".") for w in words[1:-1] if w not in ("the", "this", "that")
            )
            person = self.latest_person(persons, head, qualifiers)
            return [person] if person else []
        if (head in ORG_NOUNS or head.endswith("maker")) and organisations:
            if head in _PUBLIC_NOUNS:
                return organisations[-1:]
            # "the group", "the company": an organisation, never a country named as one
            # ("Algeria" among OPEC+'s members)
            bodies = [o for o in organisations if o not in _COUNTRY_NOUNS]
            return bodies[-1:]
        return []


# Statements that name nobody: "The deal closes by 2011", "Special guests attend the kickoff
# event". A reader without the article cannot tell which deal or event; the article's topic
# (the name it repeats most, never a person) says so: "The High Liner Foods deal closes".
TOPIC_MENTIONS = 2  # one mention does not make a topic
HEADING_SENTENCES = 6  # where headlines, standfirsts and a release's header lines are
BRAND_MENTIONS = 3  # a one-word name with no organisation word needs more
_NOT_NAMES = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|GMT|BST|EDT|EST|PDT|"
    r"PST|UTC|IST|CET|AM|PM|A\.M\.|P\.M\.|Q[1-4]|I)[,.;:]?$"
)
# where a topic goes: after the first "the" of the subject ("The deal", "attend the kickoff"),
# or the second in "the closing of the merger"; never before a quantity ("the number of
# people") or a possessive ("the nation’s"), which need a place, not an owner
_FIRST_THE = re.compile(
    # an opening adverbial ("On the data front, ...") is no subject
    r"^(?!(?i:on|in|at|for|with|by|from|during|after|before|under|over)\s)(?:[\w’'-]+\s+){0,3}?"
    r"(?:[Tt]he\s+[a-z-]+\s+of\s+)?[Tt]he\s+"
    r"(?=(?!(?:number|amount|share|rest|majority|bulk|end|start|beginning|first|last|same|"
    r"other|world|country|nation|state|city|government)\b)[A-Za-z-]+\b(?![’']s))"
)
# a name that says what it is: an organisation (an organisation word, a company's suffix, an
# acronym) or an occasion ("Boston Film Festival"); "Gordon Brown" and "Yemeni" are not topics
_OWNER_WORDS = actors_mod.ORG_WORDS | {
    "foods", "motors", "airlines", "airways", "systems", "technologies", "energy", "partners",
    "holdings", "plc", "ltd", "llc", "corporation", "industries", "resources", "capital",
    "exploration", "services", "pharmaceuticals", "media", "telecom", "group", "co",
    "festival", "conference", "summit", "games", "cup", "championship", "championships",
    "olympics", "expo", "awards", "tournament", "qualifiers", "marathon", "fair", "launch",
    "airport", "station", "project",
}  # fmt: skip
_ACRONYM = re.compile(r"[A-Z](?:-?[A-Z]){1,5}")
_LOWER_LEAD = re.compile(r"^(?:[A-Z][\w]*-[a-z]+\s+)+")  # "Kentucky-based ALJ ..."


class Topic:
    """The names an article mentions and the one it is about. Given the article (``sentences``
    and its ``persons``), both are worked out only when a statement needs them: most
    statements name someone, and a first word is judged from the text alone."""

    def __init__(
        self,
        names: set[str] | None = None,
        name: str = "",
        *,
        sentences: list[str] | None = None,
        persons: set[str] | None = None,
        mentioned: list[str] | None = None,
    ) -> None:
        self._names, self._name = names or set(), name
        self._pending = (sentences, persons or set()) if sentences is not None else None
        self._mentioned = mentioned
        self._text = "\n".join(sentences) if sentences is not None else ""
        self._seen: dict[str, bool] = {}  # word -> used as a name

    def _work_out(self) -> None:
        if self._pending is not None:
            sentences, persons = self._pending
            self._pending = None
            found = article_topic(sentences, persons, self._mentioned)
            self._names, self._name = found.names, found.name

    @property
    def names(self) -> set[str]:
        self._work_out()
        return self._names

    @property
    def name(self) -> str:
        self._work_out()
        return self._name

    def mentions(self, name: str) -> int:
        """How often the article names ``name`` (0 with no article given)."""
        return len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self._text))

    def used_as_name(self, word: str) -> bool:
        """A name, not an opening word: capitalised inside a sentence of the article (or, with
        no article given, among the names)."""
        if not self._text:
            return word in self.names
        if word not in self._seen:
            self._seen[word] = word in self._text and _inside_a_sentence(word, self._text)
        return self._seen[word]


_INSIDE_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz,;:(")


def _inside_a_sentence(word: str, text: str) -> bool:
    r"""``re.search(rf"[a-z,;:(]\s+{re.escape(word)}(?![\w-])", text)``, found from the word's
    occurrences (str.find) instead of a pattern tried at every position of the article."""
    if not word or word[0].isspace():
        return bool(re.search(rf"[a-z,;:(]\s+{re.escape(word)}(?![\w-])", text))
    at = text.find(word)
    while at >= 0:
        after = text[at + len(word) : at + len(word) + 1]
        if not (after.isalnum() or after in ("_", "-")) or not after:
            start = at
            while start > 0 and text[start - 1].isspace():
                start -= 1
            if 0 < start < at and text[start - 1] in _INSIDE_BEFORE:
                return True
        at = text.find(word, at + 1)
    return False


def _word_at(name: str) -> str:
    r"""``(?<![\w-])NAME``: the name where no word or hyphen runs into it, written literal first
    (the look-behind after it, as wide as the name and the character before it), so that the
    engine looks for the literal instead of trying the look-behind at every position."""
    literal = re.escape(name)
    return rf"{literal}(?<![\w-]{literal})"


def article_topic(sentences: list[str], persons: set[str], names: list[str] | None = None) -> Topic:
    """The name an article repeats most (at least ``TOPIC_MENTIONS`` times, counting a longer
    form's mentions: "High Liner" in "High Liner Foods"), never a person; shown in its longest
    form. ``names``: the names the article mentions, when the caller has them already."""
    book = actors_mod.NameBook()
    found: list[str] = []
    # the headings' names first (the extractor skips headings; on a tie the first named wins),
    # then the body's, found again only when the caller has not found them
    for text in sentences if names is None else sentences[:HEADING_SENTENCES]:
        for name in actors_mod.find_actors(text, book):
            if name not in found:
                found.append(name)
    found += [name for name in names or [] if name not in found]
    people = persons | book.persons
    words = {w for n in found for w in n.split()}
    topic = Topic(names=words)
    text = "\n".join(sentences)
    best, most = "", TOPIC_MENTIONS - 1
    for name in found:
        if (
            name in people
            or any(name in p.split() or name == p for p in people)
            or len(name) < 3
            or name.lower() in ROLE_NOUNS
            or name.lower() in ORG_NOUNS
            or name in _COMMON_ACRONYMS
            or any(w in _CREDIT_WORDS for w in name.split())
        ):
            continue  # a person, a common word, or a photo credit ("AP Photo")
        if text.count(name) <= most:
            continue  # a bound on the whole-word count below, without a regular expression
        count = len(re.findall(_word_at(name) + r"(?![\w-])", text))
        if count > most:
            best, most = name, count
    if best:
        name = _display(best, found, text, people)
        if _owner_like(name) and name.lower() not in _OWNER_WORDS:
            topic = Topic(names=words, name=name)  # never a common word alone ("Group")
        elif (
            " " not in name
            and most >= BRAND_MENTIONS
            and name not in _COUNTRY_NOUNS
            and name not in US_STATES
            and name.lower() not in actors_mod.DEMONYMS
            and not _said_of_a_person(name, text)
            and not re.search(rf"\b(?:in|to|from|near|at)\s+{re.escape(name)}\b", text)
        ):
            # "Apple", "Nvidia": a one-word brand, repeated, neither a person nor a place
            topic = Topic(names=words, name=name)
    return topic


# the words of photo credits, bylines and agencies: "(AP Photo/Jane Doe)", "Getty Images"
_CREDIT_WORDS = {
    "Photo", "Photos", "Images", "Getty", "AP", "AFP", "Reuters", "EPA", "File", "Credit",
}  # fmt: skip


def _said_of_a_person(name: str, text: str) -> bool:
    """ "Hernandez ... he", "Musk said his": a name a personal pronoun follows closely, no
    other name between."""
    for m in re.finditer(_word_at(name) + r"(?![\w-])", text):
        rest = text[m.end() : m.end() + 50]
        pronoun = re.search(r"\b(?:he|she|his|her|him|himself|herself)\b", rest)
        if pronoun and not re.search(r"\b[A-Z][a-z]", rest[: pronoun.start()]):
            return True
    return False


def _display(name: str, found: list[str], text: str, people: set[str]) -> str:
    """The form of a repeated name a reader knows it by: the most frequent of the longer forms
    the article writes it in ("Film" -> "Sarasota Film Festival", "High Liner" -> "High Liner
    Foods"), that names an owner; the name itself failing that."""
    forms = [n for n in found if name in n and n not in people and not re.search(r"\s[a-z]", n)]
    forms += [
        m.group(0)
        for m in re.finditer(
            _word_at(name) + r"(?:(?:[ \t]+|[ \t]*\n[ \t]*(?!\n))[A-Z][\w&-]*)*", text
        )
    ]
    forms = [
        _LOWER_LEAD.sub("", " ".join(f.split()))
        for f in forms
        if _owner_like(f) and not any(w.lower() in actors_mod.TITLE_WORDS for w in f.split())
    ]
    if not forms:
        return name
    flat = " ".join(text.split())
    return max(forms, key=lambda f: (flat.count(f), len(f)))


def _owner_like(name: str) -> bool:
    words = name.split()
    return any(w.lower().strip(".,") in _OWNER_WORDS for w in words) or bool(
        len(words) == 1 and _ACRONYM.fullmatch(name)
    )


def names_someone(statement: str, topic: Topic, *, whole: bool = False) -> bool:
    """Whether a statement's subject names anyone or anything: a capitalised word other than
    a date, a clock word or a common noun ("the Company"), its first word only if the article
    uses it as a name ("OPEC", "Labour"). The subject is taken to end at the first comma or
    preposition: "The AGM is held at the Company's Head Office, Isle of Man" names no owner
    (``whole``: anywhere in the statement)."""
    lead = statement if whole else _SUBJECT_END.split(statement, maxsplit=1)[0]
    for i, word in enumerate(lead.split()):
        bare = word.strip("(),.;:“”\"'‘").removesuffix("’s").removesuffix("'s")
        if not bare[:1].isupper() or _NOT_NAMES.match(bare):
            continue
        if (
            bare.lower() in ROLE_NOUNS
            or bare.lower() in ORG_NOUNS
            or bare in _COMMON_ACRONYMS
            or bare.lower() in _GENERIC_CAPS
        ):
            continue
        if re.fullmatch(r"[A-Z][a-z]+-[a-z-]+", bare):
            continue  # "Anti-cholera", "Kentucky-based": a capitalised common word
        if i > 0 or (bare.lower() not in actors_mod.STOP_CAPS and topic.used_as_name(bare)):
            return True
    return False


# acronyms of common nouns: "the AGM" is no more named than "the meeting"
_COMMON_ACRONYMS = {"AGM", "EGM", "IPO", "GDP", "CPI", "PMI", "CEO", "CFO", "FTA", "MoU"}
# institutions and occasions every country has, capitalised: "The Senate votes", "Polls open for
# Election Day" name no country
_GENERIC_CAPS = {
    "senate", "house", "congress", "assembly", "election", "elections", "day", "polls",
    "referendum", "budget", "census", "primary", "cabinet", "ministry", "parliament",
    "covid-19", "covid", "coronavirus",
}  # fmt: skip
_SUBJECT_END = re.compile(r",|\s(?:at|in|on|from|to|for|with|by|near|under|after|before)\s")


def situated(statement: str, topic: Topic) -> str:
    """A statement that names nobody, with the article's topic put in its subject: "The deal
    closes" -> "The High Liner Foods deal closes"; unchanged when the article has no topic or
    the statement names someone already."""
    if names_someone(statement, topic) or not topic.name or topic.name in statement:
        return statement
    the = _FIRST_THE.match(statement) or _FIRST_A.match(statement)
    if the is None:
        bare = _BARE_NOUN_LEAD.match(statement)
        if bare is not None and _OCCASION_TOPIC.search(topic.name):
            # "Opening night features ...", "Additional announcements are made": an occasion's
            # parts are the occasion's ("Boston Film Festival’s opening night")
            return f"The {topic.name}’s {bare['first'].lower()} {statement[bare.end() :]}"
        return statement
    return f"{statement[: the.end()]}{topic.name} {statement[the.end() :]}"


# a statement opening on a common noun or adjective, capitalised only to open it
_BARE_NOUN_LEAD = re.compile(
    r"^(?P<first>(?!(?:The|A|An|They|We|He|She|It|I|You|This|That|These|Those|There|Here|Some|Most|All|"
    r"Many|Few|No|Any|Each|Every|Both|Other|Others|More|Less|One|Two|Three)\b)"
    r"(?![A-Za-z-]*ed\b)[A-Z][a-z-]+)\s+"
    r"(?=[a-z])"
)
_OCCASION_TOPIC = re.compile(
    r"\b(?:Festival|Games|Cup|Summit|Conference|Championships?|Olympics|Expo|Fair|Marathon|"
    r"Awards|Tournament|Show|Week|Forum|Convention)$"
)


# "A community grand opening event takes place": an indefinite subject opening the statement
# is as nameless as "the event"
_FIRST_A = re.compile(r"^(?:A|An)\s+(?=(?!(?:number|lot|few|couple|total|series)\b)[a-z-]+\b)")


# a country's or a government's things are a place's, not the topic's ("placed" above)
_PUBLIC_NOUNS = {
    "country", "nation", "state", "kingdom", "republic", "government", "parliament", "cabinet",
    "administration", "ministry", "department", "court", "council", "party",
}  # fmt: skip
_ORG_POSSESSIVE = re.compile(r"^(?P<the>[Tt]he)\s+(?P<noun>[a-z-]+)’s\s")


def org_owned(statement: str, topic: Topic) -> str:
    """ "The band’s new album is out", "the company’s shares": an organisation's description
    in the possessive is the organisation the article is about."""
    m = _ORG_POSSESSIVE.match(statement)
    if m is None or m["noun"] not in ORG_NOUNS - _PUBLIC_NOUNS or not topic.name:
        return statement
    return f"{topic.name}’s {statement[m.end() :]}"


def situate(
    claims: list[ExtractedClaim],
    sentences: list[str],
    persons: set[str],
    mentioned: list[str] | None = None,
) -> list[ExtractedClaim]:
    """The claims of one article, each statement that names nobody given the article's topic,
    and a subject cut inside a name made whole (``mentioned``: the names the extractor found
    in the article, so they are not looked for again)."""
    topic = Topic(sentences=sentences, persons=persons, mentioned=mentioned)
    text = "\n".join(sentences)
    where = {sentence: i for i, sentence in enumerate(sentences)}
    previous: tuple[int, str] | None = None  # the latest claim's sentence and subject
    described: tuple[int, str] | None = None  # the latest thing a subject described: "deal"
    for claim in sorted(claims, key=lambda c: where.get(c.sentence, -1)):
        statement = whole_subject(claim.statement, claim.sentence, text)
        cut = statement != claim.statement
        statement = placed(statement, claim.sentence, text, topic)
        statement = situated(statement, topic)
        statement = org_owned(statement, topic)
        at = where.get(claim.sentence, -1)
        if previous is not None and 0 <= at - previous[0] <= OCCASION_REACH:
            statement = owned_occasion(statement, previous[1], topic, persons)
        if described is not None and 0 <= at - described[0] <= 1:
            statement = object_named(statement, described[1])
        claim.statement = statement
        thing = _DESCRIBED.match(statement)
        if thing is not None:
            described = (at, thing["head"])
        if claim.actors:
            previous = (at, claim.actors[0])
        described_org = "" if claim.actors else _institution_described(claim.statement, text)
        named = named_in(claim.statement, text) if not claim.actors or cut else ""
        if described_org:
            claim.actors = [described_org]
        elif named and (not claim.actors or claim.actors[0] in named.split()):
            # the name the statement's subject now holds is who the claim is about: "The
            # High Liner Foods deal" is High Liner Foods's; "Foods" was a cut name
            claim.actors = [named, *claim.actors[1:]]
    return claims


# "The Mexican central bank raises ...", "the court rules ...": an institution described, not
# named; the article names it somewhere, before or after ("the Bank of Mexico")
_DESCRIBED_INSTITUTION = re.compile(
    r"^[Tt]he\s+(?P<mods>(?:[A-Za-z.-]+\s+){0,3}?)(?P<head>bank|court|ministry|agency|"
    r"parliament|government|commission|regulator|party|league|union|council|committee)\b(?![’'-])"
)


def _of_country(word: str, forms: tuple[str, ...]) -> bool:
    """ "Chilean" is Chile's, "Mexican" Mexico's: a listed form or the country's name less at
    most its last letter ("Austrian" is not "Australia")."""
    w = word.lower()
    for form in forms:
        f = form.lower()
        if w == f or (len(f) >= 4 and w.startswith(f[: len(f) - 1]) and w[:1].isalpha()):
            return True
    return False


def _institution_described(statement: str, text: str) -> str:
    """The article's name for the institution a statement only describes: a name holding the
    head noun ("Bank", "Court"), and the country the description names when it names one."""
    m = _DESCRIBED_INSTITUTION.match(statement)
    if m is None:
        return ""
    head = m["head"].capitalize()
    names = Counter(
        n.group(0)
        for n in re.finditer(
            rf"(?<![\w.])(?:(?!The\b)[A-Z][\w&'’-]*\s+(?:of\s+(?:the\s+)?)?)*{head}"
            rf"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w&'’-]*)*",
            text,
        )
        if n.group(0) != head
    )
    if not names:
        return ""
    country = next(
        (
            forms
            for forms in COUNTRIES.values()
            if any(_of_country(w, forms) for w in m["mods"].split())
        ),
        None,
    )
    ranked = sorted(names.items(), key=lambda kv: -kv[1])
    for name, _ in ranked:
        if country is None or any(f in name for f in _nouns(country)):
            return name
    return ""


OCCASION_REACH = 2  # sentences: "The trip ..." two sentences after "Zarif will visit ..."
# occasions a reader cannot place without whose they are
_OCCASION = re.compile(
    r"^(?P<the>[Tt]he)\s+(?:[a-z-]+\s+)?(?P<head>trip|visit|tour|trial|hearing|meeting|talks|"
    r"summit|event|kick-?off|exercise|drill|match|game|ceremony|mission|session|strike|"
    r"speech|address|appearance|launch|liftoff|landing|lander|deal|merger|acquisition|"
    r"drills?|exercises?|manoeuvres|maneuvers|review|festival|show|concert|project|route|"
    r"service|flights?|auction|offer)\b(?![’'-])"
)


def owned_occasion(statement: str, owner: str, topic: Topic, persons: set[str]) -> str:
    """ "The trip takes place", just after "Mohammad Javad Zarif visits Azerbaijan": the trip
    is Zarif's. An occasion nothing names belongs to the person or organisation the previous
    claim (``OCCASION_REACH`` sentences back at most) was about."""
    m = _OCCASION.match(statement)
    if m is None or names_someone(statement, topic) or owner in statement:
        return statement
    if re.match(r"\s+(?:for|of|with|between|in|at)\s+(?:the\s+)?[A-Z]", statement[m.end() :]):
        return statement  # "The event for NASA's rover": named by what follows
    if len(owner.split()) > 5 or re.search(r"[A-Z]{5,}", owner):
        return statement  # a headline run, not a name
    if (
        owner not in persons
        and not _owner_like(owner)
        and owner not in _COUNTRY_NOUNS
        and owner != topic.name
        and topic.mentions(owner) < TOPIC_MENTIONS
    ):
        return statement  # "Shoorveer": an occasion itself, or a name of unknown kind
    whose = f"{owner}’" if owner.endswith("s") else f"{owner}’s"  # "Conservatives’ campaign"
    return f"{whose} {statement[m.end('the') :].lstrip()}"


# "The High Liner Foods deal closes ...": a subject that describes a thing, and its noun
_DESCRIBED = re.compile(
    r"^The\s+(?:[\w’'.-]+\s+){0,5}?(?P<head>[a-z][a-z-]{2,})\s+(?:is|are|(?!it)[a-z]+s)\b"
)
# "High Liner finances it with new debt": a name, its verb, and "it"
_IT_OBJECT = re.compile(r"^(?P<before>(?:[A-Z][\w’'.&-]*\s+)+[a-z]+s)\s+it\b")


def object_named(statement: str, thing: str) -> str:
    """ "High Liner finances it", just after "The High Liner Foods deal closes": the deal. An
    object "it" after a named subject is the thing the claim before described."""
    m = _IT_OBJECT.match(statement)
    if m is None:
        return statement
    return f"{m['before']} the {thing}{statement[m.end() :]}"


def named_in(statement: str, text: str) -> str:
    """The first name in a statement's subject ("The UK economy" -> "UK", "The Nord Stream 2
    pipeline" -> "Nord Stream 2"), never a common word capitalised ("The Company's"), an
    adjective ("Mexican") or a word the article capitalises only to open a sentence
    ("Electrical work", "Very soon")."""
    lead = _SUBJECT_END.split(statement, maxsplit=1)[0]
    for name in actors_mod.find_actors(lead, actors_mod.NameBook()):
        low = name.lower()
        if low in ROLE_NOUNS or low in ORG_NOUNS or low in actors_mod.DEMONYMS:
            continue
        first = name.split()[0]
        if re.search(rf"[a-z,;:(]\s+{re.escape(first)}(?![\w-])", text):
            return name
    for form in place_mentions(lead, COUNTRIES):
        if form in _COUNTRY_NOUNS:
            return form
    return ""


_GLUED_REPORT = re.compile(
    r"^(?:Claimed|Said|Says|Reported|Added|Noted|Insisted|Stated|Announced|Confirmed|Warned)"
    r"\s+(?=[A-Z])"
)
_LONE_DETERMINER = re.compile(r"^(?:The|A|An|This)\s+(?:is|are|has|have|[a-z]+s)\b(?![’'-])")
_SENTENCE_NP = re.compile(
    r"(?P<np>(?:The|A|An|This)\s+(?:[\w’'-]+\s+){1,4}?)"
    r"(?=(?:will|would|is|are|was|were|has|have|had|could|may|might|began|[a-z]+ed)\b)"
)
_UNOPENED = re.compile(r"^[^(\s]*\)")  # "YELP) are among those ...": a list cut at its end


def whole_subject(statement: str, sentence: str, text: str) -> str:
    """A statement whose subject starts inside a name, made whole (and one that opens on a
    reporting verb glued to it, "Claimed Apple holds", without it):
    - a company name broken by a hard line wrap ("High Liner\\nFoods said"): "Foods acquires"
      -> "High Liner Foods acquires";
    - a list of names cut at its last bracket ("Hyatt (NYSE:H) and Yelp Inc (NYSE:YELP) are
      among ..."): the sentence up to the cut, so every name is kept."""
    glued = _GLUED_REPORT.match(statement)
    if glued:
        statement = statement[glued.end() :]  # "Claimed Apple holds ...": the report's verb
    first = statement.split(" ", 1)[0]
    if _LONE_DETERMINER.match(statement):
        # "The rainy season began in April and will last until August": the subject of the
        # second verb is the sentence's, lost down to its article ("The lasts")
        np = _SENTENCE_NP.match(sentence.lstrip(' “"‘'))
        if (
            np is not None
            and np["np"].split()[0].lower() == first.lower()
            and np["np"].split()[1] != statement.split()[1]  # "The phones are": whole already
        ):
            return f"{np['np'].strip()}{statement[len(first) :]}"
        return statement
    if _UNOPENED.match(first):
        at = sentence.find(first)
        lead = sentence[:at]
        if 0 < at <= _LONGEST_LIST and "(" in lead:
            return f"{lead}{statement}"
        return statement
    if first.lower() not in _SUFFIXES:
        return statement  # only a company's suffix ("Foods", "Holdings") is a name's tail
    wrapped = re.search(
        rf"(?<![\w-])(?P<name>(?:[A-Z][\w&.-]*[ \t]+)*[A-Z][\w&-]*)[ \t]*\n[ \t]*"
        rf"{re.escape(first)}(?![\w-])",
        text,
    )
    if wrapped:
        name = " ".join(wrapped["name"].split())
        words = name.split()
        while words and words[0].lower() in actors_mod.STOP_CAPS:
            words = words[1:]
        if words:
            return f"{' '.join(words)} {statement}"
    return statement


_LONGEST_LIST = 300  # characters: a subject longer than this is no list of names
_SUFFIXES = {
    "foods", "motors", "airlines", "airways", "systems", "technologies", "holdings", "plc",
    "ltd", "llc", "inc", "corp", "corporation", "industries", "pharmaceuticals", "group",
}  # fmt: skip


# Places. "The nation’s first vaccine", "three of the state’s clinics", "jobless claims": a
# reader without the article needs the country or state. Countries come from the CLDR's
# English territory names (babel), with the short forms and adjectives news copy uses for the
# countries it names most; US states are a closed list.
_COUNTRY_FORMS = {
    "US": ("US", "U.S.", "United States", "America", "American", "Americans"),
    "GB": ("UK", "U.K.", "Britain", "United Kingdom", "British", "England", "English"),
    "CN": ("China", "Chinese"), "IN": ("India", "Indian"), "JP": ("Japan", "Japanese"),
    "DE": ("Germany", "German"), "FR": ("France", "French"), "RU": ("Russia", "Russian"),
    "CA": ("Canada", "Canadian"), "AU": ("Australia", "Australian"), "MX": ("Mexico", "Mexican"),
    "BR": ("Brazil", "Brazilian"), "IT": ("Italy", "Italian"), "ES": ("Spain", "Spanish"),
    "KR": ("South Korea", "South Korean"), "YE": ("Yemen", "Yemeni"), "PK": ("Pakistan", "Pakistani"),
    "TR": ("Turkey", "Turkish"), "UA": ("Ukraine", "Ukrainian"), "IL": ("Israel", "Israeli"),
    "IR": ("Iran", "Iranian"), "SA": ("Saudi Arabia", "Saudi"), "EG": ("Egypt", "Egyptian"),
    "NG": ("Nigeria", "Nigerian"), "ZA": ("South Africa", "South African"),
    "PH": ("Philippines", "Philippine", "Filipino"), "ID": ("Indonesia", "Indonesian"),
    "NZ": ("New Zealand",), "IE": ("Ireland", "Irish"), "NP": ("Nepal", "Nepali", "Nepalese"),
}  # fmt: skip
US_STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
)  # fmt: skip


def _country_forms() -> dict[str, tuple[str, ...]]:
    forms = dict(_COUNTRY_FORMS)
    for code, name in Locale("en").territories.items():
        # countries only (not "Europe", code "150"); never a form no one writes ("Congo -
        # Kinshasa", "Myanmar (Burma)")
        if (
            len(code) == 2
            and code not in forms
            and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", name)
        ):
            forms[code] = (name,)
    return forms


COUNTRIES = _country_forms()


_BEFORE_NAME = re.compile(r"([A-Z][\w.]*)(?:\s+(?:of|for|de))?\s+$")


def _alternation(forms: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(forms), key=len, reverse=True)  # "South Korea" before "Korea"
    return re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


def place_mentions(text: str, places: dict[str, tuple[str, ...]]) -> Counter[str]:
    """How often each form of the places is named on its own, in one pass: "New Britain",
    "West Virginia" and "Bank of England" are other names, "In Britain" is Britain."""
    cached = _PATTERNS.get(id(places))
    if cached is None or cached[0] is not places:
        cached = (places, _alternation([f for forms in places.values() for f in forms]))
        _PATTERNS[id(places)] = cached
    found: Counter[str] = Counter()
    for m in cached[1].finditer(text):
        before = _BEFORE_NAME.search(text, max(0, m.start() - 30), m.start())
        if before is None or before.group(1).lower() in actors_mod.STOP_CAPS:
            found[m.group(0)] += 1
    return found


# one alternation per place lexicon, built once (the lexicon kept to tell a reused id)
_PATTERNS: dict[int, tuple[dict[str, tuple[str, ...]], re.Pattern[str]]] = {}


def main_place(text: str, places: dict[str, tuple[str, ...]]) -> str:
    """The place a text names most (any of its forms), shown in its most frequent noun form
    (the first form of each entry and those before the adjectives); '' on a tie or none."""
    mentions = place_mentions(text, places)
    if not mentions:
        return ""
    counts = {key: sum(mentions[f] for f in forms) for key, forms in places.items()}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ""
    forms = places[ranked[0][0]]
    return max(_nouns(forms), key=lambda f: (mentions[f], -forms.index(f)))


def _nouns(forms: tuple[str, ...]) -> list[str]:
    """A country's noun forms ("US", "America"), not its adjectives ("American", "Yemeni")."""
    return [f for f in forms if not re.search(r"(?:an|ese|ish|i|ch|ian)s?$", f) or f == forms[0]]


_COUNTRY_NOUNS = {noun for forms in COUNTRIES.values() for noun in _nouns(forms)}
_STATES: dict[str, tuple[str, ...]] = {state: (state,) for state in US_STATES}


# subjects that belong to a country or a state, not a company: "the general election",
# "jobless claims", "new austerity cuts"
_CIVIC = re.compile(
    r"(?i)\b(?:elections?|referendum|census|budget|economy|inflation|unemployment|jobless|"
    r"claims|austerity|cuts|taxe?s?|laws?|legislation|vaccines?|vaccination|rollout|campaign|"
    r"deficit|gdp|parliament|government|lockdowns?|polls?|polling|voters?|voting|votes?|ballots?|"
    r"nominations?|candidates?|turnout|by-?elections?|primary|primaries|senate|congress|"
    r"assembly|lawmakers|legislators|jobs\s+report|payrolls|rainy\s+season|monsoon)\b"
)
_THE_YEAR = re.compile(r"^[Tt]he\s+(?=(?:19|20)\d\d\b)")
_GENERIC_OWNER = re.compile(r"(?i)\bthe\s+(?P<what>nation|country|state)’s\s")
_TAKES_THE = re.compile(r"[A-Z.]+$|United\s|.*s$")
_BARE_LEAD = re.compile(r"^(?P<first>[A-Z][a-z-]+)\s+(?=[a-z])")


_FIRST_VERB = re.compile(
    r"(?<=\S)\s+(?:is|are|was|were|will|has|have|does|do|(?!(?:news|series|claims|polls|"
    r"elections|votes|ballots|voters|nominations|candidates|primaries|taxes|laws|cuts|lockdowns|"
    r"vaccines|schools|payrolls|lawmakers|legislators|states|parties|members|businesses|"
    r"residents|citizens|officials|plans|talks|results|rates|prices|costs)\b)"
    # a plural noun's endings are no verb's: "Shipping companies UPS and FedEx deliver"
    r"(?![a-z]*(?:ies|ers|ors|ents|ants|ists|ings|ions|ites|ances|ences)\b)[a-z]{3,}[^s\W]s)\b"
)


def placed(statement: str, sentence: str, text: str, topic: Topic) -> str:
    """A statement whose subject belongs to a place the article names but the statement does
    not: "the nation’s" / "the state’s" become the country or state ("Alabama’s"); a civic
    subject that names nobody ("The general election", "Jobless claims") takes the place
    before it. The place: the one the claim's sentence names, else the article's."""
    lead = _SUBJECT_END.split(statement, maxsplit=1)[0]
    owner = _GENERIC_OWNER.search(lead)
    if owner:
        place = _place_for(owner["what"].lower(), sentence, text)
        if place:
            # "the US’s", "the Philippines’s", but "Alabama’s"
            the = statement[owner.start() : owner.start() + 4] if _TAKES_THE.match(place) else ""
            return f"{statement[: owner.start()]}{the}{place}’s {statement[owner.end() :]}"
        return statement
    # the subject up to its verb: "The tax rate at Park Arena drops" names a place, "The general
    # election is held on 5 May for the National Assembly" names none before its verb
    verb = _FIRST_VERB.search(statement)
    subject = statement[: verb.start()] if verb else statement
    if names_someone(subject, topic, whole=True) or not _CIVIC.search(lead):
        return statement
    place = _place_for("", sentence, text)
    if not place or place in statement:
        return statement
    first_the = _FIRST_THE.match(statement)
    if first_the is not None:
        return f"{statement[: first_the.end()]}{place} {statement[first_the.end() :]}"
    dated_the = _THE_YEAR.match(statement)
    if dated_the is not None:
        # "The 2020 general election": "Kenya’s 2020 general election"
        whose = f"the {place}’s" if _TAKES_THE.match(place) else f"{place}’s"
        return f"{whose[:1].upper()}{whose[1:]} {statement[dated_the.end() :]}"
    bare = _BARE_LEAD.match(statement)
    if bare is not None:
        # "U.S. jobless claims", but "Britain’s parliament"
        whose = place if _TAKES_THE.match(place) else f"{place}’s"
        return f"{whose} {bare['first'].lower()} {statement[bare.end() :]}"
    return statement


def _place_for(what: str, sentence: str, text: str) -> str:
    """The country ("nation", "country"), the US state ("state"), or either ("") meant."""
    kinds: list[dict[str, tuple[str, ...]]] = (
        [_STATES] if what == "state" else [COUNTRIES] if what else [COUNTRIES, _STATES]
    )
    for where in (sentence, text):
        for places in kinds:
            place = main_place(where, places)
            if place:
                return place
    return "" if what == "state" else country_by_institutions(text)


# A country a reader knows from its institutions when the article never names it ("Gordon
# Brown asked the Queen to dissolve Parliament"; "the White House said"): names no other
# country shares. Two mentions, and no rival country as often, make the country.
_INSTITUTIONS = {
    "UK": r"Downing\s+Street|Westminster|House\s+of\s+Commons|House\s+of\s+Lords|Whitehall|"
    r"Tory|Tories|Liberal\s+Democrats?|Lib\s+Dems?|NHS|Bank\s+of\s+England|the\s+Exchequer|"
    r"Ofcom|Ofgem|Ofsted|BBC",
    "US": r"White\s+House|Capitol\s+Hill|Oval\s+Office|Pentagon|Republicans?|GOP|"
    r"(?<!Liberal\s)(?<!Social\s)(?<!Christian\s)Democrats?|"
    r"Federal\s+Reserve|FBI|Medicare|Medicaid|Wall\s+Street",
    "Germany": r"Bundestag|Bundesrat|Bundesbank|Bundeswehr|CDU|CSU|SPD",
    "France": r"Élysée|Elysee|Matignon|Assemblée\s+nationale",
    "Russia": r"Kremlin|State\s+Duma|Duma",
    "India": r"Lok\s+Sabha|Rajya\s+Sabha|BJP|Reserve\s+Bank\s+of\s+India",
    "China": r"Politburo|Zhongnanhai|People['’]s\s+Bank\s+of\s+China|Xinhua",
    "Japan": r"Bank\s+of\s+Japan|Liberal\s+Democratic\s+Party",
    "Israel": r"Knesset",
}
_INSTITUTION_RES = {
    country: re.compile(rf"(?<![\w-])(?:{cues})(?![\w-])")
    for country, cues in _INSTITUTIONS.items()
}
INSTITUTION_MENTIONS = 2


@functools.lru_cache(maxsize=4)  # one article's claims ask about the same text
def country_by_institutions(text: str) -> str:
    """The country whose institutions the text names (at least twice, more than any other)."""
    counts = sorted(
        ((len(r.findall(text)), country) for country, r in _INSTITUTION_RES.items()),
        reverse=True,
    )
    (best, country), (second, _) = counts[0], counts[1]
    return country if best >= INSTITUTION_MENTIONS and best > second else ""
