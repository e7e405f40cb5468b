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

import re
from dataclasses import dataclass, field

ROLE_NOUNS = {
    "chancellor", "president", "minister", "premier", "pontiff", "pope", "monarch", "king",
    "queen", "prince", "princess", "governor", "chair", "chairman", "chairwoman", "chief",
    "ceo", "executive", "secretary", "senator", "leader", "spokesman", "spokeswoman", "envoy",
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
    "business", "country", "nation", "state", "kingdom", "republic",
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

    def latest_person(self, persons: set[str], role: str = "") -> str:
        people = [n for n in reversed(self.recent) if n in persons]
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
            person = self.latest_person(persons, head)
            return [person] if person else []
        if (head in ORG_NOUNS or head.endswith("maker")) and organisations:
            return organisations[-1:]
        return []
