"""Sentence splitting robust to abbreviations ("U.S.", "Jan.", "Mr."), initials and quotes.

Paragraphs (blank lines or single line breaks in plain text) never share a sentence. Inside a
paragraph a sentence ends at ".", "!" or "?" (and any closing quotes or brackets) followed by
white space and an upper-case letter, a digit or an opening quote, unless the word before the
full stop is a known abbreviation, an initial or part of a dotted acronym followed by a word
that cannot start a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations that are (almost) never the end of a sentence: titles and month/day shorthands
# followed by a name or a number.
TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen",
    "gov", "pres", "st", "rev", "hon", "sr", "jr", "adm", "cmdr", "atty", "supt", "fr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "v", "etc", "e.g", "i.e", "approx", "est", "dept", "univ", "corp", "inc",
    "ltd", "co", "mt", "ft", "fig", "vol", "art", "ch", "sec",
}  # fmt: skip
# These may end a sentence ("... the Fed said on Jan. 5." / "made by Apple Inc. It ...")
# when the next word looks like a sentence start.
MAY_END = {"inc", "ltd", "co", "corp", "etc", "jr", "sr"}

_BOUNDARY = re.compile(r"""([.!?…]+)(["'”’»)\]]*)(\s+)(?=["“‘'(\[]?[A-Z0-9])""")
_QUOTE_OPEN = "“\"'‘"


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) pairs: blocks separated by line breaks. A hard-wrapped line (the
    line before ends mid-sentence, this one opens in lower case: "... close in 2011, or in
    the\nfirst quarter of 2012") continues its paragraph."""
    out: list[tuple[int, str]] = []
    for m in re.finditer(r"[^\n]+", text):
        block = m.group(0)
        if not block.strip():
            continue
        if out and _WRAPPED.match(block) and not _LINE_END.search(out[-1][1]):
            start = out[-1][0]
            out[-1] = (start, text[start : m.end()])
            continue
        out.append((m.start(), block))
    return out


_WRAPPED = re.compile(r"\s*[a-z]")
_LINE_END = re.compile(r"[.!?:;”\"’')\]]\s*$")


_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD = re.compile(r"[\"“‘'(\[]?([A-Za-z0-9]+)")


def _is_abbreviation(block: str, end: int, after: int) -> bool:
    """Whether the full stop between ``block[:end]`` and ``block[after:]`` closes an
    abbreviation. The patterns run in place (no slice copied, and the last word is looked for
    only in the 100 characters before the stop, not from the start of the block)."""
    word_match = _LAST_WORD.search(block, max(0, end - 100), end)
    if not word_match:
        return False
    word = word_match.group(1)
    low = word.lower().rstrip(".")
    next_word = _NEXT_WORD.match(block, after)
    nxt = next_word.group(1) if next_word else ""
    if len(word) == 1 and word.isupper():
        return True  # an initial: "M. Taylor Fravel"
    if "." in word.rstrip("."):
        # a dotted acronym: "U.S." ends a sentence only before a common sentence opener
        return nxt not in _OPENERS
    if low in TITLES:
        if low in MAY_END:
            return nxt not in _OPENERS
        return True
    return False


_OPENERS = {
    "The", "A", "An", "It", "He", "She", "They", "We", "I", "This", "That", "These", "Those",
    "But", "And", "Its", "His", "Her", "Their", "In", "On", "At", "As", "For", "If", "When",
    "While", "After", "Before", "Officials", "Analysts", "There", "So", "Still", "Yet", "Some",
    "Both", "Such", "Meanwhile", "However", "Last", "Next", "Earlier", "Later", "Most", "Many",
}  # fmt: skip


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets in ``text`` and the index of their paragraph."""
    out: list[Sentence] = []
    for index, (offset, block) in enumerate(paragraphs(text)):
        start = 0
        for m in _BOUNDARY.finditer(block):
            if m.group(1) == "." and _is_abbreviation(block, m.start(), m.end()):
                continue
            end = m.end(2)
            piece = block[start:end].strip()
            if piece:
                lead = len(block[start:end]) - len(block[start:end].lstrip())
                out.append(Sentence(piece, offset + start + lead, index))
            start = m.end()
        piece = block[start:].strip()
        if piece:
            lead = len(block[start:]) - len(block[start:].lstrip())
            out.append(Sentence(piece, offset + start + lead, index))
    return out
