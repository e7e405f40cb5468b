"""Who said it, as one name: speakers normalised for track records (pure).

The extractor keeps the speaker as the article wrote it: "U.S. Treasury", "Treasury
Department", "the Treasury"; "Treasury Secretary Janet Yellen", "Yellen". A track record needs
one name per speaker:

- determiners, counts and titles go ("the", "two", "Secretary"), "X Department" and
  "Department of X" are X, "a Kremlin spokesman" speaks for the Kremlin;
- a country qualifier ("U.S.", "China's", "Chinese") is kept apart: a name without one joins
  the single qualified name with the same rest ("the Treasury" is "U.S. Treasury" when that is
  the only Treasury), but "Foreign Ministry" stays apart when both China's and India's occur;
- a lone surname joins the one full name that ends with it ("Yellen" -> "Janet Yellen");
- generic sources ("officials", "people familiar with the matter", "analysts", "the article")
  are nobody in particular: they get no track record (``None``).

Each group is shown under its most frequent spelling (the longest among equals).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from forecasts.evidence.lexicon import COUNTRIES, ORG_WORDS
from forecasts.evidence.text import phrase, tokenize

_GENERIC = frozenset(
    {
        "official", "officials", "source", "sources", "analyst", "analysts", "economist",
        "economists", "expert", "experts", "diplomat", "diplomats", "observer", "observers",
        "trader", "traders", "people", "person", "organizer", "organizers", "organiser",
        "organisers", "campaigner", "campaigners", "media", "poll", "polls", "article",
        "report", "reports", "market", "markets", "investor", "investors", "delegate",
        "delegates", "insider", "insiders", "aide", "aides", "critic", "critics", "residents",
        "bookmakers", "projections", "forecasters", "strategists", "lawmakers",
    }
)  # fmt: skip
_DROP = frozenset(
    {
        "the", "a", "an", "two", "three", "four", "five", "several", "some", "many", "senior",
        "top", "unnamed", "anonymous", "former", "current", "other",
    }
)  # fmt: skip
_TITLES = frozenset(
    {
        "president", "vice", "prime", "minister", "secretary", "treasury", "foreign", "finance",
        "defense", "defence", "chancellor", "premier", "governor", "chair", "chairman",
        "chairwoman", "ceo", "chief", "executive", "director", "ambassador", "spokesman",
        "spokeswoman", "spokesperson", "general", "gen", "mr", "mrs", "ms", "dr", "sir",
        "senator", "sen", "rep", "representative", "king", "queen", "pope", "deputy",
        "state", "commerce", "trade", "economy", "envoy", "leader", "head",
    }
)  # fmt: skip
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})
_INSTITUTION = frozenset({"department", "dept"})

_COUNTRY_BY_PHRASE: dict[tuple[str, ...], str] = {
    phrase(alias): country for country, aliases in COUNTRIES.items() for alias in aliases
}


@dataclass(frozen=True, slots=True)
class SpeakerKey:
    country: str  # "" when the name gives none
    name: tuple[str, ...]  # lower-case words
    person: bool


@lru_cache(maxsize=65536)
def speaker_key(raw: str) -> SpeakerKey | None:
    """The parts of a speaker's name that identify it; None for a generic or empty speaker."""
    toks = tokenize(raw)
    # (lower-case word, capitalised as written) pairs, trimmed from both ends below.
    words = [(w, o[:1].isupper()) for w, o in zip(toks.words, toks.original, strict=False)]
    while words and words[0][0] in _DROP:
        words = words[1:]
    country = ""
    for n in (3, 2, 1):
        lead = tuple(w for w, _ in words[:n])
        if len(words) >= n and lead in _COUNTRY_BY_PHRASE:
            country, words = _COUNTRY_BY_PHRASE[lead], words[n:]
            break
    while words and words[0][0] in _DROP:
        words = words[1:]
    if country and (not words or (len(words) == 1 and words[0][0] in _SPOKES)):
        return SpeakerKey(country, (), False)  # "the Kremlin", "a Kremlin spokesman", "China"
    if not words or words[0][0] in _GENERIC or words[-1][0] in _GENERIC:
        return None
    if len(words) >= 2 and words[-1][0] in _SPOKES:
        words = words[:-1]  # "a Kremlin spokesman": the Kremlin
    if len(words) > 2 and words[0][0] in _INSTITUTION and words[1][0] == "of":
        words = words[2:]  # "Department of the Treasury"
    words = [p for p in words if p[0] != "the"]
    if len(words) >= 2 and words[-1][0] in _INSTITUTION:
        words = words[:-1]  # "Treasury Department"
    if not words:
        return None
    # A person: the capitalised words after the last title ("Treasury Secretary Janet Yellen",
    # "Bank of England Governor Andrew Bailey"), or a name with no title at all.
    titled = [i for i, (w, _) in enumerate(words) if w in _TITLES]
    rest = words[titled[-1] + 1 :] if titled else list(words)
    named = bool(rest) and all(cap and w not in ORG_WORDS and w not in _TITLES for w, cap in rest)
    if named and len(rest) <= 4 and (titled or len(rest) == len(words)):
        return SpeakerKey("", tuple(w for w, _ in rest), True)
    return SpeakerKey(country, tuple(w for w, _ in words), False)


def canonical_speakers(
    names: Iterable[str], counts: Mapping[str, int] | None = None
) -> dict[str, str | None]:
    """Each raw speaker name -> the name its track record goes under (None: generic)."""
    raw = [n for n in dict.fromkeys(names)]
    weight = counts or {}
    keys = {n: speaker_key(n) for n in raw}
    known = {k for k in keys.values() if k is not None}
    # A name without a country joins the one qualified name with the same rest.
    qualified: dict[tuple[str, ...], set[str]] = {}
    for k in known:
        if k.country:
            qualified.setdefault(k.name, set()).add(k.country)
    # A lone surname joins the one full name of a person ending with it.
    full_by_last: dict[str, set[tuple[str, ...]]] = {}
    for k in known:
        if k.person and len(k.name) >= 2:
            full_by_last.setdefault(k.name[-1], set()).add(k.name)

    def group(k: SpeakerKey) -> tuple[str, tuple[str, ...]]:
        name, country = k.name, k.country
        if len(name) == 1 and len(full_by_last.get(name[0], ())) == 1:
            name = next(iter(full_by_last[name[0]]))
            country = ""
        if not country and len(qualified.get(name, ())) == 1:
            country = next(iter(qualified[name]))
        return country, name

    members: dict[tuple[str, tuple[str, ...]], Counter[str]] = {}
    for n, key in keys.items():
        if key is not None:
            members.setdefault(group(key), Counter())[n] += weight.get(n, 1)
    shown = {
        g: g[0].title()
        if not g[1]
        else max(c.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        for g, c in members.items()
    }
    return {n: (None if key is None else _display(shown[group(key)])) for n, key in keys.items()}


def _display(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)
