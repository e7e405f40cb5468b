"""Where a claim's event is, by what names news may give the place, and which places an item
names: the place itself, a venue inside it or beside it, its capital's descriptions ("the
Chinese capital"), and the country around a city (a weaker match).
"""

from __future__ import annotations

from functools import lru_cache

from forecasts.evidence.lexicon import CITIES, COUNTRIES, NEARBY
from forecasts.evidence.text import Tokens, phrase


@lru_cache(maxsize=4096)
def place_aliases(
    location: str,
) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    if not location.strip():
        return (), ()
    key = " ".join(phrase(location))
    exact = {phrase(location)}
    # "Boca Chica, Texas": each part names the place; "San Francisco Bay Area": the city in it.
    parts = [p for p in (phrase(part) for part in location.split(",")) if p]
    if len(parts) > 1:
        exact.update(parts)
    padded = f" {key} "
    inside = ""  # a known city the place is in ("Rashtrapati Bhavan, New Delhi")
    for known in (*NEARBY, *CITIES):
        if known != key and f" {known} " in padded:
            exact.add(phrase(known))
            exact.update(phrase(n) for n in NEARBY.get(known, ()))
            inside = inside or (known if known in CITIES else "")
    exact.update(phrase(n) for n in NEARBY.get(key, ()))
    exact.update(_CAPITAL_OF.get(key, ()))
    region: set[tuple[str, ...]] = set()
    if key in COUNTRIES:
        # A country: its names, demonyms and capital, and any city in it, prove the place.
        exact.update(phrase(a) for a in COUNTRIES[key])
        exact.update(phrase(city) for city, country in CITIES.items() if country == key)
        return tuple(exact), ()
    country = CITIES.get(key) or next((c for c, al in COUNTRIES.items() if key in al), None)
    country = country or CITIES.get(inside)
    if country:
        # A city: only the city (or a place beside it) proves it; its country half-proves it.
        region.add(phrase(country))
    return tuple(exact), tuple(region - exact)


def _capitals() -> dict[str, tuple[tuple[str, ...], ...]]:
    """A capital by what news calls it: "the Chinese capital", "the capital of Japan"."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for country, aliases in COUNTRIES.items():
        capital = next((a for a in aliases if CITIES.get(a) == country), "")
        if capital:
            names = [a for a in aliases if a != capital and "." not in a]
            out[capital] = tuple(
                p for a in names for p in (phrase(f"{a} capital"), phrase(f"capital of {a}"))
            )
    return out


_CAPITAL_OF = _capitals()


_CITIES_BY_FIRST: dict[str, list[str]] = {}


for _city in CITIES:
    _CITIES_BY_FIRST.setdefault(phrase(_city)[0], []).append(_city)


def cities_in(toks: Tokens) -> set[str]:
    """The known cities a text names (looked up by first word, not by trying every city)."""
    return {
        city
        for word in set(toks.words)
        for city in _CITIES_BY_FIRST.get(word, ())
        if toks.find(phrase(city))
    }


def named_as_place(toks: Tokens, places: set[str]) -> bool:
    """A place counts as where the event is when it follows in/to/at ("lands in Jakarta")."""
    for place in places:
        candidates = [place, *COUNTRIES.get(place, ())]
        for name in candidates:
            words = phrase(name)
            for pos in toks.find(words):
                if pos and toks.words[pos - 1] in {"in", "to", "at", "near", "visits", "visit"}:
                    return True
    return False
