"""Who a claim is about, and whether a news item names the same people or organisations.

A person is found by full name, or by surname when it is capitalised ("Yellen"; "Xi" for
"Xi Jinping", whose family name comes first), or by a title the claim itself gives them
("Treasury Secretary Janet Yellen" -> "the Treasury chief"). A generic title ("leader",
"president") only counts with a matching qualifier ("Chinese leader"). A country is found by its
name, demonym or capital ("Taiwanese", "Beijing"); an organisation by name or acronym ("BoE").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from forecasts.evidence.lexicon import (
    CENTRAL_BANK_COUNTRY,
    CITIES,
    COMMERCIAL_BANKS,
    COUNTRIES,
    FAMILY_NAME_FIRST,
    GENERIC_ROLES,
    GOVERNMENT_WORDS,
    HONORIFICS,
    MORE_ORG_WORDS,
    NAME_PARTICLES,
    ORG_ALIASES,
    ORG_SUFFIXES,
    ORG_WORDS,
    ROLES,
)
from forecasts.evidence.text import Tokens, acronym, phrase, tokenize

# How much a match by each means is worth (a title is weaker than a name).
NAME, SURNAME, ROLE = 1.0, 0.95, 0.8
# A title the item qualifies with the holder's own country ("America's top diplomat",
# "Indian PM"): one person holds it at a time, nearly as sure as a surname.
QUALIFIED_ROLE = 0.9

_ALIAS_TO_COUNTRY: dict[tuple[str, ...], str] = {
    phrase(alias): country for country, aliases in COUNTRIES.items() for alias in aliases
}
_COUNTRY_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _alias in _ALIAS_TO_COUNTRY:
    _COUNTRY_BY_FIRST.setdefault(_alias[0], []).append(_alias)


@dataclass(frozen=True, slots=True)
class Role:
    phrases: tuple[tuple[str, ...], ...]
    qualifiers: frozenset[str]  # countries that must qualify the title (empty: any)
    generic: bool


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    phrases: tuple[tuple[str, ...], ...]  # matched case-insensitively
    surnames: tuple[tuple[str, ...], ...]  # matched only when capitalised
    roles: tuple[Role, ...]
    keys: tuple[str, ...]  # index keys: single lower-case words an item must contain
    person: bool
    # A national body's country ("Japan" for the Japan Aerospace Exploration Agency, "India"
    # for the Reserve Bank of India): news names the country for its agency ("Japan lands on
    # the moon"), a weaker match, like a title.
    country: tuple[tuple[str, ...], ...] = ()
    # Shorter names that drop what makes the full one unique ("Congress" for "US Congress",
    # "Writers Guild" for "Writers Guild of America"): capitalised only, and worth a title.
    short: tuple[tuple[str, ...], ...] = ()


def countries_in(tokens: Tokens, start: int = 0, end: int | None = None) -> set[str]:
    """Canonical countries named (by name, demonym or capital) in tokens[start:end]."""
    end = len(tokens.words) if end is None else end
    found: set[str] = set()
    for first in set(tokens.words[start:end]):
        for alias in _COUNTRY_BY_FIRST.get(first, ()):
            for pos in tokens.find(alias, start):
                if pos + len(alias) <= end and _case_ok(tokens, pos, alias):
                    found.add(_ALIAS_TO_COUNTRY[alias])
    return found


def name_in(tokens: Tokens, alias: tuple[str, ...]) -> bool:
    """Whether the tokens name ``alias`` (short names only in capitals: "US", not "us")."""
    return any(_case_ok(tokens, pos, alias) for pos in tokens.find(alias))


def _case_ok(tokens: Tokens, pos: int, alias: tuple[str, ...]) -> bool:
    # Short aliases ("US", "UK", "BoE") are names only in capitals: "us" and "Us" are pronouns.
    if len(alias) == 1 and len(alias[0]) <= 3:
        original = tokens.original[pos]
        if alias[0] in {"us", "it"}:
            return original.isupper()
        return not original.islower()
    return True


def build_actor(name: str, context: Tokens) -> Actor:
    """The ways news may refer to ``name``; ``context`` is the claim's sentence (for titles)."""
    actor = _named(name)
    if not actor.person or not (_ROLE_WORDS & set(context.words)):
        return actor
    names, surname = actor.phrases[0], actor.surnames[0]
    roles = _roles_near(context, names, surname)
    # A title of its own ("secretary of state") is a key by each of its names' longest word:
    # "US top diplomat lands in Seoul" names no "secretary".
    role_keys = list(
        dict.fromkeys(
            w for r in roles if not r.generic for w in (r.phrases[0][0], *_keys(r.phrases))
        )
    )
    return Actor(
        name, actor.phrases, actor.surnames, (*actor.roles, *roles), (*actor.keys, *role_keys), True
    )


_ROLE_WORDS = frozenset(phrase(title)[0] for title in ROLES)


@lru_cache(maxsize=65536)
def _named(name: str) -> Actor:
    """Everything about an actor that does not depend on the claim's sentence (cached: the
    same people recur in thousands of claims)."""
    toks = tokenize(name)
    words = [w for w in toks.words if w not in {"the"}]
    key = tuple(words)
    if not words:
        return Actor(name, (), (), (), (), False)
    if key in _ALIAS_TO_COUNTRY:
        home = _ALIAS_TO_COUNTRY[key]
        aliases = tuple(phrase(a) for a in COUNTRIES[home])
        return Actor(name, aliases, (), (), (phrase(home)[-1], *_keys(aliases)), False)
    if len(words) == 1 and "-" in words[0] and words[0].rsplit("-", 1)[1] in _NUMBERS:
        words = words[0].rsplit("-", 1)  # "Chandrayaan-3" is "Chandrayaan 3"
    if len(words) >= 2 and words[-1] in _NUMBERS:
        # "Artemis II", "Chandrayaan-3", "Starship Flight 5": a mission or model, not a person
        # whose surname is "II"; news writes the number either way ("Artemis 2", "Artemis-2").
        stem = tuple(words[:-1])
        numbered = [(*stem, n) for n in _NUMBERS[words[-1]]]
        numbered += [(*stem[:-1], f"{stem[-1]}-{n}") for n in _NUMBERS[words[-1]] if n.isdigit()]
        person = any(w in _REGNAL for w in stem)  # "Pope Leo XIV", "King Charles III"
        regnal: tuple[tuple[str, ...], ...] = ((stem[-1],),) if person else ()
        index_key = stem[-1] if person else max(stem, key=len)
        return Actor(name, tuple(numbered), regnal, (), (index_key,), person)
    is_org = any(w in ORG_WORDS or w in MORE_ORG_WORDS or w in ORG_SUFFIXES for w in words) or (
        len(toks.original) == 1 and toks.original[0].isupper() and len(toks.original[0]) > 1
    )
    if is_org or len(words) == 1:
        phrases: list[tuple[str, ...]] = [key]
        phrases += [phrase(a) for a in ORG_ALIASES.get(" ".join(words), ())]
        if len(words) >= 2:
            phrases.append((acronym(list(toks.original)),))
            significant = [w for w in toks.original if w.lower() not in {"of", "the", "and"}]
            phrases.append((acronym(significant),))
        surnames: tuple[tuple[str, ...], ...] = ()
        country: tuple[tuple[str, ...], ...] = ()
        plural: tuple[str, ...] = ()
        if len(words) == 1 and not is_org:
            # A lone capitalised word ("Xi", "SpaceX"): a name, but only when capitalised;
            # a product's name also in the plural ("first Cybertrucks").
            plural = (f"{key[0]}s",) if key[0][-1:].isalpha() and key[0][-1] not in "sxz" else ()
            surnames, phrases = (key, *((plural,) if plural else ())), []
        elif len(words) >= 2:
            governed = _government_of(words)
            if governed:
                # "the Japanese government" is "Japan" in news, by any of its names.
                phrases += [phrase(a) for a in COUNTRIES[governed]]
            else:
                surnames = _short_forms(toks)
                country = _country_of(words)
                if "bank" in words or " ".join(words) in CENTRAL_BANK_COUNTRY:
                    described, country = _central_bank(words)
                    phrases += described
        short = _without_country(words) if len(words) >= 2 and not _government_of(words) else ()
        # Index keys as before: a short name's words are in the full name's (candidates
        # that name only "Congress" are still found by "congress"); plurals are not keys.
        keys = _keys([*phrases, *surnames[:1], *surnames[1 + bool(plural) :]])
        return Actor(name, tuple(phrases), surnames, (), keys, False, country, short)
    names = [w for w in words if w not in HONORIFICS]
    # "Pope Francis" is "the Pope", "the pontiff": one person holds the title at a time.
    sole: tuple[Role, ...] = ()
    if len(names) >= 2 and names[0] in _SOLE_TITLES:
        sole = (Role(tuple(phrase(t) for t in _SOLE_TITLES[names[0]]), frozenset(), False),)
    surname = _surname(names)
    spelled = _transliterations(surname)
    last = name.split()[-1]
    if (
        "-" in last
        and len(surname) == 1
        and len(names) >= 3
        and last.replace("-", "").isalpha()
        and names[0] not in FAMILY_NAME_FIRST  # "Lee Jae-myung": a hyphenated given name
    ):
        # A double-barrelled surname is both its parts ("Bankman-Fried", "Ocasio-Cortez").
        surname = tuple(names[-2:])
    others = (*_other_surnames(names, surname), *spelled)
    surnames = (surname, *others)
    keys = (_key(surname), *(o[0] for o in others), *(p[-1] for r in sole for p in r.phrases))
    if 3 <= len(names) <= 4 and all(w.isalpha() and w not in NAME_PARTICLES for w in names):
        # Three names or more go by their initials in headlines ("SBF" for Sam Bankman-Fried,
        # "AOC", "JFK"): a capitalised token only (see _case_ok), indexed as a key too.
        initials = "".join(w[0] for w in names)
        return Actor(name, (tuple(names), (initials,)), surnames, sole, (*keys, initials), True)
    return Actor(name, (tuple(names),), surnames, sole, keys, True)


_SOLE_TITLES: dict[str, tuple[str, ...]] = {"pope": ("pope", "pontiff", "holy father")}
_SOLE_ROLES = frozenset(tuple(phrase(t) for t in titles) for titles in _SOLE_TITLES.values())


def _other_surnames(names: list[str], surname: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The name just before the surname, which may be the one news uses:
    Spanish and Portuguese names put the paternal surname first ("Claudia Sheinbaum Pardo" is
    "Sheinbaum", "Gustavo Petro Urrego" "Petro", "Luiz Inácio Lula da Silva" "Lula").
    Only words that are no English word, and capitalised in the item."""
    if len(names) < 3 or names[0] in FAMILY_NAME_FIRST:
        return ()
    at = next(i for i in range(len(names)) if tuple(names[i : i + len(surname)]) == surname)
    if at < 2:
        return ()
    word = names[at - 1]  # the name just before the surname, never the first (given) name
    if word in NAME_PARTICLES or len(word) < 3 or not word.isalpha() or getAllLemmas(word):
        return ()
    return ((word,),)


# Words that end a transliterated Slavic surname, spelled several ways in English news
# ("Zelensky", "Zelenskiy", "Zelenskyy"; "Navalny", "Navalnyy").
_SLAVIC_ENDINGS = ("iy", "yy", "ii", "y", "i")


def _transliterations(surname: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Other spellings of a one-word surname ending in -sky/-skiy/-ny: capitalised only."""
    if len(surname) != 1:
        return ()
    word = surname[0]
    for ending in _SLAVIC_ENDINGS:
        stem = word[: -len(ending)]
        if (
            word.endswith(ending)
            and len(stem) >= 5
            and stem[-1] in "kn"
            and stem[-2] not in "aeiou"
        ):
            return tuple((stem + e,) for e in _SLAVIC_ENDINGS if stem + e != word)
    return ()


def _without_country(words: list[str]) -> tuple[tuple[str, ...], ...]:
    """A national body without its country: "US Congress" -> "Congress", "US House of
    Representatives" -> "House of Representatives", "Writers Guild of America" -> "Writers
    Guild". Only what is left is two words or more, or a legislature's one word."""
    out = []
    for n in (2, 1):
        if tuple(words[:n]) in _ALIAS_TO_COUNTRY or tuple(words[:n]) in {("un",), ("eu",)}:
            out.append(tuple(words[n:]))
            break
    if len(words) >= 4 and words[-2] == "of" and (words[-1],) in _ALIAS_TO_COUNTRY:
        out.append(tuple(words[:-2]))
    if len(words) >= 5 and words[-3] == "of" and tuple(words[-2:]) in _ALIAS_TO_COUNTRY:
        out.append(tuple(words[:-3]))
    return tuple(
        rest
        for rest in out
        if (len(rest) >= 2 and rest[0] not in {"of", "the"} and "bank" not in rest)
        or rest in _LEGISLATURES
    )


_LEGISLATURES = frozenset({("congress",), ("bundestag",), ("knesset",), ("duma",), ("diet",)})


def _government_of(words: list[str]) -> str:
    """The country an actor is the government of ("Japanese government", "government of
    India", "the Biden administration" is not one), else ""."""
    rest = tuple(w for w in words if w not in GOVERNMENT_WORDS)
    if len(rest) == len(words) or rest not in _ALIAS_TO_COUNTRY:
        return ""
    return _ALIAS_TO_COUNTRY[rest]


def _short_forms(toks: Tokens) -> tuple[tuple[str, ...], ...]:
    """How news shortens a company's name: without its legal form ("Apple Inc." -> "Apple",
    "Boeing Company" -> "Boeing"), or by its first word when that is no English word
    ("Activision Blizzard" -> "Activision", "Goldman Sachs" -> "Goldman"). Capitalised only."""
    pairs = [(w, o) for w, o in zip(toks.words, toks.original, strict=True) if w != "the"]
    out: list[tuple[str, ...]] = []
    kept = list(pairs)
    while len(kept) > 1 and kept[-1][0] in ORG_SUFFIXES:
        kept.pop()
    if len(kept) < len(pairs):
        out.append(tuple(w for w, _ in kept))
    first, original = pairs[0]
    if (
        len(first) >= 4
        and first.isalpha()
        and original[:1].isupper()
        and not getAllLemmas(first)
        and first not in ORG_WORDS
        and first not in MORE_ORG_WORDS
        and (first,) not in _ALIAS_TO_COUNTRY
        and first not in _REGION_ADJECTIVES
    ):
        out.append((first,))
    return tuple(dict.fromkeys(out))


# Adjectives of regions that open many bodies' names ("European Commission"): never a short form.
_REGION_ADJECTIVES = frozenset(
    {"european", "african", "asian", "arab", "nordic", "baltic", "eurasian", "latin", "islamic"}
)


def _central_bank(words: list[str]) -> tuple[list[tuple[str, ...]], tuple[tuple[str, ...], ...]]:
    """A central bank by its country ("Japan's central bank", "the UK central bank"), and that
    country's names; nothing for a bank that is no country's central bank."""
    named = CENTRAL_BANK_COUNTRY.get(" ".join(words))
    if " ".join(words) in COMMERCIAL_BANKS:
        return [], ()
    if named:
        country = tuple(phrase(a) for a in COUNTRIES[named] if CITIES.get(a) != named)
    else:
        central = "central" in words or "reserve" in words or "national" in words
        country = _country_of(words) if central or words[:2] == ["bank", "of"] else ()
    return [(*name, "central", "bank") for name in country], country


def _country_of(words: list[str]) -> tuple[tuple[str, ...], ...]:
    """The country a national body is named for, by its names ("Bank of Japan" -> Japan)."""
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            country = _ALIAS_TO_COUNTRY.get(tuple(words[i : i + n]))
            if country:
                return tuple(phrase(a) for a in COUNTRIES[country] if CITIES.get(a) != country)
    return ()


def _key(surname: tuple[str, ...]) -> str:
    # The longest word of the surname: "bankman" of "Bankman-Fried", "leyen" of "von der Leyen".
    return max(surname, key=len)


_ROMAN = (
    *("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"),
    *("xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"),
)
_REGNAL = frozenset({"pope", "king", "queen", "emperor", "prince", "princess"})
# A name's closing number in both spellings; a lone "i" or "v" is too often a word or initial.
_NUMBERS: dict[str, tuple[str, ...]] = {
    **{r: (r, str(n)) for n, r in enumerate(_ROMAN, start=1) if len(r) > 1},
    **{str(n): (str(n),) for n in range(1, len(_ROMAN) + 1)},
    **{str(n): (str(n),) for n in range(len(_ROMAN) + 1, 100)},
}


def _keys(phrases: list[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    # One word per phrase: its longest, which is usually the least common.
    return tuple(dict.fromkeys(max(p, key=len) for p in phrases if p))


def _surname(names: list[str]) -> tuple[str, ...]:
    if len(names) >= 2 and names[0] in FAMILY_NAME_FIRST:
        return (names[0],)
    for i, word in enumerate(names[1:], start=1):
        if word in NAME_PARTICLES:
            return tuple(names[i:])
    return (names[-1],)


def _roles_near(context: Tokens, full: tuple[str, ...], surname: tuple[str, ...]) -> list[Role]:
    """Titles the claim gives this person: just before the name, or in an apposition after it."""
    spots = context.find(full) or context.find(surname)
    if not spots:
        return []
    roles: list[Role] = []
    for title, aliases in ROLES.items():
        title_words = phrase(title)
        if title_words[0] not in context:
            continue
        for pos in context.find(title_words):
            end = pos + len(title_words)
            near = any(
                0 <= spot - end <= 3  # "Treasury Secretary Janet Yellen"
                or 0 < pos - (spot + len(full)) <= 6  # "Wang Yi, China's top diplomat"
                for spot in spots
            )
            if not near:
                continue
            qualifiers = countries_in(context, max(0, pos - 3), pos)
            if not qualifiers and title in _TITLE_HOME:
                # "Secretary of State Antony Blinken": the title is the United States' own, so
                # "China's top diplomat" is someone else.
                qualifiers = {_TITLE_HOME[title]}
            generic = title in GENERIC_ROLES
            if generic and not qualifiers:
                qualifiers = _home_countries(context)
            roles.append(Role(tuple(phrase(a) for a in aliases), frozenset(qualifiers), generic))
    return roles


# Words before a country that make it where the person goes, not whose title they hold:
# "Prime Minister Narendra Modi will visit Kyiv" says nothing of a Ukrainian premier.
_DESTINATION = frozenset(
    {"to", "in", "at", "into", "from", "toward", "towards", "visit", "visits", "visiting",
     "visited", "with", "against", "on", "over", "and"}
)  # fmt: skip


def _home_countries(context: Tokens) -> set[str]:
    """The countries a claim's sentence names other than as a destination or a counterpart."""
    found: set[str] = set()
    for first in set(context.words):
        for alias in _COUNTRY_BY_FIRST.get(first, ()):
            for pos in context.find(alias):
                if _case_ok(context, pos, alias) and not (
                    pos and context.words[pos - 1] in _DESTINATION
                ):
                    found.add(_ALIAS_TO_COUNTRY[alias])
    return found


def match_country(actor: Actor, item: Tokens) -> float:
    """A national body named by its country ("Japan lands on the moon" for JAXA): a weaker
    match, which the judge allows only where news speaks so (space missions)."""
    return ROLE if any(name_in(item, p) for p in actor.country) else 0.0


def wide_match(actor: Actor, item: Tokens) -> bool:
    """Whether the item names this organisation only by a name others share: its country
    ("Japan" for the Japanese government), a company's short form ("Goldman"), a shorter
    name ("Congress") or a title. A person's surname is no wide name."""
    words = [w for w in phrase(actor.name) if w != "the"]
    if actor.person or len(words) == 1:
        return False  # a one-word name ("Reddit", "NATO") is the name itself
    while len(words) > 1 and words[-1] in ORG_SUFFIXES:
        words.pop()
    if len(words) < len(phrase(actor.name)) and item.find(tuple(words)):
        return False  # "Arm" for "Arm Holdings": the name less its legal form
    own = tuple(w for w in phrase(actor.name) if w != "the") in _ALIAS_TO_COUNTRY
    for p in actor.phrases:
        if (own or p not in _ALIAS_TO_COUNTRY) and any(
            _case_ok(item, pos, p) for pos in item.find(p)
        ):
            return False
    return True


def match_actor(actor: Actor, item: Tokens) -> float:
    """How surely the item names this actor: 1.0 by name, 0.95 by surname, 0.8 by title, else 0."""
    for p in actor.phrases:
        for pos in item.find(p):
            if _case_ok(item, pos, p):
                return NAME
    for s in actor.surnames:
        for pos in item.find(s):
            if item.capitalised(pos):
                return SURNAME
    for p in actor.short:
        for pos in item.find(p):
            if item.capitalised(pos):
                return ROLE
    best = 0.0
    for role in actor.roles:
        for p in role.phrases:
            for pos in item.find(p):
                qualifiers = countries_in(item, max(0, pos - 3), pos)
                if role.generic and not (qualifiers & role.qualifiers):
                    continue
                if qualifiers and role.qualifiers and not (qualifiers & role.qualifiers):
                    continue
                if qualifiers & role.qualifiers or role.phrases in _SOLE_ROLES:
                    return QUALIFIED_ROLE
                best = ROLE
    if best:
        return best
    return SURNAME if _abbreviated(actor, item) else 0.0


# Titles that belong to one country unless the claim says otherwise.
_TITLE_HOME = {
    "secretary of state": "united states",
    "treasury secretary": "united states",
    "fed chair": "united states",
}


def _abbreviated(actor: Actor, item: Tokens) -> bool:
    """An organisation named by an abbreviation of its name ("ASEAN" for the Association of
    Southeast Asian Nations: each word gives the start of its spelling), or an acronym actor
    spelled out in the item ("National Transportation Safety Board" for "NTSB")."""
    if actor.person:
        return False
    runs, upper = _capitals(item.original)
    name = actor.name.strip()
    if name.isupper() and name.isalpha() and 3 <= len(name) <= 6:
        short = name.lower()
        return any(_spells(short, run) for run in runs)
    if not upper:
        return False
    words = _significant(name)
    return len(words) >= 2 and any(_abbreviates(u, words) for u in upper)


_LINKS = frozenset({"of", "and", "for", "the", "on", "&"})


@lru_cache(maxsize=1024)
def _capitals(original: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """An item's runs of two or more capitalised words (linking words skipped), and its words
    in capitals of three letters or more: what abbreviations are looked for in (once an item)."""
    runs: list[tuple[str, ...]] = []
    run: list[str] = []
    for word in (*original, ""):
        if word[:1].isupper():
            run.append(word.lower())
        elif word.lower() not in _LINKS or not run:
            if len(run) >= 2:
                runs.append(tuple(run))
            run = []
    upper = frozenset(w.lower() for w in original if len(w) >= 3 and w.isupper() and w.isalpha())
    return tuple(runs), upper


def _spells(short: str, run: tuple[str, ...]) -> bool:
    """Whether some words of the run, in a row, spell ``short`` by their starts."""
    for i, first in enumerate(run):
        if first[0] == short[0]:
            for n in range(2, min(len(short), len(run) - i) + 1):
                if _abbreviates(short, run[i : i + n]):
                    return True
    return False


@lru_cache(maxsize=4096)
def _significant(name: str) -> tuple[str, ...]:
    return tuple(w for w in tokenize(name).words if w not in _LINKS)


@lru_cache(maxsize=8192)
def _abbreviates(short: str, words: tuple[str, ...]) -> bool:
    """Whether ``short`` takes, in order, the first letter of each of ``words`` and at most two
    more letters of the same word after it ("SE" of "Southeast"), every word giving one: the
    test of Schwartz and Hearst for an abbreviation and its long form, made strict."""
    if not words:
        return not short
    if len(short) < len(words) or short[0] != words[0][0]:
        return False
    rest = words[1:]
    if _abbreviates(short[1:], rest):
        return True
    first = words[0]
    for i in range(1, len(first)):
        if len(short) > 1 and first[i] == short[1]:
            if _abbreviates(short[2:], rest):
                return True
            for j in range(i + 1, len(first)):
                if len(short) > 2 and first[j] == short[2] and _abbreviates(short[3:], rest):
                    return True
    return False
