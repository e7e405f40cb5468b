"""Text helpers for the judge: normalise, tokenise, find phrases, split clauses.

Tokens are lower-case words with accents removed; the original capitalisation is kept beside
them because a surname ("May", "Cook") is only a name when it is capitalised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, KeysView
from functools import lru_cache

from lemminflect import getAllLemmas

# Abbreviations with dots would be split into letters; spell them as one token first.
_ABBREVIATIONS = (
    (re.compile(r"\bU\.\s?S\.(?:\s?A\.)?"), "US"),
    (re.compile(r"\bU\.\s?K\."), "UK"),
    (re.compile(r"\bE\.\s?U\."), "EU"),
    (re.compile(r"\bU\.\s?N\."), "UN"),
)
# Model and product names keep their hyphenated number ("GPT-5", "F-35", "COVID-19").
_WORD = re.compile(r"[A-Za-z]+-\d+[A-Za-z]*|[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
# Clause boundaries: sentence ends, semicolons, dashes, "but"/"while" and a few conjunctions.
_CLAUSE = re.compile(r"[.;:!?|\n]+\s|\s[—–-]\s|\s(?:but|while|although|though|however)\s", re.I)


# Letters that carry no combining accent, so NFKD leaves them whole: "Kılıçdaroğlu", "Wałęsa",
# "Støre", "Đoković", "Straße" must fold like their plain-letter spellings in English news.
_PLAIN_LETTERS = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ħ": "h",
    }
)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Accents removed and typographic quotes made plain."""
    text = text.replace("’", "'").replace("‘", "'")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Tokens:
    """Lower-case words of a text, with the original spelling beside each (immutable)."""

    __slots__ = ("_positions", "original", "words")

    def __init__(self, words: tuple[str, ...], original: tuple[str, ...]) -> None:
        self.words = words
        self.original = original
        # Built on the first search: many token lists are only ever read as words.
        self._positions: dict[str, list[int]] | None = None

    @property
    def vocabulary(self) -> KeysView[str]:
        """The distinct words (a set view: intersect it with a table's keys)."""
        return self._index().keys()

    def has_any(self, table: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
        """Whether any phrase of a table keyed by first word occurs (see ``by_first_word``)."""
        positions = self._positions if self._positions is not None else self._index()
        for first in table.keys() & positions.keys():
            for p in table[first]:
                if self.find(p):
                    return True
        return False

    def _index(self) -> dict[str, list[int]]:
        positions = self._positions
        if positions is None:
            positions = {}
            for i, word in enumerate(self.words):
                if word in positions:
                    positions[word].append(i)
                else:
                    positions[word] = [i]
            self._positions = positions
        return positions

    def __contains__(self, word: str) -> bool:
        return word in self._index()

    def find(self, phrase: tuple[str, ...], start: int = 0) -> list[int]:
        """Every position where ``phrase`` (lower-case words) starts, from ``start`` on."""
        n = len(phrase)
        if n == 0:
            return []
        positions = self._positions if self._positions is not None else self._index()
        found = positions.get(phrase[0])
        if found is None:
            return []
        if n == 1 and start == 0:
            return list(found)
        hits = []
        for i in found:
            if i >= start and (n == 1 or self.words[i : i + n] == phrase):
                hits.append(i)
        return hits

    def capitalised(self, i: int) -> bool:
        return self.original[i][:1].isupper()


@lru_cache(maxsize=8192)
def tokenize(text: str) -> Tokens:
    text = fold(text)
    if "." in text:
        for pattern, repl in _ABBREVIATIONS:
            text = pattern.sub(repl, text)
    original = tuple(_WORD.findall(text))
    lowered = text.lower()
    if "'" not in lowered:
        return Tokens(tuple(_WORD.findall(lowered)), original)
    # "Yellen's" -> "yellen"; "didn't" stays whole: it is a negation marker.
    words = tuple(w[:-2] if w.endswith("'s") else w for w in _WORD.findall(lowered))
    return Tokens(words, original)


def title_case(toks: Tokens) -> bool:
    """A headline in Title Case ("Putin and Kim Sign Defence Pact"), where a capital says
    nothing of a name: most of its longer words are capitalised, verbs among them."""
    common = [i for i, w in enumerate(toks.words) if len(w) > 3 and dictionary_word(w)]
    # Every longer dictionary word capitalised ("Putin and Kim Sign Mutual Defence Pact"), not
    # a headline of names with one lower-case verb ("Zelensky and Trump clash in Oval Office").
    return len(common) >= 2 and all(toks.capitalised(i) for i in common)


@lru_cache(maxsize=8192)
def dictionary_word(word: str) -> bool:
    """A word an English dictionary form explains ("draws", "crackdown"), unlike a name."""
    return bool(getAllLemmas(word))


def name_like(toks: Tokens, i: int, titled: bool) -> bool:
    """Capitalised as a name is: in a Title Case headline only a word no dictionary knows."""
    return toks.capitalised(i) and not (titled and dictionary_word(toks.words[i]))


def by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by their first word, for ``Tokens.has_any``."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            table.setdefault(p[0], []).append(p)
    return {first: tuple(ps) for first, ps in table.items()}


@lru_cache(maxsize=4096)
def phrase(text: str) -> tuple[str, ...]:
    """A phrase as the tuple of tokens ``tokenize`` would produce."""
    return tokenize(text).words


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A word's first five letters, the crude stem subject words are compared by; a model or
    mission number is dropped first ("Luna-25" -> "luna")."""
    if "-" in word and word[-1].isdigit():
        word = word.rsplit("-", 1)[0]
    return word[:5]


@lru_cache(maxsize=8192)
def clauses(text: str) -> tuple[str, ...]:
    """The text cut at sentence and clause boundaries (each headline is its own clause)."""
    text = fold(text)
    if "." in text:
        for pattern, repl in _ABBREVIATIONS:  # "U.S. President" is not two sentences
            text = pattern.sub(repl, text)
    # A headline's closing full stop or question mark is no part of the clause: the clause must
    # read the same whether cut from the headline alone or from headline and summary together.
    out = []
    for part in _CLAUSE.split(text):
        part = part.strip().rstrip(".;:!?|").rstrip()
        if part:
            out.append(part)
    return tuple(out)


def acronym(words: list[str]) -> str:
    """'Asia-Pacific Economic Cooperation' -> 'apec'; 'Bank of England' -> 'boe'."""
    letters = [w[0] for w in words if w]
    return "".join(letters).lower()


def acronyms_in(text: str) -> set[str]:
    """Acronyms of the capitalised word runs in a text, and the all-capital words themselves."""
    found: set[str] = set()
    run: list[str] = []
    for word in re.findall(r"[A-Za-z0-9&]+|[^A-Za-z0-9&\s]", fold(text).replace("-", " ")):
        if word[:1].isupper() or (run and word.lower() in {"of", "and", "for", "the"}):
            run.append(word)
            if word.isupper() and len(word) >= 2:
                found.add(word.lower())
            continue
        _close_run(run, found)
        run = []
    _close_run(run, found)
    return found


def _close_run(run: list[str], found: set[str]) -> None:
    while run and run[-1].lower() in {"of", "and", "for", "the"}:
        run.pop()
    if len(run) >= 2:
        found.add(acronym(run))
        found.add(acronym([w for w in run if w.lower() not in {"of", "and", "for", "the"}]))
