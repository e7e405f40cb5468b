"""Who: named entities found by capitalisation, with titles resolved and short names expanded.

"U.S. Treasury Secretary Janet Yellen" is the person "Janet Yellen" with the title
"U.S. Treasury Secretary"; a later "Yellen" is the same person. Organisations keep their full
name ("the Federal Reserve" -> "Federal Reserve"). Pronoun subjects are carried over from the
previous clause by the extractor.
"""

from __future__ import annotations

import re

from forecasts.claims.when import MONTHS, WEEKDAYS

# Words that make up titles before a name. Lower-cased.
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "state", "treasury", "commerce",
    "defense", "defence", "foreign", "finance", "home", "interior", "trade", "economy", "energy",
    "health", "education", "justice", "labor", "labour", "chancellor", "governor", "chair",
    "chairman", "chairwoman", "chairperson", "premier", "king", "queen", "prince", "princess",
    "senator", "sen.", "rep.", "representative", "speaker", "leader", "general", "gen.", "ambassador",
    "envoy", "director", "chief", "executive", "ceo", "cfo", "commissioner", "mayor", "judge",
    "attorney", "pope", "spokesman", "spokeswoman", "spokesperson", "deputy", "acting",
    "former", "opposition", "supreme", "mr.", "mrs.", "ms.", "dr.", "prof.", "lord",
    "sir", "dame", "emperor", "crown", "party", "lawmaker", "founder", "coach", "manager",
    "captain", "striker", "candidate", "nominee", "economist", "analyst", "president-elect",
    "of", "the", "and", "administrator", "administration", "ministry", "counterpart",
    "official", "top", "diplomat", "head", "district", "regulator", "director-general",
    "secretary-general", "commander", "lieutenant", "colonel", "superintendent", "financial",
    "operating", "officer", "technology", "marketing", "information",
}  # fmt: skip

# Adjectives of nationality and places that open a title: "Chinese President", "U.S. Secretary".
DEMONYMS = {
    "u.s.", "us", "american", "chinese", "japanese", "british", "french", "german", "russian",
    "indian", "korean", "south", "north", "ukrainian", "israeli", "palestinian", "iranian",
    "turkish", "brazilian", "mexican", "canadian", "australian", "italian", "spanish", "dutch",
    "polish", "swiss", "swedish", "european", "eu", "u.n.", "un", "nato", "saudi", "egyptian",
    "qatari", "taiwanese", "argentine", "indonesian", "pakistani", "philippine", "vietnamese",
    "thai", "malaysian", "singaporean", "nigerian", "kenyan", "african", "belgian", "greek",
    "hungarian", "serbian", "danish", "norwegian", "finnish", "irish", "scottish", "u.k.",
    "uk", "fed", "white", "house", "state", "department", "senate", "republican", "democratic",
    "democrat", "conservative", "labour", "libertarian", "leftist", "socialist", "populist",
}  # fmt: skip

ORG_WORDS = {
    "bank", "reserve", "fed", "party", "ministry", "department", "commission", "council",
    "congress", "parliament", "senate", "house", "court", "committee", "agency", "office",
    "union", "organization", "organisation", "group", "corp", "inc", "company", "association",
    "fund", "administration", "government", "assembly", "board", "cabinet", "authority",
    "nations", "forum", "league", "federation", "institute", "university", "nasa", "ecb", "imf",
    "opec", "apec", "nato", "g7", "g20", "front", "alliance", "rally", "kremlin",
}  # fmt: skip

GEO_WORDS = {
    "strait", "sea", "river", "island", "islands", "republic", "city", "state", "states",
    "mountain", "mountains", "gulf", "bay", "ocean", "peninsula", "county", "province", "valley",
    "kingdom", "coast", "lake", "street", "square", "palace", "hall", "airport", "station",
}  # fmt: skip

STOP_CAPS = {
    "the", "a", "an", "but", "and", "or", "if", "when", "while", "as", "in", "on", "at", "for",
    "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "its", "his", "her",
    "their", "still", "ultimately", "meanwhile", "however", "both", "such", "with", "after",
    "before", "ahead", "most", "some", "many", "there", "so", "yet", "also", "then", "next",
    "last", "earlier", "later", "by", "from", "to", "of", "our", "my", "your", "source", "says",
    "said", "will", "would", "could", "may", "might", "other", "others", "all", "each", "no",
    "sino-u.s.", "observers", "officials", "analysts", "economists", "nearly", "about", "roughly",
    "almost", "around", "over", "more", "fewer", "less", "up", "only", "just", "activists", "critics",
}  # fmt: skip

_TOKEN = r"(?:[A-Z][\w’'.&-]*|U\.S\.|U\.K\.|G7|G20|\d+(?:st|nd|rd|th)?)"  # noqa: S105  (a pattern, not a password)
_RUN = re.compile(
    r"\b"
    + _TOKEN
    + r"(?:(?:\s+(?:of|the|de|da|du|van|von|der|den|del|della|di|dos|das|la|le|ter|for|bin|ibn|bint|al|el|ul))+\s+"
    + _TOKEN
    + r"|\s+"
    + _TOKEN
    + r")*"
)


def _clean_token(tok: str) -> str:
    return tok.rstrip("’'s").rstrip(".") if tok.endswith(("’s", "'s")) else tok


def strip_title(run: str) -> str:
    """'U.S. Treasury Secretary Janet Yellen' -> 'Janet Yellen'; organisations unchanged."""
    words = run.split()
    if any(w.lower().strip(".,") in ORG_WORDS for w in words):
        return run
    i = 0
    while i < len(words) - 1:
        word = words[i].lower()
        if word in TITLE_WORDS:
            i += 1
        elif word in DEMONYMS and any(w.lower() in TITLE_WORDS for w in words[i + 1 : i + 3]):
            i += 1  # "Chinese President", "South Korean President": not "Saudi Arabia"
        else:
            break
    return " ".join(words[i:])


def capitalised_runs(text: str, *, sentence_start: int = 0) -> list[tuple[int, str]]:
    """(offset, run) for each sequence of capitalised words that is not a time word or opener."""
    out = []
    pieces: list[tuple[int, list[str]]] = []
    for m in _RUN.finditer(text):
        run = m.group(0)
        if "’s" not in run and "'s" not in run:
            pieces.append((m.start(), run.split()))  # no possessive: one piece (the common case)
            continue
        words: list[str] = []
        start = m.start()
        pos = m.start()
        for w in run.split():
            if not words:
                start = pos
            words.append(w)
            pos += len(w) + 1
            if w.endswith(("’s", "'s")):  # a possessive closes the name: "Modi's Party"
                pieces.append((start, words))
                words = []
        if words:
            pieces.append((start, words))
    for start, words in pieces:
        while words:
            first = words[0]
            bare = first.lower().strip(".,")
            if not (bare in STOP_CAPS or bare in MONTHS or first.isdigit()):
                break
            start += len(first) + 1
            words = words[1:]
        while words and words[-1].lower() in ("of", "the", "and", "for", "on", "de"):
            words = words[:-1]
        if not words:
            continue
        if all(
            w.lower().strip(".,’'s") in MONTHS
            or w.lower().strip(".,’'s") in WEEKDAYS
            or w.isdigit()
            for w in words
        ):
            continue
        run = " ".join(words)
        if run.endswith(("’s", "'s")):
            run = run[:-2]
        if not run or run.lower() in STOP_CAPS:
            continue
        out.append((start, run))
    return out


class NameBook:
    """Full names seen so far, so that "Xi" becomes "Xi Jinping" and "Yellen" "Janet Yellen"."""

    def __init__(self) -> None:
        self.full: list[str] = []
        self.persons: set[str] = set()  # names introduced with a title: people, not places
        self.titles: dict[str, set[str]] = {}  # person -> title words ("chancellor", "finance")
        self._runs: dict[str, list[tuple[int, str]]] = {}  # text -> its capitalised_runs

    def runs(self, text: str) -> list[tuple[int, str]]:
        """capitalised_runs, once per distinct text of the article (a pure function of it);
        the list is shared: read it, never change it."""
        found = self._runs.get(text)
        if found is None:
            found = self._runs[text] = capitalised_runs(text)
        return found

    def add_title(self, name: str, title: str) -> None:
        words = {w.strip(".,").lower() for w in title.split()}
        self.titles.setdefault(name, set()).update(w for w in words if w)

    def add(self, name: str) -> str:
        name = self.expand(name)
        words = name.split()
        if (
            2 <= len(words) <= 4
            and name not in self.full
            and not any(w.lower().strip(".,") in ORG_WORDS or w.lower() in GEO_WORDS for w in words)
        ):
            self.full.append(name)
        return name

    def expand(self, name: str) -> str:
        """A surname ("Yellen") or the family name of a known person ("Xi") -> the full name;
        other single words ("Apple" beside "Apple Watch") stay as they are."""
        if len(name.split()) == 1:
            for full in reversed(self.full):
                parts = full.split()
                if name == parts[-1] or (name in parts and full in self.persons):
                    return full
        return name


_LOWER_TITLE = re.compile(
    r"\b(?:leader|president|minister|secretary|chancellor|governor|chief|executive|spokesman|"
    r"spokeswoman|spokesperson|senator|ambassador|envoy|coach|manager|striker|economist|analyst|"
    r"professor|director|chair|chairman|chairwoman|founder|judge|justice|general|commander|"
    r"premier|candidate|opponent|rival|ceo)\s+$"
)
_HYPHENATED = re.compile(r"[A-Z][\w.]*-[A-Z][\w.]*")


COMMON_NOUNS = {
    "demand", "competition", "ticket", "tickets", "retail", "prices", "inflation", "growth",
    "sales", "shares", "stocks", "markets", "investors", "officials", "analysts", "experts",
    "voters", "police", "scientists", "researchers", "doctors", "critics", "supporters",
    "workers", "unions", "residents", "consumers", "shortages", "supplies", "talks", "olympic",
    "parliamentary", "federal", "state", "national", "international", "global", "european",
}  # fmt: skip
_COMMON_SUFFIX = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence)$")


_CLOCK_BEFORE = re.compile(r"(?:[ap]\.?m\.?|\d)\s*$", re.IGNORECASE)


def find_actors(text: str, book: NameBook) -> list[str]:
    """People, countries and organisations named in a clause, titles stripped, in order."""
    out: list[str] = []
    runs: list[str] = []
    for offset, run in book.runs(text):
        if text.startswith(" time", offset + len(run)) and _CLOCK_BEFORE.search(
            text, max(0, offset - 12), offset
        ):
            continue  # "at 10 a.m. Washington time": a time zone, not who
        lower_title = _LOWER_TITLE.search(text[max(0, offset - 24) : offset])
        if lower_title:
            book.persons.add(strip_title(run))  # "leader Xi Jinping", "chief executive Tim Cook"
            book.add_title(book.expand(strip_title(run)), lower_title.group(0))
        # "Biden-Xi summit", "U.S.-China relations": two names joined by a hyphen
        if _HYPHENATED.fullmatch(run):
            runs.extend(run.split("-"))
        else:
            runs.append(run)
    for position, run in enumerate(runs):
        if len(run.split()) == 1 and (
            run.lower() in DEMONYMS
            or run.lower() in COMMON_NOUNS
            or (position == 0 and text.lstrip().startswith(run) and _COMMON_SUFFIX.search(run))
        ):
            continue  # "British", "Demand", "Competition": an adjective or a sentence-initial noun
        name = strip_title(run)
        if name != run and not any(w.lower().strip(".,") in ORG_WORDS for w in name.split()):
            book.persons.add(book.expand(name))
            book.add_title(book.expand(name), run[: len(run) - len(name)])
        if name.lower() in STOP_CAPS or name.lower() in TITLE_WORDS or len(name) < 2:
            continue
        if position == 0 and _is_opening_word(name) and text.lstrip().startswith(name):
            continue  # "New austerity cuts ...", "Additional announcements ...": no name
        if (
            name[:1].islower()
            or _NOT_A_NAME.fullmatch(name)
            or (_is_time_words(name) and book.expand(name) == name)  # not "May" for Theresa May
        ):
            continue  # "for Foreign Affairs of Australia", "GMT", "PM IST", "19th", "EDT Aug. 6"
        name = _GROUP_OF.sub("", name)  # "Members of the OPEC Plus group": OPEC Plus
        if _SENTENCE_END_DOT.search(name):
            name = name[:-1]  # "... met Mevlut Cavusoglu." ends a sentence, not the name
        name = book.add(name)
        if name not in book.persons and _is_person_by_pronoun(name, text):
            book.persons.add(name)
        if name not in out:
            out.append(name)
    return out


_SENTENCE_OPENERS = {
    "New", "Old", "Big", "Top", "Key", "More", "Fresh", "Further", "Higher", "Lower", "Plus",
    "Additional", "Special", "Three", "Four", "Five", "Six", "Several", "Numerous", "Small",
    "Large", "Paper", "Social", "Trader", "Traders", "Supply", "Demand", "Refining", "Named",
    "Even", "Opening", "Closing", "Final", "First", "Second", "Next", "Last", "Early", "Late",
    "Affecting", "Following", "According", "Including", "Asked", "Given", "Based", "Lingering",
    "Growing", "Rising", "Falling", "Continued", "Renewed", "Expected", "Planned", "Proposed",
    "During", "Under", "Despite", "Amid", "Since", "Until", "Without", "Within", "Among",
    "Between", "Through", "Across", "Against", "Toward", "Towards", "Beyond", "Upon", "Unlike",
    "Like", "Once", "Instead", "Later", "Where", "Whether", "Although", "Though", "Because",
}  # fmt: skip
_NOT_A_NAME = re.compile(
    r"(?:(?:AM|PM|A\.M\.|P\.M\.)\s+)?(?:GMT|BST|UTC|EDT|EST|CDT|CST|PDT|PST|CET|CEST|IST|JST|AEST|"
    r"AEDT|ET|PT)|\d+(?:st|nd|rd|th)"
)
_GROUP_OF = re.compile(
    r"^(?:Members|Leaders|Ministers|Officials|Representatives|Delegates|Heads)\s+of\s+(?:the\s+)?"
    r"(?=[A-Z])"
)


# a full stop after a word of four letters or more, not an abbreviation ("U.S.", "Inc.", "Jr.")
_SENTENCE_END_DOT = re.compile(
    r"(?<![A-Z]\.)\b(?!(?:Corp|Bros|Assn|Dept|Govt)\.)[A-Za-z][a-z]{3,}\.$"
)


_TIME_WORD = re.compile(
    r"(?i)(?:GMT|BST|UTC|EDT|EST|CDT|CST|PDT|PST|CET|CEST|IST|JST|AEST|AEDT|ET|PT|AM|PM|"
    r"Q[1-4](?:\s*[’']?\d{2,4})?|H[12]|FY\d{2,4}|\d+(?:st|nd|rd|th)?|[’']\d\d)[.,]?"
)


def _is_time_words(name: str) -> bool:
    """ "Saturday", "EDT Aug. 6", "Q418", "September 2019": a time, never who."""
    for w in name.split():
        bare = w.lower().rstrip(".,")
        if bare in MONTHS or bare in WEEKDAYS:
            continue
        if not _TIME_WORD.fullmatch(w) and not _QUARTER_YEAR.fullmatch(w):
            return False
    return True


_QUARTER_YEAR = re.compile(r"Q[1-4]\d{2,4}")


def _is_opening_word(name: str) -> bool:
    """A capitalised word that opens a sentence as an ordinary word: an adjective, a number, a
    participle ("Affecting", "Named") or a noun of the trade ("Supply", "Refining"). A list,
    not a suffix rule: "Boeing", "Beijing" and "Ted" end like participles."""
    if " " in name:
        return False
    return name in _SENTENCE_OPENERS


_PERSON_PRONOUN = re.compile(r"\b(?:his|her|he|she|himself|herself)\b")
_PERSON_NAME = re.compile(
    r"[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|[a-z]{2,3}|[A-Z]\.))*[ -][A-Z][a-z'’-]+"
)


def _is_person_by_pronoun(name: str, text: str) -> bool:
    """ "George Osborne is unveiling his budget": a two- to four-word name that opens its clause,
    followed by "his"/"her" with no other name between, is a person, title or not."""
    if not _PERSON_NAME.fullmatch(name) or len(name.split()) > 4:
        return False
    if any(w.lower() in ORG_WORDS or w.lower() in GEO_WORDS for w in name.split()):
        return False
    at = text.find(name)
    if at < 0 or text[:at].strip(' “"‘'):
        return False
    rest = text[at + len(name) : at + len(name) + 60]
    pronoun = _PERSON_PRONOUN.search(rest)
    if pronoun is None:
        return False
    return not re.search(r"\b[A-Z][a-z]", rest[: pronoun.start()])


PRONOUN_SUBJECT = re.compile(
    r"^(?:he|she|it|they|we|the\s+two(?:\s+\w+)?|both|the\s+(?:bank|central\s+bank|company|firm|"
    r"government|ministry|agency|court|leaders?|president|minister|party|group|team|country|club|board|"
    r"committee|council|commission|regulator|fed|administration))$",
    re.IGNORECASE,
)


def is_anaphoric(subject: str) -> bool:
    """A subject that names nobody itself: "he", "the bank", "the two leaders"."""
    return bool(PRONOUN_SUBJECT.match(subject.strip()))
