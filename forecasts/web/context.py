"""A claim's sentence in its article: the text around it, cut at word boundaries (pure)."""

from __future__ import annotations

from dataclasses import dataclass

RADIUS = 400  # characters of article text shown on each side of the sentence


@dataclass(frozen=True)
class InContext:
    before: str
    sentence: str
    after: str


def in_context(text: str, sentence: str, radius: int = RADIUS) -> InContext | None:
    """The sentence with up to ``radius`` characters either side, or None if it is not there."""
    start = text.find(sentence) if sentence else -1
    if start < 0:
        return None
    end = start + len(sentence)
    before = text[max(0, start - radius) : start]
    after = text[end : end + radius]
    if start > radius and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    if end + radius < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return InContext(before, sentence, after)
